"""/kirjaukset/<pk>/muokkaa/: correcting a reading, never overwriting another's."""

import datetime
import re
from decimal import Decimal

import pytest

from indicators.models import Reading
from tests.rows import stored

# Midsummer 2026: the 2025 readings are due, 2026 is under way.
pytestmark = pytest.mark.usefixtures("on_2026_06_15")


@pytest.fixture
def reading(indicator, recorder, make_reading):
    return make_reading(indicator, 2025, "1234.5", user=recorder, evidence="Rekisteri")


def test_it_shows_the_reading_in_finnish_form(client, recorder, reading):
    client.force_login(recorder)
    r = client.get(f"/kirjaukset/{reading.pk}/muokkaa/")
    assert r.status_code == 200
    html = r.content.decode()
    assert 'name="value" value="1234,5"' in html
    assert 'name="year" value="2025"' in html
    assert '<input type="hidden" name="lock_version" value="1"' in html
    assert "Korjaa tulos 2025" in html
    assert f'href="/kirjaukset/{reading.pk}/peru/"' in html


def test_it_saves_a_correction(client, recorder, coordinator, reading):
    client.force_login(coordinator)
    r = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {
            "year": "2025",
            "value": "130,5",
            "evidence": "Rekisteri",
            "lock_version": "1",
            "reason": "Näppäilyvirhe",
        },
    )
    assert r.status_code == 302
    assert r["Location"] == f"/mittarit/{reading.indicator_id}/"
    reading.refresh_from_db()
    assert reading.value == Decimal("130.5")
    assert reading.lock_version == 2
    assert reading.created_by == recorder
    assert reading.updated_by == coordinator
    assert [str(m) for m in r.wsgi_request._messages] == [
        "Tuloksen 2025 korjaus tallennettiin."
    ]


def test_the_history_keeps_the_old_and_the_new_value(client, coordinator, reading):
    client.force_login(coordinator)
    client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {
            "year": "2025",
            "value": "130,5",
            "evidence": "Rekisteri",
            "lock_version": "1",
            "reason": "Näppäilyvirhe",
        },
    )
    new, old = reading.history.order_by("-history_id")[:2]
    assert old.value == Decimal("1234.5")
    assert new.value == Decimal("130.5")
    assert new.history_user == coordinator


def test_the_second_of_two_saves_from_the_same_version_is_refused(
    client, recorder, coordinator, reading
):
    # Both opened the form at version 1; the coordinator saves first.
    client.force_login(coordinator)
    first = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {
            "year": "2025",
            "value": "130",
            "evidence": "Rekisteri",
            "lock_version": "1",
            "reason": "Tilasto päivittyi",
        },
    )
    assert first.status_code == 302

    client.force_login(recorder)
    second = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {
            "year": "2025",
            "value": "140",
            "evidence": "Oma laskenta",
            "lock_version": "1",
            "reason": "Näppäilyvirhe",
        },
    )
    assert second.status_code == 409
    html = second.content.decode()
    assert "Muutostasi ei tallennettu." in html
    assert "Koordinaattori tallensi tähän tulokseen muutoksen" in html
    assert "Mitään ei kirjoitettu yli." in html
    assert f'<a href="/kirjaukset/{reading.pk}/muokkaa/">Lataa tulos uudelleen</a>' in (
        html
    )
    assert 'value="140"' in html  # the unsaved input is shown to copy from
    assert "Oma laskenta" in html

    reading.refresh_from_db()
    assert reading.value == Decimal("130")
    assert reading.evidence == "Rekisteri"
    assert reading.lock_version == 2
    assert reading.updated_by == coordinator
    assert reading.history.count() == 2  # created, the coordinator's save


def test_a_save_after_a_withdrawal_is_refused(client, recorder, reading):
    client.force_login(recorder)
    client.post(
        f"/kirjaukset/{reading.pk}/peru/",
        {"reason": "Väärä jakso", "lock_version": "1"},
    )
    r = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {"year": "2025", "value": "140", "lock_version": "1", "reason": "Korjaus"},
    )
    # A withdrawn reading is no longer found for editing.
    assert r.status_code == 404
    reading.refresh_from_db()
    assert reading.value == Decimal("1234.5")


def test_a_conflict_with_a_withdrawal_made_meanwhile_is_explained(
    client, recorder, coordinator, reading, monkeypatch
):
    # Someone withdraws the reading after this page loaded it, before the
    # save claims it.
    from indicators import permissions

    real = permissions.get_reading_for_editing

    def withdrawn_meanwhile(request, pk):
        loaded = real(request, pk)
        Reading.objects.filter(pk=pk).update(
            withdrawn_at=datetime.datetime(2026, 6, 15, tzinfo=datetime.UTC),
            withdrawn_reason="Väärä",
            updated_by=coordinator,
            lock_version=2,
        )
        return loaded

    monkeypatch.setattr(permissions, "get_reading_for_editing", withdrawn_meanwhile)
    client.force_login(recorder)
    r = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {"year": "2025", "value": "140", "lock_version": "1", "reason": "Korjaus"},
    )
    assert r.status_code == 409
    assert "Koordinaattori perui tämän tuloksen" in r.content.decode()
    reading.refresh_from_db()
    assert reading.value == Decimal("1234.5")


def test_an_unchanged_form_saves_nothing(client, recorder, reading):
    client.force_login(recorder)
    r = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {
            "year": "2025",
            "value": "1 234,5",
            "evidence": "Rekisteri",
            "lock_version": "1",
            "reason": "Näppäilyvirhe",
        },
    )
    assert r.status_code == 302
    reading.refresh_from_db()
    assert reading.lock_version == 1
    assert reading.history.count() == 1


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({"value": "12,5 km"}, "Anna luku numeroina"),
        # Past the 28 digits of decimal arithmetic: once a server error.
        ({"value": "1" * 29}, "Tässä luvussa voi olla yhteensä enintään 18 numeroa."),
        (
            {"value": "1234567890123456789012345678,9"},
            "Tässä luvussa voi olla yhteensä enintään 18 numeroa.",
        ),
        ({"value": "1," + "1" * 40}, "Luvussa saa olla enintään 1 desimaali."),
    ],
)
def test_it_refuses_a_bad_number_and_keeps_the_input(
    client, recorder, reading, typed, message
):
    before = stored(reading)
    client.force_login(recorder)
    data = {"year": "2025", "value": "1234,5", "evidence": "Uusi lähde"}
    r = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {**data, **typed, "lock_version": "1", "reason": "Korjaus"},
    )
    assert r.status_code == 200
    html = r.content.decode()
    assert message in html
    typed = {**data, **typed}  # the input stays, to correct
    assert f'name="year" value="{typed["year"]}"' in html
    assert f'name="value" value="{typed["value"]}"' in html
    assert "Uusi lähde" in html
    assert stored(reading) == before


@pytest.mark.parametrize("year", ["2024", "٢٠٢٤", "2024.0"])
def test_it_refuses_to_move_a_reading_to_another_period(
    client, recorder, reading, year
):
    before = stored(reading)
    client.force_login(recorder)
    r = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {
            "year": year,
            "value": "1234,5",
            "evidence": "Rekisteri",
            "lock_version": "1",
            "reason": "Väärä vuosi",
        },
    )
    assert r.status_code == 200
    html = r.content.decode()
    assert "Korjaus ei siirrä tulosta toiselle jaksolle." in html
    assert "peru se ja kirjaa tulos oikealle jaksolle" in html
    assert stored(reading) == before


def test_it_shows_the_period_without_letting_it_change(client, recorder, reading):
    client.force_login(recorder)
    html = client.get(f"/kirjaukset/{reading.pk}/muokkaa/").content.decode()
    assert 'name="year" value="2025"' in html
    assert re.search(r'<input[^>]*name="year"[^>]*disabled', html)
    assert "Jos tulos on kirjattu väärälle jaksolle, peru se" in html


def test_a_correction_keeps_the_period_when_none_is_posted(client, recorder, reading):
    # A disabled field is not sent by browsers: the stored period stays.
    client.force_login(recorder)
    r = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {"value": "1200", "lock_version": "1", "reason": "Tilasto päivittyi"},
    )
    assert r.status_code == 302
    reading.refresh_from_db()
    assert (reading.year, reading.value) == (2025, Decimal("1200"))


def test_it_needs_a_reason(client, recorder, reading):
    before = stored(reading)
    client.force_login(recorder)
    for reason in ("", "   "):
        r = client.post(
            f"/kirjaukset/{reading.pk}/muokkaa/",
            {"value": "1200", "lock_version": "1", "reason": reason},
        )
        assert r.status_code == 200
        assert "Kirjoita lyhyesti, miksi tulosta korjataan." in r.content.decode()
    assert stored(reading) == before


def test_the_reason_is_shown_in_the_history(client, recorder, reading):
    client.force_login(recorder)
    client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {"value": "1200", "lock_version": "1", "reason": "Tilasto päivittyi"},
    )
    html = client.get(f"/mittarit/{reading.indicator_id}/").content.decode()
    history = html[html.index('id="history-heading"') :]
    assert "Korjauksen syy:</span> Tilasto päivittyi" in history


def test_the_service_refuses_to_move_a_reading_or_correct_without_reason(
    recorder, reading
):
    from indicators import services

    with pytest.raises(ValueError):
        services.reading_correct(
            reading=reading,
            user=recorder,
            lock_version=1,
            fields={"year": 2024},
            reason="Siirto",
        )
    with pytest.raises(ValueError):
        services.reading_correct(
            reading=reading,
            user=recorder,
            lock_version=1,
            fields={"value": Decimal("1")},
            reason=" ",
        )
    reading.refresh_from_db()
    assert (reading.year, reading.lock_version) == (2025, 1)


def test_a_correction_at_risk_needs_an_explanation(client, recorder, reading):
    client.force_login(recorder)
    r = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {"year": "2025", "value": "90", "lock_version": "1", "reason": "Korjaus"},
    )
    assert "Kirjoita lyhyt selitys" in r.content.decode()
    reading.refresh_from_db()
    assert reading.value == Decimal("1234.5")


def test_a_withdrawn_reading_cannot_be_edited(
    client, recorder, indicator, make_reading
):
    withdrawn = make_reading(
        indicator,
        2024,
        "110",
        user=recorder,
        withdrawn_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        withdrawn_reason="Väärä",
    )
    client.force_login(recorder)
    assert client.get(f"/kirjaukset/{withdrawn.pk}/muokkaa/").status_code == 404


def test_it_answers_404_for_an_unknown_reading(client, recorder, db):
    client.force_login(recorder)
    assert client.get("/kirjaukset/999999/muokkaa/").status_code == 404
