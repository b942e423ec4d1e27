"""A measure's progress: its phase is the phase of its latest dated update.

The rule, in one place: the latest update is the one with the latest date,
and of two on the same day the one recorded later. A measure without updates
has not started (``DEFAULT_PHASE``). ``latest_updates`` is used live by the
pages; ``latest_updates_as_of`` reads the change history for the mid-term
report, so an update recorded or corrected after its cut-off does not show.
"""

import datetime
from collections import Counter

from .models import DEFAULT_PHASE, Measure, MeasureUpdate, Phase, Strategy


def _newest_first(update) -> tuple:
    return (update.date, update.created_at, update.pk)


def latest_of(updates) -> dict[int, MeasureUpdate]:
    """The latest of ``updates`` for each measure, by measure id."""
    latest = {}
    for update in updates:
        current = latest.get(update.measure_id)
        if current is None or _newest_first(update) > _newest_first(current):
            latest[update.measure_id] = update
    return latest


def latest_updates(measure_ids) -> dict[int, MeasureUpdate]:
    """The latest update of each of the measures (one query)."""
    return latest_of(
        MeasureUpdate.objects.filter(measure_id__in=list(measure_ids)).only(
            "pk", "measure_id", "date", "created_at", "phase", "text", "text_en"
        )
    )


def phase_of(latest: MeasureUpdate | None) -> Phase:
    return Phase(latest.phase) if latest is not None else DEFAULT_PHASE


def phase_counts(strategy: Strategy) -> list[tuple[Phase, int]]:
    """How many of the strategy's measures are in each phase (two queries)."""
    measure_ids = list(
        Measure.objects.filter(focus_area__strategy=strategy).values_list(
            "pk", flat=True
        )
    )
    latest = latest_updates(measure_ids)
    tally = Counter(phase_of(latest.get(pk)) for pk in measure_ids)
    return [(phase, tally[phase]) for phase in Phase]


def latest_updates_as_of(
    strategy: Strategy, moment: datetime.datetime, day: datetime.date
) -> dict[int, MeasureUpdate]:
    """Each measure's latest update dated by ``day``, as saved before ``moment``.

    Historical versions (django-simple-history) saved before ``moment``: an
    update recorded later is left out, one corrected later shows as it was.
    """
    versions = {}
    for row in MeasureUpdate.history.filter(
        measure__focus_area__strategy=strategy, history_date__lt=moment
    ).order_by("history_date", "history_id"):
        versions[row.id] = row
    alive = [
        row for row in versions.values() if row.history_type != "-" and row.date <= day
    ]
    return latest_of(alive)
