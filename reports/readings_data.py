"""Every reading of a report as data: the CSV attached to its PDF, and the
CSV and XLSX downloads of its page.

The rows come from the report's content (``reports/freeze.py``): the frozen
readings of a published report, so the file never changes after publishing,
and a draft's readings as of its cut-off. A row per reading, oldest first
within an indicator, indicators in the report's order. The CSV is the
Finnish spreadsheet kind: semicolons, decimal commas, UTF-8 with a byte
order mark so that Excel reads "ä" right.
"""

import csv
import io
from decimal import Decimal

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from indicators import formatting
from indicators.choices import Kind, Status

from .freeze import ReportContent
from .models import MidtermReport


def filename(report: MidtermReport, extension: str) -> str:
    """``kemijarven-kaupunki-…-lukemat-2026-06-30-v1.csv``."""
    name = slugify(f"{report.strategy.municipality} {report.title}") or "raportti"
    state = f"v{report.edition}" if report.is_published else "luonnos"
    return f"{name}-lukemat-{report.cutoff_date:%Y-%m-%d}-{state}.{extension}"


def header() -> list[str]:
    """Column names a program can use (one word each), in the active language."""
    return [
        pgettext("sarake", "mittari_id"),
        pgettext("sarake", "mittari"),
        pgettext("sarake", "yksikkö"),
        pgettext("sarake", "tyyppi"),
        pgettext("sarake", "jakso"),
        pgettext("sarake", "vuosi"),
        pgettext("sarake", "jakson_numero"),
        pgettext("sarake", "lukema"),
        pgettext("sarake", "arvio"),
        pgettext("sarake", "suunniteltu"),
        pgettext("sarake", "tila"),
        pgettext("sarake", "ennakkotieto"),
        pgettext("sarake", "ennen_strategiakautta"),
        pgettext("sarake", "selitys"),
    ]


def rows(content: ReportContent) -> list[list]:
    """A list per reading: numbers as Decimals, the rest as text."""
    # Each label translated once, not once per reading (30 000 in a long report).
    status_label = {status: str(status.label) for status in Status}
    yes = _("kyllä")
    out = []
    for state in content.states.values():
        d = state.definition
        indicator = [d.id, str(d.name), str(d.unit), str(Kind(d.kind).label)]
        for r in state.readings:
            out.append(
                [
                    *indicator,
                    r.period.label(),
                    r.year,
                    r.part,
                    r.value,
                    status_label[Status(r.assessed)] if r.assessed else "",
                    # As the report shows it: a derived 116,666… is 116,7.
                    _rounded(r.planned, d.decimals),
                    status_label[Status(r.status)] if r.status else "",
                    yes if r.preliminary else "",
                    yes if r.before_period else "",
                    str(r.narrative),
                ]
            )
    return out


def _rounded(value: Decimal | None, decimals: int) -> Decimal | None:
    return None if value is None else Decimal(formatting.machine(value, decimals))


def to_csv(content: ReportContent) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header())
    for row in rows(content):
        # The csv module writes None as "" and whole numbers as they are.
        writer.writerow(
            [formatting.plain(c) if isinstance(c, Decimal) else c for c in row]
        )
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(content: ReportContent, title: str) -> bytes:
    """The same rows as a workbook: numbers as numbers, a frozen header row."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Lukemat"))
    sheet.freeze_panes = "A2"
    sheet.append(header())
    for row in rows(content):
        sheet.append(row)
    book.properties.title = title
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
