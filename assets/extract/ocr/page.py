"""Read a page without a text layer from its image, turned upright: table grids from the ruling lines
(OpenCV morphology), words by RapidOCR, returned as the same RawCell/TextLine records marked source 'ocr'.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from assets.extract.model import RawCell, TextLine
from assets.extract.ocr import ruled_tables
from assets.extract.ocr.image import deskewed, only_regions, render_page
from assets.extract.ocr.orientation import HALF_TURN_BELOW, half_turned, median_score, sideways_turned
from assets.extract.ocr.rules import Grid, rule_masks, table_grids
from assets.extract.ocr.unruled_tables import unruled_cells
from assets.extract.ocr.words import Word, read_words, words_in


@dataclass(frozen=True)
class Reading:
    """A page image with its rule masks (horizontal, vertical), its table grids and its words."""

    image: np.ndarray
    masks: tuple[np.ndarray, np.ndarray]
    tables: list[Grid]
    words: list[Word]


def read_image(image: np.ndarray, tables_only: bool) -> Reading:
    """Given a page image, return its reading (no words read when `tables_only` and there is no table)."""
    masks = rule_masks(image)
    tables = table_grids(masks)
    return Reading(image, masks, tables, read_words(image) if tables or not tables_only else [])


def upright_reading(image: np.ndarray) -> Reading:
    """Given a page image the right way up or upside down, return the reading of the way up whose
    words read better; an upright page (a median score of 0.99 or more) is read once."""
    reading = read_image(image, tables_only=False)
    if median_score(reading.words) >= HALF_TURN_BELOW:
        return reading
    again = read_image(half_turned(image), tables_only=False)  # an upside-down page reads at 0.64-0.77
    return again if median_score(again.words) > median_score(reading.words) else reading


def ocr_page(path: Path, number: int, regions: list[tuple[float, float, float, float]] | None = None,
             first_table: int = 0) -> tuple[list[RawCell], list[TextLine]]:
    """Given a PDF and the number of a page without a text layer, return its cells and lines; with
    `regions` (boxes in points: scans placed on a text page), only what is printed inside them,
    its tables numbered on from `first_table`. A page scanned turned is read upright, its positions
    in points of the page as it reads upright (width and height swapped after a quarter turn)."""
    image, points_per_pixel = render_page(path, number)
    if regions:  # a picture on a text page is in the frame of its text
        reading = read_image(deskewed(only_regions(image, regions, points_per_pixel)), tables_only=True)
        if not reading.tables:  # without a ruled table: a chart or a photo
            return [], []
    else:  # a page's own scan may be turned
        reading = upright_reading(deskewed(sideways_turned(image)))
    cells = [cell for index, grid in enumerate(reading.tables, start=first_table)
             for cell in ruled_tables.table_cells(number, index, grid, reading.words, reading.image, reading.masks,
                                                  points_per_pixel)]
    outside = [word for word in reading.words
               if not any(words_in([word], ruled_tables.region_box(grid)) for grid in reading.tables)]
    if not regions:
        boxes = [tuple(v * points_per_pixel for v in (cols[0], rows[0], cols[-1], rows[-1]))
                 for _, rows, cols in reading.tables]  # the ruled grids' outer rules, in points
        more, outside = unruled_cells(number, first_table + len(reading.tables), outside, boxes, reading.image,
                                      points_per_pixel)
        cells = top_to_bottom(cells + more, first_table)
    return cells, text_lines(number, outside, points_per_pixel)


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
