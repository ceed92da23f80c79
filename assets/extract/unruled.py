"""A page's tables printed without ruling lines (no rules at all, or a three-line table's
horizontal rules only) -> the same RawCells a ruled grid gives, read from the white space.

The chain reads top to bottom: words into text lines, lines into printed rows (the white space
between rows is wider than between the lines of a wrapped cell), rows into tables (a title, unit
or note line, or a line of prose, ends one), columns from the gaps the body's words leave (plus
header labels over empty columns), and the header's labels into merged cells by their levels.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from pdfplumber.page import Page

from assets.clean.headers import is_column_number_row
from assets.extract.model import RawCell
from assets.templates.titles import is_number_line

Box = tuple[float, float, float, float]
AMOUNT = re.compile(r"^[-－]?(\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d+)$")  # 1,234 or 12.30, not a code or a page
TOTAL = re.compile(r"^(合\s*计|总\s*计)$")
TITLE = re.compile(r"表(（续）|\(续\))?$")
HEADING_LINE = re.compile(r"单位\s*[:：]|部门(名称)?\s*[:：]|^编制(单位|部门)\s*[:：]|^(预算|决算)?\s*\d+\s*表"
                          r"|^注\s*[:：]|^说明\s*[:：]")
PROSE = re.compile(r"[。，；]")
ITEM = re.compile(r"^([（(]?[一二三四五六七八九十]+[、)）]|\d+[、.．]\D|\d{3,}$|其中)")
NOTE = re.compile(r"注\s*[:：]")
MAX_TITLE_CHARS = 40
ROW_GAP = 0.5  # of the text height: a wider white space between two lines parts two printed rows
COLUMN_GAP = 0.45  # of the text height (at least MIN_COLUMN_GAP points): white space parting two columns
MIN_COLUMN_GAP = 3.5
AMOUNT_COLUMN_GAP = 1.5  # points of white after an amount that end its column
LEVEL_GAP = 0.35  # of the text height: header labels whose middles lie closer are on one level
PROSE_WIDTH = 0.6  # of the page width: a line of prose this wide is narrative, not a table row
# (columns, rows with an amount) a run needs by what stands above it: under a title a table may be
# printed empty; at the top of a page after a table, it may be that table's last row; else three of each
GATES = {"titled": (2, 0), "carried": (2, 1), "opening": (3, 3), "inner": (3, 3)}
RULED_MARGIN = 1.0  # points: a word this close to a ruled table's box is that table's
RULED_HEADER_GAP = 2.0  # of the text height: rows this close above a ruled table are its header


@dataclass(frozen=True)
class Word:
    """A printed word, or a header label: its words joined (a wrapped label prints several lines)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    score: float | None = None  # an OCR reading's recognition score (None: the text layer)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Block:
    """One printed row: the words of its lines (a wrapped cell prints several lines)."""

    lines: tuple[tuple[Word, ...], ...]

    @property
    def words(self) -> list[Word]:
        return [w for line in self.lines for w in line]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    def opens_with_total(self) -> bool:
        """A 合计 row (of an empty table, too): 合计 is its leftmost word; in a header it is a column's label."""
        return bool(TOTAL.match(min(self.words, key=lambda w: w.x0).text))

    def opens_with_item(self) -> bool:
        """A body row without amounts: its leftmost word is a numbered line item or a code."""
        return bool(ITEM.match(min(self.words, key=lambda w: w.x0).text))

    def has_amount(self) -> bool:
        return any(AMOUNT.match(w.text) for w in self.words)


def page_words(page: Page) -> list[Word]:
    """A text page's words on the page, in reading order (a broken printing may place text past the
    page's foot, where no reader sees it)."""
    return [Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in page.extract_words(use_text_flow=True)
            if w["top"] >= 0 and w["bottom"] <= page.height]


def unruled_tables(words: list[Word], page_width: float, after_table: bool = False,
                   ruled: list[Box] = ()) -> list[UnruledTable]:
    """Given a page's words and width (whether the page before ended in a table, and the boxes of
    the page's ruled tables), return the tables its other words line up in. A ruled table parts the
    page into bands read one by one; a run just above a ruled table is its unruled header."""
    if not words:
        return []
    height = median(w.bottom - w.top for w in words)
    tables: list[UnruledTable] = []
    for n, (band, below) in enumerate(bands(words, ruled)):
        runs = segments(printed_rows(text_lines(band), height), page_width)
        for k, (above, segment) in enumerate(runs):
            if n and above == "opening":
                above = "inner"  # under a ruled table: no table carried on from the page before
            if below is not None and k == len(runs) - 1 and below - segment[-1].bottom < RULED_HEADER_GAP * height:
                continue
            table = read_table(segment, "carried" if above == "opening" and after_table else above, height)
            if table is not None:
                tables.append(table)
    return tables


def bands(words: list[Word], ruled: list[Box]) -> list[tuple[list[Word], float | None]]:
    """The words above, between and under the ruled tables' rows (those level with a ruled table
    are left out), each band with the top of the ruled table under it (None for the last)."""
    spans = sorted((top - RULED_MARGIN, bottom + RULED_MARGIN) for _, top, _, bottom in ruled)
    result, start = [], float("-inf")
    for top, bottom in [*spans, (float("inf"), float("inf"))]:
        band = [w for w in words if start < w.middle < top]
        result.append((band, None if top == float("inf") else top + RULED_MARGIN))
        start = max(start, bottom)
    return [(band, below) for band, below in result if band]


def text_lines(words: list[Word]) -> list[tuple[Word, ...]]:
    """Words -> text lines (a word whose middle lies inside a line's height is on it), left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        line = next((line for line in lines if min(w.top for w in line) <= word.middle <= max(w.bottom for w in line)),
                    None)
        if line is None:
            lines.append([word])
        else:
            line.append(word)
    return [tuple(sorted(line, key=lambda w: w.x0)) for line in sorted(lines, key=lambda line: line[0].top)]


def printed_rows(lines: list[tuple[Word, ...]], height: float) -> list[Block]:
    """Text lines -> printed rows: a line closer than ROW_GAP to the row above is a wrapped part of it
    (its amounts are centred on the name's two lines, so the three overlap or nearly touch)."""
    blocks: list[list[tuple[Word, ...]]] = []
    for line in lines:
        top = min(w.top for w in line)
        if blocks and top - max(w.bottom for part in blocks[-1] for w in part) < ROW_GAP * height \
                and not is_heading(line) and not is_heading(blocks[-1][-1]):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return [Block(tuple(block)) for block in blocks]


def line_text(line: tuple[Word, ...]) -> str:
    return "".join(w.text for w in line)


def is_heading(line: tuple[Word, ...]) -> bool:
    """A title (…表), unit, department, table-number or note line: never a table row."""
    text = line_text(line)
    return (bool(HEADING_LINE.search(text)) or is_number_line(text)
            or (len(text) <= MAX_TITLE_CHARS and bool(TITLE.search(text)) and not PROSE.search(text)))


def is_prose(block: Block, page_width: float) -> bool:
    return any(PROSE.search(line_text(line)) and max(w.x1 for w in line) - min(w.x0 for w in line)
               > PROSE_WIDTH * page_width for line in block.lines)


def segments(blocks: list[Block], page_width: float) -> list[tuple[str, list[Block]]]:
    """Printed rows -> runs of rows between headings and prose, each with what stands above it:
    "titled" (a title, unit or department line), "opening" (nothing: the page's top, where a table
    carried on from the page before goes on) or "inner" (prose or a note)."""
    runs: list[tuple[str, list[Block]]] = []
    above, current = "opening", []
    for block in blocks:
        heading = len(block.lines) == 1 and is_heading(block.lines[0])
        if heading or is_prose(block, page_width):
            if current:
                runs.append((above, current))
            current = []
            above = "titled" if heading and not NOTE.match(line_text(block.lines[0])) else "inner"
            continue
        current.append(block)
    if current:
        runs.append((above, current))
    return runs


@dataclass(frozen=True)
class UnruledTable:
    columns: tuple[tuple[float, float], ...]  # text extent of each column
    header: tuple[tuple[str | None, ...], ...]  # per level, the label starting in each column
    header_origins: tuple[tuple[tuple[int, int], ...], ...]
    body: tuple[Block, ...]
    box: Box

    def column_of(self, word: Word) -> int:
        """The column a word stands in: the first whose bounds reach past its centre."""
        centre = (word.x0 + word.x1) / 2
        return next((c for c in range(len(self.columns)) if centre < self.bounds(c)[1]), len(self.columns) - 1)

    def bounds(self, c: int) -> tuple[float, float]:
        """The x range a word of column c may stand in: halfway to the next columns."""
        left = self.box[0] if c == 0 else (self.columns[c - 1][1] + self.columns[c][0]) / 2
        right = self.box[2] if c == len(self.columns) - 1 else (self.columns[c][1] + self.columns[c + 1][0]) / 2
        return left, right


def read_table(segment: list[Block], above: str, height: float) -> UnruledTable | None:
    """A run of printed rows -> a table, or None where it does not read as one (see GATES); a
    third of its rows or more holding a sentence mark is prose."""
    start = next((i for i, b in enumerate(segment) if b.has_amount() or b.opens_with_total()), None)
    if start is None:
        return None
    while start > 0 and segment[start - 1].opens_with_item():
        start -= 1
    header_words = [w for b in segment[:start] for w in b.words]
    body = segment[start:]
    gap = max(MIN_COLUMN_GAP, COLUMN_GAP * height)
    labels = header_labels(header_words, gap, height)
    levels = label_levels(labels, height)
    labels, levels, numbers = split_column_numbers(labels, levels)
    columns = table_columns(body_columns([w for b in body for w in b.words], gap), labels, levels)
    amount_rows = sum(b.has_amount() for b in body)
    min_columns, min_amount_rows = GATES[above]
    sentences = sum(any(PROSE.search(w.text) for w in b.words) for b in segment)
    if len(columns) < min_columns or amount_rows < min_amount_rows or 3 * sentences >= len(segment):
        return None
    header, origins = with_column_numbers(*header_grid(labels, levels, columns, LEVEL_GAP * height), numbers, columns)
    words = header_words + [w for b in body for w in b.words]
    box = (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words), max(w.bottom for w in words))
    return UnruledTable(tuple(columns), header, origins, tuple(body), box)


def split_column_numbers(labels: list[Word], levels: list[int]) -> tuple[list[Word], list[int], list[Word]]:
    """Set apart the header's last level where it only numbers the columns ("栏次 | 1 | 2 | 3",
    "** | 1 | 2"): it heads no column, and taken as the deepest labels it would hide the real ones."""
    last = max(levels, default=0)
    row = sorted((lb for lb, lv in zip(labels, levels, strict=True) if lv == last), key=lambda lb: lb.x0)
    if last == 0 or not is_column_number_row(tuple(lb.text for lb in row)):
        return labels, levels, []
    kept = [(lb, lv) for lb, lv in zip(labels, levels, strict=True) if lv != last]
    return [lb for lb, _ in kept], [lv for _, lv in kept], row


def with_column_numbers(texts, origins, numbers: list[Word], columns: list[tuple[float, float]]):
    """The header grid with its row of column numbers put back under it, each in its column."""
    if not numbers:
        return texts, origins
    row: list[str | None] = [None] * len(columns)
    for word in numbers:
        row[min(label_columns(word, columns), key=lambda c: abs(sum(columns[c]) - word.x0 - word.x1))] = word.text
    r = len(texts)
    return texts + (tuple(row),), origins + (tuple((r, c) for c in range(len(columns))),)


def table_columns(body: list[tuple[float, float]], labels: list[Word], levels: list[int]) -> list[tuple[float, float]]:
    """The body's columns with the header's labels: the white space halfway between two body
    columns parts their zones; in each zone the deepest label overlapping (else nearest) the body
    column heads it (a label centred over amounts printed to the right, or over names printed to
    the left), unless none of the deepest overlaps it and a leaf below the top level does (a
    continuation page prints nothing under the deeper leaf beside it). The zone's other leaves are
    columns printed empty: its other deepest labels, and below the top level, a label no deeper
    label stands under. A column's extent is its text's and its head's."""
    cuts = [(left[1] + right[0]) / 2 for left, right in zip(body, body[1:], strict=False)]

    def has_deeper(i: int, among) -> bool:  # a deeper label stands under label i
        return any(levels[j] > levels[i] and overlaps(span(labels[i]), span(labels[j])) for j in among)

    columns = []
    for z, (x0, x1) in enumerate(body):
        low, high = cuts[z - 1] if z else float("-inf"), cuts[z] if z < len(cuts) else float("inf")
        zone = [i for i, lb in enumerate(labels) if low <= (lb.x0 + lb.x1) / 2 < high]
        deepest = max((levels[i] for i in zone), default=0)
        heads = [i for i in zone if levels[i] == deepest]
        if not any(overlaps(span(labels[i]), (x0, x1)) for i in heads):
            heads = [i for i in zone if levels[i] > 0 and overlaps(span(labels[i]), (x0, x1))
                     and not has_deeper(i, zone)] or heads
        head = max(heads, key=lambda i: (min(x1, labels[i].x1) - max(x0, labels[i].x0),
                                         -abs(labels[i].x0 + labels[i].x1 - x0 - x1)), default=None)
        columns.append((x0, x1) if head is None else (min(x0, labels[head].x0), max(x1, labels[head].x1)))
        columns += [span(labels[i]) for i in zone if i != head and (
            levels[i] == deepest or (levels[i] > 0 and not has_deeper(i, range(len(labels)))))]
    return sorted(columns)


def span(word: Word) -> tuple[float, float]:
    return word.x0, word.x1


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return min(a[1], b[1]) - max(a[0], b[0]) > 0


def body_columns(words: list[Word], gap: float) -> list[tuple[float, float]]:
    """The body's words -> its columns: the union of their x ranges, ranges closer than `gap` joined,
    except after a column ending in an amount (nothing follows an amount in its cell): a word
    starting AMOUNT_COLUMN_GAP or more after it opens the next column (a scan's amount printed
    flush against the next column's name)."""
    merged: list[list] = []  # x0, x1, whether x1 is an amount's end
    for word in sorted(words, key=lambda w: (w.x0, w.x1)):
        if merged and word.x0 - merged[-1][1] < gap and not (
                merged[-1][2] and word.x0 - merged[-1][1] >= AMOUNT_COLUMN_GAP and not AMOUNT.match(word.text)):
            if word.x1 >= merged[-1][1]:
                merged[-1][1:] = [word.x1, bool(AMOUNT.match(word.text))]
        else:
            merged.append([word.x0, word.x1, bool(AMOUNT.match(word.text))])
    return [(a, b) for a, b, _ in merged]


def header_labels(words: list[Word], gap: float, height: float) -> list[Word]:
    """The header's words -> labels: words of a line closer than `gap` are one label, and a label's
    next line (closer than ROW_GAP below, overlapping it) is the rest of it."""
    pieces: list[Word] = []
    for line in text_lines(words):
        for word in line:
            last = pieces[-1] if pieces else None
            if last and abs(last.middle - word.middle) < height / 2 and 0 <= word.x0 - last.x1 < gap:
                pieces[-1] = Word(f"{last.text} {word.text}", last.x0, min(last.top, word.top), word.x1,
                                   max(last.bottom, word.bottom))
            else:
                pieces.append(Word(word.text, word.x0, word.top, word.x1, word.bottom))
    labels: list[Word] = []
    for piece in sorted(pieces, key=lambda p: (p.top, p.x0)):
        above = next((lb for lb in reversed(labels) if 0 <= piece.top - lb.bottom < ROW_GAP * height
                      and overlaps((lb.x0, lb.x1), (piece.x0, piece.x1))), None)
        if above is None:
            labels.append(piece)
        else:
            labels[labels.index(above)] = Word(f"{above.text}\n{piece.text}", min(above.x0, piece.x0), above.top,
                                                max(above.x1, piece.x1), piece.bottom)
    return labels


def label_levels(labels: list[Word], height: float) -> list[int]:
    """Each label's header level: labels whose middles lie within LEVEL_GAP of each other share one
    (a label merged over two header rows is centred between them: a level of its own)."""
    middles = sorted({round(lb.middle, 1) for lb in labels})
    levels: list[float] = []
    for m in middles:
        if not levels or m - levels[-1] > LEVEL_GAP * height:
            levels.append(m)
    return [max(i for i, m in enumerate(levels) if m <= round(lb.middle, 1) + LEVEL_GAP * height) for lb in labels]


def header_grid(labels: list[Word], levels: list[int], columns: list[tuple[float, float]], tolerance: float):
    """Labels -> the header as grid rows: per level the label starting in each column, and each
    slot's origin. A label covers the columns its text overlaps, and the neighbouring columns
    under the same labels above it, with nothing at its level, whose first label below hangs from
    it (a spanning label printed left-aligned or centred); a column's label reaches down to the
    next label under it, and up to the top where nothing above covers it."""
    if not labels:
        return (), ()
    header = HeaderSpans(labels, levels, len(columns), tolerance, max(lb.bottom for lb in labels))
    for i, label in enumerate(labels):
        header.place(i, label_columns(label, columns))
    for i in sorted(range(len(labels)), key=lambda i: (header.levels[i], labels[i].x0)):
        header.extend(i)
    return header.grid()


def label_columns(label: Word, columns: list[tuple[float, float]]) -> list[int]:
    """The columns a header label stands over: those its text overlaps, else the nearest one."""
    return ([c for c, col in enumerate(columns) if overlaps(span(label), col)]
            or [min(range(len(columns)), key=lambda c: abs(sum(columns[c]) - label.x0 - label.x1))])


@dataclass
class HeaderSpans:
    """Which label covers each (level, column) slot of a header, built label by label."""

    labels: list[Word]
    levels: list[int]
    n_cols: int
    tolerance: float
    foot: float  # the bottom of the header's lowest label
    owner: dict[tuple[int, int], int] = field(default_factory=dict)  # (level, column) -> label
    spans: dict[int, list[int]] = field(default_factory=dict)

    def place(self, i: int, cols: list[int]) -> None:
        self.spans[i] = cols
        for c in cols:
            self.owner.setdefault((self.levels[i], c), i)

    def first_below(self, c: int, level: int) -> int | None:
        return min((lv for (lv, col) in self.owner if col == c and lv > level), default=None)

    def hangs_from(self, c: int, i: int) -> bool:
        """Whether column c's first label under label i's level hangs from it: a parent, or a leaf
        whose cell (centred down to the header's foot) starts below label i."""
        level = self.first_below(c, self.levels[i])
        if level is None:
            return False
        if self.first_below(c, level) is not None:
            return True
        return 2 * self.labels[self.owner[(level, c)]].middle - self.foot >= self.labels[i].bottom - self.tolerance

    def extend(self, i: int) -> None:
        """Widen a parent label (one with labels under it) over the neighbouring columns it heads."""
        level, cols = self.levels[i], self.spans[i]
        if not any(self.first_below(c, level) is not None for c in cols):
            return
        for step in (1, -1):
            c = cols[-1] + 1 if step == 1 else cols[0] - 1
            while 0 <= c < self.n_cols and (level, c) not in self.owner and self.hangs_from(c, i) \
                    and all(self.owner.get((lv, c)) == self.owner.get((lv, cols[0])) for lv in range(level)):
                self.owner[(level, c)] = i
                cols.append(c)
                c += step
        cols.sort()

    def grid(self) -> tuple[tuple[tuple[str | None, ...], ...], tuple[tuple[tuple[int, int], ...], ...]]:
        n_levels = max(self.levels) + 1
        origins = [[(r, c) for c in range(self.n_cols)] for r in range(n_levels)]
        for c in range(self.n_cols):
            column_levels = sorted(lv for (lv, col) in self.owner if col == c)
            for k, level in enumerate(column_levels):
                start = 0 if k == 0 else level
                stop = column_levels[k + 1] if k + 1 < len(column_levels) else n_levels
                for r in range(start, stop):
                    origins[r][c] = (start, self.spans[self.owner[(level, c)]][0])
        texts: list[list[str | None]] = [[None] * self.n_cols for _ in range(n_levels)]
        for i, label in enumerate(self.labels):
            r, c = origins[self.levels[i]][self.spans[i][0]]
            texts[r][c] = label.text
        return tuple(tuple(row) for row in texts), tuple(tuple(row) for row in origins)


def table_cells(table: UnruledTable, page_number: int, index: int) -> list[RawCell]:
    """The table as one RawCell per grid slot, row-major: the header levels, then one row per
    printed row; a cell's x range is its column's text extent."""
    top = table.box[1]
    header_bottom = min(b.top for b in table.body)
    cells: list[RawCell] = []
    for r, row in enumerate(table.header):
        for c, (x0, x1) in enumerate(table.columns):
            origin = table.header_origins[r][c]
            cells.append(RawCell(page_number, index, r, c, row[c] if origin == (r, c) else None, *origin, False,
                                 x0, top, x1, header_bottom, ruled=False))
    offset = len(table.header)
    for k, block in enumerate(table.body):
        texts = block_texts(table, block)
        for c, (x0, x1) in enumerate(table.columns):
            first = min((w.x0 for w in block.words if table.column_of(w) == c), default=x0)
            cells.append(RawCell(page_number, index, offset + k, c, texts[c], offset + k, c, False,
                                 x0, block.top, x1, block.bottom, round(max(0.0, first - x0), 1), ruled=False))
    return cells


def block_texts(table: UnruledTable, block: Block) -> list[str]:
    """One printed row's text per column: its words by the column they stand in, lines joined by a newline."""
    n_cols = len(table.columns)
    parts: list[list[str]] = [[] for _ in range(n_cols)]
    for line in block.lines:
        pieces: list[list[str]] = [[] for _ in range(n_cols)]
        for word in line:
            pieces[table.column_of(word)].append(word.text)
        for c in range(n_cols):
            if pieces[c]:
                parts[c].append(" ".join(pieces[c]))
    return ["\n".join(p) for p in parts]
