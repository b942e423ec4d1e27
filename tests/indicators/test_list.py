"""/mittarit/: every visible indicator, filtered by plain GET parameters."""

import html5lib
import pytest

from tests.indicators.html import by_id, labelled_by, status_counts, text_of


def names(html: str) -> list[str]:
    """Indicator names in the table, in order."""
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    return [
        th.find("a").text
        for th in tree.iter("th")
        if "indicator-cell" in (th.get("class") or "")
    ]


def test_it_lists_the_active_public_indicators(client, site):
    r = client.get("/mittarit/")
    assert r.status_code == 200
    assert names(r.content.decode()) == [
        "Energiankulutus",
        "Kevyen liikenteen väylät",
        "Kylätapahtumien monipuolisuus",
        "Työttömyysaste",
    ]


def test_it_shows_latest_value_target_status_and_measure(client, site):
    html = client.get("/mittarit/").content.decode()
    assert "112,0\xa0km" in html
    assert "150,0\xa0km" in html
    assert "17\xa0900\xa0MWh" in html  # grouped thousands
    assert "arvio 2025" in html  # qualitative: no value, the assessment's period
    assert f'<a href="/mittarit/{site.footpaths.pk}/">' in html
    assert "Toimenpide 1.2 · Tekniset palvelut" in html


def test_it_counts_the_statuses_of_the_rows_shown(client, site):
    html = client.get("/mittarit/?laji=numeric").content.decode()
    assert text_of(by_id(html, "results-heading")) == "3 mittaria"
    assert status_counts(labelled_by(html, "results-heading")) == [
        "1 saavutettu",
        "1 etenee tavoitteen mukaisesti",
        "1 riskissä",
    ]
    # Each count narrows the list to its status, keeping the other filters.
    assert 'href="?laji=numeric&amp;tila=achieved"' in html


def test_it_has_a_form_that_works_without_javascript(client, site):
    html = client.get("/mittarit/").content.decode()
    assert '<form class="filter-form" method="get" action="/mittarit/"' in html
    for name in ["haku", "painopistealue", "tila", "toimiala", "laji", "poistuneet"]:
        assert f'name="{name}"' in html
        assert f'<label for="id_{name}"' in html
    assert '<button type="submit"' in html
    assert "<script" not in html


@pytest.mark.parametrize(
    "query, expected",
    [
        (
            "painopistealue=1",
            ["Kevyen liikenteen väylät", "Kylätapahtumien monipuolisuus"],
        ),
        ("painopistealue=4", ["Energiankulutus"]),
        ("painopistealue=3", []),
        ("tila=at_risk", ["Kevyen liikenteen väylät"]),
        ("tila=achieved", ["Energiankulutus"]),
        ("tila=on_track&painopistealue=1", ["Kylätapahtumien monipuolisuus"]),
        ("laji=qualitative", ["Kylätapahtumien monipuolisuus"]),
        ("haku=TYÖTTÖMIEN", ["Työttömyysaste"]),  # description, any case
        ("haku=kylä", ["Kylätapahtumien monipuolisuus"]),  # name and source
        ("haku=katurekisteri", ["Kevyen liikenteen väylät"]),  # data source
        ("haku=Street+register", ["Kevyen liikenteen väylät"]),  # English source
        ("haku=nothing-like-this", []),
    ],
)
def test_it_filters(client, site, query, expected):
    html = client.get(f"/mittarit/?{query}").content.decode()
    assert names(html) == expected


def test_it_filters_by_department(client, site, education):
    site.events.department = education
    site.events.save()
    html = client.get(f"/mittarit/?toimiala={education.pk}").content.decode()
    assert names(html) == ["Kylätapahtumien monipuolisuus"]
    # Only departments that own visible indicators are offered.
    assert f'<option value="{education.pk}" selected>Sivistyspalvelut</option>' in html


def test_it_shows_retired_indicators_only_when_asked(client, site):
    assert "Poistunut mittari" not in client.get("/mittarit/").content.decode()
    html = client.get("/mittarit/?poistuneet=on").content.decode()
    assert "Poistunut mittari" in names(html)
    assert "Poistunut käytöstä" in html
    assert "5 mittaria" in html
    # Retired rows are listed but not counted in the status summary.
    assert status_counts(labelled_by(html, "results-heading")) == [
        "1 saavutettu",
        "2 etenee tavoitteen mukaisesti",
        "1 riskissä",
    ]


def test_it_reports_and_ignores_a_value_that_is_not_a_choice(client, site):
    html = client.get("/mittarit/?tila=great&painopistealue=9&laji=1").content.decode()
    assert len(names(html)) == 4
    assert html.count('class="field-error"') == 3


def test_it_ties_each_error_to_its_field_for_screen_readers(client, site):
    html = client.get("/mittarit/?tila=bogus").content.decode()
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    field = tree.find(".//select[@name='tila']")
    assert field.get("aria-invalid") == "true"
    # Django 5.2 names the error "<id>_error"; the message must carry that id.
    (described_by,) = field.get("aria-describedby").split()
    assert text_of(by_id(html, described_by)) == (
        "Valitse oikea vaihtoehto. bogus ei ole vaihtoehtojen joukossa."
    )


def test_it_lays_out_the_table_without_aria_roles(client, site):
    # HTML forbids role attributes on the rows and cells of a table (Nu HTML
    # checker); the browser test of the narrow layout shows it stays a table.
    html = client.get("/mittarit/").content.decode()
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    parts = {"table", "thead", "tbody", "tr", "th", "td"}
    table = tree.find(".//table")
    assert [el.tag for el in table.iter() if el.tag in parts and el.get("role")] == []


def test_it_lists_the_filters_in_use_with_links_to_remove_each(client, site):
    html = client.get("/mittarit/?painopistealue=1&tila=at_risk").content.decode()
    active = text_of(by_id(html, "results-heading"))
    assert active == "1 mittari"
    assert 'href="?tila=at_risk"' in html  # remove the focus area
    assert 'href="?painopistealue=1"' in html  # remove the status
    assert 'href="/mittarit/">Poista rajaukset' in html


def test_it_says_so_when_nothing_matches(client, site):
    html = client.get("/mittarit/?haku=zzz").content.decode()
    assert "Rajauksia vastaavia mittareita ei löytynyt." in html
    assert "<table" not in html


def test_it_shows_the_list_in_english(english, site):
    html = english.get("/mittarit/?laji=numeric").content.decode()
    assert "Cycle and footpaths" in html
    assert "Filter indicators" in html
    assert "At risk" in html
    assert "112,0\xa0km" in html  # Finnish number format in English too
    assert '<option value="qualitative">Qualitative</option>' in html


def test_it_marks_example_data(client, site):
    assert "Esimerkkiaineisto" not in client.get("/mittarit/").content.decode()
    site.energy.is_demo = True
    site.energy.save()
    assert "Esimerkkiaineisto" in client.get("/mittarit/").content.decode()
    assert (
        "Esimerkkiaineisto"
        not in client.get("/mittarit/?painopistealue=1").content.decode()
    )


def test_it_answers_404_before_any_strategy_is_loaded(client, db):
    assert client.get("/mittarit/").status_code == 404


def test_it_sorts_the_english_list_by_the_english_names(english, site):
    assert names(english.get("/mittarit/").content.decode()) == [
        "Cycle and footpaths",
        "Energy use",
        "Unemployment rate",
        "Variety of village events",
    ]
