from decimal import Decimal

import pytest

from indicators import formatting
from indicators.numbers import (
    NumberError,
    decimal_places,
    parse_decimal,
    parse_whole_number,
    trim,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,5", "12.5"),
        ("12.5", "12.5"),
        ("12", "12"),
        ("0,05", "0.05"),
        ("1 234,5", "1234.5"),
        ("1\u00a0234,5", "1234.5"),
        ("1\u202f234,5", "1234.5"),
        ("12 345 678", "12345678"),
        ("1234,5", "1234.5"),
        ("-3,2", "-3.2"),
        ("\u22123,2", "-3.2"),
        ("\u22121 234,5", "-1234.5"),
        ("+7", "7"),
        ("  12,5 ", "12.5"),
        ("12,50", "12.50"),
        ("-0", "0"),
    ],
)
def test_it_reads_finnish_and_plain_numbers(text, expected):
    assert parse_decimal(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "12,5 km",
        "12a",
        "1e5",
        "12,5,1",
        "1.234,5",
        "1,234.5",
        "12 34",
        "1 2345",
        "1  234",
        "--3",
        "3-",
        ",5",
        "5,",
        "12,3 4",
        "NaN",
        "Infinity",
        "½",
        "١٢",  # Arabic-Indic digits: \d would match them without re.ASCII
    ],
)
def test_it_rejects_what_is_not_a_plain_number(text):
    with pytest.raises(NumberError) as exc:
        parse_decimal(text)
    assert exc.value.code == "invalid"


@pytest.mark.parametrize("text", ["", "   ", "\u00a0"])
def test_it_tells_an_empty_value_apart(text):
    with pytest.raises(NumberError) as exc:
        parse_decimal(text)
    assert exc.value.code == "empty"


@pytest.mark.parametrize(
    ("value", "places"),
    [("12", 0), ("12.5", 1), ("12.50", 1), ("12.5000", 1), ("0.05", 2), ("1E+2", 0)],
)
def test_it_counts_the_decimals_that_matter(value, places):
    assert decimal_places(Decimal(value)) == places


def test_it_trims_trailing_zeros_without_exponent_form():
    assert str(trim(Decimal("12.5000"))) == "12.5"
    assert str(trim(Decimal("1E+2"))) == "100"
    assert str(trim(Decimal("-0.000"))) == "0"


# Decimal arithmetic keeps 28 significant digits; typed numbers can be longer.
LONG = "123456789012345678901234567890123456789"  # 39 digits


def test_it_reads_a_number_longer_than_decimal_arithmetic_keeps():
    assert parse_decimal(f"-{LONG},5") == Decimal(f"-{LONG}.5")


@pytest.mark.parametrize(
    ("value", "places"),
    [
        (f"{LONG}", 0),
        (f"{LONG}.5000", 1),
        (f"1.{LONG}", 39),
        (f"{LONG}.{LONG}0000", 39),
        ("1.00000000000000000000000000001", 29),  # normalize() made this 0
    ],
)
def test_it_counts_the_decimals_of_a_long_number_exactly(value, places):
    assert decimal_places(Decimal(value)) == places


@pytest.mark.parametrize(
    ("value", "trimmed"),
    [
        (f"{LONG}.5000", f"{LONG}.5"),
        (f"-{LONG}.0000", f"-{LONG}"),
        (f"{LONG}E+3", f"{LONG}000"),
        (f"0.{LONG}000", f"0.{LONG}"),
    ],
)
def test_it_trims_a_long_number_without_losing_a_digit(value, trimmed):
    # quantize() raised InvalidOperation past 28 digits: a server error.
    assert str(trim(Decimal(value))) == trimmed
    assert formatting.plain(Decimal(value)) == trimmed.replace(".", ",")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026", 2026),
        (" 2026 ", 2026),
        ("0", 0),
        ("007", 7),
        ("9" * 18, 10**18 - 1),
        ("0" * 30 + "2026", 2026),
    ],
)
def test_it_reads_a_whole_number_in_plain_digits(text, expected):
    assert parse_whole_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "\u0662\u0660\u0662\u0666",  # Arabic-Indic digits, which int() reads
        "\uff12\u0660\u0662\u0666",  # a full-width 2 among them
        "2026.0",
        "2026,0",
        "2 026",
        "-2026",
        "+2026",
        "20e2",
        "²⁰²⁶",
        # More digits than any year or id; past 4 300 int() itself fails.
        "1" * 19,
        "1" * 300_000,
    ],
)
def test_it_refuses_a_whole_number_written_otherwise(text):
    with pytest.raises(NumberError) as exc:
        parse_whole_number(text)
    assert exc.value.code == "invalid"


def test_it_tells_an_empty_whole_number_apart():
    with pytest.raises(NumberError) as exc:
        parse_whole_number("  ")
    assert exc.value.code == "empty"
