"""Corrections and withdrawals sent at the same moment, on real threads.

Each request runs in its own thread with its own database connection, as
under several app servers. The version check must hold: one save wins, every
other gets the 409 page that keeps its text, and no request fails. Only
PostgreSQL locks rows (SQLite writes one at a time); CI runs this on it.
"""

import threading
from decimal import Decimal

from django.db import connection, connections
from django.test import Client

import pytest

from strategy.models import User

THREADS = 8

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("on_2026_06_15"),
]


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (set DATABASE_URL); CI runs it there")


@pytest.fixture
def clients(technical):
    """A logged-in client per thread, each a different member of the department
    (a save changes who last changed the reading, which the lock must survive).
    """
    result = []
    for n in range(THREADS):
        user = User.objects.create_user(f"kirjaaja{n}", first_name=f"Kirjaaja {n}")
        technical.members.add(user)
        client = Client()
        client.force_login(user)
        client.raise_request_exception = False  # a server error is an answer here
        result.append(client)
    return result


@pytest.fixture
def reading(indicator, technical, make_reading):
    # Not the cast's recorder: that needs the role groups, which a
    # transactional test's database loses when an earlier one is emptied.
    author = User.objects.create_user("kirjaaja", first_name="Kirjaaja")
    technical.members.add(author)
    return make_reading(indicator, 2025, "1234.5", user=author, evidence="Rekisteri")


def _post_at_once(clients, path: str, data_for) -> list:
    """POST from every client at the same moment; the responses in order."""
    barrier = threading.Barrier(len(clients))
    responses = [None] * len(clients)

    def send(n: int) -> None:
        try:
            barrier.wait()
            responses[n] = clients[n].post(path, data_for(n))
        finally:
            connections.close_all()  # this thread's own connection

    threads = [threading.Thread(target=send, args=(n,)) for n in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return responses


def test_it_lets_one_of_parallel_corrections_win_and_refuses_the_rest(clients, reading):
    responses = _post_at_once(
        clients,
        f"/kirjaukset/{reading.pk}/muokkaa/",
        lambda n: {
            "year": "2025",
            "value": f"{200 + n},5",
            "evidence": f"Lähde {n}",
            "lock_version": "1",
            "reason": f"Korjaus {n}",
        },
    )

    codes = [r.status_code for r in responses]
    assert sorted(codes) == [302] + [409] * (THREADS - 1), codes
    winner = codes.index(302)
    reading.refresh_from_db()
    assert reading.lock_version == 2
    assert reading.value == Decimal(f"{200 + winner}.5")
    assert reading.evidence == f"Lähde {winner}"
    assert reading.history.count() == 2
    for n, r in enumerate(responses):
        if n == winner:
            continue
        html = r.content.decode()
        assert "Muutostasi ei tallennettu." in html
        assert f"Kirjaaja {winner} tallensi tähän tulokseen muutoksen" in html
        assert f'value="{200 + n},5"' in html  # the typed text stays to copy
        assert f"Lähde {n}" in html


def test_it_lets_one_of_parallel_withdrawals_win_and_refuses_the_rest(clients, reading):
    responses = _post_at_once(
        clients,
        f"/kirjaukset/{reading.pk}/peru/",
        lambda n: {"reason": f"Syy {n}", "lock_version": "1"},
    )

    codes = [r.status_code for r in responses]
    assert codes.count(302) == 1, codes
    # A request that starts after the withdrawal no longer finds the reading.
    assert set(codes) <= {302, 409, 404}, codes
    winner = codes.index(302)
    reading.refresh_from_db()
    assert reading.lock_version == 2
    assert reading.withdrawn_reason == f"Syy {winner}"
    assert reading.history.count() == 2
    for n, r in enumerate(responses):
        if r.status_code == 409:
            html = r.content.decode()
            assert "Tulosta ei peruttu." in html
            assert f"Kirjaaja {winner} perui tämän tuloksen" in html
            assert f"Syy {n}" in html
