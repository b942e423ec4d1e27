"""The report as a PDF, rendered by WeasyPrint from the report's own HTML.

The PDF is tagged to the PDF/UA-1 standard (WeasyPrint's ``pdf/ua-1``
variant), takes its title and language from <title> and <html lang>, and gets
its bookmarks from the headings (reports/report.css sets the levels).
WeasyPrint needs the Pango system library; without it (or without WeasyPrint)
``unavailable_reason()`` says so and the pages show that instead of failing.
"""

import gc
import logging
import re
from contextlib import contextmanager

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import readings_data
from .document import build_document
from .freeze import ReportContent, content_of
from .models import MidtermReport

PDF_VARIANT = "pdf/ua-1"
# Only the report's own and the status colours: report.css's print rules are
# complete without the site's stylesheet (see report.css).
STYLESHEETS = ["css/status.css", "css/report.css"]


def _weasyprint():
    # Imported here: it loads Pango through ctypes, which raises OSError when the
    # system library is missing, and the rest of the site must work without it.
    # Its progress lines and its notes on the site's screen-only CSS are noise.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("weasyprint.progress").setLevel(logging.ERROR)
    import weasyprint

    return weasyprint


def unavailable_reason() -> str:
    """Why a PDF cannot be made on this server, or "" when it can."""
    try:
        _weasyprint()
    except ImportError:
        return _("PDF-tiedostoa ei voi muodostaa: palvelimelta puuttuu WeasyPrint.")
    except OSError:
        return _(
            "PDF-tiedostoa ei voi muodostaa: palvelimelta puuttuu WeasyPrintin "
            "tarvitsema Pango-kirjasto."
        )
    return ""


# A text halo (a white stroke painted under the letters) needs paint-order,
# which WeasyPrint does not implement: it would paint the stroke over the text.
HALO_TAG = re.compile(r"<text\b[^>]*\bpaint-order=\"stroke\"[^>]*>")
HALO_ATTRS = re.compile(r'\s(?:stroke|stroke-width|paint-order)="[^"]*"')


def without_halos(html: str) -> str:
    """The chart texts without the halo that WeasyPrint would draw over them."""
    return HALO_TAG.sub(lambda tag: HALO_ATTRS.sub("", tag.group(0)), html)


# Whitespace before a table's or a block's tag is never printed; WeasyPrint's
# pure-Python HTML parser and box builder would still handle each run of it
# (some 20 000 in a long report).
BLOCK_GAP = re.compile(
    r">\s+<(/?(?:table|caption|thead|tbody|tfoot|tr|th|td|div|section|nav|p|ul|ol|li"
    r"|dl|dt|dd|h[1-6])\b)"
)


def without_block_gaps(html: str) -> str:
    """The HTML without the whitespace between block-level and table tags."""
    return BLOCK_GAP.sub(r"><\1", html)


def render_html(report: MidtermReport, content: ReportContent | None = None) -> str:
    """The standalone HTML document that the PDF is made from."""
    ctx = {
        "report": report,
        "doc": build_document(report, content),
        "today": timezone.localdate(),
        "for_pdf": True,  # the text names the attached data file
    }
    return without_block_gaps(without_halos(render_to_string("reports/pdf.html", ctx)))


@contextmanager
def gc_paused():
    """Python's cycle collector off for the duration.

    WeasyPrint builds hundreds of thousands of short-lived objects for a long
    report, and the collector walked them all again and again: a sixth of the
    benchmark report's time (README: Performance). What they leave behind is
    collected as usual once the collector is back on. The switch is
    process-wide: with threaded workers, other requests of the process run
    without the collector for those seconds too (harmless: it only delays
    collecting cycles), and it is back on once the render that switched it
    off ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def render_pdf(
    report: MidtermReport,
    *,
    base_url: str | None = None,
    content: ReportContent | None = None,
) -> bytes:
    """The report as PDF bytes (raises ImportError/OSError without WeasyPrint)."""
    weasyprint = _weasyprint()
    # The page's own stylesheets, read from disk: fetching them over HTTP from
    # the server that is busy answering this request could deadlock.
    stylesheets = [weasyprint.CSS(filename=finders.find(path)) for path in STYLESHEETS]
    content = content if content is not None else content_of(report)
    # Every reading goes with the report as data; the appendix names the file.
    data = weasyprint.Attachment(
        string=readings_data.to_csv(content),
        name=readings_data.filename(report, "csv"),
        description=_("Raportin kaikki lukemat tilannepäivään asti (CSV)"),
        relationship="Data",
    )
    with gc_paused():
        html = render_html(report, content)
        document = weasyprint.HTML(string=html, base_url=base_url)
        return document.write_pdf(
            stylesheets=stylesheets,
            pdf_variant=PDF_VARIANT,
            attachments=[data],
            # The council's decision and the contact person (pdf.html).
            custom_metadata=True,
        )


# Bumped when the PDF's layout changes on purpose, so that stored PDFs are made
# again; otherwise a published report's PDF is made once and kept.
PDF_LAYOUT = 5


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
