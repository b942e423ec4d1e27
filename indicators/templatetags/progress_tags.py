"""Summaries and charts of indicator states, for the progress pages.

Views load the states (``indicators/loading.py``, ``indicators/overview.py``);
these tags only draw them: status counts with their links, trend lines and
charts (``indicators/figures.py``).
"""

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

from indicators import charts, figures, overview_html
from indicators.overview import Summary

register = template.Library()


def _list_url(**params) -> str:
    url = reverse("indicators:list")
    params = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{url}?{urlencode(params)}" if params else url


@register.inclusion_tag("indicators/includes/status_summary.html")
def status_summary(summary: Summary, area=None, linked: bool = True, narrow=False):
    """Counts by status (word, icon, number) and a proportional bar.

    With ``linked`` each count links to the list of those indicators: of the
    focus area if given, or, with ``narrow`` on the list itself, narrowing
    the list's own filters (``{% querystring %}``).
    """
    number = area.number if area is not None else None
    counts = [
        {"count": c, "url": _list_url(painopistealue=number, tila=c.status.value)}
        for c in summary.counts
    ]
    return {"summary": summary, "counts": counts, "linked": linked, "narrow": narrow}


@register.simple_tag
def sparkline(state) -> SafeString:
    """A small trend line of a numeric indicator's recent readings."""
    return mark_safe(figures.sparkline(state))  # charts.py escapes its text


def _page(context) -> overview_html.Page:
    """What the rows or cards of this rendering share, looked up once."""
    page = context.render_context.get(overview_html.Page)
    if page is None:
        page = overview_html.Page.now(context.get("user"))
        context.render_context[overview_html.Page] = page
    return page


@register.simple_tag(takes_context=True)
def indicator_row(context, state) -> SafeString:
    """A row of the indicator list's table (``overview_html.list_row``)."""
    return overview_html.list_row(state, _page(context))


@register.simple_tag(takes_context=True)
def indicator_card(context, state, level: int) -> SafeString:
    """An indicator's card, its heading of ``level`` (``overview_html``)."""
    return overview_html.indicator_card(state, level, _page(context))


@register.simple_tag
def indicator_chart(state, chart_id: str = "chart") -> SafeString:
    """The trend chart of a numeric indicator, with its words."""
    return mark_safe(figures.indicator_chart(state, chart_id))


@register.simple_tag
def legend_swatch(kind: str) -> SafeString:
    return mark_safe(charts.legend_swatch(kind))
