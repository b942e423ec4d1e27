"""Atom feeds of new readings and corrections: /syote/, per focus area, per
indicator. Each answer is parsed as XML and checked against what RFC 4287
requires of a feed and its entries."""

import datetime
import xml.etree.ElementTree as ET

from django.utils import timezone

import pytest

from indicators import feeds, services
from indicators.feeds import Entry, Scope

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_atom(response) -> ET.Element:
    """The feed element, after checking what RFC 4287 requires of it."""
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    # Exactly one id, title and updated; an author (the feed's, as entries
    # have none of their own); a self link.
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
        assert feed.find(f"{ATOM}{name}").text.strip(), name
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    rels = {link.get("rel") for link in feed.findall(f"{ATOM}link")}
    assert {"self", "alternate"} <= rels
    _timestamp(feed.find(f"{ATOM}updated").text)
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
            assert entry.find(f"{ATOM}{name}").text.strip(), name
        _timestamp(entry.find(f"{ATOM}updated").text)
        link = entry.find(f"{ATOM}link")
        assert link.get("href").startswith("http://testserver/")
        assert entry.find(f"{ATOM}id").text.startswith("tag:testserver,2024:")
        ids.append(entry.find(f"{ATOM}id").text)
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    return feed


def _timestamp(text: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(text)
    assert moment.tzinfo is not None  # RFC 3339 needs a time zone
    return moment


def titles(feed) -> list[str]:
    """Entry titles, no-break spaces (1 234 km) read as spaces."""
    return [
        e.find(f"{ATOM}title").text.replace("\xa0", " ")
        for e in feed.findall(f"{ATOM}entry")
    ]


def test_it_lists_new_readings_of_the_whole_strategy_newest_first(client, site):
    feed = parse_atom(client.get("/syote/"))
    found = titles(feed)
    assert found[0] == "Uusi tulos: Poistunut mittari 2024: 90,0 km"
    assert "Uusi tulos: Energiankulutus 2025: 17 900 MWh" in found
    assert "Uusi tulos: Työttömyysaste 3/2025: 12,4 %" in found
    assert (
        "Uusi tulos: Kylätapahtumien monipuolisuus 2025: etenee tavoitteen "
        "mukaisesti" in found
    )
    assert len(found) == 10  # every public reading: 3 + 3 + 2 + 1 + 1
    assert feed.find(f"{ATOM}title").text == (
        "Kemijärven kaupunki: kaupunkistrategian seuranta"
    )


@pytest.mark.parametrize(
    "path", ["/syote/", "/painopistealueet/1/syote/", "/painopistealueet/2/syote/"]
)
@pytest.mark.parametrize("login", [False, True])
def test_it_never_shows_an_internal_indicator(client, site, councillor, path, login):
    if login:
        client.force_login(councillor)
    r = client.get(path)
    parse_atom(r)
    text = r.content.decode()
    assert "Sisäinen LED-mittari" not in text
    assert f"/mittarit/{site.internal.pk}/" not in text


def test_it_refuses_the_feed_of_an_internal_or_unknown_indicator(
    client, site, councillor
):
    client.force_login(councillor)
    assert client.get(f"/mittarit/{site.internal.pk}/syote/").status_code == 404
    assert client.get("/mittarit/999/syote/").status_code == 404
    assert client.get("/painopistealueet/9/syote/").status_code == 404


def test_it_narrows_to_a_focus_area(client, site):
    feed = parse_atom(client.get("/painopistealueet/2/syote/"))
    assert titles(feed) == [
        "Uusi tulos: Työttömyysaste 3/2025: 12,4 %",
        "Uusi tulos: Työttömyysaste 2/2025: 12,6 %",
        "Uusi tulos: Työttömyysaste 1/2025: 12,9 %",
    ]
    assert feed.find(f"{ATOM}title").text.startswith(
        "Kemijärven kaupunki: painopistealue 2. "
    )
    alternate = [
        link.get("href")
        for link in feed.findall(f"{ATOM}link")
        if link.get("rel") == "alternate"
    ]
    assert alternate == ["http://testserver/painopistealueet/2/"]


def test_it_narrows_to_an_indicator_and_tells_corrections_and_marks(
    client, site, recorder
):
    reading = site.footpaths.readings.get(year=2025)
    services.reading_correct(
        reading=reading,
        user=recorder,
        lock_version=reading.lock_version,
        fields={"value": 113, "preliminary": True},
        reason="Tilasto päivittyi.",
    )
    feed = parse_atom(client.get(f"/mittarit/{site.footpaths.pk}/syote/"))
    assert titles(feed) == [
        "Korjattu tulos: Kevyen liikenteen väylät 2025: 113,0 km",
        "Uusi tulos: Kevyen liikenteen väylät 2025: 113,0 km",
        "Uusi tulos: Kevyen liikenteen väylät 2024: 108,5 km",
        "Uusi tulos: Kevyen liikenteen väylät 2023: 100,0 km",
    ]
    correction = feed.find(f"{ATOM}entry")
    summary = correction.find(f"{ATOM}summary").text
    assert "Tulos: 113,0\xa0km (suunnitelma 118,0\xa0km)" in summary
    assert "ennakkotieto" in summary
    assert "korjattu" in summary
    assert "Kaksi hanketta siirtyi vuodelle 2026." in summary
    before = feed.findall(f"{ATOM}entry")[-1].find(f"{ATOM}summary").text
    assert "ennen strategiakautta" in before
    assert "Tila:" not in before  # context is never judged


def test_it_tells_an_assessment_before_the_strategy_period(
    client, qualitative_indicator, make_reading, recorder
):
    make_reading(
        qualitative_indicator,
        2023,
        user=recorder,
        qualitative_status="on_track",
        narrative="Ennen kautta.",
    )
    feed = parse_atom(client.get(f"/mittarit/{qualitative_indicator.pk}/syote/"))
    assert titles(feed) == [
        "Uusi tulos: Kylätapahtumien monipuolisuus 2023: etenee tavoitteen mukaisesti"
    ]
    summary = feed.find(f"{ATOM}entry/{ATOM}summary").text
    assert "ennen strategiakautta" in summary and "Tila:" not in summary


def test_it_leaves_out_withdrawn_readings(client, site, recorder):
    reading = site.energy.readings.get()
    services.reading_withdraw(
        reading=reading, user=recorder, lock_version=1, reason="Väärä luku"
    )
    feed = parse_atom(client.get("/syote/"))
    assert not [t for t in titles(feed) if "Energiankulutus" in t]
    assert (
        parse_atom(client.get(f"/mittarit/{site.energy.pk}/syote/")).findall(
            f"{ATOM}entry"
        )
        == []
    )


def test_it_escapes_what_staff_wrote(client, indicator, make_reading, recorder):
    make_reading(indicator, 2025, "1", user=recorder, narrative="<script>x</script>")
    r = client.get(f"/mittarit/{indicator.pk}/syote/")
    summary = parse_atom(r).find(f"{ATOM}entry/{ATOM}summary").text
    assert "&lt;script&gt;" in summary and "<script>" not in summary


def test_it_marks_example_data(client, make_indicator, make_reading, recorder):
    demo = make_indicator(is_demo=True)
    make_reading(demo, 2025, "5", user=recorder)
    entry = parse_atom(client.get("/syote/")).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text.endswith("(esimerkkiaineisto)")
    assert "Esimerkkiaineisto" in entry.find(f"{ATOM}summary").text


def test_it_speaks_english_to_english_visitors(english, site):
    feed = parse_atom(english.get(f"/mittarit/{site.energy.pk}/syote/"))
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert titles(feed) == ["New reading: Energy use 2025: 17 900 MWh"]


def test_it_keeps_the_newest_entries(client, indicator, make_reading, recorder):
    for month in range(1, 13):
        make_reading(indicator, 2025, month, user=recorder, part=month)
    assert len(feeds.feed_entries(Scope(indicator.strategy), limit=5)) == 5


def test_it_merges_the_entries_of_every_source(monkeypatch, site):
    """A new kind of entry (a measure's update) is one more source."""
    later = timezone.now() + datetime.timedelta(hours=1)
    update = Entry(
        key="measure-update-1",
        title="Toimenpide 1.1 käynnistyi",
        html="<p>x</p>",
        link="/painopistealueet/1/",
        published=later,
        updated=later,
    )
    monkeypatch.setattr(
        feeds, "ENTRY_SOURCES", [*feeds.ENTRY_SOURCES, lambda scope, limit: [update]]
    )
    entries = feeds.feed_entries(Scope(site.footpaths.strategy), limit=3)
    assert entries[0] == update
    assert len(entries) == 3


@pytest.mark.parametrize(
    ("path", "feed"),
    [
        ("/", "/syote/"),
        ("/painopistealueet/2/", "/painopistealueet/2/syote/"),
        ("indicator", "indicator"),
        ("/avoin-data/", "/syote/"),
    ],
)
def test_pages_name_their_feed(client, site, path, feed):
    if path == "indicator":
        path = f"/mittarit/{site.footpaths.pk}/"
        feed = f"/mittarit/{site.footpaths.pk}/syote/"
    html = client.get(path).content.decode()
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html


def test_an_internal_indicators_page_names_no_feed(client, site, councillor):
    client.force_login(councillor)
    html = client.get(f"/mittarit/{site.internal.pk}/").content.decode()
    assert "application/atom+xml" not in html
    assert "/syote/" not in html.split("<footer")[0]


def test_it_builds_the_feed_in_a_fixed_number_of_queries(
    client, make_indicator, make_reading, recorder, django_assert_max_num_queries
):
    for i in range(10):
        indicator = make_indicator(name=f"M{i}")
        for year in (2024, 2025):
            make_reading(indicator, year, i, user=recorder)
    # strategy, new readings, corrections; the states: indicators, readings,
    # annual targets, measures with areas
    with django_assert_max_num_queries(7):
        assert len(titles(parse_atom(client.get("/syote/")))) == 20
