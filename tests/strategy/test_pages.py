import pytest


@pytest.fixture
def area_paths(strategy):
    return [f"/painopistealueet/{n}/" for n in (1, 2, 3, 4)]


def test_it_shows_the_strategy_on_the_home_page(client, strategy):
    r = client.get("/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "Kemijärven kaupunkistrategia 2024–2028" in html
    assert "onnellisten ihmisten elinvoimainen ja vastuullinen" in html
    assert "rakentaa yhdessä kestävää ja elinvoimaista tulevaisuutta" in html
    for value in ["Avoimuus", "Vastuullisuus", "Turvallisuus", "Yhteisöllisyys"]:
        assert value in html
    assert "Kasvatamme kylien elinvoimaa" in html
    assert "Omistajaohjauksella elinvoimainen kaupunkikonserni" in html
    assert "Mittarit ja seuranta" in html
    assert "laadullisilla ja numeerisilla mittareilla" in html
    assert "Itä-Lapin seutukunnalla" in html
    assert '<html lang="fi">' in html


def test_it_has_a_skip_link_landmarks_and_a_language_switcher(client, strategy):
    html = client.get("/").content.decode()
    assert 'href="#main"' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html and "<nav" in html
    assert 'name="language" value="en"' in html


def test_it_shows_the_home_page_in_english(english, strategy):
    html = english.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "City of Kemijärvi strategy 2024–2028" in html
    assert "Our vision for 2028" in html
    assert "Our critical success factors" in html
    assert "Monitoring and follow-up" in html


def test_it_shows_each_focus_area(client, area_paths):
    for number, path in enumerate(area_paths, start=1):
        r = client.get(path)
        assert r.status_code == 200
        assert f"Painopistealue {number}" in r.content.decode()
    html = client.get("/painopistealueet/4/").content.decode()
    assert "Tuemme kestävästi edistämällä uusiutuvan energian hankkeita." in html
    assert "Keskitymme talouden kestävyyteen ja tasapainoon." in html


def test_it_shows_a_focus_area_in_english(english, strategy):
    html = english.get("/painopistealueet/2/").content.decode()
    assert "Focus area 2" in html
    assert "We ensure high-quality education." in html


@pytest.mark.parametrize("number", [0, 5, 99])
def test_it_answers_404_for_an_unknown_focus_area(client, strategy, number):
    assert client.get(f"/painopistealueet/{number}/").status_code == 404


def test_it_lists_the_success_factors(client, strategy):
    r = client.get("/menestystekijat/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "Tiivis ja tuloksellinen yhteistyö" in html
    assert "Geopoliittinen asema" in html


def test_it_lists_the_success_factors_in_english(english, strategy):
    html = english.get("/menestystekijat/").content.decode()
    assert "Critical success factors" in html
    assert "Close and productive cooperation" in html


def test_it_shows_the_accessibility_statement(client, english, strategy):
    assert "306/2019" in client.get("/saavutettavuus/").content.decode()


def test_it_answers_404_before_any_strategy_is_loaded(client, db):
    assert client.get("/").status_code == 404


def test_it_names_a_measure_by_its_plain_number_however_large(client, strategy):
    # Ids are not numbers to format: "measure-12 345" (a no-break space from the
    # thousands separator) broke the section's aria-labelledby on PostgreSQL,
    # whose keys grow past a thousand.
    from strategy.models import Measure

    measure = Measure.objects.get(focus_area__number=1, order=1)
    Measure.objects.filter(pk=measure.pk).update(id=12345)
    html = client.get("/painopistealueet/1/").content.decode()
    assert 'aria-labelledby="measure-12345"' in html
    assert '<h3 id="measure-12345">' in html
