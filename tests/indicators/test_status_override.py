"""/mittarit/<pk>/tila/: a coordinator overrides the computed status."""

import pytest

from indicators.models import Indicator

# Midsummer 2026: the 2025 readings are due, 2026 is under way.
pytestmark = pytest.mark.usefixtures("on_2026_06_15")


def test_it_shows_the_computed_status_beside_the_form(
    client, coordinator, recorder, indicator, make_reading
):
    make_reading(indicator, 2025, "130", user=recorder)
    client.force_login(coordinator)
    r = client.get(f"/mittarit/{indicator.pk}/tila/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "Laskettu tila" in html
    assert "status-on_track" in html
    assert 'name="justification"' in html
    assert 'value="off_track"' in html


def test_it_sets_a_status_with_a_justification(client, coordinator, indicator):
    client.force_login(coordinator)
    r = client.post(
        f"/mittarit/{indicator.pk}/tila/",
        {"status": "at_risk", "justification": "Rahoitus on epävarma."},
    )
    assert r.status_code == 302
    assert r["Location"] == f"/mittarit/{indicator.pk}/"
    indicator.refresh_from_db()
    assert indicator.status_override == "at_risk"
    assert indicator.override_justification == "Rahoitus on epävarma."
    record = indicator.history.latest()
    assert record.history_user == coordinator
    assert record.history_change_reason == "Rahoitus on epävarma."


def test_it_clears_a_status_and_keeps_the_reason_in_the_history(
    client, coordinator, indicator
):
    indicator.status_override = "at_risk"
    indicator.override_justification = "Rahoitus on epävarma."
    indicator.save()
    client.force_login(coordinator)
    reason = "Rahoitus varmistui talousarviossa. " * 10  # longer than 100 chars
    r = client.post(
        f"/mittarit/{indicator.pk}/tila/", {"status": "", "justification": reason}
    )
    assert r.status_code == 302
    indicator.refresh_from_db()
    assert indicator.status_override == ""
    assert indicator.override_justification == ""
    assert indicator.history.latest().history_change_reason == reason.strip()


def test_it_needs_a_justification(client, coordinator, indicator):
    client.force_login(coordinator)
    r = client.post(
        f"/mittarit/{indicator.pk}/tila/", {"status": "off_track", "justification": ""}
    )
    assert r.status_code == 200
    assert "Kirjoita perustelu: tilaa ei muuteta käsin ilman sitä." in (
        r.content.decode()
    )
    indicator.refresh_from_db()
    assert indicator.status_override == ""


def test_it_refuses_a_status_that_is_not_offered(client, coordinator, indicator):
    client.force_login(coordinator)
    r = client.post(
        f"/mittarit/{indicator.pk}/tila/",
        {"status": "no_data", "justification": "Ei tietoa."},
    )
    assert r.status_code == 200
    indicator.refresh_from_db()
    assert indicator.status_override == ""


@pytest.mark.parametrize("who", ["recorder", "other_recorder", "councillor"])
def test_only_coordinators_may_override(client, request, indicator, who):
    client.force_login(request.getfixturevalue(who))
    for r in [
        client.get(f"/mittarit/{indicator.pk}/tila/"),
        client.post(
            f"/mittarit/{indicator.pk}/tila/",
            {"status": "achieved", "justification": "Hyvä."},
        ),
    ]:
        assert r.status_code == 403
    indicator.refresh_from_db()
    assert indicator.status_override == ""


def test_a_superuser_may_override(client, superuser, indicator):
    client.force_login(superuser)
    client.post(
        f"/mittarit/{indicator.pk}/tila/",
        {"status": "achieved", "justification": "Valmis."},
    )
    indicator.refresh_from_db()
    assert indicator.status_override == "achieved"


def test_it_answers_404_for_an_unknown_indicator(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/mittarit/999999/tila/").status_code == 404
    assert not Indicator.objects.exists()
