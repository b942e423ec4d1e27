"""The filters of /mittarit/: plain GET parameters that work without JavaScript.

``painopistealue`` (focus area number), ``tila`` (status), ``toimiala``
(department id), ``laji`` (kind), ``haku`` (words of the name, description or
source, in any inflection, with or without ä and ö: ``indicators/search.py``)
and ``poistuneet`` (include retired indicators). A value that is not one of
the choices is reported next to its field and ignored. The search also names
the strategy's measures whose words match.
"""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from strategy.models import Measure

from . import search
from .choices import ORDER, Kind
from .models import Indicator


class IndicatorFilterForm(forms.Form):
    haku = forms.CharField(
        label=_("Hae nimestä, kuvauksesta tai lähteestä"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    painopistealue = forms.TypedChoiceField(
        label=_("Painopistealue"), required=False, coerce=int, empty_value=None
    )
    tila = forms.ChoiceField(label=_("Tila"), required=False)
    toimiala = forms.TypedChoiceField(
        label=_("Vastuutoimiala"), required=False, coerce=int, empty_value=None
    )
    laji = forms.ChoiceField(label=_("Laji"), required=False)
    poistuneet = forms.BooleanField(
        label=_("Näytä myös käytöstä poistuneet mittarit"), required=False
    )

    def __init__(self, data, *, focus_areas, departments):
        super().__init__(data, label_suffix="")
        everything = [("", _("Kaikki"))]
        self.fields["painopistealue"].choices = everything + [
            (area.number, f"{area.number}. {area.short_title_i18n}")
            for area in focus_areas
        ]
        self.fields["tila"].choices = everything + [
            (status.value, status.label.capitalize()) for status in ORDER
        ]
        self.fields["toimiala"].choices = everything + [
            (d.pk, d.name_i18n) for d in departments
        ]
        self.fields["laji"].choices = everything + [
            (kind.value, kind.label.capitalize()) for kind in Kind
        ]

    def value(self, name: str):
        """A filter's cleaned value, or None when it is empty or invalid."""
        if not self.is_bound:
            return None
        self.is_valid()  # fills cleaned_data with the fields that are valid
        return self.cleaned_data.get(name) or None

    def filter(self, queryset: QuerySet[Indicator]) -> QuerySet[Indicator]:
        """The database filters; the status filter needs the rows (``status``)."""
        if not self.value("poistuneet"):
            queryset = queryset.active()
        if number := self.value("painopistealue"):
            linked = Indicator.measures.through.objects.filter(
                measure__focus_area__number=number
            ).values("indicator_id")
            queryset = queryset.filter(pk__in=linked)
        if department := self.value("toimiala"):
            queryset = queryset.filter(department_id=department)
        if kind := self.value("laji"):
            queryset = queryset.filter(kind=kind)
        if text := self.value("haku"):
            # A query of punctuation alone has no words, and so finds nothing.
            condition = search.lookup(text)
            queryset = queryset.filter(condition) if condition else queryset.none()
        return queryset

    def matching_measures(self, strategy) -> list[Measure]:
        """The strategy's measures whose words match the search (none without
        one). A strategy has tens of measures: their words are compared here
        rather than stored (one query)."""
        text = self.value("haku") or ""
        if not search.query_terms(text):
            return []
        measures = Measure.objects.filter(focus_area__strategy=strategy)
        return [
            measure
            for measure in measures.select_related("focus_area")
            if search.matches(search.document(measure.text, measure.text_en), text)
        ]

    @property
    def status(self) -> str | None:
        return self.value("tila")

    @property
    def active_filters(self) -> list[tuple[str, str, str]]:
        """(name, label, value text) of each filter in use."""
        used = []
        for name, field in self.fields.items():
            value = self.value(name)
            if value is None:
                continue
            if name == "haku":
                text = f"”{value}”"
            elif name == "poistuneet":
                text = _("kyllä")
            else:
                text = dict(field.choices).get(value, value)
            used.append((name, field.label, text))
        return used
