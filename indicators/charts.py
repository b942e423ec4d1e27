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


# -- label placement ------------------------------------------------------
# A label's box is estimated from its length: SVG text has no measure on the
# server. BOLD_WIDTH is a generous average advance of the site's sans-serif
# digits and letters in bold (per em); the boxes err on the large side.
BOLD_WIDTH = 0.62
PLAIN_WIDTH = 0.57
LABEL_GAP = 3  # pixels kept clear around a label


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def grown(self, by: float) -> "Box":
        return Box(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)

    def overlaps(self, other: "Box") -> bool:
        return (
            self.x0 < other.x1
            and other.x0 < self.x1
            and self.y0 < other.y1
            and other.y0 < self.y1
        )

    def inside(self, other: "Box") -> bool:
        return (
            self.x0 >= other.x0
            and self.x1 <= other.x1
            and self.y0 >= other.y0
            and self.y1 <= other.y1
        )


def text_box(
    x: float, y: float, text: str, anchor: str, font_size: float, bold: bool = False
) -> Box:
    """The box a label drawn at baseline ``y`` covers (an estimate, see above)."""
    width = len(text) * font_size * (BOLD_WIDTH if bold else PLAIN_WIDTH)
    x0 = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return Box(x0, y - font_size * 0.8, x0 + width, y + font_size * 0.25)


def segment_hits(p: tuple[float, float], q: tuple[float, float], box: Box) -> bool:
    """Whether the segment p–q crosses ``box`` (Liang–Barsky clipping)."""
    (x0, y0), (x1, y1) = p, q
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for edge_p, edge_q in (
        (-dx, x0 - box.x0),
        (dx, box.x1 - x0),
        (-dy, y0 - box.y0),
        (dy, box.y1 - y0),
    ):
        if edge_p == 0:
            if edge_q < 0:
                return False
            continue
        t = edge_q / edge_p
        if edge_p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def _near(segments, box: Box):
    """The segments whose bounding box meets ``box``: no other can cross it."""
    x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1
    return (
        (p, q)
        for p, q in segments
        if not (
            (p[0] < x0 and q[0] < x0)
            or (p[0] > x1 and q[0] > x1)
            or (p[1] < y0 and q[1] < y0)
            or (p[1] > y1 and q[1] > y1)
        )
    )


def _collisions(box: Box, segments, boxes, region: Box) -> int:
    clear = box.grown(LABEL_GAP)
    hits = sum(segment_hits(p, q, clear) for p, q in _near(segments, clear))
    hits += sum(clear.overlaps(other) for other in boxes)
    return hits + (0 if box.inside(region) else 100)


def _is_free(box: Box, segments, boxes, region: Box) -> bool:
    """``_collisions(...) == 0``, answered at the first hit: the search for a
    free place tries hundreds of boxes against a long series' segments, and
    a segment whose bounding box misses the label's cannot cross it."""
    if not box.inside(region):
        return False
    clear = box.grown(LABEL_GAP)
    if any(clear.overlaps(other) for other in boxes):
        return False
    return not any(segment_hits(p, q, clear) for p, q in _near(segments, clear))


def place_label(
    text: str,
    at: tuple[float, float],
    offsets,
    *,
    font_size: float,
    segments,
    boxes,
    region: Box,
) -> tuple[float, float, str, Box]:
    """Where to draw a label near the point ``at``: the first of ``offsets``
    (dx, dy to the baseline, anchor) where it touches no line, no mark and no
    other label and stays in ``region``; else the free place in the region
    nearest to the point; else the place of ``offsets`` that touches least."""
    tried = []
    for dx, dy, anchor in offsets:
        x, y = at[0] + dx, at[1] + dy
        box = text_box(x, y, text, anchor, font_size, bold=True)
        if _is_free(box, segments, boxes, region):
            return x, y, anchor, box
        tried.append((x, y, anchor, box))
    width = text_box(0, 0, text, "start", font_size, bold=True).x1
    step = font_size / 2
    xs = [
        region.x0 + i * step
        for i in range(int((region.x1 - region.x0 - width) / step) + 1)
    ]
    ys = [
        region.y0 + font_size + j * step
        for j in range(int((region.y1 - region.y0 - font_size) / step) + 1)
    ]
    # The grid's places nearest first: a long series tries over a thousand, so
    # each axis's squared distances once, and no key function per place (ties
    # keep the grid's order, x then y).
    centre = width / 2
    to_x = [(x, (x + centre - at[0]) ** 2) for x in xs]
    to_y = [(y, (y - at[1]) ** 2) for y in ys]
    places = sorted((dx + dy, x, y) for x, dx in to_x for y, dy in to_y)
    for _, x, y in places:
        box = text_box(x, y, text, "start", font_size, bold=True)
        if _is_free(box, segments, boxes, region):
            return x, y, "start", box
    # Counted only now, when no place is free: the first that touches least.
    return min(tried, key=lambda place: _collisions(place[3], segments, boxes, region))


def _around(gap: float, font_size: float, rings: int = 4) -> list:
    """Label places around a point, as (dx, dy to the baseline, anchor):
    beside it, above and below it, then the same further out, ring by ring."""
    mid = font_size * 0.35  # a baseline that centres the text on the point
    ascent, descent = font_size * 0.8, font_size * 0.25
    places = []
    for ring in range(rings):
        g = gap + ring * (font_size + 2)
        above, below = -g - descent, g + ascent
        places += [
            (g, mid, "start"),
            (4, above, "start"),
            (-4, above, "end"),
            (0, above, "middle"),
            (4, below, "start"),
            (-4, below, "end"),
            (0, below, "middle"),
            (-g, mid, "end"),
        ]
    return places


def _points(points) -> list[tuple[float, float]]:
    return [tuple(map(float, xy.split(","))) for xy in points.split()]


def _segments(points: list[tuple[float, float]]):
    return list(zip(points, points[1:], strict=False)) or [(p, p) for p in points]


def chart_opening(
    chart_id: str, width: float, height: float, font_size: float, title, desc
) -> list[str]:
    """A chart's <svg> element with its title and description: the one way
    every line chart names itself to screen readers."""
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-size="{font_size}" '
        f'fill="{INK}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(desc)}</desc>',
    ]


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
    if values:
        # Room above and below the extremes, for the labels of points there.
        low, high = min(values), max(values)
        pad = (high - low) / 10
        # …but no negative axis for figures that cannot go below zero.
        floor = low - pad if low < 0 or low - pad >= 0 else Decimal(0)
        ticks = nice_ticks(floor, high + pad)
    else:
        ticks = nice_ticks(0, 1)
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

    parts = chart_opening(chart_id, width, height, font_size, labels.title, labels.desc)

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

    # Lines first; then the labels, each placed clear of the lines, the
    # marks and the labels placed before it (``place_label``).
    segments = []
    boxes = [text_box(4, top - 14, labels.unit, "start", font_size, bold=True)]
    region = Box(left, 0, width - 2, top + plot_h)
    if planned:
        points = " ".join(f"{_f(sx(p.x))},{_f(sy(p.y))}" for p in planned)
        segments += _segments(_points(points))
        parts.append(
            f'<polyline class="chart-planned" points="{points}" fill="none" '
            f'stroke="{PLANNED}" stroke-width="2" stroke-dasharray="7 5"/>'
        )

    size = 8  # the target mark's half width
    if target is not None:
        tx, ty = sx(target.x), sy(target.y)
        boxes.append(Box(tx - size, ty - size, tx + size, ty + size))
        parts.append(
            f'<path class="chart-target" d="M{_f(tx)} {_f(ty - size)} '
            f"L{_f(tx + size)} {_f(ty)} L{_f(tx)} {_f(ty + size)} "
            f'L{_f(tx - size)} {_f(ty)} Z" fill="{TARGET}" stroke="#fff" '
            f'stroke-width="1.5"/>'
        )

    last_label = None
    if actual:
        points = " ".join(f"{_f(sx(p.x))},{_f(sy(p.y))}" for p in actual)
        segments += _segments(_points(points))
        parts.append(
            f'<polyline class="chart-actual" points="{points}" fill="none" '
            f'stroke="{ACTUAL}" stroke-width="3" stroke-linejoin="round" '
            f'stroke-linecap="round"/>'
        )
        # Markers only while they do not merge into a blur (monthly series).
        shown = actual if len(actual) <= 16 else actual[-1:]
        for p in shown:
            cx, cy = sx(p.x), sy(p.y)
            boxes.append(Box(cx - 4.5, cy - 4.5, cx + 4.5, cy + 4.5))
            parts.append(
                f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="4.5" '
                f'fill="{ACTUAL}" stroke="#fff" stroke-width="1.5"/>'
            )
        last = actual[-1]
        text = formatting.number(last.y, decimals)
        x, y, anchor, box = place_label(
            text,
            (sx(last.x), sy(last.y)),
            _around(10, font_size),
            font_size=font_size,
            segments=segments,
            boxes=boxes,
            region=region,
        )
        boxes.append(box)
        last_label = _text(x, y, text, anchor, fill=ACTUAL, font_weight="700", **HALO)

    if target is not None and labels.target:
        x, y, anchor, box = place_label(
            labels.target,
            (sx(target.x), sy(target.y)),
            _around(size + 4, font_size),
            font_size=font_size,
            segments=segments,
            boxes=boxes,
            region=region,
        )
        boxes.append(box)
        parts.append(
            _text(x, y, labels.target, anchor, fill=TARGET, font_weight="700", **HALO)
        )
    if last_label:
        parts.append(last_label)  # drawn last: on top of everything

    parts.append(history_label)
    parts.append("</svg>")
    return "".join(parts)


def sparkline(
    values: Sequence[float | Decimal],
    *,
    label: str,
    target: Decimal | None = None,
    first_text: str = "",
    last_text: str = "",
    width: int = 96,
    height: int = 28,
    font_size: int = 11,
) -> str:
    """A word-sized trend line; ``label`` says the same in words.

    ``first_text`` and ``last_text`` (the first and last values, formatted)
    are written beside the line's ends, outside it, so they touch no line.
    """
    if not values:
        return ""
    floats = [float(v) for v in values]
    all_values = floats + ([float(target)] if target is not None else [])
    low, high = min(all_values), max(all_values)
    if high == low:
        low, high = low - 1, high + 1
    pad = 3
    char = font_size * PLAIN_WIDTH
    before = len(first_text) * char + 4 if first_text and len(floats) > 1 else 0
    after = len(last_text) * char * BOLD_WIDTH / PLAIN_WIDTH + 4 if last_text else 0
    line_width = width
    width = round(before + line_width + after)
    # Every point's place at once: a list of hundreds of indicators draws
    # thousands of them, so no function call per coordinate.
    y_scale = (height - 2 * pad) / (high - low)
    if len(floats) == 1:
        xs = [before + line_width / 2]
    else:
        step = (line_width - 2 * pad) / (len(floats) - 1)
        xs = [before + pad + i * step for i in range(len(floats))]
    ys = [pad + (high - v) * y_scale for v in floats]

    def sy(v) -> float:
        return pad + (high - float(v)) * y_scale

    parts = [
        f'<svg class="sparkline" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-size="{font_size}" xmlns="http://www.w3.org/2000/svg">',
        # The same words as a <title>: the PDF takes a figure's alternative
        # text from it, not from aria-label.
        f"<title>{escape(label)}</title>",
    ]
    if target is not None:
        y = _f(sy(target))
        parts.append(
            f'<line x1="{_f(before)}" x2="{_f(before + line_width)}" y1="{y}" '
            f'y2="{y}" stroke="{PLANNED}" stroke-width="1.5" '
            f'stroke-dasharray="4 3"/>'
        )
    if len(floats) > 1:
        points = " ".join([f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=True)])
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{ACTUAL}" '
            f'stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>'
        )
    parts.append(f'<circle cx="{_f(xs[-1])}" cy="{_f(ys[-1])}" r="3" fill="{ACTUAL}"/>')
    # The values beside the ends, centred on the line's height: the label
    # above says the same to screen readers.
    baseline = height / 2 + font_size * 0.35
    if before:
        parts.append(
            _text(
                before - 3, baseline, first_text, "end", fill=MUTED, aria_hidden="true"
            )
        )
    if after:
        parts.append(
            _text(
                before + line_width + 3,
                baseline,
                last_text,
                "start",
                fill=ACTUAL,
                font_weight="700",
                aria_hidden="true",
            )
        )
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
