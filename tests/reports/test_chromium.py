"""Printing with Chromium: the page numbers, and nothing fetched or run."""

import io
import queue
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from pypdf import PdfReader

from reports import chromium

CHAPTERS = """<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8">
<title>T</title>
<style>section { break-before: page; }</style></head><body>
<nav><a href="#a">A</a> <span data-page-of="a"></span>
<a href="#c">C</a> <span data-page-of="c"></span></nav>
<section id="a"><h2>A</h2></section><section id="b"><h2>B</h2></section>
<section id="c"><h2>C</h2>{extra}</section></body></html>"""


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def prints(monkeypatch) -> list[bool]:
    """Each print's ``tagged`` option, in order."""
    from playwright.sync_api import Page

    made = []
    real_pdf = Page.pdf

    def counted(self, **options):
        made.append(options["tagged"])
        return real_pdf(self, **options)

    monkeypatch.setattr(Page, "pdf", counted)
    return made


def test_it_shows_the_page_of_each_marked_id_after_two_prints(prints):
    # What follows the last chapter's heading is left out of the first print
    # only: here a table that takes pages of its own.
    rows = "".join(f"<tr><td>rivi {n}</td></tr>" for n in range(200))
    # A link into the part left out: its destination is missing from the
    # first print, which must not make the numbers look unsettled.
    html = CHAPTERS.replace(
        "{extra}", f'<table>{rows}</table><p id="loppu"><a href="#loppu">Loppu</a></p>'
    )
    printed = chromium.print_pdf(html, origin="http://x.test/")
    assert prints == [False, True]
    assert (printed.pages["a"], printed.pages["c"]) == (2, 4)
    pages = _text(printed.pdf)
    assert len(pages) > 4 and "Loppu" in pages[-1] and "rivi 199" in "".join(pages)
    assert "A 2" in pages[0] and "C 4" in pages[0]
    root = PdfReader(io.BytesIO(printed.pdf)).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "fi"


class _Counter(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802 (http.server's name)
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = HTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_it_fetches_nothing_and_runs_no_script(server, tmp_path):
    _Counter.hits = 0
    secret = tmp_path / "salainen.txt"
    secret.write_text("salainen-sisalto")
    extra = (
        f'<img src="{server}/kuva.png" alt=""><link rel="stylesheet" '
        f'href="{server}/tyyli.css"><iframe src="{server}/"></iframe>'
        f'<iframe src="{chromium.DOCUMENT_PATH}"></iframe>'
        f'<iframe src="file://{secret}"></iframe>'
        "<p id='s'>ennen</p><script>document.getElementById('s').textContent"
        "='skripti ajettiin'</script>"
    )
    # Even a document on the same origin as the server gets nothing from it.
    printed = chromium.print_pdf(CHAPTERS.replace("{extra}", extra), origin=server)
    assert _Counter.hits == 0
    text = "\n".join(_text(printed.pdf))
    assert "ennen" in text and "skripti ajettiin" not in text
    assert "salainen-sisalto" not in text
    assert text.count("ennen") == 1  # the document not again in a frame


def test_it_finds_the_browser_or_says_there_is_none(settings, tmp_path):
    settings.REPORT_PDF_BROWSER = str(tmp_path / "ei-ole")
    assert chromium.browser_path() == ""
    program = tmp_path / "chromium"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    settings.REPORT_PDF_BROWSER = str(program)
    assert chromium.browser_path() == str(program)


def test_it_prints_from_a_thread_of_its_own_beside_a_running_event_loop():
    import asyncio

    async def inside_a_loop():
        return chromium.print_pdf(
            CHAPTERS.replace("{extra}", ""), origin="http://x.test/"
        )

    assert asyncio.run(inside_a_loop()).pages["c"] == 4


def _within(seconds: float, work) -> None:
    """Run ``work`` in a thread; fail (not hang) when it takes longer."""
    failure = []

    def run():
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 (given to the test)
            failure.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    if failure:
        raise failure[0]


def test_it_closes_the_browser_when_no_document_comes():
    jobs = []

    def caller_fails_while_rendering():
        with pytest.raises(ValueError), chromium.printer("http://x.test/") as job:
            jobs.append(job)
            raise ValueError("the caller fails while rendering")

    _within(60, caller_fails_while_rendering)
    assert jobs[0].printing.result() is None  # closed without printing


def test_it_stops_printing_when_the_caller_fails_after_sending(prints):
    jobs = []

    def caller_fails_after_sending():
        with pytest.raises(ValueError), chromium.printer("http://x.test/") as job:
            jobs.append(job)
            job.send(CHAPTERS.replace("{extra}", ""))
            raise ValueError("the caller fails while writing the data")

    _within(60, caller_fails_after_sending)
    assert jobs[0].printing.result() is None
    assert True not in prints  # the tagged print never started


def test_it_takes_one_document_per_job():
    with chromium.printer("http://x.test/") as job:
        job.send(CHAPTERS.replace("{extra}", ""))
        with pytest.raises(queue.Full):
            job.send("<p>toinen</p>")
        assert job.printing.result().pages["c"] == 4


def test_it_serves_the_document_whatever_the_host_looks_like():
    printed = chromium.print_pdf(
        CHAPTERS.replace("{extra}", ""), origin="https://Kemijarvi.EXAMPLE:443/"
    )
    assert printed.pages["c"] == 4


def test_it_refuses_to_start_without_a_browser(settings, tmp_path):
    settings.REPORT_PDF_BROWSER = str(tmp_path / "ei-ole")
    with pytest.raises(chromium.PrintError, match="no Chromium"):
        chromium.print_pdf("<p>x</p>", origin="http://x.test/")


def test_it_keeps_the_sandbox_except_as_root(monkeypatch, settings, tmp_path):
    program = tmp_path / "chromium"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    settings.REPORT_PDF_BROWSER = str(program)
    monkeypatch.setattr(chromium.os, "geteuid", lambda: 1000)
    assert chromium.launch_options()["chromium_sandbox"] is True
    monkeypatch.setattr(chromium.os, "geteuid", lambda: 0)
    assert chromium.launch_options()["chromium_sandbox"] is False


def test_it_prefers_the_headless_shell(settings, tmp_path, monkeypatch):
    settings.REPORT_PDF_BROWSER = ""
    for name in ("chromium", "chromium-headless-shell"):
        (tmp_path / name).write_text("#!/bin/sh\n")
        (tmp_path / name).chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert chromium.browser_path() == str(tmp_path / "chromium-headless-shell")
