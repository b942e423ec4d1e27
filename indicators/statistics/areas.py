"""Areas in Statistics Finland's codes: KU320 (municipality 320), MK19
(region 19, Lapland), SSS (the whole country). No database here."""

from dataclasses import dataclass
from decimal import Decimal

WHOLE_COUNTRY = "SSS"


class StatisticsFileError(ValueError):
    """A statistics file cannot be read; the message says which and why."""


@dataclass(frozen=True)
class Figure:
    """One figure of a statistics file: an indicator's value for an area."""

    key: str  # what an indicator's external id names, e.g. "sotkanet:127"
    area: str  # KU320, MK19, SSS
    area_name: str
    year: int
    part: int
    value: Decimal
    preliminary: bool = False


def municipality(code: str) -> str:
    return f"KU{int(code):03d}"


def region(code: str) -> str:
    return f"MK{int(code):02d}"


def sotkanet_area(category: str, code: str) -> str | None:
    """The code of a Sotkanet region, or None for kinds we do not compare."""
    category = (category or "").upper()
    try:
        if category == "KUNTA":
            return municipality(code)
        if category == "MAAKUNTA":
            return region(code)
    except ValueError:
        return None
    if category == "MAA":
        return WHOLE_COUNTRY
    return None
