"""The mayor's office writes, previews, publishes and downloads the report."""

import datetime

from django.utils import timezone

import pytest

from reports.models import MidtermReport
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INTRO = "Strategian ensimmäinen puolisko on takana."
SUCCESS = "Kylätalojen verkosto laajeni kolmeen uuteen kylään."


def test_it_writes_previews_publishes_and_downloads_the_report(
    page, live_server, site, mayors_office, settings
):
    # As under `make run`: the files are made when publishing, no worker.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    today = timezone.localdate()
    log_in(page, live_server.url, "kansliapaallikko")
    page.goto(live_server.url + "/raportit/")
    page.get_by_role("link", name="Uusi väliraportti").click()

    # Data as of today, so that the readings recorded above are in it.
    page.get_by_label("Tilannepäivä").fill(today.isoformat())
    page.get_by_label("Johdanto", exact=True).fill(INTRO)
    with page.expect_navigation():
        page.get_by_role("button", name="Luo luonnos").click()
    report = MidtermReport.objects.exclude(pk=site.report.pk).get()
    assert page.url == f"{live_server.url}/raportit/{report.pk}/muokkaa/"

    area = page.get_by_role("group", name="Painopistealue 1: Kylien kaupunki")
    area.get_by_label("Onnistumiset", exact=True).fill(SUCCESS)
    # A preview of the text just typed, unsaved; the form keeps the text.
    unsaved = "Tätä ei ole vielä tallennettu."
    area.get_by_label("Haasteet", exact=True).fill(unsaved)
    with page.expect_navigation():
        page.get_by_role("button", name="Esikatsele tallentamatta").click()
    preview = page.locator(".unsaved-preview").inner_text()
    assert unsaved in preview and SUCCESS in preview
    area = page.get_by_role("group", name="Painopistealue 1: Kylien kaupunki")
    assert area.get_by_label("Haasteet", exact=True).input_value() == unsaved
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna luonnos").click()

    # The preview: the texts and the indicator data as of the cut-off date.
    assert page.url == f"{live_server.url}/raportit/{report.pk}/"
    main = page.locator("main").inner_text()
    assert "Luonnos" in main and "Esikatselu" in main
    assert INTRO in main and SUCCESS in main
    assert "Kevyen liikenteen väylät" in main

    page.get_by_role("link", name="Julkaise", exact=True).click()
    assert "Tarkista ennen julkaisemista" in page.locator("main").inner_text()
    page.get_by_label("Vahvistan, että raportti julkaistaan.", exact=False).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Julkaise", exact=True).click()
    assert page.url == f"{live_server.url}/raportit/{report.pk}/"
    assert "Raportti on julkaistu." in page.locator("main").inner_text()
    report.refresh_from_db()
    assert report.is_published and report.published_by == mayors_office

    link = page.get_by_role("link", name="Tulosta tai lataa PDF")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as f:
        assert f.read(5) == b"%PDF-"
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    with page.expect_download() as download:
        page.get_by_role("link", name="Lataa Word-tiedostona").click()
    assert download.value.suggested_filename.endswith(".docx")


def test_it_shows_a_published_report_to_everyone(
    page, live_server, site, mayors_office
):
    from reports import services

    report = services.report_create(
        strategy=site.indicators["numeric"].strategy,
        title="Väliraportti",
        cutoff_date=timezone.localdate() - datetime.timedelta(days=1),
        introduction=INTRO,
    )
    draft = f"{live_server.url}/raportit/{report.pk}/"
    assert page.goto(draft).status == 404
    services.report_publish(report=report, user=mayors_office)
    assert page.goto(draft).status == 200
    assert INTRO in page.locator("main").inner_text()
