"""Facts a progress page shows about its states as a whole: when its data
last changed, and which published report speaks of a focus area.

Derived from what the page loads anyway, so they cost no query of their own.
"""

import datetime

from django.db.models import Max, Q, QuerySet


def last_updated(states) -> datetime.datetime | None:
    """When any definition or reading shown on a page last changed."""
    return max((s.last_updated for s in states if s.last_updated), default=None)


def with_latest_report(focus_areas: QuerySet) -> QuerySet:
    """Focus areas with ``latest_report_id``: the latest published mid-term
    report of their strategy (it has a section on every focus area), or None.

    A join in the focus areas' own query, through the reverse relation the
    reports app gives ``Strategy`` (``reports``): the indicators app does not
    import the reports app (DESIGN.md), and the pages keep their query count.
    A newer version of a report is a newer row, so the highest key is the
    latest.
    """
    published = Q(strategy__reports__status="published")
    return focus_areas.annotate(
        latest_report_id=Max("strategy__reports__pk", filter=published)
    )
