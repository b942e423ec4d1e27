"""A report's content as the template context of its page, print and PDF.

``build_document`` takes the content (``reports/freeze.py``: thawed for a
published report, built live for a draft) and prepares, in the active
language, what the templates print: each indicator state with its anchor and
trend line, the status counts (``indicators.overview.summarise``, the site's
own counting), and the appendix's reading grids. Nothing is derived again
here: statuses, planned values and paths come from the frozen states, and
numbers are written by ``indicators.formatting``.
"""

from dataclasses import dataclass

from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from indicators import figures, formatting
from indicators.choices import ICONS, ORDER, PARTS_PER_YEAR, Status
from indicators.overview import summarise
from indicators.state import IndicatorState, ReadingState

from .freeze import ReportContent, content_of
from .markup import dropped_links
from .models import NARRATIVES, MidtermReport


@dataclass
class IndicatorView:
    """One indicator in the report: its state and how it is printed."""

    state: IndicatorState
    anchor: str
    trend: str  # the sparkline's SVG
    grid: dict | None  # the appendix's aligned lines

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


def _view(state: IndicatorState) -> IndicatorView:
    return IndicatorView(
        state=state,
        anchor=f"mittari-{state.id}",
        # Small on purpose: the table row beside it carries the figures, and a
        # report on hundreds of indicators stays a document, not a chart book.
        trend=mark_safe(figures.sparkline(state)),  # charts.py escapes its text
        grid=_grid(state),
    )


# The appendix prints every reading up to the cut-off: tens of thousands of
# figures. A table cell per figure made the PDF take minutes (WeasyPrint lays
# out and tags each cell on its own), so each indicator's readings are lines of
# aligned text in one block, a year per line, like a statistics printout.
# Characters that fit the A4 text width in the grid's type (report.css: 172 mm
# of DejaVu Sans Mono at 6.2 pt holds 130).
WIDE = 124
NO_VALUE = "–"


# Marks a statistics printout uses: a preliminary figure, a year of history.
PRELIMINARY_MARK = "*"
HISTORY_MARK = "†"


def _cell(state: IndicatorState, reading: ReadingState) -> str:
    """One reading as text: the number without its unit, or a status symbol;
    a preliminary figure marked with PRELIMINARY_MARK."""
    if state.definition.is_numeric:
        text = formatting.number(reading.value, state.definition.decimals)
        return text + PRELIMINARY_MARK if reading.preliminary else text
    return ICONS[Status(reading.assessed or Status.NO_DATA)]


def _grid(state: IndicatorState) -> dict | None:
    """An indicator's readings as aligned lines: a year per line, its periods in
    columns (ten years of monthly figures make 10 lines instead of 120), and the
    year's planned value last; explanations of readings follow as notes."""
    readings = state.readings
    if not readings:
        return None
    definition = state.definition
    per_year = PARTS_PER_YEAR[definition.frequency]
    numeric = definition.is_numeric
    years: dict[int, dict] = {}
    for reading in readings:
        row = years.setdefault(
            reading.year, {"cells": [NO_VALUE] * per_year, "planned": NO_VALUE}
        )
        row["cells"][max(reading.part, 1) - 1] = _cell(state, reading)
        if numeric and reading.planned is not None:
            row["planned"] = formatting.number(reading.planned, definition.decimals)
    if per_year == 4:
        parts = [_("Q%(quarter)s") % {"quarter": q} for q in range(1, 5)]
    elif per_year == 12:
        parts = [str(month) for month in range(1, 13)]
    else:
        parts = [_("Lukema") if numeric else _("Arvio")]
    planned = _("Suunniteltu")
    width = max(len(c) for row in years.values() for c in [*row["cells"], *parts])
    plan_width = max([len(planned), *(len(row["planned"]) for row in years.values())])
    # A line: the year, the periods, the planned value; too wide a line is
    # printed as two (months 1–6 and 7–12).
    halves = 2 if 5 + (width + 1) * per_year + plan_width + 2 > WIDE else 1
    size = per_year // halves

    def lines(first: str, cells: list[str], last: str) -> list[str]:
        out = []
        for half in range(halves):
            chunk = cells[half * size : (half + 1) * size]
            text = (first if half == 0 else "").ljust(5)
            text += "".join(c.rjust(width + 1) for c in chunk)
            if numeric and half == 0:
                text += last.rjust(plan_width + 2)
            out.append(text.rstrip())
        return out

    header = lines(_("Vuosi"), parts, planned)
    body = []
    for year in sorted(years):
        # Years before the strategy period are context, never judged.
        label = f"{year}{HISTORY_MARK}" if definition.before_period(year) else str(year)
        body += lines(label, years[year]["cells"], years[year]["planned"])
    notes = _notes(readings)
    return {
        "header": "\n".join(header),
        "lines": "\n".join(body),
        "notes": notes,
        "preliminary": any(r.preliminary for r in readings),
        "history": any(r.before_period for r in readings),
        # One run of text: a box per note made the PDF's layout markedly slower.
        "notes_text": " · ".join(
            f"{note['period']}: {' '.join(note['text'].split())}" for note in notes
        ),
    }


def _notes(readings) -> list[dict]:
    """Explanations of readings; consecutive periods with the same one merge."""
    notes = []
    for index, reading in enumerate(readings):
        text = str(reading.narrative)
        if not text:
            continue
        label = reading.period.label()
        last = notes[-1] if notes else None
        if last and last["text"] == text and last["index"] == index - 1:
            last.update(index=index, period=f"{last['first']}–{label}")
        else:
            notes.append(
                {"index": index, "first": label, "text": text, "period": label}
            )
    return notes


def build_document(report: MidtermReport, content: ReportContent | None = None) -> dict:
    """Template context for the report in the active language."""
    content = content if content is not None else content_of(report)
    views = {pk: _view(state) for pk, state in content.states.items()}
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
        "rule": {key: formatting.percent(value) for key, value in content.rule.items()},
    }
