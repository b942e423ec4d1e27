import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from reports import files, pdf
from reports.models import MidtermReport


class Command(BaseCommand):
    help = (
        "Make and keep the PDF and DOCX of published mid-term reports in every "
        "language, now, as the background worker does after publishing (for "
        "reports published before it ran, or after a layout change). Files "
        "already kept are skipped; drafts have none to keep."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "report_ids",
            nargs="*",
            type=int,
            metavar="ID",
            help="published reports to make (default: every published report)",
        )

    def handle(self, *args, report_ids, **options):
        problem = pdf.unavailable_reason()
        if problem:
            raise CommandError(problem)
        reports = MidtermReport.objects.published().order_by("pk")
        if report_ids:
            reports = reports.filter(pk__in=report_ids)
            # Named but not made would pass silently for a typo or a draft.
            missing = sorted(set(report_ids) - {report.pk for report in reports})
            if missing:
                raise CommandError(
                    f"No published report with id {', '.join(map(str, missing))}; "
                    "nothing made."
                )
        if not reports:
            self.stdout.write("No published reports: nothing to make.")
            return
        for report in reports:
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    self._make(report, language)

    def _make(self, report: MidtermReport, language: str) -> None:
        label = f"Report {report.pk} v{report.edition} ({language})"
        name = pdf.stored_name(report)
        if files.is_kept(report):
            self.stdout.write(f"{label}: kept already, {name}")
            return
        started = time.perf_counter()
        files.make(report, language)
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(f"{label}: made in {seconds:.1f} s, {name}")
        )
