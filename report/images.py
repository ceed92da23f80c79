"""Pictures of PDF page regions: find the printed text of a finding on its pages with pdfplumber's
search (on a scanned page: in the text OCR read there, with its boxes), crop around it, box it in
red and save a PNG (or say why there is no picture)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pdfplumber

from assets.work_files import file_sha256

RESOLUTION = 110  # pixels per inch of the saved pictures
MARGIN = 36  # points of page kept above and below the highlighted lines
HIGHLIGHT = {"fill": (255, 230, 0, 70), "stroke": (220, 0, 0), "stroke_width": 2}
SHORTEST_NEEDLE = 4  # characters: shorter words of a subject ("07", "Σ") match anywhere
YEAR_OR_AMOUNT = re.compile(r"^((19|20)\d\d|\d+\.\d+)$")  # words of a subject that are not a code
PAD = 1.5  # points around the highlighted glyphs


@dataclass(frozen=True)
class OcrText:
    """A cell or line OCR read on a scanned page (marts.fct_ocr_readings), in page points."""

    text: str
    x0: float
    top: float
    x1: float | None
    bottom: float


@dataclass(frozen=True)
class Picture:
    """A saved picture of one page (file None: why not, in `note`)."""

    file: Path | None
    page: int | None
    note: str


def text_pattern(text: str) -> str:
    """A regex matching `text` however the page breaks or spaces it (whitespace between any chars)."""
    return r"\s*".join(re.escape(char) for char in text if not char.isspace())


def amount_pattern(value: Decimal) -> str:
    """A regex matching an amount as printed: with or without thousands commas, not inside a longer number."""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    grouped = ",?".join(whole[max(0, end - 3):end] for end in range(len(whole), 0, -3)[::-1])
    return r"(?<![\d.,])-?" + grouped + (r"\." + fraction if fraction else "") + r"(?![\d])"


def text_needle(text: str) -> tuple[str, ...]:
    """Patterns for a text, longest first: the whole of it, then ever shorter beginnings and endings
    (a cell wraps its text onto the next lines, a sentence may begin on the page before)."""
    chars = "".join(text.split())
    shortest = max(SHORTEST_NEEDLE, -(-len(chars) // 3))
    parts = (part for n in range(len(chars), shortest - 1, -1) for part in (chars[:n], chars[-n:]))
    return tuple(dict.fromkeys(text_pattern(part) for part in parts))


def subject_needles(subject: str) -> list[tuple[str, ...]]:
    """Needles for the words of a check's subject that can be told apart on a page (not a year or
    an amount in 元, which the page prints otherwise or elsewhere)."""
    words = (w for w in (subject.strip(), *subject.split())
             if len(w) >= SHORTEST_NEEDLE and not YEAR_OR_AMOUNT.match(w))
    return [text_needle(word) for word in dict.fromkeys(words)]


def line_boxes(match: dict) -> list[tuple[float, float, float, float]]:
    """The match's characters as one box per printed line, a little larger than the glyphs."""
    lines: dict[int, list[dict]] = {}
    for char in match["chars"]:
        lines.setdefault(round(char["top"]), []).append(char)
    return [(min(c["x0"] for c in chars) - PAD, min(c["top"] for c in chars) - PAD,
             max(c["x1"] for c in chars) + PAD, max(c["bottom"] for c in chars) + PAD)
            for chars in lines.values()]


def best_matches(needles: list[tuple[str, ...]], find) -> tuple[int, list[tuple[float, float, float, float]]]:
    """Given needles (alternative patterns, best first) and `find` (pattern -> [(characters matched,
    boxes)]), return how much of them is printed (each needle by its first pattern found) and the boxes."""
    score, boxes = 0, []
    for needle in needles:
        for pattern in needle:
            hits = find(pattern)
            if hits:
                score += max(length for length, _ in hits)
                boxes += [box for _, found in hits for box in found]
                break
    return score, boxes


def boxes_on(page, needles: list[tuple[str, ...]]) -> tuple[int, list[tuple[float, float, float, float]]]:
    """best_matches on a page's text layer, found with pdfplumber's search."""
    return best_matches(needles, lambda pattern: [(len(match["chars"]), line_boxes(match))
                                                  for match in page.search(pattern)])


def ocr_boxes(page, readings: list[OcrText], needles: list[tuple[str, ...]]) -> tuple[int, list]:
    """best_matches on a page without a text layer: in what OCR read there, each match boxed by its
    cell or line (a line, which has no right edge, runs to the page's right margin)."""
    def find(pattern: str) -> list:
        return [(len(m.group()), [(r.x0 - PAD, r.top - PAD, (r.x1 or page.width - r.x0) + PAD, r.bottom + PAD)])
                for r in readings if (m := re.search(pattern, r.text))]
    return best_matches(needles, find)


def region(page, boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """The page's full width between the highlighted lines, with a margin above and below."""
    top = max(0, min(box[1] for box in boxes) - MARGIN)
    bottom = min(page.height, max(box[3] for box in boxes) + MARGIN)
    return (0, top, page.width, bottom)


class PdfPages:
    """One source PDF, opened once for all the pictures of its document, if it is still the file loaded."""

    def __init__(self, path: str | None, sha256: str, ocr: dict[int, list[OcrText]] | None = None):
        self.pdf = None
        self.ocr = ocr or {}  # page -> what OCR read on it, for pages without a text layer
        self.problem = ""
        if not path or not Path(path).is_file():
            self.problem = f"PDF not found at {path}: no picture (the file was moved or removed since the run)"
        elif file_sha256(Path(path)) != sha256:
            self.problem = f"the PDF at {path} is not the one loaded (its content changed since the run): no picture"
        else:
            self.open(path)

    def open(self, path: str) -> None:
        try:
            self.pdf = pdfplumber.open(path)
        except Exception as error:  # pdfminer raises many types for a damaged file
            self.problem = f"PDF {path} cannot be opened ({type(error).__name__}): no picture"

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def boxes(self, number: int, needles: list[tuple[str, ...]]) -> tuple[int, list]:
        page = self.pdf.pages[number - 1]
        if not page.chars and number in self.ocr:
            return ocr_boxes(page, self.ocr[number], needles)
        return boxes_on(page, needles)

    def picture(self, pages: list[int], needles: list[tuple[str, ...]], target: Path) -> Picture:
        """Save a picture of the page (of `pages`, 1-based) printing most of the needles, cropped to
        and boxing the matches; the first page whole when none prints them."""
        if self.pdf is None:
            return Picture(None, pages[0] if pages else None, self.problem)
        pages = [p for p in dict.fromkeys(pages) if 1 <= p <= len(self.pdf.pages)]
        if not pages:
            return Picture(None, None, "no page of the document to show")
        scored = [(*self.boxes(number, needles), -order, number) for order, number in enumerate(pages)]
        found, boxes, _, number = max(scored, key=lambda item: (item[0], item[2]))  # the first of the best
        page = self.pdf.pages[number - 1]
        image = (page.crop(region(page, boxes)) if found else page).to_image(resolution=RESOLUTION)
        image.draw_rects(boxes, **HIGHLIGHT)
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(target, format="PNG")
        note = "" if found else "the printed text was not located on the page: the whole page is shown"
        return Picture(target, number, note)
