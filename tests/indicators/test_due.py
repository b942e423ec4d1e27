"""Due and overdue (indicators/due.py), tested on period boundaries."""

import datetime

from indicators.due import DueState, due_state
from indicators.periods import Period

d = datetime.date


def state(frequency, latest, today, grace=60, active=True):
    return due_state(
        frequency=frequency,
        latest=latest,
        start_year=2024,
        today=today,
        grace_days=grace,
        active=active,
    )


def test_it_is_not_due_before_the_next_period_ends():
    due = state("yearly", Period("yearly", 2025), d(2026, 12, 31))
    assert due.state == DueState.OK
    assert due.period == Period("yearly", 2026)


def test_it_is_due_the_day_after_the_year_ends():
    due = state("yearly", Period("yearly", 2025), d(2027, 1, 1))
    assert due.state == DueState.DUE
    assert due.due_date == d(2027, 1, 1)


def test_it_is_overdue_after_the_grace_period():
    latest = Period("yearly", 2025)
    assert state("yearly", latest, d(2027, 3, 1)).state == DueState.DUE
    assert state("yearly", latest, d(2027, 3, 2)).state == DueState.OVERDUE
    assert state("yearly", latest, d(2027, 3, 2)).overdue_date == d(2027, 3, 2)


def test_it_uses_quarter_ends():
    latest = Period("quarterly", 2026, 2)
    assert state("quarterly", latest, d(2026, 9, 30)).state == DueState.OK
    assert state("quarterly", latest, d(2026, 10, 1)).state == DueState.DUE
    due = state("quarterly", latest, d(2026, 11, 30), grace=60)
    assert due.state == DueState.OVERDUE


def test_it_rolls_a_quarter_over_the_year_end():
    due = state("quarterly", Period("quarterly", 2025, 4), d(2026, 4, 1))
    assert due.period == Period("quarterly", 2026, 1)
    assert due.state == DueState.DUE


def test_it_knows_the_leap_day():
    latest = Period("monthly", 2028, 1)
    assert state("monthly", latest, d(2028, 2, 29)).state == DueState.OK
    assert state("monthly", latest, d(2028, 3, 1)).state == DueState.DUE
    assert state("monthly", latest, d(2028, 3, 1), grace=0).state == DueState.OVERDUE


def test_it_awaits_the_first_period_of_the_strategy_without_readings():
    due = state("yearly", None, d(2025, 1, 1))
    assert due.period == Period("yearly", 2024)
    assert due.state == DueState.DUE


def test_history_before_the_strategy_period_does_not_make_it_overdue():
    due = state("yearly", Period("yearly", 2017), d(2024, 6, 1))
    assert due.period == Period("yearly", 2024)
    assert due.state == DueState.OK
    due = state("monthly", Period("monthly", 2023, 12), d(2024, 3, 1))
    assert due.period == Period("monthly", 2024, 1)
    # The last history period leads straight into the strategy period.
    assert state("quarterly", Period("quarterly", 2023, 4), d(2024, 1, 1)).period == (
        Period("quarterly", 2024, 1)
    )


def test_it_never_marks_a_retired_indicator_due():
    assert state("yearly", None, d(2030, 1, 1), active=False).state == DueState.OK


def test_it_orders_overdue_before_due_before_ok():
    latest = Period("yearly", 2024)
    urgencies = [
        state("yearly", latest, day).urgency
        for day in (d(2026, 6, 1), d(2026, 1, 2), d(2025, 6, 1))
    ]
    assert urgencies == sorted(urgencies)
