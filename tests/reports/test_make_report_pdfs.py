"""manage.py make_report_pdfs: the published reports' PDFs made ahead of readers."""

import io

from django.core.management import CommandError, call_command

import pytest
from pypdf import PdfReader

from reports import pdf


def run(*args) -> str:
    out = io.StringIO()
    call_command("make_report_pdfs", *args, stdout=out)
    return out.getvalue()


def test_it_keeps_a_pdf_per_language_that_the_download_then_uses(
    client, published, media_root, monkeypatch
):
    output = run()

    kept = sorted((media_root / "reports" / "pdf").iterdir())
    assert len(kept) == 2
    languages = {PdfReader(path).trailer["/Root"]["/Lang"] for path in kept}
    assert languages == {"fi", "en"}
    assert f"Report {published.pk} v1 (fi): made in" in output
    assert f"Report {published.pk} v1 (en): made in" in output

    def no_rendering(*args, **kwargs):
        raise AssertionError("the kept PDF should have been used")

    monkeypatch.setattr(pdf, "render_pdf", no_rendering)
    r = client.get(f"/raportit/{published.pk}/pdf/")
    assert r.status_code == 200
    assert PdfReader(io.BytesIO(r.content)).trailer["/Root"]["/Lang"] == "fi"


def test_it_skips_pdfs_already_kept(published, media_root, monkeypatch):
    run(str(published.pk))
    monkeypatch.setattr(pdf, "render_pdf", lambda *a, **k: pytest.fail("made again"))

    output = run(str(published.pk))

    assert output.count("kept already") == 2
    assert len(list((media_root / "reports" / "pdf").iterdir())) == 2


def test_it_refuses_a_draft_or_an_unknown_id_and_makes_nothing(
    published, report, media_root
):
    with pytest.raises(
        CommandError, match=f"No published report with id {report.pk}, 999"
    ):
        run(str(published.pk), str(report.pk), "999")
    assert not (media_root / "reports").exists()


def test_it_makes_nothing_for_drafts(report, media_root):
    assert run() == "No published reports: nothing to make.\n"
    assert not (media_root / "reports").exists()


def test_it_says_why_when_no_pdf_can_be_made(published, monkeypatch, media_root):
    monkeypatch.setattr(pdf, "unavailable_reason", lambda: "Chromium puuttuu.")
    with pytest.raises(CommandError, match="Chromium puuttuu."):
        run()
    assert not (media_root / "reports").exists()
