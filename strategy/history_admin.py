"""The admin's change history, for reading only.

django-simple-history's history form view ("Revert") saves a POST for anyone
who may *view* the object, and writes the old row back whole: past the
portal's permissions, its period and number rules and a reading's version
check. Readings are corrected and withdrawn on the portal's own pages and a
published report is superseded by a new version, so the admin only shows the
history. Every admin with history inherits this class; the setting
``SIMPLE_HISTORY_REVERT_DISABLED`` also hides the button.
"""

from django.core.exceptions import PermissionDenied

from simple_history.admin import SimpleHistoryAdmin

from .admin_fields import BoundedModelMultipleChoiceField


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # The only path in django-simple-history that saves; refused whoever
        # asks. GET still shows the old version to those who may view it.
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        return super().history_form_view(
            request, object_id, version_id, extra_context=extra_context
        )

    def revert_disabled(self, request, obj=None) -> bool:
        return True

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", BoundedModelMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)
