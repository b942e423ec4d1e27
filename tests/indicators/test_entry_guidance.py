"""The record form's guidance: the previous reading, the period's planned value
and where a result needs an explanation (status.explanation_limits,
state.entry_guidance), so that nobody meets the rule by surprise."""

from decimal import Decimal

import pytest

from indicators import status
from indicators.choices import Direction, Kind
from indicators.models import AnnualTarget, Reading
from indicators.state import Definition
from strategy.i18n import Text

pytestmark = pytest.mark.usefixtures("on_2026_06_15")


def _definition(**fields) -> Definition:
    defaults = {
        "id": 1,
        "name": Text("Mittari"),
        "decimals": 1,
        "baseline_value": Decimal("100"),
        "baseline_year": 2023,
        "target_value": Decimal("150"),
        "target_year": 2028,
    }
    return Definition(**{**defaults, **fields})


CASES = [
    _definition(),
    _definition(decimals=0),
    _definition(decimals=2, target_value=Decimal("133.33")),
    _definition(direction=Direction.DECREASE, target_value=Decimal("60")),
    _definition(direction=Direction.DECREASE, decimals=0, target_value=Decimal("77")),
    _definition(direction=Direction.HOLD, target_value=Decimal("100")),
    _definition(direction=Direction.HOLD, decimals=0, target_value=Decimal("7")),
    _definition(baseline_value=None, baseline_year=None),
]


@pytest.mark.parametrize("definition", CASES)
@pytest.mark.parametrize("year", [2024, 2025, 2028])
def test_the_limits_agree_with_the_rule_for_every_recordable_value(definition, year):
    # Every value the form accepts around the limits: the limits say exactly
    # which of them the rule will ask an explanation for.
    planned = status.planned_value(definition, year, {})
    limits = status.explanation_limits(definition, planned)
    assert limits.any
    step = Decimal(1).scaleb(-definition.decimals)
    for limit in (limits.below, limits.above):
        if limit is None:
            continue
        for k in range(-30, 31):
            value = limit + k * step
            needs = status.needs_explanation(
                status.assess_numeric(definition, value, year, {}).status
            )
            outside = (limits.below is not None and value < limits.below) or (
                limits.above is not None and value > limits.above
            )
            assert needs == outside, (value, limits)


def test_a_target_already_met_moves_the_limit():
    # The annual plan is above the final target: meeting the target is enough.
    definition = _definition(decimals=0)
    limits = status.explanation_limits(definition, Decimal("200"))
    assert limits.below == Decimal("150")
    assert not status.needs_explanation(
        status.assess_numeric(
            definition, Decimal("150"), 2025, {2025: Decimal(200)}
        ).status
    )


def test_no_plan_no_limits():
    assert not status.explanation_limits(_definition(), None).any
    qualitative = _definition(kind=Kind.QUALITATIVE)
    assert not status.explanation_limits(qualitative, Decimal("1")).any


def _page(client, user, url) -> str:
    client.force_login(user)
    r = client.get(url)
    assert r.status_code == 200
    return r.content.decode()


def _guidance(html: str) -> str:
    start = html.index('<section class="card entry-guidance"')
    return html[start : html.index("</section>", start)]


def test_the_record_form_shows_previous_plan_and_limit(
    client, recorder, indicator, make_reading
):
    make_reading(indicator, 2023, "100", user=recorder)
    make_reading(indicator, 2024, "110", user=recorder)
    html = _page(client, recorder, f"/mittarit/{indicator.pk}/kirjaa/")
    guidance = _guidance(html)
    # 2025 is awaited; the plan runs straight from 100 (2023) to 150 (2028).
    assert "Jakso 2025: vertailutiedot" in guidance
    assert "110,0\xa0km (2024)" in guidance
    assert "Suunnitelma 2025" in guidance and "120,0\xa0km" in guidance
    assert "Selitys tarvitaan, jos tulos on alle 117,5\xa0km." in guidance
    # Beside the value field too, in its help text.
    value_help = html[html.index('id="id_value_helptext"') :]
    assert "Selitys tarvitaan, jos tulos on alle 117,5\xa0km." in value_help[:400]


def test_the_limit_shown_is_the_one_the_form_keeps(client, recorder, indicator):
    client.force_login(recorder)
    url = f"/mittarit/{indicator.pk}/kirjaa/"
    r = client.post(url, {"year": "2025", "value": "117,4"})
    assert r.status_code == 200
    assert "Kirjoita lyhyt selitys" in r.content.decode()
    assert not Reading.objects.exists()
    r = client.post(url, {"year": "2025", "value": "117,5"})
    assert r.status_code == 302
    assert Reading.objects.get().value == Decimal("117.5")


def test_an_annual_target_sets_the_plan(client, recorder, indicator):
    # No readings yet: the strategy's first year, 2024, is awaited.
    AnnualTarget.objects.create(indicator=indicator, year=2024, value=Decimal("118"))
    guidance = _guidance(_page(client, recorder, f"/mittarit/{indicator.pk}/kirjaa/"))
    assert "118,0\xa0km" in guidance
    assert "alle 115,5\xa0km" in guidance
    assert "ei aiempia tuloksia" in guidance


def test_a_lower_is_better_indicator_has_an_upper_limit(
    client, recorder, make_indicator
):
    indicator = make_indicator(
        direction="decrease",
        unit="%",
        baseline_value=Decimal("14"),
        target_value=Decimal("10"),
        target_year=2028,
    )
    guidance = _guidance(_page(client, recorder, f"/mittarit/{indicator.pk}/kirjaa/"))
    # Plan 2024: 14 − 4 × 1/5 = 13,2; on track up to 13,2 + 0,05 × 4 = 13,4.
    assert "Selitys tarvitaan, jos tulos on yli 13,4\xa0%." in guidance


def test_the_guidance_follows_a_typed_period(client, recorder, indicator):
    client.force_login(recorder)
    # Refused (no value), but the typed year 2024 is a period: its plan shows.
    r = client.post(f"/mittarit/{indicator.pk}/kirjaa/", {"year": "2024"})
    guidance = _guidance(r.content.decode())
    assert "Jakso 2024: vertailutiedot" in guidance
    assert "110,0\xa0km" in guidance


def test_the_correction_form_compares_with_the_reading_before(
    client, recorder, indicator, make_reading
):
    make_reading(indicator, 2024, "110", user=recorder)
    reading = make_reading(indicator, 2025, "130", user=recorder)
    guidance = _guidance(_page(client, recorder, f"/kirjaukset/{reading.pk}/muokkaa/"))
    assert "Jakso 2025: vertailutiedot" in guidance
    assert "110,0\xa0km (2024)" in guidance
    assert "130,0" not in guidance


def test_a_qualitative_form_shows_the_previous_assessment(
    client, recorder, qualitative_indicator, make_reading
):
    make_reading(
        qualitative_indicator,
        2024,
        user=recorder,
        qualitative_status="at_risk",
        narrative="Vähän tapahtumia.",
    )
    guidance = _guidance(
        _page(client, recorder, f"/mittarit/{qualitative_indicator.pk}/kirjaa/")
    )
    assert "Riskissä" in guidance and "(2024)" in guidance
    assert "Suunnitelma" not in guidance
    assert "Selitys tarvitaan" not in guidance


def test_the_guidance_speaks_english(english, recorder, indicator):
    english.force_login(recorder)
    html = english.get(f"/mittarit/{indicator.pk}/kirjaa/").content.decode()
    guidance = _guidance(html)
    assert "Period 2024: for comparison" in guidance
    assert "An explanation is needed if the result is below 107,5\xa0km." in guidance


def test_the_record_form_costs_no_query_for_the_guidance(
    client, recorder, indicator, make_reading, django_assert_max_num_queries
):
    for year in (2023, 2024):
        make_reading(indicator, year, "110", user=recorder)
    client.force_login(recorder)
    # session, user, the indicator (with strategy and department), the user's
    # groups and departments, the latest reading (the awaited period); the
    # state: indicator, readings, annual targets, measures, success factors;
    # the current strategy of the header. The guidance adds none.
    with django_assert_max_num_queries(12):
        client.get(f"/mittarit/{indicator.pk}/kirjaa/")
