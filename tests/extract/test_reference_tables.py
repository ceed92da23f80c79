"""The reference PDF extracts to exactly its truth file, for every table that has a spec."""
from __future__ import annotations

import pytest

SPEC_TABLES = [f"{n:02d}" for n in range(1, 16)]


def tables_by_code(document):
    return {table.printed_code: table for table in document.tables}


def test_template_department_and_year(reference_document):
    assert reference_document.template == "henan_budget_15"
    assert reference_document.department == "政府办"
    assert reference_document.fiscal_year == 2023


def test_every_table_is_found_on_its_pages(reference_document, truth):
    page_map = truth["rendering"]["page_map"]["tables"]
    tables = tables_by_code(reference_document)
    assert sorted(tables) == sorted(page_map)
    for code, (first, last) in page_map.items():
        assert tables[code].pages == tuple(range(first, last + 1)), code


@pytest.mark.parametrize("code", SPEC_TABLES)
def test_table_cells_equal_truth(reference_document, truth_tables, code):
    table = tables_by_code(reference_document)[code]
    truth_table = truth_tables[code]
    assert table.unit == truth_table["unit"]
    assert len(table.columns) == len(truth_table["columns"])
    got = [[None if row.values[k] is None else str(row.values[k]) for k in table.columns]
           for row in table.rows]
    expected = [row["cells"] for row in truth_table["rows"]]
    assert got == expected


@pytest.mark.parametrize("code", ["03", "05", "06", "07", "12", "13"])
def test_row_kinds_equal_truth(reference_document, truth_tables, code):
    table = tables_by_code(reference_document)[code]
    assert [row.kind for row in table.rows] == [row["kind"] for row in truth_tables[code]["rows"]]


def test_wrapped_numbers_are_rejoined(reference_extracted, reference_document):
    """Table 03 prints 230.00 wrapped as '230.0' / '0' in a narrow cell; it must come back whole."""
    wrapped = [c for c in reference_extracted.cells if c.text and c.text.replace("\n", "") == "230.00"
               and "\n" in c.text]
    assert wrapped, "the reference is expected to contain wrapped numbers"
    table = tables_by_code(reference_document)["03"]
    assert str(table.rows[0].values["project_specific"]) == "230.00"


def test_every_row_keeps_its_page(reference_document, truth):
    page_map = truth["rendering"]["page_map"]["tables"]
    for table in reference_document.tables:
        first, last = page_map[table.printed_code]
        assert all(first <= row.page <= last for row in table.rows), table.printed_code


def test_empty_tables_keep_their_note(reference_document):
    tables = tables_by_code(reference_document)
    assert "无政府性基金预算支出" in tables["10"].note
    assert "无国有资本经营预算支出" in tables["11"].note
