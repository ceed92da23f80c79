"""A ruled table's cells on a scan: each slot of its grid (merged ones spanning several) with the OCR
words inside it, a word that runs across a drawn column rule read again one piece per side."""
from __future__ import annotations

import itertools

import numpy as np

from assets.extract.model import RawCell
from assets.extract.ocr.rules import MERGE_GAP, Grid, has_rule, slot_origins
from assets.extract.ocr.words import Word, joined, recognise, words_in


def region_box(grid: Grid) -> tuple[int, int, int, int]:
    """Given a table's grid, return its region as a box (x0, top, x1, bottom) in pixels."""
    x, y, w, h = grid[0]
    return x, y, x + w, y + h


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


def table_cells(number: int, table_index: int, grid: Grid, words: list[Word], image: np.ndarray, masks,
                points_per_pixel: float) -> list[RawCell]:
    """Given one table region and its rules, return its slots as RawCells (in points) with the OCR
    words inside them."""
    horizontal, vertical = masks
    _, rows, cols = grid
    words = split_at_rules(words_in(words, region_box(grid)), cols, image, vertical)
    origins = slot_origins(rows, cols, horizontal, vertical)
    spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
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
