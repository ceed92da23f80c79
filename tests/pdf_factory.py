"""Small PDFs made on the fly for tests of bad input: encrypted, image-only, text without tables,
very long, a decompression bomb, page trees without a page. Written with reportlab, or by hand
where reportlab won't."""
from __future__ import annotations

import zlib
from pathlib import Path

from reportlab.pdfgen import canvas


def encrypted_pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), encrypt="secret")
    pdf.drawString(100, 700, "budget")
    pdf.showPage()
    pdf.save()
    return path


def image_only_pdf(path: Path) -> Path:
    """A page of drawing and no text: what a scanned document looks like to pdfplumber."""
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 300, 400, fill=1)
    pdf.showPage()
    pdf.save()
    return path


def text_pdf(path: Path, pages: int = 1, text: str = "Annual report, no tables here") -> Path:
    """Pages of plain text, no ruled table: readable, but not a budget."""
    pdf = canvas.Canvas(str(path))
    for number in range(pages):
        for line in range(40):
            pdf.drawString(72, 760 - line * 18, f"{text} - page {number + 1} line {line + 1}")
        pdf.showPage()
    pdf.save()
    return path


def handmade_pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF of the given objects (numbered from 1, the first the catalog) with a valid xref."""
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(body)
    return path


def decompression_bomb_pdf(path: Path, megabytes: int = 600) -> Path:
    """One page whose content stream inflates from about 0.6 MB to `megabytes` MB."""
    compressor = zlib.compressobj(9)
    chunk = b"0" * (1 << 20)
    stream = b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush()
    return handmade_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ])


def zero_page_pdf(path: Path) -> Path:
    """A well-formed PDF whose page tree is empty."""
    return handmade_pdf(path, [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def kids_loop_pdf(path: Path) -> Path:
    """A PDF whose page tree points back at itself (/Kids loop) and so holds no page."""
    return handmade_pdf(path, [b"<< /Type /Catalog /Pages 2 0 R >>",
                               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                               b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"])
