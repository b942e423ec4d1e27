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
import socket
from decimal import Decimal
from xml.etree import ElementTree

from django.core.management import call_command
from django.utils import timezone

import docx
import pytest
from pypdf import PdfReader

from indicators.models import Indicator, Reading
from reports.models import MidtermReport
from strategy.models import Measure
from tests.browser import html_checker
from tests.browser.helpers import fill_login_form
from tests.browser.pages_met import PagesMet
from tests.sample import build_site

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


def main_menu(page):
    return page.get_by_role("navigation", name="Päävalikko")


def admin_field(page, label: str):
    """A field of the admin's form by its label ("Nimi:")."""
    return page.get_by_label(f"{label}:", exact=True)


def main_text(page) -> str:
    return page.locator("main").inner_text()


def csv_file(tmp_path, rows: list[list]) -> str:
    """A semicolon-separated file as Excel in Finnish saves it."""
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    path = tmp_path / "tulokset.csv"
    path.write_bytes(out.getvalue().encode("utf-8-sig"))
    return str(path)


@pytest.fixture(scope="module")
def vnu():
    """The Nu HTML checker as a service for the module's days (html_checker.py)."""
    if html_checker.missing_reason():
        yield None
        return
    service = html_checker.Service(free_port(range(8630, 8640)))
    yield service
    service.stop()


def free_port(ports: range) -> int:
    for port in ports:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free port in {ports.start}-{ports.stop - 1}")


@pytest.fixture
def footpaths(make_indicator):
    # Baseline 10 (2023), target 14 (2028): 12,4 is the plan for 2026.
    return make_indicator(baseline_value=Decimal("10"), target_value=Decimal("14"))


# -- 1. A member of staff ------------------------------------------------------


def test_a_staff_members_day(
    page, vnu, live_server, recorder, footpaths, qualitative_indicator, tmp_path
):
    met = PagesMet(vnu)
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
    follow(page, met, main_menu(page).get_by_role("link", name="Mittarit"))
    follow(page, met, page.get_by_role("link", name=FOOTPATHS))
    assert "korjattu" in page.locator("main tr", has_text="12,6 km").inner_text()
    assert page.locator("main tr", has_text="11,8 km").count() == 1
    imported = Reading.objects.get(indicator=footpaths, year=year - 1)
    assert imported.value == Decimal("11.8")

    assert met.end_of_day() == {}


# -- 2. Staff of another department -------------------------------------------


def test_another_departments_day(page, vnu, live_server, other_recorder, footpaths):
    met = PagesMet(vnu)
    page.goto(live_server.url + "/")
    met.check(page)
    log_in(page, met, "toinen")
    assert page.url == live_server.url + "/omat/"
    assert FOOTPATHS not in main_text(page)

    # The indicator's page offers them no recording link …
    follow(page, met, main_menu(page).get_by_role("link", name="Mittarit"))
    follow(page, met, page.get_by_role("link", name=FOOTPATHS))
    assert page.get_by_role("link", name="Kirjaa tulos").count() == 0

    # … and the form's address, typed, gives the refusal in the site's layout.
    response = page.goto(f"{live_server.url}/mittarit/{footpaths.pk}/kirjaa/")
    met.check(page)
    assert response.status == 403
    assert main_menu(page).is_visible()
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.get_by_label("Tulos (km)").count() == 0
    assert not Reading.objects.filter(indicator=footpaths).exists()

    assert met.end_of_day() == {}


# -- 3. The coordinator --------------------------------------------------------


def test_the_coordinators_day(
    page,
    vnu,
    live_server,
    strategy,
    technical,
    other_recorder,
    staff_coordinator,
    contact,
):
    met = PagesMet(vnu)
    name = "Katuvalojen energiankulutus"
    page.goto(live_server.url + "/")
    met.check(page)
    log_in(page, met, "koordinaattori")
    assert page.url == live_server.url + "/seuranta/"

    # A member of staff of another department joins Tekniset palvelut.
    follow(page, met, page.get_by_role("link", name="Omat mittarit").first)
    follow(page, met, page.get_by_role("link", name="Toimialat ja kirjaajat"))
    section = page.locator(f"#toimiala-{technical.pk}")
    section.get_by_label("Liitä toimialaan").select_option(label="Toinen (toinen)")
    follow(page, met, section.get_by_role("button", name="Liitä"))
    assert technical.members.filter(username="toinen").exists()

    # A new indicator in the admin, a draft, with annual targets, the contact
    # person and the new member responsible for recording it.
    follow(page, met, page.get_by_role("link", name="Omat mittarit").first)
    follow(page, met, page.get_by_role("link", name="Strategia-seurannan ylläpito"))
    follow(page, met, page.locator("tr.model-indicator").get_by_role("link").first)
    follow(page, met, page.get_by_role("link", name=re.compile("^Lisää mittari", re.I)))
    admin_field(page, "Nimi").fill(name)
    admin_field(page, "Kuvaus").fill("Katuvalaistuksen sähkönkulutus.")
    admin_field(page, "Yksikkö").fill("MWh")
    admin_field(page, "Desimaaleja").fill("1")
    admin_field(page, "Suunta").select_option("decrease")
    admin_field(page, "Lähtötaso").fill("1 200")
    admin_field(page, "Lähtötason vuosi").fill("2023")
    admin_field(page, "Tavoitetaso").fill("900")
    admin_field(page, "Tavoitevuosi").fill("2028")
    admin_field(page, "Vastuutoimiala").select_option(label="Tekniset palvelut")
    admin_field(page, "Yhteyshenkilö").select_option(label=str(contact))
    admin_field(page, "Kirjaamisesta vastaava").select_option(label="Toinen")
    measure = Measure.objects.get(focus_area__number=4, order=1)
    page.get_by_role(
        "checkbox", name=re.compile(f"^{re.escape(measure.code)} ")
    ).check()
    add_row = page.get_by_role(
        "button", name=re.compile("^Lisää toinen vuositavoite$", re.I)
    )
    for row, (target_year, value) in enumerate([("2026", "1 080"), ("2027", "990,5")]):
        add_row.click()
        page.locator(f'input[name="annual_targets-{row}-year"]').fill(target_year)
        page.locator(f'input[name="annual_targets-{row}-value"]').fill(value)
    met.check(page)  # the rows the admin's script added
    follow(page, met, page.get_by_role("button", name="Tallenna ja poistu"))
    refused = page.locator(".errornote, .errorlist").all_inner_texts()
    assert page.url == f"{live_server.url}/hallinta/indicators/indicator/", refused
    indicator = Indicator.objects.get(name=name)
    assert not indicator.is_published
    assert indicator.responsible == other_recorder
    assert list(indicator.annual_targets.values_list("year", "value")) == [
        (2026, Decimal("1080")),
        (2027, Decimal("990.5")),
    ]

    # Published on its page, where a coordinator sees the draft.
    follow(page, met, page.get_by_role("link", name="Näytä sivusto"))
    follow(page, met, main_menu(page).get_by_role("link", name="Mittarit"))
    follow(page, met, page.get_by_role("link", name=name))
    assert "Luonnos" in main_text(page)
    follow(page, met, page.get_by_role("button", name="Julkaise mittari"))
    assert "Mittari julkaistiin" in main_text(page)
    indicator.refresh_from_db()
    assert indicator.is_published

    # Everyone now sees it with its targets and whom to ask.
    log_out(page, met)
    follow(page, met, main_menu(page).get_by_role("link", name="Mittarit"))
    follow(page, met, page.get_by_role("link", name=name))
    targets = page.locator("dt", has_text="Vuositavoitteet").locator("xpath=..")
    assert "2026: 1\u00a0080,0\u00a0MWh" in targets.inner_text()
    assert "2027: 990,5\u00a0MWh" in targets.inner_text()
    assert "Maija Mäkinen" in main_text(page)

    assert met.end_of_day() == {}


# -- 4. The mayor's office -----------------------------------------------------

INTRO = "Strategian ensimmäinen puolisko on takana."
SUCCESS = "Kylätalojen verkosto laajeni kolmeen uuteen kylään."
UNSAVED = "Tätä ei ole vielä tallennettu."
AREA_1 = "Painopistealue 1: Kylien kaupunki"


@pytest.fixture
def indicators(strategy, make_indicator, make_reading, recorder):
    """Indicators in every state, without the sample site's published report:
    the worker would make its files too."""
    return build_site(make_indicator, make_reading, recorder)


def test_the_mayors_offices_day(
    page, vnu, live_server, indicators, mayors_office, settings
):
    # As in production, whatever the environment says: a worker makes the files.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    met = PagesMet(vnu)
    page.goto(live_server.url + "/")
    met.check(page)
    log_in(page, met, "kansliapaallikko")
    assert page.url == live_server.url + "/raportit/"

    # A draft, as of today, so that the site's readings are in it.
    follow(page, met, page.get_by_role("link", name="Uusi väliraportti"))
    page.get_by_label("Tilannepäivä").fill(timezone.localdate().isoformat())
    page.get_by_label("Johdanto", exact=True).fill(INTRO)
    follow(page, met, page.get_by_role("button", name="Luo luonnos"))
    report = MidtermReport.objects.get()

    # The text just typed, previewed unsaved; the form keeps it.
    area = page.get_by_role("group", name=AREA_1)
    area.get_by_label("Onnistumiset", exact=True).fill(SUCCESS)
    area.get_by_label("Haasteet", exact=True).fill(UNSAVED)
    follow(page, met, page.get_by_role("button", name="Esikatsele tallentamatta"))
    preview = page.locator(".unsaved-preview").inner_text()
    assert UNSAVED in preview and SUCCESS in preview
    report.refresh_from_db()
    assert report.sections.get(focus_area__number=1).challenges == ""
    area = page.get_by_role("group", name=AREA_1)
    assert area.get_by_label("Haasteet", exact=True).input_value() == UNSAVED
    follow(page, met, page.get_by_role("button", name="Tallenna luonnos"))
    assert page.url == f"{live_server.url}/raportit/{report.pk}/"
    assert SUCCESS in main_text(page) and FOOTPATHS in main_text(page)

    # The checklist before publishing names what is still empty.
    follow(page, met, page.get_by_role("link", name="Julkaise", exact=True))
    checklist = main_text(page)
    assert "Tarkista ennen julkaisemista" in checklist
    assert "Painopistealue 2" in checklist
    page.get_by_label("Vahvistan, että raportti julkaistaan.", exact=False).check()
    follow(page, met, page.get_by_role("button", name="Julkaise", exact=True))
    assert "Raportti on julkaistu." in main_text(page)
    report.refresh_from_db()
    assert report.is_published and report.published_by == mayors_office

    # The files are made by the worker: until it has run, the office is told
    # they are being prepared; then "try again" gives the file.
    follow(page, met, page.get_by_role("link", name="Tulosta tai lataa PDF"))
    assert (
        page.get_by_role("heading", level=1).inner_text() == "Tiedostoa valmistellaan"
    )
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    with page.expect_download() as download:
        page.get_by_role("link", name="Yritä ladata uudelleen").click()
    pdf = PdfReader(download.value.path())
    assert len(pdf.pages) > 1
    assert "Strategian ensimmäinen puolisko" in "".join(
        p.extract_text() for p in pdf.pages[:3]
    )

    follow(page, met, page.get_by_role("link", name="Takaisin raporttiin"))
    with page.expect_download() as download:
        page.get_by_role("link", name="Lataa Word-tiedostona").click()
    assert download.value.suggested_filename.endswith(".docx")
    document = docx.Document(download.value.path())
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert any(AREA_1.split(": ")[1] in heading for heading in headings), headings

    log_out(page, met)
    assert met.end_of_day() == {}


# -- 5. A resident -------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_residents_day(page, vnu, live_server, site):
    met = PagesMet(vnu)
    page.goto(live_server.url + "/")
    met.check(page)
    follow(page, met, page.get_by_role("button", name="In English"))
    assert page.locator("html").get_attribute("lang") == "en"

    menu = page.get_by_role("navigation", name="Main menu")
    follow(page, met, menu.get_by_role("link", name="Reports"))
    title = "Mid-term report on the city strategy"
    follow(page, met, page.get_by_role("link", name=title))
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert "Version 1, published" in main_text(page)

    # From the home page, the strategy's feed: Atom with entries.
    follow(page, met, page.locator(".site-name").get_by_role("link"))
    with page.expect_navigation() as navigation:
        page.get_by_role("link", name="Follow the progress of the strategy").click()
    response = navigation.value
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.body())
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert entries and all(e.find(f"{ATOM}title").text for e in entries)

    assert met.end_of_day() == {}


# -- The check itself ---------------------------------------------------------


def test_a_day_reports_what_it_meets(page, vnu):
    """PagesMet can fail: an axe violation, a page axe never saw, an error of
    the Nu HTML checker, each named with its page."""
    met = PagesMet(vnu)
    page.set_content(
        '<!DOCTYPE html><html lang="fi"><title>t</title><main><h1>t</h1>'
        "<input></main></html>"
    )
    met.check(page)
    unseen = html_checker.Page(
        method="GET",
        path="/ei-tarkistettu/",
        status=200,
        language="fi",
        html='<!DOCTYPE html><html lang="fi"><title>t</title>'
        '<table><tr role="row"><td>x</td></tr></table></html>',
    )
    html_checker.PAGES.append(unseen)
    try:
        problems = met.end_of_day()
    finally:
        # The session's own check must not meet this page.
        html_checker.PAGES.remove(unseen)
    axe = problems.pop("axe: blank [fi]")
    assert any(line.startswith("label ") for line in axe)
    assert "not checked by axe: GET /ei-tarkistettu/ [200, fi]" in problems
    if vnu is not None:
        (error,) = problems["vnu: GET /ei-tarkistettu/ [200, fi]"]
        assert "“role” attribute must not be used on a “tr” element" in error
