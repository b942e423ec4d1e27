"""Staff pages: my indicators, recording, correcting and withdrawing readings,
and the coordinator's status override.

Access is checked in ``permissions``; the rules of a valid reading live in the
forms and in ``periods`` / ``status``; the writes go through ``services``.
Every successful POST redirects to the indicator's page with a message.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from strategy.restore import posted

from . import measure_progress, permissions, reminders, services
from .choices import Frequency
from .due import indicator_due
from .forms import ReadingForm, ReadingUpdateForm, StatusOverrideForm, WithdrawForm
from .loading import load_state, load_states
from .locking import Conflict
from .models import Indicator
from .state import entry_guidance
from .worklist import worklist_rows


@require_safe
@login_required
def mine(request):
    user = request.user
    indicators = Indicator.objects.active()
    if not permissions.records_for_all(user):
        indicators = indicators.filter(department__in=permissions.department_ids(user))
    today = timezone.localdate()
    rows = worklist_rows(
        load_states(indicators, measures=False),
        today=today,
        can_override=permissions.can_override(user),
    )
    ctx = {
        "rows": rows,
        "counts": {
            state: sum(1 for row in rows if row.due_state == state)
            for state in ("overdue", "due")
        },
        "all_departments": permissions.records_for_all(user),
        "demo_data_shown": any(row.state.definition.is_demo for row in rows),
        "last_reminded": reminders.last_reminded(user),
        "my_measures": measure_progress.of_user(request),
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


def _entry_page(request, template: str, indicator: Indicator, status=200, **ctx):
    """An entry page: the form, and the indicator's facts beside it."""
    state = load_state(Indicator.objects.all(), indicator.pk)
    ctx.update(indicator=indicator, state=state, demo_data_shown=indicator.is_demo)
    form = ctx.get("form")
    if isinstance(form, ReadingForm) and (period := _form_period(form)):
        form.guide(entry_guidance(state, *period), state.definition)
    return render(request, template, ctx, status=status)


def _form_period(form: ReadingForm) -> tuple[int, int] | None:
    """The period a reading form is about: the one typed (when it is a
    period), else the reading's or the one awaited."""
    cleaned = getattr(form, "cleaned_data", {})
    year = cleaned.get("year", form.initial.get("year", form.instance.year))
    part = cleaned.get("part", form.initial.get("part", form.instance.part)) or 0
    if year is None or form.indicator.strategy.year_outside(year):
        return None
    if (part == 0) != (form.indicator.frequency == Frequency.YEARLY):
        return None  # a quarter or month not (yet) chosen
    return year, part


def _versioned_page(request, template: str, reading, form, conflict):
    """A reading's correction or withdrawal page; 409 when someone saved first."""
    return _entry_page(
        request,
        template,
        reading.indicator,
        status=409 if conflict else 200,
        reading=reading,
        form=form,
        conflict=conflict,
    )


@login_required
def reading_create(request, pk: int):
    indicator = permissions.get_indicator_for_recording(request, pk)
    if not indicator.is_active:
        messages.error(
            request,
            _("Mittari on poistunut käytöstä, eikä sille kirjata uusia tuloksia."),
        )
        return redirect(indicator)
    today = timezone.localdate()
    form = ReadingForm(
        posted(request),
        indicator=indicator,
        today=today,
        initial=_initial_period(indicator, today),
    )
    if request.method == "POST" and form.is_valid():
        try:
            reading = services.reading_record(
                indicator=indicator,
                user=request.user,
                fields=form.cleaned_data,
                reason=form.change_reason,
            )
        except services.PeriodTaken:
            form.full_clean()  # now names the reading saved in between
        else:
            messages.success(
                request,
                _("Tulos %(period)s tallennettiin.") % {"period": reading.period},
            )
            return redirect(indicator)
    return _entry_page(request, "indicators/reading_form.html", indicator, form=form)


@login_required
def reading_update(request, pk: int):
    reading = permissions.get_reading_for_editing(request, pk)
    indicator = reading.indicator
    form = ReadingUpdateForm(
        posted(request),
        instance=reading,
        indicator=indicator,
        today=timezone.localdate(),
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        if not form.changes_reading:
            messages.info(request, _("Tulokseen ei tehty muutoksia."))
            return redirect(indicator)
        try:
            services.reading_correct(
                reading=reading,
                user=request.user,
                lock_version=form.cleaned_data["lock_version"],
                fields=form.cleaned_data,
                # The writer's reason, and a confirmed unusual value's note.
                reason=" ".join(
                    part
                    for part in (form.cleaned_data["reason"], form.change_reason)
                    if part
                ),
            )
        except Conflict as exc:
            conflict = exc.current
        except services.PeriodTaken:
            form.full_clean()
        else:
            messages.success(
                request,
                _("Tuloksen %(period)s korjaus tallennettiin.")
                % {"period": reading.period},
            )
            return redirect(indicator)
    return _versioned_page(
        request, "indicators/reading_form.html", reading, form, conflict
    )


@login_required
def reading_withdraw(request, pk: int):
    reading = permissions.get_reading_for_editing(request, pk)
    indicator = reading.indicator
    form = WithdrawForm(posted(request), initial={"lock_version": reading.lock_version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.reading_withdraw(
                reading=reading,
                user=request.user,
                lock_version=form.cleaned_data["lock_version"],
                reason=form.cleaned_data["reason"],
            )
        except Conflict as exc:
            conflict = exc.current
        else:
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
    form = StatusOverrideForm(posted(request), indicator=indicator)
    if request.method == "POST" and form.is_valid():
        services.indicator_set_override(
            indicator=indicator,
            user=request.user,
            status=form.cleaned_data["status"],
            justification=form.cleaned_data["justification"],
        )
        if indicator.status_override:
            text = _(
                "Mittarin tila asetettiin käsin. Laskettu tila näkyy sen rinnalla."
            )
        else:
            text = _("Käsin asetettu tila poistettiin; mittarilla näkyy laskettu tila.")
        messages.success(request, text)
        return redirect(indicator)
    return _entry_page(request, "indicators/status_override.html", indicator, form=form)
