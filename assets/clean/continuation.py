"""Page tables that carry a logical table over a page break: which untitled (or re-titled) grid
continues the table, and merged labels the break cut in two, joined back into one label.

A continuation needs no repeated header: its columns must line up with the table's, else it is
a new table.
"""
from __future__ import annotations

import re
from dataclasses import replace

from assets.clean.grid import PageGrid, align_columns
from assets.clean.headers import find_header
from assets.clean.headings import Heading
from assets.clean.recognition import title_candidates
from assets.clean.rows import RawRow
from assets.templates.spec import TableSpec

EDGE_TOLERANCE = 2.0  # points: a rule of the table and the same rule on the next page
CONTINUED = re.compile(r"续表|[（(]续[)）]")  # "预算07表（续）": says so, header repeated or not


def carried_on(columns: tuple[tuple[float, float], ...], table_spec: TableSpec | None,
               table_code: str | None, grid: PageGrid, heading: Heading,
               spec: TableSpec | None) -> PageGrid | None:
    """Return `grid` cut to the table's columns when it carries on the table whose columns, spec
    and printed number are given, else None. A title between them ends the table, unless it
    names the same table again (a running title) above a grid that repeats no header, or says
    it is continued ("（续）"). A table printed twice (a broken printing, then a whole one) is
    titled again above its header: a new table."""
    if not (names_no_table(heading, spec) or names_same_table(heading, spec, table_spec, table_code, grid)):
        return None
    return align_columns(grid, columns) if lines_up(grid, columns) else None


def lines_up(grid: PageGrid, columns: tuple[tuple[float, float], ...]) -> bool:
    """True when every column of `grid` lies inside one of `columns` (a printed column may be cut
    into several grid columns, or merged with its neighbour): a grid reaching past the table's
    columns is another table, which cutting it to them would silently shorten. A grid read from
    white space has the text extents of its columns: each must overlap one of the table's."""
    if not grid.ruled:
        return all(any(min(x1, b) - max(x0, a) > 0 for a, b in columns) for x0, x1 in grid.columns)
    return all(any(a - EDGE_TOLERANCE <= (x0 + x1) / 2 <= b + EDGE_TOLERANCE for a, b in columns)
               for x0, x1 in grid.columns)


def names_no_table(heading: Heading, spec: TableSpec | None) -> bool:
    """No kind, no printed number and no title line (…表): "培训费明细表" above a grid is a new
    table even where no kind knows it."""
    return spec is None and not heading.printed_code and not title_candidates(heading)


def names_same_table(heading: Heading, spec: TableSpec | None, table_spec: TableSpec | None,
                     table_code: str | None, grid: PageGrid) -> bool:
    same = (spec is not None and spec is table_spec) or \
        (spec is None and heading.printed_code is not None and heading.printed_code == table_code)
    return same and table_spec is not None and \
        (CONTINUED.search(heading.key) is not None or find_header(grid, table_spec) is None)


def cut_label_keys(grid: PageGrid, mapping: dict[int, str], spec: TableSpec | None) -> frozenset[str]:
    """The fill-down (merged label) columns whose last cell on this page the page break cuts."""
    if spec is None:
        return frozenset()
    return frozenset(mapping[c] for c in grid.open_foot if c in mapping and mapping[c] in spec.fill_down)


def join_cut_labels(before: list[RawRow], after: list[RawRow],
                    keys: frozenset[str]) -> tuple[list[RawRow], list[RawRow]]:
    """A merged label cut by the page break prints one part at the foot of the page ("焦作市园林绿")
    and the other at the top of the next ("化服务中心"): give both parts' rows the joined label.
    `keys` are the label columns left open at the foot; a part below only joins a part above."""
    for key in keys:
        upper = before[-1].texts[key].strip() if before else ""
        lower = after[0].texts[key].strip() if after else ""
        if upper and lower and upper != lower:  # a label printed again on each page is one label
            joined = before[-1].texts[key] + "\n" + after[0].texts[key]
            before = relabel_run(before[::-1], key, joined)[::-1]
            after = relabel_run(after, key, joined)
    return before, after


def relabel_run(rows: list[RawRow], key: str, label: str) -> list[RawRow]:
    """Give `label` to the leading rows of `rows` that print the same text in column `key` as
    the first row (the slots of one merged cell)."""
    first = rows[0].texts[key]
    out, running = [], True
    for row in rows:
        running = running and row.texts[key] == first
        out.append(replace(row, texts={**row.texts, key: label}) if running else row)
    return out
