"""Raw cells of one table on one page -> a text grid where merged slots carry their cell's text.

A slot covered by a merged cell gets the text of the slot where that cell starts; an orphan
slot (merged cell cut by a page break) already carries the text read from the page.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from assets.extract.model import RawCell


@dataclass(frozen=True)
class PageGrid:
    """One table on one page: resolved text per slot, plus where each slot's cell starts."""

    page: int
    table_index: int
    top: float
    bottom: float
    texts: tuple[tuple[str, ...], ...]
    origins: tuple[tuple[tuple[int, int], ...], ...]
    columns: tuple[tuple[float, float], ...]  # (x0, x1) of each grid column
    open_foot: frozenset[int] = frozenset()  # columns whose last cell a page break cuts (left open)
    indents: tuple[tuple[float, ...], ...] = ()  # per slot: its cell's first character from the left rule
    ruled: bool = True  # False: read from white space, `columns` are the columns' text extents

    def indent(self, r: int, c: int) -> float:
        """How far slot (r, c)'s text stands from its cell's left rule (0 where unknown)."""
        return self.indents[r][c] if r < len(self.indents) and c < len(self.indents[r]) else 0.0

    @property
    def n_cols(self) -> int:
        return len(self.texts[0]) if self.texts else 0


def cells_to_grids(cells: tuple[RawCell, ...] | list[RawCell]) -> list[PageGrid]:
    """Given every raw cell of a document, return one PageGrid per page table, in reading order."""
    by_table: dict[tuple[int, int], list[RawCell]] = defaultdict(list)
    for cell in cells:
        by_table[(cell.page, cell.table_index)].append(cell)
    grids = [table_cells_to_grid(group) for group in by_table.values()]
    return sorted(grids, key=lambda grid: (grid.page, grid.top))


def table_cells_to_grid(cells: list[RawCell]) -> PageGrid:
    """Given the cells of one page table, return its grid with merged slots resolved."""
    n_rows = max(cell.row for cell in cells) + 1
    n_cols = max(cell.col for cell in cells) + 1
    own = {(cell.row, cell.col): cell for cell in cells}
    texts = [[""] * n_cols for _ in range(n_rows)]
    origins = [[(r, c) for c in range(n_cols)] for r in range(n_rows)]
    indents = [[0.0] * n_cols for _ in range(n_rows)]
    for (r, c), cell in own.items():
        origin = (cell.origin_row, cell.origin_col)
        source = own[origin]
        texts[r][c] = source.text or ""
        origins[r][c] = origin
        indents[r][c] = source.indent
    columns = tuple(sorted({(cell.col, cell.x0, cell.x1) for cell in cells if cell.row == 0}))
    return collapse_split_columns(PageGrid(
        cells[0].page, cells[0].table_index,
        min(cell.top for cell in cells), max(cell.bottom for cell in cells),
        tuple(tuple(row) for row in texts), tuple(tuple(row) for row in origins),
        tuple((x0, x1) for _, x0, x1 in columns),
        frozenset(cell.col for cell in cells if cell.row == n_rows - 1 and cell.orphan),
        tuple(tuple(row) for row in indents), all(cell.ruled for cell in cells),
    ))


ARTIFACT_WIDTH = 10.0  # points: a grid column this narrow and empty is a border artifact


def column_groups(grid: PageGrid) -> list[list[int]]:
    """Group adjacent grid columns that are one printed column: word-processor tables cut a
    printed column into several grid columns where other rows' borders fall (公开05表:
    "2040401 | 2040401 | 2040401 | 行政运行 …"). A column joins its left neighbour's group when
    no row tells them apart (at most one carries text, or one merged cell covers both) and some
    row shows they are one cell, or when it is an empty sliver. An empty column of normal width
    stays: on a continuation page it is a real column that has no amounts."""
    groups: list[list[int]] = []
    occupant: list[tuple[int, int] | None] = []  # per row: origin of the group's text
    for c in range(grid.n_cols):
        cell = [(grid.origins[r][c] if grid.texts[r][c].strip() else None) for r in range(len(grid.texts))]
        if groups and joins_group(occupant, cell, grid, c):
            groups[-1].append(c)
            occupant = [a or b for a, b in zip(occupant, cell, strict=True)]
        else:
            groups.append([c])
            occupant = cell
    if len(groups) > 1 and groups[0] == [0] and is_narrow(grid, 0) and not any(row[0].strip() for row in grid.texts):
        groups = [[0, *groups[1]], *groups[2:]]  # a sliver at the left edge has no left neighbour
    return groups


def joins_group(occupant: list, cell: list, grid: PageGrid, c: int) -> bool:
    """True when column `c` (its cells' origins, None where blank) belongs to the group to its left."""
    pairs = list(zip(occupant, cell, strict=True))
    if not all(a is None or b is None or a == b for a, b in pairs):
        return False
    one_cell = any(a is not None and a == b for a, b in pairs)
    sliver = all(b is None for b in cell) and is_narrow(grid, c)
    return one_cell or sliver


def is_narrow(grid: PageGrid, c: int) -> bool:
    if len(grid.columns) != grid.n_cols:
        return False
    x0, x1 = grid.columns[c]
    return x1 - x0 < ARTIFACT_WIDTH


def collapse_split_columns(grid: PageGrid) -> PageGrid:
    """Merge the grid columns of each column group into one (text of the cell that has some)."""
    groups = column_groups(grid)
    if len(groups) == grid.n_cols:
        return grid
    group_of = {c: g for g, members in enumerate(groups) for c in members}
    texts, origins, indents = [], [], []
    for r, row in enumerate(grid.texts):
        picks = [next((c for c in members if row[c].strip()), members[0]) for members in groups]
        texts.append(tuple(row[c] for c in picks))
        origins.append(tuple((grid.origins[r][c][0], group_of[grid.origins[r][c][1]]) for c in picks))
        indents.append(tuple(grid.indent(r, c) for c in picks))
    columns = tuple((grid.columns[m[0]][0], grid.columns[m[-1]][1]) for m in groups) \
        if len(grid.columns) == grid.n_cols else grid.columns
    open_foot = frozenset(group_of[c] for c in grid.open_foot)
    return replace(grid, texts=tuple(texts), origins=tuple(origins), columns=columns, open_foot=open_foot,
                   indents=tuple(indents))


def align_columns(grid: PageGrid, columns: tuple[tuple[float, float], ...]) -> PageGrid | None:
    """Re-cut a continuation page's grid onto the first page's columns by x position, for a page
    whose merged cells (a 合计 label across the code columns) left it fewer grid columns. First-page
    columns left of this grid's first column come out blank: a merged label open across the break
    ("年度绩效指标") is printed here unruled, as text. Return None when some other column of the
    first page has no counterpart here. A grid read from white space (no rules) has no column where
    no row of this page prints anything: such a column comes out blank."""
    if grid.columns == columns:
        return grid
    picks: list[int | None] = [] if grid.ruled else unruled_picks(grid, columns)
    for x0, x1 in columns if grid.ruled else ():
        match = next((c for c, (a, b) in enumerate(grid.columns) if a - 1 <= (x0 + x1) / 2 <= b + 1), None)
        leading = all(pick is None for pick in picks) and x1 <= grid.columns[0][0] + 1
        if match is None and not leading:
            return None
        picks.append(match)
    if all(c is None for c in picks):
        return None
    rows = range(len(grid.texts))
    texts = tuple(tuple(row[c] if c is not None else "" for c in picks) for row in grid.texts)
    origins = tuple(tuple((grid.origins[r][c][0], picks.index(grid.origins[r][c][1])
                           if grid.origins[r][c][1] in picks else grid.origins[r][c][1]) if c is not None else (r, i)
                          for i, c in enumerate(picks)) for r in rows)
    open_foot = frozenset(i for i, c in enumerate(picks) if c is not None and c in grid.open_foot)
    indents = tuple(tuple(grid.indent(r, c) if c is not None else 0.0 for c in picks) for r in rows)
    return replace(grid, texts=texts, origins=origins, columns=columns, open_foot=open_foot, indents=indents)


def unruled_picks(grid: PageGrid, columns: tuple[tuple[float, float], ...]) -> list[int | None]:
    """Per column of the table, the column of an unruled grid whose text overlaps it most (each
    grid column given to one table column), None where none does."""
    picks: list[int | None] = [None] * len(columns)
    for g, (a, b) in enumerate(grid.columns):
        overlap = [min(x1, b) - max(x0, a) for x0, x1 in columns]
        best = max(range(len(columns)), key=overlap.__getitem__)
        if overlap[best] > 0:
            picks[best] = g
    return picks


def join_split_rows(grid: PageGrid, body_start: int) -> PageGrid:
    """Join the body rows that one printed row was cut into: side-by-side lists (收入 | 支出) whose
    row heights differ make the grid cut a printed row wherever the other list has a border.
    Rows tied by a merged cell spanning both are one row; in each column, the distinct cells of
    the joined rows are read top to bottom as one wrapped text ("2.政府性基金预" + "算"). The
    joined row stays at its first grid row (provenance); the rows folded into it are left blank."""
    groups: list[list[int]] = [[r] for r in range(body_start)]
    for r in range(body_start, len(grid.texts)):
        tied = r > body_start and any(
            grid.texts[r][c].strip() and grid.origins[r][c] == grid.origins[r - 1][c]
            for c in range(grid.n_cols))
        if tied:
            groups[-1].append(r)
        else:
            groups.append([r])
    if len(groups) == len(grid.texts):
        return grid
    texts = [list(row) for row in grid.texts]
    origins = [list(row) for row in grid.origins]
    for first, *folded in groups:
        texts[first] = [joined_cell(grid, [first, *folded], c) for c in range(grid.n_cols)]
        for r in folded:
            texts[r] = [""] * grid.n_cols
            origins[r] = [(r, c) for c in range(grid.n_cols)]
    return replace(grid, texts=tuple(map(tuple, texts)), origins=tuple(map(tuple, origins)),
                   indents=tuple(tuple(grid.indent(r, c) if any(texts[r]) else 0.0 for c in range(grid.n_cols))
                                 for r in range(len(texts))))


def joined_cell(grid: PageGrid, rows: list[int], c: int) -> str:
    seen: dict[tuple[int, int], str] = {}
    for r in rows:
        if grid.texts[r][c].strip():
            seen.setdefault(grid.origins[r][c], grid.texts[r][c])
    return "\n".join(seen.values())


def transpose(grid: PageGrid) -> PageGrid:
    """The grid read down its columns: a table printed row-wise (its labels down the first column)
    becomes one with its labels across the top. Slot provenance stays: row r is printed column r."""
    n_rows = len(grid.texts)
    texts = tuple(tuple(grid.texts[r][c] for r in range(n_rows)) for c in range(grid.n_cols))
    origins = tuple(tuple((grid.origins[r][c][1], grid.origins[r][c][0]) for r in range(n_rows))
                    for c in range(grid.n_cols))
    return replace(grid, texts=texts, origins=origins, columns=(), open_foot=frozenset(), indents=())
