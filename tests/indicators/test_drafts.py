"""Indicator drafts: a new indicator is seen only by the staff roles until a
coordinator publishes it; only then does it reach the public pages, the
counts, the API and the report. Retiring one keeps its readings readable."""

import pytest

from indicators.as_of import end_of_day, indicators_as_of
from indicators.models import Indicator
from strategy.models import Department
from tests.conftest import AFTER, BEFORE, CUTOFF

DRAFT_NAME = "Luonnosmittari kaavoituksesta"


@pytest.fixture
def draft(make_indicator, recorder, make_reading):
    indicator = make_indicator(name=DRAFT_NAME, published_at=None)
    make_reading(indicator, 2025, "130", user=recorder)
    return indicator


def test_it_makes_a_new_indicator_a_draft(strategy, technical):
    indicator = Indicator.objects.create(
        strategy=strategy, name="Uusi", unit="kpl", department=technical
    )
    assert indicator.published_at is None
    assert not indicator.is_published


PUBLIC = ["/", "/painopistealueet/1/", "/menestystekijat/", "/mittarit/"]


def test_it_hides_a_draft_from_anonymous_visitors(client, site, draft):
    for path in PUBLIC:
        r = client.get(path)
        assert r.status_code == 200
        assert DRAFT_NAME not in r.content.decode(), path
    assert client.get(f"/mittarit/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/mittarit/{draft.pk}/").status_code == 404
    names = [i["name"] for i in client.get("/api/v1/mittarit/").json()["indicators"]]
    assert DRAFT_NAME not in names
    assert site.footpaths.name in names


def test_it_hides_a_draft_from_councillors(client, site, draft, councillor):
    client.force_login(councillor)
    assert client.get(f"/mittarit/{draft.pk}/").status_code == 404
    assert DRAFT_NAME not in client.get("/mittarit/").content.decode()
    # Internal (published) indicators they do see.
    assert client.get(f"/mittarit/{site.internal.pk}/").status_code == 200


@pytest.mark.parametrize("who", ["recorder", "coordinator", "mayors_office"])
def test_the_staff_roles_see_a_draft_marked_as_one(client, draft, who, request):
    client.force_login(request.getfixturevalue(who))
    r = client.get(f"/mittarit/{draft.pk}/")
    assert r.status_code == 200
    assert "Luonnos – ei vielä julkaistu" in r.content.decode()
    assert DRAFT_NAME in client.get("/mittarit/").content.decode()


def test_a_draft_is_left_out_of_the_counts(client, site, draft, recorder):
    client.force_login(recorder)
    listed = client.get("/mittarit/").context
    assert draft.pk in [s.id for s in listed["states"]]
    with_drafts = len([s for s in listed["states"] if s.definition.is_active])
    assert listed["summary"].total == with_drafts - 1
    home = client.get("/").context
    anonymous_total = home["summary"].total
    client.logout()
    # Logged in, the internal indicator counts too; the draft never.
    assert client.get("/").context["summary"].total == anonymous_total - 1


def test_only_a_coordinator_publishes(
    client, draft, recorder, mayors_office, coordinator
):
    path = f"/mittarit/{draft.pk}/julkaise/"
    r = client.post(path)
    assert r.status_code == 302 and r["Location"].startswith("/kirjaudu/")
    for user in (recorder, mayors_office):
        client.force_login(user)
        assert client.post(path).status_code == 403
        assert (
            "Julkaise mittari"
            not in client.get(f"/mittarit/{draft.pk}/").content.decode()
        )
    client.force_login(coordinator)
    assert client.get(path).status_code == 405
    draft.refresh_from_db()
    assert draft.published_at is None


def test_a_coordinator_publishes_a_draft(client, draft, coordinator):
    client.force_login(coordinator)
    page = client.get(f"/mittarit/{draft.pk}/").content.decode()
    assert "Julkaise mittari" in page
    r = client.post(f"/mittarit/{draft.pk}/julkaise/", follow=True)
    assert "Mittari julkaistiin" in r.content.decode()
    draft.refresh_from_db()
    assert draft.published_at is not None
    latest = draft.history.latest()
    assert latest.history_user == coordinator
    assert latest.history_change_reason == "Julkaistu"
    assert latest.published_at == draft.published_at
    # A second press changes nothing.
    versions = draft.history.count()
    r = client.post(f"/mittarit/{draft.pk}/julkaise/", follow=True)
    assert "Mittari oli jo julkaistu" in r.content.decode()
    assert draft.history.count() == versions
    client.logout()
    assert client.get(f"/mittarit/{draft.pk}/").status_code == 200
    names = [i["name"] for i in client.get("/api/v1/mittarit/").json()["indicators"]]
    assert DRAFT_NAME in names


def test_a_report_leaves_out_what_was_a_draft_at_its_cutoff(
    strategy, make_indicator, backdate
):
    published = make_indicator(name="Julkaistu jo")
    late = make_indicator(name="Julkaistiin myöhemmin", published_at=None)
    backdate(published, BEFORE)
    backdate(late, BEFORE)
    late.published_at = AFTER
    late.save()
    late.history.filter(published_at__isnull=False).update(history_date=AFTER)

    shown = {row.id for row in indicators_as_of(strategy, end_of_day(CUTOFF))}
    assert published.pk in shown
    assert late.pk not in shown


def test_a_retired_indicator_keeps_its_readings_readable(client, site):
    r = client.get(f"/mittarit/{site.retired.pk}/")
    assert r.status_code == 200
    page = r.content.decode()
    assert "Poistunut käytöstä" in page
    assert "90,0" in page


def test_a_draft_of_a_department_is_not_named_to_visitors(
    client, strategy, make_indicator
):
    secret = Department.objects.create(name="Uusi palvelualue")
    make_indicator(name=DRAFT_NAME, published_at=None, department=secret)
    make_indicator()
    assert "Uusi palvelualue" not in client.get("/mittarit/").content.decode()


def test_the_admin_publishes_selected_drafts(client, staff_coordinator, draft):
    published = Indicator.objects.exclude(pk=draft.pk).count()
    client.force_login(staff_coordinator)
    changelist = client.get("/hallinta/indicators/indicator/")
    assert "Julkaise valitut luonnokset" in changelist.content.decode()
    r = client.post(
        "/hallinta/indicators/indicator/",
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert "1 mittari julkaistiin." in r.content.decode()
    draft.refresh_from_db()
    assert draft.is_published
    assert draft.history.latest().history_user == staff_coordinator
    assert Indicator.objects.filter(published_at__isnull=False).count() == published + 1
