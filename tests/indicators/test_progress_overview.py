"""Progress on the strategy pages: home, focus areas, success factors."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators.overview import StrategyOverview
from tests.indicators.html import (
    by_id,
    labelled_by,
    status_counts,
    svgs,
    text_of,
)
from tests.sample import measure


def test_it_counts_each_focus_area_by_status_on_the_home_page(client, site):
    html = client.get("/").content.decode()
    assert status_counts(by_id(html, "painopiste-1")) == [
        "1 etenee tavoitteen mukaisesti",
        "1 riskissä",
    ]
    assert status_counts(by_id(html, "painopiste-2")) == [
        "1 etenee tavoitteen mukaisesti"
    ]
    assert status_counts(by_id(html, "painopiste-3")) == []
    assert "Ei vielä mittareita." in text_of(by_id(html, "painopiste-3"))
    assert status_counts(by_id(html, "painopiste-4")) == ["1 saavutettu"]
    assert "2 mittaria" in text_of(by_id(html, "painopiste-1"))
    assert "1 mittari" in text_of(by_id(html, "painopiste-2"))


def test_it_sums_up_the_whole_strategy_on_the_home_page(client, site):
    html = client.get("/").content.decode()
    overview = labelled_by(html, "progress-heading")
    assert "seurataan 4 mittarilla" in text_of(overview)
    assert status_counts(overview) == [
        "1 saavutettu",
        "2 etenee tavoitteen mukaisesti",
        "1 riskissä",
    ]
    assert 'href="/mittarit/"' in html
    assert 'href="/lukuohje/"' in html


def test_it_shows_status_with_icon_word_and_colour_class(client, site):
    html = client.get("/").content.decode()
    assert (
        '<a class="status-count status-at_risk" href="/mittarit/?painopistealue=1&amp;'
        'tila=at_risk"><span class="status-icon" aria-hidden="true">!</span> '
        "<strong>1</strong> riskissä</a>"
    ) in html


def test_it_draws_a_proportional_bar_hidden_from_screen_readers(client, site):
    html = client.get("/").content.decode()
    (bar,) = svgs(by_id(html, "painopiste-1"))
    assert bar.get("aria-hidden") == "true"
    rects = [
        (r.get("class"), r.get("x"), r.get("width"))
        for r in bar.iter()
        if str(r.tag).endswith("}rect")
    ]
    assert rects == [
        ("bar-on_track", "0.000", "50.000"),
        ("bar-at_risk", "50.000", "50.000"),
    ]


def test_it_links_each_area_card_to_its_page(client, site):
    card = by_id(client.get("/").content.decode(), "painopiste-2")
    assert card.find(".//h3/a").get("href") == "/painopistealueet/2/"


def test_it_leaves_retired_indicators_out_of_the_counts(client, site):
    site.footpaths.is_active = False
    site.footpaths.save()
    html = client.get("/").content.decode()
    assert status_counts(by_id(html, "painopiste-1")) == [
        "1 etenee tavoitteen mukaisesti"
    ]
    html = client.get("/painopistealueet/1/").content.decode()
    assert "Poistunut mittari" not in html
    assert "Kevyen liikenteen väylät" not in html


def test_it_says_so_when_there_are_no_indicators_yet(client, strategy):
    html = client.get("/").content.decode()
    assert "Strategian mittareita ei ole vielä julkaistu." in html
    assert "status-count" not in html


def test_it_shows_each_measure_with_its_indicators(client, site):
    html = client.get("/painopistealueet/1/").content.decode()
    measure = text_of(by_id(html, "toimenpide-2"))
    assert "Kevyen liikenteen väylät" in measure
    assert "112,0\xa0km (2025)" in measure  # latest, unit, period
    assert "150,0\xa0km (2028)" in measure  # target
    assert "Riskissä" in measure
    # A trend line with its words for screen readers.
    assert 'aria-label="Kehitys 2023–2025: 100,0\xa0km → 112,0\xa0km"' in html
    assert f'href="/mittarit/{site.footpaths.pk}/"' in html


def test_it_shows_the_first_lines_of_a_qualitative_assessment(client, site):
    html = client.get("/painopistealueet/1/").content.decode()
    measure = text_of(by_id(html, "toimenpide-1"))
    assert "Kylätapahtumien monipuolisuus" in measure
    assert "Arvio 2025: Kylissä järjestettiin 42 tapahtumaa" in measure
    assert "Etenee tavoitteen mukaisesti" in measure
    assert "Ensimmäinen arvio" not in measure  # only the latest


def test_it_sums_up_the_focus_area_and_keeps_its_lead(client, site):
    html = client.get("/painopistealueet/1/").content.decode()
    assert "Kemijärvi on kylien kaupunki" in html
    summary = labelled_by(html, "area-progress-heading")
    assert status_counts(summary) == ["1 etenee tavoitteen mukaisesti", "1 riskissä"]


def test_it_says_which_measures_have_no_indicators_yet(client, site):
    html = client.get("/painopistealueet/3/").content.decode()
    assert "Tälle ei ole vielä mittareita." in html


def test_it_formats_monthly_periods_and_decimals(client, site):
    html = client.get("/painopistealueet/2/").content.decode()
    assert "12,4\xa0%" in html
    assert "(3/2025)" in html
    assert "10,0\xa0%" in html


def test_it_lists_each_success_factors_indicators_with_status(client, site):
    html = client.get("/menestystekijat/").content.decode()
    first = text_of(by_id(html, "menestystekija-1"))
    assert "Kevyen liikenteen väylät" in first
    assert "Kylätapahtumien monipuolisuus" in first
    assert "Riskissä" in first
    assert "1 etenee tavoitteen mukaisesti" in first
    third = text_of(by_id(html, "menestystekija-3"))
    assert "Kylätapahtumien monipuolisuus" in third
    assert "Kevyen liikenteen väylät" not in third
    assert "Tälle ei ole vielä mittareita." in text_of(by_id(html, "menestystekija-2"))


def test_it_shows_progress_in_english(english, site):
    html = english.get("/").content.decode()
    assert status_counts(by_id(html, "painopiste-1")) == ["1 on track", "1 at risk"]
    assert "with 4 indicators" in html
    html = english.get("/painopistealueet/1/").content.decode()
    assert "Cycle and footpaths" in html
    assert "Latest result" in html
    assert "112,0\xa0km (2025)" in text_of(
        by_id(html, "toimenpide-2")
    )  # Finnish format
    html = english.get("/menestystekijat/").content.decode()
    assert "Variety of village events" in html


def test_it_marks_example_data_only_where_it_is_shown(client, site):
    assert "Esimerkkiaineisto" not in client.get("/").content.decode()
    site.energy.is_demo = True
    site.energy.save()
    assert "Esimerkkiaineisto" in client.get("/").content.decode()
    assert "Esimerkkiaineisto" in client.get("/painopistealueet/4/").content.decode()
    assert (
        "Esimerkkiaineisto" not in client.get("/painopistealueet/1/").content.decode()
    )
    # Energy is linked to no success factor.
    assert "Esimerkkiaineisto" not in client.get("/menestystekijat/").content.decode()
    site.events.is_demo = True
    site.events.save()
    assert "Esimerkkiaineisto" in client.get("/menestystekijat/").content.decode()


def test_it_counts_an_indicator_of_two_measures_once_per_area(site, rf):
    from django.contrib.auth.models import AnonymousUser

    site.footpaths.measures.add(measure("1.1"), measure("2.1"))
    overview = StrategyOverview(site.footpaths.strategy, AnonymousUser())
    assert overview.area_summary(1).total == 2
    assert overview.area_summary(2).total == 2
    assert overview.summary.total == 4
    assert len(overview.of_measure(1, 1)) == 2


def test_it_loads_the_progress_once_per_request(client, site):
    # The banner and the content both show it; the view loads it once. The
    # home page draws no trend lines, so loads none.
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    sql = [q["sql"] for q in queries]
    assert len([q for q in sql if q.startswith('SELECT "indicators_indicator"')]) == 1
    assert len([q for q in sql if 'FROM "indicators_reading"' in q]) == 1


def test_it_loads_trend_lines_in_one_query_when_a_page_draws_them(client, site):
    with CaptureQueriesContext(connection) as queries:
        client.get("/painopistealueet/1/")
    sql = [q["sql"] for q in queries]
    assert len([q for q in sql if 'FROM "indicators_reading"' in q]) == 2


def test_it_loads_only_what_a_page_shows(site):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    strategy = site.footpaths.strategy
    area = StrategyOverview(strategy, anonymous, area=1)
    assert {s.definition.name.fi for s in area.states} == {
        "Kevyen liikenteen väylät",
        "Kylätapahtumien monipuolisuus",
    }
    factors = StrategyOverview(strategy, anonymous, factors=True)
    assert {s.definition.name.fi for s in factors.states} == {
        "Kevyen liikenteen väylät",
        "Kylätapahtumien monipuolisuus",
    }
    assert len(StrategyOverview(strategy, anonymous).states) == 4


def test_it_draws_the_trend_since_the_year_before_the_strategy(site, make_reading):
    from django.contrib.auth.models import AnonymousUser

    make_reading(
        site.footpaths, 2021, "90", user=site.footpaths.readings.first().created_by
    )
    overview = StrategyOverview(site.footpaths.strategy, AnonymousUser(), area=1)
    states = {s.id: s for s in overview.states}
    footpaths = states[site.footpaths.pk]
    assert [p.year for p in footpaths.trend_points] == [2023, 2024, 2025]
    assert states[site.events.pk].trend_points == ()  # words, no line


def test_it_says_so_where_an_indicator_has_no_reading_yet(
    client, make_indicator, qualitative_indicator
):
    make_indicator(name="Uusi mittari")
    card = text_of(
        by_id(client.get("/painopistealueet/1/").content.decode(), "toimenpide-2")
    )
    assert "Uusi mittari – Ei tietoa Viimeisin tulos Ei vielä tuloksia" in card
    assert "Kylätapahtumien monipuolisuus – Ei tietoa Ei vielä arviota." in card
    table = labelled_by(client.get("/mittarit/").content.decode(), "results-heading")
    rows = text_of(table)
    assert "monipuolisuus Toimenpide 1.2 · Tekniset palvelut – – – Ei tietoa" in rows
    assert "Uusi mittari Toimenpide 1.2 · Tekniset palvelut – 150,0\xa0km 2028" in rows
