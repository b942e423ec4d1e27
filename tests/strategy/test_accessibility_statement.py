"""/saavutettavuus/: the accessibility statement that law 306/2019 requires."""

import datetime

import pytest

from strategy.accessibility import DEFAULTS
from strategy.models import AccessibilityStatement


def statement(client) -> str:
    r = client.get("/saavutettavuus/")
    assert r.status_code == 200
    return r.content.decode()


def test_it_has_every_part_the_law_asks_for(client, strategy):
    html = statement(client)
    # Compliance, shortcomings, how assessed, dates, feedback, the authority.
    assert "Palvelu täyttää saavutettavuusvaatimukset osittain." in html
    assert "Tunnetut puutteet" in html
    assert "Ylläpitosivut (/hallinta/)" in html
    assert "Miten saavutettavuus on arvioitu" in html
    assert '<time datetime="2026-12-03">3.12.2026</time>' in html
    assert "Seloste viimeksi tarkistettu" in html
    assert 'href="mailto:kirjaamo@kemijarvi.fi"' in html
    assert "Vastaamme 14 päivän kuluessa." in html
    assert "Liikenne- ja viestintävirasto Traficom" in html
    assert 'href="mailto:saavutettavuus@traficom.fi"' in html
    assert 'href="tel:0295345000">029 534 5000</a>' in html
    assert 'href="https://www.saavutettavuusvaatimukset.fi"' in html
    # Not yet confirmed by the city: the page says so.
    assert "kaupunki ei ole vielä tarkistanut ja vahvistanut" in html


def test_it_shows_what_the_admin_saved(client, strategy):
    AccessibilityStatement.objects.create(
        **{
            **DEFAULTS,
            "compliance": "full",
            "shortcomings": "",
            "reviewed_on": datetime.date(2027, 3, 1),
            "feedback_email": "saavutettavuus@esimerkki.invalid",
            "feedback_phone": "016 123 456",
        }
    )
    html = statement(client)
    assert "Palvelu täyttää saavutettavuusvaatimukset." in html
    assert "Tunnettuja puutteita ei ole." in html
    assert '<time datetime="2027-03-01">1.3.2027</time>' in html
    assert 'href="mailto:saavutettavuus@esimerkki.invalid"' in html
    assert 'href="tel:016123456">016 123 456</a>' in html
    assert "ei ole vielä tarkistanut" not in html


def test_it_is_in_english_with_the_citys_english_texts(english, strategy):
    html = statement(english)
    assert "The service partially meets the accessibility requirements." in html
    assert "Administration pages (/hallinta/)" in html
    assert "Finnish Transport and Communications Agency Traficom" in html
    assert "City of Kemijärvi registry office" in html


def test_it_marks_a_finnish_only_shortcoming_on_the_english_page(english, strategy):
    AccessibilityStatement.objects.create(
        **{**DEFAULTS, "shortcomings": "Kaavio puuttuu.", "shortcomings_en": ""}
    )
    html = statement(english)
    assert (
        '<p class="fi-only-note">In Finnish only</p>'
        '<div class="statement-text" lang="fi"><p>Kaavio puuttuu.</p></div>'
    ) in html


def test_every_page_links_it_from_the_footer(client, strategy):
    for path in ["/", "/painopistealueet/1/", "/mittarit/", "/kirjaudu/"]:
        html = client.get(path).content.decode()
        footer = html.split('<footer class="site-footer">')[1]
        assert 'href="/saavutettavuus/"' in footer, path


def test_the_admin_prefills_a_new_statement_and_allows_only_one(client, superuser):
    client.force_login(superuser)
    r = client.get("/hallinta/strategy/accessibilitystatement/add/")
    assert r.status_code == 200
    assert "Ylläpitosivut (/hallinta/)" in r.content.decode()
    data = {
        **{k: v for k, v in DEFAULTS.items() if not isinstance(v, datetime.date)},
        "prepared_on": "3.12.2026",
        "reviewed_on": "1.12.2026",
    }
    r = client.post("/hallinta/strategy/accessibilitystatement/add/", data)
    assert r.status_code == 200  # refused: reviewed before it was prepared
    assert "Tarkistuspäivä ei voi olla ennen laatimispäivää." in r.content.decode()
    assert not AccessibilityStatement.objects.exists()
    data["reviewed_on"] = "4.12.2026"
    r = client.post("/hallinta/strategy/accessibilitystatement/add/", data)
    assert r.status_code == 302
    saved = AccessibilityStatement.objects.get()
    assert saved.reviewed_on == datetime.date(2026, 12, 4)
    assert (
        client.get("/hallinta/strategy/accessibilitystatement/add/").status_code == 403
    )


@pytest.mark.parametrize("who", ["anonymous", "coordinator"])
def test_only_admins_edit_it(client, request, who):
    if who != "anonymous":
        user = request.getfixturevalue("staff_coordinator")
        client.force_login(user)
    r = client.get("/hallinta/strategy/accessibilitystatement/add/")
    assert r.status_code in (302, 403)
