import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MeasureUpdate, Phase

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MeasureUpdateForm(forms.ModelForm):
    """A dated progress update of one measure: its phase and a short text."""

    class Meta:
        model = MeasureUpdate
        fields = ["date", "phase", "text", "text_en"]
        widgets = {
            "date": DATE_WIDGET,
            "phase": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 5}),
            "text_en": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "date": _("Päivämäärä"),
            "phase": _("Vaihe"),
            "text": _("Tilannekatsaus"),
            "text_en": _("Tilannekatsaus englanniksi (vapaaehtoinen)"),
        }
        help_texts = {
            "date": _("Päivä, jonka tilannetta katsaus kuvaa."),
            "text": _(
                "Mitä on tehty ja mitä seuraavaksi. Kirjoita yleiskielellä: "
                "katsaus näkyy julkisilla sivuilla."
            ),
            "text_en": _(
                "Jos jätät tyhjäksi, englanninkielisillä sivuilla näkyy suomenkielinen "
                "teksti merkinnällä ”vain suomeksi”."
            ),
        }
        error_messages = {
            "date": {
                "required": _("Anna päivämäärä."),
                "invalid": _("Anna päivämäärä muodossa 27.11.2026."),
            },
            "phase": {
                "required": _("Valitse vaihe."),
                "invalid_choice": _("Valitse vaihe annetuista vaihtoehdoista."),
            },
            "text": {"required": _("Kirjoita lyhyt tilannekatsaus.")},
        }

    def __init__(self, *args, measure, today: datetime.date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.measure = measure
        self.today = today
        self.fields["phase"].choices = Phase.choices
        # The model's callable default would add a hidden "initial-date" input
        # carrying the field's aria attributes (invalid HTML); the form sets
        # the initial date itself.
        self.fields["date"].show_hidden_initial = False
        self.fields["date"].widget.attrs["max"] = today.isoformat()
        if self.instance.pk is None:
            self.fields["date"].initial = today

    def clean_date(self) -> datetime.date:
        date = self.cleaned_data["date"]
        if date > self.today:
            raise forms.ValidationError(
                _("Päivämäärä ei voi olla tulevaisuudessa."), code="future"
            )
        start = self.measure.focus_area.strategy.start_year
        if date.year < start:
            raise forms.ValidationError(
                _("Päivämäärän on oltava strategiakaudella (vuodesta %(start)s)."),
                code="before_strategy",
                params={"start": start},
            )
        return date

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(
                _("Kirjoita lyhyt tilannekatsaus."), code="required"
            )
        return text

    def clean_text_en(self) -> str:
        return self.cleaned_data["text_en"].strip()
