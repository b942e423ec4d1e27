"""The one formatter of numbers, values with units, shares, periods and dates.

A table pins it on the edge cases: rounding half up (never truncation),
negative zero, many decimals, thousands, and units of every length.
"""

import datetime
from decimal import Decimal

from django.utils import translation

import pytest

from indicators import formatting
from indicators.numbers import parse_decimal

NB = "\xa0"


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        # Half up, not truncation: the site and the report once disagreed here.
        (Decimal("116.6666666666666666666666667"), 1, "116,7"),
        (Decimal("116.65"), 1, "116,7"),
        (Decimal("116.64999"), 1, "116,6"),
        (Decimal("0.05"), 1, "0,1"),
        (Decimal("-0.05"), 1, "-0,1"),
        (Decimal("12.25"), 1, "12,3"),  # as people round
        (Decimal("2.5"), 0, "3"),
        (Decimal("-2.5"), 0, "-3"),
        # Never "-0".
        (Decimal("-0"), 0, "0"),
        (Decimal("-0.04"), 1, "0,0"),
        (Decimal("-0.0001"), 0, "0"),
        # Decimals are filled to the indicator's count.
        (Decimal("12"), 2, "12,00"),
        (Decimal("12.3456"), 4, "12,3456"),
        (Decimal("0.0001"), 4, "0,0001"),
        # Thousands grouped with a no-break space, whatever the size.
        (Decimal("1234"), 0, f"1{NB}234"),
        (Decimal("1234567.891"), 2, f"1{NB}234{NB}567,89"),
        (Decimal("-1234567"), 0, f"-1{NB}234{NB}567"),
        (Decimal("999.95"), 1, f"1{NB}000,0"),
        (Decimal("100000000000000.0001"), 4, f"100{NB}000{NB}000{NB}000{NB}000,0001"),
        # Exponent forms come out as plain digits.
        (Decimal("1E+3"), 0, f"1{NB}000"),
        (Decimal("1.5E-3"), 4, "0,0015"),
        # Integers and floats (trend lines) go through the same rule.
        (7, 0, "7"),
        (0.125, 2, "0,13"),
        (2.5, 1, "2,5"),
        (None, 1, ""),
    ],
)
def test_it_writes_numbers_the_finnish_way(value, decimals, text):
    assert formatting.number(value, decimals) == text


@pytest.mark.parametrize(
    ("value", "decimals", "unit", "text"),
    [
        (Decimal("12.5"), 1, "%", f"12,5{NB}%"),
        # A longer word may wrap rather than widen a narrow table cell.
        (Decimal("6990"), 0, "asukasta", f"6{NB}990 asukasta"),
        (Decimal("12"), 0, "kpl", f"12{NB}kpl"),
        (Decimal("2"), 0, "henkilötyövuotta", "2 henkilötyövuotta"),
        (Decimal("64.1"), 1, "% kotitalouksista", f"64,1{NB}% kotitalouksista"),
        (Decimal("3.2"), 1, "kt CO₂-ekv.", f"3,2{NB}kt CO₂-ekv."),
        (Decimal("1.5"), 1, "milj. €", "1,5 milj. €"),
        (Decimal("5"), 0, "€", f"5{NB}€"),
        (Decimal("5"), 0, "", "5"),
        (None, 1, "km", "–"),
    ],
)
def test_it_ties_the_number_to_its_unit(value, decimals, unit, text):
    assert formatting.value(value, decimals, unit) == text


def test_it_leaves_an_empty_value_as_the_caller_asks():
    assert formatting.value(None, 1, "km", empty="") == ""


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("12.5000", "12,5"),
        ("-1234.5", "-1234,5"),
        ("100.0000", "100"),
        ("0", "0"),
        ("-0.000", "0"),
        ("1E+2", "100"),
    ],
)
def test_it_writes_a_value_for_an_input_field(value, text):
    assert formatting.plain(Decimal(value)) == text


def test_it_reads_back_what_it_writes_for_an_input_field():
    for value in ["12.5", "-3.2", "1234567.0001", "0.0001"]:
        assert parse_decimal(formatting.plain(Decimal(value))) == Decimal(value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1234.5000"), "1234.5"),
        (Decimal("-0.0"), "0"),
        (Decimal("1E+3"), "1000"),
        (None, None),
    ],
)
def test_it_writes_plain_decimals_for_machines(value, text):
    assert formatting.machine(value) == text


def test_it_rounds_a_derived_value_for_machines_as_for_people():
    planned = Decimal(100) + Decimal(50) / Decimal(3)
    assert formatting.machine(planned, 1) == "116.7"
    assert formatting.number(planned, 1) == "116,7"
    assert formatting.machine(Decimal("-0.04"), 1) == "0"


@pytest.mark.parametrize(
    ("share", "text"),
    [
        ("0.05", f"5{NB}%"),
        ("0.25", f"25{NB}%"),
        ("0.335", f"33,5{NB}%"),
        ("1", f"100{NB}%"),
    ],
)
def test_it_writes_shares_as_per_cents(share, text):
    assert formatting.percent(Decimal(share)) == text


def test_it_rounds_a_share_to_given_decimals():
    assert formatting.percent(Decimal("0.12345"), 1) == f"12,3{NB}%"


@pytest.mark.parametrize(
    ("frequency", "year", "part", "fi", "en"),
    [
        ("yearly", 2025, 0, "2025", "2025"),
        ("quarterly", 2025, 3, "Q3/2025", "Q3/2025"),
        ("monthly", 2025, 11, "11/2025", "11/2025"),
    ],
)
def test_it_labels_periods_in_both_languages(frequency, year, part, fi, en):
    with translation.override("fi"):
        assert formatting.period_label(frequency, year, part) == fi
    with translation.override("en"):
        assert formatting.period_label(frequency, year, part) == en


def test_it_writes_dates_the_finnish_way_in_both_languages():
    day = datetime.date(2026, 11, 27)
    moment = datetime.datetime(2026, 11, 27, 12, 5, tzinfo=datetime.UTC)
    # In the city's time zone: noon UTC is 14.05 in Helsinki; the time's
    # separator follows the language.
    for language, time in (("fi", "14.05"), ("en", "14:05")):
        with translation.override(language):
            assert formatting.short_date(day) == "27.11.2026"
            assert formatting.date_time(moment) == f"27.11.2026 {time}"
    assert formatting.short_date(None) == ""
