"""The indicator data as it stood at the end of the cut-off date."""

import datetime
import json
from decimal import Decimal

from django.utils import timezone

import pytest

from indicators.models import AnnualTarget, Indicator, Reading
from reports.snapshot import build_snapshot, end_of_day
from strategy.models import Measure, SuccessFactor

from .conftest import AFTER, BEFORE, CUTOFF, LAST_MOMENT


def _indicator(snapshot: dict, pk: int) -> dict:
    return next(item for item in snapshot["indicators"] if item["id"] == pk)


def _values(snapshot: dict, pk: int) -> dict[int, str]:
    return {r["year"]: r["value"] for r in _indicator(snapshot, pk)["readings"]}


def test_it_ends_the_cut_off_day_at_midnight_in_helsinki():
    end = end_of_day(datetime.date(2025, 6, 30))
    assert timezone.localtime(end).isoformat() == "2025-07-01T00:00:00+03:00"


def test_it_is_plain_json(strategy, recorded):
    snapshot = build_snapshot(strategy, CUTOFF)
    assert json.loads(json.dumps(snapshot)) == snapshot


def test_it_shows_readings_recorded_by_the_cut_off(strategy, recorded):
    snapshot = build_snapshot(strategy, CUTOFF)
    item = _indicator(snapshot, recorded.pk)
    assert _values(snapshot, recorded.pk) == {2023: "100.0000", 2024: "120.0000"}
    assert item["name"] == {
        "fi": "Kevyen liikenteen väylät",
        "en": "Cycle and footpaths",
    }
    assert item["annual_targets"] == [{"year": 2024, "value": "115.0000"}]
    # 120 km in 2024 against the annual target 115 km: on track.
    assert item["status"] == "on_track"
    assert item["planned"] == "115.0000"
    assert item["measures"] == ["1.2"]


def test_it_leaves_out_periods_that_end_after_the_cut_off(
    strategy, recorded, recorder, make_reading, backdate
):
    later = make_reading(recorded, 2025, "140", user=recorder)
    backdate(later)  # recorded early (in error or as an estimate) – still left out
    assert later.period_end > CUTOFF
    assert 2025 not in _values(build_snapshot(strategy, CUTOFF), recorded.pk)


def test_it_leaves_out_readings_recorded_after_the_cut_off(
    strategy, recorded, recorder, make_reading
):
    make_reading(recorded, 2022, "90", user=recorder)  # recorded now
    snapshot = build_snapshot(strategy, CUTOFF)
    assert 2022 not in _values(snapshot, recorded.pk)
    assert snapshot["late_readings"] == 1


def test_it_counts_the_cut_off_day_itself(
    strategy, recorded, recorder, make_reading, backdate
):
    reading = make_reading(recorded, 2022, "90", user=recorder)
    backdate(reading, LAST_MOMENT)
    assert _values(build_snapshot(strategy, CUTOFF), recorded.pk)[2022] == "90.0000"
    backdate(reading, AFTER)
    assert 2022 not in _values(build_snapshot(strategy, CUTOFF), recorded.pk)


def test_it_shows_a_corrected_reading_as_it_was_at_the_cut_off(strategy, recorded):
    reading = recorded.readings.get(year=2024)
    reading.value = Decimal("90")
    reading.version += 1
    reading.save()
    snapshot = build_snapshot(strategy, CUTOFF)
    assert _values(snapshot, recorded.pk)[2024] == "120.0000"
    assert _indicator(snapshot, recorded.pk)["status"] == "on_track"
    # Today's view has the correction.
    today = build_snapshot(strategy, timezone.localdate())
    assert _values(today, recorded.pk)[2024] == "90.0000"


def test_it_keeps_a_reading_withdrawn_after_the_cut_off(strategy, recorded):
    reading = recorded.readings.get(year=2024)
    reading.withdrawn_at = timezone.now()
    reading.withdrawn_reason = "Väärä luku"
    reading.save()
    assert 2024 in _values(build_snapshot(strategy, CUTOFF), recorded.pk)
    assert 2024 not in _values(
        build_snapshot(strategy, timezone.localdate()), recorded.pk
    )


def test_it_leaves_out_a_reading_withdrawn_before_the_cut_off(
    strategy, recorded, backdate
):
    reading = recorded.readings.get(year=2024)
    reading.withdrawn_at = BEFORE
    reading.withdrawn_reason = "Väärä luku"
    reading.save()
    backdate(reading)
    assert 2024 not in _values(build_snapshot(strategy, CUTOFF), recorded.pk)


def test_it_uses_the_indicator_and_targets_as_they_were(strategy, recorded):
    recorded.name = "Uusi nimi"
    recorded.target_value = Decimal("300")
    recorded.save()
    target = AnnualTarget.objects.get(indicator=recorded)
    target.value = Decimal("200")
    target.save()
    AnnualTarget.objects.create(indicator=recorded, year=2025, value=Decimal("250"))
    item = _indicator(build_snapshot(strategy, CUTOFF), recorded.pk)
    assert item["name"]["fi"] == "Kevyen liikenteen väylät"
    assert item["target_value"] == "150.0000"
    assert item["annual_targets"] == [{"year": 2024, "value": "115.0000"}]
    assert item["status"] == "on_track"


def test_it_uses_the_measures_linked_at_the_cut_off(strategy, recorded):
    recorded.measures.set([Measure.objects.get(focus_area__number=3, order=1)])
    snapshot = build_snapshot(strategy, CUTOFF)
    assert _indicator(snapshot, recorded.pk)["measures"] == ["1.2"]
    areas = {a["number"]: a["indicators"] for a in snapshot["focus_areas"]}
    assert areas[1] == [recorded.pk] and areas[3] == []


def test_it_groups_indicators_by_focus_area_and_success_factor(
    strategy, make_indicator, backdate
):
    factor = SuccessFactor.objects.get(strategy=strategy, order=2)
    both = make_indicator(
        name="Kahden alueen mittari",
        measures=[
            Measure.objects.get(focus_area__number=2, order=1),
            Measure.objects.get(focus_area__number=4, order=1),
        ],
    )
    both.success_factors.set([factor])
    backdate(both)
    snapshot = build_snapshot(strategy, CUTOFF)
    areas = {a["number"]: a for a in snapshot["focus_areas"]}
    assert areas[2]["indicators"] == [both.pk] and areas[4]["indicators"] == [both.pk]
    assert areas[1]["indicators"] == []
    assert areas[2]["counts"]["no_data"] == 1
    factors = {f["order"]: f["indicators"] for f in snapshot["success_factors"]}
    assert factors[2] == [both.pk] and factors[1] == []


def test_it_leaves_out_indicators_defined_after_the_cut_off(strategy, make_indicator):
    make_indicator(name="Myöhemmin määritelty")  # history dated now
    assert build_snapshot(strategy, CUTOFF)["indicators"] == []


@pytest.mark.parametrize("public_then, public_now", [(False, True), (True, False)])
def test_it_never_shows_internal_indicators(
    strategy, make_indicator, backdate, public_then, public_now
):
    internal = make_indicator(name="Sisäinen mittari", is_public=public_then)
    backdate(internal)
    Indicator.objects.filter(pk=internal.pk).update(is_public=public_now)
    snapshot = build_snapshot(strategy, CUTOFF)
    assert snapshot["indicators"] == []
    assert "Sisäinen" not in json.dumps(snapshot)


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
    values = _values(build_snapshot(strategy, CUTOFF), recorded.pk)
    assert values[2022] == "95.0000"
    assert 2021 not in values


def test_it_takes_a_status_override_as_it_was(strategy, recorded, backdate):
    recorded.status_override = "at_risk"
    recorded.override_justification = "Rahoitus puuttuu."
    recorded.save()
    backdate(recorded)
    item = _indicator(build_snapshot(strategy, CUTOFF), recorded.pk)
    assert item["status"] == "at_risk"
    assert item["computed_status"] == "on_track"
    assert item["override_justification"] == "Rahoitus puuttuu."


def test_it_marks_demo_data(strategy, recorded, make_indicator, backdate):
    assert build_snapshot(strategy, CUTOFF)["is_demo"] is False
    demo = make_indicator(name="Esimerkkimittari", is_demo=True)
    backdate(demo)
    assert build_snapshot(strategy, CUTOFF)["is_demo"] is True


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
    item = _indicator(build_snapshot(strategy, CUTOFF), qualitative_indicator.pk)
    assert item["status"] == "at_risk"
    assert item["readings"][0]["narrative"] == "Tapahtumia oli vähemmän."
    assert item["plan"] == []


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
    # 2 × readings, departments, measures, focus areas, success factors,
    # readings now (late ones)
    with django_assert_max_num_queries(17):
        snapshot = build_snapshot(strategy, CUTOFF)
    assert len(snapshot["indicators"]) == 10
