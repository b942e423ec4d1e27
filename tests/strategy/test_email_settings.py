"""DJANGO_EMAIL_URL: Django's email settings from one address."""

from django.core.exceptions import ImproperlyConfigured

import pytest

from kemijarvi.settings import email_settings
from tests.strategy.test_settings import PRODUCTION, run


def _settings(monkeypatch, url: str | None, default: str = "console:") -> dict:
    if url is None:
        monkeypatch.delenv("TEST_EMAIL_URL", raising=False)
    else:
        monkeypatch.setenv("TEST_EMAIL_URL", url)
    return email_settings("TEST_EMAIL_URL", default)


def test_it_reads_an_smtp_server_with_starttls(monkeypatch):
    found = _settings(monkeypatch, "smtp://posti%40kemijarvi.fi:s%2Fala@smtp.fi:587")
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (found["EMAIL_HOST"], found["EMAIL_PORT"]) == ("smtp.fi", 587)
    assert found["EMAIL_HOST_USER"] == "posti@kemijarvi.fi"
    assert found["EMAIL_HOST_PASSWORD"] == "s/ala"
    assert (found["EMAIL_USE_TLS"], found["EMAIL_USE_SSL"]) == (True, False)


def test_smtps_means_tls_from_the_start(monkeypatch):
    found = _settings(monkeypatch, "smtps://smtp.fi")
    assert found["EMAIL_PORT"] == 465
    assert (found["EMAIL_USE_TLS"], found["EMAIL_USE_SSL"]) == (False, True)


def test_tls_can_be_turned_off_for_a_local_server(monkeypatch):
    found = _settings(monkeypatch, "smtp://localhost?tls=0")
    assert (found["EMAIL_HOST"], found["EMAIL_PORT"]) == ("localhost", 25)
    assert not found["EMAIL_USE_TLS"] and not found["EMAIL_USE_SSL"]


def test_console_prints_the_mails_and_is_the_default_given(monkeypatch):
    console = "django.core.mail.backends.console.EmailBackend"
    assert _settings(monkeypatch, "console:")["EMAIL_BACKEND"] == console
    assert _settings(monkeypatch, None)["EMAIL_BACKEND"] == console
    assert _settings(monkeypatch, "")["EMAIL_BACKEND"] == console


@pytest.mark.parametrize(
    "url", ["smtp.kemijarvi.fi", "http://smtp.fi", "smtp://", "smtp://h:portti"]
)
def test_a_bad_address_names_the_variable(monkeypatch, url):
    with pytest.raises(ImproperlyConfigured, match="TEST_EMAIL_URL"):
        _settings(monkeypatch, url)


PRINT_BACKEND = [
    "manage.py",
    "shell",
    "--no-imports",
    "-c",
    "from django.conf import settings; print(settings.EMAIL_BACKEND)",
]


def test_make_run_prints_the_mails_and_production_sends_them():
    debug = run(PRINT_BACKEND, {"DJANGO_DEBUG": "1"})
    assert debug.stdout.strip() == "django.core.mail.backends.console.EmailBackend"
    production = run(PRINT_BACKEND, PRODUCTION)
    assert production.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend"


def test_the_server_names_a_bad_email_address():
    r = run(["manage.py", "check"], {"DJANGO_DEBUG": "1", "DJANGO_EMAIL_URL": "x"})
    assert r.returncode != 0
    assert "DJANGO_EMAIL_URL must look like smtp://" in r.stderr
