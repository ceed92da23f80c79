"""Inline SVG bar charts of a report's figures: one group of horizontal bars per row, one bar per
series, each labelled with its exact amount (bar lengths computed in Decimal, no float)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from html import escape

from report.data import Bars

COLOURS = ("#3b6ea5", "#e07b39", "#5aa469", "#c94c4c", "#8c6bb1")
LABEL_WIDTH = 220  # px of the row labels
BAR_SPACE = Decimal(420)  # px of the longest bar
VALUE_WIDTH = 140  # px right of the bars for the amounts
BAR_HEIGHT = 14
GAP = 10  # px between groups
LEGEND_HEIGHT = 24


def yuan(amount: Decimal) -> str:
    """An amount in 元 with thousands separators, every digit kept."""
    return f"{amount:,}"


def bar_length(amount: Decimal, longest: Decimal) -> Decimal:
    if longest <= 0 or amount <= 0:
        return Decimal(0)
    return (amount / longest * BAR_SPACE).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def legend(series: tuple[str, ...]) -> list[str]:
    parts, x = [], LABEL_WIDTH
    for index, name in enumerate(series):
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{COLOURS[index % len(COLOURS)]}"/>'
                     f'<text x="{x + 16}" y="15">{escape(name)}</text>')
        x += 24 + 14 * len(name)
    return parts


def group(label: str, amounts: tuple[Decimal, ...], series: tuple[str, ...], top: int, longest: Decimal) -> list[str]:
    """One row's bars, its label on the left and each amount at its bar's end."""
    parts = [f'<text class="label" x="{LABEL_WIDTH - 8}" y="{top + BAR_HEIGHT - 3}">{escape(label)}</text>']
    for index, amount in enumerate(amounts):
        y = top + index * BAR_HEIGHT
        length = bar_length(amount, longest)
        colour = COLOURS[index % len(COLOURS)]
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT - 2}" fill="{colour}">'
                     f"<title>{escape(label)} {escape(series[index])}: {yuan(amount)} 元</title></rect>"
                     f'<text class="value" x="{LABEL_WIDTH + length + 4}" y="{y + BAR_HEIGHT - 3}">'
                     f"{yuan(amount)}</text>")
    return parts


def bar_chart(bars: Bars) -> str:
    """Given a chart's figures, return an <svg> element (empty rows: a note instead of the chart)."""
    if not bars.rows:
        return ""
    longest = max((amount for _, amounts in bars.rows for amount in amounts), default=Decimal(0))
    step = BAR_HEIGHT * len(bars.series) + GAP
    width = LABEL_WIDTH + int(BAR_SPACE) + VALUE_WIDTH
    height = LEGEND_HEIGHT + step * len(bars.rows)
    parts = legend(bars.series) if len(bars.series) > 1 else []
    for index, (label, amounts) in enumerate(bars.rows):
        parts += group(label, amounts, bars.series, LEGEND_HEIGHT + index * step, longest)
    return (f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(bars.title)}">'
            + "".join(parts) + "</svg>")
