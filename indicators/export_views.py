"""Open data downloads and the open-data page (/avoin-data/).

Public without login, and the same for everyone: internal indicators are
never in a file, even for a logged-in councillor (``exports.public_indicators``).
"""

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from strategy.current import current_strategy_or_404

from . import exports
from .exports import DIALECTS, INDICATOR_HEADERS, READING_HEADERS, TARGET_HEADERS
from .loading import load_state, load_states

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _dialect(request):
    """The CSV dialect asked for by ``?muoto=``, or None for an unknown one."""
    return DIALECTS.get(request.GET.get("muoto", ""))


def _bad_format() -> HttpResponse:
    return HttpResponseBadRequest(
        _("Tuntematon muoto. Käytä muoto=suomi tai muoto=kansainvalinen."),
        content_type="text/plain; charset=utf-8",
    )


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{exports.LICENCE_URL}>; rel="license"'
    return response


def _licence_note(strategy) -> str:
    return _(
        "Aineisto: %(municipality)s, %(title)s. Lisenssi: Creative Commons "
        "Nimeä 4.0 (CC BY 4.0)."
    ) % {"municipality": strategy.municipality_i18n, "title": strategy.title_i18n}


def _public_state(request, pk: int):
    strategy = current_strategy_or_404(request)
    state = load_state(exports.public_indicators(strategy), pk)
    if state is None:
        raise Http404
    return strategy, state


def _reading_sheet(states) -> exports.Sheet:
    return exports.Sheet(
        _("Tulokset"), READING_HEADERS, list(exports.reading_rows(states))
    )


def _indicator_sheet(request, states) -> exports.Sheet:
    rows = [
        exports.indicator_row(
            s, request.build_absolute_uri(s.definition.get_absolute_url())
        )
        for s in states
    ]
    return exports.Sheet(_("Mittarit"), INDICATOR_HEADERS, rows)


def _target_sheet(states) -> exports.Sheet:
    return exports.Sheet(
        _("Vuositavoitteet"), TARGET_HEADERS, list(exports.target_rows(states))
    )


# /mittarit/<pk>/tulokset.csv|.xlsx: one indicator's readings


@require_safe
def indicator_csv(request, pk: int):
    dialect = _dialect(request)
    if dialect is None:
        return _bad_format()
    _strategy, state = _public_state(request, pk)
    body = exports.write_csv(_reading_sheet([state]), dialect)
    return _download(body, CSV_TYPE, f"mittari-{pk}-tulokset.csv")


@require_safe
def indicator_xlsx(request, pk: int):
    strategy, state = _public_state(request, pk)
    sheets = [
        _reading_sheet([state]),
        _indicator_sheet(request, [state]),
        _target_sheet([state]),
    ]
    body = exports.write_xlsx(sheets, licence_note=_licence_note(strategy))
    return _download(body, XLSX_TYPE, f"mittari-{pk}.xlsx")


# /avoin-data/…: every public indicator at once


def _all_states(request, *, readings: bool):
    strategy = current_strategy_or_404(request)
    states = load_states(exports.public_indicators(strategy), readings=readings)
    return strategy, states


@require_safe
def all_readings_csv(request):
    dialect = _dialect(request)
    if dialect is None:
        return _bad_format()
    _strategy, states = _all_states(request, readings=True)
    body = exports.write_csv(_reading_sheet(states), dialect)
    return _download(body, CSV_TYPE, "tulokset.csv")


@require_safe
def all_indicators_csv(request):
    dialect = _dialect(request)
    if dialect is None:
        return _bad_format()
    _strategy, states = _all_states(request, readings=False)
    body = exports.write_csv(_indicator_sheet(request, states), dialect)
    return _download(body, CSV_TYPE, "mittarit.csv")


@require_safe
def all_xlsx(request):
    strategy, states = _all_states(request, readings=True)
    sheets = [
        _indicator_sheet(request, states),
        _reading_sheet(states),
        _target_sheet(states),
    ]
    body = exports.write_xlsx(sheets, licence_note=_licence_note(strategy))
    return _download(body, XLSX_TYPE, "strategia-seuranta.xlsx")


@require_safe
def open_data(request):
    strategy = current_strategy_or_404(request)
    ctx = {
        "strategy": strategy,
        "licence_url": exports.LICENCE_URL,
        "api_base": request.build_absolute_uri("/api/v1/"),
        "focus_areas": strategy.focus_areas.all(),
        "demo_data_shown": exports.public_indicators(strategy)
        .filter(is_demo=True)
        .exists(),
    }
    return render(request, "indicators/open_data.html", ctx)
