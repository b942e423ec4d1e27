"""/omat/ rows prepared in indicators/worklist.py: the cases test_mine.py leaves."""

from django.urls import reverse

import pytest

from indicators.worklist import pk_url

# Midsummer 2026: the 2025 readings are due, 2026 is under way.
pytestmark = pytest.mark.usefixtures("on_2026_06_15")


@pytest.mark.parametrize(
    "name",
    [
        "indicators:detail",
        "indicators:reading_create",
        "indicators:reading_update",
        "indicators:status_override",
    ],
)
def test_it_builds_the_same_links_as_reverse(name):
    url = pk_url(name)
    for pk in (1, 7, 2024, 123456):
        assert url(pk) == reverse(name, args=[pk])


def test_it_offers_an_assessment_for_a_qualitative_indicator(
    client, recorder, qualitative_indicator, make_reading
):
    make_reading(
        qualitative_indicator,
        2025,
        user=recorder,
        qualitative_status="at_risk",
        narrative="Tapahtumia oli vähemmän.",
    )
    client.force_login(recorder)
    html = client.get("/omat/").content.decode()
    assert 'arvio<br><span class="muted small">2025</span>' in html
    assert (
        f'<a href="/mittarit/{qualitative_indicator.pk}/kirjaa/">Kirjaa arvio' in html
    )
    assert "status-at_risk" in html


def test_it_offers_a_result_when_up_to_date(client, recorder, indicator, make_reading):
    make_reading(indicator, 2025, "130", user=recorder)
    client.force_login(recorder)
    html = client.get("/omat/").content.decode()
    assert f'<a href="/mittarit/{indicator.pk}/kirjaa/">Kirjaa tulos' in html
    assert "Ajan tasalla" in html


def test_it_shows_a_dash_without_readings_and_marks_internal_ones(
    client, recorder, make_indicator
):
    make_indicator(is_public=False)
    client.force_login(recorder)
    html = client.get("/omat/").content.decode()
    assert '<td class="num" data-label="Viimeisin tulos">–</td>' in html
    assert "(sisäinen)" in html
    assert "muokkaa/" not in html  # no reading to correct


def test_recorders_get_no_link_to_set_the_status(client, recorder, indicator):
    client.force_login(recorder)
    html = client.get("/omat/").content.decode()
    assert "/tila/" not in html


def test_it_translates_the_rows(english, recorder, indicator, make_reading):
    make_reading(indicator, 2024, "110", user=recorder)
    english.force_login(recorder)
    html = english.get("/omat/").content.decode()
    assert "Cycle and footpaths" in html
    assert f'<a href="/mittarit/{indicator.pk}/kirjaa/">Record 2025<' in html
    assert "overdue since 2.3.2026" in html
    assert "Kirjaa 2025" not in html
