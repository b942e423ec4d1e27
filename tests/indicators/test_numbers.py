from decimal import Decimal

import pytest

from indicators.numbers import (
    NumberError,
    decimal_places,
    parse_decimal,
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
