"""The charts of an indicator state, with their words: what ``charts`` draws.

``charts`` is the framework-free SVG drawing; this module gives it a state's
series, planned path and target, and the translated words (title,
description, labels) that make each chart readable without seeing it. The
site's pages, the report page and its PDF all take their charts from here.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from . import charts, formatting
from .choices import PARTS_PER_YEAR
from .state import IndicatorState

# A 96-pixel line cannot show 120 monthly points: a sample of them draws the
# same line, and a report with hundreds of them lays out much faster.
SPARK_POINTS = 40


def _period(state: IndicatorState, point) -> str:
    return formatting.period_label(state.definition.frequency, point.year, point.part)


def sparkline(state: IndicatorState) -> str:
    """A word-sized trend line of the state's numeric readings ("" if none).

    Its label names the first and last values, which the drawing also writes
    beside the line's ends (numbers only: the latest value with its unit
    stands beside the sparkline on every page).
    """
    points = state.trend_points
    definition = state.definition
    if not definition.is_numeric or not points:
        return ""
    first, last = points[0], points[-1]
    # Each end's number once, and its unit beside it for the label: a list
    # draws hundreds of these.
    first_number = formatting.number(Decimal(repr(first.value)), definition.decimals)
    last_number = formatting.number(Decimal(repr(last.value)), definition.decimals)
    unit = str(definition.unit)
    first_text = formatting.with_unit(first_number, unit)
    last_text = formatting.with_unit(last_number, unit)
    if len(points) == 1:
        label = _("Vain yksi tulos: %(value)s") % {"value": last_text}
    else:
        label = _("Kehitys %(first_period)s–%(last_period)s: %(first)s → %(last)s") % {
            "first_period": _period(state, first),
            "last_period": _period(state, last),
            "first": first_text,
            "last": last_text,
        }
    if len(points) > SPARK_POINTS:
        step = (len(points) - 1) / (SPARK_POINTS - 1)
        points = [points[round(i * step)] for i in range(SPARK_POINTS)]
    return charts.sparkline(
        [p.value for p in points],
        label=label,
        target=definition.target_value,
        first_text=first_number,
        last_text=last_number,
    )


def chart_years(state: IndicatorState) -> tuple[int, int]:
    """The years a chart spans: the strategy period, widened to the data."""
    definition = state.definition
    years = {definition.strategy_start, definition.strategy_end} - {None}
    years.update(r.year for r in state.readings if r.value is not None)
    years.update(state.targets)
    for year in (definition.baseline_year, definition.target_year):
        if year:
            years.add(year)
    return min(years), max(years)


def indicator_chart(state: IndicatorState, chart_id: str = "chart") -> str:
    """The trend chart of a numeric indicator, in a wide and a narrow drawing
    ("" when there is nothing to draw)."""
    definition = state.definition
    if not definition.is_numeric:
        return ""
    numeric = [r for r in state.readings if r.value is not None]
    planned = [charts.Point(year + 0.5, value) for year, value in state.plan]
    if not numeric and not planned:
        return ""
    parts = PARTS_PER_YEAR[definition.frequency]
    actual = [
        charts.Point(charts.period_x(r.year, r.part, parts), r.value) for r in numeric
    ]
    value_text = definition.value_text
    target = None
    target_label = ""
    if definition.target_value is not None and definition.target_year:
        target = charts.Point(definition.target_year + 0.5, definition.target_value)
        target_label = _("Tavoite %(value)s") % {
            "value": value_text(definition.target_value)
        }
    first_year, last_year = chart_years(state)

    sentences = []
    if definition.baseline_value is not None and definition.baseline_year:
        sentences.append(
            _("Lähtötaso %(value)s vuonna %(year)s.")
            % {
                "value": value_text(definition.baseline_value),
                "year": definition.baseline_year,
            }
        )
    if numeric:
        sentences.append(
            _("Tulokset %(first)s–%(last)s: %(start)s → %(end)s.")
            % {
                "first": numeric[0].period.label(),
                "last": numeric[-1].period.label(),
                "start": value_text(numeric[0].value),
                "end": value_text(numeric[-1].value),
            }
        )
    else:
        sentences.append(_("Tuloksia ei ole vielä kirjattu."))
    start = definition.strategy_start
    history = bool(start) and any(r.before_period for r in numeric)
    if history:
        sentences.append(
            _(
                "Tulokset ennen vuotta %(year)s ovat historiatietoa ajalta ennen "
                "strategiakautta; niitä ei arvioida."
            )
            % {"year": start}
        )
    if target is not None:
        sentences.append(
            _("Tavoite %(value)s vuonna %(year)s.")
            % {
                "value": value_text(definition.target_value),
                "year": definition.target_year,
            }
        )
    sentences.append(_("Tila: %(status)s.") % {"status": state.status.label})
    sentences.append(_("Kaikki luvut ovat kaavion alla olevassa taulukossa."))

    labels = charts.ChartLabels(
        title=_("%(name)s: kehitys vuosina %(first)s–%(last)s")
        % {"name": definition.name, "first": first_year, "last": last_year},
        desc=" ".join(sentences),
        unit=str(definition.unit),
        x_axis=_("Vuosi"),
        target=target_label,
        history=_("ennen strategiakautta") if history else "",
    )
    data = {
        "labels": labels,
        "first_year": first_year,
        "last_year": last_year,
        "actual": actual,
        "planned": planned,
        "target": target,
        "decimals": definition.decimals,
        "period_start": start if history else None,
    }
    # Two drawings: SVG text scales with the picture, so a phone gets one
    # drawn for its width instead of a shrunken wide one. CSS shows one; the
    # other is display:none and so hidden from screen readers too.
    wide = charts.line_chart(chart_id=chart_id, **data)
    narrow = charts.line_chart(
        chart_id=f"{chart_id}-kapea", width=360, height=260, font_size=13, **data
    )
    return (
        f'<div class="chart-wide">{wide}</div><div class="chart-narrow">{narrow}</div>'
    )
