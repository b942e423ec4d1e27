"""The strategy's pages: the strategy at a glance, a focus area, the success
factors, and the accessibility statement.

They live here, not in the strategy app, because they show indicator states
and the strategy app must not import the indicators app (DESIGN.md: imports go
reports → indicators → strategy). ``strategy_urls.py`` mounts them under the
``strategy`` namespace, so their names and paths stay as the contract says.
Each view loads what its page shows (``overview.StrategyOverview``) in a fixed
number of queries; the templates only format it.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from strategy import progress
from strategy.accessibility import SUPERVISOR, current_statement
from strategy.current import current_strategy_or_404
from strategy.models import FocusArea, Measure

from . import measure_progress, page_facts
from .overview import StrategyOverview


@require_safe
def home(request):
    strategy = current_strategy_or_404(request)
    overview = StrategyOverview(strategy, request.user, trends=False)
    focus_areas = page_facts.with_latest_report(
        strategy.focus_areas.prefetch_related("measures")
    )
    ctx = {
        "strategy": strategy,
        "data_updated": page_facts.last_updated(overview.states),
        "values": strategy.values.all(),
        "areas": [(area, overview.area_summary(area.number)) for area in focus_areas],
        "summary": overview.summary,
        "success_factors": strategy.success_factors.all(),
        "phase_counts": progress.phase_counts(strategy),
        "demo_data_shown": overview.demo_shown,
    }
    return render(request, "strategy/home.html", ctx)


@require_safe
def focus_area(request, number: int):
    strategy = current_strategy_or_404(request)
    measures = Measure.objects.select_related("contact", "department")
    area = get_object_or_404(
        page_facts.with_latest_report(
            FocusArea.objects.prefetch_related(Prefetch("measures", queryset=measures))
        ),
        strategy=strategy,
        number=number,
    )
    measure_progress.attach(area.measures.all(), request.user)
    overview = StrategyOverview(strategy, request.user, area=number)
    ctx = {
        "strategy": strategy,
        "area": area,
        "summary": overview.area_summary(number),
        "data_updated": page_facts.last_updated(overview.states),
        "measures": [
            (measure, overview.of_measure(number, measure.order))
            for measure in area.measures.all()
        ],
        "other_areas": [a for a in strategy.focus_areas.all() if a.pk != area.pk],
        "demo_data_shown": overview.demo_shown,
    }
    return render(request, "strategy/focus_area.html", ctx)


@require_safe
def success_factors(request):
    strategy = current_strategy_or_404(request)
    overview = StrategyOverview(strategy, request.user, factors=True)
    ctx = {
        "strategy": strategy,
        "factors": [
            (
                factor,
                overview.factor_summary(factor.order),
                overview.by_factor.get(factor.order, []),
            )
            for factor in strategy.success_factors.all()
        ],
        "data_updated": page_facts.last_updated(overview.states),
        "demo_data_shown": overview.demo_shown,
    }
    return render(request, "strategy/success_factors.html", ctx)


@require_safe
def accessibility(request):
    statement, confirmed = current_statement()
    ctx = {"statement": statement, "confirmed": confirmed, "supervisor": SUPERVISOR}
    return render(request, "strategy/accessibility.html", ctx)
