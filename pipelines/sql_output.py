"""How `budget-etl sql` prints a result: a terminal table (DuckDB's own), CSV, JSON lines or a
Markdown table. Amounts stay exact: DECIMAL values are written as their printed digits, never floats."""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal

FORMATS = ("table", "csv", "json", "markdown")  # table: DuckDB's box drawing, sized to the terminal


def exact(value: object) -> object:
    """A value as JSON/CSV keeps it: Decimal and dates as text, None as null."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def render(relation, fmt: str) -> str:
    """Every row of the relation as csv, json (one object per line) or markdown."""
    columns = relation.columns
    rows = relation.fetchall()
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([exact(v) for v in row] for row in rows)
        return out.getvalue()
    if fmt == "json":
        return "".join(json.dumps(dict(zip(columns, map(exact, row), strict=True)), ensure_ascii=False) + "\n"
                       for row in rows)
    cells = [[("" if v is None else str(exact(v))).replace("|", "\\|") for v in row] for row in rows]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in cells]) + "\n"
