"""Measures' progress on the strategy's pages: phase, latest update, who may write.

The phase rule is ``strategy/progress.py``; this module only puts its answer
beside each measure for the page and asks ``permissions`` who may write.
"""

from dataclasses import dataclass

from strategy import progress
from strategy.current import current_strategy
from strategy.models import Measure, MeasureUpdate, Phase

from .permissions import can_update_measure, department_ids, records_for_all


@dataclass(frozen=True)
class MeasureProgress:
    phase: Phase
    latest: MeasureUpdate | None
    can_update: bool


def attach(measures, user) -> None:
    """Give each of ``measures`` its ``progress`` (one query for all)."""
    latest = progress.latest_updates(m.pk for m in measures)
    for measure in measures:
        update = latest.get(measure.pk)
        measure.progress = MeasureProgress(
            phase=progress.phase_of(update),
            latest=update,
            can_update=can_update_measure(user, measure),
        )


def of_user(request) -> list[Measure]:
    """The current strategy's measures whose updates the user writes, with
    their progress (``/omat/``): their departments', or all for coordinators."""
    user = request.user
    strategy = current_strategy(request)
    if strategy is None:
        return []
    measures = Measure.objects.filter(focus_area__strategy=strategy).select_related(
        "focus_area", "department"
    )
    if not records_for_all(user):
        measures = measures.filter(department__in=department_ids(user))
    measures = list(measures.order_by("focus_area__number", "order"))
    attach(measures, user)
    return measures
