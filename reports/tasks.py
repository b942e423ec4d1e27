"""Background tasks of the reports (django-tasks; README: Report files).

Run by `manage.py db_worker` in production; under `make run` the immediate
backend runs them in the request that queues them (kemijarvi/settings.py).
"""

from django_tasks import task

from . import files
from .models import MidtermReport


@task()
def make_report_files(report_id: int, language: str) -> None:
    """Make and keep a published report's PDF and DOCX in one language."""
    try:
        report = MidtermReport.objects.published().get(pk=report_id)
        files.make(report, language)
    finally:
        files.release(report_id, language)
