"""The admin's indicator pages in the coordinator's language, without scripts:
measures and success factors are checkboxes, the measures under their focus
areas (indicators/admin_widgets.py). A superuser sees the pages as a
coordinator does; the coordinators' permissions are tests/indicators/
test_admin.py's, their pages in a browser tests/browser/test_accessibility.py's."""

import html5lib

from indicators.models import Indicator
from strategy.models import Measure, Strategy, SuccessFactor
from tests.indicators.html import text_of

ADD = "/hallinta/indicators/indicator/add/"


def old_strategy(title: str) -> Strategy:
    return Strategy.objects.create(
        slug="vanha",
        municipality="Kemijärvi",
        title=title,
        start_year=2020,
        end_year=2023,
    )


def parse(response):
    assert response.status_code == 200
    return html5lib.parse(response.content.decode(), namespaceHTMLElements=False)


def test_it_names_the_admin_after_the_service(client, superuser):
    client.force_login(superuser)
    finnish = client.get("/hallinta/").content.decode()
    assert '<a href="/hallinta/">Strategia-seurannan ylläpito</a>' in finnish
    assert "Djangon ylläpito" not in finnish
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get("/hallinta/").content.decode()
    assert '<a href="/hallinta/">Strategy monitoring administration</a>' in english
    assert "Django administration" not in english


def test_it_offers_the_current_strategy_for_a_new_indicator(
    client, superuser, strategy
):
    old_strategy(title="Vanha strategia")
    client.force_login(superuser)
    tree = parse(client.get(ADD))
    chosen = tree.findall(".//select[@name='strategy']/option[@selected]")
    assert [option.get("value") for option in chosen] == [str(strategy.pk)]
    label = tree.find(".//label[@for='id_strategy']")
    assert text_of(label) == "Kaupunkistrategia:"


def test_it_groups_the_measures_by_focus_area_as_checkboxes(
    client, superuser, strategy
):
    client.force_login(superuser)
    html = client.get(ADD).content.decode()
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    group = tree.find(".//div[@id='id_measures']")
    assert group.get("role") == "group"
    assert group.get("aria-label") == "Toimenpiteet"
    legends = [text_of(legend) for legend in group.iter("legend")]
    assert legends == [
        "1. Kylien kaupunki",
        "2. Palvelut kaikille",
        "3. Yritysten mahdollisuudet",
        "4. Kestävä energia ja talous",
    ]
    first_area = group.find("fieldset")
    boxes = first_area.findall(".//input[@type='checkbox']")
    assert [box.get("name") for box in boxes] == ["measures", "measures"]
    label = first_area.find(f".//label[@for='{boxes[0].get('id')}']")
    assert text_of(label).startswith("1.1 Kasvatamme kylien elinvoimaa")
    factors = tree.find(".//div[@id='id_success_factors']")
    assert len(factors.findall(".//input[@type='checkbox']")) == 5
    # No two-box selector: none of its script, none of its English.
    assert "SelectFilter2.js" not in html
    assert "selectfilter" not in html.lower()


def test_it_shows_the_measures_in_english_when_english_is_chosen(
    client, superuser, strategy, english
):
    client.force_login(superuser)
    tree = parse(client.get(ADD))
    group = tree.find(".//div[@id='id_measures']")
    assert group.get("aria-label") == "Measures"
    assert text_of(group.find(".//legend")) == "1. A city of villages"


def test_it_saves_the_ticked_measures_and_success_factors(
    client, superuser, strategy, technical
):
    measures = Measure.objects.filter(focus_area__number=2)
    factor = SuccessFactor.objects.order_by("order").first()
    client.force_login(superuser)
    r = client.post(
        ADD,
        {
            "strategy": strategy.pk,
            "name": "Sähköisen asioinnin osuus",
            "kind": "numeric",
            "unit": "%",
            "decimals": "0",
            "direction": "increase",
            "frequency": "yearly",
            "department": technical.pk,
            "measures": [m.pk for m in measures],
            "success_factors": [factor.pk],
            "is_public": "on",
            "is_active": "on",
            "annual_targets-TOTAL_FORMS": "0",
            "annual_targets-INITIAL_FORMS": "0",
        },
    )
    assert r.status_code == 302, r.content.decode()[-2000:]
    indicator = Indicator.objects.get()
    indicator.refresh_from_db()
    assert set(indicator.measures.all()) == set(measures)
    assert list(indicator.success_factors.all()) == [factor]


def test_it_names_the_filters_in_finnish(client, superuser, strategy):
    old_strategy(title="Vanha strategia")  # a second one: its filter shows
    client.force_login(superuser)
    html = client.get("/hallinta/indicators/indicator/").content.decode()
    assert 'data-filter-title="kaupunkistrategia"' in html
    assert 'data-filter-title="painopistealue"' in html
    assert 'data-filter-title="strategy"' not in html
    assert 'data-filter-title="focus area"' not in html
