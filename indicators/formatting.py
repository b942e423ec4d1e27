"""How the portal writes numbers, values with units, shares, periods and dates.

The one place: templates (through ``indicator_tags``), charts, the change
history, the API, the report, its PDF and the forms all call these, so that a
figure reads the same wherever it appears.

Numbers are written the Finnish way in both languages, as DESIGN.md asks:
groups of three separated by a no-break space, a decimal comma (1 234,5).
Rounding is half up to the indicator's decimals (116,666… → 116,7), never a
truncation, and never "-0". No Django locale lookups here: a report formats
tens of thousands of numbers, and the format is the same in both languages.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import formats, timezone
from django.utils.translation import gettext

from .choices import Frequency
from .numbers import decimal_places, trim

NBSP = "\u00a0"
EMPTY = "–"  # a value that is not there, in a table or a figure


def _decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


_QUANTA = [Decimal(1).scaleb(-places) for places in range(0, 12)]


def number(value, decimals: int = 0) -> str:
    """``value`` rounded half up to ``decimals`` places: "1 234,5", "-3,2"."""
    if value is None or value == "":
        return ""
    exact = value if type(value) is Decimal else _decimal(value)
    quantum = _QUANTA[decimals] if decimals < 12 else Decimal(1).scaleb(-decimals)
    try:
        rounded = exact.quantize(quantum, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than Decimal's context holds
        rounded = exact
    if not rounded:
        rounded = abs(rounded)  # no "-0"
    # Python groups with commas; the Finnish way is a no-break space and a
    # decimal comma (a report writes tens of thousands of these).
    return format(rounded, ",f").replace(",", NBSP).replace(".", ",")


# A unit's first word this short stays on the number's line ("12,5 %",
# "3,2 km", "5 kpl"); a longer one may wrap to the next line in a narrow
# table cell ("6 990 / asukasta") rather than push the cell wider.
SHORT_UNIT_WORD = 3


def with_unit(text: str, unit: str) -> str:
    """A number and its unit: the one rule for the space between them.

    A no-break space ties the number to a short first word of the unit
    ("12,5 %", "64,1 % kotitalouksista", which may wrap only inside the
    unit); before a longer word the space is an ordinary one.
    """
    if not text or not unit:
        return text
    first_word = unit.split(" ", 1)[0]
    space = NBSP if len(first_word) <= SHORT_UNIT_WORD else " "
    return f"{text}{space}{unit}"


def value(value, decimals: int, unit: str = "", *, empty: str = EMPTY) -> str:
    """A value with the indicator's decimals and unit, or ``empty``."""
    if value is None or value == "":
        return empty
    return with_unit(number(value, decimals), unit)


def plain(value: Decimal | None) -> str:
    """A value for an input field: decimal comma, no grouping ("-1234,5").

    Trailing zeros are dropped, so a value stored as 12.5000 comes back as the
    "12,5" the person typed; no digit that matters is ever hidden.
    """
    if value is None:
        return ""
    return f"{trim(_decimal(value)):f}".replace(".", ",")


def machine(value, decimals: int | None = None) -> str | None:
    """A value for machines (API, international CSV): "1234.5", no grouping.

    With ``decimals``, rounded half up to them first, as ``number`` rounds:
    a derived value such as a planned 116,666… is given as the site shows it.
    """
    if value is None or value == "":
        return None
    exact = _decimal(value)
    if decimals is not None:
        exact = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{trim(exact):f}"


def machine_fi(value, decimals: int | None = None) -> str:
    """A value for a Finnish spreadsheet (the default CSV): "1234,5".

    ``machine`` with a decimal comma and no grouping, so that Excel in a
    Finnish locale reads it as a number; "" where there is no value.
    """
    text = machine(value, decimals)
    return "" if text is None else text.replace(".", ",")


def percent(share, decimals: int | None = None) -> str:
    """A share of one as per cent: Decimal("0.05") → "5 %".

    Without ``decimals``, as many as the share has ("0.125" → "12,5 %").
    """
    hundredfold = _decimal(share) * 100
    if decimals is None:
        decimals = decimal_places(hundredfold)
    return with_unit(number(hundredfold, decimals), "%")


def period_label(frequency: str, year: int, part: int = 0) -> str:
    """A short label of a period: 2025, Q3/2025, 3/2025."""
    if frequency == Frequency.QUARTERLY:
        return gettext("Q%(quarter)s/%(year)s") % {"quarter": part, "year": year}
    if frequency == Frequency.MONTHLY:
        return f"{part}/{year}"
    return str(year)


def short_date(day: datetime.date | None) -> str:
    """27.11.2026 (the format module of kemijarvi/formats, both languages)."""
    if day is None:
        return ""
    if isinstance(day, datetime.datetime):
        day = timezone.localtime(day).date() if timezone.is_aware(day) else day.date()
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def date_time(moment: datetime.datetime | None) -> str:
    """27.11.2026 14.05 in the city's time zone."""
    if moment is None:
        return ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "SHORT_DATETIME_FORMAT")
