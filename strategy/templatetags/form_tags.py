"""Forms that guide: the error summary at the top of a failed form and the
"Virhe: " before the page title (the pattern of GOV.UK and Suomi.fi).

    {% load form_tags %}
    {% block title %}{% error_title form %}…{% endblock title %}
    …
    {% error_summary form %}            {# or: form sections, for a formset's forms #}

Both take forms, lists of forms, or None. The summary renders
``includes/error_summary.html``: each field's messages as links to the
field, the form's own messages without one. It takes the focus after a
failed post by ``autofocus`` on the summary itself: no script.
"""

from dataclasses import dataclass
from html import unescape

from django import template
from django.forms import BaseForm
from django.utils.html import strip_tags
from django.utils.safestring import SafeData
from django.utils.translation import gettext

register = template.Library()


@dataclass(frozen=True)
class ErrorItem:
    message: str
    label: str = ""
    anchor: str = ""  # the field's id, "" for a form's own message


def _forms(args) -> list[BaseForm]:
    found = []
    for arg in args:
        if arg is None or arg == "":
            continue
        if isinstance(arg, BaseForm):
            found.append(arg)
        else:  # a list of forms, or a formset
            found.extend(_forms(arg))
    return found


def _text(message) -> str:
    # A message built as HTML may carry a link of its own (a period already
    # recorded); the summary's item is itself a link, so only its words.
    if isinstance(message, SafeData):
        return unescape(strip_tags(message))
    return str(message)


def _anchor(bound) -> str:
    """The id to link to: the field's, or a choice group's first option."""
    if bound.id_for_label:
        return bound.id_for_label
    subwidgets = bound.subwidgets
    if subwidgets and subwidgets[0].id_for_label:
        return subwidgets[0].id_for_label
    return bound.auto_id or ""


def error_items(*forms) -> list[ErrorItem]:
    """Every error of ``forms``, in the order of their fields."""
    items = []
    for form in _forms(forms):
        if not form.is_bound:
            continue
        for message in form.non_field_errors():
            items.append(ErrorItem(_text(message)))
        for bound in form:
            for message in bound.errors:
                text = _text(message)
                if bound.is_hidden:
                    items.append(ErrorItem(text))
                else:
                    items.append(ErrorItem(text, bound.label, _anchor(bound)))
    return items


@register.simple_tag
def error_title(*forms) -> str:
    """ "Virhe: " when any of ``forms`` has errors, else ""."""
    if any(form.is_bound and form.errors for form in _forms(forms)):
        return gettext("Virhe: ")
    return ""


@register.inclusion_tag("includes/error_summary.html")
def error_summary(*forms) -> dict:
    return {"items": error_items(*forms)}
