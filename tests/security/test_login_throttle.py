"""Wrong passwords slow down, then lock for a while, on /kirjaudu/ and the admin."""

import datetime

import pytest
import time_machine

from strategy import login_throttle
from strategy.login_throttle import LoginFailure

T0 = datetime.datetime(2026, 6, 15, 9, 0, tzinfo=datetime.UTC)
PAGES = {"portal": "/kirjaudu/", "admin": "/hallinta/login/"}


def attempt(client, page, password, username="kirjaaja"):
    r = client.post(PAGES[page], {"username": username, "password": password})
    return r.status_code == 302, r.content.decode()


@pytest.mark.parametrize("page", PAGES)
def test_failures_slow_down_then_lock_then_expire(
    client, page, recorder, staff_coordinator
):
    username = "kirjaaja" if page == "portal" else "koordinaattori"
    with time_machine.travel(T0, tick=False) as clock:
        for _ in range(3):  # three free failures
            ok, html = attempt(client, page, "väärä", username)
            assert not ok and "Liian monta" not in html
        # The 4th, made at once, must wait 2 s: even with the right password.
        ok, html = attempt(client, page, "salasana-123", username)
        assert not ok and "Odota 2 sekuntia" in html
        clock.shift(datetime.timedelta(seconds=2))
        ok, html = attempt(client, page, "väärä", username)
        assert not ok and "Liian monta" not in html  # counted: 4 failures
        ok, html = attempt(client, page, "väärä", username)
        assert "Odota 4 sekuntia" in html
        # Keep failing, waiting each time, until locked.
        while LoginFailure.objects.get(key=f"user:{username}").count < 10:
            clock.shift(datetime.timedelta(seconds=600))
            attempt(client, page, "väärä", username)
        clock.shift(datetime.timedelta(minutes=10))
        ok, html = attempt(client, page, "salasana-123", username)
        assert not ok and "minuutin kuluttua" in html
        clock.shift(datetime.timedelta(minutes=6))  # 16 min: the lock is over
        ok, _html = attempt(client, page, "salasana-123", username)
        assert ok
        assert not LoginFailure.objects.filter(key=f"user:{username}").exists()


def test_a_successful_login_resets_the_count(client, recorder):
    with time_machine.travel(T0, tick=False) as clock:
        for _ in range(3):
            attempt(client, "portal", "väärä")
        clock.shift(datetime.timedelta(seconds=2))
        assert attempt(client, "portal", "salasana-123")[0]
        assert login_throttle.seconds_to_wait("kirjaaja", None) == 0


def test_many_names_from_one_address_are_throttled_too(client, db):
    with time_machine.travel(T0, tick=False):
        for i in range(4):
            attempt(client, "portal", "väärä", username=f"nimi{i}")
        ok, html = attempt(client, "portal", "väärä", username="uusi-nimi")
        assert "Odota" in html


def test_every_lock_is_logged(client, recorder, caplog):
    with time_machine.travel(T0, tick=False) as clock:
        for _ in range(10):
            attempt(client, "portal", "väärä")
            clock.shift(datetime.timedelta(seconds=600))
    assert any(
        "Login locked" in r.getMessage() and "user:kirjaaja" in r.getMessage()
        for r in caplog.records
    )


def test_the_wait_rule():
    assert [login_throttle.wait_seconds(n) for n in range(0, 11)] == [
        0,
        0,
        0,
        2,
        4,
        8,
        16,
        32,
        64,
        128,
        900,
    ]


def test_messages_are_in_english_when_chosen(client, recorder, english):
    with time_machine.travel(T0, tick=False):
        for _ in range(4):
            attempt(client, "portal", "wrong")
        _ok, html = attempt(client, "portal", "wrong")
    assert "Too many failed attempts" in html
