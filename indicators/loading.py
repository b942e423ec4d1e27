"""Indicator states from live rows, in a fixed number of queries.

``load_states`` turns a queryset of indicators into their states
(``indicators/state.py``) whatever the number of indicators or readings:

1. the indicators with their departments and strategy periods;
2. each one's latest valid reading (or, with ``readings``, every valid
   reading: an indicator's own page);
3. the annual targets;
4. the measures they are linked to (with the focus areas' numbers), unless
   ``measures=False`` (the staff's worklist shows none);
5. with ``factors``, the success factors they are linked to;
6. without ``readings``, for indicators judged on a year's readings (the
   status basis, ``status.assess_on_basis``), those readings;
7. with ``trend_since``, the numeric values since that year as floats (the
   trend lines of the overview pages).

Views call this (or ``overview.StrategyOverview``, built on it); templates only
format what they are given.
"""

import datetime
from collections import defaultdict
from types import SimpleNamespace

from django.db import connection
from django.db.models import F, OuterRef, QuerySet, Subquery

from strategy.i18n import Text
from strategy.models import User

from .choices import Basis
from .models import AnnualTarget, Indicator, Reading
from .state import (
    ContactRef,
    Definition,
    FactorRef,
    IndicatorState,
    MeasureRef,
    RawReading,
    TrendPoint,
    build_state,
)

READING_FIELDS = (
    "id",
    "indicator_id",
    "year",
    "part",
    "value",
    "qualitative_status",
    "narrative",
    "narrative_en",
    "evidence",
    "updated_at",
    "preliminary",
    "corrected_at",
)


def raw_reading(row) -> RawReading:
    """A reading from a ``READING_FIELDS`` values row."""
    (
        pk,
        _indicator_id,
        year,
        part,
        value,
        assessed,
        narrative,
        narrative_en,
        evidence,
        updated,
        preliminary,
        corrected,
    ) = row
    return RawReading(
        id=pk,
        year=year,
        part=part,
        value=value,
        assessed=assessed,
        narrative=Text(narrative, narrative_en),
        evidence=evidence,
        updated_at=updated,
        preliminary=preliminary,
        corrected_at=corrected,
    )


def contact_of(person) -> ContactRef | None:
    """A ``ContactPerson`` row as a state shows it (None for none)."""
    if person is None:
        return None
    return ContactRef(person.name, Text.of(person, "title"), person.email)


def definition_of(
    indicator,
    *,
    years=(None, None),
    department=None,
    measures=(),
    factors=(),
    contact=None,
    responsible="",
) -> Definition:
    """The definition of an indicator row (live or historical)."""
    return Definition(
        id=indicator.id,
        name=Text.of(indicator, "name"),
        kind=indicator.kind,
        description=Text.of(indicator, "description"),
        unit=Text.of(indicator, "unit"),
        decimals=indicator.decimals,
        direction=indicator.direction,
        frequency=indicator.frequency,
        status_basis=indicator.status_basis,
        baseline_value=indicator.baseline_value,
        baseline_year=indicator.baseline_year,
        target_value=indicator.target_value,
        target_year=indicator.target_year,
        data_source=Text.of(indicator, "data_source"),
        source_url=indicator.source_url,
        external_id=indicator.external_id,
        department=Text.of(department, "name") if department else Text(),
        department_id=indicator.department_id,
        measures=tuple(measures),
        factors=tuple(factors),
        is_public=indicator.is_public,
        is_active=indicator.is_active,
        is_demo=indicator.is_demo,
        is_published=indicator.published_at is not None,
        strategy_start=years[0],
        strategy_end=years[1],
        updated_at=indicator.updated_at,
        contact=contact,
        responsible=responsible,
    )


# What a state reads of an indicator's row (``definition_of``, ``build_state``).
INDICATOR_FIELDS = (
    "id",
    "name",
    "name_en",
    "kind",
    "description",
    "description_en",
    "unit",
    "unit_en",
    "decimals",
    "direction",
    "frequency",
    "status_basis",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
    "data_source",
    "data_source_en",
    "source_url",
    "external_id",
    "department_id",
    "is_public",
    "is_active",
    "is_demo",
    "published_at",
    "updated_at",
    "status_override",
    "override_justification",
)


def indicator_rows(queryset: QuerySet[Indicator]) -> list[SimpleNamespace]:
    """``queryset``'s indicators as plain rows, in its order, with what their
    definitions name of their department, contact and responsible person.

    One query, and plain rows rather than four model instances each (the
    indicator and its three related rows): a page lists hundreds. The
    strategy's period comes as two numbers, not its row: a strategy's texts
    (vision, mission …) would come along with every indicator.
    """
    related = {
        "strategy_start": F("strategy__start_year"),
        "strategy_end": F("strategy__end_year"),
        "department_name": F("department__name"),
        "department_name_en": F("department__name_en"),
        "contact_name": F("contact__name"),
        "contact_title": F("contact__title"),
        "contact_title_en": F("contact__title_en"),
        "contact_email": F("contact__email"),
        "responsible_username": F("responsible__username"),
        "responsible_first_name": F("responsible__first_name"),
        "responsible_last_name": F("responsible__last_name"),
    }
    rows = []
    for values in queryset.values(*INDICATOR_FIELDS, **related):
        row = SimpleNamespace(**values)
        row.department = SimpleNamespace(
            name=row.department_name, name_en=row.department_name_en
        )
        row.contact = None
        if row.contact_name is not None:
            row.contact = SimpleNamespace(
                name=row.contact_name,
                title=row.contact_title,
                title_en=row.contact_title_en,
                email=row.contact_email,
            )
        row.responsible = ""
        if row.responsible_username is not None:
            # The user model's own words for a person (full name or username).
            row.responsible = str(
                User(
                    username=row.responsible_username,
                    first_name=row.responsible_first_name,
                    last_name=row.responsible_last_name,
                )
            )
        rows.append(row)
    return rows


# Up to this many indicators, the later queries name them by id; more, and by
# the page's own filter as a subquery. The ORM checks and converts each id of
# a list on every query, while a subquery costs about the same to compile
# whatever its size: measured over bench/pages.py's data, more than a list of
# 43 or 91 ids when it joins a focus area's measures, a third of a list of 270.
MANY_IDS = 150


def selection(queryset: QuerySet[Indicator], ids: list[int]):
    """What the later queries select the loaded indicators by (``MANY_IDS``)."""
    return ids if len(ids) <= MANY_IDS else queryset.order_by().values("pk")


def latest_readings(ids) -> dict[int, RawReading]:
    """Indicator id → its latest valid reading, in one query.

    A correlated subquery per indicator walks the (indicator, period_end)
    index backwards and stops at the first row; a window over every reading
    measured several times slower at 36 000 readings (bench/pages.py).
    """
    latest_pk = (
        Reading.objects.valid()
        .filter(indicator=OuterRef("pk"))
        .order_by("-period_end")
        .values("pk")[:1]
    )
    pks = Indicator.objects.filter(pk__in=ids).annotate(latest=Subquery(latest_pk))
    rows = Reading.objects.filter(pk__in=pks.values("latest")).values_list(
        *READING_FIELDS
    )
    return {row[1]: raw_reading(row) for row in rows}


def annual_targets(ids) -> dict[int, dict]:
    targets = defaultdict(dict)
    rows = AnnualTarget.objects.filter(indicator_id__in=ids).values_list(
        "indicator_id", "year", "value"
    )
    exact = value_converter(AnnualTarget)
    for indicator_id, year, value in fetch(rows):
        targets[indicator_id][year] = exact(value)
    return targets


def measure_links(ids) -> dict[int, list[MeasureRef]]:
    links = defaultdict(list)
    rows = (
        Indicator.measures.through.objects.filter(indicator_id__in=ids)
        .order_by("measure__focus_area__number", "measure__order")
        .values_list(
            "indicator_id",
            "measure__focus_area__number",
            "measure__order",
            "measure__text",
            "measure__text_en",
            "measure__focus_area__short_title",
            "measure__focus_area__short_title_en",
        )
    )
    for indicator_id, area, order, text, text_en, title, title_en in rows:
        links[indicator_id].append(
            MeasureRef(area, order, Text(text, text_en), Text(title, title_en))
        )
    return links


def factor_links(ids) -> dict[int, list[FactorRef]]:
    links = defaultdict(list)
    rows = (
        Indicator.success_factors.through.objects.filter(indicator_id__in=ids)
        .order_by("successfactor__order")
        .values_list(
            "indicator_id",
            "successfactor__order",
            "successfactor__text",
            "successfactor__text_en",
        )
    )
    for indicator_id, order, text, text_en in rows:
        links[indicator_id].append(FactorRef(order, Text(text, text_en)))
    return links


def all_readings(ids) -> dict[int, list[RawReading]]:
    readings = defaultdict(list)
    rows = (
        Reading.objects.valid()
        .filter(indicator_id__in=ids)
        .order_by("indicator_id", "period_end")
        .values_list(*READING_FIELDS)
    )
    for row in rows:
        readings[row[1]].append(raw_reading(row))
    return readings


def basis_windows(latest: dict[int, RawReading]) -> dict[int, list[RawReading]]:
    """For indicators judged on a year's readings (``Basis``), the readings of
    the year up to their latest, oldest first, the latest itself as loaded:
    one query from the earliest such window on. Only what the rule reads
    (period and value): a page of hundreds of monthly indicators reads
    thousands of them.
    """
    if not latest:
        return {}
    since = min(
        datetime.date(r.year - 1, max(r.part, 1) if r.part else 1, 1)
        for r in latest.values()
    )
    windows = defaultdict(list)
    rows = (
        Reading.objects.valid()
        .filter(indicator_id__in=list(latest), period_end__gte=since)
        .order_by("indicator_id", "period_end")
        .values_list("id", "indicator_id", "year", "part", "value")
    )
    exact = value_converter(Reading)
    for pk, indicator_id, year, part, value in fetch(rows):
        if pk == latest[indicator_id].id:
            windows[indicator_id].append(latest[indicator_id])
        else:
            windows[indicator_id].append(RawReading(pk, year, part, value=exact(value)))
    return windows


def fetch(rows: QuerySet) -> list[tuple]:
    """A ``values_list`` query's rows straight from the database cursor, past
    the ORM's per-row converters: pages read thousands of readings, and the
    ORM's machinery for each row cost as much as the query (the caller
    converts the one column that needs it, ``value_converter``)."""
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def value_converter(model):
    """A function that turns ``model``'s ``value``, as the database cursor
    gives it, into the Decimal the ORM would give (the database backend's own
    converters; none where the driver already gives Decimals)."""
    field = model._meta.get_field("value")
    column = field.get_col(model._meta.db_table)
    converters = connection.ops.get_db_converters(column) + field.get_db_converters(
        connection
    )

    def exact(value):
        for converter in converters:
            value = converter(value, column, connection)
        return value

    return exact


def trend_points(ids, since_year: int) -> dict[int, list[TrendPoint]]:
    """Numeric values since ``since_year`` (a range of the (indicator,
    period_end) index), as floats: a line drawing needs no exact figures.

    The rows come straight from the database cursor, past Django's per-row
    converters: a list of hundreds of monthly indicators draws tens of
    thousands of points, and converting each cost more than the query.
    """
    points = defaultdict(list)
    rows = (
        Reading.objects.valid()
        .filter(
            indicator_id__in=ids,
            value__isnull=False,
            period_end__gte=datetime.date(since_year, 1, 1),
        )
        .order_by("indicator_id", "period_end")
        .values_list("indicator_id", "year", "part", "value")
    )
    for indicator_id, year, part, value in fetch(rows):
        points[indicator_id].append(TrendPoint(year, part, float(value)))
    return points


def load_states(
    queryset: QuerySet[Indicator],
    *,
    readings: bool = False,
    trend_since: int | None = None,
    factors: bool = False,
    measures: bool = True,
) -> list[IndicatorState]:
    """States of ``queryset``'s indicators, in its order (see the docstring)."""
    indicators = indicator_rows(queryset)
    if not indicators:
        return []
    ids = selection(queryset, [i.id for i in indicators])
    listed = all_readings(ids) if readings else {}
    # With every reading loaded, the latest is the last of them.
    latest = (
        {pk: rows[-1] for pk, rows in listed.items()}
        if readings
        else latest_readings(ids)
    )
    targets = annual_targets(ids)
    measure_refs = measure_links(ids) if measures else {}
    factor_refs = factor_links(ids) if factors else {}
    trends = trend_points(ids, trend_since) if trend_since is not None else {}
    definitions = {
        indicator.id: definition_of(
            indicator,
            years=(indicator.strategy_start, indicator.strategy_end),
            department=indicator.department,
            measures=measure_refs.get(indicator.id, ()),
            factors=factor_refs.get(indicator.id, ()),
            contact=contact_of(indicator.contact),
            responsible=indicator.responsible,
        )
        for indicator in indicators
    }
    windows = {}
    if not readings:
        windows = basis_windows(
            {
                pk: latest[pk]
                for pk, d in definitions.items()
                if d.basis != Basis.LATEST and pk in latest
            }
        )
    states = []
    for indicator in indicators:
        pk = indicator.id
        found = (
            listed.get(pk) or windows.get(pk) or ([latest[pk]] if pk in latest else [])
        )
        state = build_state(
            definitions[pk],
            targets=targets.get(pk, {}),
            readings=found,
            keep_readings=readings,
            override=indicator.status_override,
            override_justification=indicator.override_justification,
        )
        if trend_since is not None:
            state = state.with_trend(trends.get(pk, ()))
        states.append(state)
    return states


def load_state(queryset: QuerySet[Indicator], pk: int) -> IndicatorState | None:
    """One indicator's full state (every reading, its success factors)."""
    states = load_states(queryset.filter(pk=pk), readings=True, factors=True)
    return states[0] if states else None
