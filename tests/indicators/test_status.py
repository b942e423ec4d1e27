"""The status rule (indicators/status.py), branch by branch, without a database."""

from dataclasses import dataclass
from decimal import Decimal as D

import pytest

from indicators import status
from indicators.choices import ICONS, Status
from indicators.status import assess, assess_numeric, planned_value


@dataclass
class Ind:
    """Just the fields the rule reads."""

    kind: str = "numeric"
    direction: str = "increase"
    baseline_value: D | None = D(100)
    baseline_year: int | None = 2023
    target_value: D | None = D(150)
    target_year: int | None = 2028


@dataclass
class Read:
    year: int
    value: D | None = None
    qualitative_status: str = ""


def test_it_interpolates_linearly_from_baseline_to_target():
    ind = Ind()
    assert planned_value(ind, 2023, {}) == D(100)
    assert planned_value(ind, 2024, {}) == D(110)
    assert planned_value(ind, 2026, {}) == D(130)
    assert planned_value(ind, 2028, {}) == D(150)


def test_it_prefers_an_explicit_annual_target():
    assert planned_value(Ind(), 2026, {2026: D(125)}) == D(125)


def test_it_holds_the_baseline_before_and_the_target_after_the_path():
    ind = Ind()
    assert planned_value(ind, 2020, {}) == D(100)
    assert planned_value(ind, 2031, {}) == D(150)


def test_it_plans_the_target_itself_without_a_baseline():
    ind = Ind(baseline_value=None, baseline_year=None)
    assert planned_value(ind, 2025, {}) == D(150)


def test_it_has_no_plan_without_any_target():
    ind = Ind(target_value=None, target_year=None)
    assert planned_value(ind, 2025, {}) is None
    assert assess_numeric(ind, D(120), 2025, {}).status == Status.NO_DATA


def test_it_has_no_data_without_a_reading():
    assert assess(Ind(), None, {}).status == Status.NO_DATA


def test_it_calls_a_reading_at_or_beyond_the_target_achieved():
    assert assess(Ind(), Read(2025, D(150)), {}).status == Status.ACHIEVED
    assert assess(Ind(), Read(2025, D(170)), {}).status == Status.ACHIEVED


def test_it_calls_a_reading_on_the_path_on_track():
    # Planned 2025: 120; the scale is 50, so 5 % slack is 2,5.
    assert assess(Ind(), Read(2025, D(120)), {}).status == Status.ON_TRACK
    assert assess(Ind(), Read(2025, D("117.5")), {}).status == Status.ON_TRACK


def test_it_calls_a_small_shortfall_at_risk():
    # 25 % of the scale is 12,5: 107,5 is still at risk, 107,4 is off track.
    assert assess(Ind(), Read(2025, D("117.4")), {}).status == Status.AT_RISK
    assert assess(Ind(), Read(2025, D("107.5")), {}).status == Status.AT_RISK
    assert assess(Ind(), Read(2025, D("107.4")), {}).status == Status.OFF_TRACK


def test_it_honours_lower_is_better():
    # Unemployment from 12 % (2023) to 8 % (2028): planned 2025 is 10,4.
    ind = Ind(
        direction="decrease",
        baseline_value=D(12),
        target_value=D(8),
    )
    assert assess(ind, Read(2025, D("7.9")), {}).status == Status.ACHIEVED
    assert assess(ind, Read(2025, D("10.4")), {}).status == Status.ON_TRACK
    assert assess(ind, Read(2025, D("10.5")), {}).status == Status.ON_TRACK
    assert assess(ind, Read(2025, D("11.3")), {}).status == Status.AT_RISK
    assert assess(ind, Read(2025, D("12.5")), {}).status == Status.OFF_TRACK


def test_it_judges_hold_indicators_by_distance_either_way():
    ind = Ind(direction="hold", baseline_value=D(200), target_value=D(200))
    assert assess(ind, Read(2025, D(205)), {}).status == Status.ON_TRACK
    assert assess(ind, Read(2025, D(195)), {}).status == Status.ON_TRACK
    assert assess(ind, Read(2025, D(220)), {}).status == Status.AT_RISK
    assert assess(ind, Read(2025, D(170)), {}).status == Status.AT_RISK
    assert assess(ind, Read(2025, D(240)), {}).status == Status.OFF_TRACK


def test_it_calls_a_held_level_achieved_from_the_target_year():
    ind = Ind(direction="hold", baseline_value=D(200), target_value=D(200))
    assert assess(ind, Read(2028, D(201)), {}).status == Status.ACHIEVED
    assert assess(ind, Read(2029, D(199)), {}).status == Status.ACHIEVED


def test_it_compares_with_the_target_without_a_baseline():
    # No baseline: the scale is the planned value itself (150).
    ind = Ind(baseline_value=None, baseline_year=None)
    assert assess(ind, Read(2025, D(145)), {}).status == Status.ON_TRACK
    assert assess(ind, Read(2025, D(120)), {}).status == Status.AT_RISK
    assert assess(ind, Read(2025, D(100)), {}).status == Status.OFF_TRACK


def test_it_judges_a_reading_after_the_target_year_against_the_target():
    assert assess(Ind(), Read(2030, D(150)), {}).status == Status.ACHIEVED
    assert assess(Ind(), Read(2030, D(140)), {}).status == Status.AT_RISK
    assert assess(Ind(), Read(2030, D(120)), {}).status == Status.OFF_TRACK


def test_it_uses_annual_targets_for_the_path():
    # The budget plans a slow start: 102 for 2025 instead of the line's 120.
    assert assess(Ind(), Read(2025, D(103)), {2025: D(102)}).status == Status.ON_TRACK


def test_it_returns_what_it_compared():
    a = assess(Ind(), Read(2025, D(118)), {})
    assert (a.planned, a.value, a.year) == (D(120), D(118), 2025)


@pytest.mark.parametrize("chosen", ["achieved", "on_track", "at_risk", "off_track"])
def test_it_takes_the_chosen_status_of_a_qualitative_indicator(chosen):
    ind = Ind(kind="qualitative", baseline_value=None, target_value=None)
    assert assess(ind, Read(2025, qualitative_status=chosen), {}).status == chosen


def test_it_has_no_data_for_a_qualitative_reading_without_status():
    ind = Ind(kind="qualitative")
    assert assess(ind, Read(2025), {}).status == Status.NO_DATA


def test_it_asks_for_an_explanation_only_when_behind():
    assert status.needs_explanation(Status.AT_RISK)
    assert status.needs_explanation(Status.OFF_TRACK)
    assert not status.needs_explanation(Status.ON_TRACK)
    assert not status.needs_explanation(Status.ACHIEVED)
    assert not status.needs_explanation(Status.NO_DATA)


def test_it_has_a_symbol_for_every_status():
    assert set(ICONS) == set(Status)
    assert len(set(ICONS.values())) == len(Status)
