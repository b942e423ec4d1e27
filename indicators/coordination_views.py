"""The coordinator's pages: publishing a draft indicator, the departments and
their members, and the on-time overview.

Coordinators and superusers only (``permissions``; the mayor's office also
reads the on-time overview): anyone else logged in gets 403, and anonymous
visitors go to the login page. The rules live in ``services``,
``departments`` and ``on_time``; these views only wire them up.
"""

import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from strategy import roles
from strategy.current import current_strategy_or_404
from strategy.models import Department

from . import formatting, permissions, services
from .department_forms import MemberForm
from .departments import (
    department_attach,
    department_detach,
    department_rows,
    display_name,
    recent_changes,
    unrecordable,
)
from .on_time import build_overview


@require_POST
@login_required
def publish(request, pk: int):
    indicator = permissions.get_indicator_for_publishing(request, pk)
    if services.indicator_publish(indicator=indicator, user=request.user):
        if indicator.is_public:
            text = _("Mittari julkaistiin: se näkyy nyt kaikille ja avoimessa datassa.")
        else:
            text = _("Mittari julkaistiin: se näkyy nyt kaikille kirjautuneille.")
        messages.success(request, text)
    else:
        messages.info(request, _("Mittari oli jo julkaistu."))
    return redirect(indicator)


@require_safe
@login_required
def on_time(request):
    permissions.require_on_time_reader(request.user)
    strategy = current_strategy_or_404(request)
    overview = build_overview(strategy)
    ctx = {
        "strategy": strategy,
        "overview": overview,
        "grace_days": settings.INDICATOR_GRACE_DAYS,
        # The mayor's office comes here from the reports, not from /omat/.
        "from_reports": not roles.is_coordinator(request.user),
        "demo_data_shown": any(p.indicator.is_demo for p in overview.periods)
        or any(o.indicator.is_demo for o in overview.overdue),
    }
    return render(request, "indicators/on_time.html", ctx)


@require_safe
@login_required
def on_time_csv(request):
    """The counted periods as CSV: semicolons and a byte order mark, as
    spreadsheets set to Finnish expect."""
    permissions.require_on_time_reader(request.user)
    strategy = current_strategy_or_404(request)
    overview = build_overview(strategy)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"kirjausten-ajantasaisuus-{overview.today.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Toimiala"),
            _("Mittari"),
            _("Mittarin tunnus"),
            _("Jakso"),
            _("Viimeinen päivä"),
            _("Kirjattu"),
            _("Ajallaan"),
            _("Myöhässä päivää"),
            _("Kirjaamisesta vastaava"),
        ]
    )
    for row in sorted(
        overview.periods,
        key=lambda r: (str(r.indicator.department), r.indicator.name, r.deadline),
    ):
        indicator = row.indicator
        writer.writerow(
            [
                indicator.department,
                indicator.name,
                indicator.pk,
                row.period.label(),
                formatting.short_date(row.deadline),
                formatting.short_date(row.recorded) if row.recorded else "",
                _("kyllä") if row.on_time else _("ei"),
                row.days_late(overview.today),
                str(indicator.responsible or ""),
            ]
        )
    return response


def _auto_id(department, attach: bool) -> str:
    """Field ids unique on the page: two forms per department."""
    return f"id_%s_{department.pk}_{'attach' if attach else 'detach'}"


def _departments_page(request, strategy, *, failed=None, status=200):
    """/toimialat/, with ``failed`` (a bound form with errors) in its place."""
    rows = []
    for row in department_rows(strategy):
        forms = {}
        for attach in (True, False):
            bound = (
                failed
                if failed
                and failed.department.pk == row.department.pk
                and failed.attach == attach
                else None
            )
            forms[attach] = bound or MemberForm(
                department=row.department,
                attach=attach,
                auto_id=_auto_id(row.department, attach),
            )
        rows.append((row, forms[True], forms[False]))
    ctx = {
        "strategy": strategy,
        "rows": rows,
        "unrecordable": unrecordable(strategy),
        "changes": recent_changes(),
    }
    return render(request, "indicators/departments.html", ctx, status=status)


@require_safe
@login_required
def departments(request):
    permissions.require_coordinator(request.user)
    return _departments_page(request, current_strategy_or_404(request))


@require_POST
@login_required
def department_members(request, pk: int):
    permissions.require_coordinator(request.user)
    department = get_object_or_404(Department, pk=pk)
    attach = request.POST.get("action") == "attach"
    form = MemberForm(
        request.POST,
        department=department,
        attach=attach,
        auto_id=_auto_id(department, attach),
    )
    if not form.is_valid():
        strategy = current_strategy_or_404(request)
        return _departments_page(request, strategy, failed=form, status=400)
    user = form.cleaned_data["user"]
    if attach:
        department_attach(department=department, user=user, by=request.user)
        text = _("%(user)s liitettiin toimialaan %(department)s.")
    else:
        department_detach(department=department, user=user, by=request.user)
        text = _("%(user)s irrotettiin toimialasta %(department)s.")
    messages.success(
        request, text % {"user": display_name(user), "department": department}
    )
    return redirect(f"{reverse('indicators:departments')}#toimiala-{department.pk}")
