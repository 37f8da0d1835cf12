"""Inline SVG bar charts, rendered at build time: no JavaScript, no external fonts.

Every piece of text (title, labels, value labels) comes from seed data, so every piece
is escaped; the output depends only on the arguments, so rebuilds are byte-identical.
"""

from __future__ import annotations

import unicodedata
from html import escape

from generator.ids import stable_id

WIDTH = 640
LABEL_W = 150  # left column for the bar labels
VALUE_W = 110  # right margin for the value labels, at least
WIDE_CHAR = 13.0  # estimated advance of a Han character at font-size 13, and of others
NARROW_CHAR = 7.5
BAR_H = 22
GAP = 10
TOP = 34  # room for the caption line


def _num(x: float) -> str:
    """Coordinates with one decimal, so float noise never changes the bytes."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text_width(text: str) -> float:
    # ambiguous-width marks (— ·) are full width in Chinese fonts
    return sum(WIDE_CHAR if unicodedata.east_asian_width(c) in "WFA" else NARROW_CHAR for c in text)


def bar_chart_svg(title: str, bars: list[tuple[str, float, str]]) -> str:
    """A horizontal bar chart: one bar per (label, value, value_label), in the given order.

    Bars are scaled to the largest value; a negative or zero value draws no bar but keeps
    its label and value label.  Returns an <svg> element as a string, safe to inline.
    """
    chart_id = "chart-" + stable_id(title, *(f"{label}\x1e{value}" for label, value, _ in bars), length=8)
    top = max((v for _, v, _ in bars), default=0.0)
    # room for the longest value label (it may carry its period), bars keep half the width
    value_w = min(WIDTH / 2, max([VALUE_W] + [_text_width(v) + 12 for _, _, v in bars]))
    span = WIDTH - LABEL_W - value_w
    height = TOP + len(bars) * (BAR_H + GAP) + 4
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="digest-chart" role="img" '
        f'aria-labelledby="{chart_id}-title" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'font-family="inherit" font-size="13">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<text x="0" y="18" font-weight="bold" fill="currentColor">{escape(_clip(title, 40))}</text>',
    ]
    for i, (label, value, value_label) in enumerate(bars):
        y = TOP + i * (BAR_H + GAP)
        width = span * value / top if top > 0 and value > 0 else 0.0
        mid = y + BAR_H / 2 + 4.5
        out.append(
            f'<g class="digest-chart__bar">'
            f'<text x="{LABEL_W - 8}" y="{_num(mid)}" text-anchor="end" fill="currentColor">{escape(_clip(label, 11))}</text>'
            f'<rect x="{LABEL_W}" y="{y}" width="{_num(width)}" height="{BAR_H}" fill="#3f6fb5" rx="2">'
            f"<title>{escape(label)}：{escape(value_label)}</title></rect>"
            f'<text x="{_num(LABEL_W + width + 6)}" y="{_num(mid)}" fill="currentColor" class="digest-chart__value">'
            f"{escape(value_label)}</text></g>"
        )
    out.append("</svg>")
    return "".join(out)
