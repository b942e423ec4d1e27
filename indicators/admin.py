from django.contrib import admin

from simple_history.admin import SimpleHistoryAdmin

from .models import AnnualTarget, Indicator, Reading


class AnnualTargetInline(admin.TabularInline):
    model = AnnualTarget
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
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
    inlines = [AnnualTargetInline]


@admin.register(Reading)
class ReadingAdmin(SimpleHistoryAdmin):
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
        "version",
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
