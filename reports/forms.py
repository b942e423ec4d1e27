import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from indicators.numbers import NumberError, parse_whole_number

from .models import MidtermReport, ReportSection

# A minutes' section: a number, maybe a letter ("45", "45 a").
SECTION = re.compile(r"[0-9]{1,4}(?: ?[a-zA-Z])?")
PHONE = re.compile(r"\+?[0-9][0-9 \-]{4,30}")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class HttpsURLField(forms.URLField):
    """An address typed without a scheme is taken as https:// (Django 6's way)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class ReportForm(forms.ModelForm):
    class Meta:
        model = MidtermReport
        fields = [
            "title",
            "title_en",
            "cutoff_date",
            "council_meeting_date",
            "council_section",
            "minutes_url",
            "contact_name",
            "contact_title",
            "contact_email",
            "contact_phone",
            "introduction",
            "introduction_en",
        ]
        field_classes = {"minutes_url": HttpsURLField}
        widgets = {
            "cutoff_date": DATE_WIDGET,
            "council_meeting_date": DATE_WIDGET,
            "introduction": forms.Textarea(attrs={"rows": 8}),
            "introduction_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, strategy, **kwargs):
        super().__init__(*args, **kwargs)
        self.strategy = strategy

    def clean_cutoff_date(self) -> datetime.date:
        cutoff = self.cleaned_data["cutoff_date"]
        s = self.strategy
        if not s.start_year <= cutoff.year <= s.end_year:
            raise forms.ValidationError(
                _("Tilannepäivän on oltava strategiakaudella %(start)s–%(end)s.")
                % {"start": s.start_year, "end": s.end_year},
                code="outside_strategy",
            )
        return cutoff

    def clean_council_meeting_date(self) -> datetime.date | None:
        """A meeting during the strategy period or the year after it: a date
        like 31.12.9999 is a typing slip, not a council meeting."""
        meeting = self.cleaned_data.get("council_meeting_date")
        s = self.strategy
        if meeting and not s.start_year <= meeting.year <= s.end_year + 1:
            raise forms.ValidationError(
                _("Kokouspäivän on oltava vuosina %(start)s–%(end)s.")
                % {"start": s.start_year, "end": s.end_year + 1},
                code="meeting_out_of_range",
            )
        return meeting

    def clean_council_section(self) -> str:
        """ "45", "§ 45" or "§45 a" → "45" / "45 a": the number, stored bare."""
        text = self.cleaned_data["council_section"].strip().lstrip("§").strip()
        if text and not SECTION.fullmatch(text):
            raise forms.ValidationError(
                _("Kirjoita pykälän numero, esimerkiksi § 45."), code="section"
            )
        return text

    def clean_minutes_url(self) -> str:
        url = self.cleaned_data["minutes_url"]
        if url and not url.lower().startswith(("https://", "http://")):
            raise forms.ValidationError(
                _("Osoitteen on alettava https:// tai http://."), code="scheme"
            )
        return url

    def clean_contact_phone(self) -> str:
        phone = " ".join(self.cleaned_data["contact_phone"].split())
        if phone and not PHONE.fullmatch(phone):
            raise forms.ValidationError(
                _("Puhelinnumerossa voi olla vain numeroita, välilyöntejä ja + -."),
                code="phone",
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        cutoff = cleaned.get("cutoff_date")
        meeting = cleaned.get("council_meeting_date")
        if cutoff and meeting and meeting < cutoff:
            self.add_error(
                "council_meeting_date",
                forms.ValidationError(
                    _("Valtuuston kokous ei voi olla ennen tilannepäivää."),
                    code="meeting_before_cutoff",
                ),
            )
        return cleaned


class DraftForm(ReportForm):
    """The report's own fields on its edit page, and the draft's lock version
    as the page was opened (``indicators.locking``): a save from an outdated
    page is refused rather than overwriting what someone saved meanwhile."""

    lock_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["lock_version"] = self.instance.lock_version

    def clean_lock_version(self) -> int | None:
        """The version, or None for a missing or garbled one (never matches)."""
        try:
            return parse_whole_number(self.cleaned_data["lock_version"])
        except NumberError:  # thousands of digits too: int() would fail
            return None


class SectionForm(forms.ModelForm):
    class Meta:
        model = ReportSection
        fields = [
            "successes",
            "impacts",
            "challenges",
            "successes_en",
            "impacts_en",
            "challenges_en",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 6 if not name.endswith("_en") else 3})
            for name in fields
        }


class PublishForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "Vahvistan, että raportti julkaistaan. Julkaistua raporttia ei voi "
            "enää muuttaa; sen voi korvata uudella versiolla."
        ),
        error_messages={"required": _("Vahvista julkaiseminen rastittamalla ruutu.")},
    )
