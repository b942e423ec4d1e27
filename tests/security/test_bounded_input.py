"""Every free text has a length limit and every date a sensible range."""

from django.apps import apps
from django.db import models

import pytest

from indicators.models import Reading
from reports.models import MidtermReport


def test_every_text_column_has_a_length_limit():
    unlimited = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in ("strategy", "indicators", "reports")
        and not model._meta.label.split(".")[1].startswith("Historical")
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField)
        and field.max_length is None
        and field.editable
    ]
    assert unlimited == []


def test_a_one_megabyte_explanation_is_refused_beside_its_field(
    client, recorder, indicator
):
    client.force_login(recorder)
    r = client.post(
        f"/mittarit/{indicator.pk}/kirjaa/",
        {"year": "2025", "value": "1", "narrative": "x" * 1_000_000},
    )
    assert r.status_code == 200
    assert "enintään 4000 merkkiä" in r.content.decode()
    assert not Reading.objects.exists()


def test_a_one_megabyte_report_introduction_is_refused(client, mayors_office, strategy):
    client.force_login(mayors_office)
    r = client.post(
        "/raportit/uusi/",
        {
            "title": "Väliraportti",
            "cutoff_date": "30.6.2025",
            "introduction": "x" * 1_000_000,
        },
    )
    assert r.status_code == 200
    assert "enintään 20000 merkkiä" in r.content.decode()
    assert not MidtermReport.objects.exists()


@pytest.mark.parametrize(
    ("meeting", "accepted"),
    [
        ("31.12.9999", False),
        ("1.1.2030", False),
        ("15.9.2029", True),
        ("1.1.1900", False),
    ],
)
def test_a_council_meeting_must_be_a_plausible_date(
    client, mayors_office, strategy, meeting, accepted
):
    client.force_login(mayors_office)
    r = client.post(
        "/raportit/uusi/",
        {
            "title": "Väliraportti",
            "cutoff_date": "30.6.2025",
            "council_meeting_date": meeting,
        },
    )
    assert MidtermReport.objects.exists() is accepted
    if not accepted:
        assert "Kokouspäivän on oltava vuosina 2024–2029." in r.content.decode()
