"""Reporting periods: a year, a quarter of a year or a month of a year.

A period is stored as ``(year, part)``: part 0 is the whole year, 1–4 a
quarter, 1–12 a month, by the indicator's frequency. Plain functions, no
database, so the rules are easy to test on their boundaries.
"""

import calendar
import datetime
from typing import NamedTuple

from django.utils.translation import gettext as _

YEARLY = "yearly"
QUARTERLY = "quarterly"
MONTHLY = "monthly"

PARTS_PER_YEAR = {YEARLY: 1, QUARTERLY: 4, MONTHLY: 12}


class Period(NamedTuple):
    frequency: str
    year: int
    part: int = 0

    @property
    def start(self) -> datetime.date:
        if self.frequency == YEARLY:
            return datetime.date(self.year, 1, 1)
        first_month = self.part if self.frequency == MONTHLY else 3 * self.part - 2
        return datetime.date(self.year, first_month, 1)

    @property
    def end(self) -> datetime.date:
        if self.frequency == YEARLY:
            return datetime.date(self.year, 12, 31)
        last_month = self.part if self.frequency == MONTHLY else 3 * self.part
        last_day = calendar.monthrange(self.year, last_month)[1]
        return datetime.date(self.year, last_month, last_day)

    def next(self) -> "Period":
        if self.frequency == YEARLY:
            return Period(self.frequency, self.year + 1, 0)
        if self.part == PARTS_PER_YEAR[self.frequency]:
            return Period(self.frequency, self.year + 1, 1)
        return Period(self.frequency, self.year, self.part + 1)

    def label(self) -> str:
        """A short human label: 2025, Q3/2025 (3. neljännes 2025), 3/2025."""
        if self.frequency == YEARLY:
            return str(self.year)
        if self.frequency == QUARTERLY:
            return _("Q%(quarter)s/%(year)s") % {
                "quarter": self.part,
                "year": self.year,
            }
        return f"{self.part}/{self.year}"

    def __str__(self) -> str:
        return self.label()


def valid_parts(frequency: str) -> range:
    """The allowed values of ``part`` for a frequency."""
    if frequency == YEARLY:
        return range(0, 1)
    return range(1, PARTS_PER_YEAR[frequency] + 1)


def is_valid(frequency: str, part: int) -> bool:
    return part in valid_parts(frequency)


def period_containing(frequency: str, day: datetime.date) -> Period:
    if frequency == YEARLY:
        return Period(frequency, day.year, 0)
    if frequency == QUARTERLY:
        return Period(frequency, day.year, (day.month - 1) // 3 + 1)
    return Period(frequency, day.year, day.month)


def first_period(frequency: str, year: int) -> Period:
    return Period(frequency, year, 0 if frequency == YEARLY else 1)
