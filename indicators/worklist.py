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
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .due import DueState
from .progress import Progress
from .templatetags.indicator_tags import reading_value

# A pk no real row has; it marks where the pk goes in a reversed URL.
_PK_MARK = "2147483647"


@dataclass(frozen=True)
class Row:
    progress: Progress
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
        return self.progress.due.state

    @property
    def internal(self) -> bool:
        return not self.progress.indicator.is_public

    @property
    def status(self):
        return self.progress.status


def pk_url(name: str) -> Callable[[int], str]:
    """``reverse(name, args=[pk])`` for many pks, the pattern reversed once."""
    head, tail = reverse(name, args=[int(_PK_MARK)]).split(_PK_MARK)
    return lambda pk: f"{head}{pk}{tail}"


def worklist_rows(progresses: list[Progress], *, can_override: bool) -> list[Row]:
    """The rows of /omat/ for ``progresses``, in their order."""
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
            dates[day] = date_format(day, "SHORT_DATE_FORMAT")
        return dates[day]

    rows = []
    for p in progresses:
        indicator, latest, due = p.indicator, p.latest, p.due
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
                reading_value(indicator, latest.value)
                if indicator.is_numeric
                else assessment
            )
        rows.append(
            Row(
                progress=p,
                name=indicator.name_i18n,
                department=indicator.department.name_i18n,
                url=detail_url(indicator.pk),
                latest_value=value,
                latest_period=latest_period,
                computed_status=(
                    f"{computed} {p.assessment.status.label}"
                    if indicator.status_override
                    else ""
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
