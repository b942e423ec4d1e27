"""Reading numbers the way Finnish people type them. No Django here.

Accepted: "12,5", "12.5", "1 234,5" (the groups separated by an ordinary
space, a no-break space U+00A0 or a narrow no-break space U+202F, as word
processors and Django's own output put them), "-3,2" and "−3,2" (the Unicode
minus sign that copying from a report brings along).

Rejected, because each has two readings and a wrong guess would store a wrong
figure: grouping that is not in threes ("12 34"), a comma and a point in the
same number ("1.234,5"), and anything with letters or other symbols.
"""

import re
from decimal import Decimal, InvalidOperation

# Spaces that may separate groups of thousands.
GROUP_SEPARATORS = " \u00a0\u202f"
MINUS_SIGNS = "-\u2212"

_NUMBER = re.compile(
    r"""
    (?P<sign>[-\u2212+])?
    (?P<whole>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)
    (?:[.,](?P<fraction>\d+))?
    """,
    re.VERBOSE | re.ASCII,  # only 0-9: other scripts' digits are not ours
)


class NumberError(ValueError):
    """The text is not a number; ``code`` says why ("empty" or "invalid")."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def parse_decimal(text: str) -> Decimal:
    """The exact decimal number written in ``text``, or NumberError."""
    text = text.strip(GROUP_SEPARATORS + "\t\r\n")
    if not text:
        raise NumberError("empty")
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise NumberError("invalid")
    whole = re.sub(f"[{GROUP_SEPARATORS}]", "", match["whole"])
    fraction = match["fraction"] or ""
    sign = "-" if match["sign"] and match["sign"] in MINUS_SIGNS else ""
    try:
        return Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise NumberError("invalid") from None


def decimal_places(value: Decimal) -> int:
    """How many decimals ``value`` needs: trailing zeros do not count."""
    if value == 0:
        return 0
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent)


def trim(value: Decimal) -> Decimal:
    """``value`` without trailing zeros in its decimals, never in exponent form."""
    if value == 0:
        return Decimal(0)  # also turns "-0" into 0
    return value.quantize(Decimal(1).scaleb(-decimal_places(value)))
