from decimal import Decimal

import pytest

from assets.clean.numbers import AmountError, parse_amount


@pytest.mark.parametrize("text, expected", [
    ("230.0\n0", Decimal("230.00")),     # wrapped inside a narrow cell
    ("1,234.50", Decimal("1234.50")),    # thousands separator
    ("１２３.４５", Decimal("123.45")),    # full-width digits
    (" 0.00 ", Decimal("0.00")),          # printed zero stays a zero
    ("(12.30)", Decimal("-12.30")),       # accounting negative
    ("-5", Decimal("-5")),
])
def test_amounts(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", [None, "", "  ", "-", "—"])
def test_blank_is_none(text):
    assert parse_amount(text) is None


def test_garbage_is_an_error():
    with pytest.raises(AmountError, match="not a number"):
        parse_amount("12.3万")
