"""The report as a tagged PDF, and a clear message where none can be made."""

import io
import re
import sys

import pytest
from pypdf import PdfReader

from reports import pdf
from strategy.models import FocusArea

# The real check, which tests/conftest.py stands in for where Chromium is missing.
UNAVAILABLE_REASON = pdf.unavailable_reason


def _outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += _outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


@pytest.fixture
def downloaded(client, published, make_files):
    make_files(published)
    r = client.get(f"/raportit/{published.pk}/pdf/")
    assert r.status_code == 200
    return r


def test_it_downloads_a_pdf_with_a_sensible_name(downloaded, published):
    assert downloaded["Content-Type"] == "application/pdf"
    assert downloaded["Content-Disposition"] == (
        'attachment; filename="kemijarven-kaupunki-valiraportti-'
        'kaupunginvaltuustolle-2025-06-30-v1.pdf"'
    )
    assert downloaded.content.startswith(b"%PDF-")


def test_it_is_a_tagged_pdf_with_title_language_and_bookmarks(downloaded, strategy):
    reader = PdfReader(io.BytesIO(downloaded.content))
    assert len(reader.pages) > 1
    assert reader.metadata.title == (
        "Väliraportti kaupunginvaltuustolle – Kemijärven kaupunki"
    )
    assert reader.metadata.author == "Kemijärven kaupunki"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fi"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf object)
    assert "/StructTreeRoot" in root
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712

    titles = _outline_titles(reader.outline)
    for area in FocusArea.objects.filter(strategy=strategy):
        assert f"{area.number}. {area.short_title}" in titles
    assert "Johdanto" in titles
    assert "Liite: mittarien lukemat ja tilan määräytyminen" in titles


def _struct_elements(node, role: str) -> list:
    found = []
    kids = node.get("/K")
    if kids is None:
        return found
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object()
        if not hasattr(kid, "get"):
            continue  # a marked-content id
        if kid.get("/S") == role:
            found.append(kid)
        found += _struct_elements(kid, role)
    return found


def test_its_charts_have_alternative_text(downloaded):
    root = PdfReader(io.BytesIO(downloaded.content)).trailer["/Root"]
    figures = _struct_elements(root["/StructTreeRoot"], "/Figure")
    assert figures  # the trend lines of the indicator tables
    for figure in figures:
        assert figure["/Alt"].startswith("Kehitys 2023–2024: 100,0"), figure


def test_it_has_the_headings_contents_page_numbers_and_data(downloaded, strategy):
    reader = PdfReader(io.BytesIO(downloaded.content))
    pages = [page.extract_text() for page in reader.pages]
    text = "\n".join(pages)
    for heading in [
        "Kemijärven kaupunkistrategia 2024–2028",
        "Väliraportti kaupunginvaltuustolle",
        "Sisällys",
        "Johdanto",
        "Mittarien tila yhteenvetona",
        "Kriittiset menestystekijät",
        "Näin tila määräytyy",
        "Kevyen liikenteen väylät",
    ]:
        assert heading in text, heading
    # The table of contents gives the page of each focus area.
    area_page = next(
        n for n, page in enumerate(pages, 1) if "\n1. Kylien kaupunki\n" in page
    )
    assert area_page > 3
    assert re.search(rf"\n1\. Kylien kaupunki[ .]+{area_page}\n", pages[1])
    # Running header and footer with page numbers (not on the cover).
    assert "Väliraportti kaupunginvaltuustolle Tilanne 30.6.2025" in pages[1]
    assert f"2 / {len(pages)}" in pages[1]
    assert f"/ {len(pages)}" not in pages[0]
    # The running footer's city (the cover's is in capitals).
    assert "Kemijärven kaupunki\n" in pages[1] + "\n"
    assert "Kemijärven kaupunki\n" not in pages[0] + "\n"


def test_it_makes_an_english_pdf(english, published, make_files):
    make_files(published, "en")
    r = english.get(f"/raportit/{published.pk}/pdf/")
    reader = PdfReader(io.BytesIO(r.content))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.metadata.title == (
        "Mid-term report to the city council – City of Kemijärvi"
    )
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Contents" in text and "Cycle and footpaths" in text


def test_it_explains_when_chromium_is_missing(
    client, published, settings, tmp_path, monkeypatch
):
    monkeypatch.setattr(pdf, "unavailable_reason", UNAVAILABLE_REASON)
    settings.REPORT_PDF_BROWSER = str(tmp_path / "chromium")  # not there
    page = client.get(f"/raportit/{published.pk}/").content.decode()
    assert "palvelimelta puuttuu Chromium-selain" in page
    assert f'href="/raportit/{published.pk}/pdf/"' not in page
    r = client.get(f"/raportit/{published.pk}/pdf/")
    assert r.status_code == 503
    assert "palvelimelta puuttuu Chromium-selain" in r.content.decode()


def test_it_explains_when_playwright_is_missing(client, published, monkeypatch):
    monkeypatch.setattr(pdf, "unavailable_reason", UNAVAILABLE_REASON)
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # import fails
    r = client.get(f"/raportit/{published.pk}/pdf/")
    assert r.status_code == 503
    assert "palvelimelta puuttuu Playwright" in r.content.decode()


def test_it_writes_a_hostile_title_into_the_running_header(
    client, make_report, mayors_office
):
    report = make_report(title='Raportti "A" </style><b>\\ 2026')
    client.force_login(mayors_office)
    r = client.get(f"/raportit/{report.pk}/pdf/")
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages]
    assert 'Raportti "A" </style><b>\\ 2026' in pages[1]  # the running header


def test_it_marks_demo_data_on_the_pdf_cover(
    client, make_report, mayors_office, make_indicator, backdate
):
    backdate(make_indicator(name="Esimerkkimittari", is_demo=True))
    report = make_report()
    client.force_login(mayors_office)
    r = client.get(f"/raportit/{report.pk}/pdf/")
    reader = PdfReader(io.BytesIO(r.content))
    cover = reader.pages[0].extract_text()
    assert "Esimerkkiaineisto / Example data" in cover
    assert "Luonnos – ei julkaistu" in cover
    assert r["Content-Disposition"].endswith('-2025-06-30-luonnos.pdf"')


def test_it_serves_the_kept_pdf_without_rendering(
    client, published, monkeypatch, media_root, make_files
):
    make_files(published)
    assert len(list((media_root / "reports" / "pdf").iterdir())) == 1
    first = (next((media_root / "reports" / "pdf").iterdir())).read_bytes()

    def no_rendering(*args, **kwargs):
        raise AssertionError("the stored PDF should have been used")

    monkeypatch.setattr(pdf, "render_pdf", no_rendering)
    r = client.get(f"/raportit/{published.pk}/pdf/")
    assert r.status_code == 200
    assert r.content == first


def test_it_stores_a_pdf_per_language(client, published, media_root, make_files):
    make_files(published, "fi", "en")
    finnish = client.get(f"/raportit/{published.pk}/pdf/").content
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    in_english = client.get(f"/raportit/{published.pk}/pdf/").content
    assert PdfReader(io.BytesIO(finnish)).trailer["/Root"]["/Lang"] == "fi"
    assert PdfReader(io.BytesIO(in_english)).trailer["/Root"]["/Lang"] == "en"
    assert len(list((media_root / "reports" / "pdf").iterdir())) == 2


def test_it_makes_the_pdf_of_a_draft_anew_every_time(
    client, mayors_office, report, media_root
):
    client.force_login(mayors_office)
    assert client.get(f"/raportit/{report.pk}/pdf/").status_code == 200
    assert not (media_root / "reports").exists()


def _wait_hint(page: str) -> bool:
    return 'id="pdf-wait"' in page and 'aria-describedby="pdf-wait"' in page


def test_it_says_the_files_are_being_prepared_until_they_are_kept(
    client, published, english, make_files
):
    page = client.get(published.get_absolute_url()).content.decode()
    assert _wait_hint(page)
    assert "The PDF and Word files are being prepared" in page

    make_files(published, "en")
    assert not _wait_hint(client.get(published.get_absolute_url()).content.decode())


def test_it_says_so_in_finnish_and_for_every_draft(client, mayors_office, report):
    client.force_login(mayors_office)
    client.get(f"/raportit/{report.pk}/pdf/")
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Suuren raportin PDF-tiedoston tekeminen voi kestää puoli minuuttia." in page
    assert _wait_hint(page)


def test_it_says_nothing_of_waiting_when_no_pdf_can_be_made(
    client, published, monkeypatch
):
    monkeypatch.setattr(pdf, "unavailable_reason", lambda: "Chromium puuttuu.")
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Chromium puuttuu." in page
    assert "pdf-wait" not in page
