"""Progress on the strategy pages, and the charts of the progress pages.

The strategy app must not import the indicators app, so its templates load
these tags: ``{% strategy_progress strategy as progress %}`` loads once per
request what a visitor may see, and the inclusion tags render parts of it.
"""

from decimal import Decimal

from django import template
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from indicators import charts
from indicators.overview import Row, StrategyProgress, Summary
from indicators.periods import PARTS_PER_YEAR, Period
from indicators.progress import targets_of
from indicators.status import planned_value
from indicators.templatetags.indicator_tags import number

register = template.Library()


@register.simple_tag(takes_context=True)
def strategy_progress(
    context, strategy, area=None, factors: bool = False
) -> StrategyProgress | None:
    """The strategy's progress for this request's user, loaded once per request.

    ``area`` (a FocusArea) or ``factors`` limit it to what the page shows. A
    page calls this twice with the same arguments (the example-data banner
    comes before the content); the second call costs nothing.
    """
    if strategy is None:
        return None
    number = area.number if area is not None else None
    request = context.get("request")
    if request is None:  # a template rendered outside a request: public data only
        return StrategyProgress(strategy, AnonymousUser(), area=number, factors=factors)
    user = getattr(request, "user", None) or AnonymousUser()
    cache = request.__dict__.setdefault("_strategy_progress", {})
    key = (strategy.pk, number, factors)
    if key not in cache:
        cache[key] = StrategyProgress(strategy, user, area=number, factors=factors)
    return cache[key]


def _list_url(**params) -> str:
    url = reverse("indicators:list")
    params = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{url}?{urlencode(params)}" if params else url


@register.inclusion_tag("indicators/includes/status_summary.html")
def status_summary(summary: Summary, area=None, linked: bool = True, query=None):
    """Counts by status (word, icon, number) and a proportional bar.

    With ``linked`` each count links to the list of those indicators: of the
    focus area if given, or, on the list itself, narrowing its ``query``.
    """
    number = area.number if area is not None else None

    def url(status) -> str:
        if query is not None:
            narrowed = query.copy()
            narrowed["tila"] = status.value
            return f"?{narrowed.urlencode()}"
        return _list_url(painopistealue=number, tila=status.value)

    counts = [{"count": c, "url": url(c.status)} for c in summary.counts]
    return {
        "summary": summary,
        "counts": counts,
        "linked": linked,
    }


@register.inclusion_tag("indicators/includes/area_summary.html")
def area_summary(progress: StrategyProgress | None, area):
    """The progress of one focus area, for its card on the home page."""
    summary = progress.area_summary(area.number) if progress else Summary(0, [])
    return {"summary": summary, "area": area}


@register.inclusion_tag("indicators/includes/indicator_cards.html")
def measure_indicators(progress: StrategyProgress | None, measure, level: int = 4):
    """The indicators of one measure, as cards with headings of ``level``."""
    rows = progress.by_measure.get(measure.pk, []) if progress else []
    return {"rows": rows, "level": level}


@register.inclusion_tag("indicators/includes/indicator_cards.html")
def factor_indicators(progress: StrategyProgress | None, factor, level: int = 3):
    rows = progress.by_factor.get(factor.pk, []) if progress else []
    return {"rows": rows, "level": level}


@register.filter
def factor_summary(progress: StrategyProgress | None, factor) -> Summary:
    return progress.factor_summary(factor.pk) if progress else Summary(0, [])


def _value_text(indicator, value) -> str:
    text = number(value, indicator.decimals)
    unit = indicator.unit_i18n
    return f"{text}\xa0{unit}" if unit else text


@register.simple_tag
def sparkline(row: Row) -> SafeString:
    """A small trend line of a numeric indicator's recent readings."""
    indicator = row.indicator
    points = row.trend_points
    if not points:
        return mark_safe("")
    values = [value for _, _, value in points]
    first_value, last_value = Decimal(str(values[0])), Decimal(str(values[-1]))
    if len(points) == 1:
        label = _("Vain yksi tulos: %(value)s") % {
            "value": _value_text(indicator, last_value)
        }
    else:
        first, last = points[0], points[-1]
        label = _("Kehitys %(first_period)s–%(last_period)s: %(first)s → %(last)s") % {
            "first_period": Period(indicator.frequency, first[0], first[1]).label(),
            "last_period": Period(indicator.frequency, last[0], last[1]).label(),
            "first": _value_text(indicator, first_value),
            "last": _value_text(indicator, last_value),
        }
    return mark_safe(
        charts.sparkline(values, label=label, target=indicator.target_value)
    )


@register.simple_tag
def legend_swatch(kind: str) -> SafeString:
    return mark_safe(charts.legend_swatch(kind))


def chart_years(indicator, readings, targets: dict[int, Decimal]) -> tuple[int, int]:
    """The years a chart spans: the strategy period, widened to the data."""
    strategy = indicator.strategy
    years = {strategy.start_year, strategy.end_year}
    years.update(r.year for r in readings)
    years.update(targets)
    for year in (indicator.baseline_year, indicator.target_year):
        if year:
            years.add(year)
    return min(years), max(years)


def planned_path(indicator, targets: dict[int, Decimal]) -> list[charts.Point]:
    """The planned value of each year from the baseline (or first annual target)
    to the target year, by the same rule the status uses."""
    starts = set(targets)
    ends = set(targets)
    if indicator.baseline_year and indicator.baseline_value is not None:
        starts.add(indicator.baseline_year)
    if indicator.target_year and indicator.target_value is not None:
        ends.add(indicator.target_year)
        starts.add(indicator.target_year)
    if not starts or not ends:
        return []
    points = []
    for year in range(min(starts), max(ends) + 1):
        value = planned_value(indicator, year, targets)
        if value is not None:
            points.append(charts.Point(year + 0.5, value))
    return points


@register.simple_tag
def indicator_chart(progress, readings, chart_id: str = "chart") -> SafeString:
    """The trend chart of a numeric indicator (readings oldest first)."""
    indicator = progress.indicator
    if not indicator.is_numeric:
        return mark_safe("")
    targets = targets_of(indicator)
    numeric = [r for r in readings if r.value is not None]
    planned = planned_path(indicator, targets)
    if not numeric and not planned:
        return mark_safe("")
    parts = PARTS_PER_YEAR[indicator.frequency]
    actual = [
        charts.Point(charts.period_x(r.year, r.part, parts), r.value) for r in numeric
    ]
    target = None
    target_label = ""
    if indicator.target_value is not None and indicator.target_year:
        target = charts.Point(indicator.target_year + 0.5, indicator.target_value)
        target_label = _("Tavoite %(value)s") % {
            "value": _value_text(indicator, indicator.target_value)
        }
    first_year, last_year = chart_years(indicator, numeric, targets)

    sentences = []
    if indicator.baseline_value is not None and indicator.baseline_year:
        sentences.append(
            _("Lähtötaso %(value)s vuonna %(year)s.")
            % {
                "value": _value_text(indicator, indicator.baseline_value),
                "year": indicator.baseline_year,
            }
        )
    if numeric:
        sentences.append(
            _("Tulokset %(first)s–%(last)s: %(start)s → %(end)s.")
            % {
                "first": numeric[0].period.label(),
                "last": numeric[-1].period.label(),
                "start": _value_text(indicator, numeric[0].value),
                "end": _value_text(indicator, numeric[-1].value),
            }
        )
    else:
        sentences.append(_("Tuloksia ei ole vielä kirjattu."))
    if target is not None:
        sentences.append(
            _("Tavoite %(value)s vuonna %(year)s.")
            % {
                "value": _value_text(indicator, indicator.target_value),
                "year": indicator.target_year,
            }
        )
    sentences.append(_("Tila: %(status)s.") % {"status": progress.status.label})
    sentences.append(_("Kaikki luvut ovat kaavion alla olevassa taulukossa."))

    labels = charts.ChartLabels(
        title=_("%(name)s: kehitys vuosina %(first)s–%(last)s")
        % {"name": indicator.name_i18n, "first": first_year, "last": last_year},
        desc=" ".join(sentences),
        unit=indicator.unit_i18n,
        x_axis=_("Vuosi"),
        target=target_label,
    )
    data = {
        "labels": labels,
        "first_year": first_year,
        "last_year": last_year,
        "actual": actual,
        "planned": planned,
        "target": target,
        "decimals": indicator.decimals,
    }
    # Two drawings: SVG text scales with the picture, so a phone gets one
    # drawn for its width instead of a shrunken wide one. CSS shows one; the
    # other is display:none and so hidden from screen readers too.
    wide = charts.line_chart(chart_id=chart_id, **data)
    narrow = charts.line_chart(
        chart_id=f"{chart_id}-kapea", width=360, height=260, font_size=13, **data
    )
    return mark_safe(
        f'<div class="chart-wide">{wide}</div><div class="chart-narrow">{narrow}</div>'
    )


@register.filter
def percent(share: Decimal) -> str:
    """A share as a Finnish per cent: Decimal("0.05") → "5 %"."""
    value = Decimal(share) * 100
    places = max(0, -value.normalize().as_tuple().exponent)
    return f"{charts.format_number(value, places)}\xa0%"
