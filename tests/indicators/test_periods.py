import datetime

from indicators.periods import Period, period_containing, valid_parts

d = datetime.date


def test_it_knows_period_boundaries():
    assert Period("yearly", 2025).start == d(2025, 1, 1)
    assert Period("yearly", 2025).end == d(2025, 12, 31)
    assert Period("quarterly", 2025, 1).end == d(2025, 3, 31)
    assert Period("quarterly", 2025, 2).start == d(2025, 4, 1)
    assert Period("quarterly", 2025, 4).end == d(2025, 12, 31)
    assert Period("monthly", 2028, 2).end == d(2028, 2, 29)
    assert Period("monthly", 2027, 2).end == d(2027, 2, 28)


def test_it_steps_to_the_next_period_across_the_year_end():
    assert Period("yearly", 2025).next() == Period("yearly", 2026)
    assert Period("quarterly", 2025, 4).next() == Period("quarterly", 2026, 1)
    assert Period("monthly", 2025, 12).next() == Period("monthly", 2026, 1)
    assert Period("monthly", 2025, 3).next() == Period("monthly", 2025, 4)


def test_it_finds_the_period_of_a_day():
    assert period_containing("quarterly", d(2025, 3, 31)) == Period(
        "quarterly", 2025, 1
    )
    assert period_containing("quarterly", d(2025, 4, 1)) == Period("quarterly", 2025, 2)
    assert period_containing("monthly", d(2028, 2, 29)) == Period("monthly", 2028, 2)
    assert period_containing("yearly", d(2026, 11, 27)) == Period("yearly", 2026)


def test_it_names_the_valid_parts_of_each_frequency():
    assert list(valid_parts("yearly")) == [0]
    assert list(valid_parts("quarterly")) == [1, 2, 3, 4]
    assert list(valid_parts("monthly")) == list(range(1, 13))


def test_it_labels_periods():
    assert Period("yearly", 2025).label() == "2025"
    assert Period("monthly", 2025, 3).label() == "3/2025"
    assert "2025" in Period("quarterly", 2025, 3).label()
