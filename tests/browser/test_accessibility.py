"""Every public page in Chromium, checked by axe-core (WCAG 2.1 A and AA)."""

import pytest

from tests.browser.helpers import axe_violations, log_in, switch_language
from tests.browser.sample import PUBLIC_PAGES, build_sample_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def site(strategy, make_indicator, make_reading, recorder):
    return build_sample_site(make_indicator, make_reading, recorder)


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_it_has_no_axe_violations_in_finnish(page, live_server, site, name):
    page.goto(live_server.url + site.path(name))
    assert page.locator("html").get_attribute("lang") == "fi"
    assert axe_violations(page) == []


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_it_has_no_axe_violations_in_english(page, live_server, site, name):
    path = site.path(name)
    page.goto(live_server.url + path)
    switch_language(page, "In English")
    # The switcher brings the visitor back to the same page, now in English.
    assert page.url == live_server.url + path
    assert page.locator("html").get_attribute("lang") == "en"
    assert axe_violations(page) == []


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
}


@pytest.mark.parametrize("language", ["fi", "en"])
@pytest.mark.parametrize("name", STAFF_PAGES)
def test_it_has_no_axe_violations_on_staff_pages(
    page, live_server, site, name, language
):
    reading = site.indicators["numeric"].readings.latest("period_end")
    path = STAFF_PAGES[name].format(
        reading=reading.pk, **{k: i.pk for k, i in site.indicators.items()}
    )
    log_in(page, live_server.url, "kirjaaja")
    page.goto(live_server.url + path)
    if language == "en":
        switch_language(page, "In English")
    assert page.locator("html").get_attribute("lang") == language
    assert axe_violations(page) == []


def test_it_has_no_axe_violations_on_a_form_with_errors(page, live_server, site):
    log_in(page, live_server.url, "kirjaaja")
    page.goto(f"{live_server.url}/mittarit/{site.indicators['numeric'].pk}/kirjaa/")
    page.get_by_label("Vuosi").fill("1999")
    page.get_by_label("Tulos (km)").fill("paljon")
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna tulos").click()
    assert page.locator(".invalid-feedback").count() == 2
    assert axe_violations(page) == []
