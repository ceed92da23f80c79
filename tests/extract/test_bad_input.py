"""Unreadable files raise UnreadableDocument with a reason that names the problem."""
from __future__ import annotations

import pytest
from reportlab.pdfgen import canvas

from assets.extract.pdf_document import UnreadableDocument, extract_document


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


def test_truncated_pdf(tmp_path):
    from tests.conftest import REFERENCE_PDF

    path = tmp_path / "cut.pdf"
    path.write_bytes(REFERENCE_PDF.read_bytes()[:5000])
    with pytest.raises(UnreadableDocument, match="damaged or truncated"):
        extract_document(path)


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 200, 200, fill=1)  # an image-like page: drawing, no text
    pdf.showPage()
    pdf.save()
    with pytest.raises(UnreadableDocument, match="no text layer"):
        extract_document(path)


def test_encrypted_pdf(tmp_path):
    path = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(path), encrypt="secret")
    pdf.drawString(100, 700, "budget")
    pdf.showPage()
    pdf.save()
    with pytest.raises(UnreadableDocument, match="encrypted"):
        extract_document(path)
