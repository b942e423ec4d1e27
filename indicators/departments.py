"""Departments and their members, as the coordinator manages them (/toimialat/).

Who may record an indicator's readings is decided by the members of its
department (``permissions.can_record``), so the page shows each department's
members, the active indicators that nobody can record (their department has
no active member: only coordinators could), and the latest changes of
membership from the history, where every attach and detach is kept with who
did it and when (``Department.history``, django-simple-history).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.db.models import Count, Prefetch, Q

from strategy.models import Department, Strategy, User

from .models import Indicator


@dataclass(frozen=True)
class DepartmentRow:
    department: Department
    members: list[User]
    indicator_count: int  # its active indicators in the current strategy


@dataclass(frozen=True)
class MembershipChange:
    when: datetime.datetime
    by: str
    department: str
    added: list[str]
    removed: list[str]


def display_name(user) -> str:
    """ "Kaisa Niemelä (kirjaaja)": the name, and the login to tell apart."""
    name = user.get_full_name()
    return f"{name} ({user.username})" if name else user.username


def department_rows(strategy: Strategy) -> list[DepartmentRow]:
    """Every department with its active members and active indicators; two
    queries."""
    active = Q(
        indicators__strategy=strategy, indicators__is_active=True
    )  # the count's filter
    departments = Department.objects.annotate(
        indicator_count=Count("indicators", filter=active)
    ).prefetch_related(
        Prefetch(
            "members",
            queryset=User.objects.filter(is_active=True).order_by(
                "last_name", "first_name", "username"
            ),
        )
    )
    return [
        DepartmentRow(d, list(d.members.all()), d.indicator_count) for d in departments
    ]


def unrecordable(strategy: Strategy):
    """Active indicators whose department has no active member: nobody but
    a coordinator can record them."""
    staffed = Department.objects.filter(members__is_active=True)
    return (
        Indicator.objects.filter(strategy=strategy)
        .active()
        .exclude(department__in=staffed)
        .select_related("department")
        .order_by("department__name", "name")
    )


def recent_changes(limit: int = 20) -> list[MembershipChange]:
    """The latest changes of membership, newest first: each version of a
    department compared with the one before it; three queries."""
    history = Department.history.model
    versions = list(
        history.objects.select_related("history_user").order_by(
            "id", "history_date", "history_id"
        )
    )
    through = apps.get_model("strategy", "HistoricalDepartment_members")
    members = defaultdict(set)
    for history_id, user_id in through.objects.filter(
        history__in=[v.history_id for v in versions]
    ).values_list("history_id", "user_id"):
        members[history_id].add(user_id)
    changes = []
    previous = {}
    for version in versions:
        now = members[version.history_id]
        before = previous.get(version.id, set())
        previous[version.id] = now
        if now != before:
            changes.append((version, now - before, before - now))
    changes = sorted(changes, key=lambda c: c[0].history_date, reverse=True)[:limit]
    ids = {pk for _, added, removed in changes for pk in added | removed}
    names = {u.pk: display_name(u) for u in User.objects.filter(pk__in=ids)}
    return [
        MembershipChange(
            when=version.history_date,
            by=str(version.history_user or ""),
            department=version.name,
            added=sorted(names.get(pk, str(pk)) for pk in added),
            removed=sorted(names.get(pk, str(pk)) for pk in removed),
        )
        for version, added, removed in changes
    ]


@transaction.atomic
def department_attach(*, department: Department, user: User, by) -> None:
    """Attach ``user`` to ``department``; the history names ``by``."""
    department._history_user = by
    department.members.add(user)


@transaction.atomic
def department_detach(*, department: Department, user: User, by) -> None:
    """Detach ``user`` from ``department``; the history names ``by``."""
    department._history_user = by
    department.members.remove(user)
