"""Public progress pages: the list of indicators, one indicator, how to read them.

Public without login (the strategy's value of openness); internal indicators
(``is_public=False``) only for logged-in users, everywhere. Each view loads the
states its page shows (``loading``) and the templates only format them.
"""

from dataclasses import replace
from decimal import Decimal

from django.db.models.functions import Lower
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from strategy.current import current_strategy_or_404
from strategy.i18n import Text, shown_order
from strategy.models import Department

from . import formatting, page_facts, permissions, reading_groups, status
from .choices import ORDER, PARTS_PER_YEAR, Basis, Direction, Frequency
from .filters import IndicatorFilterForm
from .history import indicator_changes
from .loading import load_state, load_states
from .models import Indicator
from .overview import by_shown_name, counted, summarise
from .state import Definition, RawReading
from .statistics.comparison import peer_comparison


@require_safe
def indicator_list(request):
    strategy = current_strategy_or_404(request)
    visible = Indicator.objects.filter(strategy=strategy).visible_to(request.user)
    departments = Department.objects.filter(
        pk__in=visible.values("department_id")
    ).order_by(Lower(shown_order("name")))
    form = IndicatorFilterForm(
        request.GET or None,
        focus_areas=strategy.focus_areas.all(),
        departments=departments,
    )
    states = by_shown_name(
        load_states(form.filter(visible), trend_since=strategy.start_year - 1)
    )
    if form.status:
        states = [state for state in states if state.status == form.status]
    ctx = {
        "strategy": strategy,
        "form": form,
        "states": states,
        "measures_found": form.matching_measures(strategy),
        "data_updated": page_facts.last_updated(states),
        "summary": summarise(s for s in states if counted(s.definition)),
        "demo_data_shown": any(s.definition.is_demo for s in states),
    }
    return render(request, "indicators/list.html", ctx)


@require_safe
def indicator_detail(request, pk: int):
    strategy = current_strategy_or_404(request)
    visible = Indicator.objects.filter(strategy=strategy).visible_to(request.user)
    state = load_state(visible, pk)
    if state is None:
        raise Http404
    definition = state.definition
    ctx = {
        "strategy": strategy,
        "state": state,
        "indicator": definition,
        "years": reading_groups.by_year(state.readings),
        "can_record": permissions.can_record(request.user, definition),
        "can_override": permissions.can_override(request.user),
        # The history names the staff who made each change: logged-in only.
        "changes": (
            indicator_changes(definition) if request.user.is_authenticated else []
        ),
        "demo_data_shown": definition.is_demo,
        "can_publish": permissions.can_publish(request.user),
        "comparison": peer_comparison(state),
    }
    return render(request, "indicators/detail.html", ctx)


@require_safe
def how_to_read(request):
    ctx = {
        "ON_TRACK_SLACK": status.ON_TRACK_SLACK,
        "AT_RISK_SLACK": status.AT_RISK_SLACK,
        "HOLD_ON_TRACK_SLACK": status.HOLD_ON_TRACK_SLACK,
        "HOLD_AT_RISK_SLACK": status.HOLD_AT_RISK_SLACK,
        "statuses": ORDER,
        "example": worked_example(),
        "basis_example": basis_example(),
        "PARTS_PER_YEAR": PARTS_PER_YEAR,
    }
    return render(request, "indicators/how_to_read.html", ctx)


# The how-to-read page's example: a path of 100 km (2023) to 150 km (2028).
EXAMPLE = Definition(
    id=0,
    name=Text("Esimerkki"),
    unit=Text("km"),
    decimals=1,
    direction=Direction.INCREASE,
    baseline_value=Decimal(100),
    baseline_year=2023,
    target_value=Decimal(150),
    target_year=2028,
)


def worked_example() -> dict:
    """The example of the how-to-read page, computed by the real rule.

    The plan for 2025 is 120 km. The sample values sit in each band of the
    rule, wherever its constants put the bands, so the page never contradicts
    the code.
    """
    indicator = EXAMPLE
    year = 2025
    planned = status.planned_value(indicator, year, {})
    size = status.scale(indicator, planned)
    samples = [
        indicator.target_value,
        planned + 2,
        planned - status.ON_TRACK_SLACK * size,
        planned - (status.ON_TRACK_SLACK + status.AT_RISK_SLACK) / 2 * size,
        planned - status.AT_RISK_SLACK * size - 5,
    ]
    return {
        "indicator": indicator,
        "year": year,
        "planned": planned,
        "scale": size,
        "on_track_limit": planned - status.ON_TRACK_SLACK * size,
        "at_risk_limit": planned - status.AT_RISK_SLACK * size,
        "rows": [
            (value, status.assess_numeric(indicator, value, year, {}).status)
            for value in samples
        ],
    }


# The status bases' example: unemployed jobseekers (fewer is better), from 420
# (2023) to 300 (2028), a summer peak each June, judged after June 2026.
BASIS_EXAMPLE = Definition(
    id=0,
    name=Text("Työttömät työnhakijat"),
    unit=Text("henkilöä"),
    decimals=0,
    direction=Direction.DECREASE,
    frequency=Frequency.MONTHLY,
    baseline_value=Decimal(420),
    baseline_year=2023,
    target_value=Decimal(300),
    target_year=2028,
)
BASIS_EXAMPLE_READINGS = [
    RawReading(None, year, month, Decimal(value))
    for year, month, value in [
        (2025, 6, 410),
        (2025, 7, 395),
        (2025, 8, 360),
        (2025, 9, 345),
        (2025, 10, 345),
        (2025, 11, 350),
        (2025, 12, 365),
        (2026, 1, 370),
        (2026, 2, 365),
        (2026, 3, 355),
        (2026, 4, 345),
        (2026, 5, 335),
        (2026, 6, 385),
    ]
]


def basis_example() -> dict:
    """The same readings judged on each status basis by the real rule
    (``status.assess_on_basis``): what each basis compares and its status."""
    readings = BASIS_EXAMPLE_READINGS
    rows = [
        (
            basis,
            status.assess_on_basis(
                replace(BASIS_EXAMPLE, status_basis=basis), readings, {}
            ),
        )
        for basis in Basis
    ]
    periods = [
        (formatting.period_label(Frequency.MONTHLY, r.year, r.part), r.value)
        for r in readings
    ]
    return {
        "indicator": BASIS_EXAMPLE,
        "periods": periods,
        "latest_period": periods[-1][0],
        "rows": rows,
    }
