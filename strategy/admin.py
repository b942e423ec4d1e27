from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .accessibility import DEFAULTS as STATEMENT_DEFAULTS
from .history_admin import ReadOnlyHistoryAdmin
from .models import (
    AccessibilityStatement,
    ContactPerson,
    Department,
    FocusArea,
    Measure,
    MeasureUpdate,
    Strategy,
    SuccessFactor,
    User,
    Value,
)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "is_active"]
    list_filter = ["is_active", "is_superuser", "groups", "departments"]


class ValueInline(admin.TabularInline):
    model = Value
    extra = 0


class SuccessFactorInline(admin.TabularInline):
    model = SuccessFactor
    extra = 0


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "start_year", "end_year", "is_current"]
    list_filter = ["is_current"]
    search_fields = ["title", "municipality", "vision"]
    inlines = [ValueInline, SuccessFactorInline]


class MeasureInline(admin.TabularInline):
    model = Measure
    extra = 0
    fields = ["order", "text", "text_en"]


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["number", "short_title", "strategy"]
    list_display_links = ["number", "short_title"]
    list_filter = ["strategy"]
    search_fields = ["short_title", "lead"]
    ordering = ["strategy", "number"]
    inlines = [MeasureInline]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["code", "text", "focus_area", "department", "contact"]
    list_filter = ["focus_area__strategy", "focus_area", "department"]
    search_fields = ["text", "text_en", "contact__name"]
    ordering = ["focus_area__strategy", "focus_area__number", "order"]
    list_select_related = ["focus_area", "department", "contact"]
    fields = ["focus_area", "order", "text", "text_en", "department", "contact"]


@admin.register(MeasureUpdate)
class MeasureUpdateAdmin(ReadOnlyHistoryAdmin):
    """Updates are written on the portal's own page; here they are looked at
    and, by those with the model permission, corrected (with history)."""

    list_display = ["measure", "date", "phase", "created_by"]
    list_filter = ["phase", "measure__focus_area__strategy", "measure__department"]
    search_fields = ["text", "text_en"]
    list_select_related = ["measure__focus_area", "created_by"]
    date_hierarchy = "date"
    fields = ["measure", "date", "phase", "text", "text_en"]
    readonly_fields = ["measure"]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Value)
class ValueAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "strategy"]
    list_filter = ["strategy"]
    ordering = ["strategy", "order"]


@admin.register(SuccessFactor)
class SuccessFactorAdmin(admin.ModelAdmin):
    list_display = ["text", "order", "strategy"]
    list_filter = ["strategy"]
    search_fields = ["text"]
    ordering = ["strategy", "order"]


@admin.register(Department)
class DepartmentAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "name_en", "member_count"]
    search_fields = ["name", "name_en", "members__username"]
    filter_horizontal = ["members"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(Count("members"))

    @admin.display(description=_("jäseniä"), ordering="members__count")
    def member_count(self, obj):
        return obj.members__count


@admin.register(ContactPerson)
class ContactPersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "email"]
    search_fields = ["name", "title", "email"]


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(admin.ModelAdmin):
    """One statement: added once (pre-filled with the shipped text), then edited."""

    fieldsets = [
        (None, {"fields": ["organisation", "organisation_en", "compliance"]}),
        (
            _("Puutteet ja arviointi"),
            {
                "fields": [
                    "shortcomings",
                    "shortcomings_en",
                    "assessment",
                    "assessment_en",
                ]
            },
        ),
        (_("Päivämäärät"), {"fields": ["prepared_on", "reviewed_on"]}),
        (
            _("Palautekanava"),
            {
                "fields": [
                    "feedback_contact",
                    "feedback_contact_en",
                    "feedback_email",
                    "feedback_phone",
                    "feedback_url",
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        return (
            super().has_add_permission(request)
            and not AccessibilityStatement.objects.exists()
        )

    def get_changeform_initial_data(self, request):
        return {**STATEMENT_DEFAULTS, **super().get_changeform_initial_data(request)}
