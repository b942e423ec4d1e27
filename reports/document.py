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

from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from indicators import charts, periods
from indicators.status import ICONS, ORDER, Status

from .markup import dropped_links, render_markup
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


# Lists of plain rows with no texts to translate: copied, not walked (a large
# report has tens of thousands of readings).
PLAIN_LISTS = {"readings", "plan", "annual_targets"}


def localise(data, english: bool):
    """Replace every {"fi": …, "en": …} pair with the text to show."""
    if isinstance(data, dict):
        if data.keys() == {"fi", "en"}:
            return (data["en"] or data["fi"]) if english else data["fi"]
        return {
            key: [dict(row) for row in value]
            if key in PLAIN_LISTS
            else localise(value, english)
            for key, value in data.items()
        }
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


SPARK_POINTS = 40


def _trend(ind: dict) -> str:
    """A word-sized trend line of a numeric indicator (indicators/charts.py).

    Small on purpose: the table row beside it carries the figures, and a
    report on hundreds of indicators stays a document rather than a chart book.
    """
    numeric = [r for r in ind["readings"] if r["value"] is not None]
    if ind["kind"] != "numeric" or len(numeric) < 2:
        return ""
    _texts(ind, numeric[0])
    _texts(ind, numeric[-1])
    label = _("Kehitys %(first)s–%(last)s: %(start)s → %(end)s.") % {
        "first": numeric[0]["period"],
        "last": numeric[-1]["period"],
        "start": numeric[0]["value_text"],
        "end": numeric[-1]["value_text"],
    }
    target = ind["target_value"]
    # A 96-pixel line cannot show 120 monthly points: a sample of them draws
    # the same line, and a report with hundreds of them lays out much faster.
    if len(numeric) > SPARK_POINTS:
        step = (len(numeric) - 1) / (SPARK_POINTS - 1)
        numeric = [numeric[round(i * step)] for i in range(SPARK_POINTS)]
    svg = charts.sparkline(
        [Decimal(r["value"]) for r in numeric],
        label=label,
        target=Decimal(target) if target is not None else None,
    )
    return mark_safe(svg)  # built by indicators/charts.py, which escapes its text


def _texts(ind: dict, reading: dict) -> dict:
    """A reading's period label and its values as shown."""
    if "period" not in reading:
        period = periods.Period(ind["frequency"], reading["year"], reading["part"])
        reading["period"] = period.label()
        reading["value_text"] = _value(ind, reading["value"])
        reading["planned_text"] = _value(ind, reading["planned"])
    return reading


def _indicator_view(ind: dict) -> dict:
    # Texts only for the readings shown on their own (the latest, the trend's
    # ends, those with notes): the appendix prints the rest from the numbers,
    # and a large report has tens of thousands of them.
    for reading in ind["readings"]:
        if reading["narrative"]:
            _texts(ind, reading)
    latest = _texts(ind, ind["readings"][-1]) if ind["readings"] else None
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
        status_icon=ICONS[Status(ind["status"])],
        status_label=Status(ind["status"]).label,
        computed_status_label=Status(ind["computed_status"]).label,
        trend=_trend(ind),
    )
    return ind


# The appendix prints every reading up to the cut-off: tens of thousands of
# figures. A table cell per figure made the PDF take minutes (WeasyPrint lays
# out and tags each cell on its own), so each indicator's readings are lines of
# aligned text in one block, a year per line, like a statistics printout.
# Characters that fit the A4 text width in the grid's type (report.css: 172 mm
# of DejaVu Sans Mono at 6.2 pt holds 130).
WIDE = 124
NO_VALUE = "–"


def _cell(ind: dict, reading: dict) -> str:
    """One reading as text: the number without its unit, or a status symbol."""
    if ind["kind"] == "numeric":
        return number(Decimal(reading["value"]), ind["decimals"])
    return ICONS[Status(reading["qualitative_status"] or Status.NO_DATA)]


def _planned(ind: dict, value: str | None) -> str:
    return number(Decimal(value), ind["decimals"]) if value is not None else NO_VALUE


def _grid(ind: dict) -> dict | None:
    """An indicator's readings as aligned lines: a year per line, its periods in
    columns (ten years of monthly figures make 10 lines instead of 120), and the
    year's planned value last; explanations of readings follow as notes."""
    if not ind["readings"]:
        return None
    per_year = periods.PARTS_PER_YEAR[ind["frequency"]]
    numeric = ind["kind"] == "numeric"
    years: dict[int, dict] = {}
    for reading in ind["readings"]:
        row = years.setdefault(
            reading["year"], {"cells": [NO_VALUE] * per_year, "planned": NO_VALUE}
        )
        row["cells"][reading["part"] - 1] = _cell(ind, reading)
        if numeric:
            row["planned"] = _planned(ind, reading["planned"])
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
            text_ = (first if half == 0 else "").ljust(5)
            text_ += "".join(c.rjust(width + 1) for c in chunk)
            if numeric and half == 0:
                text_ += last.rjust(plan_width + 2)
            out.append(text_.rstrip())
        return out

    header = lines(_("Vuosi"), parts, planned)
    body = []
    for year in sorted(years):
        body += lines(str(year), years[year]["cells"], years[year]["planned"])
    notes = _notes(ind["readings"])
    return {
        "header": "\n".join(header),
        "lines": "\n".join(body),
        "notes": notes,
        # One run of text: a box per note made the PDF's layout markedly slower.
        "notes_text": " · ".join(
            f"{note['period']}: {' '.join(note['text'].split())}" for note in notes
        ),
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
