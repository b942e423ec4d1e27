"""Optimistic locking: a save names the version of the row it was based on.

Readings and the mid-term report's drafts share this one mechanism. Each has
a ``lock_version`` counter; an edit page carries the counter as it was when
the page was opened, and ``claim`` moves it on by one in a single conditional
UPDATE. Of two saves based on the same version exactly one matches, on SQLite
and PostgreSQL alike (the loser's UPDATE waits for the winner's row lock and
then no longer matches), so nothing is written over unseen. Call it inside the
transaction that saves.
"""

from django.db.models import F, QuerySet


class Conflict(Exception):
    """Someone saved first; ``current`` is the row as it is now."""

    def __init__(self, current):
        super().__init__("saved meanwhile")
        self.current = current


def claim(queryset: QuerySet, pk: int, lock_version: int | None) -> None:
    """Take row ``pk`` of ``queryset`` for a save based on ``lock_version``.

    Raises ``Conflict`` (with the row as saved now, or None when it has left
    ``queryset``) when the row has changed since, or is no longer one the
    queryset admits (a withdrawn reading, a published report).
    """
    claimed = (
        lock_version is not None
        and queryset.filter(pk=pk, lock_version=lock_version).update(
            lock_version=F("lock_version") + 1
        )
        == 1
    )
    if not claimed:
        model = queryset.model
        raise Conflict(model._default_manager.filter(pk=pk).first())
