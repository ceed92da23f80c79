"""Which tables of each province template the national catalogue could read alone: drop one table
of a template, re-read its documents and compare every typed row (kind and values) with the full
template. Prints one line per table: needed, or redundant. Documents come from ../shared."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import assets.clean.tables as tables
from assets.extract.pdf_document import extract_document
from assets.templates.spec import TemplateSpec, load_templates

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DOCUMENTS = {  # template -> the corpus documents it reads
    "henan_budget_15": [SHARED / "reference" / "jiaozuo_2023.pdf"],
    "jiangsu_budget_12": sorted(p for p in (SHARED / "corpus/real/budget").glob("*_js-*.pdf")
                                if "narrative" not in p.name),
}


def typed_rows(document) -> dict:
    """Every table's rows as (kind, printed values), keyed by its printed number or kind."""
    return {t.printed_code or t.table_id: [(r.kind, sorted((k, str(v)) for k, v in r.values.items() if v is not None))
                                           for r in t.rows] for t in document.tables}


def read_with(templates: tuple[TemplateSpec, ...], extracted: list) -> list[dict]:
    original = tables.load_templates
    tables.load_templates = lambda: templates
    try:
        return [typed_rows(tables.document_to_tables(doc)) for doc in extracted]
    finally:
        tables.load_templates = original


def main() -> None:
    every = load_templates()
    for name, paths in DOCUMENTS.items():
        extracted = [extract_document(path) for path in paths if path.exists()]
        if not extracted:
            print(f"{name}: no documents found under {SHARED}")
            continue
        spec = next(t for t in every if t.template == name)
        full = read_with(every, extracted)
        for table in spec.tables:
            reduced = dataclasses.replace(spec, tables=tuple(t for t in spec.tables if t.id != table.id))
            alone = read_with(tuple(reduced if t is spec else t for t in every), extracted)
            print(f"{name} {table.id}: {'redundant' if alone == full else 'needed'}", flush=True)


if __name__ == "__main__":
    main()
