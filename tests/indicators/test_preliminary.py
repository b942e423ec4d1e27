"""Preliminary figures (ennakkotieto): recorded, shown everywhere, finalised by
an ordinary correction that keeps both in the history."""

from decimal import Decimal

import pytest

from indicators.history import indicator_changes
from indicators.models import Reading

pytestmark = pytest.mark.usefixtures("on_2026_06_15")


def _record(client, indicator, **data):
    return client.post(f"/mittarit/{indicator.pk}/kirjaa/", data)


def test_staff_record_a_preliminary_figure(client, recorder, indicator):
    client.force_login(recorder)
    form = client.get(f"/mittarit/{indicator.pk}/kirjaa/").content.decode()
    assert 'name="preliminary"' in form
    assert "Ennakkotieto" in form
    r = _record(client, indicator, year="2025", value="121", preliminary="on")
    assert r.status_code == 302
    reading = Reading.objects.get(indicator=indicator)
    assert reading.preliminary


def test_an_ordinary_figure_is_final(client, recorder, indicator):
    client.force_login(recorder)
    _record(client, indicator, year="2025", value="121")
    assert not Reading.objects.get(indicator=indicator).preliminary


def test_a_qualitative_form_has_no_preliminary_box(
    client, recorder, qualitative_indicator
):
    client.force_login(recorder)
    r = client.get(f"/mittarit/{qualitative_indicator.pk}/kirjaa/")
    assert 'name="preliminary"' not in r.content.decode()


def test_the_final_figure_replaces_it_and_both_stay_in_history(
    client, recorder, indicator, make_reading
):
    reading = make_reading(indicator, 2025, "121", user=recorder, preliminary=True)
    client.force_login(recorder)
    page = client.get(f"/kirjaukset/{reading.pk}/muokkaa/").content.decode()
    assert 'name="preliminary" class="checkboxinput form-check-input"' in page
    assert "checked" in page.split('name="preliminary"')[1].split(">")[0]
    r = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {
            "year": "2025",
            "value": "122",
            "lock_version": "1",
            "reason": "Lopullinen luku.",
        },
    )
    assert r.status_code == 302
    reading.refresh_from_db()
    assert (reading.value, reading.preliminary) == (Decimal(122), False)
    assert reading.corrected_at is not None
    change = indicator_changes(indicator)[0]
    fields = {f.label: (f.old, f.new) for f in change.fields}
    assert fields["arvo"] == ("121,0", "122,0")
    assert fields["ennakkotieto"] == ("kyllä", "ei")
    first = indicator_changes(indicator)[1]
    assert ("ennakkotieto", "–", "kyllä") in [
        (f.label, f.old, f.new) for f in first.fields
    ]


def test_the_pages_and_the_api_say_preliminary(
    client, recorder, indicator, make_reading
):
    make_reading(indicator, 2024, "115", user=recorder)
    make_reading(indicator, 2025, "121", user=recorder, preliminary=True)
    for path in (f"/mittarit/{indicator.pk}/", "/mittarit/", "/painopistealueet/1/"):
        html = client.get(path).content.decode()
        assert '<span class="reading-mark mark-preliminary">ennakkotieto' in html, path
    client.force_login(recorder)
    html = client.get("/omat/").content.decode()
    assert '<span class="reading-mark mark-preliminary">ennakkotieto' in html
    client.logout()
    data = client.get(f"/api/v1/mittarit/{indicator.pk}/").json()
    assert data["latest"]["preliminary"] is True
    assert [r["preliminary"] for r in data["readings"]] == [False, True]
    listed = client.get("/api/v1/mittarit/").json()["indicators"][0]
    assert listed["latest"]["preliminary"] is True


def test_the_api_serves_history_unjudged(client, recorder, indicator, make_reading):
    make_reading(indicator, 2019, "80", user=recorder)
    make_reading(indicator, 2025, "121", user=recorder)
    data = client.get(f"/api/v1/mittarit/{indicator.pk}/").json()
    history, current = data["readings"]
    assert (history["before_period"], history["status"], history["planned"]) == (
        True,
        None,
        None,
    )
    assert current["before_period"] is False
    assert current["status"] == "on_track"
