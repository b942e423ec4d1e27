"""Formatting for templates: statuses, numbers, values with units, dates.

Only formatting: every tag and filter calls ``indicators/formatting.py`` or
draws what it is given; none of them queries the database.
"""

import functools

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language, gettext

from indicators import formatting
from indicators.choices import ICONS, Status, basis_text

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


@register.simple_tag
def basis_note(state):
    """What the state's status compares, beside its badge ("" for yearly and
    qualitative indicators, which only ever compare the latest reading)."""
    definition = state.definition
    if not definition.is_numeric:
        return ""
    return _basis_note(state.basis, definition.frequency, get_language())


@functools.cache
def _basis_note(basis: str, frequency: str, language: str | None) -> str:
    text = basis_text(basis, frequency)
    if not text:
        return ""
    return format_html(
        '<span class="status-basis">{}</span>',
        gettext("peruste: %(basis)s") % {"basis": text},
    )


@register.simple_tag
def planned_this_year(state, year: int | None = None):
    """This year's planned value, to show beside the target: "suunnitelma
    2026: 126,0 km" ("" without a plan). ``year``: this year, where the
    caller has it already."""
    year = year or timezone.localdate().year
    planned = state.planned_in(year)
    if planned is None:
        return ""
    return format_html(
        '<span class="planned-now">{}</span>',
        gettext("suunnitelma %(year)s: %(value)s")
        % {"year": year, "value": state.definition.value_text(planned)},
    )


# An explanation on an overview is one line: the rest is on the indicator's page.
EXPLANATION_CHARS = 110


@register.simple_tag
def explanation_line(state, url: str = ""):
    """The latest reading's explanation (a qualitative indicator's: its
    assessment) in one line, with a link to the whole ("" when it has none) on
    the indicator's page (``url``, when the caller has it already)."""
    latest = state.latest
    if latest is None or not latest.narrative:
        return ""
    definition = state.definition
    text = str(latest.narrative)
    lang = latest.narrative.lang
    return format_html(
        '<p class="explanation-line"><span class="explanation-line-period">{}</span>'
        " <span{}>{}</span> "
        '<a href="{}#status-heading">{}<span class="visually-hidden">: {}</span></a>'
        "</p>",
        (
            gettext("Selitys %(period)s:")
            if definition.is_numeric
            else gettext("Arvio %(period)s:")
        )
        % {"period": latest.period.label()},
        format_html(' lang="{}"', lang) if lang else "",
        Truncator(text).chars(EXPLANATION_CHARS),
        url or definition.get_absolute_url(),
        gettext("koko selitys") if definition.is_numeric else gettext("koko arvio"),
        definition.name,
    )


@register.simple_tag
def basis_of(definition):
    """What an indicator's status compares, as set (or its default)."""
    return capfirst(basis_text(definition.basis, definition.frequency))


@register.filter
def number(value, decimals=0):
    """A number in Finnish format, rounded half up: 1 234,5."""
    return formatting.number(value, int(decimals or 0))


@register.simple_tag
def value_text(definition, value):
    """A value with the indicator's decimals and unit: "12,5 %", or "–"."""
    return definition.value_text(value)


@register.filter
def percent(share):
    """A share of one as per cent: Decimal("0.05") → "5 %"."""
    return formatting.percent(share)


@register.filter
def shortdate(day):
    """27.11.2026."""
    return formatting.short_date(day)


@register.filter
def datetime_text(moment):
    """27.11.2026 14.05, in the city's time zone."""
    return formatting.date_time(moment)


@register.filter
def status_icon(status):
    """The symbol of a status (beside its word, never alone)."""
    return ICONS[Status(status or Status.NO_DATA)]


@register.simple_tag
def indicator_flags(indicator):
    """The tags of a draft, internal or retired indicator ("" for most): a tag, not
    an included template, because long lists print one per row."""
    tags = []
    if not indicator.is_published:
        tags.append(
            format_html(
                '<span class="tag tag-draft">{}</span>',
                gettext("Luonnos – ei vielä julkaistu"),
            )
        )
    if not indicator.is_public:
        tags.append(
            format_html(
                '<span class="tag tag-internal">{}</span>',
                gettext("Sisäinen mittari – näkyy vain kirjautuneille"),
            )
        )
    if not indicator.is_active:
        tags.append(
            format_html(
                '<span class="tag tag-retired">{}</span>',
                gettext("Poistunut käytöstä"),
            )
        )
    if not tags:
        return ""
    return format_html(
        '<p class="tags">{}</p>', format_html_join("", "{}", ((t,) for t in tags))
    )


# The id of the change history's section on an indicator's page.
HISTORY_ANCHOR = "muutoshistoria"


@register.simple_tag(takes_context=True)
def reading_marks(context, reading, page=""):
    """What a reader must know about a figure beside it: a preliminary figure,
    a reading from before the strategy period, a corrected one (with its
    date). "" for most readings.

    For logged-in users, who see the change history, "korjattu" links to it:
    on ``page`` (the indicator's address), or on this page when "" is given.
    """
    marks = []
    if reading.preliminary:
        marks.append(("mark-preliminary", gettext("ennakkotieto")))
    if reading.before_period:
        marks.append(("mark-context", gettext("ennen strategiakautta")))
    if reading.corrected_at:
        marks.append(
            (
                "mark-corrected",
                gettext("korjattu %(date)s")
                % {"date": formatting.short_date(reading.corrected_at)},
            )
        )
    html = format_html_join(" ", '<span class="reading-mark {}">{}</span>', marks)
    user = context.get("user")
    if reading.corrected_at and user is not None and user.is_authenticated:
        # The last mark is the correction: its words link to the history.
        corrected = marks.pop()
        html = format_html(
            '{}{}<a class="reading-mark {}" href="{}#{}">{}<span '
            'class="visually-hidden"> – {}</span></a>',
            format_html_join(" ", '<span class="reading-mark {}">{}</span>', marks),
            " " if marks else "",
            corrected[0],
            page,
            HISTORY_ANCHOR,
            corrected[1],
            gettext("katso muutoshistoria"),
        )
    return html
