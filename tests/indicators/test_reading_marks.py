"""The marks beside a figure: preliminary, before the strategy period, corrected."""

import datetime

from django.utils import translation

from indicators.state import Definition, RawReading, judge
from indicators.templatetags.indicator_tags import reading_marks
from strategy.i18n import Text

DEFINITION = Definition(id=1, name=Text("Väkiluku"), strategy_start=2024)


def _marks(**fields) -> str:
    raw = RawReading(1, fields.pop("year", 2025), 0, **fields)
    return str(reading_marks(judge(DEFINITION, raw, {})))


def test_most_readings_carry_no_mark():
    assert _marks() == ""


def test_a_preliminary_figure_says_so_in_both_languages():
    assert ">ennakkotieto<" in _marks(preliminary=True)
    with translation.override("en"):
        assert ">preliminary figure<" in _marks(preliminary=True)


def test_a_reading_before_the_period_is_marked_as_context():
    assert "ennen strategiakautta" in _marks(year=2021)


def test_a_corrected_reading_names_the_day_of_the_correction():
    moment = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)
    assert "korjattu 2.3.2026" in _marks(corrected_at=moment)
