"""Who may write what: the one place where the entry pages check access.

Staff record, correct and withdraw readings for the indicators of the
departments they belong to (``Department.members``); strategy coordinators and
superusers do it for every department. A measure's progress updates follow the
same rule with the measure's responsible department. Only coordinators and superusers
override a computed status. Anonymous visitors never get this far: the views
are behind ``login_required``.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from strategy import roles
from strategy.models import Department, Measure, MeasureUpdate

from .models import Indicator, Reading


def department_ids(user) -> set[int]:
    """The departments the user belongs to (cached on the user object)."""
    if not user.is_authenticated:
        return set()
    cache = getattr(user, "_department_ids", None)
    if cache is None:
        cache = set(
            Department.objects.filter(members=user).values_list("pk", flat=True)
        )
        user._department_ids = cache
    return cache


def records_for_all(user) -> bool:
    """Coordinators and superusers record for every department."""
    return roles.is_coordinator(user)  # true for superusers too


def can_record(user, indicator) -> bool:
    """May ``user`` record, correct and withdraw readings of ``indicator``
    (a model row or a state's definition: its ``department_id`` decides)?"""
    if not user.is_authenticated or not user.is_active:
        return False
    if records_for_all(user):
        return True
    return indicator.department_id in department_ids(user)


def can_import(user) -> bool:
    """May ``user`` import readings from a file (``/tuonti/``)? Those who
    record for some department; each row is then checked by ``can_record``."""
    if not user.is_authenticated or not user.is_active:
        return False
    return records_for_all(user) or bool(department_ids(user))


def can_import_statistics(user) -> bool:
    """National statistics files touch every department's indicators and the
    peers: coordinators only."""
    return roles.is_coordinator(user)


def can_override(user) -> bool:
    """May ``user`` set the shown status of an indicator by hand?"""
    return roles.is_coordinator(user)


def can_publish(user) -> bool:
    """May ``user`` publish a draft indicator?"""
    return roles.is_coordinator(user)


def require_coordinator(user) -> None:
    """Refuse (403) anyone but coordinators and superusers: the departments'
    members page."""
    if not roles.is_coordinator(user):
        raise PermissionDenied


def reads_on_time(user) -> bool:
    """The on-time overview is the coordinators' tool; the mayor's office
    reads it too (DESIGN.md), and nothing on it writes."""
    return roles.is_coordinator(user) or roles.is_mayors_office(user)


def require_on_time_reader(user) -> None:
    if not reads_on_time(user):
        raise PermissionDenied


def get_indicator_for_publishing(request, pk: int) -> Indicator:
    indicator = get_object_or_404(Indicator, pk=pk)
    if not can_publish(request.user):
        raise PermissionDenied
    return indicator


def get_indicator_for_recording(request, pk: int) -> Indicator:
    """The indicator, or 404 when there is none and 403 when not the user's."""
    indicator = get_object_or_404(
        Indicator.objects.select_related("strategy", "department"), pk=pk
    )
    if not can_record(request.user, indicator):
        raise PermissionDenied
    return indicator


def get_reading_for_editing(request, pk: int) -> Reading:
    """A valid (not withdrawn) reading the user may correct or withdraw."""
    reading = get_object_or_404(
        Reading.objects.valid().select_related(
            "indicator__strategy", "indicator__department", "updated_by"
        ),
        pk=pk,
    )
    if not can_record(request.user, reading.indicator):
        raise PermissionDenied
    return reading


def get_indicator_for_override(request, pk: int) -> Indicator:
    indicator = get_object_or_404(
        Indicator.objects.select_related("strategy", "department"), pk=pk
    )
    if not can_override(request.user):
        raise PermissionDenied
    return indicator


def can_update_measure(user, measure) -> bool:
    """May ``user`` write and correct progress updates of ``measure``?"""
    if not user.is_authenticated or not user.is_active:
        return False
    if records_for_all(user):
        return True
    return (
        measure.department_id is not None
        and measure.department_id in department_ids(user)
    )


def get_measure_for_updating(request, pk: int) -> Measure:
    """The measure, or 404 when there is none and 403 when not the user's."""
    measure = get_object_or_404(
        Measure.objects.select_related("focus_area__strategy", "department"), pk=pk
    )
    if not can_update_measure(request.user, measure):
        raise PermissionDenied
    return measure


def get_measure_update_for_editing(request, pk: int) -> MeasureUpdate:
    """A progress update the user may correct."""
    update = get_object_or_404(
        MeasureUpdate.objects.select_related(
            "measure__focus_area__strategy", "measure__department"
        ),
        pk=pk,
    )
    if not can_update_measure(request.user, update.measure):
        raise PermissionDenied
    return update
