"""The status rule: how the portal judges an indicator's progress.

This is the one place where status is decided; the public "how to read these
pages" page prints these constants, so the explanation cannot drift from the
code.

Numeric indicators
    The latest reading is compared with the *planned value* for its year:

    1. the explicit annual target (vuositavoite) for that year, if there is one;
    2. else the straight line from the baseline (value, year) to the target
       (value, year); before the baseline year the baseline, after the target
       year the target;
    3. else, with a target but no baseline, the target itself.

    With no target and no annual target there is nothing to compare with, and
    the status is "no data" (ei tietoa).

    The *scale* of an indicator is the whole change the strategy plans (target
    minus baseline). Without a baseline, or with no planned change, it is the
    planned value itself. Shortfalls are measured as a share of that scale, so
    one rule fits euros, per cents and head counts alike:

    - achieved: the reading meets or beats the final target (in the good
      direction);
    - on track: the reading meets the planned value, or falls short of it by at
      most ON_TRACK_SLACK of the scale (a small tolerance, because yearly
      figures wobble);
    - at risk: falls short by at most AT_RISK_SLACK of the scale;
    - off track: falls short by more.

    "Hold" indicators (pidetään tasolla) aim to stay at the target level: the
    distance from the planned value in either direction counts, measured
    against the planned value; HOLD_ON_TRACK_SLACK and HOLD_AT_RISK_SLACK set the
    bands. A hold indicator within its band at or after the target year is
    achieved.

Status basis (monthly and quarterly indicators)
    What is compared with the plan can be, as the coordinator chooses:

    - the latest reading (LATEST; the only basis of yearly indicators);
    - the mean of the readings of the last year — twelve months or four
      quarters ending with the latest — against the mean of their periods'
      planned values (ROLLING_MEAN; the default, so that a seasonal peak alone
      does not turn an indicator red);
    - the latest reading against the same period a year earlier moved on by
      the plan's step between the two years (YEAR_AGO; for strongly seasonal
      figures). Without a reading a year earlier, the latest reading is judged
      as under LATEST.

    Readings for periods before the strategy period are context: they are
    shown, but never judged and never in a window.

Qualitative indicators
    The status is the one the responsible staff chose with their assessment.

Either kind
    No reading: "no data". A coordinator may override the computed status, but
    only with a written justification; the pages then show both.
"""

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from .choices import (
    PARTS_PER_YEAR,
    Basis,
    Direction,
    Frequency,
    Kind,
    Status,
    default_basis,
)

# Shares of the scale (see the module docstring).
ON_TRACK_SLACK = Decimal("0.05")
AT_RISK_SLACK = Decimal("0.25")
HOLD_ON_TRACK_SLACK = Decimal("0.05")
HOLD_AT_RISK_SLACK = Decimal("0.15")


@dataclass(frozen=True)
class Assessment:
    """The computed status and what it was computed from."""

    status: Status
    planned: Decimal | None = None  # the planned value compared with
    value: Decimal | None = None  # the value compared (a reading, or a mean)
    year: int | None = None
    basis: str = Basis.LATEST  # what was compared (after any fallback)


def planned_value(indicator, year: int, targets: dict[int, Decimal]) -> Decimal | None:
    """The value the plan expects for ``year`` (rules 1–3 of the docstring)."""
    if year in targets:
        return targets[year]
    target, target_year = indicator.target_value, indicator.target_year
    baseline, baseline_year = indicator.baseline_value, indicator.baseline_year
    if target is None:
        return None
    if baseline is None or baseline_year is None or target_year is None:
        return target
    if year >= target_year or target_year <= baseline_year:
        return target
    if year <= baseline_year:
        return baseline
    share = Decimal(year - baseline_year) / Decimal(target_year - baseline_year)
    return baseline + (target - baseline) * share


def planned_path(indicator, targets: dict[int, Decimal]) -> list[tuple[int, Decimal]]:
    """The planned value of each year the plan covers, by the rule above.

    From the earliest of the baseline year and the annual targets' years to the
    latest of the target year and the annual targets' years: what charts draw
    as the dashed line. Empty when fewer than two years are planned.
    """
    if indicator.kind != Kind.NUMERIC:
        return []
    years = set(targets)
    if indicator.baseline_year and indicator.baseline_value is not None:
        years.add(indicator.baseline_year)
    if indicator.target_year and indicator.target_value is not None:
        years.add(indicator.target_year)
    if len(years) < 2:
        return []
    path = []
    for year in range(min(years), max(years) + 1):
        planned = planned_value(indicator, year, targets)
        if planned is not None:
            path.append((year, planned))
    return path


def scale(indicator, planned: Decimal) -> Decimal:
    """The size of change against which shortfalls are measured."""
    if indicator.baseline_value is not None and indicator.target_value is not None:
        change = abs(indicator.target_value - indicator.baseline_value)
        if change:
            return change
    return abs(planned) or Decimal(1)


def assess_numeric(indicator, value: Decimal | None, year: int, targets) -> Assessment:
    """Status of a numeric value recorded for ``year``."""
    if value is None:
        return Assessment(Status.NO_DATA)
    return compare(indicator, value, planned_value(indicator, year, targets), year)


def compare(
    indicator, value: Decimal, planned: Decimal | None, year: int, basis=Basis.LATEST
) -> Assessment:
    """Status of ``value`` against the ``planned`` value it is to meet."""
    if planned is None:
        return Assessment(Status.NO_DATA, value=value, year=year, basis=basis)
    found = {"planned": planned, "value": value, "year": year, "basis": basis}
    if indicator.direction == Direction.HOLD:
        return Assessment(_hold_status(indicator, value, planned, year), **found)

    sign = Decimal(1) if indicator.direction == Direction.INCREASE else Decimal(-1)
    target = indicator.target_value
    if target is not None and sign * (value - target) >= 0:
        return Assessment(Status.ACHIEVED, **found)
    shortfall = sign * (planned - value)
    size = scale(indicator, planned)
    if shortfall <= ON_TRACK_SLACK * size:
        return Assessment(Status.ON_TRACK, **found)
    if shortfall <= AT_RISK_SLACK * size:
        return Assessment(Status.AT_RISK, **found)
    return Assessment(Status.OFF_TRACK, **found)


def _index(frequency: str, reading) -> int:
    """A period's place on one running count: months or quarters since year 0."""
    return reading.year * PARTS_PER_YEAR[frequency] + max(reading.part, 1)


def assess_on_basis(indicator, readings, targets) -> Assessment:
    """The status of an indicator on its status basis (see above).

    ``readings`` are its readings, oldest first: those before the strategy
    period (``indicator.before_period``) are never judged nor averaged, but a
    year-earlier comparison may start from one.
    """
    before = getattr(indicator, "before_period", lambda year: False)
    in_period = [r for r in readings if not before(r.year)]
    if not in_period:
        return Assessment(Status.NO_DATA)
    latest = in_period[-1]
    basis = getattr(indicator, "status_basis", "") or default_basis(indicator.frequency)
    if (
        indicator.kind != Kind.NUMERIC
        or basis == Basis.LATEST
        or indicator.frequency == Frequency.YEARLY
    ):
        return assess(indicator, latest, targets)
    per_year = PARTS_PER_YEAR[indicator.frequency]
    last = _index(indicator.frequency, latest)
    if basis == Basis.ROLLING_MEAN:
        window = []  # the readings of the last year, newest first
        for r in reversed(in_period):
            if _index(indicator.frequency, r) <= last - per_year:
                break
            if r.value is not None:
                window.append(r)
        plans = [planned_value(indicator, r.year, targets) for r in window]
        if not window or any(plan is None for plan in plans):
            return compare(indicator, latest.value, None, latest.year, basis)
        mean = sum(r.value for r in window) / len(window)
        planned = sum(plans) / len(plans)
        return compare(indicator, mean, planned, latest.year, basis)
    earlier = None
    for r in reversed(readings):
        index = _index(indicator.frequency, r)
        if index < last - per_year:
            break
        if index == last - per_year and r.value is not None:
            earlier = r
    now = planned_value(indicator, latest.year, targets)
    before_plan = planned_value(indicator, latest.year - 1, targets)
    if earlier is None or now is None or before_plan is None:
        return assess(indicator, latest, targets)  # judged as the latest alone
    expected = earlier.value + (now - before_plan)
    return compare(indicator, latest.value, expected, latest.year, basis)


def _hold_status(indicator, value: Decimal, planned: Decimal, year: int) -> Status:
    deviation = abs(value - planned)
    size = abs(planned) or Decimal(1)
    if deviation <= HOLD_ON_TRACK_SLACK * size:
        target_year = indicator.target_year
        if target_year is not None and year >= target_year:
            return Status.ACHIEVED
        return Status.ON_TRACK
    if deviation <= HOLD_AT_RISK_SLACK * size:
        return Status.AT_RISK
    return Status.OFF_TRACK


def assess(indicator, reading, targets: dict[int, Decimal]) -> Assessment:
    """The computed status of an indicator from one reading (its latest).

    ``reading`` has ``year``, ``value`` and ``qualitative_status`` (a model
    row or a reading being judged, ``state.judge``), or is None; ``targets``
    maps years to annual target values.
    """
    if reading is None:
        return Assessment(Status.NO_DATA)
    if indicator.kind == Kind.QUALITATIVE:
        status = Status(reading.qualitative_status or Status.NO_DATA)
        return Assessment(status, year=reading.year)
    return assess_numeric(indicator, reading.value, reading.year, targets)


def needs_explanation(status: Status) -> bool:
    """A numeric reading that leaves the indicator here must say why."""
    return status in (Status.AT_RISK, Status.OFF_TRACK)


@dataclass(frozen=True)
class ExplanationLimits:
    """The values a reading may have without an explanation, as recordable
    values (the indicator's decimals): a value below ``below`` or above
    ``above`` needs one. ``None``: no limit on that side."""

    below: Decimal | None = None
    above: Decimal | None = None

    @property
    def any(self) -> bool:
        return self.below is not None or self.above is not None


def _to_step(value: Decimal, decimals: int, rounding: str) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=rounding)


def explanation_limits(indicator, planned: Decimal | None) -> ExplanationLimits:
    """Where a reading compared with ``planned`` starts to need an explanation
    (``compare`` and ``needs_explanation``, read the other way round).

    A value is on track within ON_TRACK_SLACK of the scale short of the plan
    (HOLD_ON_TRACK_SLACK of the plan either way for "hold"), and achieved once
    it meets the final target; the limit is the first recordable value past
    that, so that it can be shown rounded without misleading anyone.
    """
    if planned is None or indicator.kind != Kind.NUMERIC:
        return ExplanationLimits()
    decimals = indicator.decimals or 0
    if indicator.direction == Direction.HOLD:
        band = HOLD_ON_TRACK_SLACK * (abs(planned) or Decimal(1))
        return ExplanationLimits(
            below=_to_step(planned - band, decimals, ROUND_CEILING),
            above=_to_step(planned + band, decimals, ROUND_FLOOR),
        )
    slack = ON_TRACK_SLACK * scale(indicator, planned)
    target = indicator.target_value
    if indicator.direction == Direction.INCREASE:
        limit = planned - slack
        if target is not None:
            limit = min(limit, target)  # a value that meets the target is fine
        return ExplanationLimits(below=_to_step(limit, decimals, ROUND_CEILING))
    limit = planned + slack
    if target is not None:
        limit = max(limit, target)
    return ExplanationLimits(above=_to_step(limit, decimals, ROUND_FLOOR))
