"""Every role's day in a real browser, through the UI only.

Each day opens one address by typing it and then moves as its user does, by
the links and buttons on the pages (the forbidden page of another department
excepted: typing its address is the point). Every page met, logged in or not,
the admin's included, is checked by axe-core as it is met, and at the end of
the day by the Nu HTML checker: zero violations, zero errors
(tests/browser/pages_met.py).
"""

import csv
import io
import re
from decimal import Decimal

from django.utils import timezone

import pytest

from indicators.models import Reading
from tests.browser.helpers import fill_login_form
from tests.browser.pages_met import PagesMet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOOTPATHS = "Kevyen liikenteen väylät"
EVENTS = "Kylätapahtumien monipuolisuus"


def follow(page, met: PagesMet, target) -> None:
    """Click a link or a button that opens a page; check the page met."""
    with page.expect_navigation():
        target.click()
    met.check(page)


def log_in(page, met: PagesMet, username: str) -> None:
    """From the page open, by the header's login link, as staff do."""
    follow(page, met, page.get_by_role("link", name="Kirjaudu", exact=True))
    fill_login_form(page, username)
    met.check(page)


def log_out(page, met: PagesMet) -> None:
    follow(page, met, page.get_by_role("button", name="Kirjaudu ulos"))


def main_text(page) -> str:
    return page.locator("main").inner_text()


def csv_file(tmp_path, rows: list[list]) -> str:
    """A semicolon-separated file as Excel in Finnish saves it."""
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    path = tmp_path / "tulokset.csv"
    path.write_bytes(out.getvalue().encode("utf-8-sig"))
    return str(path)


@pytest.fixture
def footpaths(make_indicator):
    # Baseline 10 (2023), target 14 (2028): 12,4 is the plan for 2026.
    return make_indicator(baseline_value=Decimal("10"), target_value=Decimal("14"))


# -- 1. A member of staff ------------------------------------------------------


def test_a_staff_members_day(
    page, live_server, recorder, footpaths, qualitative_indicator, tmp_path
):
    met = PagesMet()
    year = timezone.localdate().year
    page.goto(live_server.url + "/")
    met.check(page)
    log_in(page, met, "kirjaaja")
    assert page.url == live_server.url + "/omat/"

    # A reading typed with a decimal comma.
    follow(
        page,
        met,
        page.get_by_role("link", name=re.compile(f"^Kirjaa .*: {FOOTPATHS}$")),
    )
    page.get_by_label("Vuosi").fill(str(year))
    page.get_by_label("Tulos (km)").fill("12,5")
    follow(page, met, page.get_by_role("button", name="Tallenna tulos"))
    assert page.url == f"{live_server.url}/mittarit/{footpaths.pk}/"
    assert f"Tulos {year} tallennettiin." in main_text(page)
    assert (
        page.locator("table tr", has_text="12,5 km").filter(has_text=str(year)).count()
    )

    # Corrected, with a reason.
    follow(page, met, page.get_by_role("link", name=f"Korjaa tulosta {year}"))
    page.get_by_label("Tulos (km)").fill("12,6")
    page.get_by_label("Korjauksen syy").fill("Katurekisteri päivittyi.")
    follow(page, met, page.get_by_role("button", name="Tallenna korjaus"))
    reading = Reading.objects.get(indicator=footpaths, year=year)
    assert reading.value == Decimal("12.6")
    assert reading.history.latest().history_change_reason == "Katurekisteri päivittyi."

    # A qualitative assessment.
    follow(page, met, page.get_by_role("link", name="Omat mittarit"))
    follow(
        page, met, page.get_by_role("link", name=re.compile(f"^Kirjaa .*: {EVENTS}$"))
    )
    page.get_by_label("Vuosi").fill(str(year))
    page.get_by_label("Etenee tavoitteen mukaisesti").check()
    assessment = "Kyläyhdistykset järjestivät tapahtumia kaikissa kylissä."
    page.get_by_label(re.compile(r"Arvio\s*\*")).fill(assessment)
    follow(page, met, page.get_by_role("button", name="Tallenna arvio"))
    assert assessment in main_text(page)

    # Last year's figure from a spreadsheet: upload, preview, confirm.
    follow(page, met, page.get_by_role("link", name="Omat mittarit"))
    follow(
        page,
        met,
        page.get_by_role("link", name="Tuo tuloksia taulukosta tai tilastotiedostosta"),
    )
    page.get_by_label("Taulukkotiedosto (CSV tai XLSX)").set_input_files(
        csv_file(
            tmp_path,
            [
                ["mittari", "vuosi", "arvo", "lähde"],
                [footpaths.pk, year - 1, "11,8", "Katurekisteri"],
            ],
        )
    )
    follow(page, met, page.get_by_role("button", name="Esikatsele"))
    assert "Uusi tulos" in main_text(page)
    follow(page, met, page.get_by_role("button", name="Vahvista ja tallenna"))
    assert "1 uutta tulosta" in main_text(page)

    # Logged out, the public page shows the day's figures.
    log_out(page, met)
    follow(
        page,
        met,
        page.get_by_role("navigation", name="Päävalikko").get_by_role(
            "link", name="Mittarit"
        ),
    )
    follow(page, met, page.get_by_role("link", name=FOOTPATHS))
    assert "korjattu" in page.locator("main tr", has_text="12,6 km").inner_text()
    assert page.locator("main tr", has_text="11,8 km").count() == 1
    imported = Reading.objects.get(indicator=footpaths, year=year - 1)
    assert imported.value == Decimal("11.8")

    assert met.end_of_day(tmp_path) == {}
