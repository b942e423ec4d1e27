"""Reporting periods: a year, a quarter of a year or a month of a year.

A period is stored as ``(year, part)``: part 0 is the whole year, 1–4 a
quarter, 1–12 a month, by the indicator's frequency. Plain functions, no
database, so the rules are easy to test on their boundaries.
"""

import calendar
import datetime
from typing import NamedTuple

from . import formatting
from .choices import PARTS_PER_YEAR, Frequency


class Period(NamedTuple):
    frequency: str
    year: int
    part: int = 0

    @property
    def start(self) -> datetime.date:
        if self.frequency == Frequency.YEARLY:
            return datetime.date(self.year, 1, 1)
        monthly = self.frequency == Frequency.MONTHLY
        first_month = self.part if monthly else 3 * self.part - 2
        return datetime.date(self.year, first_month, 1)

    @property
    def end(self) -> datetime.date:
        if self.frequency == Frequency.YEARLY:
            return datetime.date(self.year, 12, 31)
        monthly = self.frequency == Frequency.MONTHLY
        last_month = self.part if monthly else 3 * self.part
        last_day = calendar.monthrange(self.year, last_month)[1]
        return datetime.date(self.year, last_month, last_day)

    def next(self) -> "Period":
        if self.frequency == Frequency.YEARLY:
            return Period(self.frequency, self.year + 1, 0)
        if self.part == PARTS_PER_YEAR[self.frequency]:
            return Period(self.frequency, self.year + 1, 1)
        return Period(self.frequency, self.year, self.part + 1)

    def label(self) -> str:
        """A short human label: 2025, Q3/2025, 3/2025 (``formatting``)."""
        return formatting.period_label(self.frequency, self.year, self.part)

    def __str__(self) -> str:
        return self.label()


def valid_parts(frequency: str) -> range:
    """The allowed values of ``part`` for a frequency."""
    if frequency == Frequency.YEARLY:
        return range(0, 1)
    return range(1, PARTS_PER_YEAR[frequency] + 1)


def period_containing(frequency: str, day: datetime.date) -> Period:
    if frequency == Frequency.YEARLY:
        return Period(frequency, day.year, 0)
    if frequency == Frequency.QUARTERLY:
        return Period(frequency, day.year, (day.month - 1) // 3 + 1)
    return Period(frequency, day.year, day.month)


def first_period(frequency: str, year: int) -> Period:
    return Period(frequency, year, 0 if frequency == Frequency.YEARLY else 1)
