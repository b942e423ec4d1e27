"""The report as a PDF, printed by headless Chromium from the report's own HTML.

Chromium (``reports/chromium.py``) lays out and prints the same document the
report page shows, with its print CSS, as a tagged PDF (headings, tables,
lists, links, the charts' alternative text) whose language and title come from
<html lang> and <title>; ``reports/pdf_finishing.py`` adds the bookmarks, the
attached readings and the document information. Chromium replaced WeasyPrint
here: it prints the benchmark report in about a third of the time (README:
Performance). Without Chromium or Playwright ``unavailable_reason()`` says so
and the pages show that instead of failing.
"""

from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import chromium, pdf_finishing, readings_data
from .document import build_document
from .freeze import ReportContent, content_of
from .models import MidtermReport

# Only the report's own and the status colours: report.css's print rules are
# complete without the site's stylesheet (see report.css).
STYLESHEETS = ["css/status.css", "css/report.css"]


def unavailable_reason() -> str:
    """Why a PDF cannot be made on this server, or "" when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return _("PDF-tiedostoa ei voi muodostaa: palvelimelta puuttuu Playwright.")
    if not chromium.browser_path():
        return _(
            "PDF-tiedostoa ei voi muodostaa: palvelimelta puuttuu Chromium-selain "
            "(Debianin paketti chromium-headless-shell)."
        )
    return ""


def _read(path: str) -> str:
    with open(finders.find(path), encoding="utf-8") as f:
        return f.read()


_read_once = cache(_read)


def stylesheet() -> str:
    """The report's CSS, written into the document it prints from (the
    browser loads nothing else). Read once per process, like static files;
    with debug on (``make run``) every time, so that edits show at once."""
    read = _read if settings.DEBUG else _read_once
    return mark_safe("\n".join(read(path) for path in STYLESHEETS))


def render_html(report: MidtermReport, content: ReportContent | None = None) -> str:
    """The standalone HTML document that the PDF is printed from."""
    ctx = {
        "report": report,
        "doc": build_document(report, content),
        "today": timezone.localdate(),
        "for_pdf": True,  # the text names the attached data file
        "stylesheet": stylesheet(),
    }
    return render_to_string("reports/pdf.html", ctx)


def render_pdf(
    report: MidtermReport,
    *,
    base_url: str | None = None,
    content: ReportContent | None = None,
) -> bytes:
    """The report as PDF bytes (raises when Chromium cannot print)."""
    origin = base_url or settings.SITE_URL or "http://localhost/"
    # Chromium starts while the HTML is rendered, and prints while the data
    # file is written: its work runs in its own processes.
    with chromium.printer(origin) as job:
        content = content if content is not None else content_of(report)
        html = render_html(report, content)
        printing = job.send(html)
        # Every reading goes with the report as data; the appendix names it.
        data = pdf_finishing.Attachment(
            name=readings_data.filename(report, "csv"),
            data=readings_data.to_csv(content),
            description=_("Raportin kaikki lukemat tilannepäivään asti (CSV)"),
            mime_type="text/csv",
        )
        printed = printing.result()
    return pdf_finishing.finish(
        printed.pdf,
        head=pdf_finishing.read_head(html),
        bookmarks=printed.marked,
        attachment=data,
    )


# Bumped when the PDF's layout changes on purpose, so that stored PDFs are made
# again; otherwise a published report's PDF is made once and kept.
PDF_LAYOUT = 6


def stored_name(report: MidtermReport) -> str:
    """Where the PDF of a published report is kept, per language."""
    language = (get_language() or "fi").split("-")[0]
    published = report.published_at.strftime("%Y%m%d%H%M%S%f")
    return (
        f"reports/pdf/{report.pk}-v{report.edition}-{published}-{language}"
        f"-l{PDF_LAYOUT}.pdf"
    )


def is_kept(report: MidtermReport) -> bool:
    """True when the PDF in the current language is made and kept already."""
    return report.is_published and default_storage.exists(stored_name(report))


def report_pdf(report: MidtermReport, *, base_url: str | None = None) -> bytes:
    """The report's PDF: a draft's made anew, a published report's made once.

    A published report never changes, and its PDF takes seconds to lay out,
    so the first download stores it (Django's default storage) for the rest.
    """
    if not report.is_published:
        return render_pdf(report, base_url=base_url)
    name = stored_name(report)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    content = render_pdf(report, base_url=base_url)
    default_storage.save(name, ContentFile(content))
    return content
