"""bench/pages.py refuses a database that holds anything but its own data: it
creates users with a password written in its source."""

import pytest

from bench import pages
from strategy.models import Department, User


@pytest.fixture
def bench_made(strategy, technical):
    """What the benchmark itself puts in: the strategy, its departments (one of
    them the test indicators' Tekniset palvelut) and its users."""
    for fi, en in pages.DEPARTMENTS:
        Department.objects.get_or_create(name=fi, defaults={"name_en": en})
    for username in pages.BENCH_USERS:
        User.objects.create_user(username=username, password=pages.PASSWORD)
    return strategy


def test_it_accepts_an_empty_database(db):
    assert pages.foreign_data() == []


def test_it_accepts_its_own_data(bench_made, make_indicator):
    make_indicator(external_id="bench-001")
    assert pages.foreign_data() == []


def test_it_names_what_is_not_its_own(bench_made, recorder, make_indicator):
    make_indicator(name="Kevyen liikenteen väylät")
    assert pages.foreign_data() == [
        "1 user accounts: kirjaaja",
        "1 indicators: Kevyen liikenteen väylät",
    ]


def test_it_names_the_tables_of_something_else(db):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE wp_posts (id integer)")
    assert pages.foreign_data() == ["1 tables of something else: wp_posts"]


def test_it_stops_before_touching_a_foreign_database(db, superuser):
    with pytest.raises(SystemExit) as stopped:
        pages.ensure_dataset()
    message = str(stopped.value)
    assert "holds data that is not the benchmark's" in message
    assert "1 user accounts: paakayttaja" in message
    assert "bench/out/bench.sqlite3" in message
    # Nothing was created: no benchmark user with the known password.
    assert not User.objects.filter(username__in=pages.BENCH_USERS).exists()
