"""Many indicators at once: status counts, and a strategy's states grouped by
focus area, measure and success factor.

``summarise`` is the one place statuses are counted — the site's pages and the
mid-term report both call it. ``StrategyOverview`` loads the states a visitor
may see (``loading.load_states``, a fixed number of queries) and groups them
for the strategy pages.
"""

from collections import defaultdict
from dataclasses import dataclass

from strategy.models import Strategy

from .choices import ICONS, ORDER, Status
from .loading import load_states
from .models import Indicator
from .state import IndicatorState


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
    """How many indicators have each status; best first."""

    total: int
    counts: list[StatusCount]  # the statuses that occur

    @property
    def bar(self) -> list[tuple[StatusCount, float]]:
        """Each count with its start on a 0…100 bar."""
        start, segments = 0.0, []
        for count in self.counts:
            segments.append((count, start))
            start += count.share
        return segments

    @property
    def by_status(self) -> list[tuple[Status, int]]:
        """Every status with its count, zeros included (tables)."""
        found = {c.status: c.count for c in self.counts}
        return [(status, found.get(status, 0)) for status in ORDER]


EMPTY = Summary(0, [])


def summarise(states) -> Summary:
    """Counts of the shown statuses of ``states`` (each counted once)."""
    tally = dict.fromkeys(ORDER, 0)
    seen = set()
    for state in states:
        if state.id in seen:
            continue
        seen.add(state.id)
        tally[state.status] += 1
    total = sum(tally.values())
    counts = [
        StatusCount(status, n, 100 * n / total) for status, n in tally.items() if n
    ]
    return Summary(total, counts)


def counted(definition) -> bool:
    """Whether an indicator counts in a summary of how the strategy is doing:
    in use (a retired one says nothing of it any more) and published (a
    draft is not yet part of the monitoring)."""
    return definition.is_active and definition.is_published


def by_shown_name(states) -> list[IndicatorState]:
    """Sorted by the name as the active language shows it."""
    return sorted(states, key=lambda s: str(s.definition.name).casefold())


class StrategyOverview:
    """The states of a strategy's indicators that one visitor may see.

    Active, published indicators only (``counted``): a retired indicator no
    longer says anything about how the strategy is doing, and a draft is not
    yet part of it. A page that shows one focus area (``area``, its
    number) or the success factors (``factors``) loads only those indicators;
    ``trends`` loads the values the trend lines draw.
    """

    def __init__(
        self,
        strategy: Strategy,
        user,
        *,
        area: int | None = None,
        factors: bool = False,
        trends: bool = True,
    ):
        shown = (
            Indicator.objects.filter(strategy=strategy)
            .active()
            .published()
            .visible_to(user)
        )
        if area is not None:
            linked = Indicator.measures.through.objects.filter(
                measure__focus_area__strategy=strategy,
                measure__focus_area__number=area,
            )
            shown = shown.filter(pk__in=linked.values("indicator_id"))
        if factors:
            linked = Indicator.success_factors.through.objects
            shown = shown.filter(pk__in=linked.values("indicator_id"))
        self.states = by_shown_name(
            load_states(
                shown,
                factors=factors,
                trend_since=strategy.start_year - 1 if trends else None,
            )
        )
        self.by_area = defaultdict(list)
        self.by_measure = defaultdict(list)  # (area, order) → states
        self.by_factor = defaultdict(list)  # factor order → states
        for state in self.states:
            areas = set()
            for measure in state.definition.measures:
                self.by_measure[(measure.area, measure.order)].append(state)
                areas.add(measure.area)
            for number in areas:
                self.by_area[number].append(state)
            for factor in state.definition.factors:
                self.by_factor[factor.order].append(state)

    @property
    def summary(self) -> Summary:
        return summarise(self.states)

    def area_summary(self, number: int) -> Summary:
        return summarise(self.by_area.get(number, []))

    def factor_summary(self, order: int) -> Summary:
        return summarise(self.by_factor.get(order, []))

    def of_measure(self, area: int, order: int) -> list[IndicatorState]:
        return self.by_measure.get((area, order), [])

    @property
    def demo_shown(self) -> bool:
        """Whether any indicator loaded is example (demo) data."""
        return any(state.definition.is_demo for state in self.states)
