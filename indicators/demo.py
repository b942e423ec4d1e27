"""Example data for trying the portal out: ``manage.py load_demo``.

The data lives in ``indicators/data/demo.toml`` (read and checked by
``indicators/demo_file.py``); this module loads it. Everything there is
*invented* (Esimerkkiaineisto): plausible Kemijärvi indicators with their real
data sources named, and made-up readings. Every indicator is marked
``is_demo=True`` so that the pages can say so in a banner; production set-up
never runs this.

Loading is idempotent and gentle: rows that exist already are left as they
are, so readings and edits made while trying the demo survive the next
``make run``. Only periods that have ended by ``today`` get readings, and
yearly ones stop at 2025 (``demo_file.LAST_YEARLY``) so that 2026 is left to
record. A malformed file is refused before anything is written, and a file
that does not fit the strategy in the database (a measure it lacks) is
refused in the same transaction, so nothing changes either way.

Demo users get the fixed ``DEMO_PASSWORD`` only when debug is on; otherwise
their passwords are made unusable, so a server that is not a developer's
machine never has accounts with a published password.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from simple_history.utils import bulk_create_with_history

from strategy.models import ContactPerson, Department, Measure, Strategy, User

from .demo_file import (
    DEFAULT_FILE,
    EMAIL_DOMAIN,
    DemoData,
    DemoError,
    DemoFileError,
    DemoIndicator,
    DemoUser,
    problems,
    read_demo_file,
)
from .demo_measures import load_measure_progress
from .models import AnnualTarget, Indicator, Reading

DEMO_PASSWORD = "kemijarvi-demo"


@dataclass
class DemoResult:
    created: Counter = field(default_factory=Counter)
    passwords_set: int = 0
    passwords_disabled: int = 0
    users: tuple[DemoUser, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(
            sum(self.created.values()) or self.passwords_set or self.passwords_disabled
        )


def load_demo(
    *, debug: bool, today: datetime.date | None = None, path: Path = DEFAULT_FILE
) -> DemoResult:
    """Add the demo departments, users, indicators and readings (idempotent)."""
    data = read_demo_file(path)
    if today is None:
        today = timezone.localdate()
    strategy = Strategy.objects.filter(slug=data.strategy).first()
    if strategy is None:
        raise DemoError(
            f"the strategy '{data.strategy}' is not in the database; "
            "run load_strategy first."
        )
    if strategy.start_year != data.strategy_start:
        raise DemoError(
            f"{data.path}: the file's strategy_start is {data.strategy_start}, but the "
            f"strategy '{data.strategy}' starts in {strategy.start_year}."
        )
    with transaction.atomic():
        result = DemoResult(users=data.users)
        departments = _departments(result, data)
        users = _users(result, data, departments, debug)
        measures = _measures(strategy)
        factors = {f.order: f for f in strategy.success_factors.all()}
        for definition in data.indicators:
            _indicator(
                result,
                data,
                strategy,
                definition,
                departments,
                users,
                measures,
                factors,
                today,
            )
        result.created.update(
            load_measure_progress(strategy, departments, users, today)
        )
        return result


def _departments(result: DemoResult, data: DemoData) -> dict[str, Department]:
    departments = {}
    for spec in data.departments:
        # An existing department keeps its own English name.
        department, created = Department.objects.get_or_create(
            name=spec.name, defaults={"name_en": spec.name_en}
        )
        result.created["departments"] += created
        departments[spec.name] = department
    return departments


def _users(result: DemoResult, data: DemoData, departments, debug) -> dict[str, User]:
    usernames = [spec.username for spec in data.users]
    existing = {u.username: u for u in User.objects.filter(username__in=usernames)}
    foreign = sorted(
        name
        for name, user in existing.items()
        if user.email != f"{name}@{EMAIL_DOMAIN}"
    )
    if foreign:
        raise DemoError(
            "these users exist and are not demo users: "
            f"{', '.join(foreign)}. load_demo leaves real accounts alone; "
            "rename them or use another database."
        )
    users = {}
    for spec in data.users:
        user = existing.get(spec.username)
        if user is None:
            user = User(
                username=spec.username,
                first_name=spec.first_name,
                last_name=spec.last_name,
                email=spec.email,
                is_staff=spec.is_staff,
                is_superuser=spec.is_superuser,
            )
            _apply_password_rule(user, debug)
            user.save()
            result.created["users"] += 1
        elif debug and not user.has_usable_password():
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            result.passwords_set += 1
        elif not debug and user.has_usable_password():
            user.set_unusable_password()
            user.save(update_fields=["password"])
            result.passwords_disabled += 1
        # add() is a no-op for links that exist.
        if spec.role:
            user.groups.add(Group.objects.get(name=spec.role))
        for name in spec.departments:
            departments[name].members.add(user)
        users[spec.username] = user
    return users


def _apply_password_rule(user: User, debug: bool) -> None:
    """The published demo password only on a developer's machine (DEBUG)."""
    if debug:
        user.set_password(DEMO_PASSWORD)
    else:
        user.set_unusable_password()


def _measures(strategy: Strategy) -> dict[str, Measure]:
    return {
        m.code: m
        for m in Measure.objects.filter(focus_area__strategy=strategy).select_related(
            "focus_area"
        )
    }


def _at(day: datetime.date) -> datetime.datetime:
    """Ten in the morning of ``day`` in the city's time, but never in the future."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    return min(moment, timezone.now())


def _indicator(
    result,
    data: DemoData,
    strategy,
    definition: DemoIndicator,
    departments,
    users,
    measures,
    factors,
    today,
) -> None:
    coordinator = users[data.coordinator]
    recorder = users[data.recorder_of(definition.department)]
    indicator = Indicator.objects.filter(
        strategy=strategy, name=definition.name, is_demo=True
    ).first()
    if indicator is None:
        indicator = _create_indicator(
            data,
            strategy,
            definition,
            departments[definition.department],
            measures,
            factors,
            coordinator,
        )
        result.created["indicators"] += 1

    have = set(indicator.annual_targets.values_list("year", flat=True))
    for year, value in definition.annual_targets.items():
        if year not in have:
            target = AnnualTarget(indicator=indicator, year=year, value=value)
            where = f'indicator "{definition.name}": annual_targets {year}'
            _full_clean(target, data, where)
            target._history_user = coordinator
            target._history_date = _at(data.defined_on)
            target.save()
            result.created["annual targets"] += 1

    # Any reading of the period, withdrawn or not, means someone has been there.
    taken = set(indicator.readings.values_list("year", "part"))
    new = []
    for spec in definition.readings:
        period = spec.period
        # Only periods that have ended; the rest load on a later run.
        if not period.end < today or (period.year, period.part) in taken:
            continue
        recorded = _at(period.end + data.recorded_after)
        reading = Reading(
            indicator=indicator,
            year=period.year,
            part=period.part,
            # bulk_create skips Reading.save(), which derives this.
            period_end=period.end,
            value=spec.value,
            qualitative_status=spec.qualitative_status,
            narrative=spec.narrative,
            evidence=spec.evidence,
            preliminary=spec.preliminary,
            created_by=recorder,
            updated_by=recorder,
            created_at=recorded,
            updated_at=recorded,
        )
        reading._history_date = recorded
        new.append(reading)
    # In bulk: a monthly indicator has some 80 readings.
    bulk_create_with_history(new, Reading, default_user=recorder)
    result.created["readings"] += len(new)


def _create_indicator(
    data, strategy, definition, department, measures, factors, coordinator
) -> Indicator:
    contact = None
    if definition.contact:
        found = definition.contact
        contact, _ = ContactPerson.objects.get_or_create(
            name=found["name"], title=found["title"], defaults=found
        )
    indicator = Indicator(
        strategy=strategy,
        department=department,
        is_demo=True,
        published_at=_at(data.defined_on) if definition.published else None,
        contact=contact,
        # The department's own recorder, if it has one, is responsible.
        responsible=department.members.filter(
            username=data.recorder_of(definition.department)
        ).first(),
        **definition.fields,
    )
    _full_clean(indicator, data, f'indicator "{definition.name}"')
    indicator._history_user = coordinator
    # Also dates the history rows that measures.set() below adds.
    indicator._history_date = _at(data.defined_on)
    indicator.save()
    indicator.measures.set(
        _pick(measures, definition.measures, data, definition.name, "measure")
    )
    indicator.success_factors.set(
        _pick(
            factors, definition.success_factors, data, definition.name, "success factor"
        )
    )
    return indicator


def _pick(rows: dict, keys, data: DemoData, where: str, what: str) -> list:
    """The strategy's rows that the file names; refused if it lacks one."""
    missing = [key for key in keys if key not in rows]
    if missing:
        raise DemoFileError(
            f'{data.path}: indicator "{where}": {what} {missing[0]} is not in '
            f"the strategy '{data.strategy}'"
        )
    return [rows[key] for key in keys]


def _full_clean(obj, data: DemoData, where: str) -> None:
    """The model's checks against the database, refused as a file error."""
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise DemoFileError(f"{data.path}: {where}: {problems(exc)}") from None
