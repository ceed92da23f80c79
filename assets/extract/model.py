"""Records produced by extraction: one raw table cell or one text line, with their position.

Plain frozen dataclasses so the clean stage never guesses at dict keys.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RawCell:
    """One grid slot of a table found on a page.

    `text` is None where a merged cell covers the slot; `origin_row`/`origin_col` name the
    slot where that covering cell starts (equal to row/col for a cell's own slot). Slots that
    no detected cell covers (a merged cell cut by a page break) are `orphan`: their text is
    read from the page characters inside the run of orphan slots and given to every slot. A
    slot of the first or last row whose cell the page break left without a rule is `orphan`
    too, with its cell's text. `indent` is how far (points) the cell's first printed character
    stands from the cell's left rule: names-only tables show a row's level by it. `source` is
    'text' (the PDF's text layer) or 'ocr' (read from the page image, `ocr_confidence` the
    lowest recognition score of its words, 0..1). `ruled` is False for a table printed without
    ruling lines, read from the white space (extract/unruled.py): x0/x1 are then its column's
    text extent, not rules.
    """

    page: int
    table_index: int
    row: int
    col: int
    text: str | None
    origin_row: int
    origin_col: int
    orphan: bool
    x0: float
    top: float
    x1: float
    bottom: float
    indent: float = 0.0
    source: str = "text"
    ocr_confidence: float | None = None
    ruled: bool = True


@dataclass(frozen=True)
class TextLine:
    """One line of page text found outside every detected table (titles, units, narrative);
    `source`/`ocr_confidence` as on RawCell."""

    page: int
    line_index: int
    text: str
    x0: float
    top: float
    bottom: float
    source: str = "text"
    ocr_confidence: float | None = None


@dataclass(frozen=True)
class ExtractedDocument:
    """Everything the clean stage needs from one PDF, parsed once; `ocr_pages` are the pages
    without a text layer, read from their image; `blank_pages` print no text at all (nothing, or
    only ruling lines), not even one OCR can read."""

    page_count: int
    producer: str
    cells: tuple[RawCell, ...]
    lines: tuple[TextLine, ...]
    ocr_pages: tuple[int, ...] = ()
    blank_pages: tuple[int, ...] = ()
