"""Every text of a document read by OCR (scanned pages), where it is on its page and how sure the
reading is; a number read without confidence is uncertain: a reviewer checks it on the page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assets.clean.narrative import PAGE_NUMBER
from assets.clean.numbers import is_number
from assets.extract.model import ExtractedDocument, RawCell, TextLine

UNCERTAIN_BELOW = 0.95  # recognition score under which a number read by OCR is not trusted
DIGIT = re.compile(r"\d")
AMOUNT_LIKE = re.compile(r"^[\d,.\s-]+$")  # nothing but digits and what separates them
# a label ending in an amount ("…预算总额244.848000"): a rule between two cells was not seen
GLUED_AMOUNT = re.compile(r"[\u4e00-\u9fff）)]\s*-?\d[\d,]*\.\d+$")


@dataclass(frozen=True)
class OcrReading:
    """One table cell or text line read by OCR (`table_index`, `row`, `col` are None for a line of
    text), where it is on its page (points; a line's right end is not kept: None) and why its number
    is uncertain ("" for a trusted one and for text without digits)."""

    page: int
    table_index: int | None
    row: int | None
    col: int | None
    text: str
    confidence: float
    x0: float
    top: float
    x1: float | None
    bottom: float
    uncertain: str  # "" when the reading is trusted, else the reason


def doubt(text: str, confidence: float, in_cell: bool, ruled: bool = True) -> str:
    """Why a number read by OCR is not trusted, or "" (also for a text without digits, and for a
    page number printed on a line of its own: "- 6 -" is no amount to verify). A scanned table
    printed without rules has its columns read from the white space between OCR boxes, whose
    edges are the recogniser's estimate: none of its numbers is passed off as sure."""
    if not DIGIT.search(text) or (not in_cell and PAGE_NUMBER.match(text)):
        return ""
    if in_cell and not ruled:
        return "a scanned table printed without rules: its column read from the white space"
    if confidence < UNCERTAIN_BELOW:
        return f"OCR confidence {confidence:.2f} < {UNCERTAIN_BELOW}"
    if in_cell and AMOUNT_LIKE.match(text) and not is_number(text):
        return "digits that do not read as an amount"
    if in_cell and GLUED_AMOUNT.search(text):
        return "an amount read into a label's cell (a ruling line not seen in the scan)"
    return ""


def cell_reading(cell: RawCell) -> OcrReading:
    text, confidence = cell.text or "", cell.ocr_confidence or 0.0
    return OcrReading(cell.page, cell.table_index, cell.row, cell.col, text, confidence,
                      cell.x0, cell.top, cell.x1, cell.bottom, doubt(text, confidence, in_cell=True, ruled=cell.ruled))


def line_reading(line: TextLine) -> OcrReading:
    confidence = line.ocr_confidence or 0.0
    return OcrReading(line.page, None, None, None, line.text, confidence, line.x0, line.top, None,
                      line.bottom, doubt(line.text, confidence, in_cell=False))


def ocr_readings(document: ExtractedDocument) -> list[OcrReading]:
    """Given an extracted document, return every cell and line with text read by OCR."""
    cells = [cell_reading(c) for c in document.cells if c.source == "ocr" and c.text]
    lines = [line_reading(ln) for ln in document.lines if ln.source == "ocr" and ln.text]
    return sorted(cells + lines, key=lambda r: (r.page, r.top, r.x0))
