"""/tuonti/: upload a spreadsheet, preview every row, confirm; the template file."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from indicators.imports.preview import CORRECTION, ERROR, NEW, UNCHANGED
from indicators.models import Reading

from .import_files import csv_bytes, upload, xlsx_bytes

pytestmark = pytest.mark.usefixtures("on_2026_06_15")

HEADER = ["mittari", "vuosi", "arvo", "ennakkotieto", "selitys", "lähde"]


def _upload(client, name, content):
    return client.post("/tuonti/", {"file": upload(name, content)})


def _preview(client, name, content):
    r = _upload(client, name, content)
    assert r.status_code == 302, r.content.decode()[:3000]
    assert r["Location"] == "/tuonti/esikatselu/"
    return client.get("/tuonti/esikatselu/")


def _confirm(client, page):
    token = page.context["token"]
    return client.post("/tuonti/esikatselu/", {"token": token})


def test_it_needs_a_login(client):
    r = client.get("/tuonti/")
    assert r.status_code == 302
    assert r["Location"].startswith("/kirjaudu/")
    assert client.post("/tuonti/esikatselu/").status_code == 302


def test_it_refuses_users_who_record_nothing(client, councillor, mayors_office):
    for user in (councillor, mayors_office):
        client.force_login(user)
        assert client.get("/tuonti/").status_code == 403
        assert client.get("/tuonti/pohja.csv").status_code == 403
        assert client.post("/tuonti/", {}).status_code == 403


def test_it_shows_the_upload_form_to_staff_without_statistics(client, recorder):
    client.force_login(recorder)
    r = client.get("/tuonti/")
    assert r.status_code == 200
    html = r.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "/tuonti/pohja.xlsx" in html
    assert "Tilastotiedosto" not in html  # coordinators only


def test_it_previews_then_saves_new_rows_and_corrections(
    client, recorder, indicator, make_reading
):
    make_reading(indicator, 2024, "108", user=recorder)
    make_reading(indicator, 2025, "120", user=recorder)
    client.force_login(recorder)
    content = csv_bytes(
        [
            HEADER,
            [indicator.pk, 2024, "108,0", "", "", ""],
            [indicator.pk, 2025, "121,5", "", "", "Katurekisteri"],
            [indicator.pk, 2026, "130", "x", "", ""],
        ]
    )
    page = _preview(client, "väylät.csv", content)
    assert page.status_code == 200
    rows = page.context["preview"].rows
    assert [row.action for row in rows] == [UNCHANGED, CORRECTION, NEW]
    html = page.content.decode()
    assert "Vahvista ja tallenna" in html
    assert "oli 120" in html
    # Nothing is saved by the preview.
    assert Reading.objects.filter(indicator=indicator).count() == 2

    r = _confirm(client, page)
    assert r.status_code == 302
    readings = {r.year: r for r in Reading.objects.valid().filter(indicator=indicator)}
    assert readings[2025].value == Decimal("121.5")
    assert readings[2025].evidence == "Katurekisteri"
    assert readings[2025].corrected_at is not None
    assert readings[2026].value == Decimal("130")
    assert readings[2026].preliminary is True
    assert readings[2026].created_by == recorder
    record = readings[2026].history.latest()
    assert record.history_user == recorder
    assert record.history_change_reason == (
        "Tuonti tiedostosta väylät.csv; vahvisti Kirjaaja"
    )
    assert (
        readings[2025]
        .history.latest()
        .history_change_reason.startswith("Tuonti tiedostosta väylät.csv")
    )
    assert readings[2024].history.count() == 1  # unchanged: not touched
    html = client.get("/tuonti/").content.decode()
    assert "1 uutta tulosta, 1 korjausta, 1 ennallaan" in html
    # The history on the indicator page says where the readings came from.
    html = client.get(f"/mittarit/{indicator.pk}/").content.decode()
    assert "Tuonti tiedostosta väylät.csv; vahvisti Kirjaaja" in html


def test_a_second_run_of_the_same_file_changes_nothing(client, recorder, indicator):
    client.force_login(recorder)
    content = csv_bytes([HEADER, [indicator.pk, 2025, "130", "", "", ""]])
    _confirm(client, _preview(client, "a.csv", content))
    page = _preview(client, "a.csv", content)
    assert [row.action for row in page.context["preview"].rows] == [UNCHANGED]
    _confirm(client, page)
    reading = Reading.objects.get(indicator=indicator)
    assert reading.history.count() == 1


def test_it_reads_a_finnish_excel_file(client, recorder, indicator):
    client.force_login(recorder)
    content = xlsx_bytes([["Mittari", "Vuosi", "Arvo"], [indicator.pk, 2025, 130.5]])
    page = _preview(client, "väylät.xlsx", content)
    _confirm(client, page)
    assert Reading.objects.get(indicator=indicator).value == Decimal("130.5")


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (["{pk}", "2025", "kymmenen"], "arvo", "Anna luku numeroina"),
        (["{pk}", "2025", "12,55"], "arvo", "enintään 1 desimaali"),
        (["{pk}", "2025", ""], "arvo", "Anna tulos lukuna"),
        (["{pk}", "2027", "130"], "vuosi", "ei ole vielä alkanut"),
        (["{pk}", "1990", "130"], "vuosi", "Vuoden on oltava"),
        (["{pk}", "vuosi", "130"], "vuosi", "Anna vuosi numeroina"),
        (["99999", "2025", "130"], "mittari", "Mittaria 99999 ei ole"),
        (["abc", "2025", "130"], "mittari", "ei ole luku"),
        (["{pk}", "2025", "80"], "selitys", "Kirjoita lyhyt selitys"),
    ],
)
def test_it_refuses_bad_rows_naming_row_and_column(
    client, recorder, indicator, row, column, words
):
    client.force_login(recorder)
    cells = [c.format(pk=indicator.pk) for c in row]
    page = _preview(client, "x.csv", csv_bytes([["mittari", "vuosi", "arvo"], cells]))
    result = page.context["preview"].rows[0]
    assert result.action == ERROR
    assert any(c == column and words in m for c, m in result.errors), result.errors
    html = page.content.decode()
    assert f"Rivi 2, sarake {column}:" in html
    assert "Vahvista ja tallenna" not in html
    # A confirmation posted all the same saves nothing.
    r = _confirm(client, page)
    assert r.status_code == 400
    assert not Reading.objects.exists()


def test_one_bad_row_saves_nothing(client, recorder, indicator):
    client.force_login(recorder)
    content = csv_bytes(
        [
            ["mittari", "vuosi", "arvo"],
            [indicator.pk, 2024, "110"],
            [indicator.pk, 2025, "x"],
        ]
    )
    page = _preview(client, "x.csv", content)
    assert [row.action for row in page.context["preview"].rows] == [NEW, ERROR]
    assert _confirm(client, page).status_code == 400
    assert not Reading.objects.exists()


def test_the_explanation_may_come_in_its_own_column(client, recorder, indicator):
    client.force_login(recorder)
    content = csv_bytes(
        [
            ["mittari", "vuosi", "arvo", "selitys"],
            [indicator.pk, 2025, "80", "Kaksi hanketta siirtyi."],
        ]
    )
    _confirm(client, _preview(client, "x.csv", content))
    assert Reading.objects.get().narrative == "Kaksi hanketta siirtyi."


def test_it_refuses_a_duplicate_period_in_the_file(client, recorder, indicator):
    client.force_login(recorder)
    content = csv_bytes(
        [
            ["mittari", "vuosi", "arvo"],
            [indicator.pk, 2025, "130"],
            [indicator.pk, 2025, "131"],
        ]
    )
    result = _preview(client, "x.csv", content).context["preview"].rows[1]
    assert result.errors == [("vuosi", "Jakso 2025 on tiedostossa jo rivillä 2.")]


def test_it_refuses_someone_elses_indicator(client, other_recorder, indicator):
    client.force_login(other_recorder)
    content = csv_bytes([["mittari", "vuosi", "arvo"], [indicator.pk, 2025, "130"]])
    page = _preview(client, "x.csv", content)
    column, message = page.context["preview"].rows[0].errors[0]
    assert column == "mittari"
    assert "Et voi kirjata" in message
    assert _confirm(client, page).status_code == 400
    assert not Reading.objects.exists()


def test_a_coordinator_imports_for_any_department(client, coordinator, indicator):
    client.force_login(coordinator)
    content = csv_bytes([["mittari", "vuosi", "arvo"], [indicator.pk, 2025, "130"]])
    _confirm(client, _preview(client, "x.csv", content))
    assert Reading.objects.get().created_by == coordinator


def test_it_reads_quarters_and_qualitative_assessments(
    client, recorder, make_indicator, qualitative_indicator
):
    quarterly = make_indicator(frequency="quarterly")
    client.force_login(recorder)
    content = csv_bytes(
        [
            ["mittari", "vuosi", "jakso", "arvo", "tila", "selitys"],
            [quarterly.pk, 2025, "3", "120", "", ""],
            [quarterly.pk, 2025, "5", "120", "", ""],
            [
                qualitative_indicator.pk,
                2025,
                "",
                "",
                "Etenee tavoitteen mukaisesti",
                "Kylätapahtumia oli kaikissa kylissä.",
            ],
        ]
    )
    rows = _preview(client, "x.csv", content).context["preview"].rows
    assert rows[0].action == NEW and rows[0].period.part == 3
    assert rows[1].errors == [("jakso", "Anna neljännes 1–4.")]
    assert rows[2].action == NEW, rows[2].errors
    assert rows[2].fields["qualitative_status"] == "on_track"


def test_the_file_errors_are_shown_next_to_the_field(client, recorder):
    client.force_login(recorder)
    r = _upload(
        client, "x.csv", csv_bytes([["mittari", "vuosi", "määrä"], [1, 2024, 5]])
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert "tuntematon sarake ”määrä”" in html
    assert 'aria-invalid="true"' in html or "is-invalid" in html
    r = client.post("/tuonti/", {})
    assert "Valitse tuotava tiedosto." in r.content.decode()


def test_a_confirmation_of_another_upload_is_refused(client, recorder, indicator):
    client.force_login(recorder)
    first = _preview(
        client,
        "a.csv",
        csv_bytes([["mittari", "vuosi", "arvo"], [indicator.pk, 2025, "130"]]),
    )
    _preview(
        client,
        "b.csv",
        csv_bytes([["mittari", "vuosi", "arvo"], [indicator.pk, 2025, "140"]]),
    )
    r = _confirm(client, first)
    assert r.status_code == 409
    assert not Reading.objects.exists()


def test_a_reading_saved_in_between_aborts_everything(
    client, recorder, indicator, make_reading
):
    client.force_login(recorder)
    content = csv_bytes(
        [
            ["mittari", "vuosi", "arvo"],
            [indicator.pk, 2024, "110"],
            [indicator.pk, 2025, "130"],
        ]
    )
    page = _preview(client, "x.csv", content)
    make_reading(indicator, 2025, "125", user=recorder)  # someone else, just now
    r = _confirm(client, page)
    assert r.status_code == 409
    assert "ei ole enää voimassa" in r.content.decode()
    assert Reading.objects.filter(indicator=indicator, year=2024).count() == 0
    # The preview, made again, shows the change: a correction instead.
    rows = r.context["preview"].rows
    assert [row.action for row in rows] == [NEW, CORRECTION]


def test_the_template_lists_my_indicators_and_their_next_periods(
    client, recorder, indicator, make_indicator, education, make_reading
):
    make_reading(indicator, 2024, "110", user=recorder)
    make_indicator(name="Toisen toimialan mittari", department=education)
    client.force_login(recorder)
    r = client.get("/tuonti/pohja.csv")
    assert r.status_code == 200
    assert r.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "mittari",
        "nimi",
        "yksikkö",
        "vuosi",
        "jakso",
        "arvo",
        "ennakkotieto",
        "tila",
        "selitys",
        "lähde",
        "vahvistus",
    ]
    assert rows[1:] == [
        [str(indicator.pk), indicator.name, "km", "2025", "", "", "", "", "", "", ""]
    ]
    r = client.get("/tuonti/pohja.xlsx")
    sheet = load_workbook(io.BytesIO(r.content)).active
    assert [c.value for c in sheet[2]][:4] == [indicator.pk, indicator.name, "km", 2025]


def test_the_filled_template_imports_as_it_is(client, recorder, indicator):
    client.force_login(recorder)
    text = client.get("/tuonti/pohja.csv").content.decode("utf-8-sig")
    filled = text.replace("km;2024;;", "km;2024;;112,5", 1).encode("utf-8-sig")
    page = _preview(client, "pohja.csv", filled)
    assert [row.action for row in page.context["preview"].rows] == [NEW]
    _confirm(client, page)
    assert Reading.objects.get().value == Decimal("112.5")


def test_it_refuses_an_upload_over_the_size_limit(client, recorder, monkeypatch):
    import indicators.import_views

    monkeypatch.setattr(indicators.import_views, "MAX_FILE_BYTES", 1024 * 1024)
    client.force_login(recorder)
    content = b"mittari;vuosi;arvo\r\n" + b"1;2025;1\r\n" * 120_000
    r = _upload(client, "iso.csv", content)
    assert r.status_code == 400
    assert "Tiedosto on liian suuri (yli 1 megatavua)." in r.content.decode()
    assert "indicators_import" not in client.session


def test_a_value_far_from_the_previous_needs_the_confirm_column(
    client, recorder, indicator, make_reading
):
    make_reading(indicator, 2024, "120", user=recorder)
    client.force_login(recorder)
    rows = [["mittari", "vuosi", "arvo", "selitys"], [indicator.pk, 2025, "2000", ""]]
    result = _preview(client, "x.csv", csv_bytes(rows)).context["preview"].rows[0]
    assert result.action == ERROR
    column, message = result.errors[0]
    assert column == "arvo"
    assert "sarakkeeseen ”vahvistus” x" in message
    rows = [
        ["mittari", "vuosi", "arvo", "vahvistus"],
        [indicator.pk, 2025, "2000", "x"],
    ]
    page = _preview(client, "x.csv", csv_bytes(rows))
    assert [row.action for row in page.context["preview"].rows] == [NEW]
    _confirm(client, page)
    reading = Reading.objects.get(indicator=indicator, year=2025)
    reason = reading.history.latest().history_change_reason
    assert reason.startswith("Tuonti tiedostosta x.csv; vahvisti Kirjaaja ")
    assert len(reason) > len("Tuonti tiedostosta x.csv; vahvisti Kirjaaja ")


def test_a_failed_upload_gets_the_error_summary_and_title(client, recorder):
    # Issue 13: every staff form, the import's included, leads with a summary.
    client.force_login(recorder)
    r = client.post("/tuonti/", {})
    assert r.status_code == 400
    html = r.content.decode()
    assert "<title>Virhe: Tuo tuloksia tiedostosta" in html
    assert 'class="error-summary"' in html
    assert not Reading.objects.exists()


def test_numbers_of_thousands_of_digits_are_row_errors(client, recorder, indicator):
    # Found by tests/fuzz/: int() fails past 4 300 digits (a server error).
    client.force_login(recorder)
    content = csv_bytes(
        [
            ["mittari", "vuosi", "arvo"],
            ["9" * 5000, "2025", "1"],
            [indicator.pk, "1" * 5000, "1"],
        ]
    )
    page = _preview(client, "tulokset.csv", content)
    assert page.status_code == 200
    assert [row.action for row in page.context["preview"].rows] == [ERROR, ERROR]
    html = page.content.decode()
    assert "ei ole luku" in html
    assert "Anna vuosi numeroina, esimerkiksi 2025." in html
    assert not Reading.objects.exists()
