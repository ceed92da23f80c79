"""One pdfplumber page -> the cells of its ruled tables (with merged-cell origins) and its other lines.

The chain reads top to bottom: find tables, map each slot to the cell covering it, read the
text of slots no cell covers (merged cells cut by a page break) from the page characters.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from pdfplumber.page import Page
from pdfplumber.table import Table

from assets.extract.model import RawCell, TextLine

Box = tuple[float, float, float, float]
# Lines are grouped like pdfplumber's own default; a table box is widened by this many
# points so that a title sitting right on the top rule is not mistaken for table text.
BOX_MARGIN = 1.0
OFFSET_LINE_OVERLAP = 0.5  # of the shorter line's height: digits drawn off the text's baseline
WORD_GAP = 3.0  # points between two Latin/digit characters that make a space (pdfplumber's x_tolerance)


def page_to_cells(page: Page, page_number: int) -> tuple[list[RawCell], list[Box]]:
    """Given a page, return the raw cells of every ruled table on it and the tables' boxes."""
    cells: list[RawCell] = []
    boxes: list[Box] = []
    for index, table in enumerate(page.find_tables()):
        cells.extend(table_to_cells(page, table, page_number, index))
        boxes.append(table.bbox)
    return cells, boxes


def table_to_cells(page: Page, table: Table, page_number: int, index: int) -> list[RawCell]:
    """Given one pdfplumber table, return one RawCell per grid slot, row-major."""
    texts = table.extract()
    row_boxes, col_boxes = grid_boxes(table.bbox, table.rows)  # .rows is recomputed per access
    origins = slot_origins(table.cells, row_boxes, col_boxes)
    orphan_texts = orphan_run_texts(page, origins, row_boxes, col_boxes)
    cells = []
    for r, row_box in enumerate(row_boxes):
        for c, col_box in enumerate(col_boxes):
            origin = origins[r][c]
            orphan = origin is None
            text = orphan_texts.get((r, c)) if orphan else texts[r][c]
            origin_row, origin_col = (r, c) if orphan else origin
            cells.append(
                RawCell(page_number, index, r, c, text, origin_row, origin_col, orphan,
                        col_box[0], row_box[1], col_box[2], row_box[3])
            )
    return cells


def grid_boxes(bbox: Box, table_rows: list) -> tuple[list[Box], list[Box]]:
    """Return the box of every grid row and column of a table.

    pdfplumber's row/column boxes are unions of the cells starting there, so a merged cell
    stretches them; the grid lines are the starts of consecutive rows and columns instead.
    """
    x0, top, x1, bottom = bbox
    tops = [row.bbox[1] for row in table_rows] + [bottom]
    n_cols = len(table_rows[0].cells)
    lefts = [x1] * (n_cols + 1)
    for row in table_rows:
        for c, cell in enumerate(row.cells):
            if cell is not None and cell[0] < lefts[c]:
                lefts[c] = cell[0]
    rows = [(x0, tops[r], x1, tops[r + 1]) for r in range(len(tops) - 1)]
    cols = [(lefts[c], top, lefts[c + 1], bottom) for c in range(n_cols)]
    return rows, cols


def slot_origins(
    cell_boxes: list[Box], row_boxes: list[Box], col_boxes: list[Box]
) -> list[list[tuple[int, int] | None]]:
    """Given the detected cells and the grid, return for each slot the (row, col) where its
    covering cell starts, or None when no detected cell covers the slot."""
    origins: list[list[tuple[int, int] | None]] = [[None] * len(col_boxes) for _ in row_boxes]
    row_centres = [(b[1] + b[3]) / 2 for b in row_boxes]  # ascending, so bisect finds the span
    col_centres = [(b[0] + b[2]) / 2 for b in col_boxes]
    for x0, top, x1, bottom in cell_boxes:
        covered_rows = range(bisect_left(row_centres, top), bisect_right(row_centres, bottom))
        covered_cols = range(bisect_left(col_centres, x0), bisect_right(col_centres, x1))
        if not covered_rows or not covered_cols:
            continue
        start = (covered_rows[0], covered_cols[0])
        for r in covered_rows:
            for c in covered_cols:
                origins[r][c] = start
    return origins


def orphan_run_texts(
    page: Page, origins: list[list[tuple[int, int] | None]],
    row_boxes: list[Box], col_boxes: list[Box],
) -> dict[tuple[int, int], str]:
    """Read the text of each vertical run of uncovered slots and give it to every slot of the run."""
    texts: dict[tuple[int, int], str] = {}
    for c, col_box in enumerate(col_boxes):
        for run in vertical_runs([r for r, row in enumerate(origins) if row[c] is None]):
            box = (col_box[0], row_boxes[run[0]][1], col_box[2], row_boxes[run[-1]][3])
            text = page.within_bbox(box, strict=False).extract_text() or ""
            for r in run:
                texts[(r, c)] = text
    return texts


def vertical_runs(rows: list[int]) -> list[list[int]]:
    """Given sorted row indexes, return them grouped into runs of consecutive indexes."""
    runs: list[list[int]] = []
    for r in rows:
        if runs and runs[-1][-1] == r - 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    return runs


def page_to_lines(page: Page, page_number: int, table_boxes: list[Box]) -> list[TextLine]:
    """Given a page and its table boxes, return the text lines lying outside every table."""
    def outside_tables(obj: dict) -> bool:
        return not any(
            b[0] - BOX_MARGIN <= obj["x0"] and obj["x1"] <= b[2] + BOX_MARGIN
            and b[1] - BOX_MARGIN <= obj["top"] and obj["bottom"] <= b[3] + BOX_MARGIN
            for b in table_boxes
        )

    free_text = page.filter(outside_tables) if table_boxes else page
    return [
        TextLine(page_number, i, line["text"], line["x0"], line["top"], line["bottom"])
        for i, line in enumerate(merge_offset_lines(free_text.extract_text_lines()))
    ]


def merge_offset_lines(lines: list[dict]) -> list[dict]:
    """Given pdfplumber text lines (with chars), return them with each line that overlaps the
    one above by more than half its height merged into it, characters in x order. Some
    producers (ONLYOFFICE) draw the digits of a sentence a few points below its text
    ("基本支出 万元" over "2336.91"), which pdfplumber reads as two lines."""
    merged: list[dict] = []
    for line in lines:
        previous = merged[-1] if merged else None
        if previous and overlaps_half(previous, line):
            chars = sorted(previous["chars"] + line["chars"], key=lambda ch: ch["x0"])
            merged[-1] = {**previous, "chars": chars, "text": chars_to_text(chars),
                          "x0": min(previous["x0"], line["x0"]), "bottom": max(previous["bottom"], line["bottom"])}
        else:
            merged.append(line)
    return merged


def overlaps_half(upper: dict, lower: dict) -> bool:
    overlap = min(upper["bottom"], lower["bottom"]) - max(upper["top"], lower["top"])
    return overlap > OFFSET_LINE_OVERLAP * min(upper["bottom"] - upper["top"], lower["bottom"] - lower["top"])


def chars_to_text(chars: list[dict]) -> str:
    """Characters of one line in x order -> its text: a space where two Latin or digit
    characters stand apart, none next to CJK (wrapped Chinese takes no spaces)."""
    text = ""
    for previous, char in zip([None, *chars], chars, strict=False):
        if previous is not None and char["x0"] - previous["x1"] > WORD_GAP and char["text"].isascii() \
                and previous["text"].isascii():
            text += " "
        text += char["text"]
    return text.strip()
