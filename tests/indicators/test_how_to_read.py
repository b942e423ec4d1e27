"""/lukuohje/: the status rule in plain words, printed from the rule's own constants."""

import re
from decimal import Decimal

from indicators import status
from indicators.views import basis_example, worked_example
from tests.indicators.html import labelled_by, text_of


def test_it_explains_the_statuses_with_the_rules_numbers(client, db):
    r = client.get("/lukuohje/")
    assert r.status_code == 200
    statuses = text_of(labelled_by(r.content.decode(), "statuses-heading"))
    assert "enintään 5\xa0% koko suunnitellusta muutoksesta" in statuses
    assert "enemmän kuin 5\xa0% mutta enintään 25\xa0%" in statuses
    assert "yli 25\xa0%" in statuses
    for word in ["Saavutettu", "Etenee tavoitteen mukaisesti", "Riskissä", "Ei tietoa"]:
        assert word in statuses


def test_it_follows_the_constants_when_they_change(client, db, monkeypatch):
    # The page has no copy of the numbers: change the rule, the page follows.
    monkeypatch.setattr(status, "ON_TRACK_SLACK", Decimal("0.1"))
    monkeypatch.setattr(status, "AT_RISK_SLACK", Decimal("0.335"))
    monkeypatch.setattr(status, "HOLD_ON_TRACK_SLACK", Decimal("0.02"))
    monkeypatch.setattr(status, "HOLD_AT_RISK_SLACK", Decimal("0.2"))
    html = client.get("/lukuohje/").content.decode()
    assert "enintään 10\xa0% koko suunnitellusta muutoksesta" in html
    assert "yli 33,5\xa0%" in html
    assert "enintään 2\xa0% poikkeama" in html
    assert "enintään 20\xa0% riskissä" in html
    shown = set(re.findall(r"[\d,]+\xa0%", html))
    assert shown == {"10\xa0%", "33,5\xa0%", "2\xa0%", "20\xa0%"}


def test_it_works_an_example_through_the_real_rule(client, db):
    html = client.get("/lukuohje/").content.decode()
    numeric = text_of(labelled_by(html, "numeric-heading"))
    assert "lähtötasolla 100,0 km vuonna 2023" in numeric
    assert "vuoden 2025 suunniteltu arvo on 120,0 km" in numeric
    assert "vähintään 117,5 km" in numeric
    assert "vähintään 107,5 km" in numeric
    rows = labelled_by(html, "numeric-heading").find(".//tbody")
    assert [text_of(tr) for tr in rows] == [
        "150,0\xa0km ✔ Saavutettu",
        "122,0\xa0km ➜ Etenee tavoitteen mukaisesti",
        "117,5\xa0km ➜ Etenee tavoitteen mukaisesti",
        "112,5\xa0km ! Riskissä",
        "102,5\xa0km ✖ Ei etene tavoitteen mukaisesti",
    ]


def test_its_example_has_one_value_in_every_band_whatever_the_constants(monkeypatch):
    monkeypatch.setattr(status, "ON_TRACK_SLACK", Decimal("0.15"))
    monkeypatch.setattr(status, "AT_RISK_SLACK", Decimal("0.4"))
    example = worked_example()
    assert [s for _, s in example["rows"]] == [
        status.Status.ACHIEVED,
        status.Status.ON_TRACK,
        status.Status.ON_TRACK,
        status.Status.AT_RISK,
        status.Status.OFF_TRACK,
    ]
    assert example["on_track_limit"] == Decimal("112.5")


def test_it_explains_hold_qualitative_override_and_charts(client, db):
    html = client.get("/lukuohje/").content.decode()
    assert "enintään 5\xa0% poikkeama on tavoitteen mukainen" in html
    assert "enintään 15\xa0% riskissä" in html
    assert "Laadulliset mittarit" in html
    assert "Kun tila on asetettu käsin" in html
    assert "Katkoviiva näyttää suunnitellun kehityksen" in html


def test_it_is_linked_from_every_page(client, db):
    html = client.get("/saavutettavuus/").content.decode()
    assert '<a href="/lukuohje/">Näin luet seurantaa</a>' in html
    assert 'href="/lukuohje/"' in html and 'href="/mittarit/"' in html


def test_it_explains_in_english(english, db):
    html = english.get("/lukuohje/").content.decode()
    assert "<h1>How to read these pages</h1>" in html
    assert "by at most 5\xa0% of the whole planned change" in html
    assert "by more than 25\xa0% of the whole planned change" in html
    assert "On track" in html
    assert "at least 117,5 km" in html  # Finnish number format in English too


def test_it_explains_each_status_basis_with_a_worked_example(client, db):
    html = client.get("/lukuohje/").content.decode()
    section = text_of(labelled_by(html, "basis-heading"))
    # The window's length comes from the vocabulary, the bands from the rule.
    assert "12 kuukautta tai 4 neljännestä" in section
    assert "enintään 5\xa0% suunnitellusta muutoksesta" in section
    rows = labelled_by(html, "basis-heading").findall(".//tbody")[-1]
    assert [text_of(tr) for tr in rows] == [
        "Viimeisin tulos 385 henkilöä 348 henkilöä ✖ Ei etene tavoitteen mukaisesti",
        "Vuoden keskiarvo 360 henkilöä 360 henkilöä ➜ Etenee tavoitteen mukaisesti",
        "Sama jakso vuotta aiemmin 385 henkilöä 386 henkilöä "
        "➜ Etenee tavoitteen mukaisesti",
    ]
    assert "arvioitu kullakin perusteella tuloksen 6/2026 jälkeen" in section


def test_its_basis_example_follows_the_rule(monkeypatch):
    # Wider bands: the same readings judge differently, and the page follows.
    assert dict(basis_example()["rows"])["latest"].status == status.Status.OFF_TRACK
    monkeypatch.setattr(status, "AT_RISK_SLACK", Decimal("0.5"))
    assert dict(basis_example()["rows"])["latest"].status == status.Status.AT_RISK
