"""A backup made as the README says restores into an identical database.

Populates the test database (every kind of indicator, readings, history and a
published report), dumps it with `pg_dump --format=custom`, restores it with
`pg_restore` into a new database and compares every table's rows.
"""

import shutil
import subprocess

from django.db import connection

import pytest

from .servers import database_url

pytestmark = pytest.mark.django_db(transaction=True)


def table_digests(url: str) -> dict[str, tuple[int, str]]:
    query = """
        SELECT format('SELECT %L, count(*), '
          || 'coalesce(md5(string_agg(t::text, %L ORDER BY t::text)), %L) FROM %I.%I t',
          table_name, ',', '', table_schema, table_name)
        FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        ORDER BY table_name
    """
    statements = psql(url, query).splitlines()
    digests = {}
    for statement in statements:
        name, count, digest = psql(url, statement).split("|")
        digests[name] = (int(count), digest)
    return digests


def psql(url: str, sql: str) -> str:
    return subprocess.run(
        ["psql", url, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def test_a_dump_restores_every_table(sample_site, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("backups are of PostgreSQL (set DATABASE_URL); CI runs it")
    if not shutil.which("pg_dump"):
        pytest.skip("pg_dump is missing: apt install postgresql-client")
    source = database_url()
    restored = (
        source.rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"] + "_restored"
    )
    name = restored.rsplit("/", 1)[1]
    admin = source.rsplit("/", 1)[0] + "/postgres"
    psql(admin, f'DROP DATABASE IF EXISTS "{name}"')
    psql(admin, f'CREATE DATABASE "{name}"')
    try:
        dump = tmp_path / "kemijarvi.dump"
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source],
            check=True,
        )
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                f"--dbname={restored}",
                str(dump),
            ],
            check=True,
        )
        before, after = table_digests(source), table_digests(restored)
        assert before == after
        # The comparison saw real data, not empty tables.
        assert before["indicators_reading"][0] > 10
        assert before["reports_midtermreport"][0] == 1
        assert before["indicators_historicalreading"][0] > 10
    finally:
        psql(admin, f'DROP DATABASE IF EXISTS "{name}"')
