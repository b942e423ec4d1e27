"""The strategy's indicator data as it stood at the end of a cut-off date.

``build_snapshot(strategy, cutoff)`` returns plain JSON-able data (strings,
numbers, lists, dicts): a published report stores it and renders from it
forever after, whatever is recorded later.

"As it stood" is read from the change history (django-simple-history) of
indicators, annual targets and readings: for each row, the latest historical
version saved before the cut-off day ended. So readings recorded after the
cut-off are left out, a reading corrected after it shows its old value, and a
reading withdrawn after it still counts. Readings for periods that end after
the cut-off are left out too. Rows that have no history at all (loaded in bulk,
bypassing it) are taken as they are now if they were created by the cut-off.

Only public indicators appear: public at the cut-off and still public now.
Translatable texts are stored as ``{"fi": …, "en": …}`` pairs.
"""

import datetime
from collections import defaultdict
from decimal import Decimal
from types import SimpleNamespace

from django.apps import apps
from django.db.models import Exists, OuterRef
from django.utils import timezone

from indicators import status as rule
from indicators.models import AnnualTarget, Indicator, Reading
from strategy.models import Department, Measure, Strategy

SCHEMA = 1


def text(obj, field: str) -> dict:
    """A translatable text as stored in a snapshot."""
    return {"fi": getattr(obj, field) or "", "en": getattr(obj, f"{field}_en") or ""}


FOUR_PLACES = Decimal("0.0001")


def decimal_str(value: Decimal | None) -> str | None:
    """A value as text with the database's four decimals (planned values have more)."""
    return None if value is None else str(Decimal(value).quantize(FOUR_PLACES))


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
        Indicator.objects.filter(strategy=strategy, created_at__lt=end), history
    )
    public_now = set(
        Indicator.objects.filter(strategy=strategy, is_public=True).values_list(
            "id", flat=True
        )
    )
    return [row for row in [*rows, *live] if row.is_public and row.id in public_now]


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


def _reading_data(indicator, row: dict, targets: dict) -> dict:
    planned = (
        rule.planned_value(indicator, row["year"], targets)
        if indicator.kind == "numeric"
        else None
    )
    return {
        "year": row["year"],
        "part": row["part"],
        "period_end": row["period_end"].isoformat(),
        "value": decimal_str(row["value"]),
        "qualitative_status": row["qualitative_status"],
        "narrative": row["narrative"],
        "planned": decimal_str(planned),
    }


def _plan(indicator, targets: dict) -> list[dict]:
    """The planned value of each year from the baseline to the target (charts)."""
    if indicator.kind != "numeric":
        return []
    years = [*targets]
    years += [y for y in (indicator.baseline_year, indicator.target_year) if y]
    if len(years) < 2:
        return []
    plan = []
    for year in range(min(years), max(years) + 1):
        value = rule.planned_value(indicator, year, targets)
        if value is not None:
            plan.append({"year": year, "value": decimal_str(value)})
    return plan


def _indicator_data(indicator, readings, targets, departments, codes) -> dict:
    latest = readings[-1] if readings else None
    latest_ns = SimpleNamespace(**latest) if latest else None
    assessment = rule.assess(indicator, latest_ns, targets)
    shown = indicator.status_override or assessment.status
    return {
        "id": indicator.id,
        "name": text(indicator, "name"),
        "description": text(indicator, "description"),
        "kind": indicator.kind,
        "unit": text(indicator, "unit"),
        "decimals": indicator.decimals,
        "direction": indicator.direction,
        "frequency": indicator.frequency,
        "baseline_value": decimal_str(indicator.baseline_value),
        "baseline_year": indicator.baseline_year,
        "target_value": decimal_str(indicator.target_value),
        "target_year": indicator.target_year,
        "data_source": text(indicator, "data_source"),
        "source_url": indicator.source_url,
        "department": departments.get(indicator.department_id, {"fi": "", "en": ""}),
        "measures": codes,
        "is_demo": indicator.is_demo,
        "annual_targets": [
            {"year": year, "value": decimal_str(value)}
            for year, value in sorted(targets.items())
        ],
        "readings": [_reading_data(indicator, row, targets) for row in readings],
        "plan": _plan(indicator, targets),
        "computed_status": str(assessment.status.value),
        "status": str(shown),
        "override_justification": indicator.override_justification
        if indicator.status_override
        else "",
        "planned": decimal_str(assessment.planned),
    }


def build_snapshot(strategy: Strategy, cutoff: datetime.date) -> dict:
    """Everything the report shows about indicators, as of the end of ``cutoff``."""
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
    departments = {d.pk: text(d, "name") for d in Department.objects.all()}
    measures = {
        m.pk: m
        for m in Measure.objects.filter(focus_area__strategy=strategy).select_related(
            "focus_area"
        )
    }
    focus_areas = list(strategy.focus_areas.all())
    factors = list(strategy.success_factors.all())

    by_area = defaultdict(list)
    data = []
    for indicator in indicators:
        linked = sorted(
            (measures[m] for m in measure_links[indicator.id] if m in measures),
            key=lambda m: (m.focus_area.number, m.order),
        )
        item = _indicator_data(
            indicator,
            readings[indicator.id],
            targets[indicator.id],
            departments,
            [m.code for m in linked],
        )
        item["is_demo"] = indicator.is_demo or indicator.id in is_demo_now
        data.append(item)
        first = {}
        for m in linked:
            first.setdefault(m.focus_area.number, (m.order, indicator.name.lower()))
        for number, key in first.items():
            by_area[number].append((key, indicator.id))
    data.sort(key=lambda item: item["name"]["fi"].lower())
    status_of = {item["id"]: item["status"] for item in data}

    areas = []
    for area in focus_areas:
        ids_here = [pk for _key, pk in sorted(by_area[area.number])]
        counts = dict.fromkeys((str(s.value) for s in rule.ORDER), 0)
        for pk in ids_here:
            counts[status_of[pk]] += 1
        areas.append(
            {
                "number": area.number,
                "short_title": text(area, "short_title"),
                "lead": text(area, "lead"),
                "indicators": ids_here,
                "counts": counts,
            }
        )
    names = {item["id"]: item["name"]["fi"].lower() for item in data}
    return {
        "schema": SCHEMA,
        "cutoff": cutoff.isoformat(),
        "strategy": {
            "municipality": text(strategy, "municipality"),
            "title": text(strategy, "title"),
            "start_year": strategy.start_year,
            "end_year": strategy.end_year,
        },
        "rule": {
            "on_track_slack": str(rule.ON_TRACK_SLACK),
            "at_risk_slack": str(rule.AT_RISK_SLACK),
            "hold_on_track_slack": str(rule.HOLD_ON_TRACK_SLACK),
            "hold_at_risk_slack": str(rule.HOLD_AT_RISK_SLACK),
        },
        "focus_areas": areas,
        "success_factors": [
            {
                "order": factor.order,
                "text": text(factor, "text"),
                "indicators": sorted(
                    (i for i in ids if factor.pk in factor_links[i]),
                    key=lambda i: names[i],
                ),
            }
            for factor in factors
        ],
        "indicators": data,
        "is_demo": any(item["is_demo"] for item in data),
        "late_readings": _late_readings(ids, cutoff, readings),
    }


def _late_readings(ids: list[int], cutoff: datetime.date, readings: dict) -> int:
    """Valid readings for periods up to the cut-off that were recorded after it.

    Shown on a draft, so that the mayor's office sees what the cut-off leaves out.
    """
    included = {row["id"] for rows in readings.values() for row in rows}
    now = Reading.objects.valid().filter(indicator_id__in=ids, period_end__lte=cutoff)
    return sum(1 for pk in now.values_list("id", flat=True) if pk not in included)
