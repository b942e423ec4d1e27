"""Reading a spreadsheet of readings into rows of text. No database here.

CSV as people and Excel write it: semicolon or comma separated (tab too),
UTF-8 with or without a byte order mark, or Windows-1252 (Excel's "CSV"
in Finnish Windows); numbers with a decimal comma or point stay text here and
are read by the record form. XLSX through openpyxl: the first worksheet, the
first non-empty row as the header.

A file that cannot be read raises ``ImportFileError`` with a message naming
the row and the column where that makes sense.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

# Big enough for thousands of rows, small enough to keep in the session
# between the preview and the confirmation.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000

# The columns a file may have: the canonical (Finnish) name and the headers
# accepted for it, compared without case and surrounding spaces.
COLUMNS = {
    "mittari": ("mittari", "mittarin numero", "indicator", "indicator id"),
    "nimi": ("nimi", "mittarin nimi", "name"),
    "yksikkö": ("yksikkö", "yksikko", "unit"),
    "vuosi": ("vuosi", "year"),
    "jakso": ("jakso", "neljännes", "kuukausi", "part", "quarter", "month"),
    "arvo": ("arvo", "tulos", "value"),
    "ennakkotieto": ("ennakkotieto", "ennakko", "preliminary"),
    "tila": ("tila", "arvioitu tila", "status"),
    "selitys": ("selitys", "arvio", "narrative", "explanation"),
    "lähde": ("lähde", "lahde", "lähde tai peruste", "source", "evidence"),
}
REQUIRED_COLUMNS = ("mittari", "vuosi")
# Shown in the template file and the README, in this order.
TEMPLATE_COLUMNS = list(COLUMNS)
_ALIASES = {alias: name for name, aliases in COLUMNS.items() for alias in aliases}


class ImportFileError(ValueError):
    """The file cannot be read; ``message`` says where and why."""

    def __init__(self, message: str, *, row: int | None = None, column: str = ""):
        super().__init__(message)
        self.message = message
        self.row = row
        self.column = column


@dataclass
class Row:
    number: int  # the row's number in the file, as a spreadsheet shows it
    cells: dict[str, str] = field(default_factory=dict)  # canonical column → text


@dataclass
class Table:
    columns: list[str]  # canonical names, in the file's order
    rows: list[Row]

    def to_json(self) -> dict:
        return {
            "columns": self.columns,
            "rows": [[row.number, row.cells] for row in self.rows],
        }

    @classmethod
    def from_json(cls, data: dict) -> "Table":
        return cls(
            columns=list(data["columns"]),
            rows=[Row(number, dict(cells)) for number, cells in data["rows"]],
        )


def read_table(name: str, content: bytes) -> Table:
    """The rows of a CSV or XLSX file called ``name``."""
    if len(content) > MAX_FILE_BYTES:
        raise ImportFileError(
            _("Tiedosto on liian suuri (yli %(size)s megatavua).")
            % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if not content.strip():
        raise ImportFileError(_("Tiedosto on tyhjä."))
    if name.lower().endswith(".xlsx") or content[:2] == b"PK":
        raw_rows = _xlsx_rows(content)
    elif name.lower().endswith((".csv", ".txt")):
        raw_rows = _csv_rows(content)
    else:
        raise ImportFileError(
            _("Tiedoston on oltava CSV- tai XLSX-tiedosto (.csv tai .xlsx).")
        )
    return _table(raw_rows)


def decode(content: bytes) -> str:
    """UTF-8 (with or without BOM) or Windows-1252, the encodings Excel writes."""
    if b"\x00" in content:
        # UTF-16 ("Unicode text") or not text at all.
        raise ImportFileError(
            _(
                "Tiedoston merkistöä ei tunnistettu. Tallenna se CSV-muodossa "
                "(UTF-8 tai Windows-1252) tai XLSX-tiedostona."
            )
        )
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportFileError(
            _(
                "Tiedoston merkistöä ei tunnistettu. Tallenna se CSV-muodossa "
                "(UTF-8 tai Windows-1252) tai XLSX-tiedostona."
            )
        ) from None


def _delimiter(header_line: str) -> str:
    """The separator of the header: the most frequent of ; , and tab."""
    counts = {sep: header_line.count(sep) for sep in (";", "\t", ",")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def _csv_rows(content: bytes) -> list[tuple[int, list[str]]]:
    text = decode(content)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        return [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise ImportFileError(
            _("CSV-tiedoston rivillä %(row)s on virhe: %(error)s")
            % {"row": reader.line_num, "error": exc},
            row=reader.line_num,
        ) from None


def _cell_text(value) -> str:
    """An XLSX cell as the text a person would type into the form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        # The shortest text that reads back as the same float: 12.5, not
        # 12.4999999….
        return str(Decimal(repr(value)))
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def _xlsx_rows(content: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook  # only imports pay for it

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ImportFileError(
            _(
                "Tiedostoa ei voitu lukea XLSX-tiedostona. Tallenna se uudelleen "
                "Excelissä muodossa .xlsx tai CSV."
            )
        ) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append((number, [_cell_text(v) for v in values]))
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def _table(raw_rows: list[tuple[int, list[str]]]) -> Table:
    raw_rows = [(n, [c.strip() for c in cells]) for n, cells in raw_rows]
    non_empty = [(n, cells) for n, cells in raw_rows if any(cells)]
    if not non_empty:
        raise ImportFileError(_("Tiedosto on tyhjä."))
    header_number, header = non_empty[0]
    columns: list[str] = []
    for index, title in enumerate(header, start=1):
        if not title:
            columns.append("")
            continue
        name = _ALIASES.get(title.lower())
        if name is None:
            raise ImportFileError(
                _(
                    "Rivi %(row)s, sarake %(index)s: tuntematon sarake "
                    "”%(column)s”. Sallitut sarakkeet: %(allowed)s."
                )
                % {
                    "row": header_number,
                    "index": index,
                    "column": title,
                    "allowed": ", ".join(COLUMNS),
                },
                row=header_number,
                column=title,
            )
        if name in columns:
            raise ImportFileError(
                _("Rivi %(row)s: sarake ”%(column)s” on otsikossa kahdesti.")
                % {"row": header_number, "column": title},
                row=header_number,
                column=title,
            )
        columns.append(name)
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise ImportFileError(
            _("Rivi %(row)s: otsikosta puuttuu sarake ”%(column)s”.")
            % {"row": header_number, "column": missing[0]},
            row=header_number,
            column=missing[0],
        )
    if "arvo" not in columns and "tila" not in columns:
        raise ImportFileError(
            _("Rivi %(row)s: otsikosta puuttuu sarake ”arvo” (tai ”tila”).")
            % {"row": header_number},
            row=header_number,
            column="arvo",
        )
    rows = []
    for number, cells in non_empty[1:]:
        extra = [
            c
            for i, c in enumerate(cells)
            if c and (i >= len(columns) or not columns[i])
        ]
        if extra:
            raise ImportFileError(
                _(
                    "Rivi %(row)s: arvo ”%(value)s” on sarakkeessa, jolla ei ole "
                    "otsikkoa."
                )
                % {"row": number, "value": extra[0]},
                row=number,
            )
        rows.append(
            Row(
                number,
                {
                    name: cells[i] if i < len(cells) else ""
                    for i, name in enumerate(columns)
                    if name
                },
            )
        )
    if not rows:
        raise ImportFileError(
            _("Tiedostossa on otsikkorivi mutta ei yhtään tulosriviä.")
        )
    if len(rows) > MAX_ROWS:
        raise ImportFileError(
            _("Tiedostossa on yli %(count)s riviä; jaa se osiin.") % {"count": MAX_ROWS}
        )
    return Table(columns=[c for c in columns if c], rows=rows)
