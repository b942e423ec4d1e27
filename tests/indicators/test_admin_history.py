"""The admin's change history is for reading: no "Revert" writes a row back.

django-simple-history's history form view saved a POST for anyone who may
*view* the object, past the portal's permissions, period rules and version
check. Every history page of the admin is now read-only (strategy/history_admin.py).
"""

from decimal import Decimal

from django.utils import timezone

import pytest

from tests.rows import stored


@pytest.fixture(params=["staff_coordinator", "superuser"])
def admin_staff(request):
    """A coordinator (who may only view readings) and a superuser."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def reading(indicator, recorder, make_reading):
    return make_reading(indicator, 2025, "1234.5", user=recorder, evidence="Rekisteri")


def _correct(reading, user, **changes):
    """A save as the entry pages make it: one version further."""
    for name, value in changes.items():
        setattr(reading, name, value)
    reading.lock_version += 1
    reading.updated_by = user
    reading.updated_at = timezone.now()
    reading.save()


def _reading_post(row, **changes) -> dict:
    """The history form of a reading as the browser would post it."""
    data = {
        "indicator": row.indicator_id,
        "year": row.year,
        "part": row.part,
        "value": "" if row.value is None else str(row.value),
        "qualitative_status": row.qualitative_status,
        "narrative": row.narrative,
        "evidence": row.evidence,
        "withdrawn_at_0": "",
        "withdrawn_at_1": "",
        "withdrawn_reason": row.withdrawn_reason,
    }
    data.update(changes)
    return data


def _history_path(reading, row) -> str:
    return f"/hallinta/indicators/reading/{reading.pk}/history/{row.history_id}/"


def test_it_refuses_to_revert_a_reading_to_an_older_version(
    client, admin_staff, coordinator, reading
):
    first = reading.history.get()
    _correct(reading, coordinator, value=Decimal("130.5"))
    before = stored(reading)
    client.force_login(admin_staff)

    r = client.post(_history_path(reading, first), _reading_post(first))

    assert r.status_code == 403
    reading.refresh_from_db()
    assert stored(reading) == before
    assert reading.lock_version == 2
    assert reading.value == Decimal("130.5")
    assert reading.history.count() == 2


def test_it_refuses_a_year_and_value_no_form_would_take(client, admin_staff, reading):
    before = stored(reading)
    client.force_login(admin_staff)

    r = client.post(
        _history_path(reading, reading.history.get()),
        _reading_post(reading, year="1900", value="-99999.9999"),
    )

    assert r.status_code == 403
    reading.refresh_from_db()
    assert stored(reading) == before
    assert (reading.year, reading.value) == (2025, Decimal("1234.5"))


def test_it_refuses_to_undo_a_withdrawal(client, admin_staff, coordinator, reading):
    first = reading.history.get()
    withdrawn_at = timezone.now()
    _correct(
        reading,
        coordinator,
        withdrawn_at=withdrawn_at,
        withdrawn_reason="Kirjattu väärälle mittarille",
    )
    before = stored(reading)
    client.force_login(admin_staff)

    r = client.post(_history_path(reading, first), _reading_post(first))

    assert r.status_code == 403
    reading.refresh_from_db()
    assert stored(reading) == before
    assert reading.withdrawn_at == withdrawn_at
    assert reading.withdrawn_reason == "Kirjattu väärälle mittarille"
    assert reading.lock_version == 2


def test_it_still_shows_the_history_without_a_revert_button(
    client, admin_staff, coordinator, reading
):
    first = reading.history.get()
    _correct(reading, coordinator, value=Decimal("130.5"))
    client.force_login(admin_staff)

    listing = client.get(f"/hallinta/indicators/reading/{reading.pk}/history/")
    assert listing.status_code == 200
    assert _history_path(reading, first) in listing.content.decode()

    r = client.get(_history_path(reading, first))
    assert r.status_code == 200
    html = r.content.decode()
    assert 'value="1234.5000"' in html or 'value="1234.5"' in html
    assert 'name="_save"' not in html
    assert "Revert" not in html and "Palauta" not in html


def test_the_history_is_shown_only_to_those_who_may_view(client, recorder, reading):
    # Staff without staff status never enter the admin at all.
    client.force_login(recorder)
    r = client.get(_history_path(reading, reading.history.get()))
    assert r.status_code == 302
    assert r["Location"].startswith("/hallinta/login/")


def test_it_refuses_to_revert_an_indicator(client, admin_staff, indicator):
    previous = indicator.history.first()  # the newest row: measures set
    rows = indicator.history.count()
    indicator.name = "Uusi nimi"
    indicator.target_value = Decimal("160")
    indicator.save()
    before = stored(indicator)
    client.force_login(admin_staff)

    r = client.post(
        f"/hallinta/indicators/indicator/{indicator.pk}/history/{previous.history_id}/",
        {
            "strategy": indicator.strategy_id,
            "name": "Kevyen liikenteen väylät",
            "kind": "numeric",
            "unit": "km",
            "decimals": "1",
            "direction": "increase",
            "baseline_value": "100",
            "baseline_year": "2023",
            "target_value": "150",
            "target_year": "2028",
            "frequency": "yearly",
            "department": indicator.department_id,
            "measures": list(indicator.measures.values_list("pk", flat=True)),
            "is_public": "on",
            "is_active": "on",
        },
    )

    assert r.status_code == 403
    indicator.refresh_from_db()
    assert stored(indicator) == before
    assert indicator.history.count() == rows + 1


def test_the_history_offers_no_revert_for_any_model(settings):
    from django.contrib import admin

    from simple_history.admin import SimpleHistoryAdmin

    from strategy.history_admin import ReadOnlyHistoryAdmin

    with_history = [
        model_admin
        for model_admin in admin.site._registry.values()
        if isinstance(model_admin, SimpleHistoryAdmin)
    ]
    assert len(with_history) >= 3  # indicators, readings, reports
    for model_admin in with_history:
        assert isinstance(model_admin, ReadOnlyHistoryAdmin), model_admin
    assert settings.SIMPLE_HISTORY_REVERT_DISABLED is True
