"""The admin: coordinators define indicators and annual targets."""

import datetime
import re
from decimal import Decimal

from django.contrib.auth.models import Group

import pytest

from indicators.models import AnnualTarget, Indicator
from strategy import roles
from strategy.models import Measure
from tests.rows import stored


@pytest.fixture
def add_data(strategy, technical):
    measure = Measure.objects.get(focus_area__number=1, order=2)
    return {
        "strategy": strategy.pk,
        "name": "Kevyen liikenteen väylät",
        "kind": "numeric",
        "unit": "km",
        "decimals": "1",
        "direction": "increase",
        "baseline_value": "1 234,5",
        "baseline_year": "2023",
        "target_value": "1\u00a0300",
        "target_year": "2028",
        "frequency": "yearly",
        "department": technical.pk,
        "measures": [measure.pk],
        "is_public": "on",
        "is_active": "on",
        "annual_targets-TOTAL_FORMS": "1",
        "annual_targets-INITIAL_FORMS": "0",
        "annual_targets-MIN_NUM_FORMS": "0",
        "annual_targets-MAX_NUM_FORMS": "1000",
        "annual_targets-0-year": "2026",
        "annual_targets-0-value": "1 250,5",
    }


def test_coordinators_have_the_permissions_they_need(db):
    group = Group.objects.get(name=roles.COORDINATORS)
    granted = group.permissions.filter(content_type__app_label="indicators")
    assert set(granted.values_list("codename", flat=True)) == {
        "view_indicator",
        "add_indicator",
        "change_indicator",
        "view_annualtarget",
        "add_annualtarget",
        "change_annualtarget",
        "view_reading",
        # They choose the peers of the comparison (migration 0020).
        "view_peer",
        "add_peer",
        "change_peer",
        "delete_peer",
        "view_peervalue",
    }
    granted = group.permissions.filter(content_type__app_label="strategy")
    assert set(granted.values_list("codename", flat=True)) == {
        # Departments' members, and contact persons (strategy 0050).
        "view_department",
        "change_department",
        "view_contactperson",
        "add_contactperson",
        "change_contactperson",
        # Measures' departments and contacts; their updates, to look at.
        "view_measure",
        "change_measure",
        "view_measureupdate",
    }


def test_a_coordinator_adds_an_indicator_with_finnish_numbers(
    client, staff_coordinator, add_data
):
    client.force_login(staff_coordinator)
    r = client.post("/hallinta/indicators/indicator/add/", add_data)
    assert r.status_code == 302, r.content.decode()[-3000:]
    indicator = Indicator.objects.get()
    assert indicator.baseline_value == Decimal("1234.5")
    assert indicator.target_value == Decimal("1300")
    target = indicator.annual_targets.get()
    assert (target.year, target.value) == (2026, Decimal("1250.5"))
    assert indicator.history.latest().history_user == staff_coordinator


def test_the_admin_shows_numbers_back_in_finnish(client, staff_coordinator, indicator):
    indicator.baseline_value = Decimal("1234.5")
    indicator.save()
    client.force_login(staff_coordinator)
    html = client.get(f"/hallinta/indicators/indicator/{indicator.pk}/change/")
    html = html.content.decode()
    assert 'name="baseline_value" value="1234,5"' in html
    assert 'name="target_value" value="150"' in html


def _refused(client, data):
    r = client.post("/hallinta/indicators/indicator/add/", data)
    assert r.status_code == 200
    assert not Indicator.objects.exists()
    assert not AnnualTarget.objects.exists()
    return r.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"baseline_value": "12,5 km"}, "Anna luku numeroina"),
        ({"baseline_value": "12,55"}, "Luvussa saa olla enintään 1 desimaali."),
        # Past the 28 digits of decimal arithmetic: once a server error.
        ({"baseline_value": "1" * 29}, "enintään 18 numeroa"),
        ({"target_value": "1234567890123456789012345678,9"}, "enintään 18 numeroa"),
        ({"annual_targets-0-value": "-" + "9" * 40}, "enintään 18 numeroa"),
        # Years in other scripts' digits or with a point, which int() would take.
        ({"baseline_year": "\u0662\u0660\u0662\u0663"}, "Anna vuosi numeroina"),
        ({"target_year": "\uff12\u0660\u0662\u0668"}, "Anna vuosi numeroina"),
        ({"annual_targets-0-year": "2026.0"}, "Anna vuosi numeroina"),
        ({"annual_targets-0-year": "\u0662\u0660\u0662\u0666"}, "Anna vuosi numeroina"),
        ({"annual_targets-0-value": "12,55"}, "Luvussa saa olla enintään 1 desimaali."),
        (
            {"annual_targets-0-year": "2030"},
            "Vuoden on oltava strategiakaudella 2024–2028.",
        ),
        ({"target_year": "2022"}, "Tavoitevuoden on oltava lähtötason vuoden jälkeen."),
        ({"unit": ""}, "Numeerisella mittarilla on oltava yksikkö."),
        (
            {"kind": "qualitative"},
            "Laadullisella mittarilla ei ole vuositavoitteita.",
        ),
    ],
)
def test_the_admin_checks_as_strictly_as_the_forms(
    client, staff_coordinator, add_data, changes, message
):
    client.force_login(staff_coordinator)
    html = _refused(client, {**add_data, **changes})
    assert message in html


def test_two_targets_for_one_year_are_refused(client, staff_coordinator, add_data):
    client.force_login(staff_coordinator)
    data = {
        **add_data,
        "annual_targets-TOTAL_FORMS": "2",
        "annual_targets-1-year": "2026",
        "annual_targets-1-value": "1 260",
    }
    _refused(client, data)


def test_the_override_is_set_on_its_own_page_not_in_the_admin(
    client, staff_coordinator, indicator
):
    client.force_login(staff_coordinator)
    html = client.get(f"/hallinta/indicators/indicator/{indicator.pk}/change/")
    html = html.content.decode()
    assert 'name="status_override"' not in html
    assert 'name="override_justification"' not in html


def test_readings_are_only_looked_at_in_the_admin(
    client, staff_coordinator, indicator, recorder, make_reading
):
    reading = make_reading(indicator, 2025, "130", user=recorder)
    client.force_login(staff_coordinator)
    assert client.get("/hallinta/indicators/reading/").status_code == 200
    r = client.post(
        f"/hallinta/indicators/reading/{reading.pk}/change/", {"value": "1"}
    )
    assert r.status_code == 403
    assert client.get("/hallinta/indicators/reading/add/").status_code == 403
    reading.refresh_from_db()
    assert reading.value == Decimal("130")


def test_a_coordinator_cannot_delete_an_indicator(client, staff_coordinator, indicator):
    client.force_login(staff_coordinator)
    r = client.post(
        f"/hallinta/indicators/indicator/{indicator.pk}/delete/", {"post": "yes"}
    )
    assert r.status_code == 403
    assert Indicator.objects.filter(pk=indicator.pk).exists()


# Kind and frequency once readings exist: readings are recorded by them (a
# changed frequency crashed the next save of a reading).


def _change_data(indicator, **changes) -> dict:
    """The admin's change form of ``indicator`` as the browser posts it."""
    data = {
        "strategy": indicator.strategy_id,
        "name": indicator.name,
        "kind": indicator.kind,
        "unit": indicator.unit,
        "decimals": str(indicator.decimals),
        "direction": indicator.direction,
        "baseline_value": "100",
        "baseline_year": "2023",
        "target_value": "150",
        "target_year": "2028",
        "frequency": indicator.frequency,
        "department": indicator.department_id,
        "measures": list(indicator.measures.values_list("pk", flat=True)),
        "is_public": "on",
        "is_active": "on",
        "annual_targets-TOTAL_FORMS": "0",
        "annual_targets-INITIAL_FORMS": "0",
        "annual_targets-MIN_NUM_FORMS": "0",
        "annual_targets-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


FIXED_MESSAGE = "Tätä ei voi muuttaa, koska mittarille on jo kirjattu tuloksia"


@pytest.mark.parametrize("withdrawn", [False, True])
@pytest.mark.parametrize(
    "changes",
    [
        {"frequency": "monthly"},
        {"frequency": "quarterly"},
        {"kind": "qualitative", "unit": ""},
    ],
)
def test_kind_and_frequency_are_fixed_once_readings_exist(
    client, staff_coordinator, indicator, recorder, make_reading, changes, withdrawn
):
    reading = make_reading(indicator, 2025, "130", user=recorder)
    if withdrawn:  # a withdrawn reading is history all the same
        reading.withdrawn_at = reading.updated_at
        reading.withdrawn_reason = "Väärä"
        reading.save()
    before = stored(indicator)
    path = f"/hallinta/indicators/indicator/{indicator.pk}/change/"
    client.force_login(staff_coordinator)

    html = client.get(path).content.decode()
    assert re.search(r'<select name="frequency"[^>]*disabled', html)
    assert re.search(r'<select name="kind"[^>]*disabled', html)
    assert FIXED_MESSAGE in html

    r = client.post(path, _change_data(indicator, name="Uusi nimi", **changes))

    assert r.status_code == 200
    assert FIXED_MESSAGE in r.content.decode()
    assert stored(indicator) == before
    # The reading saves as before: its period still exists.
    reading.narrative = "Tarkennettu"
    reading.save()
    reading.refresh_from_db()
    assert reading.period_end == datetime.date(2025, 12, 31)


def test_the_rest_of_an_indicator_with_readings_may_change(
    client, staff_coordinator, indicator, recorder, make_reading
):
    make_reading(indicator, 2025, "130", user=recorder)
    client.force_login(staff_coordinator)
    # The disabled selects are not posted, as a browser leaves them out.
    data = _change_data(indicator, name="Uusi nimi")
    del data["kind"], data["frequency"]
    r = client.post(f"/hallinta/indicators/indicator/{indicator.pk}/change/", data)
    assert r.status_code == 302, r.content.decode()[-3000:]
    indicator.refresh_from_db()
    assert indicator.name == "Uusi nimi"
    assert (indicator.kind, indicator.frequency) == ("numeric", "yearly")


def test_an_indicator_without_readings_may_change_kind_and_frequency(
    client, staff_coordinator, indicator
):
    client.force_login(staff_coordinator)
    path = f"/hallinta/indicators/indicator/{indicator.pk}/change/"
    assert FIXED_MESSAGE not in client.get(path).content.decode()
    r = client.post(path, _change_data(indicator, frequency="quarterly"))
    assert r.status_code == 302, r.content.decode()[-3000:]
    indicator.refresh_from_db()
    assert indicator.frequency == "quarterly"


@pytest.mark.parametrize("pk", [str(2**63), str(2**70), "1" * 100])
def test_a_measure_id_past_64_bits_is_refused(client, staff_coordinator, add_data, pk):
    # Found by tests/fuzz/: SQLite's driver raised OverflowError (a 500).
    client.force_login(staff_coordinator)
    html = _refused(client, {**add_data, "measures": [pk]})
    assert f"&quot;{pk}&quot; ei ole kelvollinen arvo." in html
