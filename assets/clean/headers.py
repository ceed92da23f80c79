"""Multi-row merged headers -> flat canonical column keys, through a table spec's labels.

The header is the shortest run of top rows after which every printed column maps onto a
distinct spec column; a continuation page whose top rows map the same way repeats the header.
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


@dataclass(frozen=True)
class Header:
    """Where a page table's body starts, how its columns map onto spec keys, and which cells
    of the first body row are header labels printed in the totals row (决算: 类 | 款 | 项 | 合计)."""

    body_start: int
    mapping: dict[int, str]
    label_cells: frozenset[int] = frozenset()


def is_body_text(text: str) -> bool:
    """True for what a totals row prints: an amount or the word 合计/总计."""
    return is_number(text) or label_key(text) in {"合计", "总计"}


def column_paths(grid: PageGrid, n_rows: int, shared_last_row: bool = False) -> list[tuple[str, ...]]:
    """Given a grid and a header height, return each column's label path, top level first.
    With `shared_last_row`, the last row's amounts and 合计 are body, not labels."""
    paths = []
    for c in range(grid.n_cols):
        seen: set[tuple[int, int]] = set()
        path = []
        for r in range(n_rows):
            origin = grid.origins[r][c]
            text = LEADING_YEAR.sub("", label_key(grid.texts[r][c]))
            if shared_last_row and r == n_rows - 1 and is_body_text(text):
                continue
            # a merged cell (same origin) or a label repeated in each slot (WPS) counts once
            if origin in seen or not text or (path and path[-1] == text):
                continue
            seen.add(origin)
            path.append(text)
        paths.append(tuple(path))
    return paths


def label_matches(label: str, path: tuple[str, ...]) -> bool:
    """True when `path` ends with the label's last level and holds its other levels in order.
    The empty label matches a column printed without any header text."""
    if not label:
        return not path
    wanted = [label_key(part) for part in label.split("/")]
    if not path or path[-1] != wanted[-1]:
        return False
    remaining = iter(path[:-1])
    return all(any(level == part for part in remaining) for level in wanted[:-1])


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


def find_header(grid: PageGrid, spec: TableSpec) -> Header | None:
    """Given a page table and its spec, return its header, or None if its columns do not map."""
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
