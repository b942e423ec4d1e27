"""The comparison with peers on the indicator page (statistics/comparison.py)."""

import datetime
from decimal import Decimal

from django.utils import timezone

import pytest

from indicators.models import Peer, PeerValue


@pytest.fixture
def peer_values(strategy, indicator):
    lapland = Peer.objects.create(strategy=strategy, code="MK19", name="Lappi", order=2)
    finland = Peer.objects.create(
        strategy=strategy, code="SSS", name="Koko maa", name_en="Whole country", order=1
    )
    when = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 0))
    for peer, year, value in [
        (lapland, 2024, "105"),
        (finland, 2024, "99,5"),
        (finland, 2025, "101"),
    ]:
        PeerValue.objects.create(
            peer=peer,
            indicator=indicator,
            year=year,
            value=Decimal(value.replace(",", ".")),
            source="THL Sotkanet",
            imported_at=when,
            preliminary=(year == 2025),
        )
    return indicator


def test_it_shows_nothing_without_peer_figures(client, indicator):
    html = client.get(f"/mittarit/{indicator.pk}/").content.decode()
    assert "Vertailu muihin alueisiin" not in html


def test_it_shows_a_chart_and_a_table_with_the_source(
    client, recorder, peer_values, make_reading
):
    make_reading(peer_values, 2024, "108", user=recorder)
    r = client.get(f"/mittarit/{peer_values.pk}/")
    comparison = r.context["comparison"]
    assert [s.name for s in comparison.series] == ["Oma kunta", "Koko maa", "Lappi"]
    assert [(p.year, [c.value for c in cells]) for p, cells in comparison.rows] == [
        (2024, [Decimal("108"), Decimal("99.5"), Decimal("105")]),
        (2025, [None, Decimal("101"), None]),
    ]
    html = r.content.decode()
    assert 'id="vertailu-title"' in html  # the chart, named for screen readers
    assert "Koko maa" in html and "99,5\u00a0km" in html
    assert "ennakkotieto" in html  # the preliminary 2025 figure of the country
    assert "THL Sotkanet (tuotu 2.3.2026)" in html
    # Never judged: the status is the city's own.
    assert r.context["state"].status == "on_track"


def test_it_speaks_english_too(english, peer_values):
    html = english.get(f"/mittarit/{peer_values.pk}/").content.decode()
    assert "Whole country" in html
    assert "Comparison with other areas" in html
    assert "Our municipality" in html


def test_peers_need_a_valid_area_code(strategy):
    from django.core.exceptions import ValidationError

    peer = Peer(strategy=strategy, code="320", name="Kemijärvi")
    with pytest.raises(ValidationError) as exc:
        peer.full_clean()
    assert "KU320" in str(exc.value)


def test_the_chart_names_each_line_and_dashes_the_peers():
    from indicators.charts import Point
    from indicators.statistics.comparison_chart import multi_line_chart

    svg = multi_line_chart(
        chart_id="c",
        title="Väkiluku: vertailu",
        desc="Kuvaus",
        unit="asukasta",
        x_axis="Vuosi",
        first_year=2023,
        last_year=2025,
        lines=[
            (
                "Oma kunta",
                [Point(2023.5, Decimal(7)), Point(2025.5, Decimal(6))],
                ("#1a5a9e", ""),
                True,
            ),
            ("Lappi", [Point(2024.5, Decimal(5))], ("#6b3fa0", "8 4"), False),
        ],
    )
    assert '<title id="c-title">Väkiluku: vertailu</title>' in svg
    assert 'aria-labelledby="c-title c-desc"' in svg
    assert svg.count("<polyline") == 2
    assert 'stroke-dasharray="8 4"' in svg  # the peer, not by colour alone
    assert ">Oma kunta</text>" in svg and ">Lappi</text>" in svg
    assert ">2023</text>" in svg and ">2025</text>" in svg
