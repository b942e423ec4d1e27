"""The coordinator's upload of a statistics file on the import page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..imports.parsing import MAX_FILE_BYTES

SOTKANET, PXWEB = "sotkanet", "pxweb"
SOURCE_CHOICES = [
    (SOTKANET, _("THL Sotkanet (JSON-datatiedosto ja aluetiedosto)")),
    (PXWEB, _("Tilastokeskus, PxWeb (JSON-stat2)")),
]


class StatisticsUploadForm(forms.Form):
    prefix = "tilasto"

    source = forms.ChoiceField(
        label=_("Tilastolähde"),
        choices=SOURCE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Valitse tilastolähde.")},
    )
    data = forms.FileField(
        label=_("Datatiedosto (JSON)"),
        error_messages={"required": _("Valitse datatiedosto.")},
    )
    regions = forms.FileField(
        label=_("Sotkanetin aluetiedosto (JSON)"),
        required=False,
        help_text=_(
            "Vain Sotkanet: alueluettelo, jolla alueiden numerot muunnetaan "
            "kuntakoodeiksi."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        for name in ("data", "regions"):
            upload = cleaned.get(name)
            if upload is not None and upload.size > MAX_FILE_BYTES:
                self.add_error(
                    name,
                    _("Tiedosto on liian suuri (yli %(size)s megatavua).")
                    % {"size": MAX_FILE_BYTES // (1024 * 1024)},
                )
        if cleaned.get("source") == SOTKANET and not cleaned.get("regions"):
            self.add_error("regions", _("Sotkanetin tiedot tarvitsevat aluetiedoston."))
        return cleaned
