"""Tables carried over page breaks, rendered into a temporary folder and extracted back cell for
cell: no header repeated on continuation pages under other fonts and widths, table 07's unit
labels merged over page breaks (and cut in two by one), Word's continuation pages."""
from __future__ import annotations

import pytest

from assets.clean.tables import document_to_tables
from assets.clean.text import join_wrapped_lines
from assets.extract.pdf_document import extract_document
from tests.rendering.compare import differing_cells
from tests.rendering.layouts import LABEL_CUT_LAYOUTS, PAGE_BREAK_LAYOUTS, PAGE_BREAK_TABLES
from tests.rendering.render_budget import render_budget


def lost_space_at_wrap(cell: tuple[str, str | None, str | None]) -> bool:
    """The known gap of test_rendered_layouts.py: a cell wrapped exactly at its space reads back
    without that space ("接待业务工作经费2023")."""
    _, got, expected = cell
    return got is not None and expected is not None and " " in expected and got == expected.replace(" ", "")


@pytest.mark.parametrize("name", sorted(PAGE_BREAK_LAYOUTS))
def test_page_break_layout_extracts_to_the_truth(name, truth_tables, tmp_path):
    path = render_budget(tmp_path / f"{name}.pdf", [truth_tables[c] for c in PAGE_BREAK_TABLES],
                         PAGE_BREAK_LAYOUTS[name])
    document = document_to_tables(extract_document(path))
    assert [cell for cell in differing_cells(document, truth_tables, PAGE_BREAK_TABLES)
            if not lost_space_at_wrap(cell)] == []
    detail = next(t for t in document.tables if t.printed_code == "07")
    assert len(detail.pages) >= 4  # the 07 table really runs over pages


@pytest.mark.parametrize("name", sorted(LABEL_CUT_LAYOUTS))
def test_merged_label_cut_by_a_page_break_is_one_label(name, truth_tables, tmp_path):
    path = render_budget(tmp_path / f"{name}.pdf", [truth_tables["07"]], LABEL_CUT_LAYOUTS[name])
    extracted = extract_document(path)
    cut = LABEL_CUT_LAYOUTS[name].label_cut
    printed = {join_wrapped_lines(cell.text) for cell in extracted.cells if cell.col == 0}
    units = {row["cells"][0] for row in truth_tables["07"]["rows"]} - {None}
    # the PDF prints one unit's label in two parts, on two pages
    assert any({unit[:cut], unit[cut:]} <= printed for unit in units)
    assert differing_cells(document_to_tables(extracted), truth_tables, ("07",)) == []
