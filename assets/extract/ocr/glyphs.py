"""An OCR box made like a text layer's word: as high as its glyphs, as wide as its ink, and cut where
its ink stands apart as two words' would (the recogniser reads neighbouring columns as one box)."""
from __future__ import annotations

import re

import numpy as np

from assets.extract import unruled
from assets.extract.ocr.words import Word, printed

GLYPH_SHARE = 2 / 3  # of an OCR detection box's height: its glyphs (a text layer's word height)
INK_LEVEL = 128  # grey level under which a pixel is print
# of the glyph height: white this wide inside an OCR box parts two words (a full-width bracket's
# side bearing is narrower; two header labels of neighbouring columns stand further apart)
SPLIT_GAP = 0.5
OPENING, CLOSING = set("（(【《“"), set("）)】》”，、：；。:,;")
# an amount printed flush against the next column's name (3356.28一、一般公共服务): the white after
# it is narrower than SPLIT_GAP but wider than AMOUNT_GAP of the glyph height (digits stand 0.1-0.2 apart)
AMOUNT_THEN_NAME = re.compile(r"^-?\d[\d,]*\.\d+(?=[\u4e00-\u9fff（(])")
AMOUNT_GAP = 0.3


def glyph_words(word: Word, image: np.ndarray, points_per_pixel: float) -> list[unruled.Word]:
    """An OCR word in points as a text layer would give it: as wide as its ink, cut where its ink
    stands apart as two words' would (the recogniser reads labels or amounts of neighbouring
    columns, 类 款 项, as one box), and as high as its glyphs (a detection box reaches about a sixth
    of its height above and below them, and some pixels beside them: rows and columns of a table
    printed without rules would otherwise touch)."""
    middle, half = (word.top + word.bottom) / 2, (word.bottom - word.top) * GLYPH_SHARE / 2
    top, bottom = (middle - half) * points_per_pixel, (middle + half) * points_per_pixel
    return [unruled.Word(text, a * points_per_pixel, top, b * points_per_pixel, bottom, word.score)
            for text, (a, b) in ink_words(word, image, 2 * half)]


def ink_words(word: Word, image: np.ndarray, em: float) -> list[tuple[str, tuple[float, float]]]:
    """A word's pieces of ink (pixels) with their text: parted by white of SPLIT_GAP (see `rejoined`),
    and an amount from the name printed flush after it (see `amount_parted`)."""
    runs = ink_runs(word, image, em * SPLIT_GAP)
    pieces: list[list[tuple[str, float, float]]] = [[] for _ in runs]
    for char in word.chars:  # a mark's estimated box may fall into a gap: the nearest run takes it
        centre = (char[1] + char[2]) / 2
        pieces[min(range(len(runs)), key=lambda k: max(runs[k][0] - centre, centre - runs[k][1], 0))].append(char)
    if len(runs) < 2 or not all(pieces):
        return amount_parted(word.text, list(word.chars), (runs[0][0], runs[-1][1]), word, image, em)
    runs, pieces = rejoined(runs, pieces, em)
    if len(runs) == 1:
        return amount_parted(word.text, pieces[0], runs[0], word, image, em)
    return [part for piece, run in zip(pieces, runs, strict=True)
            for part in amount_parted(printed("".join(c[0] for c in piece)), piece, run, word, image, em)]


def amount_parted(text: str, chars: list[tuple[str, float, float]], run: tuple[float, float], word: Word,
                  image: np.ndarray, em: float) -> list[tuple[str, tuple[float, float]]]:
    """A piece of ink and its text, cut in two where it starts with an amount and AMOUNT_GAP of white
    or more parts it from the name after it (the widest white between the amount's last character
    and the next one's)."""
    glued = AMOUNT_THEN_NAME.match("".join(c[0] for c in chars))
    if not glued:
        return [(text, run)]
    n = glued.end()
    start, stop = (chars[n - 1][1] + chars[n - 1][2]) / 2, (chars[n][1] + chars[n][2]) / 2
    white = widest_white(word, image, start, stop)
    if white is None or white[1] - white[0] < AMOUNT_GAP * em:
        return [(text, run)]
    return [("".join(c[0] for c in chars[:n]), (run[0], white[0])),
            (printed("".join(c[0] for c in chars[n:])), (white[1], run[1]))]


def widest_white(word: Word, image: np.ndarray, start: float, stop: float) -> tuple[float, float] | None:
    """The widest run of pixel columns without ink in a word's box between x = start and stop."""
    top, bottom = int(word.top), int(word.bottom) + 1
    inked = (image[top:bottom, int(start):int(stop) + 1, 0] < INK_LEVEL).any(axis=0)
    best, begin = None, None
    for x, ink in enumerate([*inked, True]):
        if not ink and begin is None:
            begin = x
        elif ink and begin is not None:
            if best is None or x - begin > best[1] - best[0]:
                best = (begin, x)
            begin = None
    return None if best is None else (int(start) + best[0], int(start) + best[1])


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
