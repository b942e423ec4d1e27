"""Reminder emails: each person who records readings gets one digest of the
indicators of their departments whose reading is due or overdue.

The rule:

- recipients are the active members of a department (``Department.members``)
  who have an email address; an indicator is in their digest when its awaited
  period is due or overdue (``due.due_state``; retired indicators never are);
- each indicator is in a person's digest at most once per period and state:
  once when the period falls due, once more when it becomes overdue, never
  twice for the same state. The ``Reminder`` log decides, one row per person,
  indicator, period and state (a unique constraint);
- the log rows are written in the transaction that sends the mail: a failed
  send logs nothing and is tried again on the next run, and of two runs at
  the same moment only one sends (the other meets the constraint).

``manage.py send_reminders`` runs it from cron (README: Reminders).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import translation

from strategy.models import Department, User

from .due import Due, DueState
from .loading import load_states
from .models import Indicator, Reminder
from .state import IndicatorState
from .worklist import due_of

WAITING = (DueState.OVERDUE, DueState.DUE)


@dataclass(frozen=True)
class Item:
    state: IndicatorState
    due: Due

    @property
    def key(self) -> tuple:
        period = self.due.period
        return (self.state.id, period.year, period.part, str(self.due.state))


@dataclass
class Digest:
    user: User
    items: list[Item]  # overdue first, then due; the longest waiting first

    @property
    def overdue(self) -> list[Item]:
        return [i for i in self.items if i.due.state == DueState.OVERDUE]

    @property
    def due(self) -> list[Item]:
        return [i for i in self.items if i.due.state == DueState.DUE]


def pending_digests(today: datetime.date) -> list[Digest]:
    """Who would be reminded of what today: only what they were not yet
    reminded of in the same state. A fixed number of queries."""
    memberships = (
        Department.members.through.objects.filter(user__is_active=True)
        .exclude(user__email="")
        .values_list("user_id", "department_id")
    )
    departments_of = defaultdict(set)
    for user_id, department_id in memberships:
        departments_of[user_id].add(department_id)
    if not departments_of:
        return []
    department_ids = set().union(*departments_of.values())
    states = load_states(
        Indicator.objects.active().filter(department__in=department_ids),
        measures=False,
    )
    waiting = [
        Item(s, due) for s in states if (due := due_of(s, today)).state in WAITING
    ]
    waiting.sort(
        key=lambda i: (i.due.urgency, i.due.due_date, i.state.definition.name.fi)
    )
    sent = set(
        Reminder.objects.filter(
            user_id__in=departments_of, indicator_id__in={i.state.id for i in waiting}
        ).values_list("user_id", "indicator_id", "year", "part", "due_state")
    )
    users = User.objects.in_bulk(departments_of)
    digests = []
    for user_id in sorted(departments_of, key=lambda pk: users[pk].username):
        items = [
            item
            for item in waiting
            if item.state.definition.department_id in departments_of[user_id]
            and (user_id, *item.key) not in sent
        ]
        if items:
            digests.append(Digest(users[user_id], items))
    return digests


def message(digest: Digest) -> tuple[str, str]:
    """The subject and plain-text body of ``digest``, in the city's language."""
    with translation.override(settings.LANGUAGE_CODE):
        ctx = {"digest": digest, "site_url": settings.SITE_URL.rstrip("/")}
        body = render_to_string("indicators/email/reminder.txt", ctx)
        subject = render_to_string("indicators/email/reminder_subject.txt", ctx)
    return " ".join(subject.split()), body


def send_digest(digest: Digest) -> bool:
    """Send ``digest`` and log it; False when another run logged it first."""
    subject, body = message(digest)
    try:
        with transaction.atomic():
            Reminder.objects.bulk_create(
                Reminder(
                    user=digest.user,
                    indicator_id=item.state.id,
                    year=item.due.period.year,
                    part=item.due.period.part,
                    due_state=str(item.due.state),
                )
                for item in digest.items
            )
            # Inside the transaction: a failed send logs nothing.
            send_mail(subject, body, None, [digest.user.email])
    except IntegrityError:
        return False
    return True


def last_reminded(user) -> datetime.datetime | None:
    """When ``user`` was last sent a reminder (for /omat/)."""
    return Reminder.objects.filter(user=user).aggregate(last=Max("sent_at"))["last"]
