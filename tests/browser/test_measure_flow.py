"""A member of staff writes a measure's progress update in the browser."""

import re

from django.utils import timezone

import pytest

from strategy.models import Measure, MeasureUpdate
from tests.browser.helpers import log_in, switch_language

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def measure(strategy, technical):
    m = Measure.objects.get(focus_area__number=1, order=2)
    m.department = technical
    m.save()
    return m


def test_it_writes_an_update_from_my_page_and_shows_it_on_the_focus_area(
    page, live_server, recorder, measure
):
    log_in(page, live_server.url, "kirjaaja")
    assert page.url == live_server.url + "/omat/"
    page.get_by_role(
        "link", name=re.compile(r"^Kirjaa tilannekatsaus toimenpiteelle 1\.2$")
    ).click()
    assert page.url == f"{live_server.url}/toimenpiteet/{measure.pk}/paivita/"

    page.get_by_label("Viivästynyt").check()
    page.get_by_label(re.compile(r"^\W*Tilannekatsaus\W*$")).fill(
        "Urakka alkaa syksyllä."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna tilannekatsaus").click()
    assert page.url == f"{live_server.url}/toimenpiteet/{measure.pk}/"
    assert "Tilannekatsaus on tallennettu." in page.locator("main").inner_text()

    update = MeasureUpdate.objects.get()
    assert update.date == timezone.localdate()  # the date field's default
    assert update.created_by == recorder

    page.goto(f"{live_server.url}/painopistealueet/1/")
    section = page.locator("#toimenpide-2")
    assert "Viivästynyt" in section.inner_text()
    assert "Urakka alkaa syksyllä." in section.inner_text()
    # In English the Finnish-only text is marked.
    switch_language(page, "In English")
    section = page.locator("#toimenpide-2")
    assert "In Finnish only" in section.inner_text()
    assert section.locator('[lang="fi"]', has_text="Urakka alkaa").count() == 1


def test_it_refuses_another_departments_measure(
    page, live_server, other_recorder, measure
):
    log_in(page, live_server.url, "toinen")
    response = page.goto(f"{live_server.url}/toimenpiteet/{measure.pk}/paivita/")
    assert response.status == 403
    assert not MeasureUpdate.objects.exists()
