"""Multi-row merged headers -> flat canonical column keys, through a table spec's labels.

The header is the shortest run of top rows after which every printed column maps onto a
distinct spec column; a continuation page whose top rows map the same way repeats the header.
A kind of the national standard (a tolerant spec) maps what its vocabulary knows and keeps the
other columns as extras, taking the header height that maps the most columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assets.clean.grid import PageGrid
from assets.clean.numbers import is_number
from assets.clean.text import label_key
from assets.templates.spec import TableSpec

MAX_HEADER_ROWS = 6
# "2024年机关运行经费预算数": the year in a header label is not part of what the column is
LEADING_YEAR = re.compile(r"^20\d{2}年度?")
YEAR_DIGITS = re.compile(r"^(20\d{2})年")
PRIOR_YEAR = "上年"
# "其中：基本支出", "项目金额（万元）": what a label adds around the concept it names
LABEL_NOISE = re.compile(r"^其中[:：]|[(（](?:万元|元)[)）]$")
# a row label's leading 其中 and list number: "其中：（一）因公出国（境）支出", "1.公务用车购置费"
LIST_NUMBER = re.compile(r"^(?:其中[:：])?\s*"
                         r"(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[.．、](?!\d))")
MIN_HEADER_FIT = 0.5
MIN_MAPPED_COLUMNS = 4
COLUMN_NUMBER_LABELS = {"栏次", "行次", "**"}
CODE_LEVEL_LABELS = {"类", "款", "项"}  # printed in the 合计 row by some 决算 layouts


@dataclass(frozen=True)
class Header:
    """Where a page table's body starts, how its columns map onto spec keys, and which cells
    of the first body row are header labels printed in the totals row (决算: 类 | 款 | 项 | 合计)."""

    body_start: int
    mapping: dict[int, str]
    label_cells: frozenset[int] = frozenset()
    extras: tuple[tuple[int, str], ...] = ()  # (column, printed label path) no spec key took

    @property
    def fit(self) -> float:
        """The share of labelled printed columns that map onto a spec key."""
        return len(self.mapping) / max(1, len(self.mapping) + len(self.extras))


def is_body_text(text: str) -> bool:
    """True for what a totals row prints: an amount or the word 合计/总计."""
    return is_number(text) or label_key(text) in {"合计", "总计"}


def prior_year(grid: PageGrid, n_rows: int) -> int | None:
    """The earlier of two years printed in a header ("2025年预算数" beside "2026年预算数"), or None."""
    years = {int(m.group(1)) for row in grid.texts[:n_rows] for text in row
             if (m := YEAR_DIGITS.match(label_key(text)))}
    return min(years) if len(years) > 1 else None


def header_label(text: str, prior: int | None) -> str:
    """A header cell's folded label: its leading year dropped, or read as 上年 when it is the
    earlier of two years in the header."""
    key = label_key(text)
    match = LEADING_YEAR.match(key)
    if match and prior is not None and key.startswith(str(prior)):
        return PRIOR_YEAR + key[match.end():]
    return LABEL_NOISE.sub("", key[match.end():] if match else key)


def column_paths(grid: PageGrid, n_rows: int, shared_last_row: bool = False,
                 tolerant: bool = False) -> list[tuple[str, ...]]:
    """Given a grid and a header height, return each column's label path, top level first.
    With `shared_last_row`, the last row's amounts and 合计 are body, not labels; `tolerant`
    (the national kinds) also tells the previous year's columns apart and drops label noise."""
    prior = prior_year(grid, n_rows) if tolerant else None
    paths = []
    for c in range(grid.n_cols):
        seen: set[tuple[int, int]] = set()
        path = []
        for r in range(n_rows):
            origin = grid.origins[r][c]
            raw = grid.texts[r][c]
            text = header_label(raw, prior) if tolerant else LEADING_YEAR.sub("", label_key(raw))
            if shared_last_row and r == n_rows - 1 and is_body_text(text):
                continue
            # a merged cell (same origin) or a label repeated in each slot (WPS) counts once
            if origin in seen or not text or (path and path[-1] == text):
                continue
            seen.add(origin)
            path.append(text)
        paths.append(tuple(path))
    return paths


def label_matches(label: str, path: tuple[str, ...], qualified_parents: bool = False) -> bool:
    """True when `path` ends with the label's last level and holds its other levels in order.
    The empty label matches a column printed without any header text. With `qualified_parents`
    a parent level may be printed with a qualifier before it (本年收入, 财政拨款收入 for 收入)."""
    if not label:
        return not path
    wanted = [label_key(part) for part in label.split("/")]
    if not path or path[-1] != wanted[-1]:
        return False
    remaining = iter(path[:-1])
    return all(any(level == part or (qualified_parents and level.endswith(part)) for level in remaining)
               for part in wanted[:-1])


def map_columns(paths: list[tuple[str, ...]], spec: TableSpec,
                skip: frozenset[int] = frozenset()) -> dict[int, str] | None:
    """Given column paths, return {column index: spec key}, or None if a column has no match.
    Columns in `skip` (printed with nothing at all in them) map to no key."""
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for c, path in enumerate(paths):
        if c in skip:
            continue
        key = next(
            (col.key for col in spec.columns
             if col.key not in used and any(label_matches(lb, path) for lb in col.labels)),
            None,
        )
        if key is None:
            return None
        mapping[c] = key
        used.add(key)
    return mapping


def tolerant_label_matches(label: str, path: tuple[str, ...]) -> bool:
    """label_matches with qualified parents (本年收入/项目 is 收入/项目), except that a column of
    the previous year (上年…) only takes a label that says so: 上年预算数/合计 is not this year's 合计."""
    if any(level.startswith(PRIOR_YEAR) for level in path) and PRIOR_YEAR not in label:
        return False
    return label_matches(label, path, qualified_parents=True)


def map_known_columns(paths: list[tuple[str, ...]], spec: TableSpec,
                      skip: frozenset[int]) -> tuple[dict[int, str], tuple[tuple[int, str], ...]]:
    """Given column paths, return {column: key} for the columns the spec's vocabulary knows and
    (column, path) for the labelled others."""
    mapping: dict[int, str] = {}
    extras: list[tuple[int, str]] = []
    used: set[str] = set()
    for c, path in enumerate(paths):
        if c in skip or not path:
            continue
        key = next((col.key for col in spec.columns
                    if col.key not in used and any(tolerant_label_matches(lb, path) for lb in col.labels)), None)
        if key is None:
            extras.append((c, "/".join(path)))
        else:
            mapping[c] = key
            used.add(key)
    return mapping, tuple(extras)


def is_column_number_row(texts: tuple[str, ...]) -> bool:
    """True for the row of column numbers some producers print under the header ("栏次 | 1 | 2 | 3"
    or "** | 1 | 2 | 3"): its numbers are 1, 2, 3 … in order."""
    labels = [label_key(t) for t in texts if t.strip() and not is_number(t)]
    if labels and labels[0] in COLUMN_NUMBER_LABELS:
        return True
    numbers = [label_key(t) for t in dict.fromkeys(texts) if is_number(t)]
    if len(numbers) < 3 or not all(n.isdigit() for n in numbers):
        return False
    start = int(numbers[0])
    return numbers == [str(i) for i in range(start, start + len(numbers))]


def is_body_row(texts: tuple[str, ...]) -> bool:
    """True for a row that starts the body: it prints an amount, or only a total's label (the
    totals row of an empty table)."""
    labels = {label_key(t) for t in texts if t.strip()}
    return (any(is_number(text) for text in texts) and not is_column_number_row(texts)) or (
        bool(labels) and labels <= {"合计", "总计"})


def header_height(grid: PageGrid) -> int:
    """How many top rows come before the body (at most MAX_HEADER_ROWS + 1)."""
    limit = min(MAX_HEADER_ROWS + 1, len(grid.texts))
    return next((r for r in range(limit) if is_body_row(grid.texts[r])), limit)


def accepted(header: Header, spec: TableSpec) -> bool:
    """A tolerant header reads the table when it maps an amount column and either enough of the
    printed columns or MIN_MAPPED_COLUMNS of them (a wide table with many columns of its own)."""
    kinds = {column.key: column.kind for column in spec.columns}
    has_amount = "amount" in {kinds[k] for k in header.mapping.values()}
    return has_amount and (header.fit >= MIN_HEADER_FIT or len(header.mapping) >= MIN_MAPPED_COLUMNS)


def find_tolerant_header(grid: PageGrid, spec: TableSpec) -> Header | None:
    """The header height (top rows before the body) that maps the most columns onto the kind's
    vocabulary, or None if none is accepted. Rows between it and the body (a label row that
    mapping did not need, a row of column numbers) are header too."""
    empty = blank_columns(grid)
    height = header_height(grid)
    best: Header | None = None
    for n_rows in range(1, min(MAX_HEADER_ROWS, height) + 1):
        mapping, extras = map_known_columns(column_paths(grid, n_rows, tolerant=True), spec, empty)
        if best is None or len(mapping) > len(best.mapping):
            best = Header(height, mapping, extras=extras)
    shared = tolerant_shared_row_header(grid, height, spec, empty)
    if shared is not None and (best is None or len(shared.mapping) > len(best.mapping)):
        best = shared
    return best if best is not None and accepted(best, spec) else None


def tolerant_shared_row_header(grid: PageGrid, height: int, spec: TableSpec,
                               empty: frozenset[int]) -> Header | None:
    """The header whose last row is also the totals row ("类 | 款 | 项 | 合计 | 2,946.25"), read
    with the kind's vocabulary."""
    if height >= len(grid.texts) or height >= MAX_HEADER_ROWS:
        return None
    last = grid.texts[height]
    paths = column_paths(grid, height + 1, shared_last_row=True, tolerant=True)
    mapping, extras = map_known_columns(paths, spec, empty)
    labels = frozenset(c for c, text in enumerate(last) if text.strip() and not is_body_text(text))
    if not labels or any(label_key(last[c]) not in CODE_LEVEL_LABELS for c in labels):
        return None  # a body row that starts with its name (因公出国(境)费 | 1.00) is no header
    return Header(height, mapping, labels, extras)


def find_header(grid: PageGrid, spec: TableSpec) -> Header | None:
    """Given a page table and its spec, return its header, or None if its columns do not map."""
    if spec.tolerant:
        return find_tolerant_header(grid, spec) if spec.columns else None
    if spec.positional:
        same_width = grid.n_cols == len(spec.columns)
        return Header(0, dict(enumerate(spec.keys))) if same_width else None
    empty = blank_columns(grid)
    for n_rows in range(1, min(MAX_HEADER_ROWS, len(grid.texts)) + 1):
        paths = column_paths(grid, n_rows)
        # a header cell spanning two grid columns heads both, unless only one of them maps
        mapping = map_columns(paths, spec, empty) or map_columns(paths, spec, empty | spanned_columns(grid, n_rows))
        if mapping is not None:
            return Header(n_rows + repeated_label_rows(grid, n_rows), mapping)
        shared = shared_row_header(grid, n_rows, spec, empty)
        if shared is not None:
            return shared
    return None


def blank_columns(grid: PageGrid) -> frozenset[int]:
    """The grid columns with no text in any row (border artifacts of word-processor tables)."""
    return frozenset(c for c in range(grid.n_cols) if not any(row[c].strip() for row in grid.texts))


def repeated_label_rows(grid: PageGrid, n_rows: int) -> int:
    """How many rows under the header repeat (some of) its last row's labels and nothing else: a
    header row cut in two by the borders of a neighbouring column."""
    last = grid.texts[n_rows - 1]
    count = 0
    while n_rows + count < len(grid.texts):
        row = grid.texts[n_rows + count]
        filled = [c for c, text in enumerate(row) if text.strip()]
        if not filled or any(row[c] != last[c] for c in filled):
            break
        count += 1
    return count


def spanned_columns(grid: PageGrid, n_rows: int) -> frozenset[int]:
    """The grid columns whose header is, in every header row, the same merged cell as the column
    to their left: one printed column cut in two by the borders of body rows. The left one reads."""
    return frozenset(
        c for c in range(1, grid.n_cols)
        if any(grid.texts[r][c].strip() for r in range(n_rows))
        and all(grid.origins[r][c] == grid.origins[r][c - 1] for r in range(n_rows)))


def shared_row_header(grid: PageGrid, n_rows: int, spec: TableSpec, empty: frozenset[int]) -> Header | None:
    """The header whose last row is also the totals row ("类 | 款 | 项 | 合计 | 2,946.25"), if
    the columns map once that row's amounts and 合计 are read as body."""
    last = grid.texts[n_rows - 1]
    if not any(is_number(t) for t in last):
        return None
    mapping = map_columns(column_paths(grid, n_rows, shared_last_row=True), spec, empty)
    if mapping is None:
        return None
    labels = frozenset(c for c, text in enumerate(last) if text.strip() and not is_body_text(text))
    return Header(n_rows - 1, mapping, labels)
