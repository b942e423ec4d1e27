"""Staff in the browser: a value far from the last one is confirmed, a
preliminary figure is recorded and then replaced by the final one."""

from decimal import Decimal

import pytest

from indicators.models import Reading
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def population(make_indicator, make_reading, recorder):
    indicator = make_indicator(
        name="Väkiluku",
        unit="asukasta",
        decimals=0,
        direction="hold",
        baseline_value=Decimal(6990),
        target_value=Decimal(6900),
    )
    make_reading(indicator, 2017, "7605", user=recorder)  # history: not judged
    make_reading(indicator, 2023, "6975", user=recorder)  # not the baseline
    make_reading(indicator, 2024, "6931", user=recorder)
    return indicator


def test_a_far_value_is_confirmed_on_the_form(page, live_server, recorder, population):
    log_in(page, live_server.url, "kirjaaja")
    page.goto(f"{live_server.url}/mittarit/{population.pk}/kirjaa/")
    confirm = page.get_by_label("Vahvistan, että tulos on oikein", exact=False)
    assert confirm.count() == 0  # only when needed
    page.get_by_label("Vuosi").fill("2025")
    page.get_by_label("Tulos (asukasta)").fill("69 400")
    page.get_by_label("Selitys", exact=True).fill("Tarkistettu tilastosta.")
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna tulos").click()

    assert "yli 10-kertainen" in page.locator("#div_id_value").inner_text()
    assert not Reading.objects.filter(indicator=population, year=2025).exists()
    confirm.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna tulos").click()
    assert page.url == f"{live_server.url}/mittarit/{population.pk}/"
    reading = Reading.objects.get(indicator=population, year=2025)
    assert reading.value == Decimal(69400)
    history = page.locator(".history-section").inner_text()
    assert "Kirjaaja vahvisti poikkeavan tuloksen" in history


def test_a_preliminary_figure_is_replaced_by_the_final(
    page, live_server, recorder, population
):
    log_in(page, live_server.url, "kirjaaja")
    page.goto(f"{live_server.url}/mittarit/{population.pk}/kirjaa/")
    page.get_by_label("Vuosi").fill("2025")
    page.get_by_label("Tulos (asukasta)").fill("6 880")
    page.get_by_label("Ennakkotieto").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna tulos").click()
    row = page.locator("table.readings-table tr", has_text="6 880")
    assert "ennakkotieto" in row.inner_text()

    reading = Reading.objects.get(indicator=population, year=2025)
    page.goto(f"{live_server.url}/kirjaukset/{reading.pk}/muokkaa/")
    page.get_by_label("Tulos (asukasta)").fill("6 875")
    page.get_by_label("Ennakkotieto").uncheck()
    page.get_by_label("Korjauksen syy").fill("Lopullinen luku.")
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna korjaus").click()
    row = page.locator("table.readings-table tr", has_text="6 875")
    assert "ennakkotieto" not in row.inner_text()
    assert "korjattu" in row.inner_text()
    reading.refresh_from_db()
    assert (reading.value, reading.preliminary) == (Decimal(6875), False)


def test_the_marks_are_explained(page, live_server, population):
    page.goto(f"{live_server.url}/mittarit/{population.pk}/")
    note = page.locator(".history-note").inner_text()
    assert "Tulokset ennen vuotta 2024 ovat historiatietoa" in note
    assert "vuoden 2023 tulos on 6\xa0975 asukasta" in note
    page.goto(f"{live_server.url}/lukuohje/")
    assert page.get_by_role("heading", name="Merkinnät lukujen vieressä").count() == 1
