"""/kirjaukset/<pk>/peru/: withdrawing a reading keeps it, with the reason."""

import datetime
from decimal import Decimal

import pytest

from indicators.models import Reading

# Midsummer 2026: the 2025 readings are due, 2026 is under way.
pytestmark = pytest.mark.usefixtures("on_2026_06_15")


def test_it_asks_for_confirmation_first(client, recorder, reading):
    client.force_login(recorder)
    r = client.get(f"/kirjaukset/{reading.pk}/peru/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "Peru tulos 2025" in html
    assert "130,0\xa0km" in html
    assert 'name="reason"' in html
    reading.refresh_from_db()
    assert reading.withdrawn_at is None


def test_it_withdraws_with_a_reason_and_deletes_nothing(
    client, recorder, coordinator, reading
):
    client.force_login(coordinator)
    r = client.post(
        f"/kirjaukset/{reading.pk}/peru/",
        {"reason": "Kirjattu väärälle mittarille.", "lock_version": "1"},
    )
    assert r.status_code == 302
    assert r["Location"] == f"/mittarit/{reading.indicator_id}/"
    reading.refresh_from_db()
    assert reading.withdrawn_at is not None
    assert reading.withdrawn_reason == "Kirjattu väärälle mittarille."
    assert reading.value == Decimal("130")
    assert reading.updated_by == coordinator
    assert reading.lock_version == 2
    assert reading.history.latest().history_user == coordinator
    assert [str(m) for m in r.wsgi_request._messages] == [
        "Tulos 2025 peruttiin. Jakson tuloksen voi nyt kirjata uudelleen."
    ]


def test_it_needs_a_reason(client, recorder, reading):
    client.force_login(recorder)
    r = client.post(
        f"/kirjaukset/{reading.pk}/peru/", {"reason": " ", "lock_version": "1"}
    )
    assert r.status_code == 200
    assert "Kirjoita syy, miksi tulos perutaan." in r.content.decode()
    reading.refresh_from_db()
    assert reading.withdrawn_at is None


def test_the_period_can_be_recorded_again(client, recorder, indicator, reading):
    client.force_login(recorder)
    client.post(
        f"/kirjaukset/{reading.pk}/peru/", {"reason": "Väärä luku", "lock_version": "1"}
    )
    r = client.post(
        f"/mittarit/{indicator.pk}/kirjaa/", {"year": "2025", "value": "131"}
    )
    assert r.status_code == 302
    assert Reading.objects.filter(indicator=indicator).count() == 2
    assert Reading.objects.valid().get(indicator=indicator).value == Decimal("131")


def test_it_refuses_to_withdraw_what_changed_meanwhile(
    client, recorder, coordinator, reading
):
    client.force_login(coordinator)
    client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {"year": "2025", "value": "131", "lock_version": "1", "reason": "Korjaus"},
    )
    client.force_login(recorder)
    r = client.post(
        f"/kirjaukset/{reading.pk}/peru/", {"reason": "Väärä luku", "lock_version": "1"}
    )
    assert r.status_code == 409
    html = r.content.decode()
    assert "Tulosta ei peruttu." in html
    assert f'<a href="/kirjaukset/{reading.pk}/peru/">Lataa sivu uudelleen</a>' in html
    reading.refresh_from_db()
    assert reading.withdrawn_at is None
    assert reading.value == Decimal("131")


def test_a_withdrawal_made_meanwhile_is_explained(
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
            withdrawn_reason="Väärä jakso",
            updated_by=coordinator,
            lock_version=2,
        )
        return loaded

    monkeypatch.setattr(permissions, "get_reading_for_editing", withdrawn_meanwhile)
    client.force_login(recorder)
    r = client.post(
        f"/kirjaukset/{reading.pk}/peru/", {"reason": "Väärä luku", "lock_version": "1"}
    )
    assert r.status_code == 409
    html = r.content.decode()
    assert "Tulosta ei peruttu." in html
    assert "Koordinaattori perui tämän tuloksen" in html
    assert f'href="/mittarit/{reading.indicator_id}/">Siirry mittarin sivulle' in html
    assert "Väärä luku" in html  # the typed reason stays
    reading.refresh_from_db()
    assert reading.withdrawn_reason == "Väärä jakso"


def test_a_withdrawn_reading_cannot_be_withdrawn_again(client, recorder, reading):
    client.force_login(recorder)
    client.post(
        f"/kirjaukset/{reading.pk}/peru/", {"reason": "Väärä", "lock_version": "1"}
    )
    r = client.post(
        f"/kirjaukset/{reading.pk}/peru/", {"reason": "Uudestaan", "lock_version": "2"}
    )
    assert r.status_code == 404
    reading.refresh_from_db()
    assert reading.withdrawn_reason == "Väärä"
