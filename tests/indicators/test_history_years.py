"""Readings before the strategy period: recorded, shown, never judged."""

from decimal import Decimal as D

from indicators.loading import load_state
from indicators.models import Indicator, Reading
from indicators.state import Definition, RawReading, build_state
from strategy.i18n import Text

from .html import text_of


def _page(response) -> str:
    import html5lib

    return text_of(html5lib.parse(response.content.decode()))


def _definition(**fields) -> Definition:
    defaults = {
        "id": 1,
        "name": Text("Väkiluku"),
        "unit": Text("henkilöä"),
        "baseline_value": D(6990),
        "baseline_year": 2023,
        "target_value": D(7100),
        "target_year": 2028,
        "strategy_start": 2024,
        "strategy_end": 2028,
    }
    return Definition(**{**defaults, **fields})


def _raw(year, value, part=0):
    return RawReading(id=year * 100 + part, year=year, part=part, value=D(value))


def test_a_history_reading_has_no_plan_and_no_status():
    state = build_state(
        _definition(),
        targets={},
        readings=[_raw(2017, 7600), _raw(2023, 6990), _raw(2024, 7000)],
    )
    history = state.readings[:2]
    assert all(r.before_period and r.status is None for r in history)
    assert all(r.planned is None for r in history)
    assert state.readings[2].planned is not None
    assert state.has_history


def test_the_baseline_reading_that_agrees_says_nothing():
    state = build_state(_definition(), targets={}, readings=[_raw(2023, 6990)])
    assert state.baseline_reading_value is None


def test_a_baseline_reading_that_disagrees_is_named():
    state = build_state(_definition(), targets={}, readings=[_raw(2023, 6975)])
    assert state.baseline_reading_value == D(6975)


def test_a_monthly_baseline_compares_a_whole_years_mean():
    definition = _definition(
        frequency="monthly", baseline_value=D("12.4"), decimals=1, unit=Text("%")
    )
    months = [_raw(2023, "12.4", part=m) for m in range(1, 12)]
    # Eleven months: not a whole year, nothing to compare.
    state = build_state(definition, targets={}, readings=months)
    assert state.baseline_reading_value is None
    state = build_state(
        definition, targets={}, readings=[*months, _raw(2023, "14.8", part=12)]
    )
    assert state.baseline_reading_value == D("12.6")


def test_the_page_shows_history_unjudged_and_says_so(
    client, indicator, recorder, make_reading
):
    make_reading(indicator, 2017, "40", user=recorder)  # far below any plan
    make_reading(indicator, 2023, "90", user=recorder)  # the baseline is 100
    make_reading(indicator, 2024, "115", user=recorder)
    r = client.get(f"/mittarit/{indicator.pk}/")
    page = _page(r)
    assert "Tulokset ennen vuotta 2024 ovat historiatietoa" in page
    assert (
        "Mittarin lähtötasoksi on määritelty 100,0\xa0km vuodelta 2023, mutta vuoden "
        "2023 tulos on 90,0\xa0km. Tavoitepolku ja tila lasketaan määritellystä "
        "lähtötasosta." in page
    )
    assert page.count("historiatieto, ei arvioida") == 2
    assert "Ei etene tavoitteen mukaisesti" not in page
    assert 'class="chart-history"' in r.content.decode()


def test_history_alone_leaves_the_indicator_without_data(
    client, indicator, recorder, make_reading
):
    make_reading(indicator, 2020, "10", user=recorder)
    state = load_state(Indicator.objects.all(), indicator.pk)
    assert state.status == "no_data"
    assert not state.needs_explanation


def test_staff_record_a_year_before_the_strategy(client, indicator, recorder):
    client.force_login(recorder)
    r = client.post(
        f"/mittarit/{indicator.pk}/kirjaa/", {"year": "2017", "value": "60"}
    )
    assert r.status_code == 302
    reading = Reading.objects.get(indicator=indicator)
    assert (reading.year, reading.value, reading.narrative) == (2017, D(60), "")


def test_staff_are_told_the_first_year(client, indicator, recorder):
    client.force_login(recorder)
    r = client.post(
        f"/mittarit/{indicator.pk}/kirjaa/", {"year": "2013", "value": "60"}
    )
    assert r.status_code == 200
    assert "Vuoden on oltava 2014–2028" in _page(r)
    assert not Reading.objects.exists()


def test_how_to_read_explains_the_marks(client, strategy):
    page = _page(client.get("/lukuohje/"))
    assert "Merkinnät lukujen vieressä" in page
    assert "Historiatietoa ajalta ennen strategiakautta." in page
    assert "Tilasto on julkaistu ensin ennakkotietona" in page


def test_how_to_read_explains_the_marks_in_english(english, strategy):
    page = _page(english.get("/lukuohje/"))
    assert "Marks beside the figures" in page
    assert "History from before the strategy period." in page
