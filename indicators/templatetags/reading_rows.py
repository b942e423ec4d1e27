"""The rows of an indicator page's readings by year, built in one tag call.

A monthly indicator's page lists a hundred readings or more. As a template
loop each row cost some thirty template nodes (translations, tags, tests),
most of the page's time; here a year's rows are one call: the words are
translated once per table and each row is one string. What the rows say is
unchanged: the figures come from the indicator's ``value_text`` (the
formatting module), the marks, badges and city texts from the same tags as
elsewhere. ``templates/indicators/includes/readings_by_year.html`` keeps the
table around them.
"""

from html import escape

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from indicators.templatetags.indicator_tags import reading_marks, status_badge
from strategy.templatetags.city_text import city_text

register = template.Library()


def _marks(context, reading) -> str:
    """``reading_marks`` once per kind of marks on a page: most long series
    repeat one ("ennen strategiakautta") for years of readings."""
    cache = context.render_context.setdefault(_marks, {})
    key = (reading.preliminary, reading.before_period, reading.corrected_at)
    if key not in cache:
        cache[key] = reading_marks(context, reading)
    return cache[key]


def _edit_link(reading, words: str) -> str:
    """The correction link of a reading: "Korjaa" and, for screen readers,
    which reading ("tulosta 3/2026")."""
    return format_html(
        '<a href="{}">{}<span class="visually-hidden"> {}</span></a>',
        reverse("indicators:reading_update", args=[reading.pk]),
        gettext("Korjaa"),
        words % {"period": reading.period.label()},
    )


@register.simple_tag(takes_context=True)
def numeric_rows(context, indicator, readings, can_record=False):
    """A numeric indicator's readings as table rows: period, result (with its
    marks), plan, status, explanation and source, and for staff who may
    record, a link to correct it."""
    result, plan = escape(gettext("Tulos")), escape(gettext("Suunnitelma"))
    state, note = escape(gettext("Tila")), escape(gettext("Selitys ja lähde"))
    history = escape(gettext("historiatieto, ei arvioida"))
    source = escape(gettext("Lähde:"))
    edit_words = gettext("tulosta %(period)s")
    value_text = indicator.value_text
    rows = []
    for reading in readings:
        marks = f" {_marks(context, reading)}" if reading.has_marks else " "
        if reading.before_period:
            judged = f'<span class="cell-note">{history}</span>'
        elif reading.status:
            judged = status_badge(reading.status)
        else:
            judged = "–"
        explained = ""
        if reading.narrative:
            explained = f"<p>{city_text(reading.narrative, inline=True)}</p>"
        if reading.evidence:
            explained += (
                f'<p class="cell-note">{source} '
                f'<span lang="fi">{escape(reading.evidence)}</span></p>'
            )
        edit = ""
        if can_record:
            link = _edit_link(reading, edit_words) if indicator.is_active else ""
            edit = f'<td class="no-print">{link}</td>'
        warning = ' class="row-warning"' if reading.needs_explanation else ""
        rows.append(
            f"<tr{warning}>"
            f'<th scope="row">{escape(reading.period.label())}</th>'
            f'<td class="num" data-label="{result}">'
            f"{escape(value_text(reading.value))}{marks}</td>"
            f'<td class="num" data-label="{plan}">'
            f"{escape(value_text(reading.planned))}</td>"
            f'<td data-label="{state}">{judged}</td>'
            f'<td class="explanation-cell" data-label="{note}">{explained or "–"}</td>'
            f"{edit}</tr>"
        )
    return mark_safe("\n".join(rows))


@register.simple_tag(takes_context=True)
def narrative_items(context, indicator, readings, can_record=False):
    """A qualitative indicator's assessments as list items: period, status
    and marks as a heading, the assessment, its grounds, and for staff who
    may record, a link to correct it."""
    grounds = escape(gettext("Peruste:"))
    edit_words = gettext("arviota %(period)s")
    editable = can_record and indicator.is_active
    items = []
    for reading in readings:
        badge = status_badge(reading.status) if reading.status else ""
        marks = _marks(context, reading) if reading.has_marks else ""
        item = (
            f'<li class="narrative"><h3>{escape(reading.period.label())} {badge} '
            f"{marks}</h3>{city_text(reading.narrative)}"
        )
        if reading.evidence:
            item += (
                f'<p class="cell-note">{grounds} '
                f'<span lang="fi">{escape(reading.evidence)}</span></p>'
            )
        if editable:
            item += f'<p class="no-print">{_edit_link(reading, edit_words)}</p>'
        items.append(item + "</li>")
    return mark_safe("\n".join(items))
