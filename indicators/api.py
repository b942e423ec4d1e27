"""Open data: public indicators and their readings as JSON (/api/v1/).

Only public indicators, whoever asks: the API is for everyone and the same for
everyone, so internal indicators never leak through it. Values are strings of
plain decimals ("12.5", ``formatting.machine``), never localised, so that
machines read them safely. Everything shown comes from the indicators' states,
as on the site and in the report.
"""

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

from strategy.current import current_strategy_or_404

from .formatting import machine
from .loading import load_state, load_states
from .models import Indicator
from .state import IndicatorState


def _summary(request, state: IndicatorState) -> dict:
    d = state.definition
    latest = state.latest
    return {
        "id": d.id,
        "url": request.build_absolute_uri(d.get_absolute_url()),
        "name": d.name.fi,
        "name_en": d.name.en,
        "kind": d.kind,
        "unit": d.unit.fi,
        "decimals": d.decimals,
        "direction": d.direction,
        "frequency": d.frequency,
        "baseline": {"value": machine(d.baseline_value), "year": d.baseline_year},
        "target": {"value": machine(d.target_value), "year": d.target_year},
        "department": d.department.fi,
        "data_source": d.data_source.fi,
        "source_url": d.source_url,
        "measures": d.measure_codes,
        "status": state.status.value,
        "computed_status": state.computed.value,
        "latest": None
        if latest is None
        else {
            "period": latest.period.label(),
            "period_end": latest.period_end.isoformat(),
            "value": machine(latest.value),
            "planned": machine(state.planned, d.decimals),
        },
        "is_active": d.is_active,
        "example_data": d.is_demo,
    }


def _public(request):
    strategy = current_strategy_or_404(request)
    return strategy, Indicator.objects.public().filter(strategy=strategy)


@require_GET
def indicator_list(request):
    strategy, indicators = _public(request)
    data = {
        "strategy": {
            "title": strategy.title,
            "years": [strategy.start_year, strategy.end_year],
        },
        "indicators": [_summary(request, s) for s in load_states(indicators)],
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_GET
def indicator_detail(request, pk: int):
    _, indicators = _public(request)
    state = load_state(indicators, pk)
    if state is None:
        raise Http404
    data = _summary(request, state)
    data["annual_targets"] = [
        {"year": year, "value": machine(value)} for year, value in state.annual_targets
    ]
    decimals = state.definition.decimals
    data["readings"] = [
        {
            "period": r.period.label(),
            "year": r.year,
            "part": r.part,
            "period_end": r.period_end.isoformat(),
            "value": machine(r.value),
            "planned": machine(r.planned, decimals),
            # None before the strategy period: context, never judged.
            "status": r.status.value if r.status else None,
            "before_period": r.before_period,
            "assessed_status": r.assessed or None,
            "narrative": r.narrative.fi,
            "evidence": r.evidence,
        }
        for r in state.readings
    ]
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
