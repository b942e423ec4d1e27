"""A member of staff records a reading in the browser, as they would at work."""

import re
from decimal import Decimal

from django.utils import timezone

import pytest

from indicators.models import Reading
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "Kevyen liikenteen väylät"


@pytest.fixture
def footpaths(make_indicator):
    # Baseline 10 (2023), target 14 (2028): 12,5 is on the plan's line for now.
    return make_indicator(baseline_value=Decimal("10"), target_value=Decimal("14"))


def test_it_records_a_reading_and_shows_it_with_its_status(
    page, live_server, recorder, footpaths
):
    year = timezone.localdate().year
    log_in(page, live_server.url, "kirjaaja")
    # Logging in leads to the recorder's own indicators.
    assert page.url == live_server.url + "/omat/"
    page.get_by_role("link", name=re.compile(f"^Kirjaa .*: {NAME}$")).click()
    assert page.url == f"{live_server.url}/mittarit/{footpaths.pk}/kirjaa/"

    page.get_by_label("Vuosi").fill(str(year))
    page.get_by_label("Tulos (km)").fill("12,5")
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna tulos").click()

    assert page.url == f"{live_server.url}/mittarit/{footpaths.pk}/"
    main = page.locator("main")
    assert f"Tulos {year} tallennettiin." in main.inner_text()
    # The readings table: the period, the value in Finnish form, its status.
    row = page.locator("table tr", has_text="12,5 km").filter(has_text=str(year))
    assert "etenee tavoitteen mukaisesti" in row.inner_text().lower()

    reading = Reading.objects.get(indicator=footpaths, year=year)
    assert reading.value == Decimal("12.5")
    assert reading.created_by == recorder


def test_it_shows_a_finnish_message_next_to_a_rejected_value(
    page, live_server, recorder, footpaths
):
    log_in(page, live_server.url, "kirjaaja")
    page.goto(f"{live_server.url}/mittarit/{footpaths.pk}/kirjaa/")
    page.get_by_label("Vuosi").fill(str(timezone.localdate().year))
    field = page.get_by_label("Tulos (km)")
    field.fill("kaksitoista")
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna tulos").click()

    # Still on the form, the typed text kept, the message beside the field
    # and tied to it for screen readers.
    assert page.url == f"{live_server.url}/mittarit/{footpaths.pk}/kirjaa/"
    field = page.get_by_label("Tulos (km)")
    assert field.input_value() == "kaksitoista"
    assert field.get_attribute("aria-invalid") == "true"
    message = "Anna luku numeroina, esimerkiksi 12,5 tai 1 234,5."
    wrapper = page.locator("#div_id_value")
    assert message in wrapper.inner_text()
    described_by = (field.get_attribute("aria-describedby") or "").split()
    described = " ".join(page.locator(f"#{i}").inner_text() for i in described_by)
    assert message in described
    assert not Reading.objects.filter(indicator=footpaths).exists()


def test_it_forbids_another_departments_recorder(
    page, live_server, other_recorder, footpaths
):
    log_in(page, live_server.url, "toinen")
    assert NAME not in page.locator("main").inner_text()
    response = page.goto(f"{live_server.url}/mittarit/{footpaths.pk}/kirjaa/")
    assert response.status == 403
    assert not Reading.objects.filter(indicator=footpaths).exists()
