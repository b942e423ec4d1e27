"""The SVG chart module: plain data in, accessible SVG out (no database)."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from indicators import charts
from indicators.charts import ChartLabels, Point

SVG = "{http://www.w3.org/2000/svg}"
LABELS = ChartLabels(
    title="Kevyen liikenteen väylät: kehitys vuosina 2023–2028",
    desc="Lähtötaso 100 km vuonna 2023. Tavoite 150 km vuonna 2028.",
    unit="km",
    x_axis="Vuosi",
    target="Tavoite 150 km",
)


def chart(**overrides) -> str:
    args = {
        "chart_id": "kaavio",
        "labels": LABELS,
        "first_year": 2023,
        "last_year": 2028,
        "actual": [Point(2023.5, Decimal(100)), Point(2024.5, Decimal("108.5"))],
        "planned": [
            Point(y + 0.5, Decimal(100 + 10 * (y - 2023))) for y in range(2023, 2029)
        ],
        "target": Point(2028.5, Decimal(150)),
        "decimals": 1,
    }
    args.update(overrides)
    return charts.line_chart(**args)


def texts(svg: str) -> list[str]:
    return [el.text for el in ET.fromstring(svg).iter(f"{SVG}text")]


@pytest.mark.parametrize(
    "low, high, ticks",
    [
        ("100", "150", [100, 120, 140, 160]),
        ("10", "14.1", [10, 12, 14, 16]),
        ("0", "1", [0, "0.25", "0.5", "0.75", 1]),
        ("6985", "7112", [6950, 7000, 7050, 7100, 7150]),
        ("-3", "4", [-4, -2, 0, 2, 4]),
    ],
)
def test_it_picks_round_ticks_covering_the_data(low, high, ticks):
    found = charts.nice_ticks(Decimal(low), Decimal(high))
    assert found == [Decimal(str(t)) for t in ticks]


def test_it_makes_room_around_a_single_value():
    ticks = charts.nice_ticks(Decimal(50), Decimal(50))
    assert ticks[0] < 50 < ticks[-1]


def test_it_counts_the_decimals_the_tick_labels_need():
    assert charts.tick_decimals([Decimal("0"), Decimal("2.5"), Decimal("5")]) == 1
    assert charts.tick_decimals([Decimal("10"), Decimal("20")]) == 0
    assert charts.tick_decimals([Decimal("0.25")]) == 2


@pytest.mark.parametrize(
    "year, part, parts, x",
    [(2025, 0, 1, 2025.5), (2025, 1, 4, 2025.125), (2025, 12, 12, 2025 + 11.5 / 12)],
)
def test_it_puts_a_period_at_its_middle(year, part, parts, x):
    assert charts.period_x(year, part, parts) == pytest.approx(x)


def test_it_draws_an_svg_image_with_title_and_description():
    svg = chart()
    root = ET.fromstring(svg)  # well-formed XML
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "kaavio-title kaavio-desc"
    assert root.find(f"{SVG}title").get("id") == "kaavio-title"
    assert root.find(f"{SVG}title").text == LABELS.title
    assert root.find(f"{SVG}desc").get("id") == "kaavio-desc"
    assert root.find(f"{SVG}desc").text == LABELS.desc
    assert "<script" not in svg


def test_it_labels_the_axes_with_unit_and_years():
    labels = texts(chart())
    assert "km" in labels
    assert "Vuosi" in labels
    for year in range(2023, 2029):
        assert str(year) in labels
    assert "2\xa0024" not in " ".join(labels)
    assert "100" in labels and "160" in labels  # value ticks around 100…150


def test_it_draws_readings_solid_and_the_plan_dashed():
    root = ET.fromstring(chart())
    actual = root.find(f"{SVG}polyline[@class='chart-actual']")
    planned = root.find(f"{SVG}polyline[@class='chart-planned']")
    assert actual.get("stroke-dasharray") is None
    assert len(actual.get("points").split()) == 2
    assert planned.get("stroke-dasharray")
    assert len(planned.get("points").split()) == 6


def test_it_marks_the_target_and_labels_the_latest_value():
    svg = chart()
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}path[@class='chart-target']") is not None
    labels = texts(svg)
    assert "Tavoite 150 km" in labels
    assert "108,5" in labels  # the latest reading, Finnish format


def test_it_places_later_values_higher_and_later_years_further_right():
    root = ET.fromstring(chart())
    (p1, p2) = [
        tuple(map(float, xy.split(",")))
        for xy in root.find(f"{SVG}polyline[@class='chart-actual']")
        .get("points")
        .split()
    ]
    assert p2[0] > p1[0]  # 2024 right of 2023
    assert p2[1] < p1[1]  # 108,5 above 100 (SVG y grows downward)


def test_it_draws_without_target_or_readings():
    svg = chart(actual=[], target=None)
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}polyline[@class='chart-actual']") is None
    assert root.find(f"{SVG}path[@class='chart-target']") is None
    assert root.find(f"{SVG}polyline[@class='chart-planned']") is not None


def test_it_escapes_the_words_it_is_given():
    labels = ChartLabels(
        title='<script>alert("x")</script>',
        desc="a & b",
        unit="€/as",
        x_axis="Year",
        target="",
    )
    svg = chart(labels=labels)
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert ET.fromstring(svg).find(f"{SVG}desc").text == "a & b"


def test_it_skips_year_labels_when_the_bands_are_narrow():
    labels = texts(chart(first_year=2010, last_year=2029, width=360, font_size=13))
    years = [t for t in labels if re.fullmatch(r"\d{4}", t)]
    assert "2010" in years
    assert 2 <= len(years) < 20


def test_it_marks_every_point_of_a_short_series_but_only_the_last_of_a_long_one():
    short = ET.fromstring(chart())
    assert len(short.findall(f"{SVG}circle")) == 2
    monthly = [Point(2024 + i / 12, Decimal(i)) for i in range(36)]
    long = ET.fromstring(chart(actual=monthly))
    assert len(long.findall(f"{SVG}circle")) == 1


def test_it_draws_a_sparkline_with_a_label():
    svg = charts.sparkline(
        [Decimal(100), Decimal(110), Decimal(105)], label="Kehitys 2023–2025: 100 → 105"
    )
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Kehitys 2023–2025: 100 → 105"
    # A PDF takes the figure's alternative text from the title.
    assert root.find(f"{SVG}title").text == "Kehitys 2023–2025: 100 → 105"
    points = [
        tuple(map(float, p.split(",")))
        for p in root.find(f"{SVG}polyline").get("points").split()
    ]
    assert len(points) == 3
    assert points[1][1] < points[0][1]  # 110 drawn above 100
    assert root.find(f"{SVG}line") is None  # no target given


def test_it_draws_the_target_dashed_in_a_sparkline():
    svg = charts.sparkline([Decimal(1), Decimal(2)], label="x", target=Decimal(3))
    line = ET.fromstring(svg).find(f"{SVG}line")
    assert line.get("stroke-dasharray")
    assert float(line.get("y1")) < 5  # the target is the highest value: near the top


def test_it_draws_a_single_value_as_a_dot_and_nothing_for_none():
    root = ET.fromstring(charts.sparkline([Decimal(5)], label="x"))
    assert root.find(f"{SVG}polyline") is None
    assert root.find(f"{SVG}circle") is not None
    assert charts.sparkline([], label="x") == ""


@pytest.mark.parametrize("kind", ["actual", "planned", "target"])
def test_it_draws_legend_swatches_hidden_from_screen_readers(kind):
    root = ET.fromstring(charts.legend_swatch(kind))
    assert root.get("aria-hidden") == "true"


def test_it_refuses_an_unknown_swatch():
    with pytest.raises(ValueError):
        charts.legend_swatch("pie")
