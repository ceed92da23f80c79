"""Compare a cleaned document with the truth file cell for cell: the rendered-layout tests of
tests/rendering share this reading of every table's rows."""
from __future__ import annotations

from assets.clean.tables import CleanDocument


def differing_cells(document: CleanDocument, truth_tables: dict[str, dict],
                    codes: tuple[str, ...]) -> list[tuple[str, str | None, str | None]]:
    """Every (table, got, expected) cell that differs; the printed tables must be `codes`, each
    with the truth's row count."""
    found = {table.printed_code: table for table in document.tables}
    assert sorted(found) == sorted(codes)
    differing = []
    for code in codes:
        table, truth = found[code], truth_tables[code]
        got = [[None if row.values[k] is None else str(row.values[k]) for k in table.columns]
               for row in table.rows]
        expected = [row["cells"] for row in truth["rows"]]
        assert len(got) == len(expected), code
        differing += [(code, g, e) for got_row, exp_row in zip(got, expected, strict=True)
                      for g, e in zip(got_row, exp_row, strict=True) if g != e]
    return differing
