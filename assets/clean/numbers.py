"""Amount cells -> exact Decimals: undo wraps inside numbers, full-width digits, thousands separators.

"230.0\\n0" (a number wrapped in a narrow cell) becomes Decimal("230.00"); blank is None.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

AMOUNT = re.compile(r"^-?\d+(\.\d+)?$")
BLANK_MARKS = {"", "-", "—", "--", "/"}


class AmountError(ValueError):
    """A cell in an amount column whose text is not a number."""


def parse_amount(text: str | None) -> Decimal | None:
    """Given an amount cell's text, return its exact Decimal value, or None for a blank cell."""
    if text is None:
        return None
    folded = unicodedata.normalize("NFKC", text)
    compact = re.sub(r"\s+", "", folded).replace(",", "")
    if compact in BLANK_MARKS:
        return None
    if compact.startswith("(") and compact.endswith(")"):
        compact = "-" + compact[1:-1]
    if not AMOUNT.match(compact):
        raise AmountError(f"not a number: {text!r}")
    return Decimal(compact)


def is_number(text: str) -> bool:
    """True for a cell that prints an amount (not blank, not a label)."""
    try:
        return parse_amount(text) is not None
    except AmountError:
        return False
