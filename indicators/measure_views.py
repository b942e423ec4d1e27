"""A measure's page with its progress updates, and the pages that write them.

Public: ``/toimenpiteet/<pk>/`` (the measure of the current strategy, its
phase, department, contact and every update newest first). Staff of the
measure's department and coordinators write (``/toimenpiteet/<pk>/paivita/``)
and correct (``/toimenpidepaivitykset/<pk>/muokkaa/``) updates; whom
``permissions`` refuses gets 403, and anonymous visitors the login page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from strategy import progress, services
from strategy.current import current_strategy_or_404
from strategy.forms import MeasureUpdateForm
from strategy.models import Measure

from .permissions import (
    can_update_measure,
    get_measure_for_updating,
    get_measure_update_for_editing,
)


@require_safe
def measure(request, pk: int):
    strategy = current_strategy_or_404(request)
    measure = get_object_or_404(
        Measure.objects.select_related("focus_area", "department", "contact"),
        pk=pk,
        focus_area__strategy=strategy,
    )
    updates = list(measure.updates.order_by("-date", "-created_at", "-pk"))
    ctx = {
        "strategy": strategy,
        "measure": measure,
        "area": measure.focus_area,
        "phase": progress.phase_of(updates[0] if updates else None),
        "updates": updates,
        "can_update": can_update_measure(request.user, measure),
        "demo_data_shown": any(update.is_demo for update in updates),
    }
    return render(request, "strategy/measure.html", ctx)


@login_required
def update_create(request, pk: int):
    measure = get_measure_for_updating(request, pk)
    form = MeasureUpdateForm(
        request.POST or None, measure=measure, today=timezone.localdate()
    )
    if request.method == "POST" and form.is_valid():
        services.measure_update_record(
            measure=measure, user=request.user, fields=form.cleaned_data
        )
        messages.success(request, _("Tilannekatsaus on tallennettu."))
        return redirect(measure.get_absolute_url())
    ctx = {"measure": measure, "area": measure.focus_area, "form": form}
    return render(request, "strategy/measure_update_form.html", ctx)


@login_required
def update_edit(request, pk: int):
    update = get_measure_update_for_editing(request, pk)
    measure = update.measure
    form = MeasureUpdateForm(
        request.POST or None,
        instance=update,
        measure=measure,
        today=timezone.localdate(),
    )
    if request.method == "POST" and form.is_valid():
        services.measure_update_correct(
            update=update, user=request.user, fields=form.cleaned_data
        )
        messages.success(request, _("Tilannekatsauksen korjaus on tallennettu."))
        return redirect(measure.get_absolute_url())
    ctx = {
        "measure": measure,
        "area": measure.focus_area,
        "form": form,
        "update": update,
    }
    return render(request, "strategy/measure_update_form.html", ctx)
