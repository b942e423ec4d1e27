"""Browser tests: real headless Chromium (Debian's package) driven by Playwright.

Chromium is never downloaded by Playwright (`playwright install` is not used):
the tests drive the system browser at ``CHROMIUM_PATH`` (default
/usr/bin/chromium). Without it the browser tests are skipped with a reason that
says what to install -- unless ``REQUIRE_BROWSER_TESTS=1`` (set by .ci/run), in
which case every skipped browser test is reported as a failure, so CI cannot
pass without having run them. The Nu HTML checker's test (test_html_checker.py,
which needs Java and the vnu-jar npm package) is a browser test in this sense.

The module imports nothing of Django or Playwright at import time, so a bare
pytest run can load it as a plugin (``-p tests.browser.conftest``); the test of
the REQUIRE_BROWSER_TESTS rule does exactly that.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

REQUIRE_ENV = "REQUIRE_BROWSER_TESTS"


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def browser_missing_reason() -> str | None:
    """Why browser tests cannot run here, or None when they can."""
    path = Path(chromium_path())
    if not (path.is_file() and os.access(path, os.X_OK)):
        return (
            f"Chromium not found at {path}: install Debian's chromium package "
            "(apt-get install chromium) or set CHROMIUM_PATH to run the browser tests"
        )
    try:
        import axe_playwright_python  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed: pip install -e '.[dev]'"
    return None


def browser_tests_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "") not in ("", "0")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "browser: runs in real headless Chromium (skipped when Chromium is missing)",
    )
    config.addinivalue_line(
        "markers", "last: runs after every other test (checks what they saw)"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``last`` go to the end: the HTML checker's test checks the
    pages that the other browser tests opened."""
    last = [item for item in items if item.get_closest_marker("last")]
    if last:
        items[:] = [item for item in items if item not in last] + last


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Under REQUIRE_BROWSER_TESTS=1 a skipped browser test is a failure."""
    outcome = yield
    report = outcome.get_result()
    if (
        report.skipped
        and not hasattr(report, "wasxfail")
        and item.get_closest_marker("browser") is not None
        and browser_tests_required()
    ):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else ""
        reason = reason.removeprefix("Skipped: ")
        report.outcome = "failed"
        report.longrepr = (
            f"{REQUIRE_ENV}=1 but this browser test was skipped: {reason}\n"
            "CI must run every browser test; install Chromium (see .ci/run)."
        )


# -- Playwright and Chromium ------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> Iterator:
    """One Chromium per test module.

    Per module, not per session: the sync Playwright API keeps an asyncio loop
    marked as running in this thread, which makes Django refuse ORM calls here
    ("async-unsafe"). The permission is granted only while Playwright runs, so
    tests outside this folder keep Django's guard.
    """
    reason = browser_missing_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def live_server(request: pytest.FixtureRequest) -> Iterator:
    """pytest-django's live server, for a browser speaking plain HTTP.

    Replaces the session-wide one: SecurityMiddleware reads its settings once,
    when the server builds its handler, so production's HTTPS redirect and
    secure cookies must be off before the server starts. The server keeps every
    HTML page it sends for the Nu HTML checker (html_checker.py).
    """
    from django.conf import settings
    from django.test.utils import override_settings

    from pytest_django.live_server_helper import LiveServer

    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    with override_settings(
        SECURE_SSL_REDIRECT=False,
        SECURE_HSTS_SECONDS=0,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        MIDDLEWARE=["tests.browser.html_checker.CapturePages", *settings.MIDDLEWARE],
    ):
        server = LiveServer(addr)
        yield server
        server.stop()


@pytest.fixture
def staff_coordinator(coordinator):
    """The coordinator, able to enter the admin as at work."""
    import importlib

    from django.contrib.auth.models import Group, Permission

    from strategy import roles

    # The permissions that migration indicators/0003 grants: the transactional
    # database of a live-server test is emptied between tests, grants included.
    grants = importlib.import_module(
        "indicators.migrations.0003_coordinator_permissions"
    )
    Group.objects.get(name=roles.COORDINATORS).permissions.add(
        *Permission.objects.filter(
            content_type__app_label="indicators", codename__in=grants.CODENAMES
        )
    )
    # Coordinators need staff status to enter the admin (README).
    coordinator.is_staff = True
    coordinator.save()
    return coordinator


def csp_refusals(context) -> list[str]:
    """What the Content Security Policy blocked in the context's pages.

    Chromium reports each refusal as a console error. An inline style or script
    that no template shows (one written by Python, a widget or the admin) would
    otherwise fail silently for users: every browser test fails on one.
    """
    refused = []

    def on_console(message) -> None:
        if message.type != "error" or "Content Security Policy" not in message.text:
            return
        # A refusal with no source is one of a script the test itself ran
        # (axe-core adds a <style> to some pages); the site's name their page or file.
        if url := message.location.get("url"):
            refused.append(f"{url}: {message.text}")

    context.on("console", on_console)
    return refused


@contextmanager
def _new_page(chromium, **context_options):
    # A Finnish visitor: the browser asks for Finnish, as the city's do.
    context = chromium.new_context(locale="fi-FI", **context_options)
    # Generous, for a PDF made on a busy CI machine; a real failure still fails.
    context.set_default_timeout(30_000)
    refused = csp_refusals(context)
    try:
        yield context.new_page()
    finally:
        context.close()
    assert not refused, "The Content Security Policy refused:\n" + "\n".join(refused)


@pytest.fixture
def page(chromium) -> Iterator:
    with _new_page(chromium) as page:
        yield page


@pytest.fixture
def phone(chromium) -> Iterator:
    """A page on a small phone's screen, 320 CSS pixels wide."""
    with _new_page(chromium, viewport={"width": 320, "height": 640}) as page:
        yield page


@pytest.fixture
def desktop(chromium) -> Iterator:
    """A page on a desktop screen, 1280 CSS pixels wide."""
    with _new_page(chromium, viewport={"width": 1280, "height": 800}) as page:
        yield page


@pytest.fixture
def nojs_page(chromium) -> Iterator:
    """A page in a browser with JavaScript turned off."""
    with _new_page(chromium, java_script_enabled=False) as page:
        yield page


@pytest.fixture
def site(sample_site):
    """The browser tests open every kind of public page (tests/sample.py)."""
    return sample_site
