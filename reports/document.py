"""A report's content as the template context of its page, print and PDF.

``build_document`` takes the content (``reports/freeze.py``: thawed for a
published report, built live for a draft) and prepares, in the active
language, what the templates print: each indicator state with its anchor and
trend line, the status counts (``indicators.overview.summarise``, the site's
own counting), and the appendix's tables, a row per year
(``reports/appendix.py``). Nothing is derived again here: statuses, planned
values and paths come from the frozen states and rows, and numbers are written
by ``indicators.formatting``.
"""

from dataclasses import dataclass

from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from indicators import figures, formatting
from indicators.choices import ORDER, PARTS_PER_YEAR, Basis, Status
from indicators.overview import summarise
from indicators.state import IndicatorState

from . import readings_data
from .freeze import ReportContent, build, content_of
from .markup import dropped_links
from .models import NARRATIVES, MidtermReport


@dataclass
class IndicatorView:
    """One indicator in the report: its state and how it is printed."""

    state: IndicatorState
    anchor: str
    trend: str  # the sparkline's SVG
    appendix: dict  # the appendix's table: a row per year

    @property
    def definition(self):
        return self.state.definition


def dropped_links_in(report: MidtermReport) -> list[dict]:
    """The links of a draft's texts whose address is not allowed (the report
    shows only their text): where each is and its text, for the preview."""

    def found(obj, field: str, area: str = "") -> list[dict]:
        return [
            {
                "place": capfirst(area + obj._meta.get_field(name).verbose_name),
                "text": link,
            }
            for name in (field, f"{field}_en")
            for link in dropped_links(getattr(obj, name))
        ]

    links = found(report, "introduction")
    for section in report.sections.select_related("focus_area"):
        area = _("Painopistealue %(number)s") % {"number": section.focus_area.number}
        for field in NARRATIVES:
            links += found(section, field, f"{area}, ")
    return links


def _view(state: IndicatorState, rows) -> IndicatorView:
    return IndicatorView(
        state=state,
        anchor=f"mittari-{state.id}",
        # Small on purpose: the table row beside it carries the figures, and a
        # report on hundreds of indicators stays a document, not a chart book.
        trend=mark_safe(figures.sparkline(state)),  # charts.py escapes its text
        appendix=_appendix(state, rows),
    )


def _year_view(definition, row) -> dict:
    """One appendix row as the table prints it."""
    numeric = definition.is_numeric
    period = ""
    if row.part:  # a monthly or quarterly indicator: which reading it was
        period = definition.period(row.year, row.part).label()
    view = {
        "year": row.year,
        "period": period,
        "status": row.status,
        "narrative": str(row.narrative),
        "narrative_lang": row.narrative.lang,
        "preliminary": row.preliminary,
    }
    if numeric:
        view["value"] = definition.value_text(row.value)
        view["basis_value"] = definition.value_text(row.basis_value)
        # Said only where the rule fell back from the indicator's own basis
        # (no full year yet, say).
        view["basis_note"] = (
            str(Basis(row.basis).label) if row.basis != definition.basis else ""
        )
        view["planned"] = definition.value_text(row.planned)
    else:
        view["assessed"] = Status(row.assessed) if row.assessed else None
    return view


def _appendix(state: IndicatorState, rows) -> dict:
    """The indicator's appendix table: the strategy period's years (earlier
    ones are context, and go with the report's data file)."""
    definition = state.definition
    start = definition.strategy_start
    shown = [row for row in rows if start is None or row.year >= start]
    earlier = len(rows) - len(shown)
    return {
        "rows": [_year_view(definition, row) for row in shown],
        "earlier_years": earlier,
        "periodic": PARTS_PER_YEAR[definition.frequency] > 1,
        "basis_label": capfirst(Basis(definition.basis).label),
    }


def build_document(report: MidtermReport, content: ReportContent | None = None) -> dict:
    """Template context for the report in the active language."""
    content = content if content is not None else content_of(report)
    views = {
        pk: _view(state, content.appendix.get(pk, []))
        for pk, state in content.states.items()
    }
    areas = []
    for area in content.areas:
        states = [content.states[pk] for pk in area.indicator_ids]
        areas.append(
            {
                "number": area.number,
                "title": area.short_title,
                "lead": area.lead,
                "anchor": f"painopistealue-{area.number}",
                "narratives": [
                    {
                        "field": name,
                        "html": mark_safe(str(area.narratives.get(name, ""))),
                        "lang": area.narratives[name].lang
                        if name in area.narratives
                        else "",
                    }
                    for name in NARRATIVES
                ],
                "indicators": [views[pk] for pk in area.indicator_ids],
                "measures": [m for m in content.measures if m.area == area.number],
                "summary": summarise(states),
            }
        )
    return {
        "title": content.title,
        "municipality": content.municipality,
        "strategy_title": content.strategy_title,
        "cutoff": content.cutoff,
        "council_meeting_date": content.council_meeting_date,
        "edition": content.edition,
        "is_demo": content.is_demo,
        "late_readings": content.late_readings,
        "late_count": content.late_count,
        "introduction": mark_safe(str(content.introduction)),
        "introduction_lang": content.introduction.lang,
        "statuses": ORDER,
        "areas": areas,
        "summary": summarise(content.states.values()),
        "factors": [
            {
                "order": factor.order,
                "text": factor.text,
                "indicators": [views[pk] for pk in factor.indicator_ids],
            }
            for factor in content.factors
        ],
        "indicators": list(views.values()),
        # The appendix prints two tables, each a row group per indicator: the
        # numeric indicators' figures and the qualitative ones' assessments.
        "appendix": {
            "numeric": [v for v in views.values() if v.definition.is_numeric],
            "qualitative": [v for v in views.values() if not v.definition.is_numeric],
        },
        "rule": {key: formatting.percent(value) for key, value in content.rule.items()},
        "data_filename": readings_data.filename(report, "csv"),
        "council": content.council,
    }


def preview_document(report: MidtermReport, sections) -> dict:
    """A draft as typed but not saved: ``report`` and ``sections`` carry the
    edit page's unsaved values (the forms' instances, validated)."""
    return build_document(report, build(report, sections))
