"""The HTML of one indicator on the overview pages: a row of the list's table
and a card of a focus area or success factor.

Built in Python rather than in a template, because a page prints hundreds of
them and the template engine's per-variable lookups and per-tag nodes cost
several times the markup itself (bench/pages.py). The pieces are the same
tags the templates use (``indicator_tags``, ``progress_tags``); the markup is
the one the templates had, and the tests of the pages read it as before.
"""

import functools
from dataclasses import dataclass

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from strategy.templatetags.city_text import city_text

from . import figures
from .state import IndicatorState
from .templatetags.indicator_tags import (
    basis_note,
    explanation_line,
    indicator_flags,
    planned_this_year,
    reading_marks,
    status_badge,
)


@dataclass(frozen=True)
class Page:
    """What every row or card of one page shares, looked up once per page:
    who is reading, this year, and the words each of them repeats."""

    user: object
    year: int
    words: dict[str, str]

    @classmethod
    def now(cls, user) -> "Page":
        return cls(user, timezone.localdate().year, _words(get_language()))


@functools.cache
def _words(language: str | None) -> dict[str, str]:
    """The words every row or card repeats, translated once per language."""
    return {
        "measure": gettext("Toimenpide"),
        "latest": gettext("Viimeisin tulos"),
        "target": gettext("Tavoite"),
        "trend": gettext("Kehitys"),
        "no_results": gettext("Ei vielä tuloksia"),
        "no_assessment": gettext("Ei vielä arviota."),
    }


def _latest(state: IndicatorState, html: str, url: str, page: Page) -> SafeString:
    """The latest figure, its period and any ``reading_marks`` (most have
    none) in ``html``'s markup."""
    latest = state.latest
    marks = ""
    if latest.has_marks:
        marks = reading_marks({"user": page.user}, latest, url)
    return format_html(
        html, state.definition.value_text(latest.value), latest.period.label(), marks
    )


def _target(state: IndicatorState, period_html: str, page: Page) -> SafeString:
    """The target with its year (``period_html``: the year's markup) and this
    year's plan."""
    indicator = state.definition
    year = ""
    if indicator.target_value is not None and indicator.target_year:
        year = format_html(period_html, f"{indicator.target_year:d}")
    return format_html(
        "{}{} {}",
        indicator.value_text(indicator.target_value),
        year,
        planned_this_year(state, page.year),
    )


def list_row(state: IndicatorState, page: Page) -> SafeString:
    """A ``<tr>`` of the indicator list's table (``indicators/list.html``)."""
    indicator = state.definition
    latest = state.latest
    url = indicator.get_absolute_url()
    words = page.words
    if not indicator.is_numeric:
        latest_html = (
            format_html(
                '<span class="cell-note">{}</span>',
                gettext("arvio %(period)s") % {"period": latest.period.label()},
            )
            if latest
            else "–"
        )
    elif latest:
        latest_html = _latest(
            state, '{} <span class="cell-note">{}</span> {}', url, page
        )
    else:
        latest_html = "–"
    return format_html(
        '<tr>\n<th scope="row" class="indicator-cell">\n'
        '<a href="{}">{}</a>\n<span class="cell-note">{} {} · {}</span>\n{}\n{}\n'
        "</th>\n"
        '<td class="num" data-label="{}">{}</td>\n'
        '<td class="num" data-label="{}">{}</td>\n'
        '<td class="status-cell">{}{}</td>\n'
        '<td class="trend-cell">{}</td>\n'
        "</tr>",
        url,
        indicator.name,
        words["measure"],
        ", ".join(indicator.measure_codes),
        indicator.department,
        indicator_flags(indicator),
        explanation_line(state, url),
        words["latest"],
        latest_html,
        words["target"],
        _target(state, ' <span class="cell-note">{}</span>', page),
        status_badge(state.status),
        basis_note(state),
        mark_safe(figures.sparkline(state)),  # charts.py escapes its text
    )


def indicator_card(state: IndicatorState, level: int, page: Page) -> SafeString:
    """An ``<li>`` of the indicator cards (``indicator_cards.html``), with a
    heading of ``level``."""
    indicator = state.definition
    latest = state.latest
    url = indicator.get_absolute_url()
    words = page.words
    if indicator.is_numeric:
        if latest:
            latest_html = _latest(
                state,
                '<strong>{}</strong> <span class="period">({})</span> {}',
                url,
                page,
            )
        else:
            latest_html = words["no_results"]
        trend = ""
        if state.trend_points:
            trend = format_html(
                '\n<div class="figure-trend">\n<dt>{}</dt>\n<dd>{}</dd>\n</div>',
                words["trend"],
                mark_safe(figures.sparkline(state)),  # charts.py escapes its text
            )
        body = format_html(
            '<dl class="figures">\n'
            "<div>\n<dt>{}</dt>\n<dd>{}</dd>\n</div>\n"
            "<div>\n<dt>{}</dt>\n<dd>{}</dd>\n</div>{}\n"
            "</dl>\n{}",
            words["latest"],
            latest_html,
            words["target"],
            _target(state, ' <span class="period">({})</span>', page),
            trend,
            explanation_line(state, url),
        )
    elif latest:
        body = format_html(
            '<p class="assessment"><span class="period">{}</span> {}</p>',
            gettext("Arvio %(period)s:") % {"period": latest.period.label()},
            city_text(latest.narrative, inline=True, truncate=30),
        )
    else:
        body = format_html('<p class="assessment muted">{}</p>', words["no_assessment"])
    return format_html(
        '<li class="indicator-card">\n<div class="indicator-card-head">\n'
        '<h{} class="indicator-name"><a href="{}">{}</a></h{}>\n{}{}\n'
        "</div>\n{}\n{}\n"
        "</li>",
        level,
        url,
        indicator.name,
        level,
        status_badge(state.status),
        basis_note(state),
        indicator_flags(indicator),
        body,
    )
