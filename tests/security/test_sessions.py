"""Staff sessions end after 30 minutes idle and 12 hours in all; typed text survives."""

import datetime

from django.utils import timezone

import time_machine

T0 = datetime.datetime(2026, 6, 15, 9, 0, tzinfo=datetime.UTC)


def login(client, username="kirjaaja"):
    r = client.post("/kirjaudu/", {"username": username, "password": "salasana-123"})
    assert r.status_code == 302


def test_a_session_survives_activity_and_ends_after_thirty_idle_minutes(
    client, recorder
):
    with time_machine.travel(T0, tick=False) as clock:
        login(client)
        clock.shift(datetime.timedelta(minutes=29))
        assert client.get("/omat/").status_code == 200
        clock.shift(datetime.timedelta(minutes=29))  # 58 min after login, 29 idle
        assert client.get("/omat/").status_code == 200
        clock.shift(datetime.timedelta(minutes=31))
        r = client.get("/omat/")
        assert r.status_code == 302
        assert r["Location"].startswith("/kirjaudu/?next=/omat/")


def test_a_session_ends_after_twelve_hours_however_active(client, recorder):
    with time_machine.travel(T0, tick=False) as clock:
        login(client)
        for _ in range(12 * 3 + 1):  # a request every 20 minutes, past 12 hours
            clock.shift(datetime.timedelta(minutes=20))
            r = client.get("/omat/")
        assert r.status_code == 302  # the request at 12 h 20 min
        assert timezone.now() - T0 >= datetime.timedelta(hours=12)


def test_the_cookie_lasts_no_longer_than_the_session(settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 3600
    assert settings.SESSION_IDLE_SECONDS == 30 * 60


def test_text_typed_into_an_ended_session_comes_back_after_login(
    client, recorder, indicator
):
    path = f"/mittarit/{indicator.pk}/kirjaa/"
    typed = "Arvio, jonka kirjoittaminen kesti kauan."
    with time_machine.travel(T0, tick=False) as clock:
        login(client)
        assert client.get(path).status_code == 200
        clock.shift(datetime.timedelta(minutes=45))
        r = client.post(path, {"year": "2025", "value": "12,5", "narrative": typed})
        assert r.status_code == 302
        assert r["Location"].startswith("/kirjaudu/?next=")
        login_page = client.get(r["Location"]).content.decode()
        assert "Kirjoittamasi teksti on tallessa" in login_page
        assert indicator.readings.count() == 0  # nothing saved without the user
        r = client.post(
            "/kirjaudu/?next=" + path,
            {"username": "kirjaaja", "password": "salasana-123", "next": path},
        )
        assert r["Location"] == path
        html = client.get(path).content.decode()
        assert typed in html
        assert 'value="12,5"' in html
        # Shown once: a second visit is an empty form again.
        assert typed not in client.get(path).content.decode()
