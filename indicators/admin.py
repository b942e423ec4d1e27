"""The admin: where coordinators define indicators and annual targets.

Numbers are typed the Finnish way here too (FinnishDecimalField), and the
checks are those of the entry forms: decimals, years inside the strategy
period. Readings are only looked at here; they are recorded, corrected and
withdrawn through the entry pages, which check periods, permissions and
concurrent edits. A status override is set on its own page, which requires
a justification and keeps it in the history.
"""

from django.contrib import admin, messages
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from strategy.history_admin import ReadOnlyHistoryAdmin
from strategy.models import Strategy

from . import permissions, services
from .admin_widgets import CheckboxGroups
from .forms import (
    AnnualTargetAdminForm,
    AnnualTargetFormSet,
    FinnishDecimalField,
    IndicatorAdminForm,
)
from .models import AnnualTarget, Indicator, Reading

FINNISH_NUMBERS = {models.DecimalField: {"form_class": FinnishDecimalField}}


class AnnualTargetInline(admin.TabularInline):
    model = AnnualTarget
    form = AnnualTargetAdminForm
    formset = AnnualTargetFormSet
    formfield_overrides = FINNISH_NUMBERS
    extra = 0

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # A table's inputs have no labels of their own, only column headings:
        # name each input for screen readers (axe: label).
        if field is not None and not field.widget.is_hidden:
            field.widget.attrs["aria-label"] = capfirst(db_field.verbose_name)
        return field


def _focus_area_title(measure) -> str:
    return f"{measure.focus_area.number}. {measure.focus_area.short_title_i18n}"


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyHistoryAdmin):
    form = IndicatorAdminForm
    formfield_overrides = FINNISH_NUMBERS
    list_display = [
        "name",
        "kind",
        "unit",
        "department",
        "frequency",
        "is_published",
        "is_public",
        "is_active",
        "is_demo",
    ]
    list_filter = [
        "strategy",
        "kind",
        "department",
        "frequency",
        ("published_at", admin.EmptyFieldListFilter),
        "is_public",
        "is_active",
        "is_demo",
        "measures__focus_area",
    ]
    search_fields = ["name", "name_en", "description", "data_source", "external_id"]
    list_select_related = ["department"]
    readonly_fields = ["published_at", "status_override", "override_justification"]
    inlines = [AnnualTargetInline]
    actions = ["publish"]

    @admin.display(description=_("julkaistu"), boolean=True)
    def is_published(self, obj) -> bool:
        return obj.is_published

    @admin.action(description=_("Julkaise valitut luonnokset"))
    def publish(self, request, queryset):
        if not permissions.can_publish(request.user):
            self.message_user(
                request,
                _("Vain strategiakoordinaattori voi julkaista mittareita."),
                messages.ERROR,
            )
            return
        count = sum(
            services.indicator_publish(indicator=indicator, user=request.user)
            for indicator in queryset.filter(published_at__isnull=True)
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d mittari julkaistiin.",
                "%(count)d mittaria julkaistiin.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # Checkboxes, the measures under their focus areas (admin_widgets.py).
        if db_field.name == "measures":
            kwargs["queryset"] = db_field.related_model.objects.select_related(
                "focus_area__strategy"
            )
            kwargs["widget"] = CheckboxGroups(
                label=db_field.verbose_name, group_of=_focus_area_title
            )
            field = super().formfield_for_manytomany(db_field, request, **kwargs)
            field.label_from_instance = lambda m: f"{m.code} {m.text_i18n}"
            return field
        if db_field.name == "success_factors":
            kwargs["widget"] = CheckboxGroups(label=db_field.verbose_name)
            field = super().formfield_for_manytomany(db_field, request, **kwargs)
            field.label_from_instance = lambda f: capfirst(f.text_i18n)
            return field
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        # A new indicator belongs to the current strategy unless chosen otherwise.
        initial = super().get_changeform_initial_data(request)
        current = Strategy.objects.current()
        if current is not None:
            initial.setdefault("strategy", current.pk)
        return initial


@admin.register(Reading)
class ReadingAdmin(ReadOnlyHistoryAdmin):
    list_display = [
        "indicator",
        "year",
        "part",
        "value",
        "qualitative_status",
        "updated_by",
        "updated_at",
        "withdrawn_at",
    ]
    list_filter = ["indicator__department", "year", "qualitative_status"]
    search_fields = ["indicator__name", "narrative", "evidence"]
    list_select_related = ["indicator", "updated_by"]
    readonly_fields = [
        "created_by",
        "created_at",
        "updated_by",
        "updated_at",
        "lock_version",
    ]

    # Readings are recorded through the entry forms, which check periods,
    # permissions and concurrent edits; here they are only looked at.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Withdrawn, never deleted: the history must stay whole.
        return False


from . import peer_admin  # noqa: E402, F401  (peers: their own module)
