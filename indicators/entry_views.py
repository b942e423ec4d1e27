"""Staff pages: my indicators, recording, correcting and withdrawing readings,
and the coordinator's status override.

Access is checked in ``permissions``; the rules of a valid reading live in the
forms and in ``periods`` / ``status``. Every successful POST redirects to the
indicator's page with a message.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import permissions
from .due import indicator_due
from .forms import ReadingForm, ReadingUpdateForm, StatusOverrideForm, WithdrawForm
from .models import Indicator, Reading
from .progress import progress_of, with_progress_data
from .worklist import worklist_rows


def today() -> datetime.date:
    """Today in the city's time zone (one place, so tests can pin it)."""
    return timezone.localdate()


@login_required
def mine(request):
    user = request.user
    indicators = Indicator.objects.active()
    if not permissions.records_for_all(user):
        indicators = indicators.filter(department__in=permissions.department_ids(user))
    day = today()
    progresses = [progress_of(i, today=day) for i in with_progress_data(indicators)]
    # Overdue first, then due, then the rest; within each, the longest waiting.
    progresses.sort(
        key=lambda p: (
            p.due.urgency,
            p.due.due_date or datetime.date.max,
            p.indicator.name.lower(),
        )
    )
    ctx = {
        "rows": worklist_rows(progresses, can_override=permissions.can_override(user)),
        "counts": {
            state: sum(1 for p in progresses if p.due.state == state)
            for state in ("overdue", "due")
        },
        "all_departments": permissions.records_for_all(user),
        "demo_data_shown": any(p.indicator.is_demo for p in progresses),
    }
    return render(request, "indicators/mine.html", ctx)


def _initial_period(indicator: Indicator, day: datetime.date) -> dict:
    """The period awaiting a reading, kept inside the strategy period."""
    latest = indicator.readings.valid().latest_first().first()
    period = indicator_due(indicator, latest, day).period
    if period is None:  # a retired indicator: nothing is awaited
        return {}
    if period.year > indicator.strategy.end_year:
        return {}
    return {"year": period.year, "part": period.part}


@login_required
def reading_create(request, pk: int):
    indicator = permissions.get_indicator_for_recording(request, pk)
    if not indicator.is_active:
        messages.error(
            request,
            _("Mittari on poistunut käytöstä, eikä sille kirjata uusia tuloksia."),
        )
        return redirect(indicator)
    day = today()
    form = ReadingForm(
        request.POST or None,
        indicator=indicator,
        today=day,
        initial=_initial_period(indicator, day),
    )
    if request.method == "POST" and form.is_valid():
        reading = form.save(commit=False)
        reading.created_by = reading.updated_by = request.user
        reading.created_at = reading.updated_at = timezone.now()
        if _save_or_explain(form, reading):
            messages.success(
                request,
                _("Tulos %(period)s tallennettiin.") % {"period": reading.period},
            )
            return redirect(indicator)
    ctx = {"indicator": indicator, "form": form, "demo_data_shown": indicator.is_demo}
    return render(request, "indicators/reading_form.html", ctx)


def _save_or_explain(form, reading: Reading) -> bool:
    """Save; if someone recorded the same period a moment ago, say so."""
    try:
        with transaction.atomic():
            reading.save()
    except IntegrityError:
        # The form checked the period before saving; run its checks again so
        # that the message names the reading saved in between.
        form.full_clean()
        if form.is_valid():
            raise
        return False
    return True


@login_required
def reading_update(request, pk: int):
    reading = permissions.get_reading_for_editing(request, pk)
    indicator = reading.indicator
    day = today()
    form = ReadingUpdateForm(
        request.POST or None, instance=reading, indicator=indicator, today=day
    )
    conflict = None
    saved = False
    if request.method == "POST" and form.is_valid():
        if not form.has_changed():
            messages.info(request, _("Tulokseen ei tehty muutoksia."))
            return redirect(indicator)
        with transaction.atomic():
            conflict = _changed_since(reading.pk, form.cleaned_data["version"])
            if conflict is None:
                _stamp_change(reading, request.user, form.cleaned_data["version"])
                saved = _save_or_explain(form, reading)
        if conflict is None and saved:
            messages.success(
                request,
                _("Tuloksen %(period)s korjaus tallennettiin.")
                % {"period": reading.period},
            )
            return redirect(indicator)
    return _versioned_page(
        request, "indicators/reading_form.html", reading, form, conflict
    )


def _changed_since(pk: int, version: int) -> Reading | None:
    """The reading as saved now, if it changed after ``version``; else None.

    Locks the row until the end of the surrounding transaction, so that no
    one can save between this check and our own save.

    The reading alone, without a join to who changed it (the explanation
    loads that after): PostgreSQL re-checks a row that was locked and changed
    meanwhile against the joined row it read before the wait, and a save by
    someone else no longer matches it, so the row would simply vanish
    (Reading.DoesNotExist, a server error instead of the 409 page).
    """
    current = Reading.objects.select_for_update().get(pk=pk)
    if current.version != version or current.is_withdrawn:
        return current
    return None


def _stamp_change(reading: Reading, user, version: int) -> None:
    """Who changed the reading and when, one version past the one edited."""
    reading.version = version + 1
    reading.updated_by = user
    reading.updated_at = timezone.now()


def _versioned_page(request, template: str, reading: Reading, form, conflict):
    """A reading's correction or withdrawal page; 409 when someone saved first."""
    ctx = {
        "indicator": reading.indicator,
        "reading": reading,
        "form": form,
        "conflict": conflict,
        "demo_data_shown": reading.indicator.is_demo,
    }
    return render(request, template, ctx, status=409 if conflict else 200)


@login_required
def reading_withdraw(request, pk: int):
    reading = permissions.get_reading_for_editing(request, pk)
    indicator = reading.indicator
    form = WithdrawForm(request.POST or None, initial={"version": reading.version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            conflict = _changed_since(reading.pk, form.cleaned_data["version"])
            if conflict is None:
                _stamp_change(reading, request.user, form.cleaned_data["version"])
                reading.withdrawn_at = reading.updated_at
                reading.withdrawn_reason = form.cleaned_data["reason"]
                reading.save()
        if conflict is None:
            messages.success(
                request,
                _(
                    "Tulos %(period)s peruttiin. Jakson tuloksen voi nyt kirjata "
                    "uudelleen."
                )
                % {"period": reading.period},
            )
            return redirect(indicator)
    return _versioned_page(
        request, "indicators/reading_withdraw.html", reading, form, conflict
    )


@login_required
def status_override(request, pk: int):
    indicator = permissions.get_indicator_for_override(request, pk)
    form = StatusOverrideForm(request.POST or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        form.save()
        if indicator.status_override:
            text = _(
                "Mittarin tila asetettiin käsin. Laskettu tila näkyy sen rinnalla."
            )
        else:
            text = _("Käsin asetettu tila poistettiin; mittarilla näkyy laskettu tila.")
        messages.success(request, text)
        return redirect(indicator)
    ctx = {
        "indicator": indicator,
        "progress": progress_of(indicator, today=today()),
        "form": form,
        "demo_data_shown": indicator.is_demo,
    }
    return render(request, "indicators/status_override.html", ctx)
