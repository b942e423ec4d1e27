"""Every page a role's day meets, checked: axe-core in the browser as each page
is met, and at the end of the day the Nu HTML checker over every HTML page
the live server sent meanwhile (tests/browser/html_checker.py keeps them).

The day also fails when the server sent an HTML page that the day never gave
to axe: a page met but not checked is a page missed.
"""

from urllib.parse import urlsplit

from tests.browser import html_checker
from tests.browser.conftest import browser_tests_required
from tests.browser.helpers import axe_violations


def address(url: str) -> str:
    """The path and query of a URL, as the server's request saw them."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


class PagesMet:
    def __init__(self, vnu: html_checker.Service | None) -> None:
        """``vnu``: the checker's service, None where Java or it is missing."""
        self.vnu = vnu
        # The live server keeps every page of the session; the day's start here.
        self.first = len(html_checker.PAGES)
        self.checked: set[str] = set()
        self.problems: dict[str, list[str]] = {}

    def check(self, page) -> None:
        """axe-core's WCAG 2.1 A and AA rules over the page now in the browser."""
        where = address(page.url)
        self.checked.add(where)
        violations = axe_violations(page)
        if violations:
            language = page.locator("html").get_attribute("lang")
            self.problems[f"axe: {where} [{language}]"] = violations

    def end_of_day(self) -> dict[str, list[str]]:
        """Every problem of the day by page: axe's, pages axe never saw, and
        the Nu HTML checker's errors (when Java and the checker are there;
        under REQUIRE_BROWSER_TESTS=1 their absence is a problem too)."""
        problems = dict(self.problems)
        sent = html_checker.PAGES[self.first :]
        for page in sent:
            if page.path not in self.checked:
                problems.setdefault(f"not checked by axe: {page}", []).append(
                    "the browser met this page; the day never ran axe on it"
                )
        if self.vnu is None:
            if browser_tests_required():
                # As test_html_checker.py: CI must not pass without the checker.
                problems["vnu: not run"] = [html_checker.missing_reason() or ""]
            return problems
        for page in html_checker.distinct(sent):
            errors = self.vnu.errors(page.html)
            if errors:
                name = f"vnu: {page}"
                while name in problems:  # the same address, another content
                    name += "'"
                problems[name] = errors
        return problems
