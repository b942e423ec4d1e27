"""The comparison chart: the city's line and its peers' lines over the years.

Built from the helpers of ``indicators/charts.py`` (ticks, coordinates, text,
colours); its own module so that the trend chart stays as it is.
"""

import math
from collections.abc import Sequence

from .. import formatting
from ..charts import (
    GRID,
    HALO,
    INK,
    MUTED,
    Point,
    _f,
    _text,
    chart_opening,
    nice_ticks,
    tick_decimals,
)


def multi_line_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    unit: str,
    x_axis: str,
    first_year: int,
    last_year: int,
    lines: Sequence[tuple[str, Sequence[Point], tuple[str, str], bool]],
    width: int = 640,
    height: int = 320,
    font_size: int = 14,
) -> str:
    """Several series over the years (a comparison with peers): each line
    ``(name, points, (colour, dash pattern), emphasised)`` is named at its
    end, so colour is never the only way to tell them apart."""
    values = [p.y for _name, points, _style, _strong in lines for p in points]
    ticks = nice_ticks(min(values), max(values))
    tick_labels = [formatting.number(t, tick_decimals(ticks)) for t in ticks]
    char_width = font_size * 0.58
    left = max(44, 14 + max(len(t) for t in tick_labels) * char_width)
    # Room at the right for the series' names; a long name may be cut.
    name_room = min(width * 0.3, 12 + max(len(n) for n, *_r in lines) * char_width)
    right, top, bottom = name_room, 34, 50
    plot_w, plot_h = width - left - right, height - top - bottom
    years = last_year - first_year + 1
    low, high = float(ticks[0]), float(ticks[-1])

    def sx(x: float) -> float:
        return left + (x - first_year) / years * plot_w

    def sy(y) -> float:
        return top + (high - float(y)) / (high - low) * plot_h

    parts = chart_opening(chart_id, width, height, font_size, title, desc)
    for tick, text in zip(ticks, tick_labels, strict=True):
        y = sy(tick)
        parts.append(
            f'<line x1="{_f(left)}" x2="{_f(width - right)}" y1="{_f(y)}" '
            f'y2="{_f(y)}" stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(_text(left - 8, y + font_size * 0.35, text, "end", fill=MUTED))
    parts.append(_text(4, top - 14, unit, "start", font_weight="600"))
    band = plot_w / years
    every = math.ceil((4 * char_width + 8) / band)
    for i in range(years):
        if i % every == 0:
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
    parts.append(_text(width - 4, height - 6, x_axis, "end", font_weight="600"))
    used_label_y: list[float] = []
    # Peers first, the city on top.
    for name, points, (colour, dash), strong in sorted(lines, key=lambda line: line[3]):
        if not points:
            continue
        coords = " ".join(f"{_f(sx(p.x))},{_f(sy(p.y))}" for p in points)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline class="chart-series" points="{coords}" fill="none" '
            f'stroke="{colour}" stroke-width="{3 if strong else 2}"{dash_attr} '
            f'stroke-linejoin="round"/>'
        )
        if strong:
            for p in points if len(points) <= 16 else points[-1:]:
                parts.append(
                    f'<circle cx="{_f(sx(p.x))}" cy="{_f(sy(p.y))}" r="4" '
                    f'fill="{colour}" stroke="#fff" stroke-width="1.5"/>'
                )
        last = points[-1]
        y = sy(last.y) + font_size * 0.35
        # Keep the names at the line ends from overlapping.
        while any(abs(y - other) < font_size for other in used_label_y):
            y += font_size
        used_label_y.append(y)
        parts.append(
            _text(
                sx(last.x) + 8,
                y,
                name,
                "start",
                fill=colour,
                font_weight="700" if strong else "400",
                **HALO,
            )
        )
    parts.append("</svg>")
    return "".join(parts)
