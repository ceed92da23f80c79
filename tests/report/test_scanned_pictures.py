"""A finding on a scanned page is pictured too: with no text layer to search, the report finds
the printed text in what OCR read on the page and boxes it there."""
from __future__ import annotations

from decimal import Decimal

from PIL import Image

from assets.clean.ocr_readings import ocr_readings
from assets.extract.pdf_document import extract_document
from assets.work_files import file_sha256
from report.images import OcrText, PdfPages, amount_pattern, text_needle
from tests.conftest import REFERENCE_PDF
from tests.scan_factory import scan_copy


def test_text_read_by_ocr_is_boxed_on_the_scanned_page(tmp_path):
    scan = scan_copy(REFERENCE_PDF, tmp_path / "scan.pdf", [31])  # 09 “三公”经费预算表
    readings = {1: [OcrText(r.text, r.x0, r.top, r.x1, r.bottom) for r in ocr_readings(extract_document(scan))]}
    with PdfPages(str(scan), file_sha256(scan), readings) as pdf:
        found = pdf.picture([1], [(amount_pattern(Decimal("281.85")),)], tmp_path / "amount.png")
        missing = pdf.picture([1], [text_needle("不在这一页上的句子")], tmp_path / "missing.png")
    assert found.note == "" and found.page == 1
    with Image.open(found.file) as picture:
        # cropped around the 09 row, so far smaller than the whole page, and boxed in red
        assert picture.height < 400 and (220, 0, 0) in {c for _, c in picture.convert("RGB").getcolors(1 << 20)}
    assert missing.note.startswith("the printed text was not located")
    # without the OCR text the same scanned page has nothing to search
    with PdfPages(str(scan), file_sha256(scan)) as pdf:
        assert pdf.picture([1], [(amount_pattern(Decimal("281.85")),)], tmp_path / "blind.png").note
