"""Raw cells of one table on one page -> a text grid where merged slots carry their cell's text.

A slot covered by a merged cell gets the text of the slot where that cell starts; an orphan
slot (merged cell cut by a page break) already carries the text read from the page.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

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
    return PageGrid(
        cells[0].page, cells[0].table_index,
        min(cell.top for cell in cells), max(cell.bottom for cell in cells),
        tuple(tuple(row) for row in texts), tuple(tuple(row) for row in origins),
    )
