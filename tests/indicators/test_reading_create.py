"""/mittarit/<pk>/kirjaa/: recording a reading."""

import datetime
from decimal import Decimal

import pytest

from indicators.models import Reading

# Midsummer 2026: the 2025 readings are due, 2026 is under way.
pytestmark = pytest.mark.usefixtures("on_2026_06_15")


def test_it_shows_the_form_with_the_due_period_preselected(
    client, recorder, indicator, make_reading
):
    make_reading(indicator, 2024, "110", user=recorder)
    client.force_login(recorder)
    r = client.get(f"/mittarit/{indicator.pk}/kirjaa/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "Kirjaa tulos" in html
    assert 'name="year" value="2025"' in html  # the period after 2024, unlocalized
    assert 'name="part"' not in html  # yearly: no quarter or month
    assert 'name="qualitative_status"' not in html
    assert 'inputmode="decimal"' in html
    assert "Kevyen liikenteen väylät" in html


def test_it_preselects_the_quarter_that_is_due(
    client, recorder, make_indicator, make_reading
):
    quarterly = make_indicator(frequency="quarterly")
    make_reading(quarterly, 2025, "120", part=4, user=recorder)
    client.force_login(recorder)
    html = client.get(f"/mittarit/{quarterly.pk}/kirjaa/").content.decode()
    assert 'name="year" value="2026"' in html
    assert '<option value="1" selected>' in html
    assert "1. neljännes (tammi–maaliskuu)" in html


def test_it_offers_months_for_a_monthly_indicator(client, recorder, make_indicator):
    monthly = make_indicator(frequency="monthly")
    client.force_login(recorder)
    html = client.get(f"/mittarit/{monthly.pk}/kirjaa/").content.decode()
    assert '<option value="12">Joulukuu</option>' in html
    assert 'name="year" value="2024"' in html  # nothing recorded: the first month


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("12,5", "12.5"),
        ("12.5", "12.5"),
        ("1 234,5", "1234.5"),
        ("1\u00a0234,5", "1234.5"),
        ("1\u202f234,5", "1234.5"),
        ("-3,2", "-3.2"),
        ("\u22123,2", "-3.2"),
    ],
)
def test_it_records_a_number_typed_the_finnish_way(
    client, recorder, indicator, typed, stored
):
    client.force_login(recorder)
    r = client.post(
        f"/mittarit/{indicator.pk}/kirjaa/",
        {"year": "2025", "value": typed, "narrative": "Kaavoitus viivästyi."},
    )
    assert r.status_code == 302
    assert r["Location"] == f"/mittarit/{indicator.pk}/"
    reading = Reading.objects.get(indicator=indicator)
    assert reading.value == Decimal(stored)
    assert (reading.year, reading.part) == (2025, 0)
    assert reading.period_end == datetime.date(2025, 12, 31)


def test_it_sets_who_and_when_on_the_server(
    client, recorder, other_recorder, indicator
):
    client.force_login(recorder)
    client.post(
        f"/mittarit/{indicator.pk}/kirjaa/",
        {
            "year": "2025",
            "value": "130",
            "created_by": other_recorder.pk,
            "updated_by": other_recorder.pk,
            "updated_at": "2020-01-01 00:00",
            "lock_version": "7",
            "indicator": "999",
        },
    )
    reading = Reading.objects.get(indicator=indicator)
    assert reading.created_by == recorder
    assert reading.updated_by == recorder
    assert reading.updated_at.date() != datetime.date(2020, 1, 1)
    assert reading.lock_version == 1


def test_it_says_saved_on_the_next_page(client, recorder, indicator):
    client.force_login(recorder)
    r = client.post(
        f"/mittarit/{indicator.pk}/kirjaa/", {"year": "2025", "value": "130"}
    )
    messages = [str(m) for m in r.wsgi_request._messages]
    assert messages == ["Tulos 2025 tallennettiin."]


def test_it_records_a_qualitative_assessment(client, recorder, qualitative_indicator):
    client.force_login(recorder)
    r = client.post(
        f"/mittarit/{qualitative_indicator.pk}/kirjaa/",
        {
            "year": "2025",
            "qualitative_status": "on_track",
            "narrative": "Kylätapahtumia oli kaikissa kylissä.",
            "evidence": "Kyläyhdistysten raportit",
        },
    )
    assert r.status_code == 302
    reading = Reading.objects.get(indicator=qualitative_indicator)
    assert reading.value is None
    assert reading.qualitative_status == "on_track"
    assert reading.narrative == "Kylätapahtumia oli kaikissa kylissä."
    assert reading.evidence == "Kyläyhdistysten raportit"


def _refused(client, indicator, data):
    r = client.post(f"/mittarit/{indicator.pk}/kirjaa/", data)
    assert r.status_code == 200
    assert not Reading.objects.filter(indicator=indicator).exists()
    return r.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"value": "kaksitoista"}, "Anna luku numeroina, esimerkiksi 12,5 tai 1"),
        ({"value": ""}, "Anna tulos lukuna, esimerkiksi 12,5."),
        ({"value": "130,55"}, "Luvussa saa olla enintään 1 desimaali."),
        ({"year": "2013"}, "Vuoden on oltava 2014–2028: strategiakausi 2024–2028"),
        ({"year": "2027"}, "Jakso 2027 ei ole vielä alkanut."),
        ({"value": "90"}, "Kirjoita lyhyt selitys"),
        # Past the 28 digits of decimal arithmetic: once a server error.
        ({"value": "1" * 29}, "Tässä luvussa voi olla yhteensä enintään 18 numeroa."),
        (
            {"value": "-1234567890123456789012345678,9"},
            "Tässä luvussa voi olla yhteensä enintään 18 numeroa.",
        ),
        ({"value": "1," + "1" * 40}, "Luvussa saa olla enintään 1 desimaali."),
        # Other scripts' digits and a decimal point, which int() would take.
        ({"year": "٢٠٢٥"}, "Anna vuosi numeroina"),
        ({"year": "２٠٢٥"}, "Anna vuosi numeroina"),
        ({"year": "2025.0"}, "Anna vuosi numeroina"),
    ],
)
def test_it_refuses_with_a_message_and_keeps_the_other_input(
    client, recorder, indicator, data, message
):
    client.force_login(recorder)
    typed = {
        "year": "2025",
        "value": "130",
        "evidence": "Katurekisteri 31.12.2025",
        **data,
    }
    html = _refused(client, indicator, typed)
    assert message in html
    assert "Katurekisteri 31.12.2025" in html  # the rest of the input stays
    assert f'value="{typed["year"]}"' in html
    if typed["value"]:
        assert f'value="{typed["value"]}"' in html
    assert "is-invalid" in html


def test_it_refuses_a_second_reading_and_links_to_the_first(
    client, recorder, indicator, make_reading
):
    first = make_reading(indicator, 2025, "120", user=recorder)
    client.force_login(recorder)
    r = client.post(f"/mittarit/{indicator.pk}/kirjaa/", {"year": "2025", "value": "9"})
    html = r.content.decode()
    assert "Jaksolle 2025 on jo kirjattu tulos." in html
    assert f'<a href="/kirjaukset/{first.pk}/muokkaa/">Korjaa sitä tulosta.</a>' in html
    assert Reading.objects.filter(indicator=indicator).count() == 1


def test_it_refuses_a_month_the_frequency_does_not_have(
    client, recorder, make_indicator
):
    quarterly = make_indicator(frequency="quarterly")
    client.force_login(recorder)
    html = _refused(client, quarterly, {"year": "2025", "part": "7", "value": "130"})
    assert "Valitse neljännes 1–4." in html


def test_it_refuses_a_qualitative_reading_without_status_or_narrative(
    client, recorder, qualitative_indicator
):
    client.force_login(recorder)
    html = _refused(
        client,
        qualitative_indicator,
        {"year": "2025", "evidence": "Kyläkysely"},
    )
    assert "Valitse arvioitu tila." in html
    assert "Kirjoita arvio: mitä on tehty ja miten se näkyy." in html
    assert "Kyläkysely" in html


def test_it_explains_in_english_when_english_is_chosen(english, recorder, indicator):
    english.force_login(recorder)
    r = english.post(
        f"/mittarit/{indicator.pk}/kirjaa/", {"year": "2025", "value": "12 34"}
    )
    html = r.content.decode()
    assert "Enter a number in digits, for example 12,5 or 1 234,5." in html
    assert "Record a result" in html


def test_a_retired_indicator_takes_no_new_reading(client, recorder, make_indicator):
    retired = make_indicator(is_active=False)
    client.force_login(recorder)
    for r in [
        client.get(f"/mittarit/{retired.pk}/kirjaa/"),
        client.post(f"/mittarit/{retired.pk}/kirjaa/", {"year": "2025", "value": "1"}),
    ]:
        assert r.status_code == 302
        assert r["Location"] == f"/mittarit/{retired.pk}/"
    assert not Reading.objects.filter(indicator=retired).exists()


def test_it_records_the_current_unfinished_period(client, recorder, indicator):
    client.force_login(recorder)
    r = client.post(
        f"/mittarit/{indicator.pk}/kirjaa/", {"year": "2026", "value": "140"}
    )
    assert r.status_code == 302
    assert Reading.objects.get(indicator=indicator).year == 2026


def test_the_history_names_who_recorded(client, recorder, indicator):
    client.force_login(recorder)
    client.post(f"/mittarit/{indicator.pk}/kirjaa/", {"year": "2025", "value": "130"})
    record = Reading.history.get()
    assert record.history_user == recorder
    assert record.history_type == "+"


def test_an_assessment_is_called_an_assessment(client, recorder, qualitative_indicator):
    client.force_login(recorder)
    html = client.get(f"/mittarit/{qualitative_indicator.pk}/kirjaa/").content.decode()
    assert "<h1>Kirjaa arvio</h1>" in html
    assert 'name="qualitative_status" value="achieved"' in html
    assert 'name="value"' not in html


def test_a_reading_saved_meanwhile_for_the_period_is_not_overwritten(
    client, recorder, other_recorder, coordinator, indicator, make_reading, monkeypatch
):
    # The coordinator saves 2025 after this form was checked, before it saved.
    from indicators.forms import ReadingForm

    real = ReadingForm._check_period
    raced = []

    def racing(self, year, part):
        if not raced:
            raced.append(make_reading(indicator, year, "125", user=coordinator))
            return True
        return real(self, year, part)

    monkeypatch.setattr(ReadingForm, "_check_period", racing)
    client.force_login(recorder)
    r = client.post(
        f"/mittarit/{indicator.pk}/kirjaa/", {"year": "2025", "value": "130"}
    )
    assert r.status_code == 200
    html = r.content.decode()
    assert "Jaksolle 2025 on jo kirjattu tulos." in html
    assert f'<a href="/kirjaukset/{raced[0].pk}/muokkaa/">' in html
    assert Reading.objects.get(indicator=indicator).value == Decimal("125")


def test_a_year_of_thousands_of_digits_is_refused_beside_its_field(
    client, recorder, indicator
):
    # Found by tests/fuzz/: int() fails past 4 300 digits (a server error).
    client.force_login(recorder)
    html = _refused(client, indicator, {"year": "1" * 5000, "value": "130"})
    assert "Anna vuosi numeroina, esimerkiksi 2025." in html
