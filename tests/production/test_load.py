"""bench/load.py: a short load trial against `make serve` (PostgreSQL only),
and its check of the acknowledged writes, which must notice a lost, doubled or
unacknowledged one."""

import importlib.util
import json
import os
import subprocess
import sys

from django.db import connection

import pytest

from bench.load import check_writes

from .servers import ROOT, database_url, free_port


def ack(token: str, reading, **expect) -> dict:
    return {
        "kind": "record",
        "token": token,
        "indicator": reading.indicator_id,
        "year": reading.year,
        "part": reading.part,
        "expect": expect,
    }


@pytest.fixture
def recorded(indicator, recorder, make_reading):
    """A reading the load test's staff recorded (its token in the evidence)."""
    return make_reading(
        indicator, 2025, "130", user=recorder, evidence="Kuormitustesti [LT-1-0001]"
    )


def test_it_passes_a_write_saved_once_as_acknowledged(recorded):
    assert check_writes([ack("[LT-1-0001]", recorded, value="130")]) == []


def test_it_names_a_lost_write_and_a_changed_value(recorded):
    assert check_writes(
        [
            ack("[LT-1-0001]", recorded, value="131,5"),
            ack("[LT-1-0002]", recorded, value="140"),
        ]
    ) == [
        "record [LT-1-0002]: 0 readings, 0 creations in the history",
        f"reading {recorded.pk}: value is 130.0000, not 131.5",
    ]


def test_it_names_a_correction_saved_twice_and_a_write_never_acknowledged(
    recorded,
):
    for _ in range(2):
        recorded.value += 1
        recorded._change_reason = "Kuormitustestin korjaus [LT-1-0002]"
        recorded.save()
    correction = {
        "kind": "correct",
        "token": "[LT-1-0002]",
        "reading": recorded.pk,
        "expect": {"value": "132"},
    }
    assert check_writes([correction]) == [
        "correction [LT-1-0002]: 2 times in the history",
        "3 writes saved but never acknowledged",  # the reading's 3 versions
    ]


def test_a_short_load_trial_has_no_errors_and_loses_nothing(tmp_path):
    # No test database: the trial makes a database of its own beside it.
    if connection.vendor != "postgresql":
        pytest.skip("the load test runs on PostgreSQL (set DATABASE_URL); CI runs it")
    # Looked up, never imported: locust's import patches threading for gevent
    # in this process, which breaks Django's lazy objects and connections.
    if importlib.util.find_spec("locust") is None:
        pytest.skip("locust is not installed: pip install -c constraints.txt '.[load]'")
    out = tmp_path / "load.json"
    finished = subprocess.run(
        [
            sys.executable,
            "bench/load.py",
            "--users=4",
            "--staff=2",
            "--duration=20",
            "--indicators=24",
            "--months=24",
            "--no-report",
            # LOAD_TEST_PORT: a port of one's own on a shared machine.
            f"--port={os.environ.get('LOAD_TEST_PORT') or free_port()}",
            f"--database={connection.settings_dict['NAME']}_load",
            f"--json={out}",
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url()},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    result = json.loads(out.read_text())
    assert result["total"]["failures"] == 0
    assert result["server_errors"] == 0
    assert result["data_problems"] == []
    # Staff did write: the check above had something to find.
    assert result["acknowledged"]["record"] + result["acknowledged"]["correct"] > 0
    names = {row["name"] for row in result["requests"]}
    assert "staff: log in (POST)" in names
    assert any(not name.startswith("staff") for name in names)  # residents too
