"""Progress of many indicators at once, for the strategy pages and the list.

``load_rows`` turns a queryset of indicators into rows with their progress,
recent trend and measure codes in a fixed number of queries whatever the
number of indicators or readings; ``StrategyProgress`` groups the rows of a
strategy by focus area, measure and success factor and counts statuses.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import FloatField, QuerySet
from django.db.models.functions import Cast

from strategy.models import Strategy

from .models import Indicator, Reading
from .progress import Progress, progress_of, with_progress_data
from .status import ICONS, ORDER, Status


class Trends:
    """The numeric values of many indicators since the year before the
    strategy period (the usual baseline year): what their trend lines show.

    Loaded on first use, for all of them in one query, as plain tuples: a page
    that shows no trend lines (the home page) pays nothing for them. A range
    of the (indicator, period_end) index, not a window over every reading.
    """

    def __init__(self, indicator_ids: list[int], since_year: int | None):
        self.indicator_ids = indicator_ids
        self.since_year = since_year
        self._points: dict[int, list[tuple[int, int, float]]] | None = None

    def of(self, indicator_id: int) -> list[tuple[int, int, float]]:
        """(year, part, value) of the indicator's readings, oldest first."""
        if self._points is None:
            self._points = self._load()
        return self._points.get(indicator_id, [])

    def _load(self) -> dict[int, list[tuple[int, int, float]]]:
        points = defaultdict(list)
        if not self.indicator_ids:
            return points
        rows = Reading.objects.valid().filter(
            indicator_id__in=self.indicator_ids, value__isnull=False
        )
        if self.since_year is not None:
            rows = rows.filter(period_end__gte=datetime.date(self.since_year, 1, 1))
        # Floats, not Decimals: a line drawing needs no exact figures, and
        # converting thousands of decimals costs more than the query itself.
        rows = (
            rows.annotate(number=Cast("value", FloatField()))
            .order_by("indicator_id", "period_end")
            .values_list("indicator_id", "year", "part", "number")
        )
        for indicator_id, year, part, value in rows:
            points[indicator_id].append((year, part, value))
        return points


@dataclass(frozen=True)
class MeasureLink:
    measure_id: int
    area_number: int
    order: int

    @property
    def code(self) -> str:
        return f"{self.area_number}.{self.order}"


@dataclass(eq=False)
class Row:
    """One indicator as the overview pages show it."""

    progress: Progress
    measures: list[MeasureLink] = field(default_factory=list)
    trends: Trends | None = None

    @property
    def indicator(self) -> Indicator:
        return self.progress.indicator

    @property
    def status(self) -> Status:
        return self.progress.status

    @property
    def measure_codes(self) -> list[str]:
        return [link.code for link in self.measures]

    @property
    def trend_points(self) -> list[tuple[int, int, float]]:
        """(year, part, value) of the recent numeric readings, oldest first."""
        if self.trends is None or not self.indicator.is_numeric:
            return []
        return self.trends.of(self.indicator.pk)

    @property
    def trend(self) -> list[float]:
        return [value for _, _, value in self.trend_points]


@dataclass(frozen=True)
class StatusCount:
    status: Status
    count: int
    share: float  # of the total, 0…100

    @property
    def icon(self) -> str:
        return ICONS[self.status]

    @property
    def label(self) -> str:
        return self.status.label


@dataclass(frozen=True)
class Summary:
    """How many indicators have each status; best first, zeros left out."""

    total: int
    counts: list[StatusCount]

    @property
    def bar(self) -> list[tuple[StatusCount, float]]:
        """Each count with its start on a 0…100 bar."""
        start, segments = 0.0, []
        for count in self.counts:
            segments.append((count, start))
            start += count.share
        return segments


def summarise(rows) -> Summary:
    tally = dict.fromkeys(ORDER, 0)
    for row in rows:
        tally[row.status] += 1
    total = sum(tally.values())
    counts = [
        StatusCount(status, n, 100 * n / total) for status, n in tally.items() if n
    ]
    return Summary(total, counts)


def load_rows(
    queryset: QuerySet[Indicator], today: datetime.date | None = None
) -> list[Row]:
    """Rows for ``queryset``, in its order.

    4 queries: the indicators with strategy and department, their latest
    readings, annual targets and measure codes; and a fifth for the trend
    lines when a page first asks for one.
    """
    indicators = list(with_progress_data(queryset))
    links = defaultdict(list)
    if indicators:
        for indicator_id, *link in (
            Indicator.measures.through.objects.filter(
                indicator__in=queryset.values("pk")
            )
            .order_by("measure__focus_area__number", "measure__order")
            .values_list(
                "indicator_id",
                "measure_id",
                "measure__focus_area__number",
                "measure__order",
            )
        ):
            links[indicator_id].append(MeasureLink(*link))
    since = indicators[0].strategy.start_year - 1 if indicators else None
    trends = Trends([i.pk for i in indicators], since)
    return [Row(progress_of(i, today), links[i.pk], trends) for i in indicators]


class StrategyProgress:
    """The progress of a strategy's indicators that one visitor may see.

    Active indicators only: a retired indicator no longer says anything about
    how the strategy is doing. A page that shows one focus area (``area``, its
    number) or the success factors (``factors``) loads only those indicators.
    """

    def __init__(
        self,
        strategy: Strategy,
        user,
        *,
        area: int | None = None,
        factors: bool = False,
        today: datetime.date | None = None,
    ):
        shown = Indicator.objects.filter(strategy=strategy).active().visible_to(user)
        measure_links = Indicator.measures.through.objects
        factor_links = Indicator.success_factors.through.objects
        if area is not None:
            in_area = measure_links.filter(
                measure__focus_area__strategy=strategy,
                measure__focus_area__number=area,
            )
            shown = shown.filter(pk__in=in_area.values("indicator_id"))
        if factors:
            shown = shown.filter(pk__in=factor_links.values("indicator_id"))
        # Rows (4 queries, +1 for trend lines) and success factor links (1).
        self.rows = {row.indicator.pk: row for row in load_rows(shown, today)}
        self.by_area: dict[int, list[Row]] = defaultdict(list)
        self.by_measure: dict[int, list[Row]] = defaultdict(list)
        self.by_factor: dict[int, list[Row]] = defaultdict(list)
        if not self.rows:
            return
        for row in self.rows.values():
            areas = set()
            for link in row.measures:
                self.by_measure[link.measure_id].append(row)
                areas.add(link.area_number)
            for number in areas:
                self.by_area[number].append(row)
        for indicator_id, factor_id in factor_links.filter(
            indicator__in=shown
        ).values_list("indicator_id", "successfactor_id"):
            self.by_factor[factor_id].append(self.rows[indicator_id])
        for groups in (self.by_area, self.by_measure, self.by_factor):
            for rows in groups.values():
                rows.sort(key=lambda row: row.indicator.name_i18n.casefold())

    @property
    def summary(self) -> Summary:
        return summarise(self.rows.values())

    def area_summary(self, number: int) -> Summary:
        return summarise(self.by_area.get(number, []))

    def factor_summary(self, pk: int) -> Summary:
        return summarise(self.by_factor.get(pk, []))

    @property
    def demo_shown(self) -> bool:
        """Whether any indicator loaded is example (demo) data."""
        return any(row.indicator.is_demo for row in self.rows.values())
