"""The council's own references: its decision (meeting, § and minutes) and a
contact person, written with the report, frozen, on the cover and in the PDF."""

import io

import pytest
from pypdf import PdfReader

from reports import freeze, services
from reports.models import MidtermReport

NB = "\xa0"


def _data(**fields) -> dict:
    data = {
        "title": "Väliraportti 2026",
        "title_en": "",
        "cutoff_date": "30.6.2025",
        "council_meeting_date": "15.9.2025",
        "council_section": "§ 45",
        "minutes_url": "https://kemijarvi.fi/poytakirjat/2025-09-15",
        "contact_name": "Maija Meikäläinen",
        "contact_title": "strategiapäällikkö",
        "contact_email": "maija.meikalainen@example.org",
        "contact_phone": "040 123 4567",
        "introduction": "Hyvä valtuusto.",
        "introduction_en": "",
    }
    data.update(fields)
    return data


def test_it_records_the_decision_and_the_contact(client, mayors_office, strategy):
    client.force_login(mayors_office)
    r = client.post("/raportit/uusi/", _data())
    assert r.status_code == 302
    report = MidtermReport.objects.get()
    assert report.council_section == "45"  # the number; "§ 45" when shown
    assert report.council_reference == f"§{NB}45"
    assert report.minutes_url == "https://kemijarvi.fi/poytakirjat/2025-09-15"
    assert (report.contact_name, report.contact_phone) == (
        "Maija Meikäläinen",
        "040 123 4567",
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("council_section", "neljäkymmentä", "Kirjoita pykälän numero"),
        ("minutes_url", "javascript:alert(1)", "Syötä oikea URL-osoite"),
        ("minutes_url", "ftp://kemijarvi.fi/x", "Osoitteen on alettava https://"),
        ("contact_email", "maija@", "Syötä kelvollinen sähköpostiosoite"),
        ("contact_phone", "soita minulle", "Puhelinnumerossa voi olla vain"),
    ],
)
def test_it_refuses_bad_references_and_saves_nothing(
    client, mayors_office, strategy, field, value, message
):
    client.force_login(mayors_office)
    r = client.post("/raportit/uusi/", _data(**{field: value}))
    assert r.status_code == 200
    assert message in r.content.decode()
    assert not MidtermReport.objects.exists()


def test_it_shows_them_on_the_cover(client, make_report):
    report = make_report(
        council_section="45",
        minutes_url="https://kemijarvi.fi/pk",
        contact_name="Maija Meikäläinen",
        contact_email="maija@example.org",
    )
    services.report_publish(report=report, user=report_user(report))
    html = client.get(f"/raportit/{report.pk}/").content.decode()
    cover = html[html.index('class="report-cover"') : html.index("report-toc")]
    assert f"15.9.2025 §{NB}45" in cover
    assert '<a href="https://kemijarvi.fi/pk">' in cover
    assert "Maija Meikäläinen" in cover
    assert '<a href="mailto:maija@example.org">' in cover


def report_user(report):
    from strategy.models import User

    return User.objects.create(username=f"julkaisija-{report.pk}")


def test_it_writes_them_into_the_pdfs_metadata(
    client, make_report, recorded, make_files
):
    report = make_report(
        council_section="45",
        minutes_url="https://kemijarvi.fi/pk",
        contact_name="Maija Meikäläinen",
        contact_title="strategiapäällikkö",
    )
    report = services.report_publish(report=report, user=report_user(report))
    make_files(report)
    pdf = client.get(f"/raportit/{report.pk}/pdf/").content
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta["/councildecision"] == f"Kaupunginvaltuusto 15.9.2025 §{NB}45"
    assert meta["/councilminutes"] == "https://kemijarvi.fi/pk"
    assert meta["/contact"] == "Maija Meikäläinen, strategiapäällikkö"
    assert "Maija Meikäläinen" in meta.author
    assert f"Kaupunginvaltuusto 15.9.2025 §{NB}45" in meta.subject


def test_it_freezes_them_and_reads_older_reports_without_them(make_report):
    report = make_report(council_section="45", contact_name="Maija Meikäläinen")
    published = services.report_publish(report=report, user=report_user(report))
    # Changing the live row is refused anyway; the frozen copy is what shows.
    assert published.frozen["council"]["section"] == f"§{NB}45"
    assert freeze.thaw(published.frozen).council.contact_name == "Maija Meikäläinen"
    older = {k: v for k, v in published.frozen.items() if k != "council"}
    assert freeze.thaw(older).council == freeze.Council()


def test_a_new_version_keeps_them(make_report):
    report = make_report(council_section="45", contact_name="Maija Meikäläinen")
    published = services.report_publish(report=report, user=report_user(report))
    new = services.report_new_version(report=published)
    assert (new.council_section, new.contact_name) == ("45", "Maija Meikäläinen")
