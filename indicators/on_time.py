"""The on-time overview (/seuranta/): how punctually each department records.

A period's reading falls due the day after the period ends and is late from
its overdue date on (``due.due_dates``, the rule /omat/ shows). Its last
on-time day, the *deadline*, is the day before. A period *counts* in the
year its deadline falls in, once that deadline has passed, and only for
indicators in use and published (drafts and retired ones are nobody's
duty), and only from the indicator's publication on: an indicator added in
the middle of the strategy period was never late for the years before it.

A counted period was recorded *on time* when its first reading (withdrawn
ones included: someone was there) was saved by the deadline and a valid
reading for it exists now. The overdue list is /omat/'s: indicators whose
next reading is overdue today, with the days since the deadline and whom to
ask (the person responsible for recording, else the department's members).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from strategy.models import Department, Strategy, User

from . import formatting
from .due import DueState, due_dates, due_state
from .loading import latest_readings
from .models import Indicator, Reading
from .periods import Period, first_period


@dataclass(frozen=True)
class PeriodRow:
    """One counted period of one indicator."""

    indicator: Indicator
    period: Period
    deadline: datetime.date  # the last day on time
    recorded: datetime.date | None  # the first reading's day; None: none valid

    @property
    def on_time(self) -> bool:
        return self.recorded is not None and self.recorded <= self.deadline

    def days_late(self, today: datetime.date) -> int:
        """Days past the deadline when recorded (or, unrecorded, today)."""
        return max(0, ((self.recorded or today) - self.deadline).days)


@dataclass
class Share:
    """Due readings of one year and how many of them were on time."""

    year: int
    due: int = 0
    on_time: int = 0

    @property
    def text(self) -> str:
        """ "67 %", or "–" with nothing due."""
        if not self.due:
            return formatting.EMPTY
        return formatting.percent(Decimal(self.on_time) / self.due, 0)


@dataclass(frozen=True)
class Overdue:
    indicator: Indicator
    period: Period
    deadline: datetime.date
    days_late: int
    ask: str  # whom to ask: the person responsible, or the members


@dataclass
class DepartmentRow:
    department: Department
    shares: dict[int, Share] = field(default_factory=dict)  # year → share
    overdue: list[Overdue] = field(default_factory=list)
    members: list[str] = field(default_factory=list)

    @property
    def by_year(self) -> list[Share]:
        """The shares, this year first (the columns of the page)."""
        return list(self.shares.values())


@dataclass(frozen=True)
class Overview:
    today: datetime.date
    years: tuple[int, int]  # this year and last
    departments: list[DepartmentRow]
    periods: list[PeriodRow]

    @property
    def overdue(self) -> list[Overdue]:
        """Every overdue indicator, the longest late first."""
        rows = [o for d in self.departments for o in d.overdue]
        return sorted(rows, key=lambda o: (-o.days_late, o.indicator.name))

    @property
    def totals(self) -> list[Share]:
        """All departments together, this year first."""
        totals = {year: Share(year) for year in self.years}
        for row in self.departments:
            for year, share in row.shares.items():
                totals[year].due += share.due
                totals[year].on_time += share.on_time
        return list(totals.values())


def counted_periods(
    indicator, *, start_year: int, end_year: int, years, today: datetime.date
) -> list[tuple[Period, datetime.date]]:
    """The periods of ``indicator`` that count in ``years`` by ``today``,
    each with its deadline (see the module's docstring)."""
    published = timezone.localdate(indicator.published_at)
    found = []
    period = first_period(indicator.frequency, start_year)
    while period.year <= end_year:
        _, overdue_date = due_dates(period)
        deadline = overdue_date - datetime.timedelta(days=1)
        if deadline >= today or deadline.year > max(years):
            break
        if deadline.year in years and deadline >= published:
            found.append((period, deadline))
        period = period.next()
    return found


def _first_recorded(ids, since: datetime.date) -> tuple[dict, set]:
    """(indicator, year, part) → the day of its first reading, and the set of
    those that have a valid reading now; one query."""
    first, valid = {}, set()
    rows = Reading.objects.filter(
        indicator_id__in=ids, period_end__gte=since
    ).values_list("indicator_id", "year", "part", "created_at", "withdrawn_at")
    for indicator_id, year, part, created, withdrawn in rows:
        key = (indicator_id, year, part)
        day = timezone.localdate(created)
        if key not in first or day < first[key]:
            first[key] = day
        if withdrawn is None:
            valid.add(key)
    return first, valid


def _members(department_ids) -> dict[int, list[str]]:
    """Department id → its active members' names; one query."""
    names = defaultdict(list)
    rows = (
        User.objects.filter(departments__in=department_ids, is_active=True)
        .order_by("last_name", "first_name", "username")
        .values_list("departments", "first_name", "last_name", "username")
    )
    for department_id, first, last, username in rows:
        names[department_id].append(f"{first} {last}".strip() or username)
    return names


def build_overview(strategy: Strategy, today: datetime.date | None = None) -> Overview:
    """The overview of ``strategy``'s indicators in five queries: indicators
    (with departments and the persons responsible), the readings of the two
    years, the latest readings, the members, and nothing per row."""
    today = today or timezone.localdate()
    years = (today.year, today.year - 1)
    indicators = list(
        Indicator.objects.filter(strategy=strategy)
        .active()
        .published()
        .select_related("department", "responsible")
        .annotate(start_year=F("strategy__start_year"))
        .order_by("department__name", "name")
    )
    ids = [i.pk for i in indicators]
    # Periods whose deadline falls in the two years end at most a grace
    # period (and a day) before them: a generous lower bound on period_end.
    since = datetime.date(min(years) - 1, 1, 1)
    first, valid = _first_recorded(ids, since)
    latest = latest_readings(ids)
    members = _members({i.department_id for i in indicators})

    rows: dict[int, DepartmentRow] = {}
    periods = []
    for indicator in indicators:
        department = indicator.department
        row = rows.get(department.pk)
        if row is None:
            row = rows[department.pk] = DepartmentRow(
                department,
                shares={year: Share(year) for year in years},
                members=members.get(department.pk, []),
            )
        for period, deadline in counted_periods(
            indicator,
            start_year=indicator.start_year,
            end_year=strategy.end_year,
            years=years,
            today=today,
        ):
            key = (indicator.pk, period.year, period.part)
            counted = PeriodRow(
                indicator, period, deadline, first.get(key) if key in valid else None
            )
            periods.append(counted)
            row.shares[deadline.year].due += 1
            row.shares[deadline.year].on_time += counted.on_time
        reading = latest.get(indicator.pk)
        due = due_state(
            frequency=indicator.frequency,
            latest=Period(indicator.frequency, reading.year, reading.part)
            if reading
            else None,
            start_year=indicator.start_year,
            today=today,
        )
        if due.state == DueState.OVERDUE:
            deadline = due.overdue_date - datetime.timedelta(days=1)
            row.overdue.append(
                Overdue(
                    indicator,
                    due.period,
                    deadline,
                    (today - deadline).days,
                    ask=str(indicator.responsible or "") or ", ".join(row.members),
                )
            )
    return Overview(today, years, list(rows.values()), periods)
