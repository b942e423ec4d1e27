"""Reading numbers the way Finnish people type them. No Django here.

Accepted: "12,5", "12.5", "1 234,5" (the groups separated by an ordinary
space, a no-break space U+00A0 or a narrow no-break space U+202F, as word
processors and Django's own output put them), "-3,2" and "−3,2" (the Unicode
minus sign that copying from a report brings along).

Rejected, because each has two readings and a wrong guess would store a wrong
figure: grouping that is not in threes ("12 34"), a comma and a point in the
same number ("1.234,5"), and anything with letters or other symbols.

Whole numbers such as years are plain digits ("2026"): not "2026.0", and not
other scripts' digits ("٢٠٢٦"), which Python's int() would read.
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
_WHOLE_NUMBER = re.compile(r"\d+", re.ASCII)
# Whole numbers are years, periods and ids: none has more digits than a
# 64-bit column holds. Longer ones are refused before int(), which raises
# ValueError past 4 300 digits (a server error, found by tests/fuzz/).
MAX_WHOLE_DIGITS = 18


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


def parse_whole_number(text: str) -> int:
    """The whole number written in ``text`` in the digits 0-9, or NumberError."""
    text = text.strip()
    if not text:
        raise NumberError("empty")
    if _WHOLE_NUMBER.fullmatch(text) is None:
        raise NumberError("invalid")
    if len(text.lstrip("0")) > MAX_WHOLE_DIGITS:
        raise NumberError("invalid")
    return int(text)


# decimal_places and trim work on the digits themselves, not through decimal
# arithmetic: that rounds to 28 significant digits (normalize) or fails past
# them (quantize), and anyone can type a longer number than that.


def _trailing_zeros(digits: tuple[int, ...]) -> int:
    return len(digits) - len("".join(map(str, digits)).rstrip("0"))


def decimal_places(value: Decimal) -> int:
    """How many decimals ``value`` needs: trailing zeros do not count."""
    if value == 0:
        return 0
    _, digits, exponent = value.as_tuple()
    return max(0, -(exponent + _trailing_zeros(digits)))


def trim(value: Decimal) -> Decimal:
    """``value`` without trailing zeros in its decimals, never in exponent form."""
    if value == 0:
        return Decimal(0)  # also turns "-0" into 0
    sign, digits, exponent = value.as_tuple()
    if exponent > 0:  # 1E+2: the zeros written out
        return Decimal((sign, digits + (0,) * exponent, 0))
    dropped = min(_trailing_zeros(digits), -exponent)
    return Decimal((sign, digits[: len(digits) - dropped], exponent + dropped))
