"""/mittarit/<pk>/: one indicator, its definition, chart, readings and links."""

import datetime
import re
import xml.etree.ElementTree as ET

from django.utils import timezone

import pytest

from indicators.models import Indicator
from tests.indicators.html import by_id, labelled_by, text_of


def page(client, indicator) -> str:
    r = client.get(f"/mittarit/{indicator.pk}/")
    assert r.status_code == 200
    return r.content.decode()


def table_rows(html: str) -> list[list[str]]:
    """The rows of every year's table of readings, newest first."""
    section = labelled_by(html, "readings-heading")
    return [
        [text_of(cell) for cell in tr]
        for tbody in section.iter("tbody")
        for tr in tbody.iter("tr")
    ]


def test_it_shows_the_definition(client, site):
    html = page(client, site.footpaths)
    definition = text_of(labelled_by(html, "definition-heading"))
    assert "Mitä mitataan ja miksi Kunnossapidettyjen kevyen liikenteen" in definition
    assert "Yksikkö km" in definition
    assert "Suunta Suurempi on parempi" in definition
    assert "Seurantatiheys Vuosittain" in definition
    assert "Vastuutoimiala Tekniset palvelut" in definition
    assert "Ulkoinen tunniste KR-12" in definition
    assert "Vuositavoitteet 2024: 110,0\xa0km 2025: 118,0\xa0km" in definition
    assert (
        '<a href="https://www.example.fi/katurekisteri">Kaupungin katurekisteri</a>'
        in html
    )


def test_it_shows_baseline_latest_and_target(client, site):
    html = page(client, site.footpaths)
    figures = text_of(labelled_by(html, "status-heading"))
    assert "Lähtötaso 100,0\xa0km 2023" in figures
    assert "Viimeisin tulos 112,0\xa0km 2025 · suunnitelma 118,0\xa0km" in figures
    assert "Tavoite 150,0\xa0km 2028" in figures
    assert "Riskissä" in figures


def test_it_shows_the_explanation_of_an_at_risk_reading_with_it(client, site):
    html = page(client, site.footpaths)
    status = text_of(labelled_by(html, "status-heading"))
    assert "Selitys tulokselle 2025 Kaksi hanketta siirtyi vuodelle 2026." in status
    assert table_rows(html)[0][:5] == [
        "2025",
        "112,0\xa0km",
        "118,0\xa0km",
        "! Riskissä",
        "Kaksi hanketta siirtyi vuodelle 2026. Lähde: Katurekisteri 2025",
    ]


def test_it_draws_the_chart_with_its_text_alternative(client, site):
    html = page(client, site.footpaths)
    svgs = re.findall(r"<svg class=\"chart\".*?</svg>", html, re.S)
    assert len(svgs) == 2  # a wide and a narrow drawing
    wide = ET.fromstring(svgs[0])
    ns = "{http://www.w3.org/2000/svg}"
    assert wide.get("role") == "img"
    assert wide.find(f"{ns}title").text == (
        "Kevyen liikenteen väylät: kehitys vuosina 2023–2028"
    )
    desc = wide.find(f"{ns}desc").text
    assert "Lähtötaso 100,0\xa0km vuonna 2023." in desc
    assert "Tulokset 2023–2025: 100,0\xa0km → 112,0\xa0km." in desc
    assert "Tavoite 150,0\xa0km vuonna 2028." in desc
    assert "Tila: riskissä." in desc
    # The plan follows the annual targets: 100 → 110 → 118, then on to 150.
    planned = wide.find(f"{ns}polyline[@class='chart-planned']").get("points")
    assert len(planned.split()) == 6  # 2023…2028
    assert "Toteutuneet tulokset" in html  # the legend
    assert 'id="kaavio-title"' in html and 'id="kaavio-kapea-title"' in html


def test_it_lists_every_valid_reading_newest_first_by_year(client, site, recorder):
    withdrawn = site.footpaths.readings.get(year=2023)
    withdrawn.withdrawn_at = timezone.now()
    withdrawn.withdrawn_reason = "Väärä luku"
    withdrawn.save()
    html = page(client, site.footpaths)
    assert '<th scope="col">Jakso</th>' in html
    rows = table_rows(html)
    assert [row[0] for row in rows] == ["2025", "2024"]
    # The latest year open, the earlier ones folded (no script needed).
    years = labelled_by(html, "readings-heading").findall(".//details")
    assert [d.find("summary").find("span").text for d in years] == ["2025", "2024"]
    assert [d.get("open") is not None for d in years] == [True, False]
    assert rows[1][:4] == [
        "2024",
        "108,5\xa0km",
        "110,0\xa0km",
        "➜ Etenee tavoitteen mukaisesti",
    ]


def test_it_shows_monthly_periods_and_plans(client, site):
    html = page(client, site.unemployment)
    rows = table_rows(html)
    assert [row[0] for row in rows] == ["3/2025", "2/2025", "1/2025"]
    assert rows[0][:3] == ["3/2025", "12,4\xa0%", "12,4\xa0%"]
    assert "Pienempi on parempi" in html
    assert "Kuukausittain" in html


def test_it_shows_qualitative_narratives_newest_first(client, site):
    html = page(client, site.events)
    narratives = text_of(labelled_by(html, "readings-heading"))
    first = narratives.index("Ensimmäinen arvio")
    second = narratives.index("Kylissä järjestettiin 42 tapahtumaa")
    assert second < first
    assert "2024 ! Riskissä" in narratives
    assert "Talvikausi jäi ohueksi." in narratives  # the whole narrative
    assert (
        "<p>Kylissä järjestettiin 42 tapahtumaa, joista kymmenen oli uusia.</p>" in html
    )
    status = text_of(labelled_by(html, "status-heading"))
    assert "Viimeisin arvio (2025)" in status
    assert '<svg class="chart"' not in html  # no chart for words
    assert "Laadullinen mittari" in html


def test_it_links_measures_and_success_factors(client, site):
    html = page(client, site.events)
    links = labelled_by(html, "links-heading")
    hrefs = [a.get("href") for a in links.iter("a")]
    assert hrefs == [
        "/painopistealueet/1/#toimenpide-1",
        "/menestystekijat/#menestystekija-1",
        "/menestystekijat/#menestystekija-3",
    ]
    assert "1.1 Kasvatamme kylien elinvoimaa" in text_of(links)


def test_it_says_when_the_data_was_last_updated(client, site):
    def day(*ymd):
        return timezone.make_aware(datetime.datetime(*ymd, 12, 0))

    Indicator.objects.filter(pk=site.footpaths.pk).update(updated_at=day(2025, 1, 2))
    site.footpaths.readings.update(updated_at=day(2025, 6, 1))
    site.footpaths.readings.filter(year=2024).update(updated_at=day(2025, 11, 27))
    html = page(client, site.footpaths)
    assert "Tiedot päivitetty 27.11.2025" in html


def test_it_shows_an_override_beside_the_computed_status(client, site):
    site.footpaths.status_override = "on_track"
    site.footpaths.override_justification = "Tilasto laskettiin uudella tavalla."
    site.footpaths.save()
    status = text_of(labelled_by(page(client, site.footpaths), "status-heading"))
    assert status.startswith("Tilanne ➜ Etenee tavoitteen mukaisesti")
    assert "Strategiakoordinaattori on asettanut tilan käsin." in status
    assert "Tulosten perusteella laskettu tila: ! Riskissä" in status
    assert "Perustelu: Tilasto laskettiin uudella tavalla." in status


def test_it_shows_no_override_note_without_one(client, site):
    assert "asettanut tilan käsin" not in page(client, site.footpaths)


def test_it_offers_recording_and_correcting_to_the_owning_department(
    client, site, recorder
):
    client.force_login(recorder)
    html = page(client, site.footpaths)
    assert f'href="/mittarit/{site.footpaths.pk}/kirjaa/"' in html
    reading = site.footpaths.readings.get(year=2025)
    assert f'href="/kirjaukset/{reading.pk}/muokkaa/"' in html
    assert f'href="/mittarit/{site.footpaths.pk}/tila/"' not in html


def test_it_offers_the_status_override_to_coordinators(client, site, coordinator):
    client.force_login(coordinator)
    html = page(client, site.footpaths)
    assert f'href="/mittarit/{site.footpaths.pk}/tila/"' in html
    assert f'href="/mittarit/{site.footpaths.pk}/kirjaa/"' in html


@pytest.mark.parametrize("who", [None, "other_recorder", "councillor"])
def test_it_offers_no_entry_links_to_others(client, site, request, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    html = page(client, site.footpaths)
    assert "/kirjaa/" not in html
    assert "/muokkaa/" not in html
    assert "/tila/" not in html


def test_it_offers_no_recording_for_a_retired_indicator(client, site, recorder):
    client.force_login(recorder)
    html = page(client, site.retired)
    assert "/kirjaa/" not in html
    assert "Poistunut käytöstä" in html


def test_it_shows_the_change_history_only_to_logged_in_users(client, site, councillor):
    html = page(client, site.footpaths)
    assert "Muutoshistoria" not in html
    client.force_login(councillor)
    html = page(client, site.footpaths)
    history = text_of(labelled_by(html, "history-heading"))
    assert "Tulos 2025 (lisätty)" in history


def test_it_answers_404_for_an_internal_indicator_to_anonymous_visitors(client, site):
    assert client.get(f"/mittarit/{site.internal.pk}/").status_code == 404


def test_it_shows_an_internal_indicator_to_logged_in_users(client, site, councillor):
    client.force_login(councillor)
    html = page(client, site.internal)
    assert "Sisäinen mittari – näkyy vain kirjautuneille" in html


def test_it_answers_404_for_an_unknown_indicator(client, site):
    assert client.get("/mittarit/999999/").status_code == 404


def test_it_shows_the_page_in_english(english, site):
    html = page(english, site.footpaths)
    assert "<h1>Cycle and footpaths</h1>" in html
    assert "Definition of the indicator" in html
    assert "Street register of the city" in html
    assert "Higher is better" in html
    assert "Cycle and footpaths: trend 2023–2028" in html
    assert "Baseline 100,0\xa0km in 2023." in html  # Finnish numbers
    assert ">Year</text>" in html
    assert "Target 150,0\xa0km" in html
    assert "At risk" in html
    rows = table_rows(html)
    assert rows[1][1] == "108,5\xa0km"
    assert "1 result" in html or "2 results" in html


def test_it_marks_example_data(client, site):
    assert "Esimerkkiaineisto" not in page(client, site.footpaths)
    site.footpaths.is_demo = True
    site.footpaths.save()
    assert "Esimerkkiaineisto" in page(client, site.footpaths)


def test_it_shows_an_indicator_without_readings_or_target(client, site, make_indicator):
    empty = make_indicator(
        name="Tuore mittari",
        baseline_value=None,
        baseline_year=None,
        target_value=None,
        target_year=None,
    )
    html = page(client, empty)
    assert "Tuloksia ei ole vielä kirjattu." in html
    assert "Ei tietoa" in html
    assert '<svg class="chart"' not in html


def test_it_keeps_years_and_ids_unlocalized(client, site):
    html = page(client, site.footpaths)
    assert "2\xa0023" not in html and "2\xa0028" not in html
    assert by_id(html, "kaavio") is not None


def test_it_marks_finnish_only_texts_as_finnish(english, site):
    # Readings written in Finnish only: screen readers must switch voice, and
    # the reader sees that no English text exists (strategy/templatetags).
    html = page(english, site.footpaths)
    assert (
        '<span lang="fi">Kaksi hanketta siirtyi vuodelle 2026.</span> '
        '<span class="fi-only-note">(in Finnish only)</span>'
    ) in html
    assert '<span lang="fi">Katurekisteri 2025</span>' in html
    html = page(english, site.events)
    first = "<p>Ensimmäinen arvio: tapahtumia oli vähän.</p>"
    assert (
        f'<p class="fi-only-note">In Finnish only</p><div lang="fi">{first}</div>'
        in (html)
    )


def test_it_shows_the_status_basis_beside_the_status(client, site):
    site.unemployment.status_basis = ""  # the default: a year's mean
    site.unemployment.save()
    html = page(client, site.unemployment)
    status = text_of(labelled_by(html, "status-heading"))
    assert "peruste: 12 kuukauden keskiarvo" in status
    # 12,9; 12,6 and 12,4 so far: their mean against the plan of 2025.
    assert (
        "Tilassa verrataan viimeisen vuoden tulosten keskiarvoa jaksoon 3/2025 "
        "asti (12,6\xa0%) saman ajan suunnitelmaan (12,4\xa0%)." in status
    )
    definition = text_of(labelled_by(html, "definition-heading"))
    assert "Tilan peruste 12 kuukauden keskiarvo" in definition
    assert 'href="/lukuohje/#tilan-peruste"' in html


def test_it_names_the_latest_reading_as_the_basis_when_chosen(client, site):
    html = page(client, site.unemployment)  # status_basis="latest"
    status = text_of(labelled_by(html, "status-heading"))
    assert "viimeisimmän tuloksen (3/2025) mukaan" in status
    assert "Tilassa verrataan viimeisintä tulosta (3/2025, 12,4\xa0%)" in status


def test_it_shows_no_basis_for_a_yearly_indicator(client, site):
    html = page(client, site.footpaths)
    assert "peruste:" not in html
    assert "Tilan peruste" not in html


def test_it_shows_an_english_explanation_when_there_is_one(english, site):
    reading = site.footpaths.readings.exclude(narrative="").first()
    reading.narrative_en = "Two projects moved to 2026."
    reading.save()
    html = page(english, site.footpaths)
    assert "<span>Two projects moved to 2026.</span>" in html
    assert "Kaksi hanketta siirtyi" not in html
