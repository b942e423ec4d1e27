"""Every reading goes with the report: the CSV attached to its PDF, and the
CSV and XLSX downloads of its page, all from the frozen data."""

import csv
import io
from decimal import Decimal

from django.conf import settings

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from indicators.models import Reading
from reports import freeze
from tests.conftest import AFTER

CSV_NAME = (
    "kemijarven-kaupunki-valiraportti-kaupunginvaltuustolle-lukemat-2025-06-30-v1.csv"
)


def _frozen_readings(report) -> list[tuple]:
    """(indicator id, year, part, value) of every frozen reading."""
    return [
        (ind["definition"]["id"], r[1], r[2], r[3])
        for ind in report.frozen["indicators"]
        for r in ind["readings"]
    ]


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for "ä"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def _as_frozen(rows: list[list[str]]) -> list[tuple]:
    return [
        (int(r[0]), int(r[5]), int(r[6]), str(Decimal(r[7].replace(",", "."))))
        for r in rows[1:]
    ]


def _same(frozen: list[tuple], found: list[tuple]) -> None:
    def norm(rows):
        return sorted((i, y, p, Decimal(v)) for i, y, p, v in rows)

    assert norm(found) == norm(frozen)


def test_it_attaches_every_frozen_reading_to_the_pdf(client, published, make_files):
    make_files(published)
    r = client.get(f"/raportit/{published.pk}/pdf/")
    reader = PdfReader(io.BytesIO(r.content))
    assert list(reader.attachments) == [CSV_NAME]
    [data] = reader.attachments[CSV_NAME]
    rows = _csv_rows(data)
    assert rows[0][:8] == [
        "mittari_id",
        "mittari",
        "yksikkö",
        "tyyppi",
        "jakso",
        "vuosi",
        "jakson_numero",
        "lukema",
    ]
    assert len(rows) == 1 + 2  # the header, 2023 and 2024
    assert rows[1][1:8] == [
        "Kevyen liikenteen väylät",
        "km",
        "numeerinen",
        "2023",
        "2023",
        "0",
        "100",
    ]
    _same(_frozen_readings(published), _as_frozen(rows))
    # The appendix's text names the attachment, so readers know it is there.
    text = "".join(page.extract_text() for page in reader.pages[-2:])
    assert CSV_NAME in " ".join(text.split()).replace("- ", "-")


def test_it_keeps_the_data_frozen_after_publishing(
    client, published, indicator, recorder, make_reading
):
    make_reading(indicator, 2025, "130", user=recorder)  # after the freeze
    r = client.get(f"/raportit/{published.pk}/lukemat.csv")
    assert r.status_code == 200
    assert r["Content-Type"] == "text/csv; charset=utf-8"
    assert r["Content-Disposition"] == f'attachment; filename="{CSV_NAME}"'
    _same(_frozen_readings(published), _as_frozen(_csv_rows(r.content)))
    assert Reading.objects.filter(indicator=indicator).count() == 3


def test_it_downloads_the_same_rows_as_xlsx(client, published):
    r = client.get(f"/raportit/{published.pk}/lukemat.xlsx")
    assert r.status_code == 200
    assert r["Content-Disposition"].endswith('-v1.xlsx"')
    sheet = load_workbook(io.BytesIO(r.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "mittari_id"
    assert [(row[5], row[7]) for row in rows[1:]] == [(2023, 100), (2024, 120)]
    assert isinstance(rows[1][7], int | float)  # a number, not text


def test_it_gives_a_draft_its_data_only_for_those_who_see_drafts(
    client, report, mayors_office, councillor
):
    assert client.get(f"/raportit/{report.pk}/lukemat.csv").status_code == 404
    client.force_login(councillor)
    assert client.get(f"/raportit/{report.pk}/lukemat.csv").status_code == 404
    client.force_login(mayors_office)
    r = client.get(f"/raportit/{report.pk}/lukemat.csv")
    assert r.status_code == 200
    assert r["Content-Disposition"].endswith('-luonnos.csv"')


def test_it_refuses_an_unknown_file_type(client, published):
    assert client.get(f"/raportit/{published.pk}/lukemat.pdf").status_code == 404


def test_it_stores_the_appendix_rows_when_publishing(published):
    [(pk, rows)] = published.frozen["appendix"].items()
    assert [row[0] for row in rows] == [2023, 2024]
    # year, part, value, basis, basis value, planned, status
    assert rows[1][:7] == [
        2024,
        0,
        "120.0000",
        "latest",
        "120.0000",
        "115.0000",
        "on_track",
    ]


def test_it_upgrades_a_report_frozen_before_the_appendix_was_stored(published):
    stored = freeze.thaw(published.frozen)
    older = {k: v for k, v in published.frozen.items() if k != "appendix"}
    assert freeze.thaw(older).appendix == stored.appendix


@pytest.mark.parametrize("language", ["fi", "en"])
def test_it_names_the_columns_in_the_chosen_language(client, published, language):
    # The language button's choice (the browser's Accept-Language is not).
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    r = client.get(f"/raportit/{published.pk}/lukemat.csv")
    header = _csv_rows(r.content)[0]
    assert header[0] == {"fi": "mittari_id", "en": "indicator_id"}[language]


def test_it_leaves_out_readings_recorded_after_the_cutoff(
    client, report, mayors_office, indicator, recorder, make_reading, backdate
):
    late = make_reading(indicator, 2024, "120", user=recorder)
    backdate(late, AFTER)
    client.force_login(mayors_office)
    rows = _csv_rows(client.get(f"/raportit/{report.pk}/lukemat.csv").content)
    assert len(rows) == 1  # the header only
