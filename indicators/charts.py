"""Server-rendered SVG charts: an indicator's trend and a tiny sparkline.

No database, no request and no JavaScript here: plain data in, an SVG string
out, so the charts print crisply, need no script and are easy to test. The
caller passes every visible word already translated (``ChartLabels``,
``indicators/figures.py``); numbers are written by ``formatting``, as
everywhere on the site (1 234,5 in both languages).

The x axis is time in years: ``x = 2025.5`` is the middle of 2025, so yearly,
quarterly and monthly readings share one axis (``period_x``). Each year is a
band with its label under the middle.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from html import escape

from . import formatting

# Colours as presentation attributes, so a chart looks the same in a page, on
# paper and when saved on its own. All reach 3:1 against white (WCAG 1.4.11).
INK = "#1d2329"
MUTED = "#4b5660"
GRID = "#d5dade"
HISTORY = "#eef0f2"  # the band of years before the strategy period
ACTUAL = "#1a5a9e"
PLANNED = "#4b5660"
TARGET = "#0f5a2a"


@dataclass(frozen=True)
class Point:
    x: float  # years: 2025.5 is the middle of 2025
    y: Decimal


@dataclass(frozen=True)
class ChartLabels:
    """The chart's words, translated by the caller."""

    title: str  # read by screen readers with the chart
    desc: str  # a one-paragraph summary; the data table has the details
    unit: str  # the y axis label, e.g. "km" or "%"
    x_axis: str  # "Vuosi" / "Year"
    target: str  # the text beside the target mark, e.g. "Tavoite 150 km"
    history: str = ""  # over the years before the strategy period, if shown


def period_x(year: int, part: int, parts_per_year: int) -> float:
    """The middle of a period on the chart's time axis."""
    if parts_per_year <= 1 or part == 0:
        return year + 0.5
    return year + (part - 0.5) / parts_per_year


def nice_ticks(low: Decimal, high: Decimal, count: int = 5) -> list[Decimal]:
    """Round tick values (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering low…high."""
    low, high = Decimal(str(low)), Decimal(str(high))
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(low) / 10 or Decimal(1)
        low, high = low - pad, high + pad
    raw = (high - low) / (count - 1)
    exponent = math.floor(math.log10(raw))
    magnitude = Decimal(1).scaleb(exponent)
    step = magnitude * 10
    for multiple in ("1", "2", "2.5", "5", "10"):
        if magnitude * Decimal(multiple) >= raw:
            step = magnitude * Decimal(multiple)
            break
    first = (low / step).to_integral_value(rounding=ROUND_FLOOR) * step
    last = (high / step).to_integral_value(rounding=ROUND_CEILING) * step
    ticks = []
    value = first
    while value <= last:
        ticks.append(value)
        value += step
    return ticks


def tick_decimals(ticks: Sequence[Decimal]) -> int:
    """How many decimals the tick labels need (2,5 needs one, 10 none)."""
    needed = 0
    for tick in ticks:
        exponent = tick.normalize().as_tuple().exponent
        if isinstance(exponent, int):
            needed = max(needed, -exponent)
    return needed


def _f(value: float) -> str:
    """A coordinate, short and stable for tests: 12.5, 40."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


# A white outline behind a label keeps it legible where it crosses a line.
HALO = {"stroke": "#fff", "stroke_width": "4", "paint_order": "stroke"}


def _text(x: float, y: float, content: str, anchor: str = "start", **attrs) -> str:
    extra = "".join(
        f' {k.replace("_", "-")}="{escape(str(v))}"' for k, v in attrs.items()
    )
    return (
        f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}"{extra}>'
        f"{escape(content)}</text>"
    )


def line_chart(
    *,
    chart_id: str,
    labels: ChartLabels,
    first_year: int,
    last_year: int,
    actual: Sequence[Point],
    planned: Sequence[Point] = (),
    target: Point | None = None,
    decimals: int = 0,
    width: int = 640,
    height: int = 320,
    font_size: int = 15,
    period_start: int | None = None,
) -> str:
    """An indicator's trend: readings as a line, the plan dashed, the target marked.

    ``chart_id`` makes the ids of the title and description unique on a page.
    Years before ``period_start`` (the strategy period's first year) are
    shaded and labelled ``labels.history``: their readings are context.
    """
    values = [p.y for p in actual] + [p.y for p in planned]
    if target is not None:
        values.append(target.y)
    ticks = nice_ticks(min(values), max(values)) if values else nice_ticks(0, 1)
    tick_places = tick_decimals(ticks)
    tick_labels = [formatting.number(t, tick_places) for t in ticks]

    char_width = font_size * 0.58
    left = max(44, 14 + max(len(t) for t in tick_labels) * char_width)
    right, top, bottom = 16, 34, 50
    plot_w, plot_h = width - left - right, height - top - bottom
    years = last_year - first_year + 1
    low, high = float(ticks[0]), float(ticks[-1])

    def sx(x: float) -> float:
        return left + (x - first_year) / years * plot_w

    def sy(y) -> float:
        return top + (high - float(y)) / (high - low) * plot_h

    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-size="{font_size}" '
        f'fill="{INK}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(labels.title)}</title>',
        f'<desc id="{desc_id}">{escape(labels.desc)}</desc>',
    ]

    history_label = ""
    if period_start is not None and first_year < period_start <= last_year + 1:
        x0, x1 = sx(first_year), sx(period_start)
        parts.append(
            f'<rect class="chart-history" x="{_f(x0)}" y="{_f(top)}" '
            f'width="{_f(x1 - x0)}" height="{_f(plot_h)}" fill="{HISTORY}"/>'
        )
        if labels.history:
            # Drawn last, over the lines, so that a line never hides it.
            history_label = _text(
                x0 + 4, top + font_size, labels.history, "start", fill=MUTED, **HALO
            )
    # Horizontal grid lines and the value labels of the y axis.
    for tick, text in zip(ticks, tick_labels, strict=True):
        y = sy(tick)
        parts.append(
            f'<line x1="{_f(left)}" x2="{_f(width - right)}" y1="{_f(y)}" '
            f'y2="{_f(y)}" stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(_text(left - 8, y + font_size * 0.35, text, "end", fill=MUTED))
    # The unit heads the value axis; a long unit may run over the plot's top.
    parts.append(_text(4, top - 14, labels.unit, "start", font_weight="600"))

    # Year bands: a tick at each boundary, the year under the middle. With
    # many years (or a narrow chart) only every n-th label keeps them apart.
    band = plot_w / years
    every = math.ceil((4 * char_width + 8) / band)
    for i in range(years + 1):
        x = sx(first_year + i)
        parts.append(
            f'<line x1="{_f(x)}" x2="{_f(x)}" y1="{_f(top + plot_h)}" '
            f'y2="{_f(top + plot_h + 6)}" stroke="{MUTED}" stroke-width="1"/>'
        )
        if i < years and i % every == 0:
            parts.append(
                _text(
                    sx(first_year + i + 0.5),
                    top + plot_h + 22,
                    str(first_year + i),
                    "middle",
                    fill=MUTED,
                )
            )
    parts.append(
        f'<line x1="{_f(left)}" x2="{_f(width - right)}" y1="{_f(top + plot_h)}" '
        f'y2="{_f(top + plot_h)}" stroke="{INK}" stroke-width="1.5"/>'
    )
    parts.append(
        _text(width - right, height - 6, labels.x_axis, "end", font_weight="600")
    )

    if planned:
        points = " ".join(f"{_f(sx(p.x))},{_f(sy(p.y))}" for p in planned)
        parts.append(
            f'<polyline class="chart-planned" points="{points}" fill="none" '
            f'stroke="{PLANNED}" stroke-width="2" stroke-dasharray="7 5"/>'
        )

    if target is not None:
        tx, ty = sx(target.x), sy(target.y)
        size = 8
        parts.append(
            f'<path class="chart-target" d="M{_f(tx)} {_f(ty - size)} '
            f"L{_f(tx + size)} {_f(ty)} L{_f(tx)} {_f(ty + size)} "
            f'L{_f(tx - size)} {_f(ty)} Z" fill="{TARGET}" stroke="#fff" '
            f'stroke-width="1.5"/>'
        )
        anchor = "end" if tx > left + plot_w * 0.6 else "start"
        label_x = tx - size - 4 if anchor == "end" else tx + size + 4
        label_y = ty - size - 4 if ty - size - 4 > top else ty + size + font_size + 2
        parts.append(
            _text(
                label_x,
                label_y,
                labels.target,
                anchor,
                fill=TARGET,
                font_weight="700",
                **HALO,
            )
        )

    if actual:
        points = " ".join(f"{_f(sx(p.x))},{_f(sy(p.y))}" for p in actual)
        parts.append(
            f'<polyline class="chart-actual" points="{points}" fill="none" '
            f'stroke="{ACTUAL}" stroke-width="3" stroke-linejoin="round" '
            f'stroke-linecap="round"/>'
        )
        # Markers only while they do not merge into a blur (monthly series).
        shown = actual if len(actual) <= 16 else actual[-1:]
        for p in shown:
            parts.append(
                f'<circle cx="{_f(sx(p.x))}" cy="{_f(sy(p.y))}" r="4.5" '
                f'fill="{ACTUAL}" stroke="#fff" stroke-width="1.5"/>'
            )
        last = actual[-1]
        lx, ly = sx(last.x), sy(last.y)
        text = formatting.number(last.y, decimals)
        # Beside the last point when there is room, else above it.
        if lx + 10 + len(text) * char_width < width - right:
            x, y, anchor = lx + 10, ly + font_size * 0.35, "start"
        else:
            x, anchor = lx, "end"
            y = ly - 12 if ly - 12 - font_size > top else ly + 12 + font_size
        parts.append(_text(x, y, text, anchor, fill=ACTUAL, font_weight="700", **HALO))

    parts.append(history_label)
    parts.append("</svg>")
    return "".join(parts)


def sparkline(
    values: Sequence[float | Decimal],
    *,
    label: str,
    target: Decimal | None = None,
    width: int = 96,
    height: int = 28,
) -> str:
    """A word-sized trend line; ``label`` says the same in words."""
    if not values:
        return ""
    floats = [float(v) for v in values]
    all_values = floats + ([float(target)] if target is not None else [])
    low, high = min(all_values), max(all_values)
    if high == low:
        low, high = low - 1, high + 1
    pad = 3
    # Every point's place at once: a list of hundreds of indicators draws
    # thousands of them, so no function call per coordinate.
    y_scale = (height - 2 * pad) / (high - low)
    if len(floats) == 1:
        xs = [width / 2]
    else:
        step = (width - 2 * pad) / (len(floats) - 1)
        xs = [pad + i * step for i in range(len(floats))]
    ys = [pad + (high - v) * y_scale for v in floats]

    def sy(v) -> float:
        return pad + (high - float(v)) * y_scale

    parts = [
        f'<svg class="sparkline" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        # The same words as a <title>: the PDF takes a figure's alternative
        # text from it, not from aria-label.
        f"<title>{escape(label)}</title>",
    ]
    if target is not None:
        y = _f(sy(target))
        parts.append(
            f'<line x1="0" x2="{width}" y1="{y}" y2="{y}" stroke="{PLANNED}" '
            f'stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
    if len(floats) > 1:
        points = " ".join([f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=True)])
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{ACTUAL}" '
            f'stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>'
        )
    parts.append(f'<circle cx="{_f(xs[-1])}" cy="{_f(ys[-1])}" r="3" fill="{ACTUAL}"/>')
    parts.append("</svg>")
    return "".join(parts)


def legend_swatch(kind: str) -> str:
    """A small picture of a chart's line or mark, for an HTML legend."""
    if kind == "actual":
        body = (
            f'<line x1="2" x2="30" y1="8" y2="8" stroke="{ACTUAL}" stroke-width="3" '
            f'stroke-linecap="round"/><circle cx="16" cy="8" r="4" fill="{ACTUAL}"/>'
        )
    elif kind == "planned":
        body = (
            f'<line x1="1" x2="31" y1="8" y2="8" stroke="{PLANNED}" stroke-width="2" '
            f'stroke-dasharray="7 5"/>'
        )
    elif kind == "target":
        body = f'<path d="M16 1 L23 8 L16 15 L9 8 Z" fill="{TARGET}"/>'
    else:
        raise ValueError(kind)
    return (
        '<svg class="legend-swatch" aria-hidden="true" '
        'viewBox="0 0 32 16" width="32" height="16" '
        f'xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    )
