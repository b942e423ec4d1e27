"""Downloads: one indicator's readings and all public data, as CSV and XLSX."""

import csv
import io
from decimal import Decimal

from django.utils import timezone

import openpyxl
import pytest

from indicators.models import AnnualTarget


def rows(response, delimiter=";") -> list[dict]:
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def workbook(response):
    return openpyxl.load_workbook(io.BytesIO(response.content))


@pytest.fixture
def footpaths(indicator, make_reading, recorder):
    """100 km (2023) → 150 km (2028); annual target 110 for 2024."""
    AnnualTarget.objects.create(indicator=indicator, year=2024, value=110)
    make_reading(indicator, 2023, "100", user=recorder)  # before the period
    make_reading(
        indicator,
        2024,
        "1234.5",
        user=recorder,
        narrative="Uusi väylä; ”lainausmerkit” ja puolipiste;",
        evidence="Katurekisteri",
    )
    make_reading(indicator, 2025, "118.25", user=recorder, preliminary=True)
    return indicator


def test_it_writes_a_finnish_csv_of_an_indicators_readings(client, footpaths):
    r = client.get(f"/mittarit/{footpaths.pk}/tulokset.csv")
    assert r.status_code == 200
    assert r["Content-Type"] == "text/csv; charset=utf-8"
    assert r["Content-Disposition"] == (
        f'attachment; filename="mittari-{footpaths.pk}-tulokset.csv"'
    )
    assert r["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert r.content.startswith("\ufeffmittari_id;mittari;".encode())
    assert b"\r\n" in r.content
    found = rows(r)
    assert [(x["jakso"], x["arvo"], x["suunnitelma"]) for x in found] == [
        ("2023", "100", "100"),
        ("2024", "1234,5", "110"),
        ("2025", "118,25", "120"),
    ]
    before, middle, latest = found
    # Before the strategy period: context, never judged.
    assert before["tila"] == "" and before["ennen_strategiakautta"] == "kyllä"
    assert middle["tila"] == "achieved"
    assert middle["tila_teksti"] == "saavutettu"
    assert middle["selitys"] == "Uusi väylä; ”lainausmerkit” ja puolipiste;"
    assert middle["lahde"] == "Katurekisteri"
    assert latest["ennakkotieto"] == "kyllä" and middle["ennakkotieto"] == "ei"
    assert latest["esimerkkiaineisto"] == "ei"
    assert latest["jakso_paattyy"] == "2025-12-31"
    assert latest["korjattu"] == ""


def test_it_dates_a_correction(client, footpaths, recorder):
    from indicators import services

    reading = footpaths.readings.get(year=2024)
    services.reading_correct(
        reading=reading, user=recorder, lock_version=1, fields={"value": 120}
    )
    found = rows(client.get(f"/mittarit/{footpaths.pk}/tulokset.csv"))
    assert found[1]["arvo"] == "120"
    assert found[1]["korjattu"] == timezone.localdate().isoformat()


def test_it_writes_the_international_csv_on_request(client, footpaths):
    r = client.get(f"/mittarit/{footpaths.pk}/tulokset.csv?muoto=kansainvalinen")
    assert r.status_code == 200
    assert r.content.startswith(b"mittari_id,mittari,")  # no BOM
    found = rows(r, delimiter=",")
    assert [(x["arvo"], x["suunnitelma"]) for x in found] == [
        ("100", "100"),
        ("1234.5", "110"),
        ("118.25", "120"),
    ]


def test_it_refuses_an_unknown_csv_format(client, footpaths):
    r = client.get(f"/mittarit/{footpaths.pk}/tulokset.csv?muoto=excel")
    assert r.status_code == 400
    assert "muoto=kansainvalinen" in r.content.decode()
    assert client.get("/avoin-data/tulokset.csv?muoto=x").status_code == 400
    assert client.get("/avoin-data/mittarit.csv?muoto=x").status_code == 400


def test_it_rounds_a_planned_value_as_the_site_does(
    client, make_indicator, make_reading, recorder
):
    # 100 (2022) → 150 (2025): the plan of 2024 is 133,333… and shows as 133,3.
    indicator = make_indicator(
        baseline_year=2022, target_year=2025, target_value=Decimal(150)
    )
    make_reading(indicator, 2024, "130", user=recorder)
    assert "133,3" in client.get(f"/mittarit/{indicator.pk}/").content.decode()
    [row] = rows(client.get(f"/mittarit/{indicator.pk}/tulokset.csv"))
    assert row["suunnitelma"] == "133,3"
    sheet = workbook(client.get(f"/mittarit/{indicator.pk}/tulokset.xlsx"))["Tulokset"]
    planned = sheet.cell(row=2, column=9)
    assert planned.value == pytest.approx(133.3)
    assert planned.number_format == "0.0"


def test_it_writes_an_indicators_readings_as_a_workbook(client, footpaths):
    r = client.get(f"/mittarit/{footpaths.pk}/tulokset.xlsx")
    assert r.status_code == 200
    assert r["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    book = workbook(r)
    assert book.sheetnames == ["Tulokset", "Mittarit", "Vuositavoitteet", "Lisenssi"]
    readings = list(book["Tulokset"].iter_rows(values_only=True))
    assert readings[0][:4] == ("mittari_id", "mittari", "yksikko", "jakso")
    values = [(row[3], row[7]) for row in readings[1:]]
    assert values == [("2023", 100), ("2024", 1234.5), ("2025", 118.25)]
    # Real numbers, shown with the digits they have.
    assert book["Tulokset"].cell(row=3, column=8).number_format == "0.0"
    assert book["Tulokset"].cell(row=4, column=8).number_format == "0.00"
    [definition] = list(book["Mittarit"].iter_rows(values_only=True))[1:]
    assert definition[1] == "Kevyen liikenteen väylät"
    assert list(book["Vuositavoitteet"].iter_rows(values_only=True))[1:] == [
        (footpaths.pk, "Kevyen liikenteen väylät", 2024, 110)
    ]
    licence = [c for row in book["Lisenssi"].iter_rows(values_only=True) for c in row]
    assert "CC BY 4.0" in licence
    assert "https://creativecommons.org/licenses/by/4.0/" in licence


def test_it_writes_qualitative_readings_with_their_assessment(
    client, qualitative_indicator, make_reading, recorder
):
    make_reading(
        qualitative_indicator,
        2025,
        user=recorder,
        qualitative_status="at_risk",
        narrative="Vähän tapahtumia.",
    )
    [row] = rows(client.get(f"/mittarit/{qualitative_indicator.pk}/tulokset.csv"))
    assert row["arvo"] == "" and row["suunnitelma"] == ""
    assert row["arvioitu_tila"] == "at_risk"
    assert row["tila"] == "at_risk"
    assert row["selitys"] == "Vähän tapahtumia."


def test_it_labels_the_status_in_english_for_english_visitors(english, footpaths):
    found = rows(english.get(f"/mittarit/{footpaths.pk}/tulokset.csv"))
    assert found[1]["tila"] == "achieved"
    assert found[1]["tila_teksti"] == "achieved"
    assert found[1]["ennakkotieto"] == "no"


def test_it_marks_example_data(client, make_indicator, make_reading, recorder):
    demo = make_indicator(is_demo=True)
    make_reading(demo, 2025, "5", user=recorder)
    [row] = rows(client.get(f"/mittarit/{demo.pk}/tulokset.csv"))
    assert row["esimerkkiaineisto"] == "kyllä"


@pytest.mark.parametrize("who", [None, "councillor", "coordinator", "superuser"])
@pytest.mark.parametrize("suffix", ["tulokset.csv", "tulokset.xlsx"])
def test_it_never_exports_an_internal_indicator_to_anyone(
    request, client, site, who, suffix
):
    if who:
        client.force_login(request.getfixturevalue(who))
    assert client.get(f"/mittarit/{site.internal.pk}/{suffix}").status_code == 404
    assert client.get(f"/mittarit/{site.footpaths.pk}/{suffix}").status_code == 200


def test_it_answers_404_for_an_unknown_indicator(client, strategy):
    assert client.get("/mittarit/999/tulokset.csv").status_code == 404
    assert client.get("/mittarit/999/tulokset.xlsx").status_code == 404


def test_it_refuses_writes(client, footpaths):
    assert client.post(f"/mittarit/{footpaths.pk}/tulokset.csv").status_code == 405
    assert client.post("/avoin-data/strategia-seuranta.xlsx").status_code == 405


@pytest.mark.parametrize("login", [False, True])
def test_it_exports_every_public_reading_and_nothing_internal(
    client, site, councillor, login
):
    if login:
        client.force_login(councillor)
    r = client.get("/avoin-data/tulokset.csv")
    assert r["Content-Disposition"] == 'attachment; filename="tulokset.csv"'
    found = rows(r)
    names = {row["mittari"] for row in found}
    assert names == {
        "Kevyen liikenteen väylät",
        "Työttömyysaste",
        "Kylätapahtumien monipuolisuus",
        "Energiankulutus",
        "Poistunut mittari",
    }
    assert str(site.internal.pk) not in {row["mittari_id"] for row in found}
    assert len(found) == 3 + 3 + 2 + 1 + 1
    text = r.content.decode("utf-8-sig")
    assert "Sisäinen" not in text and "Internal" not in text

    indicators = rows(client.get("/avoin-data/mittarit.csv"))
    assert len(indicators) == 5
    assert "Sisäinen LED-mittari" not in {row["nimi"] for row in indicators}
    unemployment = next(x for x in indicators if x["nimi"] == "Työttömyysaste")
    assert unemployment["viimeisin_jakso"] == "3/2025"
    assert unemployment["viimeisin_arvo"] == "12,4"
    assert unemployment["toimenpiteet"] == "2.2"
    assert unemployment["osoite"] == (
        f"http://testserver/mittarit/{site.unemployment.pk}/"
    )

    book = workbook(client.get("/avoin-data/strategia-seuranta.xlsx"))
    assert book.sheetnames == ["Mittarit", "Tulokset", "Vuositavoitteet", "Lisenssi"]
    assert book["Tulokset"].max_row == 1 + 10
    assert book["Mittarit"].max_row == 1 + 5
    every_cell = [
        c for ws in book for row in ws.iter_rows(values_only=True) for c in row
    ]
    assert "Sisäinen LED-mittari" not in every_cell


def test_it_exports_everything_in_a_fixed_number_of_queries(
    client, make_indicator, make_reading, recorder, django_assert_max_num_queries
):
    for i in range(15):
        indicator = make_indicator(name=f"M{i}")
        for year in (2024, 2025):
            make_reading(indicator, year, i, user=recorder)
    # strategy, indicators, readings, annual targets, measures with areas
    with django_assert_max_num_queries(5):
        assert len(rows(client.get("/avoin-data/tulokset.csv"))) == 30
    # the same for the workbook
    with django_assert_max_num_queries(5):
        assert client.get("/avoin-data/strategia-seuranta.xlsx").status_code == 200
