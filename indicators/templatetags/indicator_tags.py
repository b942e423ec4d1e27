import functools
from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language

from indicators.status import ICONS, Status

register = template.Library()


@register.simple_tag
def status_badge(status):
    """Status as colour, symbol and word together (never colour alone).

    Built here rather than in an included template, and once per status and
    language: long tables print one per row.
    """
    return _badge(Status(status or Status.NO_DATA), get_language())


@functools.cache
def _badge(status: Status, language: str | None) -> str:
    return format_html(
        '<span class="status status-{}"><span class="status-icon" '
        'aria-hidden="true">{}</span> {}</span>',
        status.value,
        ICONS[status],
        capfirst(status.label),
    )


@register.filter
def number(value, decimals=None):
    """A number in Finnish format: 1 234,5 (grouped, decimal comma)."""
    if value is None or value == "":
        return ""
    if decimals is None:
        decimals = 0
    return number_format(
        Decimal(value), decimal_pos=int(decimals), use_l10n=True, force_grouping=True
    )


@register.simple_tag
def reading_value(indicator, value):
    """A value with the indicator's decimals and unit: "12,5 %"."""
    if value is None:
        return "–"
    text = number(value, indicator.decimals)
    unit = indicator.unit_i18n
    return f"{text}\xa0{unit}" if unit else text
