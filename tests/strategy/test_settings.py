"""Settings read from the environment, checked in a fresh interpreter each."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "strategia.kemijarvi.fi",
    "DATABASE_URL": "postgres://kemijarvi@127.0.0.1:5432/kemijarvi",
}


def run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_refuses_to_start_without_a_secret_key():
    r = run(["manage.py", "check"], {})
    assert r.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in r.stderr
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_it_starts_without_a_secret_key_in_debug():
    r = run(["manage.py", "check"], {"DJANGO_DEBUG": "1"})
    assert r.returncode == 0, r.stderr


def test_it_names_a_bad_boolean():
    r = run(["manage.py", "check"], {"DJANGO_DEBUG": "maybe"})
    assert r.returncode != 0
    assert "DJANGO_DEBUG must be one of" in r.stderr


def test_it_passes_the_deploy_checks_with_production_settings():
    r = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "no issues" in r.stdout


def test_it_fails_the_deploy_checks_on_sqlite():
    env = {k: v for k, v in PRODUCTION.items() if k != "DATABASE_URL"}
    r = run(["manage.py", "check", "--deploy"], env)
    assert r.returncode != 0
    assert "kemijarvi.E001" in r.stderr
