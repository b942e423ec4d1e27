"""What the browser tests do in a page: check it with axe, act as a visitor."""

import re

# The WCAG 2.1 A and AA rules of axe-core.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page, one line per node."""
    from axe_playwright_python.sync_playwright import Axe

    options = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        # Every violating node still; of passes only one each: faster (~25 %).
        "resultTypes": ["violations"],
    }
    results = Axe().run(page, options=options)
    lines = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            html = re.sub(r"\s+", " ", node["html"])[:160]
            lines.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']}"
                f" -- {target} -- {html}"
            )
    return lines


def switch_language(page, label: str) -> None:
    """Press the visible language switcher button, as a visitor does."""
    with page.expect_navigation():
        page.get_by_role("button", name=label).click()


def log_in(page, base_url: str, username: str, password: str = "salasana-123"):
    """Log in through the login form, as a member of staff does."""
    page.goto(f"{base_url}/kirjaudu/")
    fill_login_form(page, username, password)


def fill_login_form(page, username: str, password: str = "salasana-123") -> None:
    """Type the name and password on the login page open and send them."""
    page.get_by_label(re.compile("Käyttäjätunnus|Username")).fill(username)
    page.get_by_label(re.compile("Salasana|Password")).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Kirjaudu|Log in")).click()
