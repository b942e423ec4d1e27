"""Load a strategy data file (TOML) into the database, idempotently.

Rows are matched by their natural keys (strategy slug; value, measure and
success factor by position; focus area by number), so a second run changes
nothing and an edited file updates rows in place. Everything happens in one
transaction: a malformed file leaves the database as it was.
"""

import datetime
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .models import FocusArea, Measure, Strategy, SuccessFactor, Value

DEFAULT_FILE = Path(__file__).resolve().parent / "data" / "kemijarvi-2024-2028.toml"

STRATEGY_REQUIRED = [
    "slug",
    "municipality",
    "title",
    "operating_environment",
    "vision",
    "mission",
    "monitoring",
]
STRATEGY_OPTIONAL = [
    "municipality_en",
    "title_en",
    "operating_environment_en",
    "vision_en",
    "mission_en",
    "values_intro",
    "values_intro_en",
    "monitoring_en",
]


class StrategyFileError(Exception):
    """The data file cannot be loaded; the message names the file and the problem."""


@dataclass
class LoadResult:
    strategy: Strategy
    created: int = 0
    updated: int = 0
    removed: int = 0
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)


def load_strategy_file(path: Path = DEFAULT_FILE) -> LoadResult:
    data = _read(path)
    try:
        with transaction.atomic():
            return _load(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise StrategyFileError(f"{path}: {exc}") from exc


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise StrategyFileError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise StrategyFileError(f"{path}: not valid TOML: {exc}") from exc


def _text(item: dict, key: str, where: str, required: bool = True) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"{where}: '{key}' must be text")
    value = value.strip()
    if required and not value:
        raise ValueError(f"{where}: '{key}' is missing or empty")
    return value


def _year(item: dict, key: str) -> int:
    value = item.get(key)
    if not isinstance(value, int) or not 1900 <= value <= 2200:
        raise ValueError(f"strategy: '{key}' must be a year such as 2024")
    return value


def _sync(result: LoadResult, model, lookup: dict, values: dict):
    """Create or update one row; count what changed."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        result.created += 1
        result.changes.append(f"created {model.__name__} {obj}")
        return obj
    dirty = [k for k, v in values.items() if getattr(obj, k) != v]
    if dirty:
        for k in dirty:
            setattr(obj, k, values[k])
        obj.save(update_fields=dirty)
        result.updated += 1
        result.changes.append(f"updated {model.__name__} {obj}: {', '.join(dirty)}")
    return obj


def _prune(result: LoadResult, queryset):
    """Delete rows the file no longer has (positions beyond the file's lists)."""
    for obj in queryset:
        result.changes.append(f"removed {type(obj).__name__} {obj}")
        result.removed += 1
        obj.delete()


def _load(data: dict) -> LoadResult:
    if "strategy" not in data or not isinstance(data["strategy"], dict):
        raise ValueError("the [strategy] table is missing")
    s = data["strategy"]
    values = {k: _text(s, k, "strategy") for k in STRATEGY_REQUIRED if k != "slug"}
    values.update(
        {k: _text(s, k, "strategy", required=False) for k in STRATEGY_OPTIONAL}
    )
    values["start_year"] = _year(s, "start_year")
    values["end_year"] = _year(s, "end_year")
    if values["end_year"] < values["start_year"]:
        raise ValueError("strategy: 'end_year' is before 'start_year'")
    midterm = s.get("midterm_date")
    if midterm is not None and not isinstance(midterm, datetime.date):
        raise ValueError("strategy: 'midterm_date' must be a date such as 2026-06-30")
    values["midterm_date"] = midterm
    is_current = bool(s.get("is_current", False))
    slug = _text(s, "slug", "strategy")

    strategy = Strategy.objects.filter(slug=slug).first()
    result = LoadResult(strategy=strategy)
    if is_current:
        # Only one strategy may be current (a database constraint).
        Strategy.objects.filter(is_current=True).exclude(slug=slug).update(
            is_current=False
        )
    values["is_current"] = is_current
    strategy = _sync(result, Strategy, {"slug": slug}, values)
    result.strategy = strategy

    value_items = _list(data, "values")
    for order, item in enumerate(value_items, start=1):
        where = f"values[{order}]"
        _sync(
            result,
            Value,
            {"strategy": strategy, "order": order},
            {
                "name": _text(item, "name", where),
                "name_en": _text(item, "name_en", where, False),
            },
        )
    _prune(result, strategy.values.filter(order__gt=len(value_items)))

    area_items = _list(data, "focus_areas")
    numbers = []
    for index, item in enumerate(area_items, start=1):
        where = f"focus_areas[{index}]"
        number = item.get("number")
        if not isinstance(number, int) or number < 1 or number in numbers:
            raise ValueError(f"{where}: 'number' must be a unique whole number from 1")
        numbers.append(number)
        area = _sync(
            result,
            FocusArea,
            {"strategy": strategy, "number": number},
            {
                "short_title": _text(item, "short_title", where),
                "short_title_en": _text(item, "short_title_en", where, False),
                "lead": _text(item, "lead", where),
                "lead_en": _text(item, "lead_en", where, False),
            },
        )
        measures = item.get("measures", [])
        if not isinstance(measures, list):
            raise ValueError(f"{where}: 'measures' must be a list")
        for order, m in enumerate(measures, start=1):
            mwhere = f"{where}.measures[{order}]"
            if not isinstance(m, dict):
                raise ValueError(f"{mwhere}: must be a table with 'text'")
            _sync(
                result,
                Measure,
                {"focus_area": area, "order": order},
                {
                    "text": _text(m, "text", mwhere),
                    "text_en": _text(m, "text_en", mwhere, False),
                },
            )
        _prune(result, area.measures.filter(order__gt=len(measures)))
    _prune(result, strategy.focus_areas.exclude(number__in=numbers))

    factor_items = _list(data, "success_factors")
    for order, item in enumerate(factor_items, start=1):
        where = f"success_factors[{order}]"
        _sync(
            result,
            SuccessFactor,
            {"strategy": strategy, "order": order},
            {
                "text": _text(item, "text", where),
                "text_en": _text(item, "text_en", where, False),
            },
        )
    _prune(result, strategy.success_factors.filter(order__gt=len(factor_items)))
    return result


def _list(data: dict, key: str) -> list[dict]:
    items = data.get(key)
    if not isinstance(items, list) or not items:
        raise ValueError(f"the [[{key}]] list is missing or empty")
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ValueError(f"{key}[{i}] must be a table")
    return items
