"""Writes of a report's life: create a draft, publish (freeze) it, supersede it.

Publishing freezes: the report stores ``report_data(report)`` — the indicator
snapshot as of its cut-off date and its narratives rendered to HTML — and is
rendered from that copy from then on. A published report is never edited; a
new version (a draft copied from it) supersedes it once that is published, and
both stay readable.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strategy.models import Strategy

from .document import report_data
from .models import NARRATIVES, MidtermReport, ReportSection, ReportStatus


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


def claim_draft(
    report: MidtermReport, loaded_version: datetime.datetime | None
) -> MidtermReport | None:
    """Reserve a draft for a save made on a page opened at ``loaded_version``
    (its ``updated_at`` then). None when it is still a draft as it was then;
    otherwise the report as it is now, changed or published since, and the
    caller must save nothing. Call it in the transaction that saves.

    One conditional UPDATE: of two saves from pages opened at the same moment,
    exactly one matches, on SQLite and PostgreSQL alike.
    """
    claimed = MidtermReport.objects.filter(
        pk=report.pk, status=ReportStatus.DRAFT, updated_at=loaded_version
    ).update(updated_at=timezone.now())
    if claimed:
        return None
    return MidtermReport.objects.get(pk=report.pk)


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
    report.frozen = report_data(report)
    report.status = ReportStatus.PUBLISHED
    report.published_by = user
    report.published_at = now
    report.save()
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
        introduction=report.introduction,
        introduction_en=report.introduction_en,
        version=report.version + 1,
        supersedes=report,
    )
    _add_sections(new, copy_from=report)
    return new
