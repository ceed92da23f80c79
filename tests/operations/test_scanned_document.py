"""A scanned budget through the whole pipeline: pages 16-22 and 31 of the reference (tables 01-06
and 09) as an image-only PDF at 200 dpi give the same marts, to the cent, as the same pages with
their text layer, and every fact of the scan is marked as read by OCR."""
from __future__ import annotations

import unicodedata

import duckdb
import pypdfium2
import pytest

from tests.conftest import REFERENCE_PDF, run_pipeline_isolated
from tests.scan_factory import scan_copy

PAGES = [16, 17, 18, 19, 20, 21, 22, 31]
MARTS = {  # mart: the columns that identify a row beside its amounts
    "fct_income_expenditure_summary": "side, line_no, item_name, line_kind, amount, page, source_row",
    "fct_expenditure_by_function":
        "source_table, row_kind, function_code, function_name, total, basic_total, project_total, page, source_row",
    "fct_basic_expenditure_by_economic":
        "row_kind, dept_econ_code, dept_econ_name, total, personnel, public_funds, page",
    "fct_three_public_costs":
        "total, overseas_travel, vehicle_total, vehicle_purchase, vehicle_operation, official_reception, page",
}


def text_pages(target):
    """The reference's PAGES with their text layer, as one PDF."""
    pdf = pypdfium2.PdfDocument.new()
    pdf.import_pages(pypdfium2.PdfDocument(str(REFERENCE_PDF)), [p - 1 for p in PAGES])
    pdf.save(target)
    return target


def run(base, name, make):
    inbox = base / name
    inbox.mkdir()
    make(inbox / f"{name}.pdf")
    summary = run_pipeline_isolated(inbox, base / f"{name}.duckdb", base / f"{name}-home")
    assert summary.exit_code == 0, summary.render(0)
    return duckdb.connect(str(summary.paths.warehouse_file), read_only=True)


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory):
    base = tmp_path_factory.mktemp("scanned")
    text = run(base, "text", text_pages)
    scan = run(base, "scan", lambda target: scan_copy(REFERENCE_PDF, target, PAGES))
    yield text, scan
    text.close()
    scan.close()


@pytest.mark.parametrize("mart", sorted(MARTS))
def test_scanned_pages_load_the_same_facts_as_their_text_layer(warehouses, mart):
    text, scan = warehouses
    sql = f"select {MARTS[mart]} from marts.{mart} order by all"
    expected = folded(text.execute(sql).fetchall())
    assert expected, f"the text-layer run loaded no {mart}"
    # names compared up to half/full-width brackets, which a page image does not tell apart
    assert folded(scan.execute(sql).fetchall()) == expected


def folded(rows: list[tuple]) -> list[tuple]:
    return sorted(tuple(unicodedata.normalize("NFKC", v) if isinstance(v, str) else v for v in row)
                  for row in rows)


def test_scanned_document_is_marked_as_read_by_ocr(warehouses):
    text, scan = warehouses
    assert text.execute("select read_by, ocr_pages from marts.dim_document").fetchall() == [("text_layer", [])]
    assert scan.execute("select read_by, ocr_pages from marts.dim_document").fetchall() == [
        ("ocr", list(range(1, len(PAGES) + 1)))]
    # every amount of 09 (p. 8 of the scan) is among the OCR readings, with its confidence
    readings = scan.execute("select page, text, confidence, is_uncertain from marts.fct_ocr_readings "
                            "where read_from = 'table_cell'").fetchall()
    assert {t for p, t, _, _ in readings if p == 8} >= {"392.85", "111.00", "281.85"}
    assert all(0 < c <= 1 for _, _, c, _ in readings)
    # the document's checks carry the mark, so a failure is read as a possible misreading
    assert scan.execute("select bool_and(read_by_ocr) from quality.check_results").fetchone() == (True,)
    assert text.execute("select bool_or(read_by_ocr) from quality.check_results").fetchone() == (False,)


def test_uncertain_readings_are_a_check_of_their_own(warehouses):
    _, scan = warehouses
    uncertain = scan.execute("select count(*) from marts.fct_ocr_readings where is_uncertain").fetchone()[0]
    [(success, failures)] = scan.execute("select success, failures from quality.check_results "
                                         "where check_name = 'O.ocr_readings_certain'").fetchall()
    assert failures == uncertain and success == (uncertain == 0)
