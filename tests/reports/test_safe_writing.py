"""Safe writing: a preview of the text just typed, typed text never lost when
a save fails, and the checklist before publishing."""

import datetime

from indicators.models import Reading
from tests.conftest import AFTER
from tests.reports.test_report_edit import _report_data


def _edit_data(report, **fields) -> dict:
    data = _report_data(lock_version=report.lock_version, **fields)
    for number in range(1, 5):
        for name in ["successes", "impacts", "challenges"]:
            data.setdefault(f"alue-{number}-{name}", "")
            data.setdefault(f"alue-{number}-{name}_en", "")
    return data


def test_it_previews_the_text_just_typed_without_saving_it(
    client, mayors_office, report
):
    client.force_login(mayors_office)
    version = report.lock_version
    data = _edit_data(
        report,
        introduction="Juuri kirjoitettu johdanto.",
        **{"alue-2-impacts": "Vaikutus, jota ei ole tallennettu."},
        preview="1",
    )
    r = client.post(f"/raportit/{report.pk}/muokkaa/", data)
    assert r.status_code == 200
    html = r.content.decode()
    preview = html[html.index('class="unsaved-preview"') : html.index('id="muokkaus"')]
    assert "Esikatselu – tekstejä ei ole tallennettu" in preview
    assert "<p>Juuri kirjoitettu johdanto.</p>" in preview  # as the report shows it
    assert "<p>Vaikutus, jota ei ole tallennettu.</p>" in preview
    form = html[html.index('id="muokkaus"') :]
    assert "Vaikutus, jota ei ole tallennettu.</textarea>" in form  # kept
    report.refresh_from_db()
    assert report.introduction == "Hyvä valtuusto, strategia etenee."
    assert report.lock_version == version
    assert not report.sections.exclude(impacts="").exists()


def test_it_shows_errors_instead_of_a_preview_of_bad_input(
    client, mayors_office, report
):
    client.force_login(mayors_office)
    data = _edit_data(report, cutoff_date="31.12.2023", preview="1")
    r = client.post(f"/raportit/{report.pk}/muokkaa/", data)
    html = r.content.decode()
    assert "Tilannepäivän on oltava strategiakaudella 2024–2028." in html
    assert 'class="unsaved-preview"' not in html


def test_it_gives_the_text_back_when_the_session_has_ended(client, report):
    data = _edit_data(
        report, **{"alue-3-challenges": "Pitkä teksti, joka ei saa kadota."}
    )
    r = client.post(f"/raportit/{report.pk}/muokkaa/", data)
    assert r.status_code == 403
    html = r.content.decode()
    assert "Istunto on päättynyt" in html
    assert "Pitkä teksti, joka ei saa kadota.</textarea>" in html
    assert "Painopistealue 3: haasteet" in html
    assert f"/kirjaudu/?next=/raportit/{report.pk}/muokkaa/" in html
    report.refresh_from_db()
    assert not report.sections.exclude(challenges="").exists()


def test_it_sends_a_visitor_without_a_session_to_log_in(client, report):
    r = client.get(f"/raportit/{report.pk}/muokkaa/")
    assert r.status_code == 302
    assert r["Location"] == f"/kirjaudu/?next=/raportit/{report.pk}/muokkaa/"


def test_it_still_refuses_other_roles(client, councillor, report):
    client.force_login(councillor)
    assert client.post(f"/raportit/{report.pk}/muokkaa/", {}).status_code == 403


def test_the_checklist_names_what_to_check(
    client, mayors_office, make_report, recorded, recorder, make_reading, backdate
):
    report = make_report(council_meeting_date=datetime.date(2025, 9, 15))
    section = report.sections.get(focus_area__number=1)
    section.successes = "Kylätalot avattiin."
    section.save()
    late = make_reading(recorded, 2025, "130", user=recorder, part=0)
    backdate(late, AFTER)
    assert late.period_end <= datetime.date(2025, 12, 31)
    client.force_login(mayors_office)
    html = client.get(f"/raportit/{report.pk}/julkaise/").content.decode()
    checklist = html[html.index("Tarkista ennen julkaisemista") :]
    # Empty texts by place; the English title asks for English texts.
    empty = checklist[: checklist.index("englanninkielinen käännös")]
    assert "<li>Painopistealue 2: onnistumiset</li>" in empty
    assert "<li>Painopistealue 1: onnistumiset</li>" not in empty
    english = checklist[checklist.index("englanninkielinen käännös") :]
    assert "<li>Johdanto</li>" in english
    assert "<li>Painopistealue 1: onnistumiset</li>" in english
    # The meeting was before today's publishing.
    assert "Valtuuston kokous (15.9.2025) on ennen julkaisupäivää" in checklist
    assert "<li>Kevyen liikenteen väylät (2025)</li>" not in checklist  # not due
    assert Reading.objects.filter(pk=late.pk).exists()


def test_the_checklist_names_late_readings(
    client, mayors_office, report, indicator, recorder, make_reading, backdate
):
    backdate(indicator)
    late = make_reading(indicator, 2024, "120", user=recorder)
    backdate(late, AFTER)
    client.force_login(mayors_office)
    html = client.get(f"/raportit/{report.pk}/julkaise/").content.decode()
    assert "<li>Kevyen liikenteen väylät (2024)</li>" in html
    assert "kirjattu vasta tilannepäivän jälkeen" in html


def _queries(client, path, method="get", data=None) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path, data)
    assert response.status_code == 200
    return len(captured)


def test_the_publish_page_and_the_preview_keep_a_fixed_number_of_queries(
    client,
    mayors_office,
    report,
    make_indicator,
    recorder,
    make_reading,
    backdate,
    django_assert_max_num_queries,
):
    """The checklist and the unsaved preview load the indicators' history in
    the same queries whatever their number (indicators/as_of.py)."""
    client.force_login(mayors_office)
    counts = []
    for n in range(8):
        indicator = make_indicator(name=f"Mittari {n}")
        backdate(indicator)
        backdate(make_reading(indicator, 2024, n, user=recorder))
        if n in (1, 7):
            publish = _queries(client, f"/raportit/{report.pk}/julkaise/")
            preview = _queries(
                client,
                f"/raportit/{report.pk}/muokkaa/",
                "post",
                _edit_data(report, preview="1"),
            )
            counts.append((publish, preview))
    assert counts[0] == counts[1], counts
    # session, user, groups, the report, its sections (the checklist's places,
    # the content), the history as of the cut-off of indicators, targets and
    # readings with their links (about 15), the header's current strategy;
    # the measures' progress as of the cut-off (measures, their latest updates)
    # and the drafts rule of the history (3)
    with django_assert_max_num_queries(26):
        client.get(f"/raportit/{report.pk}/julkaise/")
    with django_assert_max_num_queries(25):
        client.post(f"/raportit/{report.pk}/muokkaa/", _edit_data(report, preview="1"))
