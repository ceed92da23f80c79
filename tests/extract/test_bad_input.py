"""Unreadable files raise UnreadableDocument with a reason that names the problem."""
from __future__ import annotations

import pytest
from assets.extract.limits import extract_with_limits
from assets.extract.pdf_document import UnreadableDocument, extract_document
from tests.conftest import SHARED
from tests.pdf_factory import (
    decompression_bomb_pdf, encrypted_pdf, image_only_pdf, kids_loop_pdf, zero_page_pdf,
)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(UnreadableDocument, match="empty file"):
        extract_document(path)


def test_text_file_named_pdf(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("hello")
    with pytest.raises(UnreadableDocument, match="not a PDF"):
        extract_document(path)


def test_half_copied_pdf_is_truncated_not_damaged(tmp_path):
    from tests.conftest import REFERENCE_PDF

    path = tmp_path / "cut.pdf"
    path.write_bytes(REFERENCE_PDF.read_bytes()[:5000])
    with pytest.raises(UnreadableDocument, match=r"truncated: .* 5000 bytes .*copy it again"):
        extract_document(path)


def test_damaged_pdf_with_its_end_marker(tmp_path):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not a PDF body\n%%EOF\n")
    with pytest.raises(UnreadableDocument, match="damaged PDF .*No /Root object"):
        extract_document(path)


@pytest.mark.parametrize("make", [zero_page_pdf, kids_loop_pdf])
def test_pdf_without_pages_is_not_called_a_scan(tmp_path, make):
    with pytest.raises(UnreadableDocument, match="has no pages") as raised:
        extract_document(make(tmp_path / "pages.pdf"))
    assert "OCR" not in str(raised.value)


def test_pdf_without_text_layer(tmp_path):
    with pytest.raises(UnreadableDocument, match="no text layer"):
        extract_document(image_only_pdf(tmp_path / "scan.pdf"))


def test_encrypted_pdf(tmp_path):
    with pytest.raises(UnreadableDocument, match="encrypted"):
        extract_document(encrypted_pdf(tmp_path / "locked.pdf"))


def test_time_limit_stops_extraction(tmp_path):
    from tests.conftest import REFERENCE_PDF

    with pytest.raises(UnreadableDocument, match="longer than 0.2 s"):
        extract_with_limits(REFERENCE_PDF, timeout_s=0.2)


def test_memory_limit_stops_a_decompression_bomb(tmp_path):
    bomb = decompression_bomb_pdf(tmp_path / "bomb.pdf", megabytes=400)
    assert bomb.stat().st_size < 2_000_000
    with pytest.raises(UnreadableDocument, match="memory limit of 200 MB"):
        extract_with_limits(bomb, memory_mb=200)


EDGE = SHARED / "corpus" / "real" / "edge"


@pytest.mark.skipif(not EDGE.is_dir(), reason=f"real corpus not found at {EDGE}")
def test_faux_bold_doubled_characters_are_deduped():
    document = extract_document(EDGE / "pdfplumber_issue-842_cn-faux-bold-duplicate-chars.pdf")
    texts = [line.text for line in document.lines]
    assert "安徽安利合成革股份有限公司" in texts
    assert "ANHUI ANLI ARTIFICIAL LEATHER CO.,LTD." in texts


def test_unmapped_font_text_is_an_error_not_data():
    from assets.extract.model import TextLine
    from assets.extract.pdf_document import check_text_layer

    lines = [TextLine(1, 0, "(cid:1234)(cid:99) 3356.28", 0, 0, 10)]
    with pytest.raises(UnreadableDocument, match=r"\(cid:NNN\) in 1 places"):
        check_text_layer([], lines, 1)
