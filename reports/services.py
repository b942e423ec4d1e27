"""Writes of a report's life: create a draft, publish (freeze) it, supersede it.

Publishing freezes: the report stores ``freeze.freeze(report)`` — the
indicator states as of its cut-off date and its narratives rendered to HTML —
and is rendered from that copy from then on. A published report is never edited; a
new version (a draft copied from it) supersedes it once that is published, and
both stay readable.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from indicators.locking import claim
from strategy.models import Strategy

from . import files, freeze
from .models import (
    COUNCIL_REFERENCES,
    NARRATIVES,
    MidtermReport,
    ReportSection,
    ReportStatus,
)


def _add_sections(report: MidtermReport, copy_from: MidtermReport | None = None):
    texts = {}
    if copy_from is not None:
        for section in copy_from.sections.all():
            texts[section.focus_area_id] = {
                field: getattr(section, field)
                for name in NARRATIVES
                for field in (name, f"{name}_en")
            }
    for area in report.strategy.focus_areas.all():
        ReportSection.objects.create(
            report=report, focus_area=area, **texts.get(area.pk, {})
        )


@transaction.atomic
def report_create(*, strategy: Strategy, **fields) -> MidtermReport:
    """A new draft with an empty section for each focus area."""
    report = MidtermReport.objects.create(strategy=strategy, **fields)
    _add_sections(report)
    return report


def claim_draft(report: MidtermReport, lock_version: int | None) -> None:
    """Reserve a draft for a save made on a page opened at ``lock_version``.

    Raises ``indicators.locking.Conflict`` (with the report as it is now) when
    it was saved or published since; the caller then saves nothing. Call it
    in the transaction that saves.
    """
    claim(
        MidtermReport.objects.filter(status=ReportStatus.DRAFT),
        report.pk,
        lock_version,
    )
    report.lock_version = lock_version  # save() moves it on, as the claim did


def last_change(report: MidtermReport):
    """The newest history row of a report: who saved it last, and when."""
    return report.history.select_related("history_user").first()


def check_publishable(report: MidtermReport, today: datetime.date) -> None:
    if report.is_published:
        raise ValidationError(_("Raportti on jo julkaistu."), code="published")
    if report.cutoff_date > today:
        raise ValidationError(
            _(
                "Tilannepäivä on tulevaisuudessa. Raportin voi julkaista, kun "
                "tilannepäivä on ohi, jotta sen tiedot eivät enää muutu."
            ),
            code="future_cutoff",
        )


@transaction.atomic
def report_publish(*, report: MidtermReport, user) -> MidtermReport:
    """Freeze the draft's content and publish it."""
    # Lock the row: two clicks on "publish" must not freeze twice.
    report = MidtermReport.objects.select_for_update().get(pk=report.pk)
    now = timezone.now()
    check_publishable(report, timezone.localdate(now))
    report.frozen = freeze.freeze(report)
    report.status = ReportStatus.PUBLISHED
    report.published_by = user
    report.published_at = now
    report.save()
    # The PDF and DOCX in each language, made in the background once this
    # commits, so that they are ready before anyone asks (reports/files.py).
    files.request_all(report)
    return report


@transaction.atomic
def report_new_version(*, report: MidtermReport) -> MidtermReport:
    """A draft that will supersede a published report (or the one already begun)."""
    report = MidtermReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_published:
        raise ValidationError(
            _("Vain julkaistusta raportista voi tehdä uuden version."),
            code="draft",
        )
    existing = report.successor
    if existing is not None:
        return existing
    new = MidtermReport.objects.create(
        strategy=report.strategy,
        title=report.title,
        title_en=report.title_en,
        cutoff_date=report.cutoff_date,
        council_meeting_date=report.council_meeting_date,
        **{name: getattr(report, name) for name in COUNCIL_REFERENCES},
        introduction=report.introduction,
        introduction_en=report.introduction_en,
        edition=report.edition + 1,
        supersedes=report,
    )
    _add_sections(new, copy_from=report)
    return new
