"""Where per-document results live on disk, and how they are written and read (Parquet + JSON).

Layout under the data folder: inbox manifest, raw/<document_id>/, clean/<document_id>/<table_id>.parquet,
quarantine/<document_id>.json. Per-document stages write only their own folder, so documents
can run in parallel without touching DuckDB.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from assets.audit.rules import Finding
from assets.clean.cells import TableCell
from assets.clean.document_facts import department_key
from assets.clean.ocr_readings import OcrReading
from assets.clean.tables import CleanDocument, CleanTable
from assets.extract.model import ExtractedDocument, RawCell, TextLine
from assets.templates.spec import SPEC_DIR

DOCUMENT_ID_LENGTH = 16
VERSION_FILE = "extractor_version"
MANIFEST = "manifest.json"
HASH_CACHE = "inbox_hashes.json"  # {path: [size, mtime_ns, sha256]}: an unchanged file is not hashed again
EXTRACT_DIR = Path(__file__).parent / "extract"
CLEAN_DIR = Path(__file__).parent / "clean"
AUDIT_DIR = Path(__file__).parent / "audit"
ZERO = Decimal("0")
PRINTED_AMOUNT = pa.decimal128(24, 6)  # as printed (万元 to 6 decimals is to the 分), exact; staging converts to 元


@dataclass(frozen=True)
class InboxFile:
    """One PDF of the inbox: its stable id (content hash prefix) and where it is. An entry that
    cannot be read has a `problem` (the quarantine reason) and an id made from its path."""

    document_id: str
    file_name: str
    path: str
    sha256: str
    size_bytes: int
    problem: str = ""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def inbox_entries(inbox: Path) -> list[Path]:
    """Every entry named *.pdf (any case, any depth) that is not a folder, and every folder that
    cannot be listed, sorted by path."""
    unlisted: list[OSError] = []
    found = []
    for folder, _, names in os.walk(inbox, onerror=unlisted.append):
        found += [Path(folder, name) for name in names if name.lower().endswith(".pdf")]
    return sorted(found + [Path(error.filename) for error in unlisted])


def printable(text: str) -> str:
    """A name that cannot be shown as UTF-8 (GBK bytes from a Windows zip), decoded as GBK."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("gbk", "replace")


def entry_problem(path: Path) -> str:
    """Why an inbox entry cannot be loaded before reading it, or ""."""
    if printable(str(path)) != str(path):
        return ("file name is not UTF-8 (GBK, from a zip made on Windows?): rename it, e.g. "
                "`convmv -f gbk -t utf-8 --notest FILE`, and run again")
    if path.is_symlink() and not path.exists():
        return (f"broken link: it points to {printable(os.readlink(path))}, which does not exist; "
                "fix or remove the link")
    if not os.path.lexists(path):
        return read_problem(FileNotFoundError())
    if path.is_dir():
        return ("a folder that cannot be listed: the PDFs in it are not loaded; give the pipeline "
                "read access, e.g. chmod a+rx FOLDER")
    if not path.is_file():
        return "not a regular file (a pipe, socket or device): copy the PDF itself into the inbox"
    return ""


def read_problem(error: OSError) -> str:
    """The quarantine reason for an entry that failed while it was read."""
    if isinstance(error, FileNotFoundError):
        return "left the inbox while it was being scanned (moved or deleted): it loads once it is back"
    if isinstance(error, PermissionError):
        return "cannot be read (permission denied): give the pipeline read access, e.g. chmod a+r FILE"
    return f"cannot be read ({error.strerror or error}): copy it into the inbox again"


def inbox_file(path: Path, known: dict[str, list], seen: dict[str, list]) -> InboxFile:
    """Given an inbox entry, return it with its content-hash id, or with the problem that stops it
    being read (its id then comes from the path, so it stays one partition). `known` is the hash
    cache: a file of the same size and modification time is not read again; `seen` gets its entry."""
    problem = entry_problem(path)
    if not problem:
        try:
            status = path.stat()
            stamp = [status.st_size, status.st_mtime_ns]
            cached = known.get(str(path))
            sha = cached[2] if cached and cached[:2] == stamp else file_sha256(path)
            seen[str(path)] = [*stamp, sha]
            return InboxFile(sha[:DOCUMENT_ID_LENGTH], path.name, str(path), sha, status.st_size)
        except OSError as error:
            problem = read_problem(error)
    path_id = hashlib.sha256(os.fsencode(path)).hexdigest()[:DOCUMENT_ID_LENGTH]
    return InboxFile(path_id, printable(path.name), printable(str(path)), "", 0, problem)


def read_hash_cache(data_dir: Path | None) -> dict[str, list]:
    """The inbox hashes the last saved scan kept in the data folder (empty when none or unreadable)."""
    try:
        return json.loads((data_dir / HASH_CACHE).read_text()) if data_dir else {}
    except (OSError, ValueError):
        return {}


def write_hash_cache(data_dir: Path, seen: dict[str, list]) -> None:
    """Replace the hash cache atomically: documents running in parallel read it."""
    temp = data_dir / f"{HASH_CACHE}.{os.getpid()}.partial"
    temp.write_text(json.dumps(seen))
    os.replace(temp, data_dir / HASH_CACHE)


def scan_inbox(inbox: Path, data_dir: Path | None = None, save: bool = False) -> list[InboxFile]:
    """Given the inbox folder, return its PDFs (by extension, any case) with content-hash ids,
    and the entries that cannot be read with their problem; one bad entry never stops the scan.
    With `data_dir`, a file unchanged (size, mtime) since the last saved scan keeps its hash, and
    `save` keeps this scan's hashes for the next one.

    Two files with the same content are one document: the first name in sorted order wins.
    """
    known, seen = read_hash_cache(data_dir), {}
    found: dict[str, InboxFile] = {}
    for path in inbox_entries(inbox):
        item = inbox_file(path, known, seen)
        found.setdefault(item.document_id, item)
    if save and data_dir:
        data_dir.mkdir(parents=True, exist_ok=True)
        write_hash_cache(data_dir, seen)
    return list(found.values())


def write_manifest(data_dir: Path, files: list[InboxFile]) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    manifest = [asdict(f) for f in files]
    (data_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1))


def read_manifest(data_dir: Path) -> list[InboxFile]:
    """The inbox as the last scan saw it."""
    path = data_dir / MANIFEST
    return [InboxFile(**item) for item in json.loads(path.read_text())] if path.exists() else []


def find_inbox_file(inbox: Path, data_dir: Path, document_id: str) -> InboxFile:
    """Return the inbox entry whose id is `document_id`; one the last scan saw but that is gone
    now comes back with its problem; raise FileNotFoundError for an id no scan knows."""
    for item in scan_inbox(inbox, data_dir):
        if item.document_id == document_id:
            return item
    for item in read_manifest(data_dir):
        if item.document_id == document_id:
            return replace(item, problem=item.problem or
                           "left the inbox before it could be read (moved or deleted): it loads once it is back")
    raise FileNotFoundError(
        f"document {document_id} is no longer in the inbox {inbox}: re-run the whole pipeline"
    )


def extractor_version() -> str:
    """Changes whenever a template spec, the extraction/cleaning code or an audit rule changes, so
    documents cleaned by an older version are redone."""
    digest = hashlib.sha256()
    sources = [path for folder in (SPEC_DIR, EXTRACT_DIR, CLEAN_DIR, AUDIT_DIR) for path in folder.rglob("*")
               if path.suffix in (".py", ".toml")]  # subpackages too (extract/ocr/), and the templates' code
    for path in sorted(sources):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def is_up_to_date(data_dir: Path, document_id: str) -> bool:
    """True when the document was cleaned, or quarantined, by the current specs and code: a
    document quarantined before a new template spec landed is tried again."""
    marker = clean_dir(data_dir, document_id) / VERSION_FILE
    if marker.exists() and marker.read_text() == extractor_version():
        return True
    quarantine = quarantine_path(data_dir, document_id)
    return (quarantine.exists()
            and json.loads(quarantine.read_text()).get("extractor_version") == extractor_version())


def stale_documents(data_dir: Path, document_ids: list[str]) -> list[str]:
    """The documents whose cleaned tables are missing or made with older specs."""
    return [doc_id for doc_id in document_ids if not is_up_to_date(data_dir, doc_id)]


def raw_dir(data_dir: Path, document_id: str) -> Path:
    return data_dir / "raw" / document_id


def clean_dir(data_dir: Path, document_id: str) -> Path:
    return data_dir / "clean" / document_id


def quarantine_path(data_dir: Path, document_id: str) -> Path:
    return data_dir / "quarantine" / f"{document_id}.json"


def replace_dir(target: Path, write) -> None:
    """Write a document's folder next to `target`, then swap it in, so readers never see half."""
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    write(partial)
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)


def write_raw(data_dir: Path, item: InboxFile, document: ExtractedDocument) -> Path:
    """Write a document's raw cells, lines and facts to raw/<document_id>/."""
    def write(folder: Path) -> None:
        pq.write_table(pa.Table.from_pylist([asdict(c) for c in document.cells],
                                            schema=RAW_CELL_SCHEMA), folder / "cells.parquet")
        pq.write_table(pa.Table.from_pylist([asdict(ln) for ln in document.lines],
                                            schema=TEXT_LINE_SCHEMA), folder / "lines.parquet")
        facts = {**asdict(item), "page_count": document.page_count, "producer": document.producer,
                 "ocr_pages": list(document.ocr_pages), "blank_pages": list(document.blank_pages)}
        (folder / "document.json").write_text(json.dumps(facts, ensure_ascii=False, indent=1))

    target = raw_dir(data_dir, item.document_id)
    replace_dir(target, write)
    return target


def read_raw(data_dir: Path, document_id: str) -> tuple[dict, ExtractedDocument]:
    """Return the facts and the ExtractedDocument written by write_raw."""
    folder = raw_dir(data_dir, document_id)
    facts = json.loads((folder / "document.json").read_text())
    cells = tuple(RawCell(**row) for row in pq.read_table(folder / "cells.parquet").to_pylist())
    lines = tuple(TextLine(**row) for row in pq.read_table(folder / "lines.parquet").to_pylist())
    return facts, ExtractedDocument(facts["page_count"], facts["producer"], cells, lines,
                                    tuple(facts.get("ocr_pages", ())), tuple(facts.get("blank_pages", ())))


RAW_CELL_SCHEMA = pa.schema([
    ("page", pa.int32()), ("table_index", pa.int32()), ("row", pa.int32()), ("col", pa.int32()),
    ("text", pa.string()), ("origin_row", pa.int32()), ("origin_col", pa.int32()),
    ("orphan", pa.bool_()), ("x0", pa.float64()), ("top", pa.float64()),
    ("x1", pa.float64()), ("bottom", pa.float64()), ("indent", pa.float64()),
    ("source", pa.string()), ("ocr_confidence", pa.float64()), ("ruled", pa.bool_()),
])
TEXT_LINE_SCHEMA = pa.schema([
    ("page", pa.int32()), ("line_index", pa.int32()), ("text", pa.string()),
    ("x0", pa.float64()), ("top", pa.float64()), ("bottom", pa.float64()),
    ("source", pa.string()), ("ocr_confidence", pa.float64()),
])


CELLS_FILE = "table_cells"
CELL_SCHEMA = pa.schema([
    ("document_id", pa.string()), ("table_seq", pa.int32()), ("table_id", pa.string()),
    ("printed_code", pa.string()), ("source_unit", pa.string()), ("page", pa.int32()),
    ("source_row", pa.int32()), ("col", pa.int32()), ("column_label", pa.string()),
    ("row_label", pa.string()), ("text", pa.string()), ("amount", PRINTED_AMOUNT),
])
FIGURE_SCHEMA = pa.schema([
    ("document_id", pa.string()), ("figure_index", pa.int32()), ("part", pa.string()),
    ("section", pa.string()), ("statement", pa.string()), ("value", PRINTED_AMOUNT),
    ("unit", pa.string()), ("sentence", pa.string()), ("page", pa.int32()),
])


FINDING_SCHEMA = pa.schema([
    ("document_id", pa.string()), ("finding_index", pa.int32()), ("rule_id", pa.string()),
    ("severity", pa.string()), ("page", pa.int32()), ("section", pa.string()),
    ("sentence", pa.string()), ("printed", pa.string()), ("expected", pa.string()),
])


OCR_READING_SCHEMA = pa.schema([
    ("document_id", pa.string()), ("page", pa.int32()), ("table_index", pa.int32()),
    ("row", pa.int32()), ("col", pa.int32()), ("text", pa.string()), ("confidence", pa.float64()),
    ("x0", pa.float64()), ("top", pa.float64()), ("x1", pa.float64()), ("bottom", pa.float64()),
    ("uncertain", pa.string()),
])


CLEAN_PROVENANCE = pa.schema([  # the first columns of every clean/<table_id>.parquet
    ("document_id", pa.string()), ("table_id", pa.string()), ("printed_code", pa.string()),
    ("source_unit", pa.string()), ("row_index", pa.int32()), ("row_kind", pa.string()),
    ("page", pa.int32()), ("source_row", pa.int32()),
])


def table_schema(table: CleanTable) -> pa.Schema:
    """Arrow schema of a clean table file: provenance columns, then the spec's columns."""
    fields = list(CLEAN_PROVENANCE)
    for key, kind in zip(table.columns, table.kinds, strict=True):
        fields.append((key, PRINTED_AMOUNT if kind == "amount" else pa.string()))
    return pa.schema(fields)


def table_records(document_id: str, table: CleanTable, seq: int) -> list[dict]:
    """One dict per clean row, with provenance, ready for Arrow.

    A blank amount cell means "nothing" and is written as 0; an amount column the template
    does not print is absent from the file, so it reads back as NULL ("not disclosed").
    """
    amount_keys = [key for key, kind in zip(table.columns, table.kinds, strict=True) if kind == "amount"]
    records = []
    for row in table.rows:
        record = {
            "document_id": document_id, "table_id": table.table_id,
            "printed_code": table.printed_code, "source_unit": table.unit,
            "row_index": row.row_index, "row_kind": row.kind, "page": row.page,
            "source_row": row.source_row, "table_seq": seq, **row.values,
        }
        record.update({key: ZERO for key in amount_keys if record[key] is None})
        records.append(record)
    return records


def value_cells(table: CleanTable) -> int:
    """Cells that carry a value: amounts, or any text in a table without amount columns (a form)."""
    if "amount" in table.kinds:
        return sum(isinstance(v, Decimal) for row in table.rows for v in row.values.values())
    return sum(bool(v) for row in table.rows for v in row.values.values())


def table_summary(document_id: str, seq: int, table: CleanTable) -> dict:
    return {
        "document_id": document_id, "table_seq": seq, "table_id": table.table_id,
        "printed_code": table.printed_code, "title": table.title, "source_unit": table.unit,
        "pages": list(table.pages), "row_count": len(table.rows), "note": table.note,
        "value_cells": value_cells(table),
        "issues": list(table.issues),
        "typed": table.typed, "confidence": table.confidence, "why": table.why,
    }


def write_clean(data_dir: Path, facts: dict, document: CleanDocument, findings: tuple[Finding, ...] = (),
                readings: tuple[OcrReading, ...] = ()) -> Path:
    """Write one Parquet file per table type, the narrative's figures and findings, the numbers
    read by OCR, plus document.json and tables.json."""
    document_id = facts["document_id"]

    def write(folder: Path) -> None:
        by_id: dict[str, list[tuple[int, CleanTable]]] = {}
        for seq, table in enumerate(document.tables):
            by_id.setdefault(table.table_id, []).append((seq, table))
        for table_id, tables in by_id.items():
            typed = [(seq, t) for seq, t in tables if t.typed]
            if typed:
                records = [r for seq, t in typed for r in table_records(document_id, t, seq)]
                pq.write_table(pa.Table.from_pylist(records, schema=table_schema(typed[0][1])),
                               folder / f"{table_id}.parquet")
        cells = [cell_record(document_id, seq, t, c) for seq, t in enumerate(document.tables) for c in t.cells]
        pq.write_table(pa.Table.from_pylist(cells, schema=CELL_SCHEMA), folder / f"{CELLS_FILE}.parquet")
        figures = [{"document_id": document_id, **asdict(f)} for f in document.figures]
        pq.write_table(pa.Table.from_pylist(figures, schema=FIGURE_SCHEMA),
                       folder / "narrative_figures.parquet")
        rows = [{"document_id": document_id, "finding_index": i, **asdict(f)} for i, f in enumerate(findings)]
        pq.write_table(pa.Table.from_pylist(rows, schema=FINDING_SCHEMA), folder / "narrative_findings.parquet")
        pq.write_table(pa.Table.from_pylist([{"document_id": document_id, **asdict(r)} for r in readings],
                                            schema=OCR_READING_SCHEMA), folder / "ocr_readings.parquet")
        summaries = [table_summary(document_id, s, t) for s, t in enumerate(document.tables)]
        (folder / "tables.json").write_text(json.dumps(summaries, ensure_ascii=False, indent=1))
        doc = {**facts, "template": document.template, "document_kind": document.document_kind,
               "scope": document.scope, "department_name": document.department,
               "department_key": department_key(document.department), "fiscal_year": document.fiscal_year}
        (folder / "document.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1))
        (folder / VERSION_FILE).write_text(extractor_version())

    target = clean_dir(data_dir, document_id)
    replace_dir(target, write)
    return target


def cell_record(document_id: str, seq: int, table: CleanTable, cell: TableCell) -> dict:
    """One long-format cell (a cell no typed column holds) with its table's provenance."""
    return {"document_id": document_id, "table_seq": seq, "table_id": table.table_id,
            "printed_code": table.printed_code, "source_unit": table.unit, **asdict(cell)}


def write_quarantine(data_dir: Path, item: InboxFile, stage: str, reason: str) -> dict:
    """Record why a document could not be loaded; its clean folder is removed."""
    record = {"document_id": item.document_id, "file_name": item.file_name, "path": item.path,
              "stage": stage, "reason": reason, "extractor_version": extractor_version(),
              "quarantined_at": datetime.now(UTC).isoformat(timespec="seconds")}
    path = quarantine_path(data_dir, item.document_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1))
    shutil.rmtree(clean_dir(data_dir, item.document_id), ignore_errors=True)
    return record


def read_quarantine(data_dir: Path, document_id: str) -> dict | None:
    """The document's quarantine record, or None when it is not quarantined."""
    path = quarantine_path(data_dir, document_id)
    return json.loads(path.read_text()) if path.exists() else None


def clear_quarantine(data_dir: Path, document_id: str) -> None:
    quarantine_path(data_dir, document_id).unlink(missing_ok=True)
