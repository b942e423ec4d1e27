"""Indicator states as they stood at the end of a cut-off date.

``states_as_of(strategy, cutoff)`` builds the states of the strategy's public
indicators (``indicators/state.py``, the same ``build_state`` the live pages
use) from the change history (django-simple-history) of indicators, their
measure and success factor links, annual targets and readings: for each row,
the latest historical version saved before the cut-off day ended. So readings
recorded after the cut-off are left out, a reading corrected after it shows
its old value, and a reading withdrawn after it still counts. Readings for
periods that end after the cut-off are left out too. Rows that have no history
at all (loaded in bulk, bypassing it) are taken as they are now if they were
created by the cut-off.

Only public indicators appear: public and published (not a draft) at the
cut-off and still so now (``models.publicly_visible``).
The mid-term report freezes these states when it is published.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, replace

from django.apps import apps
from django.db.models import Exists, OuterRef
from django.utils import timezone

from strategy.i18n import Text
from strategy.models import Department, Measure, Strategy, SuccessFactor

from .loading import definition_of
from .models import AnnualTarget, Indicator, Reading, publicly_visible
from .periods import Period
from .state import FactorRef, IndicatorState, MeasureRef, RawReading, build_state


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The first moment after ``day`` in the site's time zone."""
    next_day = day + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(next_day, datetime.time()))


def _latest_versions(history_rows) -> list:
    """The last of each object's versions (rows ordered oldest first), not deleted.

    Done in Python rather than with ``latest_of_each()``: that keeps two versions
    of an object saved with the same timestamp.
    """
    latest = {}
    for row in history_rows:
        latest[row["id"] if isinstance(row, dict) else row.id] = row
    return [
        row
        for row in latest.values()
        if (row["history_type"] if isinstance(row, dict) else row.history_type) != "-"
    ]


def _without_history(queryset, history_model):
    return queryset.filter(~Exists(history_model.objects.filter(id=OuterRef("pk"))))


def indicators_as_of(strategy: Strategy, end: datetime.datetime) -> list:
    """Versions of the strategy's public indicators as they were before ``end``."""
    history = Indicator.history.model
    rows = _latest_versions(
        history.objects.filter(strategy_id=strategy.pk, history_date__lt=end).order_by(
            "id", "history_date", "history_id"
        )
    )
    live = _without_history(
        Indicator.objects.filter(strategy=strategy, created_at__lt=end).public(),
        history,
    )
    # The versions that were public and published (not drafts): the same
    # rule as the live pages', applied to the historical rows.
    public_then = set(
        history.objects.filter(strategy_id=strategy.pk, history_date__lt=end)
        .filter(publicly_visible())
        .values_list("history_id", flat=True)
    )
    public_now = set(
        Indicator.objects.filter(strategy=strategy)
        .public()
        .values_list("id", flat=True)
    )
    return [
        row
        for row in [*[r for r in rows if r.history_id in public_then], *live]
        if row.id in public_now
    ]


def _links_as_of(indicators: list, field: str, target: str) -> dict[int, set[int]]:
    """Indicator id → ids of its measures or success factors at the version used."""
    links = defaultdict(set)
    versions = {
        row.history_id: row.id for row in indicators if hasattr(row, "history_id")
    }
    if versions:
        m2m = apps.get_model("indicators", f"HistoricalIndicator_{field}")
        pairs = m2m.objects.filter(history_id__in=versions).values_list(
            "history_id", f"{target}_id"
        )
        for history_id, target_id in pairs:
            links[versions[history_id]].add(target_id)
    live = [row.id for row in indicators if not hasattr(row, "history_id")]
    if live:
        through = getattr(Indicator, field).through
        pairs = through.objects.filter(indicator_id__in=live).values_list(
            "indicator_id", f"{target}_id"
        )
        for indicator_id, target_id in pairs:
            links[indicator_id].add(target_id)
    return links


def targets_as_of(ids: list[int], end: datetime.datetime) -> dict[int, dict]:
    """Indicator id → {year: Decimal} of annual targets before ``end``."""
    history = AnnualTarget.history.model
    rows = _latest_versions(
        history.objects.filter(indicator_id__in=ids, history_date__lt=end)
        .order_by("id", "history_date", "history_id")
        .values("id", "history_type", "indicator_id", "year", "value")
    )
    rows += list(
        _without_history(
            AnnualTarget.objects.filter(indicator_id__in=ids), history
        ).values("id", "indicator_id", "year", "value")
    )
    targets = defaultdict(dict)
    for row in rows:
        targets[row["indicator_id"]][row["year"]] = row["value"]
    return targets


READING_FIELDS = [
    "id",
    "indicator_id",
    "year",
    "part",
    "period_end",
    "value",
    "qualitative_status",
    "narrative",
    "narrative_en",
    "evidence",
    "preliminary",
    "withdrawn_at",
]


def readings_as_of(
    ids: list[int], cutoff: datetime.date, end: datetime.datetime
) -> dict[int, list[dict]]:
    """Indicator id → its valid readings as they stood before ``end``, oldest first."""
    history = Reading.history.model
    rows = _latest_versions(
        history.objects.filter(indicator_id__in=ids, history_date__lt=end)
        .order_by("id", "history_date", "history_id")
        .values("history_type", *READING_FIELDS)
    )
    rows += list(
        _without_history(
            Reading.objects.filter(indicator_id__in=ids, created_at__lt=end), history
        ).values(*READING_FIELDS)
    )
    readings = defaultdict(list)
    for row in rows:
        withdrawn = row["withdrawn_at"] is not None and row["withdrawn_at"] < end
        if not withdrawn and row["period_end"] <= cutoff:
            readings[row["indicator_id"]].append(row)
    for rows_of_one in readings.values():
        rows_of_one.sort(key=lambda row: row["period_end"])
    return readings


def _raw(row: dict) -> RawReading:
    return RawReading(
        id=row["id"],
        year=row["year"],
        part=row["part"],
        value=row["value"],
        assessed=row["qualitative_status"],
        narrative=Text(row["narrative"], row["narrative_en"]),
        evidence=row["evidence"],
        preliminary=row["preliminary"],
    )


@dataclass(frozen=True)
class LateReading:
    """A reading for a period up to the cut-off that was recorded after it."""

    indicator_id: int
    name: Text
    period: str


@dataclass
class AsOf:
    """The public indicators' states as of a cut-off, and what the cut-off
    leaves out (shown on a report's draft, so the office sees it)."""

    states: list[IndicatorState]
    late: list[LateReading]


def states_as_of(strategy: Strategy, cutoff: datetime.date) -> AsOf:
    end = end_of_day(cutoff)
    indicators = indicators_as_of(strategy, end)
    ids = [row.id for row in indicators]
    is_demo_now = set(
        Indicator.objects.filter(id__in=ids, is_demo=True).values_list("id", flat=True)
    )
    measure_links = _links_as_of(indicators, "measures", "measure")
    factor_links = _links_as_of(indicators, "success_factors", "successfactor")
    targets = targets_as_of(ids, end)
    readings = readings_as_of(ids, cutoff, end)
    departments = {d.pk: d for d in Department.objects.all()}
    measures = {
        m.pk: MeasureRef(
            m.focus_area.number,
            m.order,
            Text.of(m, "text"),
            Text.of(m.focus_area, "short_title"),
        )
        for m in Measure.objects.filter(focus_area__strategy=strategy).select_related(
            "focus_area"
        )
    }
    factors = {
        f.pk: FactorRef(f.order, Text.of(f, "text"))
        for f in SuccessFactor.objects.filter(strategy=strategy)
    }
    states = []
    for indicator in indicators:
        definition = definition_of(
            indicator,
            years=(strategy.start_year, strategy.end_year),
            department=departments.get(indicator.department_id),
            measures=sorted(
                (measures[m] for m in measure_links[indicator.id] if m in measures),
                key=lambda m: (m.area, m.order),
            ),
            factors=sorted(
                (factors[f] for f in factor_links[indicator.id] if f in factors),
                key=lambda f: f.order,
            ),
        )
        if indicator.id in is_demo_now:  # marked as example data since
            definition = replace(definition, is_demo=True)
        raws = [_raw(row) for row in readings[indicator.id]]
        states.append(
            build_state(
                definition,
                targets=targets[indicator.id],
                readings=raws,
                override=indicator.status_override,
                override_justification=indicator.override_justification,
            )
        )
    return AsOf(states, _late_readings(states, ids, cutoff))


def _late_readings(states, ids: list[int], cutoff: datetime.date) -> list:
    """Valid readings for periods up to the cut-off that were recorded after it."""
    included = {r.id for state in states for r in state.readings}
    names = {state.id: state.definition.name for state in states}
    frequency = {state.id: state.definition.frequency for state in states}
    late = []
    rows = (
        Reading.objects.valid()
        .filter(indicator_id__in=ids, period_end__lte=cutoff)
        .order_by("indicator__name", "period_end")
        .values_list("id", "indicator_id", "year", "part")
    )
    for pk, indicator_id, year, part in rows:
        if pk not in included:
            period = Period(frequency[indicator_id], year, part).label()
            late.append(LateReading(indicator_id, names[indicator_id], period))
    return late
