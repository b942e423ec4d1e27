"""Forms that guide, in the browser: the focus on the error summary after a
failed post (no script), its links to the fields, the guidance before the
value field, and a correction with a reason."""

import re
from decimal import Decimal

import pytest

from indicators.models import Reading
from tests.browser.helpers import axe_violations, log_in, switch_language

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def footpaths(make_indicator, make_reading, recorder):
    indicator = make_indicator()
    make_reading(indicator, 2024, "110", user=recorder)
    return indicator


def test_a_failed_post_moves_the_focus_to_the_error_summary(
    page, live_server, recorder, footpaths
):
    log_in(page, live_server.url, "kirjaaja")
    page.goto(f"{live_server.url}/mittarit/{footpaths.pk}/kirjaa/")
    guidance = page.locator(".entry-guidance")
    assert "110,0\xa0km (2024)" in guidance.inner_text()
    assert "Selitys tarvitaan, jos tulos on alle" in guidance.inner_text()

    page.get_by_label("Tulos (km)").fill("kaksitoista")
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna tulos").click()

    assert page.title().startswith("Virhe: Kirjaa tulos")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "error-summary"
    # Its link leads to the field and puts the cursor there.
    page.locator(".error-summary a", has_text="Tulos (km)").click()
    assert page.evaluate("document.activeElement.id") == "id_value"
    assert axe_violations(page) == []
    switch_language(page, "In English")
    # The language switch is a new page without the post: no summary.
    assert page.locator(".error-summary").count() == 0


def test_a_correction_with_a_reason_shows_in_the_history_and_is_marked(
    page, live_server, recorder, footpaths
):
    reading = Reading.objects.get(indicator=footpaths)
    log_in(page, live_server.url, "kirjaaja")
    page.goto(f"{live_server.url}/kirjaukset/{reading.pk}/muokkaa/")
    assert page.get_by_label("Vuosi").is_disabled()
    page.get_by_label("Tulos (km)").fill("111")
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna korjaus").click()
    assert page.title().startswith("Virhe: ")
    assert "Korjauksen syy" in page.locator(".error-summary").inner_text()

    page.get_by_label("Korjauksen syy").fill("Katurekisteri päivittyi.")
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna korjaus").click()
    assert page.url == f"{live_server.url}/mittarit/{footpaths.pk}/"
    history = page.locator("#muutoshistoria")
    assert "Korjauksen syy: Katurekisteri päivittyi." in history.inner_text()
    mark = page.locator("a.mark-corrected").first
    assert re.match(r"korjattu \d+\.\d+\.\d{4}", mark.inner_text())
    mark.click()
    assert page.url.endswith("#muutoshistoria")
    reading.refresh_from_db()
    assert reading.value == Decimal("111")
