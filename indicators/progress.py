"""An indicator's progress: latest reading, computed and shown status, due state.

Pages load indicators with ``with_progress_data`` (a fixed number of queries
whatever the number of indicators) and then call ``progress_of`` per indicator,
which reads only what was prefetched.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from .due import Due, indicator_due
from .models import Indicator, Reading
from .status import Assessment, Status, assess


def latest_reading_prefetch(indicators: QuerySet[Indicator]) -> Prefetch:
    """Only the latest valid reading of each of ``indicators``.

    A correlated subquery per indicator walks the (indicator, period_end)
    index backwards and stops at the first row; a window function over every
    reading (Django's sliced prefetch) measured several times slower at 36 000
    readings (bench/pages.py).
    """
    latest_pk = (
        Reading.objects.valid()
        .filter(indicator=OuterRef("pk"))
        .order_by("-period_end")
        .values("pk")[:1]
    )
    latest_pks = (
        indicators.order_by()
        .annotate(latest_pk=Subquery(latest_pk))
        .values("latest_pk")
    )
    return Prefetch(
        "readings",
        queryset=Reading.objects.filter(pk__in=latest_pks),
        to_attr="latest_valid_readings",
    )


def with_progress_data(queryset: QuerySet[Indicator]) -> QuerySet[Indicator]:
    """Indicators with what ``progress_of`` needs: 3 queries in all."""
    return queryset.select_related("strategy", "department").prefetch_related(
        latest_reading_prefetch(queryset), "annual_targets"
    )


@dataclass(frozen=True)
class Progress:
    indicator: Indicator
    latest: Reading | None
    assessment: Assessment  # computed from the data
    status: Status  # shown: the coordinator's override, else the computed one
    due: Due

    @property
    def overridden(self) -> bool:
        return self.status != self.assessment.status or bool(
            self.indicator.status_override
        )


def targets_of(indicator: Indicator) -> dict[int, Decimal]:
    return {t.year: t.value for t in indicator.annual_targets.all()}


def progress_of(indicator: Indicator, today: datetime.date | None = None) -> Progress:
    """Progress of an indicator loaded with ``with_progress_data``."""
    if today is None:
        today = datetime.date.today()
    prefetched = getattr(indicator, "latest_valid_readings", None)
    if prefetched is None:
        latest = indicator.readings.valid().latest_first().first()
    else:
        latest = prefetched[0] if prefetched else None
    assessment = assess(indicator, latest, targets_of(indicator))
    shown = (
        Status(indicator.status_override)
        if indicator.status_override
        else assessment.status
    )
    return Progress(
        indicator=indicator,
        latest=latest,
        assessment=assessment,
        status=shown,
        due=indicator_due(indicator, latest, today),
    )


def status_counts(progresses) -> dict[Status, int]:
    """How many indicators have each status, best first."""
    counts = dict.fromkeys(Status, 0)
    for p in progresses:
        counts[p.status] += 1
    return counts
