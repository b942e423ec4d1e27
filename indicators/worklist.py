"""The rows of /omat/: each indicator's texts and links, prepared once per row.

The page lists every indicator of the user's departments (hundreds for a
coordinator), so the per-row work is done here in plain Python: the labels are
translated once per page, the links reversed once per page, and the template
only prints the results.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from . import formatting
from .due import Due, DueState, due_state
from .state import IndicatorState

# A pk no real row has; it marks where the pk goes in a reversed URL.
_PK_MARK = "2147483647"


@dataclass(frozen=True)
class Row:
    state: IndicatorState
    due: Due
    name: str
    department: str
    url: str
    latest_value: str  # value with unit, "arvio", or "" with no reading
    latest_period: str
    computed_status: str  # the computed status when set by hand, else ""
    due_label: str
    due_period: str
    due_note: str
    record_url: str
    record_label: str
    update_url: str  # "" with no reading to correct
    update_label: str
    override_url: str  # "" when the user may not set the status

    @property
    def due_state(self) -> str:
        return self.due.state

    @property
    def internal(self) -> bool:
        return not self.state.definition.is_public

    @property
    def status(self):
        return self.state.status


def pk_url(name: str) -> Callable[[int], str]:
    """``reverse(name, args=[pk])`` for many pks, the pattern reversed once."""
    head, tail = reverse(name, args=[int(_PK_MARK)]).split(_PK_MARK)
    return lambda pk: f"{head}{pk}{tail}"


def due_of(state: IndicatorState, today: datetime.date) -> Due:
    """When the indicator's next reading is due (``due.due_state``)."""
    definition = state.definition
    return due_state(
        frequency=definition.frequency,
        latest=state.latest.period if state.latest else None,
        start_year=definition.strategy_start,
        today=today,
        active=definition.is_active,
    )


def worklist_rows(
    states: list[IndicatorState], *, today: datetime.date, can_override: bool
) -> list[Row]:
    """The rows of /omat/: overdue first, then due, then the rest; within
    each, the longest waiting first."""
    detail_url = pk_url("indicators:detail")
    record_url = pk_url("indicators:reading_create")
    update_url = pk_url("indicators:reading_update")
    override_url = pk_url("indicators:status_override")
    due_labels = {
        DueState.OVERDUE: _("Myöhässä"),
        DueState.DUE: _("Kirjattavana"),
        DueState.OK: _("Ajan tasalla"),
    }
    record_numeric, record_assessment = _("Kirjaa tulos"), _("Kirjaa arvio")
    record_period, correct_period = _("Kirjaa %(period)s"), _("Korjaa %(period)s")
    overdue_note, due_note = _("myöhässä %(date)s alkaen"), _("viimeistään %(date)s")
    next_note = _("seuraava %(period)s, kirjattavissa %(date)s alkaen")
    assessment, computed = _("arvio"), _("asetettu käsin; laskettu:")
    dates: dict[datetime.date, str] = {}  # most rows share a few dates

    def short_date(day: datetime.date) -> str:
        if day not in dates:
            dates[day] = formatting.short_date(day)
        return dates[day]

    dues = {state.id: due_of(state, today) for state in states}
    states = sorted(
        states,
        key=lambda s: (
            dues[s.id].urgency,
            dues[s.id].due_date or datetime.date.max,
            s.definition.name.fi.lower(),
        ),
    )
    rows = []
    for state in states:
        indicator, latest, due = state.definition, state.latest, dues[state.id]
        period = str(due.period) if due.period else ""
        if due.state == DueState.OVERDUE:
            note = overdue_note % {"date": short_date(due.overdue_date)}
        elif due.state == DueState.DUE:
            note = due_note % {"date": short_date(due.overdue_date)}
        elif due.period:
            note = next_note % {"period": period, "date": short_date(due.due_date)}
        else:
            note = ""
        if due.state != DueState.OK:
            record_label = record_period % {"period": period}
        elif indicator.is_numeric:
            record_label = record_numeric
        else:
            record_label = record_assessment
        if latest is None:
            value = latest_period = ""
        else:
            latest_period = str(latest.period)
            value = (
                indicator.value_text(latest.value)
                if indicator.is_numeric
                else assessment
            )
        rows.append(
            Row(
                state=state,
                due=due,
                name=str(indicator.name),
                department=str(indicator.department),
                url=detail_url(indicator.pk),
                latest_value=value,
                latest_period=latest_period,
                computed_status=(
                    f"{computed} {state.computed.label}" if state.overridden else ""
                ),
                due_label=due_labels[due.state],
                due_period=period,
                due_note=note,
                record_url=record_url(indicator.pk),
                record_label=record_label,
                update_url=update_url(latest.pk) if latest else "",
                update_label=(
                    correct_period % {"period": latest_period} if latest else ""
                ),
                override_url=override_url(indicator.pk) if can_override else "",
            )
        )
    return rows
