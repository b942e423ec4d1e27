"""Open data: public indicators and their readings as JSON (/api/v1/).

Only public indicators, whoever asks: the API is for everyone and the same for
everyone, so internal indicators never leak through it. Values are strings of
plain decimals ("12.5"), never localised, so that machines read them safely.
"""

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

from strategy.models import Strategy

from .models import Indicator
from .progress import progress_of, with_progress_data


def _decimal(value) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _indicator_summary(request, indicator: Indicator) -> dict:
    progress = progress_of(indicator)
    latest = progress.latest
    return {
        "id": indicator.pk,
        "url": request.build_absolute_uri(indicator.get_absolute_url()),
        "name": indicator.name,
        "name_en": indicator.name_en,
        "kind": indicator.kind,
        "unit": indicator.unit,
        "decimals": indicator.decimals,
        "direction": indicator.direction,
        "frequency": indicator.frequency,
        "baseline": {
            "value": _decimal(indicator.baseline_value),
            "year": indicator.baseline_year,
        },
        "target": {
            "value": _decimal(indicator.target_value),
            "year": indicator.target_year,
        },
        "department": indicator.department.name,
        "data_source": indicator.data_source,
        "source_url": indicator.source_url,
        "measures": [m.code for m in indicator.measures.all()],
        "status": progress.status.value,
        "computed_status": progress.assessment.status.value,
        "latest": None
        if latest is None
        else {
            "period": latest.period.label(),
            "period_end": latest.period_end.isoformat(),
            "value": _decimal(latest.value),
        },
        "is_active": indicator.is_active,
        "example_data": indicator.is_demo,
    }


def _public_indicators():
    strategy = Strategy.objects.current()
    if strategy is None:
        raise Http404
    return strategy, with_progress_data(
        Indicator.objects.public().filter(strategy=strategy)
    ).prefetch_related("measures__focus_area")


@require_GET
def indicator_list(request):
    strategy, indicators = _public_indicators()
    data = {
        "strategy": {
            "title": strategy.title,
            "years": [strategy.start_year, strategy.end_year],
        },
        "indicators": [_indicator_summary(request, i) for i in indicators],
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_GET
def indicator_detail(request, pk: int):
    _, indicators = _public_indicators()
    indicator = indicators.filter(pk=pk).prefetch_related("readings").first()
    if indicator is None:
        raise Http404
    data = _indicator_summary(request, indicator)
    data["annual_targets"] = [
        {"year": t.year, "value": _decimal(t.value)}
        for t in indicator.annual_targets.all()
    ]
    data["readings"] = [
        {
            "period": r.period.label(),
            "year": r.year,
            "part": r.part,
            "period_end": r.period_end.isoformat(),
            "value": _decimal(r.value),
            "assessed_status": r.qualitative_status or None,
            "narrative": r.narrative,
            "evidence": r.evidence,
            "updated_at": r.updated_at.isoformat(),
        }
        for r in indicator.readings.all()
        if not r.is_withdrawn
    ]
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
