"""/raportit/ and /raportit/<pk>/: the report on screen, in both languages."""

import re

from reports.document import build_document
from tests.conftest import CUTOFF


def _article(html: str) -> str:
    return re.search(r'<article class="report.*?</article>', html, re.S).group(0)


def test_it_shows_the_whole_report(client, published, recorded):
    html = client.get(f"/raportit/{published.pk}/").content.decode()
    article = _article(html)
    for text in [
        "Kemijärven kaupunki",
        "Kemijärven kaupunkistrategia 2024–2028",
        '<h1 id="report-title" class="cover-title">'
        "Väliraportti kaupunginvaltuustolle</h1>",
        "30.6.2025",  # cut-off date
        "15.9.2025",  # council meeting
        "Sisällys",
        'href="#painopistealue-1"',
        "Hyvä valtuusto, strategia etenee.",
        "Mittarien tila yhteenvetona",
        "Kylien kaupunki",
        "Keskeiset onnistumiset",
        "Vaikutukset",
        "Haasteet",
        "Kevyen liikenteen väylät",
        "100,0\xa0km (2023)",  # baseline
        "120,0\xa0km",  # value at the cut-off
        "150,0\xa0km (2028)",  # target
        "Etenee tavoitteen mukaisesti",
        "Kriittiset menestystekijät",
        "Näin tila määräytyy",
        "enintään 5\xa0%",  # ON_TRACK_SLACK from indicators/status.py
        "enintään 25\xa0%",  # AT_RISK_SLACK
        'id="mittari-',
    ]:
        assert text in article, text
    assert "Esimerkkiaineisto" not in html
    assert "Luonnos – ei julkaistu" not in article


def test_it_renders_the_narratives_written_before_publishing(
    client, mayors_office, report, recorded
):
    report.sections.filter(focus_area__number=1).update(
        successes="Väyliä rakennettiin **12 km**.\n\n<script>alert(1)</script>",
        impacts='<p onclick="alert(2)">Liikkuminen helpottui.</p>',
        challenges="- Kunnossapidon kustannukset\n- Talvi",
    )
    client.force_login(mayors_office)
    client.post(f"/raportit/{report.pk}/julkaise/", {"confirm": "on"})
    article = _article(client.get(f"/raportit/{report.pk}/").content.decode())
    assert "Väyliä rakennettiin <strong>12 km</strong>." in article
    assert "<li>Kunnossapidon kustannukset</li>" in article
    assert "Liikkuminen helpottui." in article
    assert "<script" not in article and "alert(" not in article
    assert "onclick" not in article


def test_it_shows_a_draft_as_a_preview(client, coordinator, report, recorded):
    client.force_login(coordinator)
    html = client.get(f"/raportit/{report.pk}/").content.decode()
    assert "Luonnos – ei julkaistu" in html
    assert "Esikatselu: luonnos näyttää mittarien tiedot" in html
    assert "Kevyen liikenteen väylät" in html


def test_it_tells_a_draft_what_the_cut_off_leaves_out(
    client, coordinator, report, recorded, recorder, make_reading
):
    make_reading(recorded, 2022, "90", user=recorder)  # recorded now
    client.force_login(coordinator)
    html = client.get(f"/raportit/{report.pk}/").content.decode()
    assert "vasta tilannepäivän jälkeen, on 1 kpl" in html


def test_it_tells_the_writer_which_links_were_dropped(
    client, mayors_office, make_report, english
):
    report = make_report(
        introduction="Lue [lisää](javascript:alert(1)) ja [kaupungilta](https://x.fi)."
    )
    section = report.sections.get(focus_area__number=2)
    section.challenges_en = "See [the file](file:///c:/raportti.docx)."
    section.save()
    client.post("/i18n/setlang/", {"language": "fi", "next": "/"})
    client.force_login(mayors_office)
    html = client.get(f"/raportit/{report.pk}/").content.decode()
    # The text stays, without the link; the preview says where and which.
    assert "Lue lisää ja" in html
    assert "<a rel=" not in html
    assert "Näistä linkeistä näkyy raportissa vain teksti" in html
    assert "<li>Johdanto: <q>lisää</q></li>" in html
    assert "<li>Painopistealue 2, haasteet (en): <q>the file</q></li>" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(f"/raportit/{report.pk}/").content.decode()
    assert "Of these links the report shows only the text, because the address" in html
    assert "<li>Introduction: <q>lisää</q></li>" in html
    assert "<li>Focus area 2, challenges (en): <q>the file</q></li>" in html


def test_it_names_no_dropped_links_when_there_are_none(client, mayors_office, report):
    client.force_login(mayors_office)
    html = client.get(f"/raportit/{report.pk}/").content.decode()
    assert "dropped-links" not in html


def test_it_never_shows_internal_indicators(
    client, make_report, mayors_office, make_indicator, recorder, make_reading, backdate
):
    internal = make_indicator(name="Salainen sisäinen mittari", is_public=False)
    backdate(internal)
    backdate(make_reading(internal, 2024, "5", user=recorder))
    report = make_report()
    client.force_login(mayors_office)
    assert "Salainen" not in client.get(f"/raportit/{report.pk}/").content.decode()


def test_it_has_no_demo_mark_without_demo_data(client, published):
    html = client.get(f"/raportit/{published.pk}/").content.decode()
    assert "Example data" not in html
    assert 'class="demo-banner"' not in html


def test_it_marks_a_report_with_demo_indicators(
    client, make_report, mayors_office, make_indicator, backdate
):
    demo = make_indicator(name="Esimerkkimittari", is_demo=True)
    backdate(demo)
    report = make_report()
    client.force_login(mayors_office)
    client.post(f"/raportit/{report.pk}/julkaise/", {"confirm": "on"})
    client.logout()
    html = client.get(f"/raportit/{report.pk}/").content.decode()
    cover = re.search(r'<section class="report-cover">.*?</section>', html, re.S)
    assert 'Esimerkkiaineisto</span> / <span lang="en">Example data' in cover.group(0)
    assert 'class="demo-banner"' in html  # and the site's banner


def test_it_shows_the_report_in_english(english, published):
    html = english.get(f"/raportit/{published.pk}/").content.decode()
    article = _article(html)
    assert '<html lang="en">' in html
    assert "Mid-term report to the city council" in article
    assert "City of Kemijärvi" in article
    assert "Contents" in article and "Key successes" in article
    assert "Cycle and footpaths" in article
    # The introduction has no English text: the Finnish one, marked as Finnish.
    assert '<div class="narrative" lang="fi">' in article
    assert "Hyvä valtuusto" in article


def test_it_lists_published_reports(client, published):
    html = client.get("/raportit/").content.decode()
    assert f'href="/raportit/{published.pk}/"' in html
    assert "Väliraportti kaupunginvaltuustolle" in html
    assert "30.6.2025" in html


def test_it_has_a_print_button_that_needs_no_script(client, published):
    html = client.get(f"/raportit/{published.pk}/").content.decode()
    assert f'href="/raportit/{published.pk}/pdf/"' in html
    assert "Tulosta tai lataa PDF" in html
    # The window.print() button appears only when the script runs.
    assert '<button type="button" class="btn" data-print hidden>' in html
    assert "onclick" not in html
    assert "/static/css/report.css" in html


def test_it_reads_a_published_report_in_few_queries(
    client, published, django_assert_max_num_queries
):
    # session-less anonymous visit: the report with its related rows, the
    # successor check, the current strategy of the header
    with django_assert_max_num_queries(4):
        assert client.get(f"/raportit/{published.pk}/").status_code == 200


def test_it_previews_a_draft_in_a_fixed_number_of_queries(
    client,
    coordinator,
    make_report,
    make_indicator,
    recorder,
    make_reading,
    backdate,
    django_assert_max_num_queries,
):
    for n in range(8):
        indicator = make_indicator(name=f"Mittari {n}")
        backdate(indicator)
        backdate(make_reading(indicator, 2024, n, user=recorder))
    report = make_report()
    client.force_login(coordinator)
    # session, user, groups, the report, its sections, the snapshot (17),
    # the current strategy of the header, the sections again for the links
    # dropped from their texts, the measures with their focus area and
    # department and the history of their updates (2)
    with django_assert_max_num_queries(26):
        assert client.get(f"/raportit/{report.pk}/").status_code == 200


def test_it_lists_reports_in_few_queries(
    client, published, make_report, django_assert_max_num_queries
):
    make_report(title="Toinen")
    # the published reports with their strategy and successor, the header's
    # current strategy
    with django_assert_max_num_queries(3):
        assert client.get("/raportit/").status_code == 200


def test_it_builds_the_document_without_a_request(published):
    doc = build_document(published)
    assert doc["cutoff"] == CUTOFF
    assert [a["number"] for a in doc["areas"]] == [1, 2, 3, 4]
    assert [i.definition.name.fi for i in doc["areas"][0]["indicators"]] == [
        "Kevyen liikenteen väylät"
    ]
