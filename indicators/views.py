"""Public progress pages: the list of indicators, one indicator, how to read them.

Public without login (the strategy's value of openness); internal indicators
(``is_public=False``) only for logged-in users, everywhere.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from strategy.i18n import shown_order
from strategy.models import Department, Measure, Strategy

from . import permissions, status
from .filters import IndicatorFilterForm
from .history import indicator_changes
from .models import Indicator, Reading
from .overview import load_rows, summarise
from .progress import progress_of, targets_of, with_progress_data


def _current_strategy(request) -> Strategy:
    # The site context processor caches the current strategy on the request.
    if not hasattr(request, "_current_strategy"):
        request._current_strategy = Strategy.objects.current()
    if request._current_strategy is None:
        raise Http404("No current strategy has been loaded.")
    return request._current_strategy


def indicator_list(request):
    strategy = _current_strategy(request)
    visible = Indicator.objects.filter(strategy=strategy).visible_to(request.user)
    focus_areas = strategy.focus_areas.all()
    departments = Department.objects.filter(
        pk__in=visible.values("department_id")
    ).order_by(Lower(shown_order("name")))
    form = IndicatorFilterForm(
        request.GET or None, focus_areas=focus_areas, departments=departments
    )
    rows = load_rows(form.filter(visible))
    # By the name as shown, the rule of the focus-area pages (overview.py).
    rows.sort(key=lambda row: row.indicator.name_i18n.casefold())
    if form.status:
        rows = [row for row in rows if row.status == form.status]
    ctx = {
        "strategy": strategy,
        "form": form,
        "rows": rows,
        "summary": summarise(row for row in rows if row.indicator.is_active),
        "demo_data_shown": any(row.indicator.is_demo for row in rows),
    }
    return render(request, "indicators/list.html", ctx)


@dataclass(frozen=True)
class ReadingRow:
    """A reading with the status it gave and the plan for its period."""

    reading: Reading
    status: status.Status
    planned: Decimal | None

    @property
    def needs_explanation(self) -> bool:
        return status.needs_explanation(self.status)


def reading_rows(indicator: Indicator, readings) -> list[ReadingRow]:
    """Each reading judged by the status rule against the plan of its year."""
    targets = targets_of(indicator)
    rows = []
    for reading in readings:
        assessment = status.assess(indicator, reading, targets)
        planned = (
            status.planned_value(indicator, reading.year, targets)
            if indicator.is_numeric
            else None
        )
        rows.append(ReadingRow(reading, assessment.status, planned))
    return rows


def indicator_detail(request, pk: int):
    visible = Indicator.objects.visible_to(request.user)
    # Indicator with strategy and department (1), latest reading (1), annual
    # targets (1), measures with focus areas (1), success factors (1).
    indicator = get_object_or_404(
        with_progress_data(visible).prefetch_related(
            "success_factors",
            Prefetch("measures", Measure.objects.select_related("focus_area")),
        ),
        pk=pk,
    )
    readings = list(indicator.readings.valid().order_by("period_end"))  # 1
    progress = progress_of(indicator)
    rows = reading_rows(indicator, readings)
    updated = max(
        [indicator.updated_at] + [r.updated_at for r in readings], default=None
    )
    ctx = {
        "indicator": indicator,
        "progress": progress,
        "rows": rows,
        "readings": readings,
        "narratives": [row for row in rows if row.reading.narrative],
        "last_updated": updated,
        "can_record": permissions.can_record(request.user, indicator),
        "can_override": permissions.can_override(request.user),
        # The history names the staff who made each change: logged-in only.
        "changes": (
            indicator_changes(indicator) if request.user.is_authenticated else []
        ),
        "demo_data_shown": indicator.is_demo,
    }
    return render(request, "indicators/detail.html", ctx)


def how_to_read(request):
    ctx = {
        "ON_TRACK_SLACK": status.ON_TRACK_SLACK,
        "AT_RISK_SLACK": status.AT_RISK_SLACK,
        "HOLD_ON_TRACK_SLACK": status.HOLD_ON_TRACK_SLACK,
        "HOLD_AT_RISK_SLACK": status.HOLD_AT_RISK_SLACK,
        "statuses": status.ORDER,
        "example": worked_example(),
    }
    return render(request, "indicators/how_to_read.html", ctx)


@dataclass(frozen=True)
class _ExampleIndicator:
    """An indicator that exists only to run the status rule on an example."""

    kind: str = "numeric"
    direction: str = status.INCREASE
    baseline_value: Decimal = Decimal(100)
    baseline_year: int = 2023
    target_value: Decimal = Decimal(150)
    target_year: int = 2028


def worked_example() -> dict:
    """The example of the how-to-read page, computed by the real rule.

    A path of 100 km (2023) to 150 km (2028); the plan for 2025 is 120 km.
    The sample values sit in each band of the rule, wherever its constants
    put the bands, so the page never contradicts the code.
    """
    indicator = _ExampleIndicator()
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
