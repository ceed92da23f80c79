"""Read a page without a text layer from its image, turned upright: table grids from the ruling lines
(OpenCV morphology), words by RapidOCR, returned as the same RawCell/TextLine records marked source 'ocr'.
"""
from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
import pypdfium2

from assets.extract import unruled
from assets.extract.model import RawCell, TextLine

DPI = 200
MAX_PIXELS = round(841.89 * 1190.55 * (DPI / 72) ** 2)  # an A3 page at DPI: 7.7 million pixels
LINE_FRACTION = 40  # a ruling line is at least 1/40 of the page side long
FAINT_FRACTION = 12  # a rule lighter than the text is at least 1/12 of the page side long
FAINT_CONTRAST = 8  # grey levels under its surroundings: a rule's, not a 16-level tint's edge
RULE_GAP, MAX_RULE_WIDTH = 5, 10  # pixels: noise breaks a faint rule; a band this thick is no rule
DETECT_SIDE = 1280
ORIENT_SIDES = (480, 960)  # pixels: lines are found for the quarter-turn check at the first size showing
ORIENT_MIN_LINES = 8  # ... this many of them (a page of small print shows none at 480)
HALF_TURN_BELOW = 0.9  # a page whose words read with a lower median score is read upside down too
MAX_SKEW, COARSE_STEP, SKEW_STEP = 5.0, 0.5, 0.1  # degrees: scans fed in at a slant
SKEW_WIDTH = 800  # pixels: the page is measured for skew at this width
MERGE_GAP = 6  # pixels: rule pixels closer than this are one rule
MIN_TABLE_SIDE = 60  # pixels: a line figure smaller than this is no table
GLYPH_SHARE = 2 / 3  # of an OCR detection box's height: its glyphs (a text layer's word height)
INK_LEVEL = 128  # grey level under which a pixel is print
# of the glyph height: white this wide inside an OCR box parts two words (a full-width bracket's
# side bearing is narrower; two header labels of neighbouring columns stand further apart)
SPLIT_GAP = 0.5
OPENING, CLOSING = set("（(【《“"), set("）)】》”，、：；。:,;")
CJK = re.compile(r"[\u4e00-\u9fff]")
SPACE_BY_CJK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])")
ASCII_PUNCTUATION = re.compile(r"[()]|(?<!\d)[:;,]|[:;,](?!\d)")
DIGIT_GROUP_COMMA = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
FULL_WIDTH = str.maketrans({"(": "（", ")": "）", ":": "：", ";": "；", ",": "，"})


@dataclass(frozen=True)
class Word:
    """One box of text RapidOCR read, in page pixels, with the x range of each of its characters
    (empty where the recogniser gave none)."""

    text: str
    score: float
    x0: float
    top: float
    x1: float
    bottom: float
    chars: tuple[tuple[str, float, float], ...] = ()

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


def printed(text: str) -> str:
    """Given OCR text, return it with the full-width punctuation Chinese print uses around words
    (the recogniser answers ASCII '(' for '（'), without the spaces it puts beside CJK; a comma
    grouping digits is ASCII (101,673.03), a colon between digits too (12:30)."""
    if not CJK.search(text):
        return text
    text = ASCII_PUNCTUATION.sub(lambda m: m.group().translate(FULL_WIDTH), text)
    text = DIGIT_GROUP_COMMA.sub(",", text)  # the recogniser also answers 101，673.03
    return SPACE_BY_CJK.sub("", text)


@lru_cache(maxsize=1)
def ocr_engine():
    """The RapidOCR engine (models ship in the wheel; loaded once per process)."""
    from rapidocr import RapidOCR

    # detection on the page scaled to at most DETECT_SIDE pixels (3x faster than at full size,
    # the same boxes); recognition reads the boxes at full resolution
    return RapidOCR(params={"Global.log_level": "critical", "Det.limit_type": "max",
                            "Det.limit_side_len": DETECT_SIDE})


def pixels_per_point(width: float, height: float) -> float:
    """Given a page's size in points, return its render scale: DPI, lowered on a page so large
    (A0, a sheet drawn 2,773 points tall) that its image would exceed MAX_PIXELS."""
    return min(DPI / 72, math.sqrt(MAX_PIXELS / (width * height)))


def render_page(path: Path, number: int) -> tuple[np.ndarray, float]:
    """Given a PDF and a 1-based page number, return the page as a grey image in RGB layout,
    taken from the red channel (a red seal stamped over cells fades to paper there while black
    and blue print stays dark), and the points one of its pixels covers."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        page = pdf[number - 1]
        scale = pixels_per_point(*page.get_size())
        rgb = page.render(scale=scale, rev_byteorder=True).to_numpy()  # RGB, not BGR
    finally:
        pdf.close()
    return cv2.cvtColor(np.ascontiguousarray(rgb[:, :, 0]), cv2.COLOR_GRAY2RGB), 1 / scale


def line_quads(image: np.ndarray) -> list[np.ndarray]:
    """Given a page image, return the corners (top left, top right, bottom right, bottom left, in
    its pixels) of the lines of print RapidOCR detects on a copy ORIENT_SIDES pixels long: the
    first size that shows ORIENT_MIN_LINES of them, or the last."""
    for side in ORIENT_SIDES:
        scale = side / max(image.shape[:2])
        small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        boxes = ocr_engine()(small, use_det=True, use_cls=False, use_rec=False).boxes
        quads = [] if boxes is None else [np.float32(box) / scale for box in boxes]
        if len(quads) >= ORIENT_MIN_LINES:
            break
    return quads


def along(quad: np.ndarray) -> tuple[float, float]:
    """Given a line's corners, return its length along its top edge and across it."""
    return float(np.linalg.norm(quad[1] - quad[0])), float(np.linalg.norm(quad[3] - quad[0]))


def sideways_turned(image: np.ndarray) -> np.ndarray:
    """Given a page image, return it turned a quarter clockwise when its lines of print run down
    the page (a landscape table scanned in portrait, either way round: a page then upside down is
    turned the rest of the way once read, see `ocr_page`)."""
    quads = line_quads(image)
    wide = sum(along(q)[0] > 1.5 * along(q)[1] for q in quads)
    tall = sum(along(q)[1] > 1.5 * along(q)[0] for q in quads)
    return np.ascontiguousarray(np.rot90(image, -1)) if tall > 2 * wide else image


def median_score(words: list[Word]) -> float:
    """Given the words read on a page, return their median recognition score (1 for none)."""
    return float(np.median([w.score for w in words])) if words else 1.0


def grids_and_words(image: np.ndarray, tables_only: bool) -> tuple:
    """Given a page image, return its rule masks, its table grids and its words (none read when
    `tables_only` and there is no table)."""
    masks = rule_masks(image)
    tables = table_grids(masks)
    return masks, tables, read_words(image) if tables or not tables_only else []


def skew_degrees(image: np.ndarray) -> float:
    """Given a page image, return the angle its lines of print are turned by (a scan fed in at a
    slant): the turn back that makes the rows of ink sharpest, to SKEW_STEP within MAX_SKEW."""
    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    scale = SKEW_WIDTH / grey.shape[1]
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    # ink by local contrast, not one global threshold: light grey rules beside a tinted header
    # (北京市审计局) are the page's straightest marks, and a threshold set by the text drops them
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 10)
    centre = (ink.shape[1] / 2, ink.shape[0] / 2)

    def sharpness(angle: float) -> float:
        turn = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(ink, turn, ink.shape[::-1], flags=cv2.INTER_NEAREST)
        return float(np.var(turned.sum(axis=1, dtype=np.float64)))

    # coarse steps over the whole range, then fine steps between the best one's neighbours:
    # 21 + 9 turns cover ±5° where 41 fine ones covered ±2° (a quarter coarse step off, a row
    # of ink drifts under 4 of SKEW_WIDTH's pixels: still sharper than at the next step)
    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + COARSE_STEP / 2, COARSE_STEP), key=sharpness)
    fine = coarse + np.arange(-COARSE_STEP + SKEW_STEP, COARSE_STEP - SKEW_STEP / 2, SKEW_STEP)
    scores = [sharpness(angle) for angle in fine]
    # a narrow table turned a tenth of a degree moves no pixel: the middle of the angles that tie
    sharpest = [angle for angle, score in zip(fine, scores, strict=True) if score == max(scores)]
    return -round(float(sharpest[len(sharpest) // 2]), 1)


def deskewed(image: np.ndarray) -> np.ndarray:
    """Given a page image, return it turned upright (unchanged when it is not skewed)."""
    angle = skew_degrees(image)
    if abs(angle) < SKEW_STEP / 2:
        return image
    height, width = image.shape[:2]
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), -angle, 1.0)
    return cv2.warpAffine(image, turn, (width, height), flags=cv2.INTER_CUBIC,
                          borderValue=(255, 255, 255))


def read_words(image: np.ndarray) -> list[Word]:
    """Given a page image, return the words RapidOCR finds with their recognition scores."""
    result = ocr_engine()(image, use_det=True, use_cls=False, use_rec=True, return_word_box=True)
    if result.boxes is None:
        return []
    chars = result.word_results if len(result.word_results or ()) == len(result.txts) else [()] * len(result.txts)
    words = []
    for box, text, score, line in zip(result.boxes, result.txts, result.scores, chars, strict=True):
        xs, ys = box[:, 0], box[:, 1]
        spans = tuple((char, min(p[0] for p in corners), max(p[0] for p in corners))
                      for char, _, corners in line if corners is not None)
        words.append(Word(printed(text), float(score), xs.min(), ys.min(), xs.max(), ys.max(), spans))
    return words


def rule_masks(image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Given a page image, return the masks of its horizontal and vertical ruling lines: dark rules
    1/LINE_FRACTION of the page long, and faint ones (light grey, faded, under noise) that are
    long, straight and thin, so that neither text strokes nor a tint's edge nor a seal's ring is one."""
    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    ink = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    faint = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25,
                                  FAINT_CONTRAST)
    height, width = ink.shape
    masks = []
    for across, side in ((True, width), (False, height)):
        dark = straight_runs(ink, max(side // LINE_FRACTION, 10), across)
        masks.append(cv2.dilate(cv2.bitwise_or(dark, faint_rules(faint, side // FAINT_FRACTION, across)),
                                np.ones((3, 3), np.uint8)))
    return masks[0], masks[1]


def straight_runs(ink: np.ndarray, length: int, across: bool) -> np.ndarray:
    """Given an ink mask, return its runs at least `length` pixels long across (or down) the page."""
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, line_kernel(length, across))


def line_kernel(length: int, across: bool) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if across else (1, length))


def faint_rules(faint: np.ndarray, length: int, across: bool) -> np.ndarray:
    """Given the mask of faint ink, return its rules: runs `length` long once gaps of a few pixels
    (noise) are closed, without the bands thicker than MAX_RULE_WIDTH (a tint's edge, a seal's ring)."""
    closed = cv2.morphologyEx(faint, cv2.MORPH_CLOSE, line_kernel(RULE_GAP, across))
    runs = straight_runs(closed, length, across)
    return cv2.subtract(runs, straight_runs(runs, MAX_RULE_WIDTH, not across))


def rule_positions(profile: np.ndarray, minimum: float) -> list[int]:
    """Given a line mask's sum along one axis, return the centres of the runs above minimum."""
    positions, start = [], None
    for index, hit in enumerate(np.append(profile >= minimum, False)):
        if hit and start is None:
            start = index
        elif not hit and start is not None:
            if positions and start - positions[-1][1] < MERGE_GAP:
                positions[-1] = (positions[-1][0], index)
            else:
                positions.append((start, index))
            start = None
    return [(a + b) // 2 for a, b in positions]


def table_regions(horizontal: np.ndarray, vertical: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Given the rule masks, return each table's box (x, y, w, h): a connected figure of rules."""
    grid = cv2.bitwise_or(horizontal, vertical)
    contours, _ = cv2.findContours(grid, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes = [cv2.boundingRect(contour) for contour in contours]
    tables = [box for box in boxes if box[2] >= MIN_TABLE_SIDE and box[3] >= MIN_TABLE_SIDE]
    return sorted(tables, key=lambda box: (box[1], box[0]))


def has_rule(mask: np.ndarray, fixed: int, start: int, stop: int, across: bool) -> bool:
    """True when the mask has a rule at `fixed` covering most of start..stop."""
    low, high = sorted((start, stop))
    inset = max((high - low) // 4, 1)
    if across:
        segment = mask[max(fixed - 3, 0):fixed + 4, low + inset:high - inset]
    else:
        segment = mask[low + inset:high - inset, max(fixed - 3, 0):fixed + 4]
    if not segment.size:
        return True
    covered = segment.max(axis=0 if across else 1)
    return covered.mean() > 127


def slot_origins(rows: list[int], cols: list[int], horizontal, vertical) -> dict:
    """Given a table's rule positions, return each slot's origin slot (merged cells point to the
    slot where their cell starts: no rule to the left or above)."""
    origins: dict[tuple[int, int], tuple[int, int]] = {}
    for r in range(len(rows) - 1):
        for c in range(len(cols) - 1):
            origin = (r, c)
            if c and not has_rule(vertical, cols[c], rows[r], rows[r + 1], across=False):
                origin = origins[(r, c - 1)]
            elif r and not has_rule(horizontal, rows[r], cols[c], cols[c + 1], across=True):
                origin = origins[(r - 1, c)]
            origins[(r, c)] = origin
    return origins


def words_in(words: list[Word], box: tuple[float, float, float, float]) -> list[Word]:
    """Given words and a box (x0, top, x1, bottom), return the words whose centre is inside it."""
    x0, top, x1, bottom = box
    return [w for w in words if x0 <= w.centre[0] < x1 and top <= w.centre[1] < bottom]


def joined(words: list[Word]) -> tuple[str, float | None]:
    """Given one cell's or line's words, return their text in reading order and the lowest score."""
    if not words:
        return "", None
    ordered = sorted(words, key=lambda w: (round(w.top / 20), w.x0))
    return "".join(w.text for w in ordered), min(w.score for w in ordered)


def recognise(image: np.ndarray, box: tuple[int, int, int, int]) -> Word | None:
    """Given a page image and a box (x0, top, x1, bottom), return the text read inside it."""
    x0, top, x1, bottom = box
    if x1 - x0 < 4:
        return None
    result = ocr_engine()(image[top:bottom, x0:x1], use_det=False, use_cls=False, use_rec=True)
    text = "".join(result.txts or ())
    return Word(printed(text), float(min(result.scores or (0,))), x0, top, x1, bottom) if text else None


def split_at_rules(words: list[Word], cols: list[int], image: np.ndarray, vertical: np.ndarray) -> list[Word]:
    """Given words and a table's column rules, return the words with each one that runs across
    a rule drawn beside it (an amount flush against the next cell's name) read again as one
    word per side. A rule that stops short of the word (a merged header cell) splits nothing."""
    result = []
    for word in words:
        crossed = [c for c in cols if word.x0 + MERGE_GAP < c < word.x1 - MERGE_GAP
                   and has_rule(vertical, c, int(word.top), int(word.bottom), across=False)]
        if not crossed:
            result.append(word)
            continue
        edges = [int(word.x0), *crossed, int(word.x1)]
        top, bottom = int(word.top), int(word.bottom) + 1
        pieces = (recognise(image, (a + 3, top, b - 3, bottom)) for a, b in itertools.pairwise(edges))
        result.extend(piece for piece in pieces if piece)
    return result


def grid_lines(region, masks) -> tuple[list[int], list[int]]:
    """Given a table region and the rule masks, return the pixel positions of its row and column rules."""
    x, y, w, h = region
    horizontal, vertical = masks
    rows = [y + p for p in rule_positions(horizontal[y:y + h, x:x + w].sum(axis=1) / 255, w * 0.2)]
    cols = [x + p for p in rule_positions(vertical[y:y + h, x:x + w].sum(axis=0) / 255, h * 0.2)]
    return rows, cols


def table_grids(masks) -> list[tuple[tuple[int, int, int, int], list[int], list[int]]]:
    """Each table region of the rule masks with its row and column rules; a framed chart or a boxed
    line has fewer than three rules each way: not a table."""
    grids = [(region, *grid_lines(region, masks)) for region in table_regions(*masks)]
    return [(region, rows, cols) for region, rows, cols in grids if len(rows) >= 3 and len(cols) >= 3]


def table_cells(number: int, table_index: int, grid, words, image, masks,
                points_per_pixel: float) -> list[RawCell]:
    """Given one table region and its rules, return its slots as RawCells (in points) with the OCR
    words inside them."""
    horizontal, vertical = masks
    (x, y, w, h), rows, cols = grid
    words = split_at_rules(words_in(words, (x, y, x + w, y + h)), cols, image, vertical)
    origins = slot_origins(rows, cols, horizontal, vertical)
    spans: dict[tuple[int, int], list[int]] = {}
    for (r, c), origin in origins.items():
        spans.setdefault(origin, []).append((r, c))
    cells = []
    for (r, c), origin in origins.items():
        covered = spans[origin]
        box = (cols[origin[1]], rows[origin[0]],
               cols[max(s[1] for s in covered) + 1], rows[max(s[0] for s in covered) + 1])
        text, score = joined(words_in(words, box)) if origin == (r, c) else (None, None)
        first = min((wd.x0 for wd in words_in(words, box)), default=box[0])
        cells.append(RawCell(
            number, table_index, r, c, text, origin[0], origin[1], False,
            *(v * points_per_pixel for v in (cols[c], rows[r], cols[c + 1], rows[r + 1])),
            indent=(first - box[0]) * points_per_pixel if text else 0.0,
            source="ocr", ocr_confidence=score))
    return cells


def text_lines(number: int, words: list[Word], points_per_pixel: float) -> list[TextLine]:
    """Given the words outside every table, return them grouped into lines (in points), top to bottom."""
    groups: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.centre[1]):
        if groups and word.centre[1] < groups[-1][0].bottom:
            groups[-1].append(word)
        else:
            groups.append([word])
    lines = []
    for index, group in enumerate(groups):
        ordered = sorted(group, key=lambda w: w.x0)
        text = "".join(w.text for w in ordered)
        lines.append(TextLine(
            number, index, text, ordered[0].x0 * points_per_pixel,
            min(w.top for w in ordered) * points_per_pixel,
            max(w.bottom for w in ordered) * points_per_pixel,
            source="ocr", ocr_confidence=min(w.score for w in ordered)))
    return lines


def only_regions(image: np.ndarray, regions: list[tuple[float, float, float, float]],
                 points_per_pixel: float) -> np.ndarray:
    """Given a page image and boxes in PDF points, return the image with paper outside them."""
    kept = np.full_like(image, 255)
    for x0, top, x1, bottom in regions:
        a, b, c, d = (max(0, round(v / points_per_pixel)) for v in (x0, top, x1, bottom))
        kept[b:d, a:c] = image[b:d, a:c]
    return kept


def ocr_page(path: Path, number: int, regions: list[tuple[float, float, float, float]] | None = None,
             first_table: int = 0) -> tuple[list[RawCell], list[TextLine]]:
    """Given a PDF and the number of a page without a text layer, return its cells and lines; with
    `regions` (boxes in points: scans placed on a text page), only what is printed inside them,
    its tables numbered on from `first_table`. A page scanned turned is read upright, its positions
    in points of the page as it reads upright (width and height swapped after a quarter turn)."""
    image, points_per_pixel = render_page(path, number)
    # a page's own scan may be turned; a picture on a text page is in the frame of its text
    image = deskewed(only_regions(image, regions, points_per_pixel) if regions else sideways_turned(image))
    (horizontal, vertical), tables, words = grids_and_words(image, tables_only=bool(regions))
    if regions and not tables:  # a picture on a text page without a ruled table: a chart or a photo
        return [], []
    if not regions and median_score(words) < HALF_TURN_BELOW:  # upright pages read at 0.99 or more
        turned = np.ascontiguousarray(np.rot90(image, 2))
        again = grids_and_words(turned, tables_only=False)
        if median_score(again[2]) > median_score(words):  # an upside-down page: 0.64-0.77
            image, ((horizontal, vertical), tables, words) = turned, again
    cells: list[RawCell] = []
    outside = list(words)
    for table_index, grid in enumerate(tables, start=first_table):
        table = table_cells(number, table_index, grid, words, image, (horizontal, vertical), points_per_pixel)
        if table:
            cells.extend(table)
            x, y, w, h = grid[0]
            inside = set(map(id, words_in(words, (x, y, x + w, y + h))))
            outside = [word for word in outside if id(word) not in inside]
    if not regions:
        boxes = [tuple(v * points_per_pixel for v in (cols[0], rows[0], cols[-1], rows[-1]))
                 for _, rows, cols in tables]  # the ruled grids' outer rules, in points
        more, outside = unruled_cells(number, first_table + len(tables), outside, boxes, image, points_per_pixel)
        cells = top_to_bottom(cells + more, first_table)
    return cells, text_lines(number, outside, points_per_pixel)


def unruled_cells(number: int, first_table: int, words: list[Word], ruled: list[tuple[float, float, float, float]],
                  image: np.ndarray, points_per_pixel: float) -> tuple[list[RawCell], list[Word]]:
    """The tables printed without ruling lines among the words outside the ruled tables (their boxes
    in points), read from the white space as on a text page (extract/unruled.py): their cells (in
    points, each with the lowest score of its words) and the words left outside every table,
    numbered after the ruled ones."""
    pieces = [glyph_words(w, image, points_per_pixel) for w in words]
    in_points = [piece for word_pieces in pieces for piece in word_pieces]
    tables = unruled.unruled_tables(in_points, image.shape[1] * points_per_pixel, ruled=ruled)
    cells = [replace(cell, source="ocr", ocr_confidence=lowest_score(cell, in_points) if cell.text else None)
             for index, table in enumerate(tables, start=first_table)
             for cell in unruled.table_cells(table, number, index)]
    left = [word for word, word_pieces in zip(words, pieces, strict=True)
            if not any(inside(word_pieces[0], table.box) for table in tables)]
    return cells, left


def glyph_words(word: Word, image: np.ndarray, points_per_pixel: float) -> list[unruled.Word]:
    """An OCR word in points as a text layer would give it: as wide as its ink, cut where its ink
    stands apart as two words' would (the recogniser reads labels or amounts of neighbouring
    columns, 类 款 项, as one box), and as high as its glyphs (a detection box reaches about a sixth
    of its height above and below them, and some pixels beside them: rows and columns of a table
    printed without rules would otherwise touch)."""
    middle, half = (word.top + word.bottom) / 2, (word.bottom - word.top) * GLYPH_SHARE / 2
    top, bottom = (middle - half) * points_per_pixel, (middle + half) * points_per_pixel
    runs = ink_runs(word, image, 2 * half * SPLIT_GAP)
    pieces: list[list[tuple[str, float, float]]] = [[] for _ in runs]
    for char in word.chars:  # a mark's estimated box may fall into a gap: the nearest run takes it
        centre = (char[1] + char[2]) / 2
        pieces[min(range(len(runs)), key=lambda k: max(runs[k][0] - centre, centre - runs[k][1], 0))].append(char)
    if len(runs) < 2 or not all(pieces):
        return [unruled.Word(word.text, runs[0][0] * points_per_pixel, top, runs[-1][1] * points_per_pixel,
                             bottom, word.score)]
    runs, pieces = rejoined(runs, pieces, 2 * half)
    texts = [printed("".join(c[0] for c in piece)) for piece in pieces] if len(runs) > 1 else [word.text]
    return [unruled.Word(text, a * points_per_pixel, top, b * points_per_pixel, bottom, word.score)
            for text, (a, b) in zip(texts, runs, strict=True)]


def rejoined(runs: list[tuple[float, float]], pieces: list[list[tuple[str, float, float]]], em: float):
    """Runs of ink (and their characters) joined again into words: parted only by white of SPLIT_GAP
    or more, never before an opening bracket or after a closing mark (a full-width bracket's wide
    bearing)."""
    joined_runs, joined_pieces = [runs[0]], [pieces[0]]
    for run, piece in zip(runs[1:], pieces[1:], strict=True):
        left, right, gap = joined_pieces[-1][-1][0], piece[0][0], run[0] - joined_runs[-1][1]
        parted = gap >= SPLIT_GAP * em and right not in OPENING and left not in CLOSING
        if parted:
            joined_runs.append(run)
            joined_pieces.append(piece)
        else:
            joined_runs[-1] = (joined_runs[-1][0], run[1])
            joined_pieces[-1] = joined_pieces[-1] + piece
    return joined_runs, joined_pieces


def ink_runs(word: Word, image: np.ndarray, gap: float) -> list[tuple[float, float]]:
    """The x ranges (pixels) of the ink in a word's box, parted where white gaps are wider than `gap`."""
    x0, top, x1, bottom = (int(v) for v in (word.x0, word.top, word.x1 + 1, word.bottom + 1))
    inked = x0 + np.flatnonzero((image[top:bottom, x0:x1, 0] < INK_LEVEL).any(axis=0))
    if inked.size == 0:
        return [(word.x0, word.x1)]
    runs = [[inked[0], inked[0]]]
    for x in inked[1:]:
        if x - runs[-1][1] > gap:
            runs.append([x, x])
        else:
            runs[-1][1] = x
    return [(float(a), float(b + 1)) for a, b in runs]


def top_to_bottom(cells: list[RawCell], first_table: int) -> list[RawCell]:
    """The page's cells with its tables numbered from `first_table` in the order they are printed."""
    order = sorted(table_groups(cells), key=lambda cs: (min(c.top for c in cs), min(c.x0 for c in cs)))
    number = {group[0].table_index: first_table + k for k, group in enumerate(order)}
    return [replace(cell, table_index=number[cell.table_index]) for cell in cells]


def table_groups(cells: list[RawCell]) -> list[list[RawCell]]:
    groups: dict[int, list[RawCell]] = {}
    for cell in cells:
        groups.setdefault(cell.table_index, []).append(cell)
    return list(groups.values())


def inside(word: unruled.Word, box: tuple[float, float, float, float]) -> bool:
    x, y = (word.x0 + word.x1) / 2, word.middle
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def lowest_score(cell: RawCell, words: list[unruled.Word]) -> float | None:
    """The lowest recognition score of the words a cell of an unruled table holds."""
    scores = [w.score for w in words if w.score is not None and cell.x0 - 1 <= (w.x0 + w.x1) / 2 <= cell.x1 + 1
              and cell.top - 1 <= w.middle <= cell.bottom + 1]
    return min(scores, default=None)
