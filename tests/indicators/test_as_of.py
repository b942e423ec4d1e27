"""Indicator states as they stood at the end of a cut-off date (history)."""

import datetime
import json
from decimal import Decimal

from django.utils import timezone

import pytest

from indicators import state as indicator_state
from indicators.as_of import end_of_day, states_as_of
from indicators.choices import Status
from indicators.models import AnnualTarget, Indicator, Reading
from strategy.models import Measure, SuccessFactor
from tests.conftest import AFTER, BEFORE, CUTOFF, LAST_MOMENT


def _state(strategy, pk: int, cutoff=CUTOFF):
    return next(s for s in states_as_of(strategy, cutoff).states if s.id == pk)


def _values(strategy, pk: int, cutoff=CUTOFF) -> dict[int, Decimal]:
    return {r.year: r.value for r in _state(strategy, pk, cutoff).readings}


def test_it_ends_the_cut_off_day_at_midnight_in_helsinki():
    end = end_of_day(datetime.date(2025, 6, 30))
    assert timezone.localtime(end).isoformat() == "2025-07-01T00:00:00+03:00"


def test_it_serialises_to_plain_json(strategy, recorded):
    [state] = states_as_of(strategy, CUTOFF).states
    stored = json.loads(json.dumps(indicator_state.to_json(state)))
    assert indicator_state.from_json(stored) == state


def test_it_shows_readings_recorded_by_the_cut_off(strategy, recorded):
    state = _state(strategy, recorded.pk)
    assert _values(strategy, recorded.pk) == {2023: Decimal(100), 2024: Decimal(120)}
    assert state.definition.name.to_json() == {
        "fi": "Kevyen liikenteen väylät",
        "en": "Cycle and footpaths",
    }
    assert state.annual_targets == [(2024, Decimal(115))]
    # 120 km in 2024 against the annual target 115 km: on track.
    assert state.status == Status.ON_TRACK
    assert state.planned == Decimal(115)
    assert state.definition.measure_codes == ["1.2"]


def test_it_leaves_out_periods_that_end_after_the_cut_off(
    strategy, recorded, recorder, make_reading, backdate
):
    later = make_reading(recorded, 2025, "140", user=recorder)
    backdate(later)  # recorded early (in error or as an estimate) – still left out
    assert later.period_end > CUTOFF
    assert 2025 not in _values(strategy, recorded.pk)


def test_it_leaves_out_readings_recorded_after_the_cut_off(
    strategy, recorded, recorder, make_reading
):
    make_reading(recorded, 2022, "90", user=recorder)  # recorded now
    as_of = states_as_of(strategy, CUTOFF)
    assert 2022 not in _values(strategy, recorded.pk)
    # ... and names them, so that the report's writers see what is left out.
    assert [(late.name.fi, late.period) for late in as_of.late] == [
        ("Kevyen liikenteen väylät", "2022")
    ]


def test_it_counts_the_cut_off_day_itself(
    strategy, recorded, recorder, make_reading, backdate
):
    reading = make_reading(recorded, 2022, "90", user=recorder)
    backdate(reading, LAST_MOMENT)
    assert _values(strategy, recorded.pk)[2022] == Decimal(90)
    backdate(reading, AFTER)
    assert 2022 not in _values(strategy, recorded.pk)


def test_it_shows_a_corrected_reading_as_it_was_at_the_cut_off(strategy, recorded):
    reading = recorded.readings.get(year=2024)
    reading.value = Decimal("90")
    reading.lock_version += 1
    reading.save()
    assert _values(strategy, recorded.pk)[2024] == Decimal(120)
    assert _state(strategy, recorded.pk).status == Status.ON_TRACK
    # Today's view has the correction.
    today = timezone.localdate()
    assert _values(strategy, recorded.pk, today)[2024] == Decimal(90)


def test_it_keeps_a_reading_withdrawn_after_the_cut_off(strategy, recorded):
    reading = recorded.readings.get(year=2024)
    reading.withdrawn_at = timezone.now()
    reading.withdrawn_reason = "Väärä luku"
    reading.save()
    assert 2024 in _values(strategy, recorded.pk)
    assert 2024 not in _values(strategy, recorded.pk, timezone.localdate())


def test_it_leaves_out_a_reading_withdrawn_before_the_cut_off(
    strategy, recorded, backdate
):
    reading = recorded.readings.get(year=2024)
    reading.withdrawn_at = BEFORE
    reading.withdrawn_reason = "Väärä luku"
    reading.save()
    backdate(reading)
    assert 2024 not in _values(strategy, recorded.pk)


def test_it_uses_the_indicator_and_targets_as_they_were(strategy, recorded):
    recorded.name = "Uusi nimi"
    recorded.target_value = Decimal("300")
    recorded.save()
    target = AnnualTarget.objects.get(indicator=recorded)
    target.value = Decimal("200")
    target.save()
    AnnualTarget.objects.create(indicator=recorded, year=2025, value=Decimal("250"))
    state = _state(strategy, recorded.pk)
    assert state.definition.name.fi == "Kevyen liikenteen väylät"
    assert state.definition.target_value == Decimal(150)
    assert state.annual_targets == [(2024, Decimal(115))]
    assert state.status == Status.ON_TRACK


def test_it_uses_the_measures_and_factors_linked_at_the_cut_off(
    strategy, recorded, backdate
):
    recorded.success_factors.set([SuccessFactor.objects.get(order=2)])
    backdate(recorded)
    recorded.measures.set([Measure.objects.get(focus_area__number=3, order=1)])
    recorded.success_factors.set([SuccessFactor.objects.get(order=3)])
    definition = _state(strategy, recorded.pk).definition
    assert definition.measure_codes == ["1.2"]
    assert [f.order for f in definition.factors] == [2]


def test_it_leaves_out_indicators_defined_after_the_cut_off(strategy, make_indicator):
    make_indicator(name="Myöhemmin määritelty")  # history dated now
    assert states_as_of(strategy, CUTOFF).states == []


@pytest.mark.parametrize("public_then, public_now", [(False, True), (True, False)])
def test_it_never_shows_internal_indicators(
    strategy, make_indicator, backdate, public_then, public_now
):
    internal = make_indicator(name="Sisäinen mittari", is_public=public_then)
    backdate(internal)
    Indicator.objects.filter(pk=internal.pk).update(is_public=public_now)
    assert states_as_of(strategy, CUTOFF).states == []


def test_it_takes_rows_without_history_as_they_are(
    strategy, recorded, recorder, backdate
):
    # Bulk loads bypass the history; they count if created by the cut-off.
    Reading.objects.bulk_create(
        [
            Reading(
                indicator=recorded,
                year=2022,
                period_end=datetime.date(2022, 12, 31),
                value=Decimal("95"),
                created_by=recorder,
                updated_by=recorder,
                created_at=BEFORE,
            ),
            Reading(
                indicator=recorded,
                year=2021,
                period_end=datetime.date(2021, 12, 31),
                value=Decimal("85"),
                created_by=recorder,
                updated_by=recorder,
                created_at=AFTER,
            ),
        ]
    )
    values = _values(strategy, recorded.pk)
    assert values[2022] == Decimal(95)
    assert 2021 not in values


def test_it_takes_a_status_override_as_it_was(strategy, recorded, backdate):
    recorded.status_override = "at_risk"
    recorded.override_justification = "Rahoitus puuttuu."
    recorded.save()
    backdate(recorded)
    state = _state(strategy, recorded.pk)
    assert state.status == Status.AT_RISK
    assert state.computed == Status.ON_TRACK
    assert state.overridden
    assert state.override_justification == "Rahoitus puuttuu."


def test_it_marks_demo_data(strategy, recorded, make_indicator, backdate):
    assert not any(s.definition.is_demo for s in states_as_of(strategy, CUTOFF).states)
    demo = make_indicator(name="Esimerkkimittari", is_demo=True)
    backdate(demo)
    demo_states = [s for s in states_as_of(strategy, CUTOFF).states if s.id == demo.pk]
    assert demo_states[0].definition.is_demo


def test_it_takes_qualitative_assessments(
    strategy, qualitative_indicator, recorder, make_reading, backdate
):
    reading = make_reading(
        qualitative_indicator,
        2024,
        user=recorder,
        qualitative_status="at_risk",
        narrative="Tapahtumia oli vähemmän.",
    )
    backdate(qualitative_indicator)
    backdate(reading)
    state = _state(strategy, qualitative_indicator.pk)
    assert state.status == Status.AT_RISK
    assert state.readings[0].narrative.fi == "Tapahtumia oli vähemmän."
    assert state.plan == ()


def test_it_uses_a_fixed_number_of_queries(
    strategy,
    make_indicator,
    recorder,
    make_reading,
    backdate,
    django_assert_max_num_queries,
):
    for n in range(10):
        indicator = make_indicator(name=f"Mittari {n}")
        backdate(indicator)
        for year in (2023, 2024):
            backdate(make_reading(indicator, year, n, user=recorder))
    # indicator versions, indicators without history, public now, demo now,
    # 2 × measure links, 2 × success factor links, 2 × annual targets,
    # 2 × readings, departments, measures with focus areas, success factors,
    # readings now (late ones)
    with django_assert_max_num_queries(16):
        as_of = states_as_of(strategy, CUTOFF)
    assert len(as_of.states) == 10
