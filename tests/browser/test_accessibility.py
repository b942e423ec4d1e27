"""Every page in Chromium, checked by axe-core (WCAG 2.1 A and AA).

Each test opens a page in Finnish, checks it, switches to English with the
visible language button (as a visitor does) and checks it again; a failure
lists every violation of both languages with its rule id and selector.
"""

import re
from collections import Counter

import pytest

from tests.browser.helpers import axe_violations, log_in, switch_language
from tests.sample import PUBLIC_PAGES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

NO_VIOLATIONS = {"fi": [], "en": []}


def violations_in_both_languages(page, url: str) -> dict[str, list[str]]:
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == "fi"
    found = {"fi": axe_violations(page)}
    switch_language(page, "In English")
    # The switcher brings the visitor back to the same page, now in English.
    assert page.url == url
    assert page.locator("html").get_attribute("lang") == "en"
    found["en"] = axe_violations(page)
    return found


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_it_has_no_axe_violations_on_public_pages(page, live_server, site, name):
    url = live_server.url + site.path(name)
    assert violations_in_both_languages(page, url) == NO_VIOLATIONS


def test_it_reports_what_axe_finds(page):
    # The check itself must be able to fail: an unlabelled field and an image
    # without a text alternative are violations.
    page.set_content(
        '<!DOCTYPE html><html lang="fi"><title>t</title><main><h1>t</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input></main>'
    )
    found = axe_violations(page)
    assert any(line.startswith("image-alt ") for line in found)
    assert any(line.startswith("label ") for line in found)


STAFF_PAGES = {
    "mine": "/omat/",
    "record": "/mittarit/{numeric}/kirjaa/",
    "record-qualitative": "/mittarit/{qualitative}/kirjaa/",
    "correct": "/kirjaukset/{reading}/muokkaa/",
    "measure-update": "/toimenpiteet/{measure}/paivita/",
    "measure-update-correct": "/toimenpidepaivitykset/{update}/muokkaa/",
    "focus-area-with-update-links": "/painopistealueet/1/",
}


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_it_has_no_axe_violations_on_staff_pages(page, live_server, site, name):
    reading = site.indicators["numeric"].readings.latest("period_end")
    path = STAFF_PAGES[name].format(
        reading=reading.pk,
        measure=site.measure.pk,
        update=site.measure.updates.latest("date").pk,
        **{k: i.pk for k, i in site.indicators.items()},
    )
    log_in(page, live_server.url, "kirjaaja")
    assert violations_in_both_languages(page, live_server.url + path) == NO_VIOLATIONS


def test_it_has_no_axe_violations_on_a_form_with_errors(page, live_server, site):
    log_in(page, live_server.url, "kirjaaja")
    page.goto(f"{live_server.url}/mittarit/{site.indicators['numeric'].pk}/kirjaa/")
    page.get_by_label("Vuosi").fill("1999")
    page.get_by_label("Tulos (km)").fill("paljon")
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna tulos").click()
    assert page.locator(".invalid-feedback").count() == 2
    assert axe_violations(page) == []


MAYORS_OFFICE_PAGES = {
    "new-report": "/raportit/uusi/",
    "edit-draft": "/raportit/{draft}/muokkaa/",
    "preview-draft": "/raportit/{draft}/",
    "publish-draft": "/raportit/{draft}/julkaise/",
}


@pytest.mark.parametrize("name", MAYORS_OFFICE_PAGES)
def test_it_has_no_axe_violations_on_report_writing_pages(
    page, live_server, site, mayors_office, name
):
    from reports import services

    draft = services.report_new_version(report=site.report)
    log_in(page, live_server.url, "kansliapaallikko")
    url = live_server.url + MAYORS_OFFICE_PAGES[name].format(draft=draft.pk)
    assert violations_in_both_languages(page, url) == NO_VIOLATIONS


def test_it_has_no_axe_violations_on_the_not_found_page(page, live_server, site):
    url = live_server.url + "/mittarit/999999/"
    response = page.goto(url)
    assert response.status == 404
    found = {"fi": axe_violations(page)}
    switch_language(page, "In English")
    assert page.locator("html").get_attribute("lang") == "en"
    found["en"] = axe_violations(page)
    assert found == NO_VIOLATIONS


def test_it_has_no_axe_violations_on_the_forbidden_page(
    page, live_server, site, other_recorder
):
    log_in(page, live_server.url, "toinen")
    url = f"{live_server.url}/mittarit/{site.indicators['numeric'].pk}/kirjaa/"
    assert page.goto(url).status == 403
    assert axe_violations(page) == []


def accessibility_roles(page) -> Counter:
    """How many nodes of each role Chromium's own accessibility tree has: what
    a screen reader is given (Playwright's role locators compute roles
    themselves and would not see what the browser did)."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    return Counter(node["role"]["value"] for node in nodes if "role" in node)


@pytest.mark.parametrize(
    "path, user, columns",
    [("/mittarit/", None, 5), ("/omat/", "kirjaaja", 6)],
    ids=["indicator-list", "mine"],
)
def test_it_keeps_a_table_a_table_on_a_small_phone(
    phone, live_server, site, path, user, columns
):
    if user:
        log_in(phone, live_server.url, user)
    phone.goto(live_server.url + path)
    rows = phone.locator("table tbody tr")
    # On the phone the rows are laid out as blocks, not as table rows …
    assert rows.first.evaluate("row => getComputedStyle(row).display") == "grid"
    # … and the browser still gives them to a screen reader as a table.
    roles = accessibility_roles(phone)
    assert roles["table"] == 1
    assert roles["columnheader"] == columns
    assert roles["rowheader"] == rows.count()
    assert roles["cell"] == (columns - 1) * rows.count()


# The admin pages a coordinator works in; {numeric}, {reading} from the site.
ADMIN_PAGES = {
    "index": "/hallinta/",
    "indicators": "/hallinta/indicators/indicator/",
    "indicators-filtered": "/hallinta/indicators/indicator/?kind__exact=numeric",
    "add-indicator": "/hallinta/indicators/indicator/add/",
    "change-indicator": "/hallinta/indicators/indicator/{numeric}/change/",
    "readings": "/hallinta/indicators/reading/",
    "reading": "/hallinta/indicators/reading/{reading}/change/",
    "password": "/hallinta/password_change/",
}


def admin_violations_in_both_languages(page, base_url: str, path: str) -> dict:
    """The admin has no language button: the visitor chooses English on the
    site, and the admin follows the choice."""
    page.goto(base_url + path)
    assert page.locator("html").get_attribute("lang") == "fi"
    found = {"fi": axe_violations(page)}
    page.goto(base_url + "/")
    switch_language(page, "In English")
    page.goto(base_url + path)
    assert page.locator("html").get_attribute("lang") == "en"
    found["en"] = axe_violations(page)
    return found


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_it_has_no_axe_violations_on_the_coordinators_admin_pages(
    page, live_server, site, staff_coordinator, name
):
    reading = site.indicators["numeric"].readings.latest("period_end")
    path = ADMIN_PAGES[name].format(
        reading=reading.pk, **{k: i.pk for k, i in site.indicators.items()}
    )
    log_in(page, live_server.url, "koordinaattori")
    found = admin_violations_in_both_languages(page, live_server.url, path)
    assert found == NO_VIOLATIONS


def test_it_has_no_axe_violations_on_a_rejected_annual_target(
    page, live_server, site, staff_coordinator
):
    log_in(page, live_server.url, "koordinaattori")
    numeric = site.indicators["numeric"]
    page.goto(f"{live_server.url}/hallinta/indicators/indicator/{numeric.pk}/change/")
    # A row added by the admin's own script, then refused with a reason.
    page.get_by_role(
        "button", name=re.compile("^Lisää toinen vuositavoite$", re.I)
    ).click()
    page.locator('input[name="annual_targets-2-year"]').fill("2026")
    page.locator('input[name="annual_targets-2-value"]').fill("paljon")
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.get_by_role(
            "button", name="Tallenna välillä ja jatka muokkaamista"
        ).click()
    assert page.locator(".errorlist").count() >= 1
    assert axe_violations(page) == []
