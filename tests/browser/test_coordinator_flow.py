"""A coordinator sets an annual target in the admin, as they would at work."""

import re
from decimal import Decimal

import pytest

from indicators.models import AnnualTarget
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VALUE_CELL = 'input[name="annual_targets-0-value"]'
YEAR_CELL = 'input[name="annual_targets-0-year"]'


@pytest.fixture
def footpaths(make_indicator):
    return make_indicator(baseline_value=Decimal("10"), target_value=Decimal("14"))


def add_target_for_2026(page, base_url: str, indicator, typed: str) -> None:
    """Log in as the coordinator, add a 2026 target row, type, save."""
    log_in(page, base_url, "koordinaattori")
    page.goto(f"{base_url}/hallinta/indicators/indicator/{indicator.pk}/change/")
    # The admin's own script adds the inline row (and capitalises the name).
    page.get_by_role(
        "button", name=re.compile("^Lisää toinen vuositavoite$", re.I)
    ).click()
    page.locator(YEAR_CELL).fill("2026")
    page.locator(VALUE_CELL).fill(typed)
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna ja poistu").click()


def test_it_adds_an_annual_target_in_finnish_numbers_that_the_public_page_shows(
    page, live_server, staff_coordinator, footpaths
):
    add_target_for_2026(page, live_server.url, footpaths, "11,5")

    assert page.url == f"{live_server.url}/hallinta/indicators/indicator/"
    target = AnnualTarget.objects.get(indicator=footpaths)
    assert (target.year, target.value) == (2026, Decimal("11.5"))

    page.goto(f"{live_server.url}/mittarit/{footpaths.pk}/")
    targets = page.locator("dt", has_text="Vuositavoitteet").locator("xpath=..")
    assert "2026: 11,5\u00a0km" in targets.inner_text()


def test_it_explains_a_rejected_target_and_saves_nothing(
    page, live_server, staff_coordinator, footpaths
):
    add_target_for_2026(page, live_server.url, footpaths, "yksitoista")

    # Still the change form, the typed text kept, the reason in its row.
    assert page.url.endswith(f"/hallinta/indicators/indicator/{footpaths.pk}/change/")
    assert page.locator(VALUE_CELL).input_value() == "yksitoista"
    errors = page.locator(".row-form-errors, .errorlist").all_inner_texts()
    assert "Anna luku numeroina, esimerkiksi 12,5 tai 1 234,5." in " ".join(errors)
    assert not AnnualTarget.objects.filter(indicator=footpaths).exists()
