"""Search that understands Finnish (``indicators/search.py``) and /mittarit/?haku=."""

import pytest

from indicators import search
from indicators.models import Indicator
from tests.indicators.test_list import names

UNEMPLOYMENT = search.document(
    "Työttömyysaste", "Unemployment rate", "Työttömien osuus työvoimasta."
)


@pytest.mark.parametrize(
    "query",
    [
        "työttömät",  # an inflected form
        "tyottomyys",  # typed without ä and ö
        "TYÖTTÖMYYSASTEEN",  # another case, inflected
        "aste",  # inside a compound
        "työttömien osuus",  # every word must match, and does
        "unemployment",
    ],
)
def test_it_finds_inflected_and_unaccented_forms(query):
    assert search.matches(UNEMPLOYMENT, query)


@pytest.mark.parametrize(
    "query",
    [
        "on",  # a short word matches whole words only, not "osuus" or "rate"
        "ty",
        "ast",  # three letters match the start of a word, not its middle
        "työttömät kylät",  # one word of two does not match
        "asukasluku",
        "...",  # no words at all
    ],
)
def test_it_finds_nothing_for_short_or_unrelated_words(query):
    assert not search.matches(UNEMPLOYMENT, query)


def test_it_folds_accents_but_keeps_other_letters():
    assert search.fold("Työttömyys Åland Café") == "tyottomyys aland cafe"
    assert search.fold("Ийвало") == "ииvало".replace("v", "в")


def test_it_stores_the_search_text_on_save(site):
    site.unemployment.refresh_from_db()
    assert " tyottom " in site.unemployment.search_text  # "Työttömien" stemmed
    site.unemployment.name = "Työllisyysaste"
    site.unemployment.save(update_fields=["name"])
    stored = Indicator.objects.get(pk=site.unemployment.pk).search_text
    assert " tyollisyysaste " in stored
    assert " tyottomyysaste " not in stored


@pytest.mark.parametrize(
    "query, expected",
    [
        ("työttömät", ["Työttömyysaste"]),
        ("tyottomyys", ["Työttömyysaste"]),
        ("Työttömyysasteen", ["Työttömyysaste"]),
        ("kylätapahtumat", ["Kylätapahtumien monipuolisuus"]),
        ("kylatapahtumien", ["Kylätapahtumien monipuolisuus"]),
        ("vaylat", ["Kevyen liikenteen väylät"]),
        ("on", []),  # inside "monipuolisuus", "Energiankulutus" … but no word
        ("ku", []),
        ("%", []),  # a LIKE wildcard is a character like any other
        ("_", []),
    ],
)
def test_the_list_finds_indicators_by_their_words(client, site, query, expected):
    html = client.get("/mittarit/", {"haku": query}).content.decode()
    assert names(html) == expected


def test_the_list_names_the_measures_that_match(client, site):
    html = client.get("/mittarit/", {"haku": "kylien elinvoima"}).content.decode()
    assert "Hakua vastaavat strategian toimenpiteet" in html
    assert 'href="/painopistealueet/1/#toimenpide-1"' in html
    assert "Kasvatamme kylien elinvoimaa" in html


def test_the_list_names_no_measures_without_a_search(client, site):
    html = client.get("/mittarit/").content.decode()
    assert "Hakua vastaavat strategian toimenpiteet" not in html
    html = client.get("/mittarit/", {"haku": "zzzz"}).content.decode()
    assert "Hakua vastaavat strategian toimenpiteet" not in html
