"""A small set of indicators in every state, for the progress page tests."""

import re
from dataclasses import dataclass
from decimal import Decimal

from indicators.models import AnnualTarget, Indicator
from strategy.models import Measure, SuccessFactor


def measure(code: str) -> Measure:
    number, order = code.split(".")
    return Measure.objects.get(focus_area__number=number, order=order)


@dataclass
class Site:
    footpaths: Indicator  # numeric, yearly, at risk in 2025; area 1; factor 1
    unemployment: Indicator  # numeric, monthly, lower is better; area 2
    events: Indicator  # qualitative, on track; area 1; factors 1 and 3
    energy: Indicator  # numeric, achieved; area 4
    internal: Indicator  # not public; area 1; factor 1
    retired: Indicator  # no longer active; area 1


def build(make_indicator, make_reading, user) -> Site:
    factors = list(SuccessFactor.objects.order_by("order"))

    footpaths = make_indicator(
        source_url="https://www.example.fi/katurekisteri",
        external_id="KR-12",
        data_source_en="Street register of the city",
    )
    footpaths.success_factors.set([factors[0]])
    AnnualTarget.objects.create(indicator=footpaths, year=2024, value=110)
    AnnualTarget.objects.create(indicator=footpaths, year=2025, value=118)
    make_reading(footpaths, 2023, "100", user=user)
    make_reading(footpaths, 2024, "108.5", user=user, evidence="Katurekisteri 2024")
    make_reading(
        footpaths,
        2025,
        "112",
        user=user,
        narrative="Kaksi hanketta siirtyi vuodelle 2026.",
        evidence="Katurekisteri 2025",
    )

    unemployment = make_indicator(
        name="Työttömyysaste",
        name_en="Unemployment rate",
        description="Työttömien osuus työvoimasta.",
        unit="%",
        unit_en="%",
        direction="decrease",
        baseline_value=Decimal("14.0"),
        target_value=Decimal("10.0"),
        frequency="monthly",
        data_source="Tilastokeskus",
        measures=[measure("2.2")],
    )
    for month, value in enumerate([12.9, 12.6, 12.4], start=1):
        make_reading(unemployment, 2025, value, user=user, part=month)

    events = make_indicator(
        name="Kylätapahtumien monipuolisuus",
        name_en="Variety of village events",
        kind="qualitative",
        unit="",
        decimals=0,
        baseline_value=None,
        baseline_year=None,
        target_value=None,
        target_year=None,
        data_source="Kyläyhdistysten kysely",
        measures=[measure("1.1")],
    )
    events.success_factors.set([factors[0], factors[2]])
    make_reading(
        events,
        2024,
        user=user,
        qualitative_status="at_risk",
        narrative="Ensimmäinen arvio: tapahtumia oli vähän.",
    )
    make_reading(
        events,
        2025,
        user=user,
        qualitative_status="on_track",
        narrative="Kylissä järjestettiin 42 tapahtumaa, joista kymmenen oli uusia.\n\n"
        "Talvikausi jäi ohueksi.",
    )

    energy = make_indicator(
        name="Energiankulutus",
        name_en="Energy use",
        unit="MWh",
        decimals=0,
        direction="decrease",
        data_source="Energiaseuranta",
        baseline_value=Decimal(21000),
        target_value=Decimal(18000),
        measures=[measure("4.1")],
    )
    make_reading(energy, 2025, "17900", user=user)

    internal = make_indicator(
        name="Sisäinen LED-mittari",
        name_en="Internal LED indicator",
        is_public=False,
        data_source="Sisäinen urakkaseuranta",
    )
    internal.success_factors.set([factors[0]])
    make_reading(internal, 2025, "160", user=user)

    retired = make_indicator(name="Poistunut mittari", is_active=False)
    make_reading(retired, 2024, "90", user=user)

    return Site(footpaths, unemployment, events, energy, internal, retired)


def by_id(html: str, element_id: str):
    """The element with ``element_id`` of a page (html5lib, no namespaces)."""
    import html5lib

    tree = html5lib.parse(html, namespaceHTMLElements=False)
    for element in tree.iter():
        if element.get("id") == element_id:
            return element
    raise AssertionError(f"no element with id={element_id!r}")


def labelled_by(html: str, heading_id: str):
    """The section that ``aria-labelledby`` ties to a heading."""
    import html5lib

    tree = html5lib.parse(html, namespaceHTMLElements=False)
    for element in tree.iter():
        if element.get("aria-labelledby") == heading_id:
            return element
    raise AssertionError(f"nothing labelled by {heading_id!r}")


def svgs(element) -> list:
    """The SVG elements inside an element (html5lib keeps their namespace)."""
    return [el for el in element.iter() if str(el.tag).endswith("}svg")]


def text_of(element) -> str:
    """The element's text as a reader meets it: elements apart, runs of
    whitespace collapsed (but no-break spaces kept: they are part of 1 234,5)."""
    return re.sub(r"[ \t\n\r\f]+", " ", " ".join(element.itertext())).strip()


def status_counts(element) -> list[str]:
    """The status counts ("1 saavutettu", …) inside an element, in order."""
    return [
        text_of(el).lstrip("✔➜!✖– ")
        for el in element.iter()
        if "status-count" in (el.get("class") or "").split()
    ]
