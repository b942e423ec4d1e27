"""Open data: the strategy and its public indicators as JSON (/api/v1/).

Only public indicators, whoever asks: the API is for everyone and the same for
everyone, so internal indicators never leak through it. Values are strings of
plain decimals ("12.5", ``formatting.machine``), never localised, so that
machines read them safely. Everything shown comes from the indicators' states,
as on the site and in the report.

Every answer names its licence (CC BY 4.0) in the body and in a
``Link: <…>; rel="license"`` header, and carries an ``ETag`` (a hash of the
body) and, where the data has a time, ``Last-Modified``
(``exports.data_changed_at``), so that a client asking again with
``If-None-Match`` or ``If-Modified-Since`` gets 304 Not Modified.
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import require_safe

from strategy.current import current_strategy_or_404

from .exports import LICENCE_NAME, LICENCE_URL, data_changed_at, public_indicators
from .formatting import machine
from .loading import load_state, load_states
from .models import Indicator
from .numbers import NumberError, parse_whole_number
from .state import IndicatorState

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500


def licence(strategy) -> dict:
    return {
        "name": LICENCE_NAME,
        "url": LICENCE_URL,
        "attribution": f"{strategy.municipality}, {strategy.title}",
    }


def _answer(request, strategy, data: dict, *, last_modified=None) -> HttpResponse:
    """``data`` as JSON with the licence and the caching headers, or 304."""
    data["license"] = licence(strategy)
    body = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).encode()
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    timestamp = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(
        request, etag=etag, last_modified=timestamp
    ) or HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    # May be kept, but asked again each time: the ETag makes that cheap.
    patch_cache_control(response, public=True, no_cache=True)
    return response


def _error(message: str, status: int = 400) -> HttpResponse:
    body = json.dumps({"error": message}, ensure_ascii=False)
    return HttpResponse(body, status=status, content_type="application/json")


def _summary(request, state: IndicatorState) -> dict:
    d = state.definition
    latest = state.latest
    return {
        "id": d.id,
        "url": request.build_absolute_uri(d.get_absolute_url()),
        "api_url": request.build_absolute_uri(
            reverse("indicators:api_detail", args=[d.id])
        ),
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
            "preliminary": latest.preliminary,
            "before_period": latest.before_period,
        },
        "is_active": d.is_active,
        "example_data": d.is_demo,
    }


def _page_number(request, name: str, default: int, maximum: int | None = None):
    text = request.GET.get(name, "")
    if not text:
        return default
    try:
        value = parse_whole_number(text)
    except NumberError:  # not digits, or thousands of them (int() would fail)
        return None
    if value < 1:
        return None
    return None if maximum is not None and value > maximum else value


# /api/v1/


@require_safe
def index(request):
    strategy = current_strategy_or_404(request)

    def url(name):
        return request.build_absolute_uri(reverse(name))

    data = {
        "strategy": url("indicators:api_strategy"),
        "indicators": url("indicators:api_list"),
        "indicator": url("indicators:api_list") + "{id}/",
        "open_data_page": url("indicators:open_data"),
        "feed": url("indicators:feed"),
    }
    return _answer(request, strategy, data)


# /api/v1/strategia/


@require_safe
def strategy_structure(request):
    """The strategy's structure: values, focus areas with their measures,
    success factors, each measure and factor with its public indicators."""
    strategy = current_strategy_or_404(request)
    public = public_indicators(strategy).values("pk")
    by_measure: dict[int, list[int]] = {}
    for measure_id, indicator_id in (
        Indicator.measures.through.objects.filter(indicator__in=public)
        .order_by("indicator_id")
        .values_list("measure_id", "indicator_id")
    ):
        by_measure.setdefault(measure_id, []).append(indicator_id)
    by_factor: dict[int, list[int]] = {}
    for factor_id, indicator_id in (
        Indicator.success_factors.through.objects.filter(indicator__in=public)
        .order_by("indicator_id")
        .values_list("successfactor_id", "indicator_id")
    ):
        by_factor.setdefault(factor_id, []).append(indicator_id)
    areas = strategy.focus_areas.prefetch_related("measures")
    data = {
        "strategy": {
            "municipality": strategy.municipality,
            "municipality_en": strategy.municipality_en,
            "title": strategy.title,
            "title_en": strategy.title_en,
            "years": [strategy.start_year, strategy.end_year],
            "vision": strategy.vision,
            "vision_en": strategy.vision_en,
            "mission": strategy.mission,
            "mission_en": strategy.mission_en,
        },
        "values": [
            {"order": v.order, "name": v.name, "name_en": v.name_en}
            for v in strategy.values.all()
        ],
        "focus_areas": [
            {
                "number": area.number,
                "title": area.short_title,
                "title_en": area.short_title_en,
                "lead": area.lead,
                "lead_en": area.lead_en,
                "url": request.build_absolute_uri(area.get_absolute_url()),
                "measures": [
                    {
                        "code": f"{area.number}.{m.order}",
                        "text": m.text,
                        "text_en": m.text_en,
                        "indicators": by_measure.get(m.pk, []),
                    }
                    for m in area.measures.all()
                ],
            }
            for area in areas
        ],
        "success_factors": [
            {
                "order": f.order,
                "text": f.text,
                "text_en": f.text_en,
                "indicators": by_factor.get(f.pk, []),
            }
            for f in strategy.success_factors.all()
        ],
    }
    # The strategy's texts keep no time of change: only the ETag tells.
    return _answer(request, strategy, data)


# /api/v1/mittarit/?sivu=&sivukoko=


@require_safe
def indicator_list(request):
    strategy = current_strategy_or_404(request)
    size = _page_number(request, "sivukoko", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    if size is None:
        return _error(f"sivukoko: a whole number from 1 to {MAX_PAGE_SIZE}.")
    page = _page_number(request, "sivu", 1)
    if page is None:
        return _error("sivu: a whole number from 1 up.")
    indicators = public_indicators(strategy)
    # Every id in one query: hundreds of numbers, and the count comes free.
    every_id = list(indicators.values_list("pk", flat=True))
    count = len(every_id)
    pages = max(1, -(-count // size))
    if page > pages:
        return _error(f"sivu: there are {pages} pages.", status=404)
    ids = every_id[(page - 1) * size : page * size]
    states = load_states(indicators.filter(pk__in=ids)) if ids else []

    def page_url(number: int | None):
        if number is None or not 1 <= number <= pages:
            return None
        query = request.GET.copy()
        query["sivu"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    data = {
        "strategy": {
            "title": strategy.title,
            "years": [strategy.start_year, strategy.end_year],
        },
        "count": count,
        "page": page,
        "pages": pages,
        "page_size": size,
        "next": page_url(page + 1),
        "previous": page_url(page - 1),
        "indicators": [_summary(request, s) for s in states],
    }
    return _answer(request, strategy, data, last_modified=data_changed_at(strategy))


# /api/v1/mittarit/<pk>/


@require_safe
def indicator_detail(request, pk: int):
    strategy = current_strategy_or_404(request)
    state = load_state(public_indicators(strategy), pk)
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
            # None before the strategy period: history is never judged.
            "status": r.status.value if r.status else None,
            "assessed_status": r.assessed or None,
            "preliminary": r.preliminary,
            "before_period": r.before_period,
            "corrected_at": r.corrected_at.isoformat() if r.corrected_at else None,
            "narrative": r.narrative.fi,
            "evidence": r.evidence,
        }
        for r in state.readings
    ]
    return _answer(request, strategy, data, last_modified=data_changed_at(strategy))
