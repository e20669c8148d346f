"""The pay-band chart of a ladder page: an SVG drawn at build time, and the colours it may use.

Design choices:

* Built here, as text, when the site is built: no chart library, no script, nothing to
  load. A reader without JavaScript, a screen reader and a printer all get the same chart.
* One chart per currency and pay period. Bands in USD per year and EUR per year cannot
  share an axis, and per-hour next to per-year would dwarf one of them.
* Text alternatives: the ``<svg>`` is ``role="img"`` and ``aria-labelledby`` its own
  ``<title>`` and ``<desc>``; the desc states every band in words. The page also has the
  same figures as a table (the ladder table), so the chart adds nothing that only eyes get.
* Colours: :data:`PALETTE` is the only source, and :func:`contrast_ratio` (WCAG 2.1's
  relative luminance) is tested against AA for each pair that meets on screen: 4.5:1 for
  text, 3:1 for the bars and marks (non-text contrast, success criterion 1.4.11).
  ``templates/site/site.css`` repeats the page colours as custom properties; a test
  reads them back and holds them to the same pairs.
* Values are every catalog's own: a level label or currency code is escaped like any other
  text before it enters the SVG.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..architecture.pay import PayView

PALETTE = {
    "text": "#1b1f24",
    "background": "#ffffff",
    "muted": "#4d5560",       # secondary text, axis labels
    "grid": "#8c959f",        # gridlines: decoration, the labels carry the values
    "band": "#1f5f99",        # a pay band's bar
    "median": "#1b1f24",      # the median mark: dark, outlined in the background colour where it crosses a bar
    "median_outline": "#ffffff",
    "link": "#0b57a4",
    "draft_text": "#6a3b00",
    "draft_background": "#fff3d6",
}

# The pairs that meet on screen, and the ratio WCAG 2.1 AA asks of each.
CONTRAST_PAIRS = (
    ("text", "background", 4.5),
    ("muted", "background", 4.5),
    ("link", "background", 4.5),
    ("draft_text", "draft_background", 4.5),
    ("band", "background", 3.0),
    ("median", "background", 3.0),
    ("median_outline", "band", 3.0),
)

WIDTH = 720
LABEL_WIDTH = 190   # level names on the left
VALUE_WIDTH = 170   # the band's figures on the right
ROW = 34
TOP, BOTTOM = 16, 40


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of a ``#rrggbb`` colour."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance over the darker's: 1 to 21."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@dataclass(frozen=True)
class Bar:
    """One level's band: the label, the view (recorded, with at least one amount) and its figures in words."""

    label: str
    view: "PayView"

    @property
    def low(self) -> float:
        v = self.view
        return min(x for x in (v.min, v.median, v.max) if x is not None)

    @property
    def high(self) -> float:
        v = self.view
        return max(x for x in (v.min, v.median, v.max) if x is not None)


def has_figures(view: "PayView | None") -> bool:
    """Whether a pay view carries an amount to show (never a "$0" for pay nobody recorded)."""
    return view is not None and view.status == "recorded" and any(
        x is not None for x in (view.min, view.median, view.max))


def chart_groups(bars: list[Bar]) -> list[tuple[str, str, list[Bar]]]:
    """The bars by (currency, period), in the order their first bar appears."""
    groups: dict[tuple[str, str], list[Bar]] = {}
    for bar in bars:
        groups.setdefault((bar.view.currency, bar.view.basis), []).append(bar)
    return [(currency, basis, members) for (currency, basis), members in groups.items()]


def _step(span: float) -> float:
    """A round tick step giving four to eight ticks over ``span``."""
    raw = span / 5 if span > 0 else 1
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _axis(low: float, high: float) -> tuple[float, float, float]:
    if low == high:
        low, high = low * 0.9, high * 1.1 if high else 1
    step = _step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _tick_label(amount: float, currency: str) -> str:
    from ..render.cldr import currency_symbol, money, number

    return number(amount) if currency_symbol(currency) == currency else money(amount, currency)


def pay_chart(bars: list[Bar], currency: str, basis: str, chart_id: str, heading: str) -> str:
    """An SVG of the bars, all in ``currency`` per ``basis``; ``chart_id`` makes its ids unique on the page."""
    start, end, step = _axis(min(b.low for b in bars), max(b.high for b in bars))
    plot_left, plot_right = LABEL_WIDTH, WIDTH - VALUE_WIDTH
    scale = (plot_right - plot_left) / (end - start)

    def x(amount: float) -> str:
        return f"{plot_left + (amount - start) * scale:.1f}"

    height = TOP + ROW * len(bars) + BOTTOM
    axis_y = TOP + ROW * len(bars)
    c = PALETTE
    title = f"{heading}: {currency} per {basis}"
    desc = "; ".join(f"{bar.label}: {bar.view.figures()}" for bar in bars) + "."
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="pay-chart" role="img" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" aria-labelledby="{chart_id}-title {chart_id}-desc">',
           f'<title id="{chart_id}-title">{escape(title)}</title>',
           f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
           f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="{c["background"]}"/>']
    ticks = []
    value = start
    while value <= end + step / 1000:
        ticks.append(value)
        value += step
    for tick in ticks:
        out.append(f'<line x1="{x(tick)}" y1="{TOP - 6}" x2="{x(tick)}" y2="{axis_y}" stroke="{c["grid"]}" '
                   'stroke-width="1" stroke-dasharray="2 3"/>')
        out.append(f'<text x="{x(tick)}" y="{axis_y + 18}" text-anchor="middle" font-size="12" '
                   f'fill="{c["muted"]}">{escape(_tick_label(tick, currency))}</text>')
    out.append(f'<text x="{(plot_left + plot_right) / 2:.1f}" y="{axis_y + 34}" text-anchor="middle" font-size="12" '
               f'fill="{c["muted"]}">{escape(f"{currency} per {basis}")}</text>')
    for row, bar in enumerate(bars):
        top = TOP + row * ROW
        middle = top + ROW / 2
        out.append(f'<text x="{plot_left - 10}" y="{middle + 4:.1f}" text-anchor="end" font-size="13" '
                   f'fill="{c["text"]}">{escape(bar.label)}</text>')
        v = bar.view
        low = v.min if v.min is not None else bar.low
        high = v.max if v.max is not None else bar.high
        width = max(float(x(high)) - float(x(low)), 4.0)
        out.append(f'<rect x="{x(low)}" y="{top + 8}" width="{width:.1f}" height="{ROW - 16}" rx="3" '
                   f'fill="{c["band"]}"/>')
        if v.median is not None:
            out.append(f'<rect x="{float(x(v.median)) - 2:.1f}" y="{top + 3}" width="4" height="{ROW - 6}" '
                       f'fill="{c["median"]}" stroke="{c["median_outline"]}" stroke-width="1"/>')
        out.append(f'<text x="{plot_right + 10}" y="{middle + 4:.1f}" font-size="12" fill="{c["text"]}">'
                   f'{escape(_figures_short(v))}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _figures_short(view: "PayView") -> str:
    """The band's figures without the currency code and period, which the axis states (the median is
    the dark mark, and in the table and the text alternative)."""
    from ..render.cldr import money_range

    low, high = view.min, view.max
    if low is not None and high is not None:
        text = money_range(low, high, view.currency)
    elif view.median is not None:
        text = "median " + _tick_label(view.median, view.currency)
    else:
        text = ("from " if low is not None else "up to ") + _tick_label(low if low is not None else high, view.currency)
    return text
