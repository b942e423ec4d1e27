"""Fixtures of the report tests: data recorded before a cut-off date.

Everything the tests record happens "now"; ``backdate`` moves an object's
history to an earlier moment, which is how the report knows what was recorded
by its cut-off date.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from indicators.models import AnnualTarget
from reports import services

HELSINKI = ZoneInfo("Europe/Helsinki")
CUTOFF = datetime.date(2025, 6, 30)
BEFORE = datetime.datetime(2025, 3, 1, 12, 0, tzinfo=HELSINKI)
LAST_MOMENT = datetime.datetime(2025, 6, 30, 23, 59, tzinfo=HELSINKI)
AFTER = datetime.datetime(2025, 7, 1, 0, 1, tzinfo=HELSINKI)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Stored PDFs of published reports go to a directory of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def backdate():
    def backdate(obj, when: datetime.datetime = BEFORE) -> None:
        """Pretend every version of ``obj`` so far was saved at ``when``."""
        obj.history.update(history_date=when)

    return backdate


@pytest.fixture
def recorded(indicator, recorder, make_reading, backdate):
    """The test indicator (100 km in 2023 → 150 km in 2028) with readings
    for 2023 and 2024 and an annual target for 2024, all recorded before the
    cut-off date."""
    readings = [
        make_reading(indicator, 2023, "100", user=recorder),
        make_reading(indicator, 2024, "120", user=recorder),
    ]
    target = AnnualTarget.objects.create(
        indicator=indicator, year=2024, value=Decimal("115")
    )
    for obj in [indicator, target, *readings]:
        backdate(obj)
    return indicator


@pytest.fixture
def make_report(strategy):
    def make(**fields):
        defaults = {
            "title": "Väliraportti kaupunginvaltuustolle",
            "title_en": "Mid-term report to the city council",
            "cutoff_date": CUTOFF,
            "council_meeting_date": datetime.date(2025, 9, 15),
            "introduction": "Hyvä valtuusto, strategia etenee.",
        }
        defaults.update(fields)
        return services.report_create(strategy=strategy, **defaults)

    return make


@pytest.fixture
def report(make_report):
    """A draft."""
    return make_report()


@pytest.fixture
def published(make_report, recorded, mayors_office):
    report = make_report()
    return services.report_publish(report=report, user=mayors_office)
