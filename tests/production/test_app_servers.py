"""Two app servers, one PostgreSQL database and one file storage.

Starts two gunicorn processes with the production settings on different
ports, records a reading through one and reads it through the other (the
session too is shared), and downloads a published report's PDF from both.
"""

import http.client
import subprocess
import time

from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

import pytest

from indicators.models import Reading

from .servers import BIN, ROOT, AppServer, Browser, collectstatic, production_env

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """The media and static directories both servers share."""
    return tmp_path_factory.mktemp("shared")


@pytest.fixture(scope="module")
def servers(django_db_setup, shared):
    if connection.vendor != "postgresql":
        pytest.skip(
            "several app servers share PostgreSQL (set DATABASE_URL); CI runs it"
        )
    env = production_env(shared)
    collectstatic(env)
    started = [AppServer(env), AppServer(env)]
    yield started
    for server in started:
        server.stop()


def test_a_reading_recorded_on_one_server_is_read_on_the_other(
    servers, recorder, indicator
):
    one, other = servers
    # The tests' fast hasher is not one that production settings accept.
    recorder.password = PBKDF2PasswordHasher().encode("salasana-123", "suola1234")
    recorder.save()
    browser = Browser()
    status, landed, _ = browser.post(
        one.url + "/kirjaudu/", {"username": "kirjaaja", "password": "salasana-123"}
    )
    assert status == 200 and "/kirjaudu/" not in landed
    status, landed, _ = browser.post(
        f"{one.url}/mittarit/{indicator.pk}/kirjaa/",
        {"year": "2025", "value": "123,4", "narrative": "Kahden palvelimen testi."},
    )
    assert status == 200
    assert Reading.objects.filter(indicator=indicator, year=2025).count() == 1
    html = browser.get(f"{other.url}/mittarit/{indicator.pk}/")[2].decode()
    assert "123,4" in html
    # The login made on the first server holds on the second.
    status, _headers, html = browser.get(other.url + "/omat/")
    assert status == 200 and "Kirjaaja" in html.decode()


def test_a_published_reports_pdf_made_by_the_worker_is_served_by_either(
    servers, sample_site, shared
):
    one, other = servers
    path = f"/raportit/{sample_site.report.pk}/pdf/"
    # Publishing queued the files; no reader's request makes them.
    status, _headers, _body = Browser().get(one.url + path)
    assert status == 503
    # The background worker of `make serve`, once through the queue.
    subprocess.run(
        [
            str(BIN / "python"),
            "manage.py",
            "db_worker",
            "--batch",
            "--no-startup-delay",
        ],
        cwd=ROOT,
        env=production_env(shared),
        check=True,
        timeout=600,
    )
    first = Browser().get(one.url + path)
    second = Browser().get(other.url + path)
    assert first[0] == second[0] == 200
    assert first[1]["Content-Type"] == "application/pdf"
    assert first[2] == second[2]  # made once, kept in the shared storage
    stored = list((shared / "media").rglob("*.pdf"))
    assert len(stored) == 2  # Finnish and English, one file each


def test_a_kept_alive_connection_outlasts_a_readers_pause(servers, strategy):
    """A browser (or the proxy in front) keeps its connection for the next
    request. Had the server closed it just as that request came, the request
    would be reset: bench/load.py met this with a 5 s keep-alive."""
    one, _other = servers
    connection = http.client.HTTPConnection("127.0.0.1", one.port, timeout=60)
    connection.request("GET", "/kirjaudu/")
    first = connection.getresponse()
    first.read()
    assert first.status == 200
    time.sleep(6)  # past the old keep-alive, a short reader's pause
    connection.request("GET", "/kirjaudu/")  # on the same connection
    assert connection.getresponse().status == 200
    connection.close()
