"""One indicator's state at one moment: what any page or report shows about it.

``build_state`` is the one place where the facts pages show are derived from
an indicator's definition, annual targets and readings: the latest reading,
the value judged on the indicator's status basis and the planned value it is
compared with, the status as computed and as shown (with the coordinator's
override and its justification), whether an explanation is needed, each
reading judged as of its period (readings before the strategy period are
context, never judged), and the planned path the charts draw. Everything
else — the site's pages, the API, the report page, its PDF — renders these
states and derives nothing again.

A state is built from live rows (``indicators/loading.py``) or from the
change history as of a cut-off date (``indicators/as_of.py``), and it
serialises to plain JSON and back (``to_json``/``from_json``) for the frozen
mid-term report, so that a published report shows exactly what was derived
when it was published, whatever later code or data say.
"""

import datetime
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import NamedTuple

from django.urls import reverse

from strategy.i18n import Text

from . import formatting, status
from .choices import (
    PARTS_PER_YEAR,
    Basis,
    Direction,
    Frequency,
    Kind,
    Status,
    default_basis,
)
from .periods import Period


@dataclass(frozen=True, slots=True)
class MeasureRef:
    """A measure an indicator is linked to: "1.2" and its words."""

    area: int
    order: int
    text: Text = Text()
    area_title: Text = Text()

    @property
    def code(self) -> str:
        return f"{self.area}.{self.order}"


@dataclass(frozen=True, slots=True)
class FactorRef:
    """A critical success factor an indicator is linked to."""

    order: int
    text: Text = Text()


@dataclass(frozen=True, slots=True)
class ContactRef:
    """An indicator's contact person as its public page shows them."""

    name: str
    title: Text = Text()
    email: str = ""

    @property
    def title_i18n(self) -> Text:
        """As ``ContactPerson.title_i18n``: one template shows either."""
        return self.title


@dataclass(frozen=True)
class Definition:
    """What an indicator is: the fields pages show and the rule reads."""

    id: int
    name: Text
    kind: str = Kind.NUMERIC
    description: Text = Text()
    unit: Text = Text()
    decimals: int = 0
    direction: str = Direction.INCREASE
    frequency: str = Frequency.YEARLY
    baseline_value: Decimal | None = None
    baseline_year: int | None = None
    target_value: Decimal | None = None
    target_year: int | None = None
    status_basis: str = ""  # as set; "" is the frequency's default
    data_source: Text = Text()
    source_url: str = ""
    external_id: str = ""
    department: Text = Text()
    department_id: int | None = None
    measures: tuple[MeasureRef, ...] = ()
    factors: tuple[FactorRef, ...] = ()
    is_public: bool = True
    is_active: bool = True
    is_demo: bool = False
    # A draft until the coordinator publishes it; a report holds only
    # published indicators, so it is not frozen.
    is_published: bool = True
    strategy_start: int | None = None  # the strategy period's first year
    strategy_end: int | None = None
    # When the live row last changed: shown on its page, not frozen.
    updated_at: datetime.datetime | None = field(default=None, compare=False)
    # Live pages only, not frozen: whom the public may ask, and (for staff)
    # who records its readings.
    contact: ContactRef | None = field(default=None, compare=False)
    responsible: str = field(default="", compare=False)

    @property
    def pk(self) -> int:
        return self.id

    @property
    def is_numeric(self) -> bool:
        return self.kind == Kind.NUMERIC

    @property
    def basis(self) -> str:
        """What the status compares (``status.assess_on_basis``)."""
        if not self.is_numeric:
            return Basis.LATEST
        return self.status_basis or default_basis(self.frequency)

    def before_period(self, year: int) -> bool:
        """A year before the strategy period: context, never judged."""
        return self.strategy_start is not None and year < self.strategy_start

    @property
    def measure_codes(self) -> list[str]:
        return [m.code for m in self.measures]

    def get_absolute_url(self) -> str:
        return reverse("indicators:detail", args=[self.id])

    def value_text(self, value, *, empty: str = formatting.EMPTY) -> str:
        """``value`` with this indicator's decimals and unit (active language)."""
        return formatting.value(value, self.decimals, str(self.unit), empty=empty)

    def period(self, year: int, part: int) -> Period:
        return Period(self.frequency, year, part)

    def get_direction_display(self) -> str:
        return str(Direction(self.direction).label)

    def get_frequency_display(self) -> str:
        return str(Frequency(self.frequency).label)


@dataclass(frozen=True, slots=True)
class ReadingState:
    """One valid reading, judged as of its period."""

    id: int | None
    year: int
    part: int
    period: Period
    value: Decimal | None = None
    assessed: str = ""  # the status staff chose (qualitative indicators)
    narrative: Text = Text()
    evidence: str = ""
    planned: Decimal | None = None  # the plan for its year (numeric)
    updated_at: datetime.datetime | None = field(default=None, compare=False)
    # The status as of this reading, on the indicator's basis; None before the
    # strategy period, and where it was not recorded (a report frozen before
    # readings were judged one by one).
    status: Status | None = Status.NO_DATA
    preliminary: bool = False  # a statistics office's first, provisional figure
    before_period: bool = False  # context from before the strategy period
    corrected_at: datetime.datetime | None = field(default=None, compare=False)

    @property
    def pk(self) -> int | None:
        return self.id

    @property
    def period_end(self) -> datetime.date:
        return self.period.end

    @property
    def qualitative_status(self) -> str:
        """The name the status rule reads (``status.assess``)."""
        return self.assessed

    @property
    def has_marks(self) -> bool:
        """Whether ``reading_marks`` has anything to say (most have nothing)."""
        return self.preliminary or self.before_period or bool(self.corrected_at)

    @property
    def needs_explanation(self) -> bool:
        return (
            self.value is not None
            and self.status is not None
            and status.needs_explanation(self.status)
        )


class TrendPoint(NamedTuple):
    """A numeric reading on a trend line: cheap floats, not exact figures.

    A named tuple, not a frozen dataclass: a list page makes thousands, and a
    tuple is made several times faster."""

    year: int
    part: int
    value: float


@dataclass(frozen=True)
class IndicatorState:
    definition: Definition
    targets: dict[int, Decimal]
    latest: ReadingState | None  # the latest reading, whatever its period
    computed: Status  # from the data, by the status rule
    planned: Decimal | None  # the planned value the judged value was compared with
    status: Status  # shown: the coordinator's override, else the computed one
    basis: str = Basis.LATEST  # what was compared (after any fallback)
    judged_value: Decimal | None = None  # the latest reading or a year's mean
    override: Status | None = None
    override_justification: str = ""
    plan: tuple[tuple[int, Decimal], ...] = ()  # the planned path, by year
    readings: tuple[ReadingState, ...] = ()  # oldest first; () if not loaded
    trend: tuple[TrendPoint, ...] = field(default=(), compare=False)

    @property
    def indicator(self) -> Definition:
        return self.definition

    @property
    def id(self) -> int:
        return self.definition.id

    @property
    def overridden(self) -> bool:
        return self.override is not None

    @property
    def needs_explanation(self) -> bool:
        return self.latest is not None and self.latest.needs_explanation

    @property
    def last_updated(self) -> datetime.datetime | None:
        """When the definition or any reading shown last changed (the latest
        reading, where an overview loaded no others)."""
        shown = self.readings or ((self.latest,) if self.latest else ())
        moments = [r.updated_at for r in shown if r.updated_at]
        if self.definition.updated_at:
            moments.append(self.definition.updated_at)
        return max(moments, default=None)

    def planned_in(self, year: int) -> Decimal | None:
        """The plan's value for ``year`` (the status rule's), or None."""
        if not self.definition.is_numeric:
            return None
        return status.planned_value(self.definition, year, self.targets)

    @property
    def annual_targets(self) -> list[tuple[int, Decimal]]:
        return sorted(self.targets.items())

    @property
    def trend_points(self) -> tuple[TrendPoint, ...]:
        """The numeric readings a trend line draws, oldest first."""
        if self.trend or not self.readings:
            return self.trend
        return tuple(
            TrendPoint(r.year, r.part, float(r.value))
            for r in self.readings
            if r.value is not None
        )

    @property
    def has_history(self) -> bool:
        """Readings from before the strategy period are shown (as context)."""
        return any(r.before_period for r in self.readings)

    @property
    def baseline_reading_value(self) -> Decimal | None:
        """The readings' figure for the baseline year when it differs from the
        defined baseline (the page then says which counts), else None.

        A yearly indicator's reading of that year; a monthly or quarterly
        one's mean over a complete year. The plan starts from the defined
        baseline; the readings of its year are context.
        """
        d = self.definition
        if not d.is_numeric or d.baseline_year is None or d.baseline_value is None:
            return None
        values = [
            r.value
            for r in self.readings
            if r.year == d.baseline_year and r.value is not None
        ]
        if not values or len(values) != PARTS_PER_YEAR[d.frequency]:
            return None
        figure = sum(values) / len(values)
        same = formatting.number(figure, d.decimals) == formatting.number(
            d.baseline_value, d.decimals
        )
        return None if same else figure

    def with_trend(self, points) -> "IndicatorState":
        return replace(self, trend=tuple(points))


@dataclass(frozen=True)
class EntryGuidance:
    """What the record form shows beside the value field for one period: the
    previous reading, the period's planned value, and the values that will
    need an explanation (``status.explanation_limits``)."""

    period: Period
    previous: ReadingState | None
    planned: Decimal | None
    limits: status.ExplanationLimits


def entry_guidance(state: IndicatorState, year: int, part: int) -> EntryGuidance:
    """The guidance for recording ``state``'s indicator for (year, part);
    ``state`` must hold every reading (``load_state``)."""
    definition = state.definition
    previous = None
    for reading in state.readings:  # oldest first
        if (reading.year, reading.part) < (year, part):
            previous = reading
    planned = None
    if definition.is_numeric:
        planned = status.planned_value(definition, year, state.targets)
    return EntryGuidance(
        period=definition.period(year, part),
        previous=previous,
        planned=planned,
        limits=status.explanation_limits(definition, planned),
    )


# -- building -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RawReading:
    """A reading as a loader found it, before it is judged."""

    id: int | None
    year: int
    part: int
    value: Decimal | None = None
    assessed: str = ""
    narrative: Text = Text()
    evidence: str = ""
    updated_at: datetime.datetime | None = None
    preliminary: bool = False
    corrected_at: datetime.datetime | None = None

    @property
    def qualitative_status(self) -> str:
        """The name the status rule reads (``status.assess``)."""
        return self.assessed


def judge(definition: Definition, raw: RawReading, targets) -> ReadingState:
    """A reading with the plan of its year and the status it alone gives
    (``status.assess``, the rule); a reading before the strategy period is
    context and gets no status."""
    before = definition.before_period(raw.year)
    assessment = status.assess(definition, raw, targets)
    return ReadingState(
        id=raw.id,
        year=raw.year,
        part=raw.part,
        period=Period(definition.frequency, raw.year, raw.part),
        value=raw.value,
        assessed=raw.assessed,
        narrative=raw.narrative,
        evidence=raw.evidence,
        planned=None if before else assessment.planned,
        updated_at=raw.updated_at,
        status=None if before else assessment.status,
        preliminary=raw.preliminary,
        before_period=before,
        corrected_at=raw.corrected_at,
    )


def _each_on_basis(definition: Definition, judged: list, targets) -> list:
    """Each reading (oldest first) as of its period: the status basis over
    the readings up to it. The basis reads at most a year back from the
    reading judged (``status.assess_on_basis``), so only that year is given:
    a long monthly series is judged in linear time, not quadratic."""
    per_year = PARTS_PER_YEAR[definition.frequency]
    frequency = definition.frequency
    out = []
    start = 0
    for i, r in enumerate(judged):
        if r.before_period:
            out.append(r)
            continue
        year_ago = status._index(frequency, r) - per_year
        while status._index(frequency, judged[start]) < year_ago:
            start += 1
        window = judged[start : i + 1]
        basis = status.assess_on_basis(definition, window, targets)
        out.append(replace(r, status=basis.status))
    return out


def build_state(
    definition: Definition,
    *,
    targets: dict[int, Decimal],
    readings=(),
    keep_readings: bool = True,
    override: str = "",
    override_justification: str = "",
) -> IndicatorState:
    """The indicator's state: the one place its facts are derived.

    ``readings`` are its valid readings, oldest first, ending with the latest:
    every one of them (``keep_readings``: an indicator's page, the report), or
    at least those its status basis looks at (the last year's).
    """
    readings = list(readings)
    if not keep_readings:
        # An overview page shows the latest reading only: judge just that one;
        # the basis reads the others' values as they are.
        judged = [judge(definition, readings[-1], targets)] if readings else []
        assessment = status.assess_on_basis(definition, readings, targets)
    else:
        judged = [judge(definition, raw, targets) for raw in readings]
        if definition.basis != Basis.LATEST:
            judged = _each_on_basis(definition, judged, targets)
        assessment = status.assess_on_basis(definition, judged, targets)
    if judged and not judged[-1].before_period:
        # The latest reading carries the indicator's status, on its basis.
        judged[-1] = replace(judged[-1], status=assessment.status)
    shown_override = Status(override) if override else None
    return IndicatorState(
        definition=definition,
        targets=dict(targets),
        latest=judged[-1] if judged else None,
        computed=assessment.status,
        planned=assessment.planned,
        status=shown_override or assessment.status,
        basis=assessment.basis,
        judged_value=assessment.value,
        override=shown_override,
        override_justification=override_justification if override else "",
        plan=tuple(status.planned_path(definition, targets)),
        readings=tuple(judged) if keep_readings else (),
    )


# -- frozen JSON ----------------------------------------------------------
# Decimals travel as exact strings, so that what was derived at publishing is
# read back digit for digit (a planned 116.666… stays that, and is rounded
# only when shown).


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _undec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def definition_to_json(d: Definition) -> dict:
    return {
        "id": d.id,
        "name": d.name.to_json(),
        "kind": str(d.kind),
        "description": d.description.to_json(),
        "unit": d.unit.to_json(),
        "decimals": d.decimals,
        "direction": str(d.direction),
        "frequency": str(d.frequency),
        "status_basis": str(d.status_basis),
        "baseline_value": _dec(d.baseline_value),
        "baseline_year": d.baseline_year,
        "target_value": _dec(d.target_value),
        "target_year": d.target_year,
        "data_source": d.data_source.to_json(),
        "source_url": d.source_url,
        "external_id": d.external_id,
        "department": d.department.to_json(),
        "department_id": d.department_id,
        "measures": [
            [m.area, m.order, m.text.to_json(), m.area_title.to_json()]
            for m in d.measures
        ],
        "factors": [[f.order, f.text.to_json()] for f in d.factors],
        "is_public": d.is_public,
        "is_active": d.is_active,
        "is_demo": d.is_demo,
        "strategy_start": d.strategy_start,
        "strategy_end": d.strategy_end,
    }


def definition_from_json(data: dict) -> Definition:
    return Definition(
        id=data["id"],
        name=Text.from_json(data["name"]),
        kind=data["kind"],
        description=Text.from_json(data.get("description", "")),
        unit=Text.from_json(data.get("unit", "")),
        decimals=data.get("decimals", 0),
        direction=data.get("direction", Direction.INCREASE),
        frequency=data.get("frequency", Frequency.YEARLY),
        # Reports frozen before the bases judged every indicator on its latest.
        status_basis=data.get("status_basis", Basis.LATEST),
        baseline_value=_undec(data.get("baseline_value")),
        baseline_year=data.get("baseline_year"),
        target_value=_undec(data.get("target_value")),
        target_year=data.get("target_year"),
        data_source=Text.from_json(data.get("data_source", "")),
        source_url=data.get("source_url", ""),
        external_id=data.get("external_id", ""),
        department=Text.from_json(data.get("department", "")),
        department_id=data.get("department_id"),
        measures=tuple(
            MeasureRef(area, order, Text.from_json(text), Text.from_json(title))
            for area, order, text, title in data.get("measures", [])
        ),
        factors=tuple(
            FactorRef(order, Text.from_json(text))
            for order, text in data.get("factors", [])
        ),
        is_public=data.get("is_public", True),
        is_active=data.get("is_active", True),
        is_demo=data.get("is_demo", False),
        strategy_start=data.get("strategy_start"),
        strategy_end=data.get("strategy_end"),
    )


# A reading as a compact row: tens of thousands of them go into a report.
# Keys added later go at the end, so that shorter rows of older reports read
# with their defaults.
READING_KEYS = [
    "id",
    "year",
    "part",
    "value",
    "assessed",
    "narrative",
    "evidence",
    "planned",
    "status",
    "preliminary",
    "before_period",
]
READING_DEFAULTS = {"preliminary": False, "before_period": False}
_NO_TEXT = Text()


def reading_to_json(r: ReadingState) -> list:
    return [
        r.id,
        r.year,
        r.part,
        _dec(r.value),
        r.assessed,
        r.narrative.to_json() if r.narrative else "",
        r.evidence,
        _dec(r.planned),
        str(r.status) if r.status else None,
        r.preliminary,
        r.before_period,
    ]


_STATUSES = {status.value: status for status in Status}
_TAIL = [READING_DEFAULTS[key] for key in READING_KEYS[9:]]


def reading_from_json(row: list, frequency: str) -> ReadingState:
    # Positional and without dictionaries: a report reads tens of thousands.
    if len(row) < len(READING_KEYS):
        row = [*row, *_TAIL[len(row) - len(READING_KEYS) :]]
    pk, year, part, value, assessed, narrative, evidence, planned, judged, *tail = row
    preliminary, before_period = tail
    return ReadingState(
        pk,
        year,
        part,
        Period(frequency, year, part),
        None if value is None else Decimal(value),
        assessed,
        Text.from_json(narrative) if narrative else _NO_TEXT,
        evidence,
        None if planned is None else Decimal(planned),
        None,
        _STATUSES[judged] if judged else None,
        preliminary,
        before_period,
    )


def to_json(state: IndicatorState) -> dict:
    latest = None
    if state.latest is not None:
        latest = (
            state.readings.index(state.latest)
            if state.latest in state.readings
            else reading_to_json(state.latest)
        )
    return {
        "definition": definition_to_json(state.definition),
        "targets": [[year, _dec(v)] for year, v in sorted(state.targets.items())],
        "latest": latest,
        "computed": str(state.computed),
        "planned": _dec(state.planned),
        "status": str(state.status),
        "basis": str(state.basis),
        "judged_value": _dec(state.judged_value),
        "override": str(state.override) if state.override else None,
        "override_justification": state.override_justification,
        "plan": [[year, _dec(v)] for year, v in state.plan],
        "readings": [reading_to_json(r) for r in state.readings],
    }


def from_json(data: dict) -> IndicatorState:
    definition = definition_from_json(data["definition"])
    readings = tuple(
        reading_from_json(row, definition.frequency) for row in data["readings"]
    )
    latest = data.get("latest")
    if isinstance(latest, int):
        latest = readings[latest]
    elif latest is not None:
        latest = reading_from_json(latest, definition.frequency)
    return IndicatorState(
        definition=definition,
        targets={year: Decimal(v) for year, v in data.get("targets", [])},
        latest=latest,
        computed=Status(data["computed"]),
        planned=_undec(data.get("planned")),
        status=Status(data["status"]),
        basis=data.get("basis", Basis.LATEST),
        judged_value=_undec(data.get("judged_value")),
        override=Status(data["override"]) if data.get("override") else None,
        override_justification=data.get("override_justification", ""),
        plan=tuple((year, Decimal(v)) for year, v in data.get("plan", [])),
        readings=readings,
    )
