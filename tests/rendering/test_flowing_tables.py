"""Tables printed one after another on a page, ruled and unruled ones mixed, rendered into a
temporary folder and read back cell for cell: a page's end of one table, the next table's title
(at the page's foot or above its grid) and its start are three things, never one table."""
from __future__ import annotations

import pdfplumber
import pytest

from assets.clean.tables import document_to_tables
from assets.extract.pdf_document import extract_document
from tests.rendering.compare import differing_cells
from tests.rendering.layouts import FLOW_LAYOUTS, RENDERED_TABLES
from tests.rendering.render_budget import render_budget
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


def test_title_left_at_a_page_foot_starts_the_next_table(truth_tables, tmp_path):
    """Portrait 7 pt: 预算04表's title and unit line close page 2, its grid opens page 3 under no
    title; it is table 04, not more rows of 03 (whose last rows end page 3's first grid)."""
    layout = FLOW_LAYOUTS["flow_port_7pt"]
    path = render_budget(tmp_path / "flow.pdf", [truth_tables[c] for c in RENDERED_TABLES], layout)
    with pdfplumber.open(path) as pdf:
        foot = pdf.pages[1].extract_text().splitlines()[-3:]
    assert any("财政拨款收支预算表" in line for line in foot)
    tables = {t.printed_code: t for t in document_to_tables(extract_document(path)).tables}
    assert tables["04"].pages[0] == 3 and tables["04"].table_id == "fiscal_grant_summary"
    assert len(tables["03"].rows) == len(truth_tables["03"]["rows"])
