"""indicators/imports/parsing.py: CSV and XLSX files into rows of text."""

import pytest

from indicators.imports import parsing
from indicators.imports.parsing import ImportFileError, read_table

from .import_files import csv_bytes, xlsx_bytes

ROWS = [["mittari", "vuosi", "arvo", "selitys"], ["7", "2024", "5 612,5", "Väkiluku"]]


@pytest.mark.parametrize(
    ("sep", "encoding", "bom"),
    [
        (";", "utf-8", False),
        (";", "utf-8", True),
        (",", "utf-8", False),
        ("\t", "utf-8", False),
        (";", "cp1252", False),
    ],
)
def test_it_reads_csv_in_the_ways_excel_writes_it(sep, encoding, bom):
    rows = ROWS if sep != "," else [ROWS[0], ["7", "2024", '"5 612,5"', "Väkiluku"]]
    content = csv_bytes(rows, sep=sep, encoding=encoding, bom=bom)
    table = read_table("tulokset.csv", content)
    assert table.columns == ["mittari", "vuosi", "arvo", "selitys"]
    assert table.rows[0].number == 2
    assert table.rows[0].cells == {
        "mittari": "7",
        "vuosi": "2024",
        "arvo": "5 612,5",
        "selitys": "Väkiluku",
    }


def test_it_reads_xlsx_numbers_as_typed_text():
    content = xlsx_bytes(
        [
            ["Mittari", "Vuosi", "Arvo"],
            [7, 2024, 5612],
            [7, 2025.0, 12.5],
            [],
            [7, 2023, 0.1],
        ]
    )
    table = read_table("tulokset.xlsx", content)
    assert [row.cells["arvo"] for row in table.rows] == ["5612", "12.5", "0.1"]
    assert [row.cells["vuosi"] for row in table.rows] == ["2024", "2025", "2023"]
    assert [row.number for row in table.rows] == [2, 3, 5]


def test_it_accepts_english_headers():
    table = read_table(
        "x.csv", csv_bytes([["Indicator", "Year", "Value"], [1, 2024, 3]])
    )
    assert table.columns == ["mittari", "vuosi", "arvo"]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("x.csv", b"", "Tiedosto on tyhjä"),
        ("x.csv", b"\r\n ;;\r\n", "Tiedosto on tyhjä"),
        ("x.csv", b"mittari;vuosi;arvo\r\n", "ei yhtään tulosriviä"),
        ("x.csv", "mittari;vuosi;arvo\r\n1;2024;5".encode("utf-16"), "merkistöä"),
        (
            "x.csv",
            csv_bytes([["mittari", "vuosi", "määrä"], [1, 2024, 5]]),
            "Rivi 1, sarake 3: tuntematon sarake ”määrä”",
        ),
        ("x.csv", csv_bytes([["mittari", "arvo"], [1, 5]]), "puuttuu sarake ”vuosi”"),
        (
            "x.csv",
            csv_bytes([["mittari", "vuosi"], [1, 2024]]),
            "puuttuu sarake ”arvo”",
        ),
        (
            "x.csv",
            csv_bytes([["mittari", "vuosi", "arvo", "vuosi"], [1, 2024, 5, 1]]),
            "kahdesti",
        ),
        (
            "x.csv",
            csv_bytes([["mittari", "vuosi", "arvo"], [1, 2024, 5, 9]]),
            "Rivi 2: arvo ”9” on sarakkeessa, jolla ei ole otsikkoa",
        ),
        ("x.xlsx", b"PK\x03\x04 not a zip at all", "XLSX"),
        ("x.pdf", b"%PDF-1.7", "CSV- tai XLSX"),
    ],
)
def test_it_refuses_a_bad_file_naming_where(name, content, words):
    with pytest.raises(ImportFileError) as exc:
        read_table(name, content)
    assert words in exc.value.message


def test_it_refuses_a_file_over_the_size_limit(monkeypatch):
    monkeypatch.setattr(parsing, "MAX_FILE_BYTES", 100)
    content = csv_bytes([["mittari", "vuosi", "arvo"]] + [[1, 2024, 5]] * 20)
    with pytest.raises(ImportFileError) as exc:
        read_table("x.csv", content)
    assert "liian suuri" in exc.value.message
