"""Pages are complete with JavaScript turned off."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_shows_the_home_page_without_javascript(nojs_page, live_server, site):
    page = nojs_page
    page.goto(live_server.url + "/")
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Kemijärven kaupunkistrategia 2024–2028"
    assert page.get_by_role("link", name="1. Kylien kaupunki", exact=True).is_visible()


def test_it_switches_language_without_javascript(nojs_page, live_server, site):
    page = nojs_page
    page.goto(live_server.url + "/painopistealueet/2/")
    with page.expect_navigation():
        page.get_by_role("button", name="In English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "We ensure high-quality education." in page.locator("main").inner_text()


def test_it_really_runs_without_javascript(nojs_page):
    nojs_page.set_content(
        "<p id=p>static</p><script>document.getElementById('p').textContent"
        " = 'scripted'</script>"
    )
    assert nojs_page.locator("#p").inner_text() == "static"


def test_it_shows_an_indicator_without_javascript(nojs_page, live_server, site):
    page = nojs_page
    monthly = site.indicators["monthly"]
    page.goto(f"{live_server.url}/mittarit/{monthly.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Työttömyysaste"
    # The chart is drawn by the server, and its numbers are in a table too.
    chart = page.get_by_role("img", name="Työttömyysaste: kehitys")
    assert chart.is_visible()
    assert chart.locator("polyline, path").count() >= 1
    table = page.get_by_role("table", name="Tulokset vuonna 2025, uusin ensin")
    assert table.is_visible()
    rows = table.locator("tbody tr")
    assert rows.count() == 3
    assert "12,4\xa0%" in table.inner_text()  # a no-break space before the unit


def test_it_filters_indicators_without_javascript(nojs_page, live_server, site):
    page = nojs_page
    page.goto(f"{live_server.url}/mittarit/")
    page.get_by_label("Hae nimestä, kuvauksesta tai lähteestä").fill("työttömyys")
    with page.expect_navigation():
        page.get_by_role("button", name="Näytä mittarit").click()
    assert "haku=ty%C3%B6tt%C3%B6myys" in page.url
    main = page.locator("main").inner_text()
    assert "Työttömyysaste" in main
    assert "Kevyen liikenteen väylät" not in main
