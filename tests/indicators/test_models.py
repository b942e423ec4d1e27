import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

import pytest

from indicators.models import AnnualTarget, Reading


def test_it_derives_the_period_end(indicator, make_reading, recorder):
    reading = make_reading(indicator, 2025, 120, user=recorder)
    assert reading.period_end == datetime.date(2025, 12, 31)


def test_it_allows_one_reading_per_period(indicator, make_reading, recorder):
    make_reading(indicator, 2025, 120, user=recorder)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_reading(indicator, 2025, 121, user=recorder)
    assert Reading.objects.filter(indicator=indicator).count() == 1


def test_it_frees_the_period_of_a_withdrawn_reading(indicator, make_reading, recorder):
    first = make_reading(indicator, 2025, 120, user=recorder)
    first.withdrawn_at = timezone.now()
    first.withdrawn_reason = "Väärä luku"
    first.save()
    make_reading(indicator, 2025, 121, user=recorder)
    assert Reading.objects.valid().get(indicator=indicator).value == Decimal(121)
    assert Reading.objects.filter(indicator=indicator).count() == 2


def test_it_refuses_a_reading_without_value_or_status(indicator, recorder):
    with pytest.raises(IntegrityError), transaction.atomic():
        Reading.objects.create(
            indicator=indicator, year=2025, created_by=recorder, updated_by=recorder
        )


def test_it_refuses_an_override_without_justification(indicator):
    indicator.status_override = "on_track"
    with pytest.raises(ValidationError) as exc:
        indicator.full_clean()
    assert "override_justification" in exc.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        indicator.save()


def test_it_refuses_an_annual_target_twice_for_a_year(indicator):
    AnnualTarget.objects.create(indicator=indicator, year=2025, value=110)
    with pytest.raises(IntegrityError), transaction.atomic():
        AnnualTarget.objects.create(indicator=indicator, year=2025, value=111)


def test_it_refuses_an_annual_target_outside_the_strategy(indicator):
    target = AnnualTarget(indicator=indicator, year=2031, value=110)
    with pytest.raises(ValidationError) as exc:
        target.full_clean()
    assert "2024–2028" in str(exc.value)


def test_it_validates_an_indicator_definition(indicator):
    indicator.unit = ""
    indicator.baseline_year = None
    indicator.target_year = 2020
    with pytest.raises(ValidationError) as exc:
        indicator.full_clean()
    assert {"unit", "baseline_year"} <= set(exc.value.message_dict)


def test_it_keeps_the_history_of_a_reading(indicator, make_reading, recorder):
    reading = make_reading(indicator, 2025, 120, user=recorder)
    reading.value = Decimal("121.5")
    reading.save()
    values = [h.value for h in reading.history.order_by("history_date")]
    assert values == [Decimal(120), Decimal("121.5")]


@pytest.mark.parametrize(
    ("field", "value"), [("frequency", "monthly"), ("kind", "qualitative")]
)
def test_it_refuses_a_new_kind_or_frequency_once_readings_exist(
    indicator, make_reading, recorder, field, value
):
    reading = make_reading(indicator, 2025, 120, user=recorder)
    reading.withdrawn_at = reading.updated_at  # withdrawn ones count too
    reading.save()
    setattr(indicator, field, value)
    with pytest.raises(ValidationError) as exc:
        indicator.full_clean()
    assert exc.value.message_dict[field] == [
        "Tätä ei voi muuttaa, koska mittarille on jo kirjattu tuloksia (myös "
        "perutut kuuluvat sen historiaan), ja ne on kirjattu nykyisen lajin ja "
        "seurantatiheyden mukaan. Perusta tarvittaessa uusi mittari ja poista "
        "tämä käytöstä."
    ]


def test_it_says_why_in_english_too(indicator, make_reading, recorder):
    from django.utils import translation

    make_reading(indicator, 2025, 120, user=recorder)
    indicator.frequency = "quarterly"
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        indicator.full_clean()
    with translation.override("en"):
        assert "readings have already been recorded" in str(
            exc.value.message_dict["frequency"]
        )


def test_an_indicator_without_readings_may_change_kind_and_frequency(indicator):
    indicator.frequency = "monthly"
    indicator.full_clean()
    indicator.kind = "qualitative"
    indicator.unit = ""
    indicator.baseline_value = indicator.baseline_year = None
    indicator.target_value = indicator.target_year = None
    indicator.full_clean()
