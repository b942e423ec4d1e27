"""Pages fit the screen: a 320 px phone (WCAG 2.1, 1.4.10) and a 1280 px desktop.

Nothing may push the page sideways on a small phone: long Finnish compound
words and status badges wrap; wide tables scroll inside their own box
(``.table-wrap``), which is allowed. On a desktop screen even that box must
not cut a table: every column, the staff's action links included, is seen
without scrolling. Public pages are checked on the phone, and the pages each
role sees when logged in on both screens, in Finnish and in English.
"""

import pytest

from tests.browser.helpers import log_in, switch_language
from tests.sample import PUBLIC_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What sticks out past the right edge, deepest elements first, for the message.
OVERFLOWING = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
  .filter(e => !e.closest('.table-wrap'))
  .reverse().slice(0, 5)
  .map(e => `${e.tagName.toLowerCase()}.${e.className}: `
    + e.textContent.trim().slice(0, 40))"""

# Table cells that reach past the right edge of their scrolling box.
CUT_CELLS = """() => [...document.querySelectorAll('.table-wrap')].flatMap(box => {
  const edge = box.getBoundingClientRect().right;
  return [...box.querySelectorAll('th, td')]
    .filter(cell => cell.getBoundingClientRect().right > edge + 1)
    .map(cell => `${cell.tagName.toLowerCase()} cut off: `
      + cell.textContent.replace(/\\s+/g, ' ').trim().slice(0, 40).trim());
})"""


def sideways(page) -> list[str]:
    """What makes the page wider than the screen ([] when nothing does)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= page.viewport_size["width"]:
        return []
    return [f"{width} px wide", *page.evaluate(OVERFLOWING)]


def cut_off(page) -> list[str]:
    """Table cells that a desktop screen shows only by scrolling their box."""
    return page.evaluate(CUT_CELLS)


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_it_needs_no_sideways_scrolling_on_a_small_phone(
    phone, live_server, site, name
):
    phone.goto(live_server.url + site.path(name))
    found = {"fi": sideways(phone)}
    switch_language(phone, "In English")
    found["en"] = sideways(phone)
    assert found == {"fi": [], "en": []}


# What each role sees when logged in; {numeric}, {draft} … from the site below.
ROLE_PAGES = {
    "staff": (
        "kirjaaja",
        [
            "/omat/",
            "/mittarit/{numeric}/",
            "/mittarit/{broadband}/",
            "/mittarit/{qualitative}/",
            "/mittarit/{numeric}/kirjaa/",
            "/mittarit/{qualitative}/kirjaa/",
            "/kirjaukset/{reading}/muokkaa/",
            "/kirjaukset/{reading}/peru/",
            "/painopistealueet/1/",
            "/toimenpiteet/{measure}/",
            "/toimenpiteet/{measure}/paivita/",
            "/toimenpidepaivitykset/{update}/muokkaa/",
        ],
    ),
    "coordinator": (
        "koordinaattori",
        [
            "/omat/",
            "/mittarit/",
            "/mittarit/{broadband}/",
            "/mittarit/{numeric}/tila/",
            "/mittarit/{internal}/",
            "/raportit/",
            "/raportit/{draft}/",
        ],
    ),
    "mayors-office": (
        "kansliapaallikko",
        [
            "/raportit/",
            "/raportit/uusi/",
            "/raportit/{report}/",
            "/raportit/{report}/uusi-versio/",
            "/raportit/{draft}/",
            "/raportit/{draft}/muokkaa/",
            "/raportit/{draft}/julkaise/",
        ],
    ),
    "councillor": (
        "valtuutettu",
        [
            "/omat/",
            "/mittarit/",
            "/mittarit/{internal}/",
            "/raportit/",
            "/raportit/{report}/",
        ],
    ),
}


@pytest.fixture
def staffed_site(site, coordinator, mayors_office, councillor):
    """The sample site, everyone's accounts, and a draft of a new report version."""
    from reports import services

    site.draft = services.report_new_version(report=site.report)
    return site


def fill_in(path: str, site) -> str:
    return path.format(
        reading=site.indicators["numeric"].readings.latest("period_end").pk,
        report=site.report.pk,
        draft=site.draft.pk,
        measure=site.measure.pk,
        update=site.measure.updates.latest("date").pk,
        **{key: indicator.pk for key, indicator in site.indicators.items()},
    )


@pytest.mark.parametrize("screen", ["phone", "desktop"])
@pytest.mark.parametrize("role", ROLE_PAGES)
def test_it_fits_the_logged_in_pages_of_every_role_on_the_screen(
    request, live_server, staffed_site, role, screen
):
    page = request.getfixturevalue(screen)
    username, paths = ROLE_PAGES[role]
    log_in(page, live_server.url, username)
    found = {}
    for language in ("fi", "en"):
        if language == "en":
            switch_language(page, "In English")
        for path in paths:
            response = page.goto(live_server.url + fill_in(path, staffed_site))
            assert response.status == 200, path
            assert page.locator("html").get_attribute("lang") == language
            problems = sideways(page)
            if screen == "desktop":
                problems += cut_off(page)
            if problems:
                found[f"{path} ({language})"] = problems
    assert found == {}


def test_it_sees_a_page_that_is_too_wide(phone):
    # The check itself must be able to fail.
    phone.set_content('<html><body><p style="white-space: nowrap">' + "x " * 200)
    assert sideways(phone)[0].endswith("px wide")


def test_it_sees_a_table_cell_cut_off_by_its_box(desktop):
    desktop.set_content(
        '<div class="table-wrap" style="width: 300px; overflow-x: auto">'
        '<table><tr><td style="white-space: nowrap">' + "x " * 100 + "</td>"
        "<td>Korjaa</td></tr></table></div>"
    )
    assert sideways(desktop) == []
    assert cut_off(desktop) == [
        "td cut off: " + ("x " * 20).strip(),
        "td cut off: Korjaa",
    ]
