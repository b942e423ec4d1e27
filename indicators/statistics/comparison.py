"""An indicator's comparison with its peers: a chart and a table.

The city's own figures come from the indicator's state (its valid readings,
as every page shows them); the peers' from ``PeerValue``, in one query. The
comparison never touches a status: peers are context. ``peer_comparison``
returns None when the indicator has no peer figures, and the indicator page
then shows nothing of it.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .. import charts
from ..choices import PARTS_PER_YEAR
from ..models import PeerValue
from ..periods import Period
from ..state import IndicatorState
from .comparison_chart import multi_line_chart

# Line styles that tell the series apart without colour (WCAG 1.4.1): the
# city solid and thick, peers dashed in their own patterns, each line named
# at its end. All colours reach 3:1 against white.
PEER_STYLES = [
    ("#6b3fa0", "8 4"),
    ("#8a4b00", "2 4"),
    ("#0f5a2a", "12 4 2 4"),
    ("#4b5660", "4 4"),
    ("#9e1a4b", "1 3"),
]


@dataclass
class Cell:
    """A figure in the table, with what ``reading_marks`` reads beside it."""

    value: Decimal | None = None
    preliminary: bool = False
    before_period: bool = False
    corrected_at: datetime.datetime | None = None


@dataclass
class Series:
    name: str
    own: bool
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)


@dataclass
class Comparison:
    series: list[Series]
    periods: list[Period]
    sources: list[tuple[str, datetime.datetime]]  # source, latest import
    chart: str = ""

    @property
    def rows(self) -> list[tuple[Period, list[Cell]]]:
        return [
            (period, [s.cells.get(period[1:], Cell()) for s in self.series])
            for period in self.periods
        ]


def peer_comparison(state: IndicatorState, chart_id: str = "vertailu"):
    definition = state.definition
    if not definition.is_numeric:
        return None
    values = list(
        PeerValue.objects.filter(indicator_id=definition.id)
        .select_related("peer")
        .order_by("peer__order", "peer__name", "year", "part")
    )
    if not values:
        return None
    own = Series(name=_("Oma kunta"), own=True)
    for reading in state.readings:
        if reading.value is not None:
            own.cells[(reading.year, reading.part)] = Cell(
                reading.value, reading.preliminary, reading.before_period
            )
    peers: dict[int, Series] = {}
    sources: dict[str, datetime.datetime] = {}
    for value in values:
        series = peers.setdefault(
            value.peer_id, Series(name=str(value.peer.name_i18n), own=False)
        )
        series.cells[(value.year, value.part)] = Cell(value.value, value.preliminary)
        if value.source not in sources or sources[value.source] < value.imported_at:
            sources[value.source] = value.imported_at
    series = [own, *peers.values()]
    keys = sorted({key for s in series for key in s.cells})
    periods = [Period(definition.frequency, year, part) for year, part in keys]
    comparison = Comparison(
        series=series,
        periods=periods,
        sources=sorted(sources.items()),
    )
    comparison.chart = comparison_chart(state, comparison, chart_id)
    return comparison


def comparison_chart(state: IndicatorState, comparison: Comparison, chart_id: str):
    """The series as lines over the years, each named at its end."""
    definition = state.definition
    parts = PARTS_PER_YEAR[definition.frequency]
    lines = []
    for index, series in enumerate(comparison.series):
        points = [
            charts.Point(charts.period_x(year, part, parts), cell.value)
            for (year, part), cell in sorted(series.cells.items())
            if cell.value is not None
        ]
        if series.own:
            style = (charts.ACTUAL, "")
        else:
            style = PEER_STYLES[(index - 1) % len(PEER_STYLES)]
        lines.append((series.name, points, style, series.own))
    all_points = [p for _name, points, _s, _o in lines for p in points]
    if not all_points:
        return ""
    first_year = min(int(p.x) for p in all_points)
    last_year = max(int(p.x) for p in all_points)
    title = _("%(name)s: vertailu vuosina %(first)s–%(last)s") % {
        "name": definition.name,
        "first": first_year,
        "last": last_year,
    }
    desc = _(
        "Kaupungin omat tulokset ja vertailualueiden luvut (%(names)s). Kaikki "
        "luvut ovat kaavion alla olevassa taulukossa."
    ) % {"names": ", ".join(s.name for s in comparison.series[1:])}
    data = {
        "title": title,
        "desc": desc,
        "unit": str(definition.unit),
        "x_axis": _("Vuosi"),
        "first_year": first_year,
        "last_year": last_year,
        "lines": lines,
    }
    # A wide and a narrow drawing, as the trend chart has (figures.py): CSS
    # shows the one that fits, so the text stays legible on a phone.
    wide = multi_line_chart(chart_id=chart_id, **data)
    narrow = multi_line_chart(
        chart_id=f"{chart_id}-kapea", width=360, height=260, font_size=12, **data
    )
    return (
        f'<div class="chart-wide">{wide}</div><div class="chart-narrow">{narrow}</div>'
    )
