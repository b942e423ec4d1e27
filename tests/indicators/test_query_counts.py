"""Every progress page needs a fixed number of queries, whatever the data volume.

The same bound holds with 5 indicators and with 200 indicators × 36 monthly
readings (built with bulk_create to keep the test fast).
"""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

import pytest
from simple_history.utils import bulk_create_with_history

from indicators.models import AnnualTarget, Indicator, Reading
from indicators.periods import Period
from strategy.models import Measure, SuccessFactor


def build(strategy, department, user, count: int) -> Indicator:
    """``count`` monthly indicators with 36 readings each; returns the first."""
    measures = list(Measure.objects.filter(focus_area__strategy=strategy))
    factors = list(SuccessFactor.objects.filter(strategy=strategy))
    indicators = Indicator.objects.bulk_create(
        Indicator(
            strategy=strategy,
            name=f"Mittari {i:03d}",
            unit="kpl",
            decimals=1,
            frequency="monthly",
            baseline_value=Decimal(100),
            baseline_year=2023,
            target_value=Decimal(100 + i % 50),
            target_year=2028,
            department=department,
            is_public=i % 10 != 9,  # some internal ones too
            is_active=i % 25 != 24,  # and some retired
            published_at=timezone.now(),
            kind="qualitative" if i % 7 == 6 else "numeric",
        )
        for i in range(count)
    )
    Indicator.measures.through.objects.bulk_create(
        Indicator.measures.through(indicator=ind, measure=measure)
        for ind in indicators
        for measure in {measures[ind.pk % len(measures)], measures[0]}
    )
    Indicator.success_factors.through.objects.bulk_create(
        Indicator.success_factors.through(
            indicator=ind, successfactor=factors[ind.pk % len(factors)]
        )
        for ind in indicators
    )
    AnnualTarget.objects.bulk_create(
        AnnualTarget(indicator=ind, year=year, value=Decimal(100 + year - 2023))
        for ind in indicators
        for year in (2024, 2025, 2026)
    )
    months = [(year, month) for year in (2023, 2024, 2025) for month in range(1, 13)]
    now = datetime.datetime(2026, 1, 15, tzinfo=datetime.UTC)
    readings = []
    for ind, (year, month) in itertools.product(indicators, months):
        qualitative = ind.kind == "qualitative"
        readings.append(
            Reading(
                indicator=ind,
                year=year,
                part=month,
                period_end=Period("monthly", year, month).end,
                value=None if qualitative else Decimal(90 + month),
                qualitative_status="on_track" if qualitative else "",
                narrative="Arvio." if qualitative or month == 12 else "",
                created_by=user,
                updated_by=user,
                created_at=now,
                updated_at=now,
            )
        )
    bulk_create_with_history(readings, Reading, batch_size=2000)
    return indicators[0]


@pytest.fixture(params=[5, 200], ids=["5-indicators", "200-indicators"])
def volume(request, strategy, technical, recorder):
    first = build(strategy, technical, recorder, request.param)
    assert Reading.objects.count() == 36 * request.param
    return first


# Anonymous visitors. Every page: the current strategy (1). Every page with
# indicator states (indicators/loading.py): the indicators with strategy and
# department, their latest readings, annual targets and measure links, and
# the last year's readings of the (monthly) ones judged on a year's mean (5).
ANONYMOUS = {
    # The states (5), focus areas + measures (2), values, success factors (2),
    # the measures' ids and their updates for the phase counts (2).
    "/": 12,
    # The focus area + measures (2), the states (5) and their trend lines (1),
    # the other focus areas for the pager (1), the measures' departments and
    # their latest updates (2).
    "/painopistealueet/1/": 12,
    # The states (5) with success factor links (1) and trend lines (1), the
    # success factors (1).
    "/menestystekijat/": 9,
    # Focus areas and departments for the filters (2), the states (5) and
    # their trend lines (1).
    "/mittarit/": 9,
    "/mittarit/?poistuneet=on&tila=on_track": 9,
    # The same and the text search's one query of the strategy's measures (its
    # indicators are filtered in the states' own query, on their search text).
    "/mittarit/?haku=mittari&painopistealue=1&laji=numeric": 10,
    # The indicator with strategy and department, all its readings, annual
    # targets, measure links, success factor links (5); the peers' figures
    # for the comparison with their peers (1).
    "/mittarit/{pk}/": 6 + 1,
    "/lukuohje/": 1,
}

# Logged in: the session and the user (2) on every page. The indicator page
# also asks for the user's groups and departments for the entry links (2) and
# shows the change history: three history tables, two many-to-many history
# tables, and one lookup per kind of related object a change names (at most 4).
# The pages that show drafts to the staff roles ask for the user's groups (1).
LOGGED_IN = {
    "/": 12 + 2 + 1,
    # And the user's groups and departments for the measures' update links (2).
    "/painopistealueet/1/": 12 + 2 + 2 + 1,
    "/mittarit/": 9 + 2 + 1,
    "/mittarit/{pk}/": 6 + 1 + 2 + 2 + 5 + 4,
}


def test_it_bounds_the_queries_of_every_page(
    client, volume, django_assert_max_num_queries
):
    for path, bound in ANONYMOUS.items():
        with django_assert_max_num_queries(bound):
            r = client.get(path.format(pk=volume.pk))
        assert r.status_code == 200, path


def test_it_bounds_the_queries_for_logged_in_users(
    client, volume, recorder, django_assert_max_num_queries
):
    client.force_login(recorder)
    for path, bound in LOGGED_IN.items():
        with django_assert_max_num_queries(bound):
            r = client.get(path.format(pk=volume.pk))
        assert r.status_code == 200, path
