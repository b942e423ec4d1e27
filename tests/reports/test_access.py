"""Who may do what with reports: every URL × every member of the cast."""

import pytest

from reports import files
from reports.models import MidtermReport

CAST = [
    "anonymous",
    "recorder",
    "coordinator",
    "councillor",
    "mayors_office",
    "superuser",
]
EDITORS = {"mayors_office", "superuser"}
DRAFT_READERS = {"coordinator", "mayors_office", "superuser"}


@pytest.fixture(autouse=True)
def _fake_pdf(monkeypatch):
    # The PDF itself is tested in test_pdf.py; here only who gets one.
    monkeypatch.setattr(
        "reports.pdf.render_pdf", lambda report, **kwargs: b"%PDF-1.7 test"
    )


def _log_in(client, request, who: str) -> None:
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


@pytest.mark.parametrize("who", CAST)
def test_it_shows_published_reports_to_everyone(client, request, who, published):
    _log_in(client, request, who)
    assert client.get("/raportit/").status_code == 200
    assert client.get(f"/raportit/{published.pk}/").status_code == 200
    files.make(published, "fi")  # as the background task does
    r = client.get(f"/raportit/{published.pk}/pdf/")
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert client.get(f"/raportit/{published.pk}/docx/").status_code == 200
    assert client.get(f"/raportit/{published.pk}/lukemat.csv").status_code == 200


@pytest.mark.parametrize("who", CAST)
def test_it_shows_drafts_only_to_the_mayors_office_and_coordinators(
    client, request, who, report
):
    _log_in(client, request, who)
    expected = 200 if who in DRAFT_READERS else 404
    assert client.get(f"/raportit/{report.pk}/").status_code == expected
    assert client.get(f"/raportit/{report.pk}/pdf/").status_code == expected
    assert client.get(f"/raportit/{report.pk}/docx/").status_code == expected
    assert client.get(f"/raportit/{report.pk}/lukemat.xlsx").status_code == expected
    listed = f"/raportit/{report.pk}/" in client.get("/raportit/").content.decode()
    assert listed == (who in DRAFT_READERS)


def _write_urls(report: MidtermReport) -> list[tuple[str, dict]]:
    """Each write URL with the data of a valid POST."""
    return [
        (
            "/raportit/uusi/",
            {
                "title": "Toinen raportti",
                "cutoff_date": "30.6.2025",
                "council_meeting_date": "",
                "introduction": "",
            },
        ),
        (
            f"/raportit/{report.pk}/muokkaa/",
            {
                "title": "Muutettu",
                "cutoff_date": "30.6.2025",
                "council_meeting_date": "",
                "introduction": "",
                "lock_version": report.lock_version,
            },
        ),
        (f"/raportit/{report.pk}/julkaise/", {"confirm": "on"}),
    ]


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("who", CAST)
def test_it_lets_only_the_mayors_office_write(client, request, who, method, report):
    _log_in(client, request, who)
    for path, data in _write_urls(report):
        r = getattr(client, method)(path, data if method == "post" else None)
        if who == "anonymous" and method == "post" and path.endswith("/muokkaa/"):
            # The texts are given back, not lost on the way to the login page
            # (test_safe_writing.py); nothing is saved.
            assert r.status_code == 403, path
            assert "Istunto on päättynyt" in r.content.decode()
        elif who == "anonymous":
            assert r.status_code == 302, path
            assert r["Location"] == f"/kirjaudu/?next={path}", path
        elif who in EDITORS:
            assert r.status_code in (200, 302), path
        else:
            assert r.status_code == 403, path
    report.refresh_from_db()
    if who in EDITORS and method == "post":
        assert report.is_published
        assert MidtermReport.objects.count() == 2
    else:
        assert not report.is_published
        assert report.title == "Väliraportti kaupunginvaltuustolle"
        assert MidtermReport.objects.count() == 1


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("who", CAST)
def test_it_lets_only_the_mayors_office_start_a_new_version(
    client, request, who, method, published
):
    _log_in(client, request, who)
    path = f"/raportit/{published.pk}/uusi-versio/"
    r = getattr(client, method)(path)
    if who == "anonymous":
        assert r.status_code == 302
        assert r["Location"] == f"/kirjaudu/?next={path}"
    elif who in EDITORS:
        assert r.status_code == (302 if method == "post" else 200)
    else:
        assert r.status_code == 403
    made = MidtermReport.objects.filter(supersedes=published).exists()
    assert made == (who in EDITORS and method == "post")


@pytest.mark.parametrize("who", ["recorder", "coordinator", "councillor"])
def test_it_refuses_others_even_on_a_published_report(client, request, who, published):
    _log_in(client, request, who)
    for path in ["muokkaa", "julkaise", "uusi-versio"]:
        r = client.post(f"/raportit/{published.pk}/{path}/")
        assert r.status_code == 403


def test_it_answers_404_for_an_unknown_report(admin_client, db):
    for path in [
        "/raportit/999/",
        "/raportit/999/pdf/",
        "/raportit/999/docx/",
        "/raportit/999/lukemat.csv",
        "/raportit/999/muokkaa/",
    ]:
        assert admin_client.get(path).status_code == 404


def test_it_shows_the_write_buttons_only_to_editors(client, coordinator, report):
    client.force_login(coordinator)
    html = client.get(f"/raportit/{report.pk}/").content.decode()
    assert f"/raportit/{report.pk}/muokkaa/" not in html
    assert f"/raportit/{report.pk}/julkaise/" not in html
    assert "/raportit/uusi/" not in client.get("/raportit/").content.decode()


def test_it_shows_the_write_buttons_to_the_mayors_office(client, mayors_office, report):
    client.force_login(mayors_office)
    html = client.get(f"/raportit/{report.pk}/").content.decode()
    assert f"/raportit/{report.pk}/muokkaa/" in html
    assert f"/raportit/{report.pk}/julkaise/" in html
    assert "/raportit/uusi/" in client.get("/raportit/").content.decode()
