"""The mid-term report: list, read, print/PDF (everyone for published reports),
write and publish (the mayor's office)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from indicators.locking import Conflict
from strategy import roles
from strategy.current import current_strategy_or_404
from strategy.restore import posted

from . import files, pdf, readings_data, services, word
from .checklist import publish_checklist
from .document import build_document, dropped_links_in, preview_document
from .forms import DraftForm, PublishForm, ReportForm, SectionForm
from .freeze import build, content_of
from .models import MidtermReport
from .typed import typed_texts


def can_edit(user) -> bool:
    """Writing and publishing: the mayor's office (and superusers)."""
    return roles.is_mayors_office(user)


def can_read_drafts(user) -> bool:
    """Drafts: the mayor's office and the strategy coordinators (DESIGN.md)."""
    return roles.is_mayors_office(user) or roles.is_coordinator(user)


def _get_report_for_reading(request, pk: int) -> MidtermReport:
    """The report, or 404 for a draft the user may not see."""
    report = get_object_or_404(
        MidtermReport.objects.select_related(
            "strategy", "published_by", "supersedes", "superseded_by"
        ),
        pk=pk,
    )
    if not report.is_published and not can_read_drafts(request.user):
        raise Http404
    return report


def _get_report_for_editing(request, pk: int) -> MidtermReport:
    """The report for a write; 403 for anyone but the mayor's office."""
    if not can_edit(request.user):
        raise PermissionDenied
    return get_object_or_404(MidtermReport.objects.select_related("strategy"), pk=pk)


def _section_forms(request, report: MidtermReport) -> list:
    sections = report.sections.select_related("focus_area")
    return [
        SectionForm(
            posted(request),
            instance=section,
            prefix=f"alue-{section.focus_area.number}",
        )
        for section in sections
    ]


# /raportit/


@require_safe
def report_list(request):
    drafts = can_read_drafts(request.user)
    reports = MidtermReport.objects.select_related("strategy", "superseded_by")
    if not drafts:
        reports = reports.published()
    ctx = {
        "reports": reports,
        "can_edit": can_edit(request.user),
        "drafts_shown": drafts,
    }
    return render(request, "reports/list.html", ctx)


@require_safe
def report_detail(request, pk: int):
    report = _get_report_for_reading(request, pk)
    doc = build_document(report)
    pdf_problem = pdf.unavailable_reason()
    ctx = {
        "report": report,
        "doc": doc,
        "can_edit": can_edit(request.user),
        "pdf_problem": pdf_problem,
        # The reader is told when the files are yet to be made (published: by
        # the background task; a draft's: on demand, which takes a while).
        "pdf_wait": not pdf_problem and not files.is_kept(report),
        "demo_data_shown": doc["is_demo"],
        "today": timezone.localdate(),
        "dropped_links": [] if report.is_published else dropped_links_in(report),
    }
    return render(request, "reports/detail.html", ctx)


def _preparing(request, report: MidtermReport, kind: str):
    """The page a reader gets until a published report's file is made: the
    render is queued (once), never started by the request."""
    files.request_files(report, get_language())
    ctx = {"report": report, "kind": kind}
    response = render(request, "reports/file_preparing.html", ctx, status=503)
    response["Retry-After"] = "30"
    return response


def _draft_busy(request, report: MidtermReport):
    ctx = {"report": report}
    return render(request, "reports/draft_render_busy.html", ctx, status=429)


@require_safe
def report_pdf(request, pk: int):
    report = _get_report_for_reading(request, pk)
    problem = pdf.unavailable_reason()
    if problem:
        ctx = {"report": report, "pdf_problem": problem}
        return render(request, "reports/pdf_unavailable.html", ctx, status=503)
    if report.is_published:
        if not pdf.is_kept(report):
            response = _preparing(request, report, "pdf")
            # Under `make run` (immediate tasks) it was made just now.
            if not pdf.is_kept(report):
                return response
        content = pdf.report_pdf(report)
    else:
        try:
            with files.draft_render(request.user):
                base_url = request.build_absolute_uri("/")
                content = pdf.render_pdf(report, base_url=base_url)
        except files.Busy:
            return _draft_busy(request, report)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf_filename(report)}"'
    return response


def pdf_filename(report: MidtermReport) -> str:
    name = slugify(f"{report.strategy.municipality} {report.title}") or "raportti"
    state = f"v{report.edition}" if report.is_published else "luonnos"
    return f"{name}-{report.cutoff_date:%Y-%m-%d}-{state}.pdf"


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@require_safe
def report_docx(request, pk: int):
    """The report as a Word document, for the council's agenda system."""
    report = _get_report_for_reading(request, pk)
    if report.is_published:
        if not word.is_kept(report):
            response = _preparing(request, report, "docx")
            if not word.is_kept(report):
                return response
        content = word.report_docx(report)
    else:
        try:
            with files.draft_render(request.user):
                content = word.render_docx(report)
        except files.Busy:
            return _draft_busy(request, report)
    response = HttpResponse(content, content_type=DOCX_TYPE)
    name = pdf_filename(report).removesuffix(".pdf") + ".docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


DATA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@require_safe
def report_data(request, pk: int, extension: str):
    """Every reading of the report as CSV or XLSX (frozen once published)."""
    if extension not in DATA_TYPES:
        raise Http404
    report = _get_report_for_reading(request, pk)
    content = content_of(report)
    if extension == "csv":
        body = readings_data.to_csv(content)
    else:
        body = readings_data.to_xlsx(content, str(content.title))
    response = HttpResponse(body, content_type=DATA_TYPES[extension])
    name = readings_data.filename(report, extension)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# /raportit/uusi/, /raportit/<pk>/muokkaa/, /julkaise/, /uusi-versio/


@login_required
def report_create(request):
    if not can_edit(request.user):
        raise PermissionDenied
    strategy = current_strategy_or_404(request)
    # The strategy's mid-term date once it has passed; the office may change it.
    today = timezone.localdate()
    initial = {
        "title": _("Kaupunkistrategian väliraportti kaupunginvaltuustolle"),
        "cutoff_date": min(today, strategy.midterm_date or today),
    }
    form = ReportForm(posted(request), strategy=strategy, initial=initial)
    if request.method == "POST" and form.is_valid():
        report = services.report_create(strategy=strategy, **form.cleaned_data)
        messages.success(
            request,
            _("Luonnos on luotu. Kirjoita painopistealueiden kuvaukset."),
        )
        return redirect("reports:update", pk=report.pk)
    return render(request, "reports/create.html", {"form": form, "strategy": strategy})


def report_update(request, pk: int):
    if not request.user.is_authenticated:
        if request.method == "POST":
            # The session ran out while the text was being written: give the
            # text back rather than lose it on the way to the login page.
            ctx = {"texts": typed_texts(request.POST), "pk": pk}
            return render(request, "reports/session_expired.html", ctx, status=403)
        return redirect_to_login(request.get_full_path())
    report = _get_report_for_editing(request, pk)
    if report.is_published:
        messages.error(
            request,
            _(
                "Julkaistua raporttia ei voi muokata. Tee siitä uusi versio, jos "
                "sitä on korjattava."
            ),
        )
        return redirect(report)
    form = DraftForm(posted(request), instance=report, strategy=report.strategy)
    sections = _section_forms(request, report)
    conflict = None
    preview = None
    if request.method == "POST":
        # Validate every form (no short-circuit), so all errors show at once.
        results = [form.is_valid()] + [section.is_valid() for section in sections]
        if "preview" in request.POST:
            # The text just typed, shown as the report; nothing is saved, and
            # the forms below the preview still hold every word.
            if all(results):
                preview = preview_document(report, [s.instance for s in sections])
        elif all(results):
            try:
                with transaction.atomic():
                    services.claim_draft(report, form.cleaned_data["lock_version"])
                    form.save()
                    for section in sections:
                        section.save()
            except Conflict as exc:
                conflict = exc.current
            else:
                messages.success(request, _("Luonnos on tallennettu."))
                return redirect(report)
    last_change = services.last_change(conflict) if conflict else None
    ctx = {
        "report": report,
        "form": form,
        "sections": sections,
        "conflict": conflict,
        "last_change": last_change,
        # A page without the version (older than this check, or tampered).
        "page_outdated": conflict and form.cleaned_data["lock_version"] is None,
        "saved_by_you": last_change and last_change.history_user_id == request.user.pk,
        "preview": preview,
    }
    return render(request, "reports/update.html", ctx, status=409 if conflict else 200)


@login_required
def report_publish(request, pk: int):
    report = _get_report_for_editing(request, pk)
    if report.is_published:
        messages.info(request, _("Raportti on jo julkaistu."))
        return redirect(report)
    # Not ``posted(request)``: an empty POST (box unticked) must be bound.
    form = PublishForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_publish(report=report, user=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Raportti on julkaistu. Sen sisältö ei enää muutu.")
            )
            return redirect(report)
    today = timezone.localdate()
    checks = publish_checklist(report, build(report), today)
    ctx = {"report": report, "form": form, "checks": checks, "today": today}
    return render(request, "reports/publish.html", ctx)


@login_required
def report_new_version(request, pk: int):
    report = _get_report_for_editing(request, pk)
    if not report.is_published:
        return redirect("reports:update", pk=report.pk)
    if request.method == "POST":
        new = services.report_new_version(report=report)
        if new.is_published:
            return redirect(new)
        messages.success(
            request,
            _(
                "Uusi versio on luonnos. Edellinen versio pysyy julkaistuna, "
                "kunnes uusi julkaistaan."
            ),
        )
        return redirect("reports:update", pk=new.pk)
    return render(request, "reports/new_version.html", {"report": report})
