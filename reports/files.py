"""A report's files — its PDF and DOCX — made once, ahead of readers.

Publishing asks for the files in each language (``request_all``); a
background task (``reports/tasks.py``, django-tasks) makes them and keeps
them in Django's storage. Readers only ever get a kept file: until it
exists, the download page says it is being prepared. At most one render per
report and language is queued or running at a time: asking claims a
``RenderClaim`` row with a unique key, so six readers asking at once queue
one render, not six. A draft's preview PDF is made on demand, one at a time
per user (``draft_render``).
"""

import datetime
from contextlib import contextmanager

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from . import pdf, word
from .models import MidtermReport, RenderClaim

# A claim older than this belongs to a render that died (a worker stopped
# mid-way): the next request takes it over. Renders take seconds to a minute.
STALE = datetime.timedelta(minutes=15)


class Busy(Exception):
    """The same render is already running."""


def _key(report: MidtermReport, language: str) -> str:
    return f"report-{report.pk}-{language}"


def is_kept(report: MidtermReport) -> bool:
    """Both files in the active language are made and kept."""
    return pdf.is_kept(report) and word.is_kept(report)


def make(report: MidtermReport, language: str) -> None:
    """Make and keep the files of a published report in ``language`` (what the
    task runs, and ``manage.py make_report_pdfs``); kept ones are skipped."""
    with translation.override(language):
        if not pdf.is_kept(report):
            pdf.report_pdf(report)
        if not word.is_kept(report):
            word.report_docx(report)


def _claim(key: str) -> bool:
    """Claim ``key`` for a render; False when a live claim holds it already."""
    now = timezone.now()
    try:
        with transaction.atomic():
            RenderClaim.objects.create(key=key, claimed_at=now)
        return True
    except IntegrityError:
        # One conditional UPDATE decides which request takes over a stale one.
        return bool(
            RenderClaim.objects.filter(key=key, claimed_at__lt=now - STALE).update(
                claimed_at=now
            )
        )


def release(report_id: int, language: str) -> None:
    RenderClaim.objects.filter(key=f"report-{report_id}-{language}").delete()


def request_files(report: MidtermReport, language: str) -> bool:
    """Queue the making of the files in ``language`` unless they are kept or
    queued already; True when this call queued it."""
    from .tasks import make_report_files

    if not report.is_published:
        return False
    with translation.override(language):
        if is_kept(report):
            return False
    if not _claim(_key(report, language)):
        return False
    transaction.on_commit(
        lambda: make_report_files.enqueue(report_id=report.pk, language=language)
    )
    return True


def request_all(report: MidtermReport) -> None:
    for language, _name in settings.LANGUAGES:
        request_files(report, language)


@contextmanager
def draft_render(user):
    """One draft preview render at a time per user; raises ``Busy``."""
    key = f"draft-user-{user.pk}"
    if not _claim(key):
        raise Busy
    try:
        yield
    finally:
        RenderClaim.objects.filter(key=key).delete()
