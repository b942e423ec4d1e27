from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .history_admin import ReadOnlyHistoryAdmin
from .models import (
    ContactPerson,
    Department,
    FocusArea,
    Measure,
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
    list_display = ["code", "text", "focus_area", "contact"]
    list_filter = ["focus_area__strategy", "focus_area"]
    search_fields = ["text", "text_en"]
    ordering = ["focus_area__strategy", "focus_area__number", "order"]
    list_select_related = ["focus_area", "contact"]


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
