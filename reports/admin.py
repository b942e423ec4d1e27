from django.contrib import admin
from django.db import models

from strategy.history_admin import ReadOnlyHistoryAdmin

from .models import MidtermReport, ReportSection


class ReportSectionInline(admin.StackedInline):
    model = ReportSection
    extra = 0
    can_delete = False


@admin.register(MidtermReport)
class MidtermReportAdmin(ReadOnlyHistoryAdmin):
    """Read-mostly: reports are written and published on the site's own pages,
    where the freezing rules apply; the admin never edits a published report."""

    list_display = ["title", "strategy", "cutoff_date", "edition", "status"]
    list_filter = ["strategy", "status"]
    readonly_fields = [
        "status",
        "edition",
        "lock_version",
        "supersedes",
        "published_by",
        "published_at",
        "frozen",
    ]
    inlines = [ReportSectionInline]
    # An address typed without a scheme is https:// (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_delete_permission(request, obj)
