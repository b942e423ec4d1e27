from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .models import FocusArea, Strategy


def _current_strategy() -> Strategy:
    strategy = Strategy.objects.current()
    if strategy is None:
        raise Http404("No current strategy has been loaded.")
    return strategy


def home(request):
    strategy = _current_strategy()
    ctx = {
        "strategy": strategy,
        "values": strategy.values.all(),
        "focus_areas": strategy.focus_areas.prefetch_related("measures"),
        "success_factors": strategy.success_factors.all(),
    }
    return render(request, "strategy/home.html", ctx)


def focus_area(request, number: int):
    strategy = _current_strategy()
    area = get_object_or_404(
        FocusArea.objects.prefetch_related("measures"), strategy=strategy, number=number
    )
    ctx = {"strategy": strategy, "area": area, "measures": area.measures.all()}
    return render(request, "strategy/focus_area.html", ctx)


def success_factors(request):
    strategy = _current_strategy()
    ctx = {"strategy": strategy, "factors": strategy.success_factors.all()}
    return render(request, "strategy/success_factors.html", ctx)


def accessibility(request):
    return render(request, "strategy/accessibility.html", {})
