"""Every page that the browser tests opened is valid HTML (Nu HTML checker).

This test runs after all the others (tests/browser/conftest.py puts it last)
and checks, in one run of the checker, the pages the live server sent them:
public and logged-in pages, Finnish and English, forms with errors, error
pages and the admin (tests/browser/html_checker.py).
"""

import pytest

from tests.browser import html_checker

# Checked with the pages: proof that the checker ran and reports what it finds.
CANARY = "canary: a role on a table row"
CANARY_HTML = (
    '<!DOCTYPE html><html lang="fi"><title>t</title>'
    '<table><tr role="row"><td>x</td></tr></table></html>'
)


@pytest.mark.browser  # a skip fails under REQUIRE_BROWSER_TESTS=1, as in CI
@pytest.mark.last
def test_it_finds_no_errors_in_the_pages_the_browser_tests_opened(tmp_path):
    reason = html_checker.missing_reason()
    if reason:
        pytest.skip(reason)
    documents = {}
    for page in html_checker.distinct(html_checker.PAGES):
        name = str(page)
        while name in documents:  # the same address, another content
            name += "'"
        documents[name] = page.html
    documents[CANARY] = CANARY_HTML

    found = html_checker.check(documents, tmp_path)
    print(f"Nu HTML checker: {len(documents) - 1} distinct pages checked")  # -s

    (canary,) = found.pop(CANARY)
    assert "“role” attribute must not be used on a “tr” element" in canary
    assert {name: errors for name, errors in found.items() if errors} == {}


def test_it_says_what_to_install_without_java(monkeypatch):
    monkeypatch.setattr(html_checker.shutil, "which", lambda name: None)
    assert "apt-get install default-jre-headless" in html_checker.missing_reason()


def test_it_says_what_to_install_without_the_checker(monkeypatch, tmp_path):
    monkeypatch.setattr(html_checker.shutil, "which", lambda name: "/usr/bin/java")
    monkeypatch.setattr(html_checker, "VNU_JAR", html_checker.ROOT / "nowhere.jar")
    assert "run npm ci --ignore-scripts" in html_checker.missing_reason()
