"""/raportit/uusi/ and /raportit/<pk>/muokkaa/: the mayor's office writes."""

import datetime

from reports.models import MidtermReport


def _report_data(**fields) -> dict:
    data = {
        "title": "Väliraportti 2026",
        "title_en": "",
        "cutoff_date": "30.6.2025",
        "council_meeting_date": "15.9.2025",
        "introduction": "Hyvä valtuusto,\n\nstrategia etenee.",
        "introduction_en": "",
    }
    data.update(fields)
    return data


def test_it_offers_a_prefilled_form(client, mayors_office, strategy):
    client.force_login(mayors_office)
    html = client.get("/raportit/uusi/").content.decode()
    assert 'value="Kaupunkistrategian väliraportti kaupunginvaltuustolle"' in html
    assert 'type="date" name="cutoff_date"' in html
    assert "Englanninkielinen käännös (valinnainen)" in html


def test_it_creates_a_draft_with_a_section_per_focus_area(
    client, mayors_office, strategy
):
    client.force_login(mayors_office)
    r = client.post("/raportit/uusi/", _report_data())
    report = MidtermReport.objects.get()
    assert r.status_code == 302
    assert r["Location"] == f"/raportit/{report.pk}/muokkaa/"
    assert report.strategy == strategy
    assert report.title == "Väliraportti 2026"
    assert report.cutoff_date == datetime.date(2025, 6, 30)
    assert report.council_meeting_date == datetime.date(2025, 9, 15)
    assert report.status == "draft" and report.edition == 1
    numbers = report.sections.values_list("focus_area__number", flat=True)
    assert list(numbers) == [1, 2, 3, 4]


def test_it_accepts_an_iso_date_from_a_date_picker(client, mayors_office, strategy):
    client.force_login(mayors_office)
    client.post("/raportit/uusi/", _report_data(cutoff_date="2025-06-30"))
    assert MidtermReport.objects.get().cutoff_date == datetime.date(2025, 6, 30)


def test_it_refuses_a_cut_off_outside_the_strategy_period(
    client, mayors_office, strategy
):
    client.force_login(mayors_office)
    r = client.post("/raportit/uusi/", _report_data(cutoff_date="31.12.2023"))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Tilannepäivän on oltava strategiakaudella 2024–2028." in html
    assert 'value="Väliraportti 2026"' in html  # the rest of the input is kept
    assert not MidtermReport.objects.exists()


def test_it_refuses_a_council_meeting_before_the_cut_off(
    client, mayors_office, strategy
):
    client.force_login(mayors_office)
    r = client.post("/raportit/uusi/", _report_data(council_meeting_date="1.6.2025"))
    assert "Valtuuston kokous ei voi olla ennen tilannepäivää." in r.content.decode()
    assert not MidtermReport.objects.exists()


def test_it_refuses_a_missing_title_and_date(client, mayors_office, strategy):
    client.force_login(mayors_office)
    r = client.post("/raportit/uusi/", _report_data(title="", cutoff_date=""))
    # Beside each of the two fields, and again in the error summary.
    assert r.content.decode().count("Tämä kenttä vaaditaan.") == 4
    assert not MidtermReport.objects.exists()


def test_it_saves_the_report_and_every_focus_area(client, mayors_office, report):
    client.force_login(mayors_office)
    data = _report_data(title="Uusi otsikko", title_en="New title")
    data["lock_version"] = report.lock_version
    for number in (1, 2, 3, 4):
        prefix = f"alue-{number}"
        data.update(
            {
                f"{prefix}-successes": f"Onnistuimme alueella {number}.",
                f"{prefix}-impacts": "Vaikutuksia.",
                f"{prefix}-challenges": "- Haaste",
                f"{prefix}-successes_en": f"We succeeded in area {number}.",
                f"{prefix}-impacts_en": "",
                f"{prefix}-challenges_en": "",
            }
        )
    r = client.post(f"/raportit/{report.pk}/muokkaa/", data)
    assert r.status_code == 302
    assert r["Location"] == f"/raportit/{report.pk}/"
    report.refresh_from_db()
    assert report.title == "Uusi otsikko" and report.title_en == "New title"
    section = report.sections.get(focus_area__number=3)
    assert section.successes == "Onnistuimme alueella 3."
    assert section.successes_en == "We succeeded in area 3."
    assert section.challenges == "- Haaste"
    # Drafts keep their history.
    assert report.history.count() == 2
    assert section.history.first().history_user == mayors_office


def test_it_saves_nothing_when_one_part_is_invalid(client, mayors_office, report):
    client.force_login(mayors_office)
    data = _report_data(cutoff_date="1.1.2030")
    data["lock_version"] = report.lock_version
    data["alue-1-successes"] = "Tämä ei tallennu."
    r = client.post(f"/raportit/{report.pk}/muokkaa/", data)
    assert r.status_code == 200
    html = r.content.decode()
    assert "Tilannepäivän on oltava strategiakaudella" in html
    assert "Tämä ei tallennu." in html  # kept in the form
    report.refresh_from_db()
    assert report.sections.get(focus_area__number=1).successes == ""


def test_it_shows_the_focus_areas_in_the_form(client, mayors_office, report):
    client.force_login(mayors_office)
    html = client.get(f"/raportit/{report.pk}/muokkaa/").content.decode()
    assert "Painopistealue 1: Kylien kaupunki" in html
    assert 'name="alue-4-challenges"' in html
    assert 'name="alue-4-challenges_en"' in html
