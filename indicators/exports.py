"""Open data as files: indicators and their readings as CSV and XLSX.

Rows are made from indicator states (``loading``), so a file says what the
pages say: the same planned values and statuses, numbers written by
``formatting``. Only public indicators are ever exported, whoever asks
(``public_indicators``); callers never pass another queryset.

Two CSV dialects: the Finnish one that Excel in a Finnish locale opens as it
is (semicolon, decimal comma, UTF-8 with a byte order mark) and the plain
international one (comma, decimal point, UTF-8 without a BOM). XLSX cells
hold real numbers with the indicator's decimals as their number format, so a
spreadsheet shows them in the reader's own locale.
"""

import csv
import datetime
import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Max, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from strategy.models import Strategy

from . import formatting
from .choices import Status
from .models import AnnualTarget, Indicator, Reading
from .state import Definition, IndicatorState, ReadingState

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def public_indicators(strategy):
    """The only indicators any export or API answer may contain."""
    return Indicator.objects.public().filter(strategy=strategy).order_by("name", "pk")


def data_changed_at(strategy) -> datetime.datetime | None:
    """When the strategy's indicator data last changed: an indicator's
    definition, a reading (withdrawals too, as they touch ``updated_at``) or
    an annual target (from its history, as the row has no timestamp).

    Internal indicators count too: a change that makes one internal must
    move the date, and only the moment is told, never what changed.
    """
    # One query: three scalar subqueries, each a max over an indexed column.
    moments = Strategy.objects.filter(pk=strategy.pk).values_list(
        Subquery(
            Indicator.objects.filter(strategy=strategy)
            .values("strategy")
            .annotate(m=Max("updated_at"))
            .values("m")
        ),
        Subquery(
            Reading.objects.filter(indicator__strategy=strategy)
            .values("indicator__strategy")
            .annotate(m=Max("updated_at"))
            .values("m")
        ),
        Subquery(
            AnnualTarget.history.filter(indicator__strategy=strategy)
            .values("indicator__strategy")
            .annotate(m=Max("history_date"))
            .values("m")
        ),
    )
    found = moments.first() or ()
    return max((m for m in found if m is not None), default=None)


# -- what a file holds ------------------------------------------------------


@dataclass(frozen=True)
class Dialect:
    """A way of writing numbers and separating fields in a CSV file."""

    name: str
    delimiter: str
    bom: bool
    decimal_comma: bool

    def number(self, value, decimals: int | None = None) -> str:
        if self.decimal_comma:
            return formatting.machine_fi(value, decimals)
        return formatting.machine(value, decimals) or ""


FINNISH = Dialect("fi", delimiter=";", bom=True, decimal_comma=True)
INTERNATIONAL = Dialect("intl", delimiter=",", bom=False, decimal_comma=False)
# ?muoto=… on a CSV address; Finnish when absent.
DIALECTS = {"": FINNISH, "suomi": FINNISH, "kansainvalinen": INTERNATIONAL}


@dataclass(frozen=True)
class Number:
    """A numeric cell: written by the dialect in CSV, a real number in XLSX."""

    value: object
    decimals: int | None = None


def _yes_no(flag: bool) -> str:
    return _("kyllä") if flag else _("ei")


def _status(status: Status | None) -> str:
    return "" if status is None else status.value


def _status_text(status: Status | None) -> str:
    return "" if status is None else str(status.label)


INDICATOR_HEADERS = (
    "mittari_id",
    "nimi",
    "name_en",
    "laji",
    "yksikko",
    "desimaaleja",
    "suunta",
    "seurantatiheys",
    "lahtotaso",
    "lahtotason_vuosi",
    "tavoite",
    "tavoitevuosi",
    "tila",
    "tila_teksti",
    "viimeisin_jakso",
    "viimeisin_arvo",
    "suunnitelma",
    "toimiala",
    "tietolahde",
    "tietolahteen_osoite",
    "toimenpiteet",
    "kaytossa",
    "esimerkkiaineisto",
    "osoite",
)


def indicator_row(state: IndicatorState, url: str) -> list:
    d = state.definition
    latest = state.latest
    return [
        d.id,
        d.name.fi,
        d.name.en,
        d.kind,
        str(d.unit),
        d.decimals,
        d.direction,
        d.frequency,
        Number(d.baseline_value),
        d.baseline_year,
        Number(d.target_value),
        d.target_year,
        _status(state.status),
        _status_text(state.status),
        latest.period.label() if latest else "",
        Number(latest.value if latest else None),
        Number(state.planned, d.decimals),
        str(d.department),
        str(d.data_source),
        d.source_url,
        " ".join(d.measure_codes),
        _yes_no(d.is_active),
        _yes_no(d.is_demo),
        url,
    ]


READING_HEADERS = (
    "mittari_id",
    "mittari",
    "yksikko",
    "jakso",
    "vuosi",
    "jakson_osa",
    "jakso_paattyy",
    "arvo",
    "suunnitelma",
    "tila",
    "tila_teksti",
    "arvioitu_tila",
    "ennakkotieto",
    "ennen_strategiakautta",
    "korjattu",
    "selitys",
    "lahde",
    "esimerkkiaineisto",
)


def reading_row(d: Definition, r: ReadingState) -> list:
    return [
        d.id,
        d.name.fi,
        str(d.unit),
        r.period.label(),
        r.year,
        r.part,
        r.period_end.isoformat(),
        Number(r.value),
        Number(r.planned, d.decimals),
        _status(r.status),
        _status_text(r.status),
        r.assessed,
        _yes_no(r.preliminary),
        _yes_no(r.before_period),
        _iso_date(r.corrected_at),
        str(r.narrative),
        r.evidence,
        _yes_no(d.is_demo),
    ]


def _iso_date(moment: datetime.datetime | None) -> str:
    """A date as machines and spreadsheets in any locale read it: 2026-11-27."""
    return "" if moment is None else timezone.localdate(moment).isoformat()


def reading_rows(states: Iterable[IndicatorState]) -> Iterable[list]:
    for state in states:
        for reading in state.readings:
            yield reading_row(state.definition, reading)


TARGET_HEADERS = ("mittari_id", "mittari", "vuosi", "vuositavoite")


def target_rows(states: Iterable[IndicatorState]) -> Iterable[list]:
    for state in states:
        d = state.definition
        for year, value in state.annual_targets:
            yield [d.id, d.name.fi, year, Number(value)]


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: tuple[str, ...]
    rows: list


# -- writers --------------------------------------------------------------


def write_csv(sheet: Sheet, dialect: Dialect) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=dialect.delimiter, lineterminator="\r\n")
    writer.writerow(sheet.headers)
    for row in sheet.rows:
        writer.writerow(
            [
                dialect.number(cell.value, cell.decimals)
                if isinstance(cell, Number)
                else ("" if cell is None else cell)
                for cell in row
            ]
        )
    # utf-8-sig writes the byte order mark by which Excel knows UTF-8.
    return out.getvalue().encode("utf-8-sig" if dialect.bom else "utf-8")


def _number_format(decimals: int | None) -> str:
    return "0" if not decimals else "0." + "0" * decimals


def write_xlsx(sheets: list[Sheet], *, licence_note: str) -> bytes:
    """A workbook of ``sheets`` and a last sheet naming the licence."""
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(sheet.title[:31])  # Excel's limit for a name
        header = []
        for text in sheet.headers:
            cell = WriteOnlyCell(ws, value=text)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            ws.append([_xlsx_cell(ws, cell) for cell in row])
    info = book.create_sheet(_("Lisenssi"))
    info.append([licence_note])
    info.append([LICENCE_NAME, LICENCE_URL])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(ws, cell):
    if not isinstance(cell, Number):
        return cell
    if cell.value is None:
        return None
    # The exact value, rounded as the site rounds where the column is derived.
    text = formatting.machine(cell.value, cell.decimals)
    number = WriteOnlyCell(ws, value=float(text))
    number.number_format = _number_format(
        cell.decimals if cell.decimals is not None else _places(text)
    )
    return number


def _places(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0
