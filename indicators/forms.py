"""Entry forms: readings, withdrawals, status overrides, and the admin's forms.

Every rejection has its own Finnish message next to the field it concerns
(English through the translations); the rules themselves live in
``periods``, ``status`` and ``numbers``.
"""

import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import formatting, numbers, periods, plausibility
from .choices import ASSESSED_CHOICES, Frequency, Kind
from .models import (
    FIXED_ONCE_RECORDED,
    FIXED_ONCE_RECORDED_MESSAGE,
    AnnualTarget,
    Indicator,
    Reading,
)
from .state import EntryGuidance
from .status import assess_numeric, needs_explanation


def too_many_decimals_message(decimals: int) -> str:
    if decimals == 0:
        return gettext("Anna kokonaisluku: tähän mittariin ei kirjata desimaaleja.")
    # Two messages instead of ngettext: both languages tell only one from
    # many, and the translation tooling fills plain messages.
    if decimals == 1:
        return gettext("Luvussa saa olla enintään 1 desimaali.")
    return gettext("Luvussa saa olla enintään %(count)d desimaalia.") % {
        "count": decimals
    }


class FinnishDecimalField(forms.DecimalField):
    """A number typed the Finnish way: 12,5 · 1 234,5 · −3,2 (see numbers.py).

    ``decimals`` is how many decimals the value may have; trailing zeros do
    not count ("12,50" is 12,5). The value is shown back with a decimal comma.
    """

    widget = forms.TextInput
    default_error_messages = {
        "invalid": _("Anna luku numeroina, esimerkiksi 12,5 tai 1 234,5."),
    }

    def __init__(self, *, decimals: int = 4, **kwargs):
        self.decimals = decimals
        # The model's columns: 18 digits, 4 of them decimals.
        kwargs.setdefault("max_digits", 18)
        kwargs.setdefault("decimal_places", 4)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            return numbers.trim(numbers.parse_decimal(str(value)))
        except numbers.NumberError as exc:
            if exc.code == "empty":
                return None
            raise ValidationError(
                self.error_messages["invalid"], code="invalid"
            ) from None

    def validate(self, value):
        super().validate(value)
        if value is not None and numbers.decimal_places(value) > self.decimals:
            raise ValidationError(
                too_many_decimals_message(self.decimals), code="max_decimal_places"
            )

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return formatting.plain(value)
        return value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # A numeric keyboard on phones, without a number input's refusal of ",".
        attrs.setdefault("inputmode", "decimal")
        return attrs


class YearField(forms.IntegerField):
    """A year in the digits 0–9 ("2026"). Django's IntegerField would also take
    "2026.0" and other scripts' digits ("٢٠٢٦"), which the value field refuses.
    """

    default_error_messages = {
        "invalid": _("Anna vuosi numeroina, esimerkiksi 2025."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        try:
            return numbers.parse_whole_number(str(value))
        except numbers.NumberError as exc:
            if exc.code == "empty":
                return None
            raise ValidationError(
                self.error_messages["invalid"], code="invalid"
            ) from None


def part_choices(frequency: str) -> list[tuple[int, str]]:
    """The quarters or months of a year, for the period select."""
    if frequency == Frequency.QUARTERLY:
        return [
            (1, _("1. neljännes (tammi–maaliskuu)")),
            (2, _("2. neljännes (huhti–kesäkuu)")),
            (3, _("3. neljännes (heinä–syyskuu)")),
            (4, _("4. neljännes (loka–joulukuu)")),
        ]
    if frequency == Frequency.MONTHLY:
        return [(number, capfirst(name)) for number, name in MONTHS.items()]
    return []


class ReadingForm(forms.ModelForm):
    """Record a reading of one indicator: a number, or a status and narrative."""

    value = FinnishDecimalField(
        required=False,
        error_messages={"required": _("Anna tulos lukuna, esimerkiksi 12,5.")},
    )

    class Meta:
        model = Reading
        fields = [
            "year",
            "part",
            "value",
            "qualitative_status",
            "preliminary",
            "narrative",
            "narrative_en",
            "evidence",
        ]
        field_classes = {"year": YearField}
        widgets = {
            "narrative": forms.Textarea(attrs={"rows": 5}),
            "narrative_en": forms.Textarea(attrs={"rows": 3}),
            "evidence": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(
        self, *args, indicator: Indicator, today: datetime.date, **kwargs
    ) -> None:
        self.indicator = indicator
        self.today = today
        # The history's note of a confirmed unusual value (``_check_plausible``).
        self.change_reason = ""
        if kwargs.get("instance") is None:
            kwargs["instance"] = Reading(indicator=indicator)
        super().__init__(*args, **kwargs)
        strategy = indicator.strategy

        year = self.fields["year"]
        year.label = _("Vuosi")
        first = strategy.first_history_year
        if first < strategy.start_year:
            year.help_text = _(
                "Strategiakausi %(start)s–%(end)s. Aiemmat vuodet %(first)s alkaen "
                "kirjataan historiatiedoksi: ne näkyvät kaaviossa ja taulukossa, "
                "mutta niitä ei arvioida."
            ) % {"start": strategy.start_year, "end": strategy.end_year, "first": first}
        else:
            year.help_text = _("Strategiakausi %(start)s–%(end)s.") % {
                "start": strategy.start_year,
                "end": strategy.end_year,
            }
        year.widget.attrs.update(min=first, max=strategy.end_year)
        year.error_messages["required"] = _("Anna vuosi.")

        if indicator.frequency == Frequency.YEARLY:
            del self.fields["part"]
        else:
            quarterly = indicator.frequency == Frequency.QUARTERLY
            self.fields["part"] = forms.TypedChoiceField(
                label=_("Neljännes") if quarterly else _("Kuukausi"),
                choices=[("", _("Valitse"))] + part_choices(indicator.frequency),
                coerce=int,
                initial=self.initial.get("part"),
                error_messages={
                    "required": _("Valitse neljännes.")
                    if quarterly
                    else _("Valitse kuukausi."),
                    "invalid_choice": _("Valitse neljännes 1–4.")
                    if quarterly
                    else _("Valitse kuukausi 1–12."),
                },
            )

        narrative = self.fields["narrative"]
        if indicator.is_numeric:
            del self.fields["qualitative_status"]
            preliminary = self.fields["preliminary"]
            preliminary.label = _("Ennakkotieto")
            preliminary.help_text = _(
                "Rastita, jos tilasto on julkaistu ensin ennakkotietona. Kun "
                "lopullinen luku julkaistaan, korjaa tulos ja poista rasti: "
                "molemmat jäävät muutoshistoriaan."
            )
            value = self.fields["value"]
            value.required = True
            value.decimals = indicator.decimals
            unit = indicator.unit_i18n
            value.label = _("Tulos (%(unit)s)") % {"unit": unit} if unit else _("Tulos")
            if indicator.decimals:
                value.help_text = _(
                    "Esimerkiksi 12,5 tai 1 234,5. Desimaaleja enintään: %(count)d."
                ) % {"count": indicator.decimals}
            else:
                value.help_text = _("Kokonaisluku, esimerkiksi 1 234.")
            narrative.label = _("Selitys")
            narrative.help_text = _(
                "Pakollinen, jos tulos jättää mittarin tilaan ”riskissä” tai "
                "”ei etene tavoitteen mukaisesti”: miksi, ja mitä asialle tehdään. "
                "Näkyy julkisilla sivuilla tuloksen yhteydessä."
            )
        else:
            del self.fields["value"]
            del self.fields["preliminary"]
            status = self.fields["qualitative_status"]
            status.label = _("Arvioitu tila")
            status.required = True
            status.choices = ASSESSED_CHOICES
            status.widget = forms.RadioSelect(choices=ASSESSED_CHOICES)
            status.error_messages["required"] = _("Valitse arvioitu tila.")
            narrative.label = _("Arvio")
            narrative.required = True
            narrative.error_messages["required"] = _(
                "Kirjoita arvio: mitä on tehty ja miten se näkyy."
            )
            narrative.help_text = _(
                "Mitä on tehty ja miten se näkyy. Kirjoita yleiskielellä: "
                "arvio näkyy julkisilla sivuilla."
            )
        narrative_en = self.fields["narrative_en"]
        narrative_en.label = (
            _("Selitys englanniksi (vapaaehtoinen)")
            if indicator.is_numeric
            else _("Arvio englanniksi (vapaaehtoinen)")
        )
        narrative_en.help_text = _(
            "Jos jätät tyhjäksi, englanninkielisillä sivuilla näkyy suomenkielinen "
            "teksti merkinnällä ”vain suomeksi”."
        )
        self.fields["evidence"].label = _("Lähde tai peruste")
        if self.is_bound and self.data.get(self.add_prefix(self.CONFIRM)):
            self._add_confirmation()  # ticked: keep it on the page

    CONFIRM = "confirm_unusual"

    def _add_confirmation(self) -> None:
        """The checkbox that confirms a value far from the previous reading:
        on the form only once such a value has been posted."""
        if self.CONFIRM in self.fields:
            return
        confirm = forms.BooleanField(
            label=_(
                "Vahvistan, että tulos on oikein, vaikka se poikkeaa paljon "
                "edellisestä tuloksesta."
            ),
            required=False,
        )
        # Right below the value it confirms.
        fields = {}
        for name, field in self.fields.items():
            fields[name] = field
            if name == "value":
                fields[self.CONFIRM] = confirm
        self.fields = fields

    guidance: EntryGuidance | None = None
    explanation_text = ""

    def guide(self, guidance: EntryGuidance, definition) -> None:
        """Show ``guidance`` (``state.entry_guidance``) with the value field:
        where a result starts to need an explanation, before anyone meets
        the rule by a refusal. ``definition`` is the state's, which formats
        the values."""
        self.guidance = guidance
        self.explanation_text = explanation_text(definition, guidance)
        if self.explanation_text and "value" in self.fields:
            value = self.fields["value"]
            value.help_text = f"{value.help_text} {self.explanation_text}"

    @property
    def period_field(self) -> str:
        """The field that names the period within a year, else the year."""
        return "part" if "part" in self.fields else "year"

    def clean_narrative(self) -> str:
        return self.cleaned_data["narrative"].strip()

    def clean_narrative_en(self) -> str:
        return self.cleaned_data["narrative_en"].strip()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and not self.indicator.is_active:
            raise ValidationError(
                _("Mittari on poistunut käytöstä, eikä sille kirjata uusia tuloksia."),
                code="retired",
            )
        if cleaned.get("narrative_en") and not cleaned.get("narrative"):
            # Finnish is the authoritative text; English is its translation.
            self.add_error(
                "narrative",
                ValidationError(
                    _(
                        "Kirjoita teksti myös suomeksi: englanninkielinen on sen "
                        "käännös."
                    ),
                    code="finnish_first",
                ),
            )
        year = cleaned.get("year")
        part = cleaned.get("part") if "part" in self.fields else 0
        if year is None or part is None:
            return cleaned
        if not self._check_period(year, part) or not self.indicator.is_numeric:
            return cleaned
        if not self._check_plausible(year, part, cleaned):
            return cleaned
        # A reading before the strategy period is context: never judged, so
        # it needs no explanation.
        if not self.indicator.before_period(year):
            self._check_explanation(year, cleaned)
        return cleaned

    def _check_plausible(self, year: int, part: int, cleaned: dict) -> bool:
        """The valid range, and a confirmation of a value far from the
        previous reading (``plausibility``); sets ``change_reason``."""
        value = cleaned.get("value")
        if value is None:
            return True
        if error := plausibility.range_error(self.indicator, value):
            self.add_error("value", error)
            return False
        if self.instance.pk is not None and value == self.instance.value:
            return True  # unchanged: confirmed when it was recorded, if need be
        previous = plausibility.previous_reading(
            self.indicator, year, part, exclude=self.instance.pk
        )
        if previous is None or not plausibility.far_from(value, previous.value):
            return True
        if self.data.get(self.add_prefix(self.CONFIRM)):
            self.change_reason = plausibility.confirmation_note(
                self.indicator, value, previous
            )
            return True
        self._add_confirmation()
        self.add_error(
            "value",
            ValidationError(
                plausibility.far_message(self.indicator, value, previous),
                code="far_from_previous",
            ),
        )
        return False

    def _check_period(self, year: int, part: int) -> bool:
        if error := self.indicator.strategy.year_outside(year, history=True):
            self.add_error("year", error)
            return False
        period = periods.Period(self.indicator.frequency, year, part)
        if period.start > self.today:
            self.add_error(
                self.period_field,
                ValidationError(
                    _(
                        "Jakso %(period)s ei ole vielä alkanut. Tuloksen voi kirjata "
                        "kuluvalle tai päättyneelle jaksolle."
                    ),
                    code="future",
                    params={"period": period.label()},
                ),
            )
            return False
        existing = (
            Reading.objects.valid()
            .filter(indicator=self.indicator, year=year, part=part)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if existing is not None:
            self.add_error(
                self.period_field,
                ValidationError(
                    format_html(
                        '{} <a href="{}">{}</a>',
                        gettext("Jaksolle %(period)s on jo kirjattu tulos.")
                        % {"period": period.label()},
                        reverse("indicators:reading_update", args=[existing.pk]),
                        gettext("Korjaa sitä tulosta."),
                    ),
                    code="duplicate",
                ),
            )
            return False
        return True

    def _check_explanation(self, year: int, cleaned: dict) -> None:
        value = cleaned.get("value")
        if value is None or cleaned.get("narrative"):
            return
        targets = {t.year: t.value for t in self.indicator.annual_targets.all()}
        assessment = assess_numeric(self.indicator, value, year, targets)
        if needs_explanation(assessment.status):
            self.add_error(
                "narrative",
                ValidationError(
                    _(
                        "Tällä tuloksella mittarin tila on ”%(status)s”. Kirjoita "
                        "lyhyt selitys: miksi tulos jää tavoitteesta ja mitä "
                        "asialle tehdään."
                    ),
                    code="explanation_needed",
                    params={"status": assessment.status.label},
                ),
            )


PERIOD_FIXED_MESSAGE = _(
    "Korjaus ei siirrä tulosta toiselle jaksolle. Jos tulos on kirjattu väärälle "
    "jaksolle, peru se ja kirjaa tulos oikealle jaksolle."
)


def explanation_text(definition, guidance: EntryGuidance) -> str:
    """ "Selitys tarvitaan, jos tulos on alle 127,5 km." or ""."""
    below, above = guidance.limits.below, guidance.limits.above
    if below is not None and above is not None:
        return gettext(
            "Selitys tarvitaan, jos tulos on alle %(below)s tai yli %(above)s."
        ) % {
            "below": definition.value_text(below),
            "above": definition.value_text(above),
        }
    if below is not None:
        return gettext("Selitys tarvitaan, jos tulos on alle %(limit)s.") % {
            "limit": definition.value_text(below)
        }
    if above is not None:
        return gettext("Selitys tarvitaan, jos tulos on yli %(limit)s.") % {
            "limit": definition.value_text(above)
        }
    return ""


class ReadingUpdateForm(ReadingForm):
    """Correct a reading, with a reason; ``lock_version`` is the one the person
    started from (``locking.claim``). The period is shown but fixed."""

    reason = forms.CharField(
        label=_("Korjauksen syy"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Lyhyesti, esimerkiksi: tilasto päivittyi tai näppäilyvirhe. "
            "Syy näkyy muutoshistoriassa."
        ),
        error_messages={"required": _("Kirjoita lyhyesti, miksi tulosta korjataan.")},
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    # The fields whose change makes a correction (not the reason itself).
    BOOKKEEPING = {"reason", "lock_version"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lock_version"].initial = self.instance.lock_version
        # Shown, never changed: a disabled field keeps the stored period.
        for name in ("year", "part"):
            if name in self.fields:
                self.fields[name].disabled = True
        self.fields[self.period_field].help_text = PERIOD_FIXED_MESSAGE

    @property
    def changes_reading(self) -> bool:
        return any(name not in self.BOOKKEEPING for name in self.changed_data)

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(
                _("Kirjoita lyhyesti, miksi tulosta korjataan."), code="required"
            )
        return reason

    def clean(self):
        # A period posted all the same (a page opened before this rule, or a
        # hand-made request) is refused rather than quietly dropped.
        for name in ("year", "part"):
            posted = self.data.get(self.add_prefix(name))
            if (
                name in self.fields
                and posted not in (None, "")
                and posted.strip() != str(getattr(self.instance, name))
            ):
                self.add_error(
                    self.period_field,
                    ValidationError(PERIOD_FIXED_MESSAGE, code="period_fixed"),
                )
                break
        return super().clean()


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Perumisen syy"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Esimerkiksi: kirjattu väärälle mittarille tai jaksolle."),
        error_messages={"required": _("Kirjoita syy, miksi tulos perutaan.")},
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(
                _("Kirjoita syy, miksi tulos perutaan."), code="required"
            )
        return reason


class StatusOverrideForm(forms.Form):
    """Set or clear the coordinator's status; either way with a justification."""

    status = forms.ChoiceField(
        label=_("Näytettävä tila"),
        required=False,
        widget=forms.RadioSelect,
    )
    justification = forms.CharField(
        label=_("Perustelu"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Miksi tila asetetaan käsin, tai miksi asetus poistetaan. "
            "Perustelu näkyy mittarin sivulla ja muutoshistoriassa."
        ),
        error_messages={
            "required": _("Kirjoita perustelu: tilaa ei muuteta käsin ilman sitä.")
        },
    )

    def __init__(self, *args, indicator: Indicator, **kwargs) -> None:
        self.indicator = indicator
        kwargs.setdefault(
            "initial",
            {
                "status": indicator.status_override,
                "justification": indicator.override_justification,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("", _("Ei käsin asetettua tilaa: näytetään laskettu tila")),
            *ASSESSED_CHOICES,
        ]

    def clean_justification(self) -> str:
        text = self.cleaned_data["justification"].strip()
        if not text:
            raise ValidationError(
                _("Kirjoita perustelu: tilaa ei muuteta käsin ilman sitä."),
                code="required",
            )
        return text

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == "" and not self.indicator.status_override:
            self.add_error(
                "status",
                ValidationError(
                    _("Mittarilla ei ole käsin asetettua tilaa. Valitse tila."),
                    code="nothing_to_clear",
                ),
            )
        return cleaned


# The admin's forms: coordinators define indicators and annual targets there,
# with the same Finnish number input and checks as strict as the entry forms'.


class IndicatorAdminForm(forms.ModelForm):
    source_url = forms.URLField(
        label=capfirst(Indicator._meta.get_field("source_url").verbose_name),
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Indicator
        fields = [
            "strategy",
            "name",
            "name_en",
            "description",
            "description_en",
            "kind",
            "unit",
            "unit_en",
            "decimals",
            "direction",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "min_value",
            "max_value",
            "frequency",
            "status_basis",
            "data_source",
            "data_source_en",
            "source_url",
            "external_id",
            "department",
            "responsible",
            "contact",
            "measures",
            "success_factors",
            "is_public",
            "is_active",
            "is_demo",
        ]
        field_classes = {"baseline_year": YearField, "target_year": YearField}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Read-only once there are readings (Indicator.clean says why).
        self.fixed = self.instance.has_readings()
        for name in FIXED_ONCE_RECORDED if self.fixed else ():
            self.fields[name].disabled = True
            self.fields[name].help_text = FIXED_ONCE_RECORDED_MESSAGE

    def clean(self):
        cleaned = super().clean()
        # A disabled field keeps its stored value whatever is posted; a change
        # posted all the same (from a page opened before the first reading) is
        # refused rather than quietly dropped.
        for name in FIXED_ONCE_RECORDED if self.fixed else ():
            posted = self.data.get(self.add_prefix(name))
            if posted is not None and posted != getattr(self.instance, name):
                self.add_error(name, FIXED_ONCE_RECORDED_MESSAGE)
        decimals = cleaned.get("decimals")
        if decimals is None:
            return cleaned
        for name in ("baseline_value", "target_value", "min_value", "max_value"):
            value = cleaned.get(name)
            if value is not None and numbers.decimal_places(value) > decimals:
                self.add_error(name, too_many_decimals_message(decimals))
        return cleaned


class AnnualTargetFormSet(forms.BaseInlineFormSet):
    """Annual targets: years inside the strategy period, the indicator's decimals.

    ``AnnualTarget.clean`` cannot check the year of a target added together
    with a new indicator (it has no saved indicator yet); this can.
    """

    def clean(self):
        super().clean()
        indicator = self.instance
        strategy = indicator.strategy if indicator.strategy_id else None
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            year = form.cleaned_data.get("year")
            value = form.cleaned_data.get("value")
            if year is None and value is None:
                continue
            if indicator.kind == Kind.QUALITATIVE:
                form.add_error(
                    None, gettext("Laadullisella mittarilla ei ole vuositavoitteita.")
                )
                continue
            error = strategy.year_outside(year) if strategy and year else None
            if error:
                form.add_error("year", error)
            if (
                value is not None
                and indicator.decimals is not None
                and numbers.decimal_places(value) > indicator.decimals
            ):
                form.add_error("value", too_many_decimals_message(indicator.decimals))


class AnnualTargetAdminForm(forms.ModelForm):
    class Meta:
        model = AnnualTarget
        fields = ["year", "value"]
        field_classes = {"year": YearField}
