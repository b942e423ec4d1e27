"""What an import would do, row by row, before anything is saved.

Each row is checked by the record form (``ReadingForm``, or
``ReadingUpdateForm`` when the period already has a reading): the same code
path as a reading typed by hand, so every rule of the form — periods, ranges,
the explanation needed when a result falls behind — applies to imports too,
and the messages are the form's own. On top of the form the preview checks
what only a file can get wrong: an unknown indicator, someone else's
indicator, the same period twice in one file, a preliminary mark it cannot read.
"""

import contextlib
import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import formatting, numbers, permissions
from ..choices import ASSESSED_CHOICES, Frequency
from ..forms import ReadingForm, ReadingUpdateForm
from ..models import Indicator, Reading
from ..periods import Period
from .parsing import Row, Table

NEW, CORRECTION, UNCHANGED, ERROR = "new", "correction", "unchanged", "error"
ACTION_LABELS = {
    NEW: gettext_lazy("Uusi tulos"),
    CORRECTION: gettext_lazy("Korjaus"),
    UNCHANGED: gettext_lazy("Ei muutosta"),
    ERROR: gettext_lazy("Virhe"),
}
# The form's fields and the file's columns they come from.
FIELD_COLUMNS = {
    "year": "vuosi",
    "part": "jakso",
    "value": "arvo",
    "qualitative_status": "tila",
    "narrative": "selitys",
    "evidence": "lähde",
    "preliminary": "ennakkotieto",
    "lock_version": "",
    "__all__": "",
}
YES = {
    "x",
    "k",
    "kyllä",
    "kylla",
    "1",
    "true",
    "yes",
    "y",
    "e",
    "ennakko",
    "ennakkotieto",
    "*",
}
NO = {"", "ei", "0", "false", "no", "n", "lopullinen"}
_STATUS_BY_TEXT = {
    **{str(key).lower(): key for key, _label in ASSESSED_CHOICES},
    **{str(label).lower(): key for key, label in ASSESSED_CHOICES},
}


@dataclass
class RowResult:
    number: int
    cells: dict
    action: str = ERROR
    indicator: Indicator | None = None
    period: Period | None = None
    reading: Reading | None = None  # the reading a correction changes
    fields: dict = field(default_factory=dict)  # for services, when valid
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, text)
    old_value: str = ""  # what a correction replaces, as the form shows it
    notes: list[str] = field(default_factory=list)  # not errors: to do later

    @property
    def action_label(self) -> str:
        return ACTION_LABELS[self.action]

    @property
    def shown_period(self) -> str:
        if self.period is not None:
            return self.period.label()
        part = self.cells.get("jakso", "")
        return "/".join(t for t in (self.cells.get("vuosi", ""), part) if t)

    @property
    def shown_value(self) -> str:
        return self.cells.get("arvo") or self.cells.get("tila", "")

    def error(self, column: str, message: str) -> None:
        self.errors.append((column, str(message)))
        self.action = ERROR


@dataclass
class Preview:
    rows: list[RowResult]

    @property
    def ok(self) -> bool:
        return all(row.action != ERROR for row in self.rows)

    @property
    def error_rows(self) -> list[RowResult]:
        return [row for row in self.rows if row.action == ERROR]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {action: self.count(action) for action in ACTION_LABELS}

    def signature(self) -> list:
        """What the person confirmed: each row's action and period."""
        return [
            [
                row.number,
                row.action,
                row.indicator.pk if row.indicator else None,
                list(row.period[1:]) if row.period else None,
            ]
            for row in self.rows
        ]


# A statistics file has figures but no words: a figure that falls behind its
# plan is imported, and the page asks for the explanation (``state``), which
# staff then write by correcting the reading. And a figure the file repeats
# unchanged leaves the reading as it is, whatever its source note says.
EXPLANATION_LATER = {"explanation_needed"}


def build_preview(
    table: Table, *, user, today: datetime.date, statistics: bool = False
) -> Preview:
    """Check every row of ``table`` for ``user`` as of ``today``;
    ``statistics`` for the figures of a statistics file (EXPLANATION_LATER)."""
    indicators = _indicators(table)
    existing = _existing_readings(indicators.values())
    seen: dict[tuple, int] = {}
    results = []
    for row in table.rows:
        result = RowResult(row.number, row.cells)
        results.append(result)
        indicator = _indicator(result, row, indicators, user)
        if indicator is None:
            continue
        period = _period(result, row, indicator)
        preliminary = _preliminary(result, row)
        if result.errors or period is None:
            continue
        result.period = period
        key = (indicator.pk, period.year, period.part)
        if key in seen:
            result.error(
                "vuosi",
                _("Jakso %(period)s on tiedostossa jo rivillä %(row)s.")
                % {"period": period.label(), "row": seen[key]},
            )
            continue
        seen[key] = row.number
        _check_with_form(
            result,
            row,
            indicator,
            period,
            preliminary,
            existing.get(key),
            today,
            statistics=statistics,
        )
    return Preview(results)


def _indicators(table: Table) -> dict[int, Indicator]:
    ids = set()
    for row in table.rows:
        with contextlib.suppress(numbers.NumberError):
            ids.add(numbers.parse_whole_number(row.cells.get("mittari", "")))
    rows = (
        Indicator.objects.filter(pk__in=ids)
        .select_related("strategy", "department")
        .prefetch_related("annual_targets")
    )
    return {indicator.pk: indicator for indicator in rows}


def _existing_readings(indicators) -> dict[tuple, Reading]:
    readings = Reading.objects.valid().filter(indicator__in=list(indicators))
    return {(r.indicator_id, r.year, r.part): r for r in readings}


def _indicator(result, row: Row, indicators, user) -> Indicator | None:
    text = row.cells.get("mittari", "")
    if not text:
        result.error("mittari", _("Anna mittarin numero."))
        return None
    try:
        pk = numbers.parse_whole_number(text)
    except numbers.NumberError:
        result.error(
            "mittari", _("Mittarin numero ”%(text)s” ei ole luku.") % {"text": text}
        )
        return None
    indicator = indicators.get(pk)
    if indicator is None:
        result.error("mittari", _("Mittaria %(pk)s ei ole.") % {"pk": pk})
        return None
    if not permissions.can_record(user, indicator):
        result.error(
            "mittari",
            _(
                "Et voi kirjata mittarin ”%(name)s” tuloksia: se kuuluu "
                "toimialalle %(department)s."
            )
            % {"name": indicator.name, "department": indicator.department},
        )
        return None
    result.indicator = indicator
    return indicator


def _period(result, row: Row, indicator: Indicator) -> Period | None:
    try:
        year = numbers.parse_whole_number(row.cells.get("vuosi", ""))
    except numbers.NumberError as exc:
        if exc.code == "empty":
            result.error("vuosi", _("Anna vuosi."))
        else:
            result.error("vuosi", _("Anna vuosi numeroina, esimerkiksi 2025."))
        return None
    text = row.cells.get("jakso", "").strip().upper().lstrip("QM")
    if indicator.frequency == Frequency.YEARLY:
        if text not in ("", "0"):
            result.error(
                "jakso",
                _("Vuosittaisella mittarilla ei ole jaksoa; jätä sarake tyhjäksi."),
            )
            return None
        return Period(indicator.frequency, year, 0)
    quarterly = indicator.frequency == Frequency.QUARTERLY
    try:
        part = numbers.parse_whole_number(text)
    except numbers.NumberError:
        part = None
    if part is None or not 1 <= part <= (4 if quarterly else 12):
        result.error(
            "jakso",
            _("Anna neljännes 1–4.") if quarterly else _("Anna kuukausi 1–12."),
        )
        return None
    return Period(indicator.frequency, year, part)


def _preliminary(result, row: Row) -> bool | None:
    """The row's preliminary mark; None when the file has no such column."""
    if "ennakkotieto" not in row.cells:
        return None
    text = row.cells["ennakkotieto"].strip().lower()
    if text in YES:
        return True
    if text in NO:
        return False
    result.error(
        "ennakkotieto",
        _(
            "Ennakkotieto merkitään x:llä (tai ”kyllä”); lopullinen luku "
            "jätetään tyhjäksi."
        ),
    )
    return None


def _form_data(row: Row, indicator: Indicator, period: Period, reading) -> dict:
    cells = row.cells
    status = cells.get("tila", "")
    data = {
        "year": str(period.year),
        "part": str(period.part),
        "value": cells.get("arvo", ""),
        "qualitative_status": _STATUS_BY_TEXT.get(status.lower(), status),
        "narrative": cells.get("selitys", ""),
        "evidence": cells.get("lähde", ""),
    }
    if reading is not None:
        # A correction changes what the file gives; an empty explanation or
        # source cell keeps what the reading has.
        data["lock_version"] = str(reading.lock_version)
        if not data["narrative"]:
            data["narrative"] = reading.narrative
        if not data["evidence"]:
            data["evidence"] = reading.evidence
        if "tila" not in cells:
            data["qualitative_status"] = reading.qualitative_status
    return data


def _shown_value(indicator: Indicator, reading: Reading) -> str:
    if indicator.is_numeric:
        return formatting.plain(reading.value)
    return str(reading.get_qualitative_status_display())


def _check_with_form(
    result, row, indicator, period, preliminary, reading, today, statistics
):
    if reading is not None:
        # Before the form: a model form writes its data onto the instance.
        result.old_value = _shown_value(indicator, reading)
        if reading.preliminary:
            result.old_value += " " + _("(ennakkotieto)")
    data = _form_data(row, indicator, period, reading)
    if preliminary is None:
        preliminary = reading.preliminary if reading is not None else False
    if preliminary:
        data["preliminary"] = "on"  # read by the form once it has the field
    if reading is None:
        form = ReadingForm(data, indicator=indicator, today=today)
    else:
        form = ReadingUpdateForm(
            data, instance=reading, indicator=indicator, today=today
        )
    form.is_valid()
    waived = EXPLANATION_LATER if statistics else set()
    waived_errors = False
    for name, errors in form.errors.as_data().items():
        for error in errors:
            if error.code in waived:
                waived_errors = True
                continue
            for message in error.messages:
                result.error(FIELD_COLUMNS.get(name, ""), message)
    if result.errors:
        return
    fields = {**form.cleaned_data, "preliminary": preliminary}
    if waived_errors:
        fields["narrative"] = data["narrative"].strip()
        result.notes.append(
            _(
                "Tulos jää tavoitteesta: kirjoita sille selitys korjaamalla tulosta "
                "tuonnin jälkeen."
            )
        )
    result.fields = fields
    if reading is None:
        result.action = NEW
    elif statistics and (fields.get("value"), preliminary) == (
        reading.value,
        reading.preliminary,
    ):
        result.action = UNCHANGED
        result.reading = reading
    elif form.has_changed() or preliminary != reading.preliminary:
        result.action = CORRECTION
        result.reading = reading
    else:
        result.action = UNCHANGED
        result.reading = reading
