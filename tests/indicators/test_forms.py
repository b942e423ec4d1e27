"""The entry forms on their own: what they accept and how they refuse."""

import datetime
from decimal import Decimal

from django.utils import translation

import pytest

from indicators.forms import (
    FinnishDecimalField,
    ReadingForm,
    StatusOverrideForm,
    WithdrawForm,
)

TODAY = datetime.date(2026, 6, 15)


def reading_form(indicator, data, **kwargs):
    return ReadingForm(data, indicator=indicator, today=TODAY, **kwargs)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12,5", "12.5"),
        ("12.5", "12.5"),
        ("1 234,5", "1234.5"),
        ("1\u00a0234,5", "1234.5"),
        ("1\u202f234,5", "1234.5"),
        ("-3,2", "-3.2"),
        ("\u22123,2", "-3.2"),
        ("12,50", "12.5"),
    ],
)
def test_it_accepts_finnish_numbers(indicator, text, value):
    form = reading_form(indicator, {"year": "2025", "value": text, "narrative": "x"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["value"] == Decimal(value)


@pytest.mark.parametrize("text", ["abc", "12,5 km", "1.234,5", "12 34"])
def test_it_rejects_what_is_not_a_number(indicator, text):
    form = reading_form(indicator, {"year": "2025", "value": text})
    assert not form.is_valid()
    assert form.errors["value"] == [
        "Anna luku numeroina, esimerkiksi 12,5 tai 1 234,5."
    ]


def test_it_requires_a_value_for_a_numeric_indicator(indicator):
    form = reading_form(indicator, {"year": "2025", "value": "  "})
    assert not form.is_valid()
    assert form.errors["value"] == ["Anna tulos lukuna, esimerkiksi 12,5."]


def test_it_says_how_many_decimals_are_allowed(make_indicator):
    one = make_indicator(decimals=1)
    form = reading_form(one, {"year": "2025", "value": "120,55"})
    assert form.errors["value"] == ["Luvussa saa olla enintään 1 desimaali."]
    two = make_indicator(decimals=2)
    form = reading_form(two, {"year": "2025", "value": "120,555"})
    assert form.errors["value"] == ["Luvussa saa olla enintään 2 desimaalia."]
    whole = make_indicator(decimals=0)
    form = reading_form(whole, {"year": "2025", "value": "120,5"})
    assert form.errors["value"] == [
        "Anna kokonaisluku: tähän mittariin ei kirjata desimaaleja."
    ]


def test_it_says_it_in_english_when_english_is_chosen(make_indicator):
    two = make_indicator(decimals=2)
    with translation.override("en"):
        form = reading_form(two, {"year": "2025", "value": "1,234"})
        assert form.errors["value"] == ["At most 2 decimal places are allowed."]
        form = reading_form(two, {"year": "2025", "value": "abc"})
        assert form.errors["value"] == [
            "Enter a number in digits, for example 12,5 or 1 234,5."
        ]


HISTORY_MESSAGE = (
    "Vuoden on oltava 2014–2028: strategiakausi 2024–2028 tai enintään 10 "
    "vuotta sitä ennen."
)


@pytest.mark.parametrize("year", ["2013", "2029"])
def test_it_rejects_a_year_outside_the_strategy_and_its_history(indicator, year):
    form = reading_form(indicator, {"year": year, "value": "120"})
    assert form.errors["year"] == [HISTORY_MESSAGE]


@pytest.mark.parametrize("year", ["2014", "2017", "2023"])
def test_it_accepts_history_before_the_strategy_without_explanation(indicator, year):
    # Far below the plan, but before the period: context, never judged.
    form = reading_form(indicator, {"year": year, "value": "1"})
    assert form.is_valid(), form.errors


def test_the_history_years_are_a_setting(indicator, settings):
    settings.INDICATOR_HISTORY_YEARS = 3
    assert reading_form(indicator, {"year": "2021", "value": "120"}).is_valid()
    form = reading_form(indicator, {"year": "2020", "value": "120"})
    assert form.errors["year"] == [
        "Vuoden on oltava 2021–2028: strategiakausi 2024–2028 tai enintään 3 "
        "vuotta sitä ennen."
    ]
    settings.INDICATOR_HISTORY_YEARS = 0
    form = reading_form(indicator, {"year": "2023", "value": "120"})
    assert form.errors["year"] == ["Vuoden on oltava strategiakaudella 2024–2028."]


def test_the_year_field_names_the_history_years(indicator):
    field = reading_form(indicator, None)["year"]
    assert "Aiemmat vuodet 2014 alkaen kirjataan historiatiedoksi" in str(
        field.help_text
    )
    assert 'min="2014"' in str(field)


def test_it_still_asks_for_an_explanation_in_the_strategy_period(indicator):
    form = reading_form(indicator, {"year": "2024", "value": "1"})
    assert "narrative" in form.errors


def test_it_rejects_a_future_period_but_not_the_current_one(make_indicator):
    yearly = make_indicator()
    form = reading_form(yearly, {"year": "2027", "value": "140"})
    assert form.errors["year"] == [
        "Jakso 2027 ei ole vielä alkanut. Tuloksen voi kirjata kuluvalle tai "
        "päättyneelle jaksolle."
    ]
    form = reading_form(yearly, {"year": "2026", "value": "140"})
    assert form.is_valid(), form.errors

    quarterly = make_indicator(frequency="quarterly")
    form = reading_form(quarterly, {"year": "2026", "part": "3", "value": "140"})
    assert "ei ole vielä alkanut" in form.errors["part"][0]
    form = reading_form(quarterly, {"year": "2026", "part": "2", "value": "140"})
    assert form.is_valid(), form.errors


def test_it_accepts_a_period_that_started_today(make_indicator):
    monthly = make_indicator(frequency="monthly")
    form = ReadingForm(
        {"year": "2026", "part": "7", "value": "140"},
        indicator=monthly,
        today=datetime.date(2026, 7, 1),
    )
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("frequency", "part", "message"),
    [
        ("quarterly", "5", "Valitse neljännes 1–4."),
        ("quarterly", "0", "Valitse neljännes 1–4."),
        ("monthly", "13", "Valitse kuukausi 1–12."),
        ("monthly", "kesä", "Valitse kuukausi 1–12."),
        ("quarterly", "", "Valitse neljännes."),
    ],
)
def test_it_rejects_a_part_the_frequency_does_not_have(
    make_indicator, frequency, part, message
):
    indicator = make_indicator(frequency=frequency)
    form = reading_form(indicator, {"year": "2025", "part": part, "value": "120"})
    assert form.errors["part"] == [message]


def test_a_yearly_indicator_has_no_part_field(indicator):
    form = reading_form(indicator, {"year": "2025", "part": "3", "value": "120"})
    assert "part" not in form.fields
    assert form.is_valid(), form.errors
    assert form.save(commit=False).part == 0


def test_it_refuses_a_second_reading_and_links_to_the_first(
    indicator, recorder, make_reading
):
    first = make_reading(indicator, 2025, "120", user=recorder)
    form = reading_form(indicator, {"year": "2025", "value": "121"})
    assert not form.is_valid()
    [message] = form.errors["year"]
    assert "Jaksolle 2025 on jo kirjattu tulos." in message
    assert f'<a href="/kirjaukset/{first.pk}/muokkaa/">' in message


def test_a_withdrawn_reading_does_not_block_its_period(
    indicator, recorder, make_reading
):
    make_reading(
        indicator,
        2025,
        "120",
        user=recorder,
        withdrawn_at=datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC),
        withdrawn_reason="väärä",
    )
    form = reading_form(indicator, {"year": "2025", "value": "121"})
    assert form.is_valid(), form.errors


def test_a_qualitative_reading_needs_a_status_and_a_narrative(qualitative_indicator):
    form = reading_form(qualitative_indicator, {"year": "2025", "value": "12"})
    assert "value" not in form.fields
    assert form.errors["qualitative_status"] == ["Valitse arvioitu tila."]
    assert form.errors["narrative"] == [
        "Kirjoita arvio: mitä on tehty ja miten se näkyy."
    ]
    form = reading_form(
        qualitative_indicator,
        {"year": "2025", "qualitative_status": "on_track", "narrative": "   "},
    )
    assert form.errors["narrative"] == [
        "Kirjoita arvio: mitä on tehty ja miten se näkyy."
    ]
    form = reading_form(
        qualitative_indicator,
        {"year": "2025", "qualitative_status": "no_data", "narrative": "Hyvin."},
    )
    assert "qualitative_status" in form.errors
    form = reading_form(
        qualitative_indicator,
        {"year": "2025", "qualitative_status": "on_track", "narrative": "Hyvin."},
    )
    assert form.is_valid(), form.errors


# The test indicator plans 100 km (2023) → 150 km (2028): 120 km for 2025.


@pytest.mark.parametrize(
    ("value", "status"),
    [("110", "riskissä"), ("90", "ei etene tavoitteen mukaisesti")],
)
def test_a_reading_at_risk_or_off_track_needs_an_explanation(indicator, value, status):
    form = reading_form(indicator, {"year": "2025", "value": value})
    assert form.errors["narrative"] == [
        f"Tällä tuloksella mittarin tila on ”{status}”. Kirjoita lyhyt selitys: "
        "miksi tulos jää tavoitteesta ja mitä asialle tehdään."
    ]
    form = reading_form(
        indicator, {"year": "2025", "value": value, "narrative": "Kaava viivästyi."}
    )
    assert form.is_valid(), form.errors


def test_a_reading_on_track_needs_no_explanation(indicator):
    form = reading_form(indicator, {"year": "2025", "value": "119"})
    assert form.is_valid(), form.errors


def test_the_explanation_rule_uses_the_annual_targets(indicator):
    # 119 is on track against the line, but the budget asked for 130.
    indicator.annual_targets.create(year=2025, value=Decimal("130"))
    form = reading_form(indicator, {"year": "2025", "value": "119"})
    assert "narrative" in form.errors


def test_a_retired_indicator_takes_no_new_readings(make_indicator):
    retired = make_indicator(is_active=False)
    form = reading_form(retired, {"year": "2025", "value": "120"})
    assert form.non_field_errors() == [
        "Mittari on poistunut käytöstä, eikä sille kirjata uusia tuloksia."
    ]


def test_it_shows_a_stored_value_back_in_finnish(indicator, recorder, make_reading):
    reading = make_reading(indicator, 2025, "1234.5", user=recorder)
    reading.refresh_from_db()  # 1234.5000 as the database returns it
    form = ReadingForm(instance=reading, indicator=indicator, today=TODAY)
    html = str(form["value"])
    assert 'value="1234,5"' in html
    assert 'inputmode="decimal"' in html
    assert 'value="2025"' in str(form["year"])


def test_it_keeps_the_typed_text_when_it_refuses_it(indicator):
    form = reading_form(indicator, {"year": "2025", "value": "12,3,4"})
    assert not form.is_valid()
    assert 'value="12,3,4"' in str(form["value"])


def test_the_number_field_reads_what_the_admin_shows():
    field = FinnishDecimalField(required=False)
    assert field.clean("1 234,5") == Decimal("1234.5")
    assert field.clean("") is None
    assert field.prepare_value(Decimal("150.0000")) == "150"


def test_the_number_field_refuses_more_digits_than_the_column_holds():
    field = FinnishDecimalField()
    with pytest.raises(Exception) as exc:
        field.clean("123456789012345")
    assert "14" in str(exc.value)


def test_a_withdrawal_needs_a_reason():
    form = WithdrawForm({"reason": "  ", "lock_version": "1"})
    assert form.errors["reason"] == ["Kirjoita syy, miksi tulos perutaan."]
    assert WithdrawForm({"reason": "Väärä jakso.", "lock_version": "1"}).is_valid()


def test_an_override_needs_a_justification(indicator):
    form = StatusOverrideForm(
        {"status": "at_risk", "justification": " "}, indicator=indicator
    )
    assert form.errors["justification"] == [
        "Kirjoita perustelu: tilaa ei muuteta käsin ilman sitä."
    ]


def test_there_is_no_override_to_clear_on_a_plain_indicator(indicator):
    form = StatusOverrideForm(
        {"status": "", "justification": "Ei syytä."}, indicator=indicator
    )
    assert form.errors["status"] == [
        "Mittarilla ei ole käsin asetettua tilaa. Valitse tila."
    ]
