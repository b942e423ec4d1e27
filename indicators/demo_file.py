"""Read and check the demo data file, ``indicators/data/demo.toml``.

Plain parsing, no database: the file becomes a ``DemoData`` of frozen
dataclasses, each reading resolved to the value, narrative and evidence it will
be stored with, or ``DemoFileError`` names the file and the problem. The whole
file is checked before anything is loaded, whatever today's date, so an edit
that breaks a reading of 2028 is refused today. ``indicators/demo.py`` loads
the result; the file's own header describes its format.
"""

import datetime
import difflib
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import translation

from strategy import roles
from strategy.models import ContactPerson

from . import periods
from .choices import ASSESSED_CHOICES, PARTS_PER_YEAR, Direction, Frequency, Kind
from .models import Indicator
from .status import assess_numeric, needs_explanation

DEFAULT_FILE = Path(__file__).resolve().parent / "data" / "demo.toml"
# Demo accounts are recognised by this address; RFC 2606 reserves .invalid.
EMAIL_DOMAIN = "esimerkki.invalid"
# Yearly readings stop here, so that the next year is left for the demo users
# to record; a later yearly reading in the file is refused.
LAST_YEARLY = 2025


class DemoError(Exception):
    """The demo cannot be loaded; nothing was changed."""


class DemoFileError(DemoError):
    """The data file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str  # a group of strategy.roles; "" for none
    departments: tuple[str, ...] = ()
    is_staff: bool = False
    is_superuser: bool = False

    @property
    def email(self) -> str:
        return f"{self.username}@{EMAIL_DOMAIN}"


@dataclass(frozen=True)
class DemoDepartment:
    name: str
    name_en: str
    recorder: str  # the username that records its readings; "" for the coordinator


@dataclass(frozen=True)
class DemoReading:
    period: periods.Period
    value: Decimal | None = None
    qualitative_status: str = ""
    narrative: str = ""
    evidence: str = ""
    preliminary: bool = False


@dataclass(frozen=True)
class DemoIndicator:
    fields: dict  # the Indicator's own columns, ready for Indicator(**fields)
    department: str
    measures: tuple[str, ...]  # codes such as "1.2"
    success_factors: tuple[int, ...]  # positions, 1-based
    annual_targets: dict[int, Decimal]
    readings: tuple[DemoReading, ...]  # in period order
    published: bool = True  # false: a draft for the coordinator to publish
    contact: dict | None = None  # ContactPerson fields: name, title, title_en, email

    @property
    def name(self) -> str:
        return self.fields["name"]


@dataclass(frozen=True)
class DemoData:
    path: Path
    strategy: str  # the slug of the strategy the demo belongs to
    strategy_start: int  # its first year: readings before it are not judged
    defined_on: datetime.date
    recorded_after: datetime.timedelta
    coordinator: str  # defines the indicators and records what no recorder does
    departments: tuple[DemoDepartment, ...]
    users: tuple[DemoUser, ...]
    indicators: tuple[DemoIndicator, ...]

    def recorder_of(self, department: str) -> str:
        for d in self.departments:
            if d.name == department and d.recorder:
                return d.recorder
        return self.coordinator


def read_demo_file(path: Path = DEFAULT_FILE) -> DemoData:
    try:
        with open(path, "rb") as f:
            # Exact decimals: 62.0 stays Decimal("62.0"), never a binary float.
            data = tomllib.load(f, parse_float=Decimal)
    except FileNotFoundError:
        raise DemoFileError(f"{path}: file not found") from None
    except OSError as exc:
        raise DemoFileError(f"{path}: cannot be read: {exc.strerror}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DemoFileError(f"{path}: not valid TOML: {exc}") from exc
    try:
        return _parse(path, data)
    except ValueError as exc:
        raise DemoFileError(f"{path}: {exc}") from exc


# Everything below raises ValueError with the place and the problem;
# read_demo_file adds the file's name.

TOP_KEYS = {
    "strategy",
    "defined_on",
    "recorded_after_days",
    "coordinator",
    "strategy_start",
    "departments",
    "users",
    "indicators",
}


def _parse(path: Path, data: dict) -> DemoData:
    _keys(data, "the file", required=TOP_KEYS)
    defined_on = data["defined_on"]
    if type(defined_on) is not datetime.date:
        raise ValueError("'defined_on' must be a date such as 2024-01-15")
    recorded_after = _whole(data, "recorded_after_days", "the file", minimum=0)
    strategy_start = _year(data.get("strategy_start"), "'strategy_start'")

    departments = tuple(
        _department(item, f"departments[{i}]")
        for i, item in _tables(data, "departments")
    )
    department_names = _unique([d.name for d in departments], "departments")
    users = tuple(
        _user(item, f"users[{i}]", department_names)
        for i, item in _tables(data, "users")
    )
    usernames = _unique([u.username for u in users], "users")
    coordinator = _text(data, "coordinator", "the file")
    for name, where in [(coordinator, "'coordinator'")] + [
        (d.recorder, f"department '{d.name}': 'recorder'")
        for d in departments
        if d.recorder
    ]:
        if name not in usernames:
            raise ValueError(f"{where}: '{name}' is not one of the [[users]]")

    indicators = tuple(
        _indicator(item, f"indicators[{i}]", department_names, strategy_start)
        for i, item in _tables(data, "indicators")
    )
    _unique([i.name for i in indicators], "indicators")
    return DemoData(
        path=path,
        strategy=_text(data, "strategy", "the file"),
        strategy_start=strategy_start,
        defined_on=defined_on,
        recorded_after=datetime.timedelta(days=recorded_after),
        coordinator=coordinator,
        departments=departments,
        users=users,
        indicators=indicators,
    )


def _department(item, where) -> DemoDepartment:
    _keys(item, where, required={"name"}, optional={"name_en", "recorder"})
    return DemoDepartment(
        name=_text(item, "name", where),
        name_en=_text(item, "name_en", where, required=False),
        recorder=_text(item, "recorder", where, required=False),
    )


def _user(item, where, department_names) -> DemoUser:
    _keys(
        item,
        where,
        required={"username", "first_name", "last_name"},
        optional={"role", "departments", "is_staff", "is_superuser"},
    )
    role = _text(item, "role", where, required=False)
    if role and role not in roles.ALL:
        raise ValueError(f"{where}: 'role' must be one of {', '.join(roles.ALL)}")
    departments = _texts(item, "departments", where, required=False)
    for name in departments:
        if name not in department_names:
            raise ValueError(f"{where}: department '{name}' is not in [[departments]]")
    return DemoUser(
        username=_text(item, "username", where),
        first_name=_text(item, "first_name", where),
        last_name=_text(item, "last_name", where),
        role=role,
        departments=departments,
        is_staff=_bool(item, "is_staff", where),
        is_superuser=_bool(item, "is_superuser", where),
    )


INDICATOR_TEXTS = {
    "name": True,  # required?
    "name_en": True,
    "description": True,
    "description_en": True,
    "data_source": True,
    "data_source_en": True,
    "unit": False,
    "unit_en": False,
    "source_url": False,
    "external_id": False,
    "status_override": False,
    "override_justification": False,
}
NUMERIC_ONLY = {
    "readings",
    "preliminary",
    "notes",
    "annual_targets",
    "evidence",
    "explanation",
    "monthly_explanations",
}
QUALITATIVE_ONLY = {"assessments"}
INDICATOR_OTHER = {
    "kind",
    "frequency",
    "direction",
    "decimals",
    "is_public",
    "published",
    "contact",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
    "department",
    "measures",
    "success_factors",
}


def _indicator(item, where, department_names, strategy_start) -> DemoIndicator:
    if isinstance(item, dict) and isinstance(item.get("name"), str):
        # Its name says more than its position.
        where = f'indicator "{_text(item, "name", where)}"'
    required = {k for k, needed in INDICATOR_TEXTS.items() if needed}
    _keys(
        item,
        where,
        required=required | {"department", "measures"},
        optional=(set(INDICATOR_TEXTS) - required)
        | INDICATOR_OTHER
        | NUMERIC_ONLY
        | QUALITATIVE_ONLY,
    )
    fields = {
        key: _text(item, key, where, required=needed)
        for key, needed in INDICATOR_TEXTS.items()
    }
    fields["kind"] = _text(item, "kind", where, required=False) or Kind.NUMERIC
    fields["frequency"] = (
        _text(item, "frequency", where, required=False) or Frequency.YEARLY
    )
    fields["direction"] = (
        _text(item, "direction", where, required=False) or Direction.INCREASE
    )
    fields["decimals"] = _whole(item, "decimals", where, minimum=0, default=0)
    fields["is_public"] = _bool(item, "is_public", where, default=True)
    for field in ("baseline", "target"):
        fields[f"{field}_value"] = _number(
            item.get(f"{field}_value"), f"{where}: '{field}_value'", optional=True
        )
        fields[f"{field}_year"] = _year(
            item.get(f"{field}_year"), f"{where}: '{field}_year'", optional=True
        )
    _check_model(fields, where)

    department = _text(item, "department", where)
    if department not in department_names:
        raise ValueError(
            f"{where}: department '{department}' is not in [[departments]]"
        )
    measures = _texts(item, "measures", where)
    factors = item.get("success_factors", [])
    if not isinstance(factors, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in factors
    ):
        raise ValueError(
            f"{where}: 'success_factors' must be a list of positions such as [1, 2]"
        )

    if fields["kind"] == Kind.QUALITATIVE:
        _refuse_keys(item, NUMERIC_ONLY, where, "a numeric indicator's")
        targets = {}
        readings = _assessments(item, where)
    else:
        _refuse_keys(item, QUALITATIVE_ONLY, where, "a qualitative indicator's")
        targets = _annual_targets(item, where)
        readings = _numeric_readings(item, where, fields, targets, strategy_start)
    return DemoIndicator(
        fields=fields,
        department=department,
        measures=measures,
        success_factors=tuple(factors),
        annual_targets=targets,
        readings=readings,
        published=_bool(item, "published", where, default=True),
        contact=_contact(item, where),
    )


CONTACT_KEYS = {"name": True, "title": True, "title_en": False, "email": False}


def _contact(item, where) -> dict | None:
    """An indicator's contact person: a table of CONTACT_KEYS, or None."""
    if "contact" not in item:
        return None
    table = item["contact"]
    where = f"{where}: 'contact'"
    if not isinstance(table, dict):
        raise ValueError(f"{where} must be a table with name and title")
    _keys(
        table,
        where,
        required={k for k, needed in CONTACT_KEYS.items() if needed},
        optional={k for k, needed in CONTACT_KEYS.items() if not needed},
    )
    contact = {
        key: _text(table, key, where, required=n) for key, n in CONTACT_KEYS.items()
    }
    try:
        ContactPerson(**contact).full_clean()
    except ValidationError as exc:
        raise ValueError(f"{where}: {problems(exc)}") from None
    return contact


def _check_model(fields: dict, where: str) -> None:
    """The model's own checks: choices, lengths, the address, baseline and target."""
    try:
        Indicator(**fields).full_clean(
            exclude=["strategy", "department"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as exc:
        raise ValueError(f"{where}: {problems(exc)}") from None


def problems(exc: ValidationError) -> str:
    """A model's validation errors on one line: 'field': message; …"""
    return "; ".join(
        f"'{field}': {' '.join(messages)}"
        for field, messages in exc.message_dict.items()
    )


def _annual_targets(item, where) -> dict[int, Decimal]:
    table = _table(item, "annual_targets", where)
    return {
        _year(key, f"{where}: annual_targets"): _number(
            value, f"{where}: annual_targets {key}"
        )
        for key, value in table.items()
    }


def _numeric_readings(item, where, fields, targets, strategy_start):
    frequency = fields["frequency"]
    decimals = fields["decimals"]
    values = {}
    for key, raw in _table(item, "readings", where).items():
        year = _year(key, f"{where}: readings")
        here = f"{where}: readings {year}"
        if frequency == Frequency.YEARLY:
            if year > LAST_YEARLY:
                raise ValueError(_after_last_yearly(here))
            values[periods.Period(frequency, year, 0)] = _reading_value(
                raw, here, decimals
            )
            continue
        count = PARTS_PER_YEAR[frequency]
        if not isinstance(raw, list) or not 1 <= len(raw) <= count:
            what = "quarters" if frequency == Frequency.QUARTERLY else "months"
            raise ValueError(
                f"{here}: must be a list of 1 to {count} values, the {what} "
                "from the first on"
            )
        for part, value in enumerate(raw, start=1):
            values[periods.Period(frequency, year, part)] = _reading_value(
                value, f"{here} [{part}]", decimals
            )

    notes = {}
    for key, text in _table(item, "notes", where).items():
        year = _year(key, f"{where}: notes")
        if frequency != Frequency.YEARLY:
            raise ValueError(f"{where}: notes {year}: notes are for yearly readings")
        if periods.Period(frequency, year, 0) not in values:
            raise ValueError(f"{where}: notes {year}: there is no reading of {year}")
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{where}: notes {year}: must be text")
        notes[year] = text.strip()

    preliminary = item.get("preliminary", [])
    if not isinstance(preliminary, list):
        raise ValueError(f"{where}: 'preliminary' must be a list of years")
    preliminary = {_year(y, f"{where}: preliminary") for y in preliminary}
    for year in sorted(preliminary):
        if not any(period.year == year for period in values):
            raise ValueError(f"{where}: preliminary {year}: there is no reading")
    explain = _explainer(item, where, fields)
    evidence = _text(item, "evidence", where, required=False)
    # An unsaved indicator: the status rule reads only its own columns.
    probe = Indicator(**fields)
    readings = []
    for period in sorted(values):
        value = values[period]
        narrative = notes.get(period.year, "") if period.part == 0 else ""
        # Readings before the strategy period are context, never judged: they
        # need no explanation.
        if not narrative and period.year >= strategy_start:
            status = assess_numeric(probe, value, period.year, targets).status
            if needs_explanation(status):
                narrative = explain(period, status)
        readings.append(
            DemoReading(
                period=period,
                value=value,
                narrative=narrative,
                evidence=_fill(
                    evidence, "evidence", where, period=period_label(period)
                ),
                preliminary=period.year in preliminary,
            )
        )
    return tuple(readings)


def _explainer(item, where, fields):
    """The narrative of a reading that falls behind and has no note of its own."""
    default = _text(item, "explanation", where, required=False)
    by_month = {}
    groups = item.get("monthly_explanations", [])
    if groups and fields["frequency"] != Frequency.MONTHLY:
        raise ValueError(f"{where}: 'monthly_explanations' are for monthly indicators")
    if not isinstance(groups, list):
        raise ValueError(f"{where}: 'monthly_explanations' must be [[tables]]")
    for i, group in enumerate(groups, start=1):
        here = f"{where}: monthly_explanations[{i}]"
        _keys(group, here, required={"months", "text"})
        text = _text(group, "text", here)
        months = group["months"]
        if not isinstance(months, list) or not months:
            raise ValueError(f"{here}: 'months' must be a list such as [6, 7]")
        for month in months:
            if not isinstance(month, int) or not 1 <= month <= 12:
                raise ValueError(f"{here}: months are numbers from 1 to 12")
            if month in by_month:
                raise ValueError(f"{here}: month {month} has an explanation already")
            by_month[month] = text

    def explain(period: periods.Period, status) -> str:
        text = (
            by_month.get(period.part) if period.frequency == Frequency.MONTHLY else ""
        )
        if text or default:
            return text or default
        raise ValueError(
            f"{where}: the reading of {period_label(period)} falls behind its plan "
            f"({status.value}) and needs a note or an 'explanation'"
        )

    return explain


def _assessments(item, where) -> tuple[DemoReading, ...]:
    items = item.get("assessments", [])
    if not isinstance(items, list):
        raise ValueError(f"{where}: 'assessments' must be [[tables]]")
    statuses = [value for value, _label in ASSESSED_CHOICES]
    readings = {}
    for i, assessment in enumerate(items, start=1):
        here = f"{where}: assessments[{i}]"
        _keys(assessment, here, required={"year", "status", "narrative", "evidence"})
        year = _year(assessment["year"], here)
        if year > LAST_YEARLY:
            raise ValueError(_after_last_yearly(here))
        status = _text(assessment, "status", here)
        if status not in statuses:
            raise ValueError(f"{here}: 'status' must be one of {', '.join(statuses)}")
        period = periods.Period(Frequency.YEARLY, year, 0)
        if period in readings:
            raise ValueError(f"{here}: {year} is assessed twice")
        readings[period] = DemoReading(
            period=period,
            qualitative_status=status,
            narrative=_text(assessment, "narrative", here),
            evidence=_text(assessment, "evidence", here),
        )
    return tuple(readings[p] for p in sorted(readings))


def period_label(period: periods.Period) -> str:
    """The period in Finnish whatever language is active (the data is Finnish)."""
    with translation.override("fi"):
        return period.label()


# Small checks of one key each.


def _keys(item, where, *, required, optional=frozenset()) -> None:
    if not isinstance(item, dict):
        raise ValueError(f"{where} must be a table")
    for key in sorted(required):
        if key not in item:
            raise ValueError(f"{where}: '{key}' is missing")
    known = set(required) | set(optional)
    for key in item:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ValueError(f"{where}: unknown key '{key}'{hint}")


def _refuse_keys(item, keys, where, whose) -> None:
    extra = sorted(keys & set(item))
    if extra:
        raise ValueError(f"{where}: '{extra[0]}' is {whose} (see 'kind')")


def _tables(data, key):
    items = data[key]
    if not isinstance(items, list) or not items:
        raise ValueError(f"the [[{key}]] list is missing or empty")
    return enumerate(items, start=1)


def _table(item, key, where) -> dict:
    table = item.get(key, {})
    if not isinstance(table, dict):
        raise ValueError(f"{where}: '{key}' must be a table of years")
    return table


def _unique(names: list[str], what: str) -> set[str]:
    seen = set()
    for name in names:
        if name in seen:
            raise ValueError(f"{what}: '{name}' appears twice")
        seen.add(name)
    return seen


def _text(item, key, where, required=True) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"{where}: '{key}' must be text")
    value = value.strip()
    if required and not value:
        raise ValueError(f"{where}: '{key}' is missing or empty")
    return value


def _texts(item, key, where, required=True) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: '{key}' must be a list of texts")
    if required and not value:
        raise ValueError(f"{where}: '{key}' is missing or empty")
    return tuple(value)


def _bool(item, key, where, default=False) -> bool:
    value = item.get(key, default)
    if not isinstance(value, bool):
        raise ValueError(f"{where}: '{key}' must be true or false")
    return value


def _whole(item, key, where, minimum, default=None) -> int:
    value = item.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{where}: '{key}' must be a whole number from {minimum}")
    return value


YEAR_KEY = re.compile(r"\d{4}")


def _year(value, where, optional=False) -> int | None:
    """A year, given as a number or as a table's key ("2024")."""
    if value is None and optional:
        return None
    if isinstance(value, str) and YEAR_KEY.fullmatch(value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{where}: '{value}' is not a year such as 2024")
    if not 1900 <= value <= 2200:
        raise ValueError(f"{where}: {value} is not a year such as 2024")
    return value


def _number(value, where, optional=False) -> Decimal | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError(f"{where}: must be a number such as 12.5")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"{where}: must be a finite number")
    return Decimal(value)


def _reading_value(value, where, decimals: int) -> Decimal:
    number = _number(value, where)
    places = max(0, -number.as_tuple().exponent)
    if places > decimals:
        raise ValueError(
            f"{where}: {number} has {places} decimals; the indicator has {decimals}"
        )
    return number


def _after_last_yearly(where: str) -> str:
    return (
        f"{where}: yearly readings stop at {LAST_YEARLY}, so that the demo users "
        f"have {LAST_YEARLY + 1} to record"
    )


def _fill(template: str, key: str, where: str = "the file", **values) -> str:
    """``template.format(**values)``, refusing placeholders other than those."""
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        names = ", ".join(f"{{{name}}}" for name in values)
        raise ValueError(
            f"{where}: '{key}' may name only {names} ({exc!r} is not one)"
        ) from None
