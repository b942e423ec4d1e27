"""The import pages (``/tuonti/``): upload, preview, confirm; the template file.

Upload reads the file (``imports.parsing``) and keeps its rows in the
session — the app servers keep no state of their own — and redirects to the
preview, which checks every row again as of now (``imports.preview``).
Confirming saves all rows or none (``imports.apply``). Coordinators also
upload national statistics files here (``statistics``); their rows go
through the same preview and confirmation.
"""

import hashlib
import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from strategy.current import current_strategy_or_404

from . import permissions, services
from .imports.apply import import_apply
from .imports.parsing import MAX_FILE_BYTES, ImportFileError, Table, read_table
from .imports.preview import build_preview
from .imports.template import template_csv, template_xlsx
from .locking import Conflict
from .statistics.areas import StatisticsFileError
from .statistics.forms import StatisticsUploadForm
from .statistics.peers import PeerSummary, peers_apply
from .statistics.reading import read_statistics

SESSION_KEY = "indicators_import"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Taulukkotiedosto (CSV tai XLSX)"),
        help_text=gettext_lazy(
            "Sarakkeet: mittari, vuosi, jakso, arvo, ennakkotieto, tila, selitys, "
            "lähde. Lataa valmis pohja alta."
        ),
        error_messages={"required": gettext_lazy("Valitse tuotava tiedosto.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Tiedosto on liian suuri (yli %(size)s megatavua).")
                % {"size": MAX_FILE_BYTES // (1024 * 1024)},
                code="too_big",
            )
        return upload


def _require_importer(request) -> None:
    if not permissions.can_import(request.user):
        raise PermissionDenied


def _token(stored: dict, preview) -> str:
    """Names the file and what its preview said, so that a confirmation saves
    neither another file nor rows whose action changed since it was shown."""
    text = json.dumps(
        [stored["name"], stored["table"], stored.get("peers"), preview.signature()]
    )
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def keep_for_preview(request, *, name: str, table: Table, peers=None, source=""):
    """Keep an uploaded file's rows in the session until it is confirmed."""
    request.session[SESSION_KEY] = {
        "name": name,
        "source": source,
        "table": table.to_json(),
        "peers": peers,
    }


def _page(request, form, statistics_form=None, status=200):
    ctx = {
        "form": form,
        "statistics_form": statistics_form,
        "can_import_statistics": permissions.can_import_statistics(request.user),
    }
    return render(request, "indicators/import.html", ctx, status=status)


@login_required
def import_start(request):
    _require_importer(request)
    posted = request.method == "POST"
    form = UploadForm(request.POST, request.FILES) if posted else UploadForm()
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            table = read_table(upload.name, upload.read())
        except ImportFileError as exc:
            form.add_error("file", exc.message)
        else:
            keep_for_preview(request, name=upload.name, table=table)
            return redirect("indicators:import_preview")
    statistics_form = (
        StatisticsUploadForm()
        if permissions.can_import_statistics(request.user)
        else None
    )
    return _page(request, form, statistics_form, status=400 if form.errors else 200)


@login_required
def import_preview(request):
    _require_importer(request)
    stored = request.session.get(SESSION_KEY)
    if not stored:
        messages.info(request, _("Valitse ensin tuotava tiedosto."))
        return redirect("indicators:import_start")
    if stored.get("peers") is not None and not permissions.can_import_statistics(
        request.user
    ):
        raise PermissionDenied
    today = timezone.localdate()
    preview = build_preview(
        Table.from_json(stored["table"]),
        user=request.user,
        today=today,
        statistics=stored.get("peers") is not None,
    )
    status = 200
    if request.method == "POST":
        status = _confirm(request, stored, preview)
        if status is None:
            return redirect("indicators:import_start")
    ctx = {
        "name": stored["name"],
        "source": stored.get("source", ""),
        "preview": preview,
        "token": _token(stored, preview),
        "peers": PeerSummary.from_json(stored["peers"])
        if stored.get("peers")
        else None,
    }
    return render(request, "indicators/import_preview.html", ctx, status=status)


def _confirm(request, stored: dict, preview) -> int | None:
    """Save the import; None when saved, else the status of the page shown."""
    if request.POST.get("token") != _token(stored, preview):
        messages.error(
            request,
            _(
                "Vahvistamasi esikatselu ei ole enää voimassa: sen jälkeen on "
                "ladattu toinen tiedosto tai kirjattu tuloksia sen jaksoille. "
                "Mitään ei tallennettu. Tarkista alla oleva esikatselu ja vahvista "
                "uudelleen."
            ),
        )
        return 409
    if not preview.ok:
        messages.error(
            request,
            _(
                "Tiedostossa on virheitä. Mitään ei tallennettu; korjaa rivit ja "
                "lataa tiedosto uudelleen."
            ),
        )
        return 400

    try:
        with transaction.atomic():
            counts = import_apply(
                preview=preview, user=request.user, file_name=stored["name"]
            )
            peer_count = 0
            if stored.get("peers"):
                peer_count = peers_apply(
                    summary=PeerSummary.from_json(stored["peers"]),
                    user=request.user,
                    file_name=stored["name"],
                )
    except (Conflict, services.PeriodTaken):
        messages.error(
            request,
            _(
                "Joku tallensi samaan aikaan tuloksen tiedoston jaksolle. Mitään ei "
                "tallennettu. Tarkista esikatselu ja vahvista uudelleen."
            ),
        )
        return 409
    del request.session[SESSION_KEY]
    text = _(
        "Tuonti tallennettiin: %(new)s uutta tulosta, %(corrected)s korjausta, "
        "%(unchanged)s ennallaan."
    ) % {
        "new": counts["new"],
        "corrected": counts["correction"],
        "unchanged": counts["unchanged"],
    }
    if stored.get("peers"):
        text += " " + _(
            "Vertailutietoja tallennettiin tai päivitettiin: %(count)s."
        ) % {"count": peer_count}
    messages.success(request, text)
    return None


@login_required
def import_statistics(request):
    """A coordinator's statistics file: read it, then the same preview."""
    if not permissions.can_import_statistics(request.user):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("indicators:import_start")
    statistics_form = StatisticsUploadForm(request.POST, request.FILES)
    if statistics_form.is_valid():
        cleaned = statistics_form.cleaned_data
        regions = cleaned.get("regions")
        try:
            collected = read_statistics(
                cleaned["source"],
                cleaned["data"].read(),
                regions=regions.read() if regions else None,
                strategy=current_strategy_or_404(request),
            )
        except StatisticsFileError as exc:
            statistics_form.add_error("data", str(exc))
        else:
            keep_for_preview(
                request,
                name=cleaned["data"].name,
                table=collected.table,
                peers=collected.peers.to_json(),
                source=collected.peers.source,
            )
            if collected.unmatched_keys:
                messages.info(
                    request,
                    _(
                        "Tiedoston tietoja, joille ei ole mittaria, ohitettiin: "
                        "%(keys)s."
                    )
                    % {"keys": ", ".join(collected.unmatched_keys)},
                )
            return redirect("indicators:import_preview")
    return _page(request, UploadForm(), statistics_form, status=400)


@login_required
def import_template(request, fmt: str):
    _require_importer(request)
    today = timezone.localdate()
    if fmt == "xlsx":
        response = HttpResponse(
            template_xlsx(request.user, today),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(
            template_csv(request.user, today), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="tuontipohja.{fmt}"'
    return response
