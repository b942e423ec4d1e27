"""The PDF and DOCX ready before anyone asks: publishing queues their making
(django-tasks, database backend), the worker makes them, a reader never
starts a render, and one render per report and language runs at a time."""

import datetime
import io

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation

import pytest
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from reports import files, pdf, services, word
from reports.models import RenderClaim

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _queued() -> list[tuple]:
    return sorted(
        (r.task_path, r.args_kwargs["kwargs"]["language"])
        for r in DBTaskResult.objects.all()
    )


@pytest.fixture
def publish(make_report, recorded, mayors_office, django_capture_on_commit_callbacks):
    def publish():
        with django_capture_on_commit_callbacks(execute=True):
            return services.report_publish(report=make_report(), user=mayors_office)

    return publish


def test_publishing_queues_the_files_in_each_language(publish):
    report = publish()
    assert _queued() == [
        ("reports.tasks.make_report_files", "en"),
        ("reports.tasks.make_report_files", "fi"),
    ]
    assert RenderClaim.objects.count() == 2
    assert not pdf.is_kept(report)  # nothing was rendered in the request


def test_a_reader_gets_a_page_that_says_the_file_is_being_prepared(
    client, publish, monkeypatch, django_capture_on_commit_callbacks
):
    report = publish()

    def no_rendering(*args, **kwargs):
        raise AssertionError("a reader must never start a render")

    monkeypatch.setattr(pdf, "render_pdf", no_rendering)
    monkeypatch.setattr(word, "render_docx", no_rendering)
    # Six first downloads at once: no render, and no second one queued.
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(6):
            for path in ("pdf", "docx"):
                r = client.get(f"/raportit/{report.pk}/{path}/")
                assert r.status_code == 503
                assert r["Retry-After"] == "30"
                assert "valmistellaan" in r.content.decode()
    assert len(_queued()) == 2


# The worker closes its database connection when it stops: outside a test
# transaction, so that the test's next query reconnects (PostgreSQL).
@pytest.mark.django_db(transaction=True)
def test_the_worker_makes_the_files_and_the_link_then_gives_them(client, publish):
    report = publish()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert not RenderClaim.objects.exists()  # released when done
    r = client.get(f"/raportit/{report.pk}/pdf/")
    assert r.status_code == 200
    assert PdfReader(io.BytesIO(r.content)).trailer["/Root"]["/Lang"] == "fi"
    assert client.get(f"/raportit/{report.pk}/docx/").status_code == 200
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the language button
    english = client.get(f"/raportit/{report.pk}/pdf/").content
    assert PdfReader(io.BytesIO(english)).trailer["/Root"]["/Lang"] == "en"


def test_a_lost_render_is_queued_again_once_its_claim_is_stale(publish):
    report = publish()
    assert not files.request_files(report, "fi")  # queued already
    old = timezone.now() - files.STALE - datetime.timedelta(minutes=1)
    RenderClaim.objects.update(claimed_at=old)
    assert files.request_files(report, "fi")
    assert not files.request_files(report, "fi")


def test_make_run_makes_the_files_while_publishing(publish, media_root):
    with override_settings(TASKS=IMMEDIATE):
        report = publish()
    for language in ("fi", "en"):
        with translation.override(language):
            assert pdf.is_kept(report) and word.is_kept(report)
    assert not RenderClaim.objects.exists()


def test_a_draft_preview_renders_one_at_a_time_per_user(
    client, report, mayors_office, coordinator
):
    client.force_login(mayors_office)
    RenderClaim.objects.create(
        key=f"draft-user-{mayors_office.pk}", claimed_at=timezone.now()
    )
    r = client.get(f"/raportit/{report.pk}/pdf/")
    assert r.status_code == 429
    assert "Edellinen esikatselu on vielä tekeillä" in r.content.decode()
    # Someone else's preview is not held up by it.
    client.force_login(coordinator)
    assert client.get(f"/raportit/{report.pk}/pdf/").status_code == 200
    assert RenderClaim.objects.count() == 1  # the coordinator's was released
