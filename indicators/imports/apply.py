"""Saving a checked import: every row or none, through ``services``."""

from django.db import transaction

from .. import services
from .preview import CORRECTION, NEW, Preview

# django-simple-history keeps a change reason of at most 100 characters.
REASON_MAX = 100


class NotConfirmable(Exception):
    """The preview has rows with errors; nothing may be saved."""


def import_reason(file_name: str, user) -> str:
    """The history's note on each imported reading: which file, who confirmed."""
    who = user.get_full_name() or user.get_username()
    text = f"Tuonti tiedostosta {file_name}; vahvisti {who}"
    if len(text) <= REASON_MAX:
        return text
    room = REASON_MAX - len(text) + len(file_name) - 1
    return f"Tuonti tiedostosta {file_name[: max(room, 8)]}…; vahvisti {who}"[
        :REASON_MAX
    ]


@transaction.atomic
def import_apply(*, preview: Preview, user, file_name: str) -> dict[str, int]:
    """Record the new rows and correct the changed ones; counts by action.

    A reading saved by someone else since the preview (``services.PeriodTaken``
    or ``locking.Conflict``) aborts the whole import: the transaction rolls
    back and the caller shows the preview again.
    """
    if not preview.ok:
        raise NotConfirmable
    reason = import_reason(file_name, user)
    for row in preview.rows:
        if row.action == NEW:
            services.reading_record(
                indicator=row.indicator, user=user, fields=row.fields, reason=reason
            )
        elif row.action == CORRECTION:
            services.reading_correct(
                reading=row.reading,
                user=user,
                lock_version=row.fields["lock_version"],
                fields=row.fields,
                reason=reason,
            )
    return preview.counts
