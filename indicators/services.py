"""Writes of readings and of a status override: record, correct, withdraw, set.

The entry views call these after their forms have checked the input and
``permissions`` has checked the user; imports and commands may call them too.
Each runs in one transaction, stamps who changed what and when, and keeps the
history (django-simple-history). Corrections and withdrawals name the lock
version they were based on (``locking.claim``): someone else's save in
between raises ``locking.Conflict`` and nothing is written.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .locking import claim
from .models import Indicator, Reading

READING_FIELDS = [
    "year",
    "part",
    "value",
    "preliminary",
    "qualitative_status",
    "narrative",
    "narrative_en",
    "evidence",
]


# A correction mends what was recorded for a period; it never moves a reading
# to another period (that is a withdrawal and a new reading).
CORRECTABLE_FIELDS = [name for name in READING_FIELDS if name not in ("year", "part")]


class PeriodTaken(Exception):
    """A valid reading for the period was saved a moment ago by someone else."""


def _save(reading: Reading) -> None:
    try:
        with transaction.atomic():
            reading.save()
    except IntegrityError as exc:
        # The unique constraint of one valid reading per period: the form
        # checked it, so someone recorded the same period in between.
        raise PeriodTaken from exc


@transaction.atomic
def reading_record(
    *, indicator: Indicator, user, fields: dict, reason: str = ""
) -> Reading:
    """A new reading of ``indicator`` with ``fields`` (see READING_FIELDS);
    ``reason`` goes into its history (a confirmed unusual value, an import)."""
    now = timezone.now()
    reading = Reading(
        indicator=indicator,
        created_by=user,
        updated_by=user,
        created_at=now,
        updated_at=now,
        **{name: value for name, value in fields.items() if name in READING_FIELDS},
    )
    reading._history_user = user
    reading._change_reason = reason or None
    _save(reading)
    return reading


def _stamp(reading: Reading, user) -> None:
    reading.lock_version += 1
    reading._history_user = user
    reading.updated_by = user
    reading.updated_at = timezone.now()


@transaction.atomic
def reading_correct(
    *, reading: Reading, user, lock_version: int, fields: dict, reason: str
) -> Reading:
    """Correct ``reading`` (its lock version as the editor saw it) with ``fields``.

    ``reason`` says why, and goes into the history beside the change. The
    period stays: a ``year`` or ``part`` other than the reading's raises
    ``ValueError`` and nothing is written.
    """
    if not reason.strip():
        raise ValueError("a correction needs a reason")
    for name in ("year", "part"):
        if name in fields and fields[name] != getattr(reading, name):
            raise ValueError("a correction cannot move a reading to another period")
    claim(Reading.objects.valid(), reading.pk, lock_version)
    for name, value in fields.items():
        if name in CORRECTABLE_FIELDS:
            setattr(reading, name, value)
    reading.lock_version = lock_version
    _stamp(reading, user)
    reading._change_reason = reason.strip()
    reading.corrected_at = reading.updated_at
    _save(reading)
    return reading


@transaction.atomic
def reading_withdraw(*, reading: Reading, user, lock_version: int, reason: str):
    """Withdraw ``reading``: it no longer counts, and stays in the history."""
    claim(Reading.objects.valid(), reading.pk, lock_version)
    reading.lock_version = lock_version
    _stamp(reading, user)
    reading.withdrawn_at = reading.updated_at
    reading.withdrawn_reason = reason
    reading.save()
    return reading


@transaction.atomic
def indicator_set_override(
    *, indicator: Indicator, user, status: str, justification: str
) -> Indicator:
    """Set (or, with ``status=""``, clear) the status shown instead of the
    computed one; either way the justification goes into the history."""
    indicator.status_override = status
    # The model keeps a justification only beside a set status (a check
    # constraint); the reason for clearing one lives in the history.
    indicator.override_justification = justification if status else ""
    indicator._change_reason = justification
    indicator._history_user = user
    indicator.save()
    return indicator


@transaction.atomic
def indicator_publish(*, indicator: Indicator, user) -> bool:
    """Publish a draft: from now on it shows to everyone (if not internal), in
    counts, the API, exports and feeds. False when it was published already.

    One conditional UPDATE decides, so two coordinators pressing the button
    at once publish it once; the history names who did it.
    """
    now = timezone.now()
    published = Indicator.objects.filter(
        pk=indicator.pk, published_at__isnull=True
    ).update(published_at=now)
    if not published:
        return False
    indicator.refresh_from_db()
    indicator._history_user = user
    indicator._change_reason = "Julkaistu"
    # The UPDATE above left no version in the history; this save does.
    indicator.save(update_fields=["published_at", "updated_at"])
    return True
