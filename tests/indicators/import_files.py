"""Small import files built in code: CSV, XLSX, Sotkanet and PxWeb JSON-stat2."""

import io
import json

from django.core.files.uploadedfile import SimpleUploadedFile

from openpyxl import Workbook


def csv_bytes(rows, *, sep=";", encoding="utf-8", bom=False) -> bytes:
    text = "\r\n".join(sep.join(str(c) for c in row) for row in rows) + "\r\n"
    data = text.encode(encoding)
    return b"\xef\xbb\xbf" + data if bom else data


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


# Sotkanet: internal region ids → municipality codes (the regions file).
SOTKANET_REGIONS = [
    {
        "id": 833,
        "title": {"fi": "Kemijärvi", "en": "Kemijärvi"},
        "code": "320",
        "category": "KUNTA",
    },
    {"id": 906, "title": {"fi": "Rovaniemi"}, "code": "698", "category": "KUNTA"},
    {"id": 652, "title": {"fi": "Lappi"}, "code": "19", "category": "MAAKUNTA"},
    {"id": 658, "title": {"fi": "Koko maa"}, "code": "0", "category": "MAA"},
    {
        "id": 999,
        "title": {"fi": "Lapin sairaanhoitopiiri"},
        "code": "25",
        "category": "SAIRAANHOITOPIIRI",
    },
]


def sotkanet_bytes(indicator: int, values: dict) -> tuple[bytes, bytes]:
    """``values``: {region id: {year: value}}; a female row is added to show it
    is ignored."""
    rows = []
    for region, years in values.items():
        for year, value in years.items():
            rows.append(
                {
                    "indicator": indicator,
                    "region": region,
                    "year": year,
                    "gender": "total",
                    "value": value,
                }
            )
            rows.append(
                {
                    "indicator": indicator,
                    "region": region,
                    "year": year,
                    "gender": "female",
                    "value": 1,
                }
            )
    return json.dumps(rows).encode(), json.dumps(SOTKANET_REGIONS).encode()


def jsonstat_bytes(
    table: str,
    metric: str,
    areas: dict,
    years: list,
    values: list,
    *,
    statuses=None,
    year_labels=None,
) -> bytes:
    """A PxWeb JSON-stat2 dataset: areas × metric × years (the last fastest)."""
    data = {
        "version": "2.0",
        "class": "dataset",
        "label": "Väestö 31.12.",
        "source": "Tilastokeskus",
        "id": ["Alue", "Tiedot", "Vuosi"],
        "size": [len(areas), 1, len(years)],
        "role": {"time": ["Vuosi"], "metric": ["Tiedot"], "geo": ["Alue"]},
        "dimension": {
            "Alue": {
                "label": "Alue",
                "category": {
                    "index": {code: i for i, code in enumerate(areas)},
                    "label": areas,
                },
            },
            "Tiedot": {
                "label": "Tiedot",
                "category": {"index": {metric: 0}, "label": {metric: "Väkiluku"}},
            },
            "Vuosi": {
                "label": "Vuosi",
                "category": {
                    "index": {y: i for i, y in enumerate(years)},
                    "label": year_labels or {y: y for y in years},
                },
            },
        },
        "value": values,
        "extension": {"px": {"tableid": table, "decimals": 0}},
    }
    if statuses:
        data["status"] = statuses
    return json.dumps(data).encode()
