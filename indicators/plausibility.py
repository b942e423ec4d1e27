"""Plausible values: an indicator's valid range, and a figure far from the last.

The rules every way of recording a reading applies — the entry forms today,
an import tomorrow — as plain functions:

- ``range_error(indicator, value)``: a value outside the indicator's valid
  range (``min_value``, ``max_value``, either optional) is refused, with a
  message that names the range;
- ``far_from(value, previous)``: a value more than FAR_FACTOR times the
  previous reading, or less than a FAR_FACTOR-th of it, is not refused but
  must be confirmed (``far_message`` says why, ``confirmation_note`` is what
  the reading's history keeps). A sign change or a previous zero is not
  compared: a net figure may cross zero;
- ``default_range(unit)``: the range a new indicator gets from its unit — a
  percentage 0–100, a count of persons or things not negative — which the
  coordinator may change in the admin.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from . import formatting, numbers

FAR_FACTOR = Decimal(10)

HUNDRED = Decimal(100)
ZERO = Decimal(0)

# Units of a share in per cent: "%", "% kotitalouksista". Not "%-yksikköä"
# (percentage points), which a change may make negative.
PERCENT_WORDS = {"%", "prosenttia", "percent", "per cent"}
# The first word of a unit that counts persons or things.
COUNT_WORDS = {
    "asiakasta",
    "asukasta",
    "hanketta",
    "henkeä",
    "henkilöä",
    "hlö",
    "hlöä",
    "kappaletta",
    "kpl",
    "käyntiä",
    "lasta",
    "oppilasta",
    "päivää",
    "tapahtumaa",
    "työpaikkaa",
    "työpäivää",
    "yritystä",
    "persons",
    "pcs",
}


def default_range(unit: str) -> tuple[Decimal | None, Decimal | None]:
    """The valid range an indicator measured in ``unit`` starts with."""
    words = unit.strip().lower().split()
    if not words:
        return None, None
    if words[0] in PERCENT_WORDS or unit.strip().lower() in PERCENT_WORDS:
        return ZERO, HUNDRED
    if words[0] in COUNT_WORDS:
        return ZERO, None
    return None, None


def _text(indicator, value: Decimal) -> str:
    places = max(indicator.decimals, numbers.decimal_places(value))
    return formatting.value(value, places, str(indicator.unit_i18n))


def range_text(indicator) -> str:
    """The valid range in words: "vähintään 0 % ja enintään 100 %" ("" if none)."""
    low, high = indicator.min_value, indicator.max_value
    if low is not None and high is not None:
        return gettext("vähintään %(min)s ja enintään %(max)s") % {
            "min": _text(indicator, low),
            "max": _text(indicator, high),
        }
    if low is not None:
        return gettext("vähintään %(min)s") % {"min": _text(indicator, low)}
    if high is not None:
        return gettext("enintään %(max)s") % {"max": _text(indicator, high)}
    return ""


def range_error(indicator, value: Decimal | None) -> ValidationError | None:
    """The refusal of a value outside ``indicator``'s valid range, or None."""
    if value is None:
        return None
    low, high = indicator.min_value, indicator.max_value
    if (low is None or value >= low) and (high is None or value <= high):
        return None
    return ValidationError(
        gettext(
            "Tulos %(value)s ei ole mahdollinen tälle mittarille: arvon on oltava "
            "%(range)s. Jos raja on väärä, strategiakoordinaattori voi muuttaa sitä."
        )
        % {"value": _text(indicator, value), "range": range_text(indicator)},
        code="out_of_range",
    )


def far_from(value: Decimal | None, previous: Decimal | None) -> bool:
    """Whether ``value`` is more than FAR_FACTOR times ``previous`` or less
    than a FAR_FACTOR-th of it (same sign only; a previous zero is skipped)."""
    if value is None or previous is None or previous == 0:
        return False
    if (value < 0) != (previous < 0) and value != 0:
        return False
    ratio = abs(value) / abs(previous)
    return ratio > FAR_FACTOR or ratio < 1 / FAR_FACTOR


def far_message(indicator, value: Decimal, previous) -> str:
    """Why ``value`` asks for a confirmation; ``previous`` is the reading."""
    params = {
        "value": _text(indicator, value),
        "previous": _text(indicator, previous.value),
        "period": previous.period.label(),
        "factor": FAR_FACTOR,
    }
    if abs(value) > abs(previous.value):
        text = gettext(
            "Tulos %(value)s on yli %(factor)s-kertainen edelliseen tulokseen "
            "(%(previous)s, %(period)s) verrattuna."
        )
    else:
        text = gettext(
            "Tulos %(value)s on alle %(factor)s. osa edellisestä tuloksesta "
            "(%(previous)s, %(period)s)."
        )
    return (
        (text % params)
        + " "
        + gettext(
            "Tarkista luku. Jos se on oikein, vahvista se alla olevalla valinnalla "
            "ja tallenna uudelleen."
        )
    )


def confirmation_note(indicator, value: Decimal, previous) -> str:
    """What the reading's history keeps of the confirmation (in Finnish, the
    language of the city's records, like the other reasons there)."""
    unit = indicator.unit
    return (
        f"Kirjaaja vahvisti poikkeavan tuloksen "
        f"{formatting.value(value, indicator.decimals, unit)} (edellinen "
        f"{formatting.value(previous.value, indicator.decimals, unit)}, "
        f"{previous.period.label()})."
    )


def previous_reading(indicator, year: int, part: int, *, exclude=None):
    """The latest valid numeric reading of a period before (year, part)."""
    from .models import Reading  # models import this module
    from .periods import Period

    end = Period(indicator.frequency, year, part).end
    rows = Reading.objects.valid().filter(
        indicator=indicator, period_end__lt=end, value__isnull=False
    )
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    reading = rows.latest_first().first()
    if reading is not None:
        reading.indicator = indicator  # its period label needs no query
    return reading
