"""The marks beside a figure: preliminary, before the strategy period, corrected."""

import datetime

from django.utils import translation

import pytest

from indicators.state import Definition, RawReading, judge
from indicators.templatetags.indicator_tags import reading_marks
from strategy.i18n import Text

DEFINITION = Definition(id=1, name=Text("Väkiluku"), strategy_start=2024)


def _marks(**fields) -> str:
    raw = RawReading(1, fields.pop("year", 2025), 0, **fields)
    return str(reading_marks({}, judge(DEFINITION, raw, {})))


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


def _corrected(client, recorder, reading):
    client.force_login(recorder)
    r = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {"value": "131", "lock_version": "1", "reason": "Tilasto päivittyi"},
    )
    assert r.status_code == 302
    client.logout()


@pytest.mark.usefixtures("on_2026_06_15")
def test_a_corrected_value_is_marked_on_the_public_page(
    client, recorder, indicator, reading
):
    _corrected(client, recorder, reading)
    html = client.get(f"/mittarit/{indicator.pk}/").content.decode()
    assert '<span class="reading-mark mark-corrected">korjattu 15.6.2026</span>' in html
    # The history names staff: anonymous readers get no link to it.
    assert "#muutoshistoria" not in html
    assert 'id="muutoshistoria"' not in html


@pytest.mark.usefixtures("on_2026_06_15")
def test_a_corrected_value_links_to_the_history_for_logged_in_users(
    client, recorder, councillor, indicator, reading
):
    _corrected(client, recorder, reading)
    client.force_login(councillor)
    html = client.get(f"/mittarit/{indicator.pk}/").content.decode()
    link = '<a class="reading-mark mark-corrected" href="#muutoshistoria">'
    assert link + "korjattu 15.6.2026" in html
    assert 'id="muutoshistoria"' in html
    assert "Korjauksen syy:</span> Tilasto päivittyi" in html
    listing = client.get("/mittarit/").content.decode()
    assert f'href="/mittarit/{indicator.pk}/#muutoshistoria">korjattu' in listing
