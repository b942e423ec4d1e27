"""Measures' progress on the strategy's pages: phase, latest update, who may write.

The phase rule is ``strategy/progress.py``; this module only puts its answer
beside each measure for the page and asks ``permissions`` who may write.
"""

from dataclasses import dataclass

from strategy import progress
from strategy.models import MeasureUpdate, Phase

from .permissions import can_update_measure


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
