"""The coordinator chooses a monthly or quarterly indicator's status basis in
the admin; a yearly one has none to choose; others may not choose at all."""

import pytest

from indicators.models import Indicator
from tests.indicators.test_admin import _change_data
from tests.rows import stored


def path(indicator) -> str:
    return f"/hallinta/indicators/indicator/{indicator.pk}/change/"


@pytest.mark.parametrize("basis", ["latest", "rolling_mean", "year_ago", ""])
def test_a_coordinator_chooses_the_basis_of_a_monthly_indicator(
    client, staff_coordinator, indicator, basis
):
    client.force_login(staff_coordinator)
    data = _change_data(indicator, frequency="monthly", status_basis=basis)
    r = client.post(path(indicator), data)
    assert r.status_code == 302, r.content.decode()[-3000:]
    indicator.refresh_from_db()
    assert (indicator.frequency, indicator.status_basis) == ("monthly", basis)
    assert indicator.history.latest().history_user == staff_coordinator


def test_the_default_is_named_in_the_form(client, staff_coordinator, indicator):
    client.force_login(staff_coordinator)
    html = client.get(path(indicator)).content.decode()
    assert 'name="status_basis"' in html
    assert "kuukausittaisilla ja neljännesvuosittaisilla vuoden keskiarvo" in html


@pytest.mark.parametrize("basis", ["rolling_mean", "year_ago"])
def test_a_yearly_indicator_takes_no_seasonal_basis(
    client, staff_coordinator, indicator, basis
):
    client.force_login(staff_coordinator)
    before = stored(indicator)
    r = client.post(path(indicator), _change_data(indicator, status_basis=basis))
    assert r.status_code == 200
    assert "sopivat vain kuukausittaisille ja neljännesvuosittaisille" in (
        r.content.decode()
    )
    assert stored(indicator) == before


def test_a_qualitative_indicator_takes_no_seasonal_basis(
    client, staff_coordinator, qualitative_indicator
):
    client.force_login(staff_coordinator)
    data = _change_data(
        qualitative_indicator,
        kind="qualitative",
        unit="",
        frequency="quarterly",
        status_basis="rolling_mean",
    )
    r = client.post(path(qualitative_indicator), data)
    assert r.status_code == 200
    assert Indicator.objects.get(pk=qualitative_indicator.pk).status_basis == ""


@pytest.mark.parametrize("who", ["recorder", "councillor"])
def test_only_coordinators_change_the_basis(client, indicator, request, who):
    client.force_login(request.getfixturevalue(who))
    data = _change_data(indicator, frequency="monthly", status_basis="year_ago")
    r = client.post(path(indicator), data)
    assert r.status_code in (302, 403)  # to the admin's login, or refused
    assert Indicator.objects.get(pk=indicator.pk).status_basis == ""


def test_an_anonymous_visitor_is_sent_to_log_in(client, indicator):
    r = client.post(path(indicator), _change_data(indicator, status_basis="latest"))
    assert r.status_code == 302 and "/login/" in r["Location"]
    assert Indicator.objects.get(pk=indicator.pk).status_basis == ""
