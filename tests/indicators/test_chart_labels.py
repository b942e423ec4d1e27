"""No label of a chart collides with a line, a mark or another label.

The boxes are measured here from the SVG itself, with a metric of this test's
own (a little wider than the chart's estimate), on series chosen to be awkward:
the latest value just under the target label, a plan line through the place
a label would take, dense monthly zigzags, long numbers, a single reading,
values at the edges of the plot, and the narrow drawing for phones.
"""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from indicators import charts, formatting
from indicators.charts import ChartLabels, Point

SVG = "{http://www.w3.org/2000/svg}"
# Average advance per em of the site's sans-serif, generously: bold, plain.
BOLD, PLAIN = 0.62, 0.57
ASCENT, DESCENT = 0.78, 0.22


def labels(unit: str, target: str) -> ChartLabels:
    return ChartLabels(title="t", desc="d", unit=unit, x_axis="Vuosi", target=target)


def yearly(first: int, values) -> list[Point]:
    return [Point(first + i + 0.5, Decimal(str(v))) for i, v in enumerate(values)]


def monthly(first: int, values) -> list[Point]:
    return [
        Point(charts.period_x(first + i // 12, i % 12 + 1, 12), Decimal(str(v)))
        for i, v in enumerate(values)
    ]


def plan(first: int, last: int, start: float, end: float) -> list[Point]:
    step = (end - start) / (last - first)
    return [
        Point(y + 0.5, Decimal(str(round(start + step * (y - first), 4))))
        for y in range(first, last + 1)
    ]


AWKWARD = {
    # Seen: "Tavoite 60,0 %" printed over the latest "51,1".
    "latest under the target label": {
        "labels": labels("%", "Tavoite 60,0\xa0%"),
        "first_year": 2023,
        "last_year": 2028,
        "actual": yearly(2023, [45, 47.5, 49.9, 51.1, 58.7, 59.6]),
        "planned": plan(2023, 2028, 45, 60),
        "target": Point(2028.5, Decimal(60)),
        "decimals": 1,
    },
    "latest on the target": {
        "labels": labels("km", "Tavoite 150,0\xa0km"),
        "first_year": 2023,
        "last_year": 2028,
        "actual": yearly(2023, [100, 110, 125, 135, 145, 150]),
        "planned": plan(2023, 2028, 100, 150),
        "target": Point(2028.5, Decimal(150)),
        "decimals": 1,
    },
    # Lower is better: the plan falls through where a label above the
    # target would go.
    "falling plan through the target label": {
        "labels": labels("%", "Tavoite 10,0\xa0%"),
        "first_year": 2023,
        "last_year": 2028,
        "actual": monthly(
            2023, [14 - (i % 12 in (5, 6)) * -2 - i * 0.05 for i in range(42)]
        ),
        "planned": plan(2023, 2028, 14, 10),
        "target": Point(2028.5, Decimal(10)),
        "decimals": 1,
    },
    "dense monthly zigzag ending at the top": {
        "labels": labels("henkilöä", "Tavoite 300\xa0henkilöä"),
        "first_year": 2023,
        "last_year": 2028,
        "actual": monthly(
            2023, [380 + (25 if i % 2 else -25) for i in range(47)] + [460]
        ),
        "planned": plan(2023, 2028, 420, 300),
        "target": Point(2028.5, Decimal(300)),
        "decimals": 0,
    },
    "long numbers": {
        "labels": labels("MWh", "Tavoite 15\xa0000\xa0MWh"),
        "first_year": 2023,
        "last_year": 2028,
        "actual": yearly(2023, [18250.5, 17900.25, 17100.75, 16000.5, 15200.25]),
        "planned": plan(2023, 2028, 18250.5, 15000),
        "target": Point(2028.5, Decimal(15000)),
        "decimals": 2,
    },
    "a single reading at the target": {
        "labels": labels("kpl", "Tavoite 12\xa0kpl"),
        "first_year": 2024,
        "last_year": 2028,
        "actual": yearly(2028, [12]),
        "planned": [],
        "target": Point(2028.5, Decimal(12)),
        "decimals": 0,
    },
    "latest at the last year, target earlier and equal": {
        "labels": labels("€/as", "Tavoite 2\xa0500\xa0€/as"),
        "first_year": 2022,
        "last_year": 2029,
        "actual": yearly(2022, [2000, 2100, 2250, 2400, 2500, 2500, 2510, 2500]),
        "planned": plan(2022, 2027, 2000, 2500),
        "target": Point(2027.5, Decimal(2500)),
        "decimals": 0,
    },
    "negative values": {
        "labels": labels("%", "Tavoite 0,0\xa0%"),
        "first_year": 2023,
        "last_year": 2028,
        "actual": yearly(2023, [-3.2, -2.5, -2.9, -1.1]),
        "planned": plan(2023, 2028, -3.2, 0),
        "target": Point(2028.5, Decimal(0)),
        "decimals": 1,
    },
}


def boxes_and_lines(svg: str):
    root = ET.fromstring(svg)
    size = float(root.get("font-size"))
    boxes = []
    for el in root.iter(f"{SVG}text"):
        text, x, y = el.text or "", float(el.get("x")), float(el.get("y"))
        width = len(text) * size * (BOLD if el.get("font-weight") else PLAIN)
        x0 = {"start": x, "end": x - width, "middle": x - width / 2}[
            el.get("text-anchor")
        ]
        boxes.append(
            (text, charts.Box(x0, y - size * ASCENT, x0 + width, y + size * DESCENT))
        )
    lines = []
    for polyline in root.iter(f"{SVG}polyline"):
        points = [
            tuple(map(float, xy.split(","))) for xy in polyline.get("points").split()
        ]
        lines += list(zip(points, points[1:], strict=False))
    marks = []
    for circle in root.iter(f"{SVG}circle"):
        cx, cy, r = (float(circle.get(k)) for k in ("cx", "cy", "r"))
        marks.append(charts.Box(cx - r, cy - r, cx + r, cy + r))
    target = root.find(f"{SVG}path[@class='chart-target']")
    if target is not None:
        xs, ys = zip(
            *(
                tuple(map(float, pair.strip("MLZ ").split()))
                for pair in target.get("d").replace("Z", "").split("L")
            ),
            strict=True,
        )
        marks.append(charts.Box(min(xs), min(ys), max(xs), max(ys)))
    width, height = float(root.get("width")), float(root.get("height"))
    return boxes, lines, marks, charts.Box(0, 0, width, height)


@pytest.mark.parametrize("narrow", [False, True], ids=["wide", "narrow"])
@pytest.mark.parametrize("case", AWKWARD, ids=list(AWKWARD))
def test_no_label_touches_a_line_a_mark_or_another_label(case, narrow):
    size = {"width": 360, "height": 260, "font_size": 13} if narrow else {}
    svg = charts.line_chart(chart_id="c", **AWKWARD[case], **size)
    boxes, lines, marks, frame = boxes_and_lines(svg)
    shown = [text for text, _ in boxes]
    args = AWKWARD[case]
    assert args["labels"].target in shown
    assert formatting.number(args["actual"][-1].y, args["decimals"]) in shown
    for i, (text, box) in enumerate(boxes):
        assert box.inside(frame), f"{text!r} runs off the chart"
        for other_text, other in boxes[i + 1 :]:
            assert not box.overlaps(other), f"{text!r} overlaps {other_text!r}"
        for p, q in lines:
            assert not charts.segment_hits(p, q, box), f"{text!r} crosses a line"
        for mark in marks:
            assert not box.overlaps(mark), f"{text!r} covers a mark"


def test_the_overlap_check_sees_a_collision():
    # The measure itself: a box on a line, and two boxes on each other.
    box = charts.Box(10, 10, 50, 25)
    assert charts.segment_hits((0, 0), (60, 30), box)
    assert not charts.segment_hits((0, 30), (60, 30), box)
    assert not charts.segment_hits((0, 0), (5, 40), box)
    assert box.overlaps(charts.Box(40, 20, 80, 40))
    assert not box.overlaps(charts.Box(50, 10, 80, 25))  # touching edges


def sparkline_parts(svg: str):
    root = ET.fromstring(svg)
    size = float(root.get("font-size"))
    texts = {}
    for el in root.iter(f"{SVG}text"):
        x = float(el.get("x"))
        width = len(el.text) * size * (BOLD if el.get("font-weight") else PLAIN)
        x0 = x - width if el.get("text-anchor") == "end" else x
        texts[el.text] = (x0, x0 + width)
    xs = [
        float(xy.split(",")[0])
        for polyline in root.iter(f"{SVG}polyline")
        for xy in polyline.get("points").split()
    ]
    xs += [float(c.get("cx")) for c in root.iter(f"{SVG}circle")]
    return texts, (min(xs) - 3, max(xs) + 3), float(root.get("width"))


@pytest.mark.parametrize(
    "values, first, last",
    [
        ([Decimal(100), Decimal(110), Decimal("105")], "100,0", "105,0"),
        ([Decimal("17900.25"), Decimal("15000")], "17\xa0900,3", "15\xa0000,0"),
        ([Decimal(-3), Decimal(4), Decimal(-1)], "-3,0", "-1,0"),
    ],
)
def test_a_sparkline_shows_its_first_and_last_values_beside_the_line(
    values, first, last
):
    svg = charts.sparkline(
        values,
        label="x",
        target=Decimal(120),
        first_text=formatting.number(values[0], 1),
        last_text=formatting.number(values[-1], 1),
    )
    texts, (line_x0, line_x1), width = sparkline_parts(svg)
    assert list(texts) == [first, last]
    assert texts[first][0] >= 0 and texts[first][1] <= line_x0  # left of the line
    assert line_x1 <= texts[last][0] and texts[last][1] <= width  # right of it


def test_a_sparkline_of_one_value_shows_it_once():
    svg = charts.sparkline([Decimal(5)], label="x", first_text="5", last_text="5")
    texts, _, width = sparkline_parts(svg)
    assert list(texts) == ["5"]


def test_the_list_shows_each_sparklines_first_and_last_values(client, site):
    html = client.get("/mittarit/").content.decode()
    # Footpaths: 100,0 (2023) → 112,0 (2025), beside the line.
    spark = html.split('aria-label="Kehitys 2023–2025: 100,0\xa0km → 112,0\xa0km"')[1]
    spark = spark.split("</svg>")[0]
    assert ">100,0</text>" in spark and ">112,0</text>" in spark


def test_the_quick_free_check_agrees_with_the_full_count():
    """``_is_free`` (first hit, bounding boxes first) answers exactly
    ``_collisions(...) == 0`` — checked on a zigzag series and a grid of boxes."""
    import random

    from indicators.charts import Box, _collisions, _is_free, _segments

    rng = random.Random(7)
    points = [(10 + i * 5.0, 50 + rng.uniform(-40, 40)) for i in range(120)]
    segments = _segments(points)
    boxes = [Box(100, 20, 140, 30), Box(300, 70, 360, 82)]
    region = Box(0, 0, 620, 110)
    checked = free = 0
    for x in range(-20, 640, 7):
        for y in range(-10, 120, 5):
            box = Box(x, y, x + 45, y + 10)
            expected = _collisions(box, segments, boxes, region) == 0
            assert _is_free(box, segments, boxes, region) == expected, box
            checked += 1
            free += expected
    assert checked > 1000 and 0 < free < checked


def test_the_count_of_collisions_skips_only_segments_that_cannot_cross():
    """``_collisions`` looks only at segments whose bounding box meets the
    label's (``_near``); it counts what every segment, checked one by one,
    counts — on a zigzag series and a grid of boxes, many of them crossed."""
    import random

    from indicators.charts import LABEL_GAP, Box, _collisions, _segments, segment_hits

    rng = random.Random(11)
    points = [(10 + i * 5.0, 50 + rng.uniform(-40, 40)) for i in range(120)]
    segments = _segments(points)
    boxes = [Box(100, 20, 140, 30)]
    region = Box(0, 0, 620, 110)
    crossed = 0
    for x in range(-20, 640, 9):
        for y in range(-10, 120, 6):
            box = Box(x, y, x + 45, y + 10)
            clear = box.grown(LABEL_GAP)
            hits = sum(segment_hits(p, q, clear) for p, q in segments)
            expected = (
                hits
                + sum(clear.overlaps(other) for other in boxes)
                + (0 if box.inside(region) else 100)
            )
            assert _collisions(box, segments, boxes, region) == expected, box
            crossed += hits > 1
    assert crossed > 500


def test_a_label_with_no_free_place_goes_where_it_touches_least():
    """No place is free (the region is too small for the label): the label
    takes the first of the places tried that touches the fewest lines."""
    from indicators.charts import Box, place_label

    offsets = [(0, 0, "start"), (0, 50, "start"), (0, -50, "start")]
    through_first = ((0, 97), (300, 97))
    through_second = ((0, 147), (300, 147))
    common = {"font_size": 10, "boxes": [], "region": Box(0, 0, 10, 10)}

    x, y, anchor, _ = place_label(
        "Tavoite",
        (100, 100),
        offsets,
        segments=[through_first, through_second],
        **common,
    )
    assert (x, y, anchor) == (100, 50, "start")  # the third: no line through it
    x, y, anchor, _ = place_label(
        "Tavoite", (100, 100), offsets, segments=[through_first], **common
    )
    assert (x, y, anchor) == (100, 150, "start")  # the second and third tie
