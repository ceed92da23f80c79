"""Cells no typed column holds, in long format: every cell of a table of unknown kind or of a kind
kept as cells, and the columns a kind's vocabulary does not know. Nothing printed is dropped.

Each cell keeps its page and grid row, a column label (the header path printed above it) and a
row label (the row's first text), and its amount when it prints one.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from assets.clean.grid import PageGrid
from assets.clean.numbers import is_number, parse_amount
from assets.clean.rows import CleanRow
from assets.clean.text import join_wrapped_lines

AMOUNT_DECIMALS = 6  # the printed-amount columns are DECIMAL(24, 6)


@dataclass(frozen=True)
class TableCell:
    """One printed cell outside the typed columns."""

    page: int
    source_row: int
    col: int
    column_label: str
    row_label: str
    text: str
    amount: Decimal | None


def row_label(texts: list[str]) -> str:
    """The first text of a row that is not an amount: its name or code."""
    return next((t for t in texts if t and not is_number(t)), "")


def cell_amount(text: str) -> Decimal | None:
    """The amount a cell prints, if AMOUNT_DECIMALS hold it exactly (a ratio printed to more
    decimals stays text only)."""
    if not is_number(text):
        return None
    amount = parse_amount(text)
    held = amount.quantize(Decimal(1).scaleb(-AMOUNT_DECIMALS))
    return held if held == amount else None


def make_cell(page: int, source_row: int, col: int, label: str, texts: list[str]) -> TableCell:
    text = texts[col]
    return TableCell(page, source_row, col, label, row_label(texts), text, cell_amount(text))


def extra_cells(grid: PageGrid, body_start: int, extras: tuple[tuple[int, str], ...]) -> list[TableCell]:
    """The body cells of a page table's columns that no spec key took (`extras`: column, label)."""
    cells = []
    for r in range(body_start, len(grid.texts)):
        texts = [join_wrapped_lines(t) for t in grid.texts[r]]
        cells += [make_cell(grid.page, r, c, label, texts) for c, label in extras if texts[c]]
    return cells


def raw_rows_to_cells(rows: tuple[CleanRow, ...]) -> list[TableCell]:
    """Every cell of a table kept as raw text (columns c0..cn): the rows above the first one
    with an amount are its header and label the columns below them."""
    grid = [[row.values.get(f"c{c}") or "" for c in range(len(row.values))] for row in rows]
    n_header = next((i for i, texts in enumerate(grid) if any(is_number(t) for t in texts)), 0)
    width = max((len(texts) for texts in grid), default=0)
    labels = ["/".join(dict.fromkeys(t[c] for t in grid[:n_header] if c < len(t) and t[c])) for c in range(width)]
    return [make_cell(row.page, row.source_row, c, labels[c], texts)
            for row, texts in zip(rows[n_header:], grid[n_header:], strict=True)
            for c in range(len(texts)) if texts[c]]
