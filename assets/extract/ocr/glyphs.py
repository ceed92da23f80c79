"""An OCR box made like a text layer's word: as high as its glyphs, as wide as its ink, and cut where
its ink stands apart as two words' would (the recogniser reads neighbouring columns as one box)."""
from __future__ import annotations

import numpy as np

from assets.extract import unruled
from assets.extract.ocr.words import Word, printed

GLYPH_SHARE = 2 / 3  # of an OCR detection box's height: its glyphs (a text layer's word height)
INK_LEVEL = 128  # grey level under which a pixel is print
# of the glyph height: white this wide inside an OCR box parts two words (a full-width bracket's
# side bearing is narrower; two header labels of neighbouring columns stand further apart)
SPLIT_GAP = 0.5
OPENING, CLOSING = set("（(【《“"), set("）)】》”，、：；。:,;")


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
