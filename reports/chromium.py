"""HTML printed to PDF by headless Chromium, driven by Playwright.

The system's Chromium (Debian's ``chromium`` package, or the program named by
``DJANGO_PDF_BROWSER``) lays the pages out and prints them; Playwright starts
it and talks to it. The document is handed to the browser from memory at an
address on the site's origin (so that relative links point at the site),
every other request is refused (a report needs nothing from the network), and
the page's own scripts are off: a report's texts come from its writers and
are printed, never run.

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
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import NamedTuple

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
# Seconds for loading and for each print; a long report prints in a few.
TIMEOUT_MS = 120_000

# For the first print, which only finds the pages: what follows the heading
# of the last marked id cannot move any of them, so it is left out (a long
# report's appendix, half its pages).
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

SHOW_PAGES = """pages => {
  const marked = [...document.querySelectorAll("[data-page-of]")];
  for (const el of marked) el.textContent = pages[el.dataset.pageOf] ?? "";
  return marked.map(el => el.dataset.pageOf);
}"""


class Printed(NamedTuple):
    pdf: bytes
    # The page (from 1) where each element with an id starts.
    pages: dict[str, int]


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


def launch_args() -> list[str]:
    # Chromium will not start its sandbox as root (containers, CI); as any
    # other user it keeps it.
    return ["--no-sandbox"] if os.geteuid() == 0 else []


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


@contextmanager
def printer(origin: str) -> Iterator[Callable[[str], Future]]:
    """Start Chromium now; the caller gets ``send(html)``, which prints the
    document and returns a future of its :class:`Printed`.

    The browser starts while the caller renders the HTML, and prints while
    the caller does other work: both run in Chromium's own processes. All of
    Playwright runs in a thread of its own, since its synchronous API refuses
    a thread that already runs an event loop (a browser test's, say).
    """
    documents: queue.Queue[str | None] = queue.Queue(maxsize=1)
    with ThreadPoolExecutor(max_workers=1) as thread:
        printing = thread.submit(_print_when_given, documents, origin)

        def send(html: str) -> Future:
            documents.put(html)
            return printing

        try:
            yield send
        finally:
            if documents.empty() and not printing.done():
                documents.put(None)  # never sent: the browser just closes


def print_pdf(html: str, *, origin: str) -> Printed:
    """``html`` as a tagged PDF, and the page of each id in it."""
    with printer(origin) as send:
        return send(html).result()


def _serve_only(url: str, html: str, route) -> None:
    if route.request.url == url:
        route.fulfill(body=html, content_type="text/html; charset=utf-8")
    else:
        route.abort()


def _print_when_given(documents: queue.Queue, origin: str) -> Printed | None:
    from playwright.sync_api import sync_playwright

    url = origin.rstrip("/") + DOCUMENT_PATH
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=browser_path(), args=launch_args()
        )
        try:
            page = browser.new_page(java_script_enabled=False)
            page.set_default_timeout(TIMEOUT_MS)
            html = documents.get()
            if html is None:
                return None
            page.route("**/*", partial(_serve_only, url, html))
            page.goto(url, wait_until="load")
            options = {"prefer_css_page_size": True, "print_background": True}
            pages = {}
            shown = page.evaluate(SHOW_PAGES, pages)
            if shown:
                page.evaluate(LEAVE_OUT_THE_REST)
                pages = destinations(page.pdf(**options, tagged=False))
                page.evaluate(PUT_BACK_THE_REST)
            for _ in range(MAX_TAGGED_PRINTS):
                page.evaluate(SHOW_PAGES, pages)
                pdf = page.pdf(**options, tagged=True)
                printed = destinations(pdf)
                if all(printed.get(i) == pages.get(i) for i in shown):
                    break
                pages = printed
            else:
                log.warning(
                    "page numbers still moving after %d prints", MAX_TAGGED_PRINTS
                )
            return Printed(pdf, printed)
        finally:
            browser.close()
