"""The tables a scan prints without ruling lines: the OCR words outside the ruled grids, made like a
text layer's words (glyphs.py), read from the white space as on a text page (extract/unruled.py)."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from assets.extract import unruled
from assets.extract.model import RawCell
from assets.extract.ocr.glyphs import glyph_words
from assets.extract.ocr.words import Word


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


def inside(word: unruled.Word, box: tuple[float, float, float, float]) -> bool:
    x, y = (word.x0 + word.x1) / 2, word.middle
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def lowest_score(cell: RawCell, words: list[unruled.Word]) -> float | None:
    """The lowest recognition score of the words a cell of an unruled table holds."""
    scores = [w.score for w in words if w.score is not None and cell.x0 - 1 <= (w.x0 + w.x1) / 2 <= cell.x1 + 1
              and cell.top - 1 <= w.middle <= cell.bottom + 1]
    return min(scores, default=None)
