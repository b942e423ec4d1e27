"""Finnish-first text fields with optional English translations.

Each translatable text is a pair of plain columns: ``title`` (Finnish, required)
and ``title_en`` (English, may be blank). ``Translated`` picks the right one for
the active language and falls back to Finnish, so a missing translation never
shows an empty page.
"""

from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Text:
    """A text the city writes, in Finnish and (optionally) English, as a value.

    ``str(text)`` is the active language's text, falling back to Finnish as
    ``Translated`` does; ``lang`` says "fi" where English is shown but only
    the Finnish text exists, for a ``lang`` attribute on its element. Used where
    texts travel without their model: indicator states and frozen reports.
    """

    fi: str = ""
    en: str = ""

    def __str__(self) -> str:
        if self.en and english_active():
            return self.en
        return self.fi

    def __bool__(self) -> bool:
        return bool(self.fi or self.en)

    @property
    def lang(self) -> str:
        if english_active() and self.fi and not self.en:
            return "fi"
        return ""

    @classmethod
    def of(cls, obj, field: str) -> "Text":
        """``obj.field`` and ``obj.field_en`` (a model row, historical or live)."""
        return cls(getattr(obj, field) or "", getattr(obj, f"{field}_en", "") or "")

    def to_json(self) -> dict:
        return {"fi": self.fi, "en": self.en}

    @classmethod
    def from_json(cls, data) -> "Text":
        if isinstance(data, str):
            return cls(data)
        return cls(data.get("fi") or "", data.get("en") or "")
