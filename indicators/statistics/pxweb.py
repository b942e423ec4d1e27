"""Statistics Finland's PxWeb files in JSON-stat2 (pxdata.stat.fi, StatFin).

A JSON-stat2 dataset lists its dimensions (``id``, ``size``, ``dimension``)
and its values as one flat list, the last dimension varying fastest. We read
the area dimension (role ``geo``, or the one coded like KU320/MK19/SSS), the
time dimension (role ``time``: 2024, 2024Q1 or 2024M01) and the figure
(role ``metric``, "Tiedot"); every other dimension must be narrowed to one
category in the service before saving (e.g. "Sukupuoli: Yhteensä").

A figure is preliminary when its time category says so ("2024*", or a label
with "ennakko"/"preliminary") or its status symbol does ("*").

Figures are named ``statfin:<table>:<figure code>``, e.g. ``statfin:11ra:vaesto``,
which is what an indicator's external id must say to receive them.
"""

import json
import re
from decimal import Decimal

from django.utils.translation import gettext as _

from .areas import Figure, StatisticsFileError

SOURCE = "Tilastokeskus, StatFin"
_AREA = re.compile(r"^(KU\d{3}|MK\d{2}|SSS)$")
_TIME = re.compile(r"^(\d{4})(?:([QM])(\d{1,2}))?\*?$")
PRELIMINARY_WORDS = ("*", "ennakko", "preliminary")


def _is_preliminary(*texts) -> bool:
    return any(
        word in str(text).lower()
        for text in texts
        if text
        for word in PRELIMINARY_WORDS
    )


def _categories(dimension: dict) -> tuple[list[str], dict[str, str]]:
    category = dimension.get("category") or {}
    index = category.get("index")
    labels = category.get("label") or {}
    if isinstance(index, dict):
        codes = sorted(index, key=index.get)
    elif isinstance(index, list):
        codes = list(index)
    else:
        codes = list(labels)
    return codes, labels


def _role(data: dict, role: str) -> str | None:
    names = (data.get("role") or {}).get(role) or []
    return names[0] if names else None


def _period(code: str) -> tuple[int, int]:
    match = _TIME.match(code.strip())
    if match is None:
        raise StatisticsFileError(
            _(
                "Tilastokeskuksen tiedoston ajankohtaa ”%(code)s” ei tunnistettu "
                "(vuosi, "
                "2024Q1 tai 2024M01)."
            )
            % {"code": code}
        )
    year, kind, part = match.groups()
    return int(year), int(part) if part else 0


def read_pxweb(content: bytes) -> list[Figure]:
    try:
        data = json.loads(content.decode("utf-8-sig"), parse_float=Decimal)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StatisticsFileError(
            _("Tilastokeskuksen tiedosto ei ole JSON-tiedosto: %(error)s")
            % {"error": exc}
        ) from None
    if not isinstance(data, dict) or data.get("class") != "dataset":
        raise StatisticsFileError(
            _(
                "Tilastokeskuksen tiedosto ei ole JSON-stat2-aineisto (class: "
                "dataset). "
                "Tallenna taulukko PxWebistä muodossa JSON-stat2."
            )
        )
    try:
        ids = list(data["id"])
        sizes = [int(s) for s in data["size"]]
        dimensions = {name: data["dimension"][name] for name in ids}
    except (KeyError, TypeError, ValueError):
        raise StatisticsFileError(
            _("JSON-stat2-aineistosta puuttuu id, size tai dimension.")
        ) from None
    table = str(
        ((data.get("extension") or {}).get("px") or {}).get("tableid", "")
    ).lower()
    if not table:
        raise StatisticsFileError(
            _("JSON-stat2-aineistosta puuttuu taulukon tunnus (extension.px.tableid).")
        )
    categories = {name: _categories(dimensions[name]) for name in ids}
    geo = _role(data, "geo") or next(
        (
            n
            for n in ids
            if categories[n][0] and all(_AREA.match(c) for c in categories[n][0])
        ),
        None,
    )
    time = _role(data, "time") or next(
        (
            n
            for n in ids
            if categories[n][0] and all(_TIME.match(c) for c in categories[n][0])
        ),
        None,
    )
    metric = _role(data, "metric")
    if geo is None or time is None:
        raise StatisticsFileError(
            _("JSON-stat2-aineistosta ei löytynyt alue- ja aikaulottuvuutta.")
        )
    for name, size in zip(ids, sizes, strict=True):
        if name not in (geo, time, metric) and size != 1:
            raise StatisticsFileError(
                _(
                    "Ulottuvuudesta ”%(name)s” on valittu %(size)s luokkaa; valitse "
                    "palvelussa yksi (esimerkiksi yhteensä) ja tallenna uudelleen."
                )
                % {"name": dimensions[name].get("label", name), "size": size}
            )
    values = data.get("value")
    statuses = data.get("status") or {}
    total = 1
    for size in sizes:
        total *= size
    figures = []
    for flat in range(total):
        value = (
            values.get(str(flat))
            if isinstance(values, dict)
            else (
                values[flat]
                if isinstance(values, list) and flat < len(values)
                else None
            )
        )
        if value is None:
            continue
        position, rest = {}, flat
        for name, size in reversed(list(zip(ids, sizes, strict=True))):
            position[name] = categories[name][0][rest % size]
            rest //= size
        area = position[geo]
        if not _AREA.match(area):
            continue
        time_code = position[time]
        year, part = _period(time_code)
        status = (
            statuses.get(str(flat))
            if isinstance(statuses, dict)
            else (
                statuses[flat]
                if isinstance(statuses, list) and flat < len(statuses)
                else statuses
            )
        )
        figure_code = position[metric].lower() if metric else ""
        figures.append(
            Figure(
                key=f"statfin:{table}:{figure_code}" if metric else f"statfin:{table}",
                area=area,
                area_name=str(categories[geo][1].get(area, area)),
                year=year,
                part=part,
                value=Decimal(str(value)),
                preliminary=_is_preliminary(
                    time_code, categories[time][1].get(time_code), status
                ),
            )
        )
    return figures
