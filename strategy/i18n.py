"""Finnish-first text fields with optional English translations.

Each translatable text is a pair of plain columns: ``title`` (Finnish, required)
and ``title_en`` (English, may be blank). ``Translated`` picks the right one for
the active language and falls back to Finnish, so a missing translation never
shows an empty page.
"""

from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language


def english_active() -> bool:
    return (get_language() or "fi").startswith("en")


class Translated:
    """Descriptor: ``title_i18n = Translated("title")`` reads the active language."""

    def __init__(self, field: str):
        self.field = field

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        if english_active():
            english = getattr(obj, f"{self.field}_en", "")
            if english:
                return english
        return getattr(obj, self.field)


def shown_order(field: str):
    """For ``order_by()``: ``field`` as the active language shows it, so that
    an English list is alphabetical in English (blank translations fall back
    to Finnish, as ``Translated`` does)."""
    if english_active():
        return Coalesce(NullIf(f"{field}_en", Value("")), F(field))
    return F(field)
