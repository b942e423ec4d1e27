"""What a published mid-term report stores, and how it is read back.

A draft's content is built live (``build``): the report's own texts with the
narratives rendered to sanitised HTML, and the indicator states as they stood
at the end of the cut-off date (``indicators.as_of``). Publishing stores that
content as JSON (``freeze``), and from then on the report renders from the
stored copy (``thaw``), whatever is recorded or changed later.

What is frozen: the data — every indicator's definition, annual targets,
readings and everything derived from them (each status, planned value and the
planned path), the focus areas' and success factors' indicators, the status
rule's constants — and the narratives as HTML. What follows the code: the
layout, the labels and the formatting of numbers, which are applied when the
page or the PDF is made.

The measures' progress (``measures_as_of``: each measure's phase and latest
update dated by the cut-off, as recorded by its end) is frozen beside them.

The stored JSON names its ``schema``. ``thaw`` reads every schema ever
written and upgrades older ones on the way (``_upgrade_v1``, ``_upgrade_v2``),
so a report published today still renders after later releases add fields: a new field
gets a default when it is missing, never a new meaning for an old one.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from indicators import state as indicator_state
from indicators import status as rule
from indicators.as_of import LateReading, end_of_day, states_as_of
from indicators.state import IndicatorState
from strategy import progress
from strategy.i18n import Text
from strategy.models import Measure, Phase, Strategy

from .appendix import YearRow, row_from_json, row_to_json, year_rows
from .markup import render_markup
from .models import NARRATIVES, MidtermReport

SCHEMA = 3


@dataclass
class AreaPart:
    """A focus area in the report: its words, narratives and indicators."""

    number: int
    short_title: Text
    lead: Text
    indicator_ids: list[int]
    narratives: dict[str, Text] = field(default_factory=dict)  # HTML


@dataclass
class FactorPart:
    order: int
    text: Text
    indicator_ids: list[int]


@dataclass(frozen=True)
class Council:
    """The council's decision on the report and whom to ask about it."""

    section: str = ""  # "§ 45"
    minutes_url: str = ""
    contact_name: str = ""
    contact_title: str = ""
    contact_email: str = ""
    contact_phone: str = ""

    @property
    def contact(self) -> bool:
        return bool(self.contact_name or self.contact_email or self.contact_phone)


COUNCIL_FIELDS = [
    "section",
    "minutes_url",
    "contact_name",
    "contact_title",
    "contact_email",
    "contact_phone",
]


@dataclass
class MeasurePart:
    """A measure's progress as of the cut-off: its phase and latest update."""

    area: int
    order: int
    text: Text
    phase: Phase
    department: Text
    contact: str
    update_date: datetime.date | None
    update_text: Text

    @property
    def code(self) -> str:
        return f"{self.area}.{self.order}"


@dataclass
class ReportContent:
    """Everything a report shows, whether built live or thawed."""

    title: Text
    cutoff: datetime.date
    council_meeting_date: datetime.date | None
    edition: int
    municipality: Text
    strategy_title: Text
    start_year: int
    end_year: int
    introduction: Text  # HTML
    areas: list[AreaPart]
    factors: list[FactorPart]
    states: dict[int, IndicatorState]  # by id, sorted by Finnish name
    rule: dict[str, Decimal]
    late_readings: list[LateReading] = field(default_factory=list)
    late_count: int = 0  # schema 1 stored only how many there were
    measures: list[MeasurePart] = field(default_factory=list)  # since schema 3
    # The appendix's rows per indicator id (reports/appendix.py).
    appendix: dict[int, list[YearRow]] = field(default_factory=dict)
    council: Council = Council()

    @property
    def is_demo(self) -> bool:
        return any(s.definition.is_demo for s in self.states.values())


# -- building a draft's content -------------------------------------------------


def _html(obj, name: str) -> Text:
    return Text(
        render_markup(getattr(obj, name)), render_markup(getattr(obj, f"{name}_en"))
    )


def build(report: MidtermReport, sections=None) -> ReportContent:
    """The content of ``report`` from live data as of its cut-off date.

    ``sections``: the report's sections as typed but not saved (a preview of
    unsaved text), instead of the stored ones.
    """
    strategy = report.strategy
    as_of = states_as_of(strategy, report.cutoff_date)
    by_name = sorted(as_of.states, key=lambda s: s.definition.name.fi.lower())
    states = {s.id: s for s in by_name}
    names = {s.id: s.definition.name.fi.lower() for s in by_name}
    if sections is None:
        sections = report.sections.select_related("focus_area")
    sections = {section.focus_area_id: section for section in sections}
    areas = []
    for area in strategy.focus_areas.all():
        # An area's indicators in the order of their first measure there.
        first_measure = {
            s.id: min(m.order for m in s.definition.measures if m.area == area.number)
            for s in by_name
            if any(m.area == area.number for m in s.definition.measures)
        }
        ids = sorted(first_measure, key=lambda pk: (first_measure[pk], names[pk]))
        section = sections.get(area.pk)
        areas.append(
            AreaPart(
                number=area.number,
                short_title=Text.of(area, "short_title"),
                lead=Text.of(area, "lead"),
                indicator_ids=ids,
                narratives={
                    name: _html(section, name) if section else Text()
                    for name in NARRATIVES
                },
            )
        )
    factors = [
        FactorPart(
            order=factor.order,
            text=Text.of(factor, "text"),
            indicator_ids=[
                s.id
                for s in states.values()
                if any(f.order == factor.order for f in s.definition.factors)
            ],
        )
        for factor in strategy.success_factors.all()
    ]
    return ReportContent(
        title=Text.of(report, "title"),
        cutoff=report.cutoff_date,
        council_meeting_date=report.council_meeting_date,
        edition=report.edition,
        municipality=Text.of(strategy, "municipality"),
        strategy_title=Text.of(strategy, "title"),
        start_year=strategy.start_year,
        end_year=strategy.end_year,
        introduction=_html(report, "introduction"),
        areas=areas,
        factors=factors,
        states=states,
        rule={
            "on_track_slack": rule.ON_TRACK_SLACK,
            "at_risk_slack": rule.AT_RISK_SLACK,
            "hold_on_track_slack": rule.HOLD_ON_TRACK_SLACK,
            "hold_at_risk_slack": rule.HOLD_AT_RISK_SLACK,
        },
        late_readings=as_of.late,
        late_count=len(as_of.late),
        measures=measures_as_of(strategy, report.cutoff_date),
        appendix={s.id: year_rows(s) for s in by_name},
        council=_council_of(report),
    )


def measures_as_of(strategy: Strategy, cutoff: datetime.date) -> list[MeasurePart]:
    """Every measure of ``strategy`` with its progress at the end of ``cutoff``.

    The department and contact are today's: they are not kept in history.
    """
    latest = progress.latest_updates_as_of(strategy, end_of_day(cutoff), cutoff)
    parts = []
    for measure in (
        Measure.objects.filter(focus_area__strategy=strategy)
        .select_related("focus_area", "department")
        .order_by("focus_area__number", "order")
    ):
        update = latest.get(measure.pk)
        parts.append(
            MeasurePart(
                area=measure.focus_area.number,
                order=measure.order,
                text=Text.of(measure, "text"),
                phase=progress.phase_of(update),
                department=Text.of(measure.department, "name")
                if measure.department
                else Text(),
                contact=measure.contact.name if measure.contact else "",
                update_date=update.date if update else None,
                update_text=Text.of(update, "text") if update else Text(),
            )
        )
    return parts


def _measure_json(part: MeasurePart) -> dict:
    return {
        "area": part.area,
        "order": part.order,
        "text": part.text.to_json(),
        "phase": part.phase.value,
        "department": part.department.to_json(),
        "contact": part.contact,
        "update_date": part.update_date.isoformat() if part.update_date else None,
        "update_text": part.update_text.to_json(),
    }


def _measure_from_json(data: dict) -> MeasurePart:
    return MeasurePart(
        area=data["area"],
        order=data["order"],
        text=Text.from_json(data["text"]),
        phase=Phase(data["phase"]),
        department=Text.from_json(data["department"]),
        contact=data["contact"],
        update_date=_date(data["update_date"]),
        update_text=Text.from_json(data["update_text"]),
    )


# -- to and from JSON ----------------------------------------------------------


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def to_json(content: ReportContent) -> dict:
    return {
        "schema": SCHEMA,
        "title": content.title.to_json(),
        "cutoff": content.cutoff.isoformat(),
        "council_meeting_date": content.council_meeting_date.isoformat()
        if content.council_meeting_date
        else None,
        "edition": content.edition,
        "municipality": content.municipality.to_json(),
        "strategy_title": content.strategy_title.to_json(),
        "start_year": content.start_year,
        "end_year": content.end_year,
        "introduction": content.introduction.to_json(),
        "areas": [
            {
                "number": a.number,
                "short_title": a.short_title.to_json(),
                "lead": a.lead.to_json(),
                "indicators": a.indicator_ids,
                "narratives": {k: v.to_json() for k, v in a.narratives.items()},
            }
            for a in content.areas
        ],
        "factors": [
            {"order": f.order, "text": f.text.to_json(), "indicators": f.indicator_ids}
            for f in content.factors
        ],
        "indicators": [indicator_state.to_json(s) for s in content.states.values()],
        "rule": {k: str(v) for k, v in content.rule.items()},
        "late_readings": [
            [late.indicator_id, late.name.to_json(), late.period]
            for late in content.late_readings
        ],
        "measures": [_measure_json(m) for m in content.measures],
        **_appendix_to_json(content),
        **_council_to_json(content),
    }


def freeze(report: MidtermReport) -> dict:
    """What publishing stores: the report's content as of its cut-off."""
    return to_json(build(report))


def thaw(data: dict) -> ReportContent:
    """The content stored by ``freeze`` under any schema, upgraded."""
    schema = data.get("schema")
    if schema is None and "snapshot" in data:
        data = _upgrade_v1(data)
        schema = data["schema"]
    if schema == 2:
        data = _upgrade_v2(data)
    elif schema != SCHEMA:
        raise ValueError(f"Unknown report schema {schema!r}")
    late = [
        LateReading(pk, Text.from_json(name), period)
        for pk, name, period in data.get("late_readings", [])
    ]
    content = ReportContent(
        title=Text.from_json(data["title"]),
        cutoff=_date(data["cutoff"]),
        council_meeting_date=_date(data.get("council_meeting_date")),
        edition=data["edition"],
        municipality=Text.from_json(data["municipality"]),
        strategy_title=Text.from_json(data["strategy_title"]),
        start_year=data["start_year"],
        end_year=data["end_year"],
        introduction=Text.from_json(data["introduction"]),
        areas=[
            AreaPart(
                number=a["number"],
                short_title=Text.from_json(a["short_title"]),
                lead=Text.from_json(a["lead"]),
                indicator_ids=a["indicators"],
                narratives={
                    k: Text.from_json(v) for k, v in a.get("narratives", {}).items()
                },
            )
            for a in data["areas"]
        ],
        factors=[
            FactorPart(f["order"], Text.from_json(f["text"]), f["indicators"])
            for f in data["factors"]
        ],
        states={
            s.id: s for s in (indicator_state.from_json(i) for i in data["indicators"])
        },
        rule={k: Decimal(v) for k, v in data["rule"].items()},
        late_readings=late,
        late_count=data.get("late_count", len(late)),
        measures=[_measure_from_json(m) for m in data["measures"]],
    )
    content.appendix = _appendix_from_json(data, content.states)
    content.council = _council_from_json(data)
    return content


# -- the appendix (a key of its own, added in December 2026) --------------------


def _appendix_to_json(content: ReportContent) -> dict:
    return {
        "appendix": {
            str(pk): [row_to_json(row) for row in rows]
            for pk, rows in content.appendix.items()
        }
    }


def _appendix_from_json(data: dict, states: dict[int, IndicatorState]) -> dict:
    """The stored rows; a report frozen before they were stored gets them from
    its frozen readings by today's rule (the only way it ever could)."""
    stored = data.get("appendix")
    if stored is None:
        return {pk: year_rows(state) for pk, state in states.items()}
    return {
        int(pk): [row_from_json(row) for row in rows] for pk, rows in stored.items()
    }


# -- the council's references (a key of its own, added in December 2026) -------


def _council_of(report: MidtermReport) -> Council:
    return Council(
        section=report.council_reference,
        minutes_url=report.minutes_url,
        contact_name=report.contact_name,
        contact_title=report.contact_title,
        contact_email=report.contact_email,
        contact_phone=report.contact_phone,
    )


def _council_to_json(content: ReportContent) -> dict:
    council = content.council
    return {"council": {name: getattr(council, name) for name in COUNCIL_FIELDS}}


def _council_from_json(data: dict) -> Council:
    """Reports frozen before these were recorded have none of them."""
    stored = data.get("council") or {}
    return Council(**{name: stored.get(name, "") for name in COUNCIL_FIELDS})


def content_of(report: MidtermReport) -> ReportContent:
    """The frozen content of a published report, live content of a draft."""
    if report.is_published:
        return thaw(report.frozen)
    return build(report)


# -- older schemas -------------------------------------------------------------


def _upgrade_v1(data: dict) -> dict:
    """Schema 1 (published until December 2026): a report with a "snapshot".

    Its indicators were flat dictionaries with decimal strings of four places;
    readings were not judged one by one (their status is left unknown), and
    only the number of late readings was kept.
    """
    snap = data["snapshot"]
    report = data["report"]
    narratives = data["narratives"]
    start, end = snap["strategy"]["start_year"], snap["strategy"]["end_year"]
    factor_of = {}
    for factor in snap["success_factors"]:
        for pk in factor["indicators"]:
            factor_of.setdefault(pk, []).append([factor["order"], factor["text"]])
    indicators = []
    for ind in snap["indicators"]:
        readings = [
            [
                None,
                r["year"],
                r["part"],
                r["value"],
                r["qualitative_status"],
                {"fi": r["narrative"], "en": ""} if r["narrative"] else "",
                "",
                r["planned"],
                r["qualitative_status"] or None,
            ]
            for r in ind["readings"]
        ]
        overridden = bool(ind.get("override_justification"))
        indicators.append(
            {
                "definition": {
                    **{
                        key: ind[key]
                        for key in (
                            "id",
                            "name",
                            "kind",
                            "description",
                            "unit",
                            "decimals",
                            "direction",
                            "frequency",
                            "baseline_value",
                            "baseline_year",
                            "target_value",
                            "target_year",
                            "data_source",
                            "source_url",
                            "department",
                            "is_demo",
                        )
                    },
                    "measures": [
                        [int(code.split(".")[0]), int(code.split(".")[1]), "", ""]
                        for code in ind["measures"]
                    ],
                    "factors": factor_of.get(ind["id"], []),
                    "strategy_start": start,
                    "strategy_end": end,
                },
                "targets": [[t["year"], t["value"]] for t in ind["annual_targets"]],
                "latest": len(readings) - 1 if readings else None,
                "computed": ind["computed_status"],
                "planned": ind["planned"],
                "status": ind["status"],
                # Schema 1 judged every indicator on its latest reading.
                "basis": "latest",
                "judged_value": readings[-1][3] if readings else None,
                "override": ind["status"] if overridden else None,
                "override_justification": ind.get("override_justification", ""),
                "plan": [[p["year"], p["value"]] for p in ind["plan"]],
                "readings": readings,
            }
        )
    return {
        "schema": 2,
        "title": report["title"],
        "cutoff": report["cutoff"],
        "council_meeting_date": report["council_meeting_date"],
        "edition": report["version"],
        "municipality": snap["strategy"]["municipality"],
        "strategy_title": snap["strategy"]["title"],
        "start_year": start,
        "end_year": end,
        "introduction": narratives["introduction"],
        "areas": [
            {
                "number": area["number"],
                "short_title": area["short_title"],
                "lead": area["lead"],
                "indicators": area["indicators"],
                "narratives": narratives["sections"].get(str(area["number"]), {}),
            }
            for area in snap["focus_areas"]
        ],
        "factors": [
            {"order": f["order"], "text": f["text"], "indicators": f["indicators"]}
            for f in snap["success_factors"]
        ],
        "indicators": indicators,
        "rule": snap["rule"],
        "late_readings": [],
        "late_count": snap.get("late_readings", 0),
    }


def _upgrade_v2(data: dict) -> dict:
    """Schema 2 (published until December 2026) kept no measures' progress.

    The measures had no phases or updates then; the report shows none.
    """
    return {**data, "schema": SCHEMA, "measures": []}
