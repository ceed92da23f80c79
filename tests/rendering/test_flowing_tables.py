"""Tables printed one after another on a page, ruled and unruled ones mixed, rendered into a
temporary folder and read back cell for cell: a page's end of one table, the next table's title
(at the page's foot or above its grid) and its start are three things, never one table."""
from __future__ import annotations

import copy

import pdfplumber
import pytest

from assets.clean.tables import document_to_tables
from assets.extract.pdf_document import extract_document
from tests.rendering.compare import differing_cells
from tests.rendering.layouts import FLOW_LAYOUTS, FURNITURE_LAYOUTS, RENDERED_TABLES
from tests.rendering.render_budget import Layout, render_budget
from tests.rendering.test_page_breaks import lost_space_at_wrap


@pytest.mark.parametrize("name", sorted(FLOW_LAYOUTS))
def test_flowing_layout_extracts_to_the_truth(name, truth_tables, tmp_path):
    layout = FLOW_LAYOUTS[name]
    path = render_budget(tmp_path / f"{name}.pdf", [truth_tables[c] for c in RENDERED_TABLES], layout)
    extracted = extract_document(path)
    document = document_to_tables(extracted)
    assert [cell for cell in differing_cells(document, truth_tables, RENDERED_TABLES)
            if not lost_space_at_wrap(cell)] == []
    tables_per_page = {}
    for cell in extracted.cells:
        tables_per_page.setdefault(cell.page, set()).add(cell.table_index)
    assert max(len(t) for t in tables_per_page.values()) >= 3  # pages that hold several tables
    if layout.unruled and layout.rules == "grid":
        ruled_on = {c.page for c in extracted.cells if c.ruled}
        assert ruled_on & {c.page for c in extracted.cells if not c.ruled}  # both kinds on one page


@pytest.mark.parametrize("name", sorted(FURNITURE_LAYOUTS))
def test_running_headers_and_page_numbers_are_page_furniture(name, truth_tables, tmp_path):
    """Before, a running header ending in 表 cut 01, 04, 06, 08 and 12 at their page breaks into
    an unclassified second table, and a page number under a title left at a page's foot hid it."""
    path = render_budget(tmp_path / f"{name}.pdf", [truth_tables[c] for c in RENDERED_TABLES], FURNITURE_LAYOUTS[name])
    extracted = extract_document(path)
    assert any(line.text == "- 2 -" for line in extracted.lines)
    document = document_to_tables(extracted)
    assert [cell for cell in differing_cells(document, truth_tables, RENDERED_TABLES)
            if not lost_space_at_wrap(cell)] == []


@pytest.mark.parametrize("qualifier", ["", "（按收支科目）"])
def test_title_left_at_a_page_foot_starts_the_next_table(qualifier, truth_tables, tmp_path):
    """Portrait 7 pt: 预算04表's title and unit line close page 2, its grid opens page 3 under no
    title; it is table 04, not more rows of 03 (whose last rows end page 3's first grid). Also
    with a title ending in a qualifier after 表, as 广州 prints "…情况表（按功能分类科目）": before,
    such a title at a page's foot was not a title, and its table's rows went to the table above."""
    layout = FLOW_LAYOUTS["flow_port_7pt"]
    tables = {c: dict(truth_tables[c]) for c in RENDERED_TABLES}
    tables["04"]["title"] += qualifier
    path = render_budget(tmp_path / "flow.pdf", [tables[c] for c in RENDERED_TABLES], layout)
    with pdfplumber.open(path) as pdf:
        foot = pdf.pages[1].extract_text().splitlines()[-3:]
    assert any("财政拨款收支预算表" in line for line in foot)
    tables = {t.printed_code: t for t in document_to_tables(extract_document(path)).tables}
    assert tables["04"].pages[0] == 3 and tables["04"].table_id == "fiscal_grant_summary"
    assert len(tables["03"].rows) == len(truth_tables["03"]["rows"])


def numbered_columns(table: dict) -> dict:
    """The table as many provinces print it: numbered "表05" on a line of its own, and a row of
    column numbers under its header ("栏次 | | 1 | 2 | 3 …", one number per amount column)."""
    table = copy.deepcopy(table)
    row = max(h["r"] + h["rs"] for h in table["header"])
    amounts = [c for c, col in enumerate(table["columns"]) if col["kind"] == "amount"]
    table["header"] += [{"text": "栏次", "r": row, "c": 0, "rs": 1, "cs": 1}]
    table["header"] += [{"text": str(n), "r": row, "c": c, "rs": 1, "cs": 1} for n, c in enumerate(amounts, 1)]
    table["code_line"] = f"表{table['id']}"
    return table


def test_three_line_tables_with_column_numbers_read_to_the_truth(truth_tables, tmp_path):
    """Three-line tables (no rule inside the header) with a column-number row and their number
    on a line above the title. Before, the numbers were taken as the deepest header labels, so a
    spanning label swallowed its neighbours (公务用车购置及运行费 over the 三公 table's every column,
    收入 and 支出 over the wrong halves of 收支总表) and "表05" was read as a row of the table above."""
    tables = {c: numbered_columns(truth_tables[c]) for c in RENDERED_TABLES}
    layout = Layout(flow=True, rules="three_line")
    path = render_budget(tmp_path / "numbered.pdf", [tables[c] for c in RENDERED_TABLES], layout)
    document = document_to_tables(extract_document(path))
    assert [cell for cell in differing_cells(document, tables, RENDERED_TABLES) if not lost_space_at_wrap(cell)] == []
