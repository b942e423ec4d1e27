"""Plausible values: the valid range and a figure far from the previous one."""

from decimal import Decimal as D

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from indicators.history import indicator_changes
from indicators.models import Indicator, Reading
from indicators.plausibility import default_range, far_from, range_error
from tests.test_html_valid import html_problems

pytestmark = pytest.mark.usefixtures("on_2026_06_15")


# -- the rules on their own ---------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("%", (D(0), D(100))),
        ("% kotitalouksista", (D(0), D(100))),
        ("prosenttia", (D(0), D(100))),
        ("%-yksikköä", (None, None)),  # percentage points may fall
        ("asukasta", (D(0), None)),
        ("kpl", (D(0), None)),
        ("henkilöä", (D(0), None)),
        ("työpäivää / htv", (D(0), None)),
        ("€", (None, None)),
        ("€/asukas", (None, None)),
        ("km", (None, None)),
        ("", (None, None)),
    ],
)
def test_a_unit_gives_its_default_range(unit, expected):
    assert default_range(unit) == expected


@pytest.mark.parametrize(
    ("value", "previous", "far"),
    [
        ("100", "10", False),  # ten times: the limit itself is fine
        ("100.1", "10", True),
        ("1", "10", False),
        ("0.99", "10", True),
        ("0", "10", True),
        ("5", "0", False),  # no ratio to a zero
        ("-30", "5", False),  # a net figure crossing zero
        ("-300", "-5", True),
        (None, "5", False),
        ("5", None, False),
    ],
)
def test_far_from_the_previous_is_more_than_ten_times_or_under_a_tenth(
    value, previous, far
):
    value = None if value is None else D(value)
    previous = None if previous is None else D(previous)
    assert far_from(value, previous) is far


def test_the_range_error_names_the_range(make_indicator):
    share = make_indicator(unit="%", decimals=1, baseline_value=50, target_value=60)
    assert (share.min_value, share.max_value) == (D(0), D(100))
    assert range_error(share, D("100")) is None
    error = range_error(share, D("100.5"))
    assert isinstance(error, ValidationError)
    assert error.messages == [
        "Tulos 100,5\xa0% ei ole mahdollinen tälle mittarille: arvon on oltava "
        "vähintään 0,0\xa0% ja enintään 100,0\xa0%. Jos raja on väärä, "
        "strategiakoordinaattori voi muuttaa sitä."
    ]
    with translation.override("en"):
        assert range_error(share, D("-1")).messages == [
            "The value -1,0\xa0% is not possible for this indicator: it must be "
            "at least 0,0\xa0% and at most 100,0\xa0%. If the limit is wrong, "
            "the strategy coordinator can change it."
        ]


def test_a_count_has_no_upper_limit(make_indicator):
    people = make_indicator(unit="asukasta", decimals=0, baseline_value=6990)
    assert range_error(people, D(10**9)) is None
    assert (
        range_error(people, D(-5))
        .messages[0]
        .startswith(
            "Tulos -5 asukasta ei ole mahdollinen tälle mittarille: arvon on oltava "
            "vähintään 0 asukasta."
        )
    )


def test_an_indicator_without_a_range_takes_any_value(indicator):
    assert (indicator.min_value, indicator.max_value) == (None, None)  # km
    assert range_error(indicator, D(-(10**9))) is None


def test_the_model_refuses_a_range_out_of_order_and_a_baseline_outside_it(
    indicator,
):
    indicator.min_value, indicator.max_value = D(10), D(5)
    with pytest.raises(ValidationError) as refused:
        indicator.full_clean()
    assert "max_value" in refused.value.message_dict
    indicator.min_value, indicator.max_value = D(0), D(120)
    with pytest.raises(ValidationError) as refused:
        indicator.full_clean()  # the target is 150 km
    assert refused.value.message_dict["target_value"] == [
        "Arvon on oltava mittarin sallitulla välillä: vähintään 0,0\xa0km ja "
        "enintään 120,0\xa0km."
    ]


# -- on the form, as staff meet it ---------------------------------------------


@pytest.fixture
def population(make_indicator):
    return make_indicator(
        name="Väkiluku",
        unit="asukasta",
        decimals=0,
        direction="hold",
        baseline_value=D(6990),
        target_value=D(6900),
    )


def _post(client, indicator, **data):
    return client.post(f"/mittarit/{indicator.pk}/kirjaa/", data)


def test_a_negative_count_is_refused_naming_the_range(client, recorder, population):
    client.force_login(recorder)
    r = _post(client, population, year="2025", value="-5")
    assert r.status_code == 200
    assert r.context["form"].errors["value"] == [
        "Tulos -5 asukasta ei ole mahdollinen tälle mittarille: arvon on oltava "
        "vähintään 0 asukasta. Jos raja on väärä, strategiakoordinaattori voi "
        "muuttaa sitä."
    ]
    assert not Reading.objects.exists()


def test_a_far_value_asks_for_a_confirmation_then_keeps_it_in_history(
    client, recorder, population, make_reading
):
    make_reading(population, 2024, "6931", user=recorder)
    client.force_login(recorder)
    form = client.get(f"/mittarit/{population.pk}/kirjaa/").content.decode()
    assert "confirm_unusual" not in form  # only when needed

    why = "Kirjoitusvirhe?"
    r = _post(client, population, year="2025", value="69400", narrative=why)
    html = r.content.decode()
    assert r.status_code == 200
    assert "on yli 10-kertainen edelliseen tulokseen" in html
    assert 'name="confirm_unusual"' in html
    assert html_problems(html) == []
    assert 'value="69400"' in html  # what was typed stays
    assert Reading.objects.count() == 1

    r = _post(
        client,
        population,
        year="2025",
        value="69400",
        confirm_unusual="on",
        narrative=why,
    )
    assert r.status_code == 302
    reading = Reading.objects.get(year=2025)
    assert reading.value == D(69400)
    newest = indicator_changes(population)[0]
    assert newest.reason == (
        "Kirjaaja vahvisti poikkeavan tuloksen 69\xa0400 asukasta "
        "(edellinen 6\xa0931 asukasta, 2024)."
    )


def test_a_value_under_a_tenth_asks_too(client, recorder, population, make_reading):
    make_reading(population, 2024, "6931", user=recorder)
    client.force_login(recorder)
    r = _post(client, population, year="2025", value="690")
    assert "on alle 10. osa edellisestä tuloksesta" in r.content.decode()
    assert Reading.objects.count() == 1


def test_an_ordinary_value_asks_nothing(client, recorder, population, make_reading):
    make_reading(population, 2024, "6931", user=recorder)
    client.force_login(recorder)
    r = _post(client, population, year="2025", value="6880")
    assert r.status_code == 302
    newest = indicator_changes(population)[0]
    assert newest.reason == ""


def test_a_correction_to_a_far_value_asks_too(
    client, recorder, population, make_reading
):
    make_reading(population, 2024, "6931", user=recorder)
    reading = make_reading(population, 2025, "6880", user=recorder)
    client.force_login(recorder)
    url = f"/kirjaukset/{reading.pk}/muokkaa/"
    why = "Alueliitos: luku kattaa vain kantakaupungin."
    r = client.post(
        url,
        {
            "year": "2025",
            "value": "688",
            "lock_version": "1",
            "narrative": why,
            "reason": "Aluerajaus muuttui.",
        },
    )
    assert r.status_code == 200
    assert 'name="confirm_unusual"' in r.content.decode()
    reading.refresh_from_db()
    assert reading.value == D(6880)
    r = client.post(
        url,
        {
            "year": "2025",
            "value": "688",
            "lock_version": "1",
            "confirm_unusual": "on",
            "narrative": why,
            "reason": "Aluerajaus muuttui.",
        },
    )
    assert r.status_code == 302
    reading.refresh_from_db()
    assert reading.value == D(688)
    # Correcting the evidence only does not ask again.
    r = client.post(
        url,
        {
            "year": "2025",
            "value": "688",
            "lock_version": "2",
            "evidence": "Tilasto",
            "reason": "Lähde lisätty.",
            "narrative": why,
        },
    )
    assert r.status_code == 302


def test_the_coordinator_changes_the_range_in_the_admin(
    client, staff_coordinator, population
):
    client.force_login(staff_coordinator)
    url = f"/hallinta/indicators/indicator/{population.pk}/change/"
    page = client.get(url).content.decode()
    assert 'name="min_value" value="0"' in page
    assert Indicator._meta.get_field("max_value").verbose_name == "suurin sallittu arvo"


def test_the_migration_gives_existing_indicators_their_units_range(make_indicator):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("indicators.migrations.0010_indicator_range")
    share = make_indicator(name="Osuus", unit="%", baseline_value=50, target_value=60)
    km = make_indicator(name="Matka")
    Indicator.objects.update(min_value=None, max_value=None)
    migration.set_default_ranges(apps, None)
    share.refresh_from_db()
    km.refresh_from_db()
    assert (share.min_value, share.max_value) == (D(0), D(100))
    assert (km.min_value, km.max_value) == (None, None)


def test_the_form_names_the_valid_range(client, recorder, population):
    client.force_login(recorder)
    r = client.get(f"/mittarit/{population.pk}/kirjaa/")
    # The range, then the guidance of the record form (where an explanation
    # is needed).
    assert r.context["form"]["value"].help_text.startswith(
        "Kokonaisluku, esimerkiksi 1 234. Sallittu arvo: vähintään 0 asukasta."
    )
