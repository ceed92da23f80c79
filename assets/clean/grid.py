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
    for (r, c), cell in own.items():
        origin = (cell.origin_row, cell.origin_col)
        source = own[origin]
        texts[r][c] = source.text or ""
        origins[r][c] = origin
    columns = tuple(sorted({(cell.col, cell.x0, cell.x1) for cell in cells if cell.row == 0}))
    return PageGrid(
        cells[0].page, cells[0].table_index,
        min(cell.top for cell in cells), max(cell.bottom for cell in cells),
        tuple(tuple(row) for row in texts), tuple(tuple(row) for row in origins),
        tuple((x0, x1) for _, x0, x1 in columns),
    )


def align_columns(grid: PageGrid, columns: tuple[tuple[float, float], ...]) -> PageGrid | None:
    """Re-cut a continuation page's grid onto the first page's columns by x position, for a page
    whose merged cells (a 合计 label across the code columns) left it fewer grid columns.
    Return None when some column of the first page has no counterpart here."""
    if grid.columns == columns:
        return grid
    picks = []
    for x0, x1 in columns:
        centre = (x0 + x1) / 2
        match = next((c for c, (a, b) in enumerate(grid.columns) if a - 1 <= centre <= b + 1), None)
        if match is None:
            return None
        picks.append(match)
    texts = tuple(tuple(row[c] for c in picks) for row in grid.texts)
    origins = tuple(tuple((row[c][0], picks.index(row[c][1]) if row[c][1] in picks else row[c][1])
                          for c in picks) for row in grid.origins)
    return replace(grid, texts=texts, origins=origins, columns=columns)
