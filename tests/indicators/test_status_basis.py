"""What a monthly or quarterly indicator's status compares: its basis.

Unemployment (lower is better) from 14 % (2023) to 10 % (2028): the plan is
13,2 % for 2024, 12,4 % for 2025 and 11,6 % for 2026. Every summer the rate
jumps by two points and falls back in the autumn; winters are a point and a
quarter lower. A year's mean is on plan.
"""

from decimal import Decimal as D

import pytest

from indicators.choices import Basis, Status
from indicators.state import Definition, RawReading, build_state
from indicators.status import assess_on_basis
from strategy.i18n import Text

SEASON = {
    6: D(2),
    7: D(2),
    8: D(1),
    12: D("-1.25"),
    1: D("-1.25"),
    2: D("-1.25"),
    3: D("-1.25"),
}


def unemployment(basis: str = "", frequency: str = "monthly") -> Definition:
    return Definition(
        id=1,
        name=Text("Työttömyysaste"),
        unit=Text("%"),
        decimals=1,
        direction="decrease",
        frequency=frequency,
        status_basis=basis,
        baseline_value=D(14),
        baseline_year=2023,
        target_value=D(10),
        target_year=2028,
        strategy_start=2024,
        strategy_end=2028,
    )


def monthly(first_year: int, last: tuple[int, int]) -> list[RawReading]:
    """Readings on plan each month, with the summer peak, up to ``last``."""
    readings, pk = [], 0
    for year in range(first_year, last[0] + 1):
        for month in range(1, 13):
            if (year, month) > last:
                return readings
            pk += 1
            plan = D(14) - D("0.8") * (year - 2023)
            value = plan + SEASON.get(month, D(0))
            readings.append(RawReading(pk, year, month, value=value))
    return readings


def test_the_default_basis_is_a_years_mean_for_monthly_and_quarterly():
    assert unemployment().basis == Basis.ROLLING_MEAN
    assert unemployment(frequency="quarterly").basis == Basis.ROLLING_MEAN
    assert unemployment(frequency="yearly").basis == Basis.LATEST
    assert unemployment("latest").basis == Basis.LATEST


def test_a_summer_peak_alone_turns_the_latest_basis_red():
    readings = monthly(2024, (2026, 6))
    state = build_state(unemployment("latest"), targets={}, readings=readings)
    # June 2026: 13,6 % against 11,6 %.
    assert state.judged_value == D("13.6")
    assert state.computed == Status.OFF_TRACK


def test_a_years_mean_judges_the_same_figures_fairly():
    readings = monthly(2024, (2026, 6))
    state = build_state(unemployment(), targets={}, readings=readings)
    assert state.basis == Basis.ROLLING_MEAN
    # Mean of July 2025 – June 2026 against the mean of those months' plans.
    window = readings[-12:]
    mean = sum(r.value for r in window) / 12
    assert state.judged_value == mean
    assert state.planned == (6 * D("12.4") + 6 * D("11.6")) / 12
    assert state.computed == Status.ON_TRACK
    assert state.latest.status == Status.ON_TRACK


def test_the_same_period_a_year_earlier_judges_the_seasonal_step():
    readings = monthly(2024, (2026, 6))
    state = build_state(unemployment("year_ago"), targets={}, readings=readings)
    # June 2025 was 14,4 %; the plan steps 0,8 points down: 13,6 % expected.
    assert state.planned == D("13.6")
    assert state.judged_value == D("13.6")
    assert state.computed == Status.ON_TRACK


def test_without_a_reading_a_year_earlier_the_latest_is_judged_alone():
    readings = monthly(2026, (2026, 6))  # only this year's months
    state = build_state(unemployment("year_ago"), targets={}, readings=readings)
    assert state.basis == Basis.LATEST
    assert state.computed == Status.OFF_TRACK


def test_a_year_earlier_may_be_before_the_strategy_period():
    readings = monthly(2023, (2024, 6))
    state = build_state(unemployment("year_ago"), targets={}, readings=readings)
    assert state.basis == Basis.YEAR_AGO
    # June 2023 was 16 %, the plan steps 0,8 down: 15,2 % expected; 15,2 met.
    assert state.planned == D("15.2")
    assert state.computed == Status.ON_TRACK


def test_readings_before_the_period_are_context_never_judged():
    readings = monthly(2021, (2023, 12))
    state = build_state(unemployment(), targets={}, readings=readings)
    assert all(r.before_period and r.status is None for r in state.readings)
    assert state.computed == Status.NO_DATA
    assert not state.needs_explanation
    # The first months of the period are averaged without the years before.
    readings = monthly(2021, (2024, 2))
    state = build_state(unemployment(), targets={}, readings=readings)
    assert state.judged_value == D("11.95")  # January and February 2024 only
    assert state.computed == Status.ON_TRACK


def test_each_listed_reading_is_judged_as_of_its_month():
    readings = monthly(2024, (2024, 12))
    state = build_state(unemployment(), targets={}, readings=readings)
    statuses = {r.part: r.status for r in state.readings}
    # A month is judged on the mean of the months up to it.
    assert statuses[1] == Status.ON_TRACK
    assert statuses[12] == Status.ON_TRACK
    latest_alone = build_state(unemployment("latest"), targets={}, readings=readings)
    assert {r.part: r.status for r in latest_alone.readings}[6] == Status.OFF_TRACK


@pytest.mark.parametrize("basis", ["", "year_ago"])
def test_a_yearly_indicator_is_judged_on_its_latest_reading(basis):
    definition = unemployment(basis, frequency="yearly")
    readings = [RawReading(1, 2025, 0, value=D("12.4"))]
    assert assess_on_basis(definition, readings, {}).basis == Basis.LATEST


def test_an_annual_target_moves_the_planned_mean():
    readings = monthly(2024, (2024, 12))
    state = build_state(unemployment(), targets={2024: D(12)}, readings=readings)
    assert state.planned == D(12)
    assert state.computed == Status.OFF_TRACK
