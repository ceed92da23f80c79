"""One pdfplumber page -> the cells of its ruled tables (with merged-cell origins) and its other lines.

The chain reads top to bottom: find tables, close the outer rules a page break left open, map
each slot to the cell covering it, read the text of slots no cell covers (merged cells cut by a
page break) from the page characters.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from pdfplumber.page import Page
from pdfplumber.table import Table

from assets.extract.model import RawCell, TextLine
from assets.extract import unruled

Box = tuple[float, float, float, float]
# Lines are grouped like pdfplumber's own default; a table box is widened by this many
# points so that a title sitting right on the top rule is not mistaken for table text.
BOX_MARGIN = 1.0
# A table's vertical rules running this many points past its top or bottom rule, or ruling a
# column beside it, mean a page break left that side open (no rule drawn at the break).
OPEN_GAP = 4.0
MIN_COLUMN, MAX_COLUMN = 10.0, 200.0  # points: the width of a ruled column a table lost
OFFSET_LINE_OVERLAP = 0.5  # of the shorter line's height: digits drawn off the text's baseline
SENTENCE_MARKS = set("。，、；：）)")
PROSE_PUNCTUATION = re.compile(r"[。，；]")  # inside a table's label cell, these mean a sentence
WORD_GAP = 3.0  # points between two Latin/digit characters that make a space (pdfplumber's x_tolerance)


def page_to_cells(page: Page, page_number: int, after_table: bool = False) -> tuple[list[RawCell], list[Box]]:
    """Given a page (and whether the page before ended in a table), return the raw cells of every
    table on it, top to bottom, and the tables' boxes: its ruled tables, and the tables its other
    words line up in."""
    ruled, cut_ys = ruled_tables(page)
    white_space = unruled.unruled_tables(unruled.page_words(page), float(page.width), after_table,
                                         [t.bbox for t in ruled])
    tables: list[Table | unruled.UnruledTable] = sorted([*ruled, *white_space], key=lambda t: table_box(t)[1::-1])
    cells: list[RawCell] = []
    for index, table in enumerate(tables):
        cells.extend(table_to_cells(page, table, page_number, index, cut_ys) if isinstance(table, Table)
                     else unruled.table_cells(table, page_number, index))
    return cells, [table_box(t) for t in tables]


def ruled_tables(page: Page) -> tuple[list[Table], list[float]]:
    """pdfplumber's tables on the page, found again with the rules a page break left undrawn (and
    the heights of those rules); one-row boxes around words of a sentence are not tables."""
    tables = [t for t in page.find_tables() if not is_inline_box(page, t)]
    closing = [rule for table in tables for rule in closing_rules(page, table.bbox)]
    if closing:
        tables = [t for t in page.find_tables({"explicit_horizontal_lines": closing}) if not is_inline_box(page, t)]
    return tables, [rule["top"] for rule in closing]


def table_box(table: Table | unruled.UnruledTable) -> Box:
    return table.bbox if isinstance(table, Table) else table.box


def is_inline_box(page: Page, table: Table) -> bool:
    """True for a one-row ruling drawn around words of a sentence (长沙's 说明 boxes each figure and
    name it states): the line it sits on goes on outside it, or its one line of cells is prose
    (a cell of punctuation alone or starting with it, a comma or full stop inside a cell:
    "1 | 、部门收支总表" is a 目录 entry cut by its box). A table's one row carried
    onto a page stands alone on its line and holds labels and amounts."""
    if len(table.rows) != 1:
        return False
    x0, top, x1, bottom = table.bbox
    middle = (top + bottom) / 2
    if any(not char["text"].isspace() and char["top"] <= middle <= char["bottom"]
           and (char["x1"] <= x0 - BOX_MARGIN or char["x0"] >= x1 + BOX_MARGIN) for char in page.chars):
        return True
    texts = [text.strip() for text in table.extract()[0] if text and text.strip()]
    return bool(texts) and all("\n" not in text for text in texts) and any(
        PROSE_PUNCTUATION.search(text) or set(text) <= SENTENCE_MARKS or text[0] in SENTENCE_MARKS
        for text in texts)


def closing_rules(page: Page, bbox: Box) -> list[dict]:
    """The rules a page break left undrawn around one table: where its vertical rules (those of
    a column it lost included) run past its top or bottom, a rule joining their ends. A
    continuation page printed without a rule above its first row, or a merged cell open at both
    ends of a page, would otherwise lose that row or that column."""
    x0, top, x1, bottom = bbox
    ruled = table_verticals(page, bbox)
    if not ruled:
        return []
    left, right = min(v["x0"] for v in ruled), max(v["x0"] for v in ruled)
    wider = left < x0 - OPEN_GAP or right > x1 + OPEN_GAP
    high, low = min(v["top"] for v in ruled), max(v["bottom"] for v in ruled)
    ends = [y for y, open_end in ((high, high < top - OPEN_GAP), (low, low > bottom + OPEN_GAP)) if open_end or wider]
    return [{"object_type": "line", "x0": left, "x1": right, "top": y, "bottom": y,
             "width": right - left, "height": 0} for y in ends]


def table_verticals(page: Page, bbox: Box) -> list[dict]:
    """The vertical rules of a table: those covering most of its height, inside it or ruling a
    column beside it that no cell was found in (merged cells open at both ends of the page)."""
    x0, top, x1, bottom = bbox
    tall = sorted((v for v in page.vertical_edges
                   if min(v["bottom"], bottom) - max(v["top"], top) > (bottom - top) / 2), key=lambda v: v["x0"])
    left = chain_end(x0, sorted((v["x0"] for v in tall if v["x0"] < x0 - BOX_MARGIN), reverse=True))
    right = chain_end(x1, [v["x0"] for v in tall if v["x0"] > x1 + BOX_MARGIN])
    return [v for v in tall if left - BOX_MARGIN <= v["x0"] <= right + BOX_MARGIN]


def chain_end(edge: float, rules: list[float]) -> float:
    """Walk outwards from a table edge over the rules at x positions `rules` (nearest first),
    one column at a time, while each is as wide as a column: a narrow gap parts two boxes."""
    for x in rules:
        if not MIN_COLUMN <= abs(x - edge) <= MAX_COLUMN:
            break
        edge = x
    return edge


def table_to_cells(page: Page, table: Table, page_number: int, index: int,
                   cut_ys: list[float] = ()) -> list[RawCell]:
    """Given one pdfplumber table, return one RawCell per grid slot, row-major. A slot under a
    rule that `closing_rules` added, where the page draws none, is an orphan too: its cell is
    cut by the page break."""
    texts = table.extract()
    row_boxes, col_boxes = grid_boxes(table.bbox, table.rows)  # .rows is recomputed per access
    origins = slot_origins(table.cells, row_boxes, col_boxes)
    orphan_texts = orphan_run_texts(page, origins, row_boxes, col_boxes)
    cut = cut_slots(page.horizontal_edges, cut_ys, row_boxes, col_boxes)
    indents = cell_indents(page, origins, row_boxes, col_boxes)
    cells = []
    for r, row_box in enumerate(row_boxes):
        for c, col_box in enumerate(col_boxes):
            origin = origins[r][c]
            uncovered = origin is None
            text = orphan_texts.get((r, c)) if uncovered else texts[r][c]
            origin_row, origin_col = (r, c) if uncovered else origin
            cells.append(
                RawCell(page_number, index, r, c, text, origin_row, origin_col, uncovered or (r, c) in cut,
                        col_box[0], row_box[1], col_box[2], row_box[3], indents.get((origin_row, origin_col), 0.0))
            )
    return cells


def cell_indents(page: Page, origins: list[list[tuple[int, int] | None]],
                 row_boxes: list[Box], col_boxes: list[Box]) -> dict[tuple[int, int], float]:
    """Given the grid, return per cell origin the distance from the cell's left rule to its
    leftmost printed (non-blank) character; leading ideographic spaces count as indentation."""
    if not row_boxes or not col_boxes:
        return {}
    tops, lefts = [b[1] for b in row_boxes], [b[0] for b in col_boxes]
    x0, top, x1, bottom = row_boxes[0][0], tops[0], row_boxes[-1][2], row_boxes[-1][3]
    first: dict[tuple[int, int], float] = {}
    for char in page.chars:
        if char["text"].isspace() or not (x0 <= char["x0"] < x1 and top <= char["top"] < bottom):
            continue
        r = bisect_right(tops, (char["top"] + char["bottom"]) / 2) - 1
        c = bisect_right(lefts, char["x0"] + 0.5) - 1
        origin = origins[max(r, 0)][max(c, 0)] or (max(r, 0), max(c, 0))
        first[origin] = min(first.get(origin, char["x0"]), char["x0"])
    return {origin: round(x - col_boxes[origin[1]][0], 1) for origin, x in first.items()}


def cut_slots(rules: list[dict], cut_ys: list[float],
              row_boxes: list[Box], col_boxes: list[Box]) -> set[tuple[int, int]]:
    """The slots of the first or last grid row that sit on an added rule with no printed rule
    above (or below) them."""
    ends = [(0, row_boxes[0][1]), (len(row_boxes) - 1, row_boxes[-1][3])] if row_boxes else []
    cut = set()
    for r, y in ends:
        if not any(abs(y - cy) <= BOX_MARGIN for cy in cut_ys):
            continue
        for c, (x0, _, x1, _) in enumerate(col_boxes):
            centre = (x0 + x1) / 2
            if not any(abs(e["top"] - y) <= BOX_MARGIN and e["x0"] <= centre <= e["x1"] for e in rules):
                cut.add((r, c))
    return cut


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
