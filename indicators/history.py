"""The change history of one indicator as rows people can read.

django-simple-history keeps a row for every save of an indicator, an annual
target and a reading. ``indicator_changes`` turns those rows into "who, when,
what: old → new", newest first, in a fixed number of queries however long the
history is. The fragment ``indicators/includes/history.html`` renders them::

    {% include "indicators/includes/history.html" with changes=changes %}

with ``changes = indicator_changes(indicator)`` in the view (logged-in users
only: the history names the staff who made each change).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext, pgettext

from strategy.models import Department, Measure, Strategy, SuccessFactor

from . import formatting, numbers, periods
from .models import AnnualTarget, Indicator, Reading

# Bookkeeping that changes with every save and says nothing to a reader.
HIDDEN_FIELDS = {
    Indicator: {"id", "created_at", "updated_at"},
    AnnualTarget: {"id", "indicator"},
    Reading: {
        "id",
        "indicator",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "lock_version",
        "corrected_at",  # the change itself says so
    },
}
# Shown for a newly added object: the fields that make it what it is.
CREATION_FIELDS = {
    Indicator: [],  # the page itself shows the definition
    AnnualTarget: ["value"],
    Reading: ["value", "preliminary", "qualitative_status", "narrative", "evidence"],
}
M2M_FIELDS = ["measures", "success_factors"]


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class _Raw:
    """A field's old and new stored value, before they are turned into text."""

    model: type
    name: str
    old: object
    new: object


@dataclass
class Change:
    when: datetime.datetime
    who: object | None  # the user, or None for changes made outside a request
    subject: str  # "Mittari", "Vuositavoite 2026", "Tulos 2025"
    action: str  # "lisätty", "muutettu", "peruttu", "poistettu"
    fields: list = field(default_factory=list)  # FieldChange rows
    reason: str = ""
    reason_label: str = ""  # "Perustelu", or a reading's "Korjauksen syy"
    sort_key: tuple = ()


def indicator_changes(indicator: Indicator) -> list[Change]:
    """Every recorded change to ``indicator``, its targets and its readings.

    Queries: the three history tables (with their users), the two many-to-many
    history tables, and at most one lookup per kind of related object that a
    change names (departments, strategies, measures, success factors).
    """
    lookups = _Lookups(decimals=indicator.decimals)
    rows = []
    indicator_records = list(
        Indicator.history.filter(id=indicator.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    m2m = _m2m_sets(indicator)
    rows += _changes_of(Indicator, indicator_records, indicator, m2m)
    rows += _changes_of(AnnualTarget, _records(AnnualTarget, indicator), indicator)
    rows += _changes_of(Reading, _records(Reading, indicator), indicator)
    for change in rows:
        for raw in change.fields:
            lookups.want(raw.name, raw.old)
            lookups.want(raw.name, raw.new)
    lookups.resolve()
    for change in rows:
        change.fields = [lookups.finish(raw) for raw in change.fields]
    rows.sort(key=lambda c: c.sort_key, reverse=True)
    return rows


def _records(model, indicator: Indicator) -> list:
    return list(
        model.history.filter(indicator_id=indicator.pk)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )


def _m2m_sets(indicator: Indicator) -> dict[str, dict[int, set[int]]]:
    """For each many-to-many field: history row id → the related ids then."""
    history_model = Indicator.history.model
    sets = {}
    for name in M2M_FIELDS:
        through = history_model._meta.get_field(
            f"historicalindicator_{name}"
        ).related_model
        target = Indicator._meta.get_field(name).m2m_reverse_field_name()
        by_record = defaultdict(set)
        for record_id, related_id in through.objects.filter(
            history__id=indicator.pk
        ).values_list("history_id", target):
            by_record[record_id].add(related_id)
        sets[name] = by_record
    return sets


def _changes_of(model, records, indicator: Indicator, m2m=None) -> list[Change]:
    hidden = HIDDEN_FIELDS[model] | set(M2M_FIELDS)
    field_order = [f.name for f in model._meta.get_fields()]
    changes = []
    previous = None
    for record in records:
        if previous is not None and previous.id != record.id:
            previous = None
        reason = record.history_change_reason or ""
        if model is Indicator and reason == record.override_justification:
            reason = ""  # the justification is shown as a changed field
        change = Change(
            when=record.history_date,
            who=record.history_user,
            subject=_subject(model, record, indicator),
            action=_action(record, previous),
            reason=reason,
            reason_label=(
                gettext("Korjauksen syy") if model is Reading else gettext("Perustelu")
            ),
            sort_key=(record.history_date, model.__name__, record.history_id),
        )
        if previous is None:
            names = CREATION_FIELDS[model] if record.history_type == "+" else []
            for name in names:
                value = getattr(record, name)
                if value not in (None, "", False):
                    change.fields.append(_Raw(model, name, None, value))
        else:
            delta = record.diff_against(previous, excluded_fields=hidden)
            for item in delta.changes:
                change.fields.append(_Raw(model, item.field, item.old, item.new))
            if m2m is not None:
                for name in M2M_FIELDS:
                    old = m2m[name].get(previous.history_id, set())
                    new = m2m[name].get(record.history_id, set())
                    if old != new:
                        change.fields.append(_Raw(model, name, old, new))
        change.fields.sort(key=lambda raw: field_order.index(raw.name))
        if change.fields or change.reason or record.history_type != "~":
            changes.append(change)
        previous = record
    return changes


def _subject(model, record, indicator: Indicator) -> str:
    if model is Indicator:
        return gettext("Mittari")
    if model is AnnualTarget:
        return gettext("Vuositavoite %(year)s") % {"year": record.year}
    period = periods.Period(indicator.frequency, record.year, record.part)
    return gettext("Tulos %(period)s") % {"period": period.label()}


def _action(record, previous) -> str:
    if record.history_type == "+":
        return pgettext("history", "lisätty")
    if record.history_type == "-":
        return pgettext("history", "poistettu")
    withdrawn_now = getattr(record, "withdrawn_at", None) is not None
    if (
        withdrawn_now
        and previous is not None
        and getattr(previous, "withdrawn_at", None) is None
    ):
        return pgettext("history", "peruttu")
    return pgettext("history", "muutettu")


class _Lookups:
    """Names of related objects that changes mention, one query per model."""

    TARGETS = {
        "department": Department,
        "strategy": Strategy,
        "measures": Measure,
        "success_factors": SuccessFactor,
    }

    def __init__(self, decimals: int) -> None:
        self.decimals = decimals  # the indicator's, for its values and targets
        self.wanted: dict[str, set] = defaultdict(set)
        self.found: dict[str, dict] = {}

    def want(self, name: str, value) -> None:
        if name in self.TARGETS and value not in (None, ""):
            if isinstance(value, set):
                self.wanted[name] |= value
            else:
                self.wanted[name].add(value)

    def resolve(self) -> None:
        for name, ids in self.wanted.items():
            model = self.TARGETS[name]
            queryset = model.objects.filter(pk__in=ids)
            if model is Measure:
                queryset = queryset.select_related("focus_area")
            self.found[name] = {obj.pk: obj for obj in queryset}

    def finish(self, raw: _Raw) -> FieldChange:
        field_ = raw.model._meta.get_field(raw.name)
        return FieldChange(
            label=str(field_.verbose_name),
            old=self.text(field_, raw.old),
            new=self.text(field_, raw.new),
        )

    def text(self, field_, value) -> str:
        if value is None or value == "" or value == set():
            return "–"
        name = field_.name
        if name in self.TARGETS:
            found = self.found.get(name, {})
            if isinstance(value, set):
                labels = [_related_label(found.get(pk), pk) for pk in value]
                return ", ".join(sorted(labels))
            return _related_label(found.get(value), value)
        if field_.choices:
            return str(dict(field_.flatchoices).get(value, value))
        if isinstance(value, bool):
            return gettext("kyllä") if value else gettext("ei")
        if isinstance(value, Decimal):
            # Every digit that was stored, and at least the indicator's decimals.
            places = max(self.decimals, numbers.decimal_places(value))
            return formatting.number(value, places)
        if isinstance(value, datetime.datetime):
            return formatting.date_time(value)
        if isinstance(value, int):
            return str(value)  # years and counts: never "2 024"
        return str(value)


def _related_label(obj, pk) -> str:
    if obj is None:
        return gettext("(poistettu, tunniste %(id)s)") % {"id": pk}
    if isinstance(obj, Measure):
        return f"{obj.focus_area.number}.{obj.order}"
    return str(obj)
