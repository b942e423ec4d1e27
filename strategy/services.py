"""Writes of a measure's progress updates (``MeasureUpdate``).

The views call these after the form has checked the input and
``indicators.permissions`` the user. Each stamps who wrote and when; the
history (django-simple-history) keeps every version.
"""

from django.db import transaction
from django.utils import timezone

from .models import Measure, MeasureUpdate

UPDATE_FIELDS = ["date", "phase", "text", "text_en"]


@transaction.atomic
def measure_update_record(*, measure: Measure, user, fields: dict) -> MeasureUpdate:
    """A new dated update of ``measure`` with ``fields`` (see UPDATE_FIELDS)."""
    now = timezone.now()
    update = MeasureUpdate(
        measure=measure,
        created_by=user,
        updated_by=user,
        created_at=now,
        updated_at=now,
        **{name: fields[name] for name in UPDATE_FIELDS if name in fields},
    )
    update._history_user = user
    update.save()
    return update


@transaction.atomic
def measure_update_correct(*, update: MeasureUpdate, user, fields: dict) -> None:
    """Correct an update; its earlier version stays in the history."""
    for name in UPDATE_FIELDS:
        if name in fields:
            setattr(update, name, fields[name])
    update.updated_by = user
    update.updated_at = timezone.now()
    update._history_user = user
    update.save()
