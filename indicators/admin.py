"""The admin: where coordinators define indicators and annual targets.

Numbers are typed the Finnish way here too (FinnishDecimalField), and the
checks are those of the entry forms: decimals, years inside the strategy
period. Readings are only looked at here; they are recorded, corrected and
withdrawn through the entry pages, which check periods, permissions and
concurrent edits. A status override is set on its own page, which requires
a justification and keeps it in the history.
"""

from django.contrib import admin
from django.db import models

from strategy.history_admin import ReadOnlyHistoryAdmin

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
        "is_public",
        "is_active",
        "is_demo",
    ]
    list_filter = [
        "strategy",
        "kind",
        "department",
        "frequency",
        "is_public",
        "is_active",
        "is_demo",
        "measures__focus_area",
    ]
    search_fields = ["name", "name_en", "description", "data_source", "external_id"]
    filter_horizontal = ["measures", "success_factors"]
    list_select_related = ["department"]
    readonly_fields = ["status_override", "override_justification"]
    inlines = [AnnualTargetInline]


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
