"""Fixtures of the report tests: data recorded before a cut-off date.

The cut-off date, ``backdate`` and ``recorded`` are shared fixtures
(tests/conftest.py): the indicators' history as of a date uses them too.
"""

import datetime

import pytest

from reports import files, services
from tests.conftest import CUTOFF


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Stored PDFs of published reports go to a directory of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


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


@pytest.fixture
def make_files():
    """Make a published report's PDF and DOCX as the background task does."""

    def make(report, *languages):
        for language in languages or ("fi",):
            files.make(report, language)

    return make
