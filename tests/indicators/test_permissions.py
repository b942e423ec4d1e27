"""Who may write: every write URL × every member of the cast, GET and POST."""

from decimal import Decimal

from django.contrib.auth.models import AnonymousUser

import pytest

from indicators.models import Reading
from indicators.permissions import can_override, can_record

# Midsummer 2026: the 2025 readings are due, 2026 is under way.
pytestmark = pytest.mark.usefixtures("on_2026_06_15")

CAST = [
    "anonymous",
    "other_recorder",
    "recorder",
    "coordinator",
    "superuser",
    "councillor",
    "mayors_office",
]
# Who may do what; everyone else logged in gets 403.
MAY_RECORD = {"recorder", "coordinator", "superuser"}
MAY_OVERRIDE = {"coordinator", "superuser"}


def _log_in(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


def _write_urls(indicator, reading):
    """Each write URL, the data of a valid POST, and who may use it."""
    return [
        (
            f"/mittarit/{indicator.pk}/kirjaa/",
            {"year": "2024", "value": "110"},
            MAY_RECORD,
        ),
        (
            f"/kirjaukset/{reading.pk}/muokkaa/",
            {"year": "2025", "value": "131", "lock_version": "1", "reason": "Korjaus"},
            MAY_RECORD,
        ),
        (
            f"/kirjaukset/{reading.pk}/peru/",
            {"reason": "Väärä luku", "lock_version": "1"},
            MAY_RECORD,
        ),
        (
            f"/mittarit/{indicator.pk}/tila/",
            {"status": "at_risk", "justification": "Epävarma rahoitus"},
            MAY_OVERRIDE,
        ),
    ]


def _assert_nothing_changed(indicator, reading):
    reading.refresh_from_db()
    indicator.refresh_from_db()
    assert reading.value == Decimal("130")
    assert reading.lock_version == 1
    assert reading.withdrawn_at is None
    assert Reading.objects.count() == 1
    assert indicator.status_override == ""


@pytest.mark.parametrize("who", CAST)
def test_get_of_every_write_page(client, request, indicator, reading, who):
    _log_in(client, request, who)
    for url, _data, allowed in _write_urls(indicator, reading):
        r = client.get(url)
        if who == "anonymous":
            assert r.status_code == 302, url
            assert r["Location"] == f"/kirjaudu/?next={url}"
        elif who in allowed:
            assert r.status_code == 200, url
        else:
            assert r.status_code == 403, url
    _assert_nothing_changed(indicator, reading)


@pytest.mark.parametrize("who", CAST)
def test_post_to_every_write_url(client, request, indicator, reading, who):
    _log_in(client, request, who)
    for url, data, allowed in _write_urls(indicator, reading):
        if who in allowed:
            continue  # the allowed writes are tested on their own below
        r = client.post(url, data)
        if who == "anonymous":
            assert r.status_code == 302, url
            assert r["Location"] == f"/kirjaudu/?next={url}"
        else:
            assert r.status_code == 403, url
        _assert_nothing_changed(indicator, reading)


@pytest.mark.parametrize("who", sorted(MAY_RECORD))
@pytest.mark.parametrize("write", [0, 1, 2, 3])
def test_an_allowed_post_writes(client, request, indicator, reading, who, write):
    url, data, allowed = _write_urls(indicator, reading)[write]
    _log_in(client, request, who)
    r = client.post(url, data)
    if who not in allowed:
        assert r.status_code == 403
        _assert_nothing_changed(indicator, reading)
        return
    assert r.status_code == 302, r.content.decode()[:2000]
    assert r["Location"] == f"/mittarit/{indicator.pk}/"
    reading.refresh_from_db()
    indicator.refresh_from_db()
    changed = [
        Reading.objects.count() == 2,
        reading.value == Decimal("131"),
        reading.withdrawn_at is not None,
        indicator.status_override == "at_risk",
    ]
    assert changed == [n == write for n in range(4)]


@pytest.mark.parametrize("who", CAST[1:])
def test_unknown_objects_answer_404(client, request, who, db):
    _log_in(client, request, who)
    for url in [
        "/mittarit/999999/kirjaa/",
        "/kirjaukset/999999/muokkaa/",
        "/kirjaukset/999999/peru/",
        "/mittarit/999999/tila/",
    ]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url


def test_anonymous_visitors_log_in_before_hearing_of_unknown_objects(client, db):
    r = client.get("/mittarit/999999/kirjaa/")
    assert r.status_code == 302


def test_internal_indicators_follow_the_same_rule(
    client, recorder, other_recorder, make_indicator
):
    internal = make_indicator(is_public=False)
    client.force_login(other_recorder)
    assert client.get(f"/mittarit/{internal.pk}/kirjaa/").status_code == 403
    client.force_login(recorder)
    assert client.get(f"/mittarit/{internal.pk}/kirjaa/").status_code == 200


def test_staff_of_two_departments_record_for_both(
    client, recorder, education, make_indicator
):
    education.members.add(recorder)
    theirs = make_indicator(department=education)
    client.force_login(recorder)
    assert client.get(f"/mittarit/{theirs.pk}/kirjaa/").status_code == 200


def test_the_rules_as_functions(
    indicator, recorder, other_recorder, coordinator, superuser, councillor
):
    assert can_record(recorder, indicator)
    assert not can_record(other_recorder, indicator)
    assert can_record(coordinator, indicator)
    assert can_record(superuser, indicator)
    assert not can_record(councillor, indicator)
    assert not can_record(AnonymousUser(), indicator)
    recorder.is_active = False
    assert not can_record(recorder, indicator)
    assert can_override(coordinator) and can_override(superuser)
    assert not can_override(recorder)
    assert not can_override(AnonymousUser())


def test_every_write_page_marks_example_data(
    client, coordinator, recorder, make_indicator, make_reading
):
    demo = make_indicator(is_demo=True)
    reading = make_reading(demo, 2025, "130", user=recorder)
    client.force_login(coordinator)
    for url, _data, _allowed in _write_urls(demo, reading):
        assert "Esimerkkiaineisto" in client.get(url).content.decode(), url
