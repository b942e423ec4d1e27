"""HTML printed to PDF by headless Chromium, driven by Playwright.

The system's Chromium (``BROWSER_NAMES``, or the program named by
``DJANGO_PDF_BROWSER``) lays the pages out and prints them; Playwright starts
it and talks to it. The document is handed to the browser from memory at an
address on the site's origin (so that a relative link would point at the
site), every other request is refused (a report needs nothing from the
network), and the page's own scripts are off: a report's texts come from its
writers and are printed, never run. Chromium keeps its sandbox unless it runs
as root, where it refuses one (containers, CI).

Chromium has no CSS for "the page this element is on" (``target-counter``),
so the document is printed twice: the first print, untagged and without what
follows the last chapter's heading, tells the page of each id that a link
points at (Chromium names a destination for it), which the elements marked
``data-page-of="ID"`` then show; the second is the tagged PDF. If the numbers
moved anything, it is printed again.
"""

import io
import logging
import os
import queue
import shutil
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import NamedTuple
from urllib.parse import urlsplit

from django.conf import settings

import pikepdf

log = logging.getLogger(__name__)

# Debian's headless shell first: it starts and prints faster than the full
# browser (README: Performance, The report PDF).
BROWSER_NAMES = (
    "chromium-headless-shell",
    "chromium",
    "chromium-browser",
    "google-chrome",
)
DOCUMENT_PATH = "/__raportti__.html"
# The tagged prints tried before the page numbers are given up as settled.
MAX_TAGGED_PRINTS = 2
# Milliseconds for loading and for each print; a long report prints in a few
# seconds.
TIMEOUT_MS = 120_000
# Browsers printing at once in one server process (each takes a few hundred
# MB); a further print waits for one of them to finish.
MAX_BROWSERS = 2
_browsers = threading.BoundedSemaphore(MAX_BROWSERS)

# The marked elements show their targets' pages; returns each marked id with
# the text of the link to it (the PDF's bookmarks).
SHOW_PAGES = """pages => {
  const marked = [...document.querySelectorAll("[data-page-of]")];
  for (const el of marked) el.textContent = pages[el.dataset.pageOf] ?? "";
  return marked.map(el => {
    const id = el.dataset.pageOf;
    const link = document.querySelector(`a[href="#${CSS.escape(id)}"]`);
    return [id, link ? link.textContent.replace(/\\s+/g, " ").trim() : ""];
  });
}"""
# For the first print, which only finds the pages: what follows the heading
# of the last marked id is left out (a long report's appendix, half its
# pages). It cannot move that heading when the heading's part starts on a new
# page, as the report's chapters do (report.css: break-before).
LEAVE_OUT_THE_REST = """() => {
  const ids = [...document.querySelectorAll("[data-page-of]")]
    .map(el => document.getElementById(el.dataset.pageOf)).filter(Boolean);
  if (!ids.length) return;
  const last = ids.reduce((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? b : a);
  for (let node = last.firstElementChild || last; node && node !== document.body;
       node = node.parentElement) {
    for (let next = node.nextElementSibling; next; next = next.nextElementSibling) {
      next.setAttribute("data-left-out", "");
    }
  }
  const style = document.createElement("style");
  style.id = "left-out";
  style.textContent = "[data-left-out] { display: none !important; }";
  document.head.append(style);
}"""
PUT_BACK_THE_REST = """() => {
  document.getElementById("left-out")?.remove();
  for (const el of document.querySelectorAll("[data-left-out]")) {
    el.removeAttribute("data-left-out");
  }
}"""


class PrintError(RuntimeError):
    """Chromium could not print the document."""


class Printed(NamedTuple):
    pdf: bytes
    # The page (from 1) of each link target (Chromium's named destinations).
    pages: dict[str, int]
    # The ids whose page the document shows, in order, each with the text of
    # the link to it: the PDF's bookmarks.
    marked: list[tuple[str, str]]


def browser_path() -> str:
    """The Chromium program to print with, or "" when there is none."""
    configured = settings.REPORT_PDF_BROWSER
    if configured:
        return configured if os.access(configured, os.X_OK) else ""
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return ""


def launch_options() -> dict:
    path = browser_path()
    if not path:
        raise PrintError("no Chromium: " + ", ".join(BROWSER_NAMES))
    # Playwright turns Chromium's sandbox off unless asked; it is kept except
    # as root, where Chromium refuses to start with it.
    return {"executable_path": path, "chromium_sandbox": os.geteuid() != 0}


def destinations(pdf: bytes) -> dict[str, int]:
    """The page (from 1) of every named destination of a Chromium PDF."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        page_numbers = {page.objgen: n for n, page in enumerate(document.pages, 1)}
        dests = document.Root.get("/Dests", {})
        return {
            str(name)[1:]: page_numbers[dest[0].objgen]
            for name, dest in dests.items()
            if dest[0].objgen in page_numbers
        }


class Job:
    """A browser starting for one document (see :func:`printer`)."""

    def __init__(self, documents: queue.Queue, printing: Future):
        self._documents = documents
        self.printing = printing

    def send(self, html: str) -> Future:
        """Print ``html``; a future of its :class:`Printed`. Once per job."""
        self._documents.put_nowait(html)  # a second document: queue.Full
        return self.printing


@contextmanager
def printer(origin: str) -> Iterator[Job]:
    """Start Chromium now; ``job.send(html)`` then prints the document.

    The browser starts while the caller renders the HTML, and prints while
    the caller does other work: both run in Chromium's own processes. All of
    Playwright runs in a thread of its own, since its synchronous API refuses
    a thread that already runs an event loop (a browser test's, say). If the
    caller fails, the print stops at its next step.
    """
    documents: queue.Queue[str | None] = queue.Queue(maxsize=1)
    stop = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as thread:
        job = Job(documents, thread.submit(_print_when_given, documents, origin, stop))
        try:
            yield job
        finally:
            stop.set()
            if documents.empty() and not job.printing.done():
                documents.put_nowait(None)  # never sent: the browser just closes


def print_pdf(html: str, *, origin: str) -> Printed:
    """``html`` as a tagged PDF, the page of each link target, the marked ids."""
    with printer(origin) as job:
        return job.send(html).result()


def _serve_only(html: str, route) -> None:
    # By path: Chromium writes the host its own way (case, default port).
    request = route.request
    if (
        urlsplit(request.url).path == DOCUMENT_PATH
        and request.is_navigation_request()
        and request.frame.parent_frame is None
    ):
        route.fulfill(body=html, content_type="text/html; charset=utf-8")
    else:
        route.abort()


def _print_when_given(
    documents: queue.Queue, origin: str, stop: threading.Event
) -> Printed | None:
    from playwright.sync_api import sync_playwright

    options = launch_options()
    url = origin.rstrip("/") + DOCUMENT_PATH
    with _browsers, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**options)
        try:
            page = browser.new_page(java_script_enabled=False)
            page.set_default_timeout(TIMEOUT_MS)
            html = documents.get()
            if html is None:
                return None
            page.route("**/*", partial(_serve_only, html))
            page.goto(url, wait_until="load")
            return _print_page(page, stop)
        finally:
            browser.close()


def _print_page(page, stop: threading.Event) -> Printed | None:
    options = {"prefer_css_page_size": True, "print_background": True}
    pages: dict[str, int] = {}
    marked = page.evaluate(SHOW_PAGES, pages)
    if marked:
        page.evaluate(LEAVE_OUT_THE_REST)
        pages = destinations(page.pdf(**options, tagged=False))
        page.evaluate(PUT_BACK_THE_REST)
    for _ in range(MAX_TAGGED_PRINTS):
        if stop.is_set():
            return None
        page.evaluate(SHOW_PAGES, pages)
        pdf = page.pdf(**options, tagged=True)
        printed = destinations(pdf)
        if all(printed.get(i) == pages.get(i) for i, _text in marked):
            return Printed(pdf, printed, [tuple(m) for m in marked])
        pages = printed
    raise PrintError(f"the page numbers still moved after {MAX_TAGGED_PRINTS} prints")
