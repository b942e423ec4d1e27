"""What a careful office checks before publishing a report.

Nothing here stops publishing: these are the things that are easy to miss and
cannot be mended afterwards except by a new version. The publish page lists
them by name.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .freeze import ReportContent
from .models import NARRATIVES, MidtermReport, ReportSection


@dataclass
class Checklist:
    empty: list[str] = field(default_factory=list)  # narratives left empty
    untranslated: list[str] = field(default_factory=list)  # English missing
    meeting_before_publishing: datetime.date | None = None
    late_readings: list = field(default_factory=list)  # LateReading

    def __bool__(self) -> bool:
        return bool(
            self.empty
            or self.untranslated
            or self.meeting_before_publishing
            or self.late_readings
        )


def _place(section: ReportSection, name: str) -> str:
    return _("Painopistealue %(number)s: %(field)s") % {
        "number": section.focus_area.number,
        "field": section._meta.get_field(name).verbose_name,
    }


def publish_checklist(
    report: MidtermReport, content: ReportContent, today: datetime.date
) -> Checklist:
    checks = Checklist()
    english = bool(report.title_en.strip())
    texts = [(_("Johdanto"), report.introduction, report.introduction_en)]
    for section in report.sections.select_related("focus_area"):
        texts += [
            (
                _place(section, name),
                getattr(section, name),
                getattr(section, f"{name}_en"),
            )
            for name in NARRATIVES
        ]
    for place, finnish, translation in texts:
        if not finnish.strip():
            checks.empty.append(place)
        elif english and not translation.strip():
            checks.untranslated.append(place)
    meeting = report.council_meeting_date
    if meeting and meeting < today:
        checks.meeting_before_publishing = meeting
    # By indicator name and period already (indicators/as_of.py).
    checks.late_readings = list(content.late_readings)
    return checks
