"""When an indicator's next reading is due, and when it is overdue.

An indicator is *due* once the period after its latest reading has ended (the
figure for that period can now be known), and *overdue* a grace period later
(``settings.INDICATOR_GRACE_DAYS``): statistics take time to publish. With no
reading at all, or with readings only from before the strategy period, the
first period of the strategy's first year is the one awaited. Retired
indicators are never due.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .periods import Period, first_period


class DueState(models.TextChoices):
    OVERDUE = "overdue", _("myöhässä")
    DUE = "due", _("kirjattavana")
    OK = "ok", _("ajan tasalla")


# Order on /omat/: overdue first.
URGENCY = {DueState.OVERDUE: 0, DueState.DUE: 1, DueState.OK: 2}


@dataclass(frozen=True)
class Due:
    state: DueState
    period: Period | None = None  # the period awaiting a reading
    due_date: datetime.date | None = None  # first day it can be recorded
    overdue_date: datetime.date | None = None  # first day it is late

    @property
    def urgency(self) -> int:
        return URGENCY[self.state]


def next_period(frequency: str, latest: Period | None, start_year: int) -> Period:
    """The period that awaits a reading after ``latest``: never one before
    the strategy period, whose readings are history (recorded at will)."""
    first = first_period(frequency, start_year)
    if latest is None:
        return first
    following = latest.next()
    return max(following, first, key=lambda p: (p.year, p.part))


def due_dates(
    period: Period, grace_days: int | None = None
) -> tuple[datetime.date, datetime.date]:
    """When ``period``'s reading falls due (the day after the period ends) and
    when it is overdue (a grace period later): the one place these dates are
    set, for /omat/ and the on-time overview alike."""
    if grace_days is None:
        grace_days = settings.INDICATOR_GRACE_DAYS
    due_date = period.end + datetime.timedelta(days=1)
    return due_date, due_date + datetime.timedelta(days=grace_days)


def due_state(
    *,
    frequency: str,
    latest: Period | None,
    start_year: int,
    today: datetime.date,
    active: bool = True,
    grace_days: int | None = None,
) -> Due:
    if not active:
        return Due(DueState.OK)
    period = next_period(frequency, latest, start_year)
    due_date, overdue_date = due_dates(period, grace_days)
    if today >= overdue_date:
        state = DueState.OVERDUE
    elif today >= due_date:
        state = DueState.DUE
    else:
        state = DueState.OK
    return Due(state, period, due_date, overdue_date)


def indicator_due(indicator, latest_reading, today: datetime.date) -> Due:
    """Due state of an indicator given its latest valid reading (or None)."""
    latest = latest_reading.period if latest_reading is not None else None
    return due_state(
        frequency=indicator.frequency,
        latest=latest,
        start_year=indicator.strategy.start_year,
        today=today,
        active=indicator.is_active,
    )
