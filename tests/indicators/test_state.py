"""One indicator state: built once from live rows, the same after a JSON trip."""

import json
from decimal import Decimal

import pytest

from indicators import state as indicator_state
from indicators.choices import Status
from indicators.loading import load_state, load_states
from indicators.models import AnnualTarget, Indicator
from indicators.overview import summarise


def test_it_judges_the_latest_valid_reading(indicator, make_reading, recorder):
    make_reading(indicator, 2024, 110, user=recorder)
    make_reading(indicator, 2025, 100, user=recorder)  # far behind 120
    make_reading(
        indicator, 2026, 150, user=recorder, withdrawn_at="2026-02-01T00:00:00Z"
    )
    [state] = load_states(Indicator.objects.all())
    assert state.latest.year == 2025
    assert state.planned == Decimal(120)
    assert state.computed == state.status == Status.OFF_TRACK
    assert state.needs_explanation
    assert not state.overridden


def test_it_shows_the_override_but_keeps_the_computed_status(
    indicator, make_reading, recorder
):
    make_reading(indicator, 2025, 100, user=recorder)
    indicator.status_override = "on_track"
    indicator.override_justification = "Luku korjaantuu, kun uusi väylä valmistuu."
    indicator.save()
    [state] = load_states(Indicator.objects.all())
    assert state.status == Status.ON_TRACK
    assert state.computed == Status.OFF_TRACK
    assert state.overridden
    assert state.override_justification.startswith("Luku korjaantuu")


def test_it_judges_each_reading_against_the_plan_of_its_year(
    indicator, make_reading, recorder
):
    AnnualTarget.objects.create(indicator=indicator, year=2025, value=115)
    make_reading(indicator, 2024, 110, user=recorder)
    make_reading(indicator, 2025, 114, user=recorder)
    state = load_state(Indicator.objects.all(), indicator.pk)
    assert [(r.year, r.planned, r.status) for r in state.readings] == [
        (2024, Decimal(110), Status.ON_TRACK),
        (2025, Decimal(115), Status.ON_TRACK),
    ]
    # The planned path: the straight line where no annual target is set.
    assert state.plan == (
        (2023, Decimal(100)),
        (2024, Decimal(110)),
        (2025, Decimal(115)),
        (2026, Decimal(130)),
        (2027, Decimal(140)),
        (2028, Decimal(150)),
    )


def test_it_counts_statuses_once_per_indicator(
    make_indicator, make_reading, recorder, django_assert_num_queries
):
    for i in range(6):
        ind = make_indicator(name=f"Mittari {i}")
        make_reading(ind, 2024, 110, user=recorder)
        make_reading(ind, 2025, 120, user=recorder)
        AnnualTarget.objects.create(indicator=ind, year=2025, value=118)
    # Indicators with strategy and department, latest readings, annual
    # targets, measure links.
    with django_assert_num_queries(4):
        states = load_states(Indicator.objects.all())
    summary = summarise(states + states)
    assert summary.total == 6
    assert summary.by_status[1] == (Status.ON_TRACK, 6)


def test_it_reads_back_from_json_exactly_what_it_derived(
    make_indicator, make_reading, recorder
):
    # 100 (2023) → 150 (2026): the plan for 2024 is 116,666…
    indicator = make_indicator(target_year=2026, decimals=1)
    indicator.status_override = "at_risk"
    indicator.override_justification = "Urakka viivästyy."
    indicator.save()
    make_reading(indicator, 2024, "116.6", user=recorder, narrative="Lähes.")
    state = load_state(Indicator.objects.all(), indicator.pk)
    assert state.planned == Decimal(100) + Decimal(50) / Decimal(3)

    stored = json.loads(json.dumps(indicator_state.to_json(state)))
    thawed = indicator_state.from_json(stored)
    assert thawed == state
    assert thawed.definition.value_text(thawed.planned) == "116,7\xa0km"
    assert thawed.latest is thawed.readings[-1]


@pytest.mark.parametrize("kind", ["numeric", "qualitative"])
def test_it_has_no_data_without_readings(make_indicator, kind):
    make_indicator(kind=kind)
    [state] = load_states(Indicator.objects.all())
    assert state.latest is None
    assert state.status == Status.NO_DATA
    assert state.planned is None
