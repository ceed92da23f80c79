"""Which printed numbers of a document were read by OCR, with their confidence, and which of them
are uncertain: a reviewer checks those on the page before trusting any figure built from them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assets.clean.numbers import is_number
from assets.extract.model import ExtractedDocument, RawCell, TextLine

UNCERTAIN_BELOW = 0.95  # recognition score under which a number read by OCR is not trusted
DIGIT = re.compile(r"\d")
AMOUNT_LIKE = re.compile(r"^[\d,.\s-]+$")  # nothing but digits and what separates them


@dataclass(frozen=True)
class OcrReading:
    """One table cell or text line read by OCR that prints a number (`table_index`, `row`, `col`
    are None for a line of text), where it is on its page (points) and why it is uncertain."""

    page: int
    table_index: int | None
    row: int | None
    col: int | None
    text: str
    confidence: float
    x0: float
    top: float
    bottom: float
    uncertain: str  # "" when the reading is trusted, else the reason


def doubt(text: str, confidence: float, in_cell: bool) -> str:
    """Why a number read by OCR is not trusted, or ""."""
    if confidence < UNCERTAIN_BELOW:
        return f"OCR confidence {confidence:.2f} < {UNCERTAIN_BELOW}"
    if in_cell and AMOUNT_LIKE.match(text) and not is_number(text):
        return "digits that do not read as an amount"
    return ""


def cell_reading(cell: RawCell) -> OcrReading:
    text, confidence = cell.text or "", cell.ocr_confidence or 0.0
    return OcrReading(cell.page, cell.table_index, cell.row, cell.col, text, confidence,
                      cell.x0, cell.top, cell.bottom, doubt(text, confidence, in_cell=True))


def line_reading(line: TextLine) -> OcrReading:
    confidence = line.ocr_confidence or 0.0
    return OcrReading(line.page, None, None, None, line.text, confidence, line.x0, line.top, line.bottom,
                      doubt(line.text, confidence, in_cell=False))


def ocr_readings(document: ExtractedDocument) -> list[OcrReading]:
    """Given an extracted document, return every OCR-read cell and line that prints a digit."""
    cells = [cell_reading(c) for c in document.cells if c.source == "ocr" and DIGIT.search(c.text or "")]
    lines = [line_reading(ln) for ln in document.lines if ln.source == "ocr" and DIGIT.search(ln.text)]
    return sorted(cells + lines, key=lambda r: (r.page, r.top, r.x0))
