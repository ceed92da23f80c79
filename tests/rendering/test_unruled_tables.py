"""Tables printed without ruling lines (none at all, or a three-line table's horizontal rules),
rendered into a temporary folder and read back cell for cell from the white space; prose with
amounts in it, rendered and real, is never read as a table."""
from __future__ import annotations

import pdfplumber
import pytest

from assets.clean.tables import document_to_tables
from assets.extract.pdf_document import extract_document
from assets.extract.unruled import page_words, unruled_tables
from tests.conftest import SHARED
from tests.rendering.compare import differing_cells
from tests.rendering.layouts import ALIGNED_LAYOUTS, RENDERED_TABLES, UNRULED_LAYOUTS
from tests.rendering.render_budget import Layout, render_budget
from tests.rendering.test_page_breaks import lost_space_at_wrap

JIANGSU_2019 = SHARED / "corpus" / "real" / "budget" / "2019_js-procuratorate_budget-with-tables.pdf"


@pytest.mark.parametrize("name", sorted(UNRULED_LAYOUTS))
def test_unruled_layout_extracts_to_the_truth(name, truth_tables, tmp_path):
    path = render_budget(tmp_path / f"{name}.pdf", [truth_tables[c] for c in RENDERED_TABLES], UNRULED_LAYOUTS[name])
    extracted = extract_document(path)
    with pdfplumber.open(path) as pdf:
        assert not any(page.find_tables() for page in pdf.pages)  # nothing ruled to find
    assert extracted.cells and not any(cell.ruled for cell in extracted.cells)
    document = document_to_tables(extracted)
    assert [cell for cell in differing_cells(document, truth_tables, RENDERED_TABLES)
            if not lost_space_at_wrap(cell)] == []
    assert len({t.pages for t in document.tables if len(t.pages) > 1}) >= 1  # some table runs over pages


def test_prose_with_amounts_is_no_table(truth_tables, tmp_path):
    sentences = [f"（{n}）2023年{item}支出{amount}万元，比上年增加{n}.5万元，主要原因是人员变动。"
                 for n, (item, amount) in enumerate([("一般公共服务", "2654.46"), ("教育", "10.28"),
                                                     ("社会保障和就业", "430.43"), ("卫生健康", "138.24")], 1)]
    layout = Layout(rules="none", narrative=["一、收支预算总体情况", *sentences, "合计 3356.28 万元"])
    path = render_budget(tmp_path / "narrative.pdf", [truth_tables["09"]], layout)
    extracted = extract_document(path)
    assert {cell.page for cell in extracted.cells} == {2}  # the 三公 table, not the 说明 on page 1
    assert any("2654.46" in line.text for line in extracted.lines if line.page == 1)


@pytest.mark.skipif(not JIANGSU_2019.exists(), reason="real corpus absent: ../shared/corpus/real")
def test_real_narrative_page_without_rules_is_no_table():
    """江苏省人民检察院 2019 p. 27: 说明 lines with spaced amounts ("总预算 24,169.74 万") and no rules."""
    with pdfplumber.open(JIANGSU_2019) as pdf:
        page = pdf.pages[26]
        assert not page.find_tables()
        words = page_words(page)
        assert unruled_tables(words, float(page.width)) == []
        assert unruled_tables(words, float(page.width), after_table=True) == []


def test_coverage_says_a_table_was_read_from_white_space(truth_tables, tmp_path):
    path = render_budget(tmp_path / "three_line.pdf", [truth_tables["05"]], UNRULED_LAYOUTS["three_line_land_8pt"])
    table = document_to_tables(extract_document(path)).tables[0]
    assert table.table_id == "general_public_expenditure"
    assert "printed without ruling lines" in table.why


@pytest.mark.parametrize("name", sorted(ALIGNED_LAYOUTS))
def test_spreadsheet_aligned_unruled_tables_extract_to_the_truth(name, truth_tables, tmp_path):
    """Amounts printed to the right and header labels centred: a label heads the body column of its
    zone (the white space halfway to the next column parts two zones), wherever it stands in it."""
    layout, exact = ALIGNED_LAYOUTS[name]
    path = render_budget(tmp_path / f"{name}.pdf", [truth_tables[c] for c in RENDERED_TABLES], layout)
    found = {t.printed_code: t for t in document_to_tables(extract_document(path)).tables}
    for code in exact:
        table = found[code]
        got = [[None if row.values[k] is None else str(row.values[k]) for k in table.columns] for row in table.rows]
        assert got == [row["cells"] for row in truth_tables[code]["rows"]], code
