"""Re-print the typed tables of real PDFs in other layouts (three-line, flowing, portrait 7 pt, …)
and read them back: a table's reading must not depend on its layout. Prints, per document and
layout, how many tables read to the same rows and values as the real PDF's own reading.

    python bench/rerender_corpus.py three_line,flow [PDF ...]   (default: the real corpus)

Each table is printed from its grids as read: header spans kept, a merged body cell printed once
in its first slot, a cell's line breaks kept. A name the real PDF cut at a page break is printed
cut where it was read, so such a table differs in every layout: compare a layout with "grid".
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assets.clean.grid import PageGrid, cells_to_grids  # noqa: E402
from assets.clean.tables import CleanTable, document_to_tables  # noqa: E402
from assets.extract.pdf_document import extract_document  # noqa: E402
from tests.rendering.render_budget import Layout, render_budget  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "real"
LAYOUTS = {
    "grid": Layout(),
    "flow": Layout(flow=True),
    "portrait7": Layout(landscape=False, font_size=7, flow=True),
    "three_line": Layout(rules="three_line", flow=True),
    "norepeat": Layout(repeat_header=False, font_size=9),
    "spread": Layout(spreadsheet_align=True),
}


def printed(text: str | None) -> str:
    return escape(text or "").replace("\n", "<br/>")


def table_parts(table: CleanTable, grids: list[PageGrid]) -> list[tuple[PageGrid, int]] | None:
    """The ruled grid holding the table's rows on each of its pages, with its first body row."""
    parts = []
    for page in sorted({row.page for row in table.rows}):
        rows = [row for row in table.rows if row.page == page]
        names = [v for row in rows for v in row.values.values() if isinstance(v, str) and len(v) > 1]
        candidates = [g for g in grids if g.page == page and g.ruled
                      and len(g.texts) > max(row.source_row for row in rows)]
        grid = next((g for g in candidates if not names or any(names[0] in "".join(r) for r in g.texts)), None)
        if grid is None:
            return None
        parts.append((grid, min(row.source_row for row in rows)))
    return parts if len({grid.n_cols for grid, _ in parts}) == 1 else None


def header_cells(grid: PageGrid, body_start: int) -> list[dict]:
    cells = []
    for r in range(body_start):
        for c in range(grid.n_cols):
            if grid.origins[r][c] == (r, c):
                rs = sum(grid.origins[k][c] == (r, c) for k in range(body_start))
                cs = sum(grid.origins[r][k] == (r, c) for k in range(grid.n_cols))
                cells.append({"text": printed(grid.texts[r][c]), "r": r, "c": c, "rs": rs, "cs": cs})
    return cells


def truth_table(table: CleanTable, parts: list[tuple[PageGrid, int]], n: int) -> dict:
    """The table as a truth-file table dict that tests/rendering/render_budget.py prints."""
    first, body_start = parts[0]
    rows = [{"kind": "item", "cells": [printed(text) if grid.origins[r][c] == (r, c) else None
                                       for c, text in enumerate(grid.texts[r])]}
            for grid, start in parts for r in range(start, len(grid.texts))]
    code = table.printed_code or ""
    return {"id": f"t{n}", "code_line": f"表{code}" if code.isdigit() else code, "title": table.title,
            "dept_label": f"部门名称：{table.department}" if table.department else "",
            "unit_label": f"单位：{table.unit}" if table.unit else "",
            "columns": [{"key": f"c{i}", "label": "", "kind": "text"} for i in range(first.n_cols)],
            "header": header_cells(first, body_start), "rows": rows,
            "layout": {"widths": [max(x1 - x0, 5) for x0, x1 in first.columns]}}


def reprintable(path: Path) -> tuple[list[dict], list[CleanTable]]:
    """The document's typed tables that can be printed again, as truth dicts and as read."""
    extracted = extract_document(path)
    grids = cells_to_grids(extracted.cells)
    truths, tables = [], []
    for n, table in enumerate(document_to_tables(extracted).tables):
        parts = table_parts(table, grids) if table.typed and table.rows else None
        if parts and parts[0][1] > 0:
            truths.append(truth_table(table, parts, n))
            tables.append(table)
    return truths, tables


def values(table: CleanTable, columns: tuple[str, ...]) -> list[list]:
    return [[row.values.get(k) for k in columns] for row in table.rows]


def differing(tables: list[CleanTable], read: list[CleanTable]) -> list[str]:
    """The tables whose kind and values no table read back has."""
    return [t.table_id for t in tables
            if not any(b.table_id == t.table_id and values(b, t.columns) == values(t, t.columns) for b in read)]


def main(paths: list[str], layouts: list[str]) -> None:
    totals = {name: [0, 0] for name in layouts}
    for path in paths:
        truths, tables = reprintable(Path(path))
        if not tables:
            continue
        for name in layouts:
            with tempfile.TemporaryDirectory() as folder:
                pdf = render_budget(Path(folder) / "reprint.pdf", truths, LAYOUTS[name])
                bad = differing(tables, document_to_tables(extract_document(pdf)).tables)
            totals[name][0] += len(tables) - len(bad)
            totals[name][1] += len(tables)
            print(f"{Path(path).name[:48]:48} {name:10} {len(tables) - len(bad)}/{len(tables)} {' '.join(bad)}")
    for name, (same, total) in totals.items():
        print(f"{name}: {same} of {total} tables read the same")


if __name__ == "__main__":
    names = sys.argv[1].split(",") if len(sys.argv) > 1 else list(LAYOUTS)
    pdfs = sys.argv[2:] or sorted(str(p) for p in CORPUS.rglob("*.pdf")
                                  if "IMAGE-ONLY" not in p.name and "edge" not in p.parts)
    main(pdfs, names)
