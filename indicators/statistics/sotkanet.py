"""THL Sotkanet's JSON: the indicator data list and the regions list.

The data file is what ``https://sotkanet.fi/rest/1.1/json?indicator=…``
returns: a list of rows with ``indicator``, ``region`` (Sotkanet's internal
region id), ``year``, ``gender`` and ``value``. The regions file
(``/rest/1.1/regions``) maps each internal id to its ``category`` (KUNTA,
MAAKUNTA, MAA …) and ``code`` (the municipality number, 320 for
Kemijärvi). Only the ``total`` gender is read. Sotkanet does not mark
preliminary figures; a row with ``"preliminary": true`` (added by hand) is
read as one.
"""

import json
from decimal import Decimal

from django.utils.translation import gettext as _

from .areas import Figure, StatisticsFileError, sotkanet_area

SOURCE = "THL Sotkanet"


def _json(content: bytes, what: str):
    try:
        return json.loads(content.decode("utf-8-sig"), parse_float=Decimal)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StatisticsFileError(
            _("%(what)s ei ole JSON-tiedosto: %(error)s") % {"what": what, "error": exc}
        ) from None


def read_regions(content: bytes) -> dict[int, tuple[str, str]]:
    """Sotkanet's region id → (area code, name), for the areas we compare."""
    data = _json(content, _("Sotkanetin aluetiedosto"))
    if not isinstance(data, list):
        raise StatisticsFileError(
            _("Sotkanetin aluetiedostossa on oltava luettelo alueista.")
        )
    regions = {}
    for index, item in enumerate(data, start=1):
        try:
            region_id = int(item["id"])
            title = item.get("title") or {}
            name = title.get("fi") if isinstance(title, dict) else str(title)
            area = sotkanet_area(item.get("category", ""), str(item.get("code", "")))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise StatisticsFileError(
                _(
                    "Sotkanetin aluetiedoston alue %(index)s: puuttuu id, code "
                    "tai category."
                )
                % {"index": index}
            ) from None
        if area:
            regions[region_id] = (area, name or area)
    if not regions:
        raise StatisticsFileError(
            _(
                "Sotkanetin aluetiedostossa ei ole yhtään kuntaa, maakuntaa tai "
                "koko maata."
            )
        )
    return regions


def read_sotkanet(data: bytes, regions: bytes) -> list[Figure]:
    areas = read_regions(regions)
    rows = _json(data, _("Sotkanetin datatiedosto"))
    if not isinstance(rows, list):
        raise StatisticsFileError(
            _("Sotkanetin datatiedostossa on oltava luettelo rivejä.")
        )
    figures = []
    for index, row in enumerate(rows, start=1):
        try:
            if str(row.get("gender", "total")) != "total":
                continue
            value = row.get("value")
            if value is None:
                continue  # no figure for this area and year (privacy, missing)
            area = areas.get(int(row["region"]))
            if area is None:
                continue  # a hospital district, a catchment area …
            figures.append(
                Figure(
                    key=f"sotkanet:{int(row['indicator'])}",
                    area=area[0],
                    area_name=area[1],
                    year=int(row["year"]),
                    part=0,
                    value=Decimal(str(value)),
                    preliminary=bool(row.get("preliminary", False)),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError):
            raise StatisticsFileError(
                _(
                    "Sotkanetin datatiedoston rivi %(index)s: tarvitaan indicator, "
                    "region, year ja value."
                )
                % {"index": index}
            ) from None
    return figures
