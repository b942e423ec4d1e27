"""A published report never changes: not through the admin, its change
history or the ORM. Only publishing itself writes the frozen row (a draft
becoming published in one save); a correction is a new version."""

import pytest

from reports import services
from reports.models import MidtermReport, PublishedReportError, ReportSection
from tests.rows import stored


@pytest.fixture(params=["staff_coordinator", "superuser"])
def admin_staff(request):
    return request.getfixturevalue(request.param)


def _report_post(row, **changes) -> dict:
    """The admin's report form as the browser would post it."""
    data = {
        "strategy": row.strategy_id,
        "title": row.title,
        "title_en": row.title_en,
        "cutoff_date": row.cutoff_date.strftime("%d.%m.%Y"),
        "council_meeting_date": row.council_meeting_date.strftime("%d.%m.%Y"),
        "introduction": row.introduction,
        "introduction_en": row.introduction_en,
    }
    data.update(changes)
    return data


def test_it_refuses_to_revert_a_published_report_to_its_draft(
    client, admin_staff, published, make_files
):
    draft_row = published.history.filter(status="draft").earliest()
    before = stored(published)
    client.force_login(admin_staff)

    r = client.post(
        f"/hallinta/reports/midtermreport/{published.pk}/history/"
        f"{draft_row.history_id}/",
        _report_post(draft_row),
    )

    assert r.status_code == 403
    published.refresh_from_db()
    assert stored(published) == before
    assert published.status == "published"
    assert published.published_at is not None
    assert published.frozen is not None
    client.logout()
    assert client.get(f"/raportit/{published.pk}/").status_code == 200
    make_files(published)  # as the worker does
    pdf = client.get(f"/raportit/{published.pk}/pdf/")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_a_superuser_still_reads_the_reports_history(admin_client, published):
    r = admin_client.get(f"/hallinta/reports/midtermreport/{published.pk}/history/")
    assert r.status_code == 200
    draft_row = published.history.filter(status="draft").earliest()
    r = admin_client.get(
        f"/hallinta/reports/midtermreport/{published.pk}/history/"
        f"{draft_row.history_id}/"
    )
    assert r.status_code == 200
    assert 'name="_save"' not in r.content.decode()


def test_the_admin_change_view_cannot_save_a_published_report_either(
    admin_client, published, monkeypatch
):
    # Even if the admin's own permission check let the form through, the
    # model refuses: the answer is 403 and nothing is stored.
    from reports.admin import MidtermReportAdmin

    monkeypatch.setattr(
        MidtermReportAdmin, "has_change_permission", lambda *args, **kwargs: True
    )
    before = stored(published)
    sections = [stored(s) for s in published.sections.all()]

    r = admin_client.post(
        f"/hallinta/reports/midtermreport/{published.pk}/change/",
        {
            **_report_post(published, title="Muutettu"),
            "sections-TOTAL_FORMS": "0",
            "sections-INITIAL_FORMS": "0",
            "sections-MIN_NUM_FORMS": "0",
            "sections-MAX_NUM_FORMS": "1000",
        },
    )

    assert r.status_code == 403
    assert stored(published) == before
    assert [stored(s) for s in published.sections.all()] == sections


def test_the_orm_refuses_to_save_a_published_report(published):
    before = stored(published)
    published.title = "Muutettu"
    with pytest.raises(PublishedReportError) as refused:
        published.save()
    assert "Julkaistua raporttia ei voi muuttaa" in str(refused.value)
    assert stored(published) == before


def test_the_orm_refuses_to_unpublish_a_report(published):
    before = stored(published)
    published.status = "draft"
    published.published_at = None
    with pytest.raises(PublishedReportError):
        published.save()
    assert stored(published) == before


def test_the_orm_refuses_to_delete_or_update_a_published_report(published):
    before = stored(published)
    with pytest.raises(PublishedReportError):
        published.delete()
    with pytest.raises(PublishedReportError):
        MidtermReport.objects.filter(pk=published.pk).delete()
    with pytest.raises(PublishedReportError):
        MidtermReport.objects.filter(pk=published.pk).update(status="draft")
    assert stored(published) == before
    assert published.sections.count() == 4


def test_the_orm_refuses_to_change_a_published_reports_sections(published):
    section = published.sections.first()
    before = stored(section)
    section.successes = "Muutettu"
    with pytest.raises(PublishedReportError):
        section.save()
    with pytest.raises(PublishedReportError):
        section.delete()
    with pytest.raises(PublishedReportError):
        ReportSection.objects.create(
            report=published, focus_area=section.focus_area, successes="Uusi"
        )
    assert stored(section) == before


def test_it_refuses_in_english_too(published, settings):
    from django.utils import translation

    published.title = "Changed"
    with translation.override("en"), pytest.raises(PublishedReportError) as refused:
        published.save()
    assert "A published report cannot be changed" in str(refused.value)


def test_publishing_and_a_new_version_still_work(report, mayors_office, recorded):
    """Publishing is the one write that turns a row into a published one."""
    published = services.report_publish(report=report, user=mayors_office)
    published.refresh_from_db()
    assert published.is_published
    frozen = stored(published)

    new = services.report_new_version(report=published)
    section = new.sections.first()
    section.successes = "Korjattu teksti."
    section.save()
    new = services.report_publish(report=new, user=mayors_office)

    assert new.is_published and new.supersedes_id == published.pk
    assert stored(published) == frozen


def test_drafts_change_as_before(report):
    report.title = "Uusi otsikko"
    report.save()
    section = report.sections.first()
    section.successes = "Teksti."
    section.save()
    report.refresh_from_db()
    section.refresh_from_db()
    assert (report.title, section.successes) == ("Uusi otsikko", "Teksti.")
    report.delete()
    assert not MidtermReport.objects.exists()
