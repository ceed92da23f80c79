"""Open one PDF safely and read every page exactly once into raw cells and text lines.

A page without a text layer (a scan) is read from its image by OCR (extract/ocr/). Each
unreadable case (not a PDF, truncated, encrypted, damaged, no pages, no text even by OCR, unmapped
fonts) raises UnreadableDocument with a one-line reason that names what to do next.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from assets.extract.model import ExtractedDocument, RawCell, TextLine
from assets.extract.ocr.page import ocr_page
from assets.extract.page_tables import page_to_cells, page_to_lines

CID_PATTERN = re.compile(r"\(cid:\d+\)")
PDF_MAGIC = b"%PDF-"
PDF_END = b"%%EOF"
END_WINDOW = 1024  # readers look for %%EOF in the last 1024 bytes, as the PDF reference says
PLACED_SCAN_SHARE = 0.1  # of the page's area: a picture this large on a text page may be a scanned table
MAX_CHARS_OVER_SCAN = 20  # characters printed over such a picture: a page number, a stamp, not its text


class UnreadableDocument(Exception):
    """A document that cannot be loaded; the message is the quarantine reason."""


def check_pdf_header(path: Path) -> None:
    """Given a path, raise UnreadableDocument unless the file starts like a PDF."""
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head:
        raise UnreadableDocument("empty file (0 bytes): re-download it")
    if PDF_MAGIC not in head:
        raise UnreadableDocument(
            f"not a PDF (starts with {head[:8]!r}): only PDF files can be loaded"
        )


def check_pdf_end(path: Path) -> None:
    """Given a path, raise UnreadableDocument when the file stops before the PDF's end marker: a
    copy or download still running or cut short (pdfminer would read a part of it silently)."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        handle.seek(max(0, size - END_WINDOW))
        tail = handle.read()
    if PDF_END not in tail:
        raise UnreadableDocument(
            f"truncated: the file stops after {size} bytes without the PDF end marker (%%EOF), as a "
            "half-copied file or an interrupted download does; copy it again once the transfer has finished")


def extract_document(path: Path) -> ExtractedDocument:
    """Given a PDF path, return its raw cells and text lines, parsing each page once."""
    check_pdf_header(path)
    check_pdf_end(path)
    cells: list[RawCell] = []
    lines: list[TextLine] = []
    ocr_pages: list[int] = []
    blank_pages: list[int] = []
    try:
        with pdfplumber.open(path) as pdf:
            page_count = len(pdf.pages)
            producer = str(pdf.metadata.get("Producer", "") or "")
            after_table = False  # whether the page before printed a table
            for number, page in enumerate(pdf.pages, start=1):
                if not page.chars:
                    # a scan, or text drawn as outlines: read its image; else nothing is printed
                    scanned = bool(page.images or page.curves)
                    page_cells, page_lines = ocr_page(path, number) if scanned else ([], [])
                    cells.extend(page_cells)
                    lines.extend(page_lines)
                    if scanned:
                        ocr_pages.append(number)
                    after_table = bool(page_cells)
                    if not any(c.text for c in page_cells) and not page_lines:
                        blank_pages.append(number)
                    page.close()
                    continue
                page_cells, page_lines, scanned = read_text_page(path, page, number, after_table)
                after_table = any(cell.text is not None for cell in page_cells)
                cells.extend(page_cells)
                lines.extend(page_lines)
                if scanned:
                    ocr_pages.append(number)
                page.close()
    except (UnreadableDocument, MemoryError):
        raise
    except Exception as error:  # pdfminer raises many types for damaged files
        if any(isinstance(cause, MemoryError) for cause in error_causes(error)):
            raise MemoryError(str(error)) from error  # a resource limit, not a damaged file
        raise UnreadableDocument(describe_open_error(error)) from error
    check_text_layer(cells, lines, page_count)
    return ExtractedDocument(page_count, producer, tuple(cells), tuple(lines), tuple(ocr_pages),
                             tuple(blank_pages))


def read_text_page(path: Path, page, number: int, after_table: bool) -> tuple[list[RawCell], list[TextLine], bool]:
    """Given a page with a text layer, return its cells and lines and whether part of it was read by
    OCR: a scanned table placed on the page as a picture (a Word file with pasted scans)."""
    # position and text only: faux-bold copies may carry another font name
    clean = page.dedupe_chars(extra_attrs=()) if has_doubled_chars(page) else page
    page_cells, boxes = page_to_cells(clean, number, after_table)
    page_lines = page_to_lines(clean, number, boxes)
    scans = placed_scans(clean)
    if not scans:
        return page_cells, page_lines, False
    scan_cells, scan_lines = ocr_page(path, number, scans, first_table=len(boxes))
    stamped = [line for line in page_lines if any(inside(line.x0, line.top, box) for box in scans)]
    scan_lines = [line for line in scan_lines  # the page number printed over the scan, read again
                  if not any(min(line.bottom, s.bottom) > max(line.top, s.top) for s in stamped)]
    return page_cells + scan_cells, page_lines + [replace(line, line_index=len(page_lines) + i)
                                                  for i, line in enumerate(scan_lines)], bool(scan_cells)


def placed_scans(page) -> list[tuple[float, float, float, float]]:
    """The boxes of the pictures on a text page that are scans to read: each covering at least
    PLACED_SCAN_SHARE of the page with at most a page number or a stamp printed over it (a
    letterhead or watermark under the text, or a scan under its own OCR text layer, is not one)."""
    area = float(page.width * page.height)
    boxes = [(max(0.0, float(im["x0"])), max(0.0, float(im["top"])), min(float(page.width), float(im["x1"])),
              min(float(page.height), float(im["bottom"]))) for im in page.images]
    printed = [((ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2)
               for ch in page.chars if not ch["text"].isspace()]
    return [box for box in boxes if (box[2] - box[0]) * (box[3] - box[1]) >= PLACED_SCAN_SHARE * area
            and sum(inside(x, y, box) for x, y in printed) <= MAX_CHARS_OVER_SCAN]


def inside(x: float, y: float, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def has_doubled_chars(page) -> bool:
    """True when some character is drawn twice at the same spot (faux bold: "单单位位").
    A linear scan, so the costly dedupe_chars() only runs on pages that need it."""
    seen: set[tuple[str, int, int]] = set()
    for char in page.chars:
        key = (char["text"], round(char["x0"]), round(char["top"]))
        if key in seen:
            return True
        seen.add(key)
    return False


def error_causes(error: Exception) -> list[object]:
    """The error and what it wraps (pdfplumber puts pdfminer's error in args)."""
    return [error, *error.args, error.__cause__, error.__context__]


def describe_open_error(error: Exception) -> str:
    """Given what pdfplumber/pdfminer raised, return the quarantine reason."""
    causes = error_causes(error)
    if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
        return "encrypted PDF (needs a password): ask the publisher for an open copy"
    root = next((c for c in causes[1:] if isinstance(c, Exception)), error)
    return f"damaged PDF ({type(root).__name__}: {root}): re-download it or ask the publisher for a sound copy"


def check_text_layer(cells: list[RawCell], lines: list[TextLine], page_count: int) -> None:
    """Raise UnreadableDocument for a PDF without pages or without usable text (scanned, or
    unmapped fonts)."""
    if not page_count:
        raise UnreadableDocument(
            "the PDF has no pages (its page tree is empty or loops back on itself): ask the "
            "publisher for a sound copy, or re-export it")
    texts = [line.text for line in lines] + [cell.text or "" for cell in cells]
    if not any(text.strip() for text in texts):
        raise UnreadableDocument(
            f"no text layer in {page_count} page(s), and no text in their images either (blank "
            "pages, or a scan too faint or small to read): scan it again at 200-300 dpi"
        )
    cid_hits = sum(1 for text in texts if CID_PATTERN.search(text))
    if cid_hits:
        raise UnreadableDocument(
            f"text decodes to (cid:NNN) in {cid_hits} places (fonts without a Unicode map): "
            "the numbers cannot be trusted; ask for a PDF with embedded Unicode fonts"
        )
