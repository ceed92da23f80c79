"""Pages without a text layer read by OCR: image-only copies of the reference made under nine scan
conditions, compared cell by cell with the reference's own text layer; every amount exact, and
any cell read differently is flagged as uncertain."""
from __future__ import annotations

import pypdfium2
import pytest

from assets.clean.numbers import is_number
from assets.clean.ocr_readings import UNCERTAIN_BELOW, doubt, ocr_readings
from assets.extract.ocr import printed
from assets.extract.pdf_document import extract_document
from tests.conftest import REFERENCE_PDF
from tests.scan_factory import CONDITIONS, folded, page_cells, scan_copy

# 01 收支总表 (two column blocks), 02 收入表 (a header merged over two rows and 11 columns), 05 一般公共预算支出表
PAGES = [16, 17, 21]


@pytest.fixture(scope="module")
def text_layer():
    return extract_document(REFERENCE_PDF)


@pytest.mark.parametrize("condition", CONDITIONS, ids=[c.name for c in CONDITIONS])
def test_scanned_reference_reads_like_its_text_layer(tmp_path, text_layer, condition):
    pages = PAGES if condition.name == "clean_200dpi" else PAGES[1:2]
    scan = extract_document(scan_copy(REFERENCE_PDF, tmp_path / "scan.pdf", pages, condition))
    assert scan.ocr_pages == tuple(range(1, len(pages) + 1))
    cells = equal = amounts = 0
    for scanned_page, page in enumerate(pages, start=1):
        truth, read = page_cells(text_layer, page), page_cells(scan, scanned_page)
        for key, cell in truth.items():
            got = read.get(key)
            same = got is not None and folded(got.text) == folded(cell.text)
            cells, equal = cells + 1, equal + same
            if is_number(cell.text):
                amounts += 1
                assert same, f"{condition.name} p.{page} {key}: {cell.text!r} read as {got and got.text!r}"
            elif not same and got is not None:  # a label read differently is never passed off as sure
                assert got.ocr_confidence < UNCERTAIN_BELOW or not got.text, (condition.name, page, key, got.text)
    assert amounts > 40 * len(pages) and equal / cells >= 0.98, (condition.name, equal, cells)


def test_every_cell_keeps_its_ocr_provenance(tmp_path):
    scan = extract_document(scan_copy(REFERENCE_PDF, tmp_path / "scan.pdf", [21]))
    assert {c.source for c in scan.cells} == {"ocr"} and {ln.source for ln in scan.lines} == {"ocr"}
    assert all(0 < c.ocr_confidence <= 1 for c in scan.cells if c.text)
    readings = ocr_readings(scan)
    # 05's amounts and codes are all readings, each with its page position
    assert len(readings) > 60 and all(r.page == 1 and r.top > 0 for r in readings)


def test_text_pages_beside_a_scanned_one_keep_their_text_layer(tmp_path):
    scanned = scan_copy(REFERENCE_PDF, tmp_path / "p31.pdf", [31])
    mixed = pypdfium2.PdfDocument.new()
    mixed.import_pages(pypdfium2.PdfDocument(str(REFERENCE_PDF)), [29])  # p. 30, text layer
    mixed.import_pages(pypdfium2.PdfDocument(str(scanned)), [0])  # p. 31, scanned
    mixed.save(tmp_path / "mixed.pdf")
    document = extract_document(tmp_path / "mixed.pdf")
    assert document.ocr_pages == (2,)
    assert {c.source for c in document.cells if c.page == 1} == {"text"}
    assert {c.source for c in document.cells if c.page == 2} == {"ocr"}


@pytest.mark.parametrize(("recognised", "shown"), [
    ("2026年度收入预算101，673.03万元,比(2025)年", "2026年度收入预算101,673.03万元，比（2025）年"),
    ("单位 (科目名称)", "单位（科目名称）"),
    ("1,168.30", "1,168.30"),  # no CJK: an amount is left as read
    ("会议时间12:30:是否", "会议时间12:30：是否"),
])
def test_ocr_text_is_given_the_punctuation_of_print(recognised, shown):
    assert printed(recognised) == shown


@pytest.mark.parametrize(("text", "confidence", "in_cell", "uncertain"), [
    ("1,168.30", 0.999, True, False),
    ("1,168.30", 0.80, True, True),  # low confidence
    ("1.168.30", 0.999, True, True),  # digits that are no amount
    ("2080501", 0.99, True, False),  # a function code
    ("（一）本年财政拨款收入101,673.03万元", 0.97, False, False),
    ("（一）本年财政拨款收入101,673.03万元", 0.90, False, True),
    ("- 6-", 0.88, False, False),  # the page number, on a line of its own (Beijing p. 6)
    ("5.事业收入0万元。", 0.94, False, True),  # the amount on Beijing p. 5
])
def test_a_reading_is_uncertain_when_its_score_is_low_or_it_is_no_amount(text, confidence, in_cell, uncertain):
    assert bool(doubt(text, confidence, in_cell)) is uncertain
