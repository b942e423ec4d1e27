"""What a report shows, as data (``report_data``) and as template context.

``report_data`` gathers everything: the report's own texts with the narratives
rendered to safe HTML, and the indicator snapshot as of the cut-off date. It is
plain JSON, so publishing stores it (reports/freeze.py) and a published report
renders from the stored copy forever; a draft renders from a fresh one.

``build_document`` turns that data into the context the templates use, in the
active language (English where the text has it, else Finnish).
"""

import datetime
from decimal import Decimal

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from indicators import charts, periods
from indicators.status import ICONS, ORDER, Status

from .markup import render_markup
from .models import NARRATIVES, MidtermReport
from .snapshot import build_snapshot, text


def narratives(report: MidtermReport) -> dict:
    """The report's texts rendered from Markdown to sanitised HTML."""

    def html(obj, field: str) -> dict:
        return {
            "fi": render_markup(getattr(obj, field)),
            "en": render_markup(getattr(obj, f"{field}_en")),
        }

    sections = report.sections.select_related("focus_area")
    return {
        "introduction": html(report, "introduction"),
        "sections": {
            str(section.focus_area.number): {
                field: html(section, field) for field in NARRATIVES
            }
            for section in sections
        },
    }


def report_data(report: MidtermReport) -> dict:
    """Everything the report shows, as plain JSON-able data."""
    return {
        "report": {
            "title": text(report, "title"),
            "cutoff": report.cutoff_date.isoformat(),
            "council_meeting_date": report.council_meeting_date.isoformat()
            if report.council_meeting_date
            else None,
            "version": report.version,
        },
        "narratives": narratives(report),
        "snapshot": build_snapshot(report.strategy, report.cutoff_date),
    }


def data_of(report: MidtermReport) -> dict:
    """The frozen data of a published report, live data of a draft."""
    if report.is_published:
        return report.frozen
    return report_data(report)


def localise(data, english: bool):
    """Replace every {"fi": …, "en": …} pair with the text to show."""
    if isinstance(data, dict):
        if data.keys() == {"fi", "en"}:
            return (data["en"] or data["fi"]) if english else data["fi"]
        return {key: localise(value, english) for key, value in data.items()}
    if isinstance(data, list):
        return [localise(value, english) for value in data]
    return data


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


NBSP = "\xa0"


def number(value, decimals: int) -> str:
    """1 234,5: the site's number format, without Django's per-call locale
    lookups (a large report formats tens of thousands of numbers)."""
    return charts.format_number(value, decimals)


def _value(indicator: dict, value: str | None) -> str:
    """A numeric value with the indicator's decimals and unit: "12,5 %"."""
    if value is None:
        return ""
    shown = number(Decimal(value), indicator["decimals"])
    unit = indicator["unit"]
    if not unit:
        return shown
    # "12,5 %" stays together; "6 990 asukasta" may wrap in a narrow column.
    return f"{shown}{NBSP if len(unit) <= 3 else ' '}{unit}"


def _with_year(text_: str, year: int | None) -> str:
    return f"{text_} ({year})" if text_ and year else text_


def _trend(ind: dict) -> str:
    """A word-sized trend line of a numeric indicator (indicators/charts.py).

    Small on purpose: the table row beside it carries the figures, and a
    report on hundreds of indicators stays a document rather than a chart book.
    """
    numeric = [r for r in ind["readings"] if r["value"] is not None]
    if ind["kind"] != "numeric" or len(numeric) < 2:
        return ""
    label = _("Kehitys %(first)s–%(last)s: %(start)s → %(end)s.") % {
        "first": numeric[0]["period"],
        "last": numeric[-1]["period"],
        "start": numeric[0]["value_text"],
        "end": numeric[-1]["value_text"],
    }
    target = ind["target_value"]
    svg = charts.sparkline(
        [Decimal(r["value"]) for r in numeric],
        label=label,
        target=Decimal(target) if target is not None else None,
    )
    return mark_safe(svg)  # built by indicators/charts.py, which escapes its text


def _indicator_view(ind: dict) -> dict:
    for reading in ind["readings"]:
        period = periods.Period(ind["frequency"], reading["year"], reading["part"])
        reading["period"] = period.label()
        reading["value_text"] = _value(ind, reading["value"])
        reading["planned_text"] = _value(ind, reading["planned"])
    latest = ind["readings"][-1] if ind["readings"] else None
    ind.update(
        anchor=f"mittari-{ind['id']}",
        latest=latest,
        baseline_text=_with_year(
            _value(ind, ind["baseline_value"]), ind["baseline_year"]
        ),
        target_text=_with_year(_value(ind, ind["target_value"]), ind["target_year"]),
        planned_text=_value(ind, ind["planned"]),
        is_numeric=ind["kind"] == "numeric",
        overridden=ind["status"] != ind["computed_status"]
        or bool(ind["override_justification"]),
        grid=_grid(ind),
        trend=_trend(ind),
    )
    return ind


EMPTY_CELL = mark_safe('<td class="num">–</td>')


def _cell(ind: dict, reading: dict) -> str:
    """One cell of a year × period table, as HTML.

    Built here rather than in the template: a large report has tens of
    thousands of these, and a template loop with conditions per cell is the
    slowest part of rendering it.
    """
    if ind["kind"] == "numeric":
        text_ = number(Decimal(reading["value"]), ind["decimals"])
        return format_html('<td class="num">{}</td>', text_)
    status = Status(reading["qualitative_status"] or Status.NO_DATA)
    return format_html(
        '<td class="num grid-status status-{}"><abbr title="{}">{}</abbr></td>',
        status.value,
        status.label,
        ICONS[status],
    )


def _grid(ind: dict) -> dict | None:
    """Monthly and quarterly readings as a year × period table, notes apart.

    Ten years of monthly figures make 10 rows on paper instead of 120.
    """
    per_year = periods.PARTS_PER_YEAR[ind["frequency"]]
    if per_year == 1 or not ind["readings"]:
        return None
    rows = {}
    for reading in ind["readings"]:
        row = rows.setdefault(
            reading["year"], {"year": reading["year"], "cells": [EMPTY_CELL] * per_year}
        )
        row["cells"][reading["part"] - 1] = _cell(ind, reading)
        row["planned"] = reading["planned_text"]
    if per_year == 4:
        parts = [_("Q%(quarter)s") % {"quarter": q} for q in range(1, 5)]
    else:
        parts = [str(month) for month in range(1, 13)]
    return {
        "parts": parts,
        "rows": [rows[year] for year in sorted(rows)],
        "notes": _notes(ind["readings"]),
    }


def _notes(readings: list[dict]) -> list[dict]:
    """Explanations of readings; consecutive periods with the same one merge."""
    notes = []
    for index, reading in enumerate(readings):
        text_ = reading["narrative"]
        if not text_:
            continue
        last = notes[-1] if notes else None
        if last and last["text"] == text_ and last["index"] == index - 1:
            last.update(index=index, period=f"{last['first']}–{reading['period']}")
        else:
            notes.append({"index": index, "first": reading["period"], "text": text_})
            notes[-1]["period"] = reading["period"]
    return notes


def _percent(share: str) -> str:
    return number(Decimal(share) * 100, 0) + "\xa0%"


def build_document(report: MidtermReport, data: dict | None = None) -> dict:
    """Template context for the report in the active language."""
    english = (get_language() or "fi").startswith("en")
    raw = data if data is not None else data_of(report)

    def lang(pair: dict) -> str:
        """ "fi" where English is shown but only the Finnish text exists."""
        return "fi" if english and pair["fi"] and not pair["en"] else ""

    raw_sections = raw["narratives"]["sections"]
    data = localise(raw, english)
    snap = data["snapshot"]
    narr = data["narratives"]
    indicators = {ind["id"]: _indicator_view(ind) for ind in snap["indicators"]}
    statuses = [Status(s) for s in ORDER]

    areas = []
    for area in snap["focus_areas"]:
        texts = narr["sections"].get(str(area["number"]), {})
        raw_texts = raw_sections.get(str(area["number"]), {})
        areas.append(
            {
                "number": area["number"],
                "title": area["short_title"],
                "lead": area["lead"],
                "anchor": f"painopistealue-{area['number']}",
                "narratives": [
                    {
                        "field": field,
                        "html": mark_safe(texts.get(field) or ""),
                        "lang": lang(raw_texts[field]) if field in raw_texts else "",
                    }
                    for field in NARRATIVES
                ],
                "indicators": [indicators[pk] for pk in area["indicators"]],
                "counts": [(s, area["counts"][s.value]) for s in statuses],
                "total": len(area["indicators"]),
            }
        )
    totals = [
        (s, sum(a["counts"][s.value] for a in snap["focus_areas"])) for s in statuses
    ]
    rule = snap["rule"]
    return {
        "title": data["report"]["title"],
        "municipality": snap["strategy"]["municipality"],
        "strategy_title": snap["strategy"]["title"],
        "cutoff": _date(data["report"]["cutoff"]),
        "council_meeting_date": _date(data["report"]["council_meeting_date"]),
        "version": data["report"]["version"],
        "is_demo": snap["is_demo"],
        "late_readings": snap["late_readings"],
        "introduction": mark_safe(narr["introduction"]),
        "introduction_lang": lang(raw["narratives"]["introduction"]),
        "statuses": statuses,
        "areas": areas,
        "totals": totals,
        "total": len(snap["indicators"]),
        "factors": [
            {
                "order": factor["order"],
                "text": factor["text"],
                "indicators": [indicators[pk] for pk in factor["indicators"]],
            }
            for factor in snap["success_factors"]
        ],
        "indicators": list(indicators.values()),
        "rule": {key: _percent(value) for key, value in rule.items()},
    }
