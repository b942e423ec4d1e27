"""/omat/: my departments' indicators, overdue first."""

import pytest

# Midsummer 2026: the 2025 readings are due, 2026 is under way.
pytestmark = pytest.mark.usefixtures("on_2026_06_15")


def test_it_sends_anonymous_visitors_to_log_in(client, db):
    r = client.get("/omat/")
    assert r.status_code == 302
    assert r["Location"] == "/kirjaudu/?next=/omat/"


def test_it_lists_overdue_then_due_then_the_rest(
    client, recorder, make_indicator, make_reading
):
    # Names in reverse alphabetical order of the expected listing.
    up_to_date = make_indicator(name="A ajan tasalla")
    make_reading(up_to_date, 2025, "130", user=recorder)
    due = make_indicator(name="B kirjattavana", frequency="monthly")
    make_reading(due, 2026, "130", part=4, user=recorder)  # May is due
    overdue = make_indicator(name="C myöhässä")
    make_reading(overdue, 2024, "110", user=recorder)  # 2025 is overdue
    client.force_login(recorder)

    html = client.get("/omat/").content.decode()

    positions = [html.index(name) for name in ["C myöhässä", "B kirjattavana"]]
    positions.append(html.index("A ajan tasalla"))
    assert positions == sorted(positions)
    assert "myöhässä 2.3.2026 alkaen" in html
    assert "viimeistään 31.7.2026" in html
    assert "seuraava 2026, kirjattavissa 1.1.2027 alkaen" in html
    assert f'<a href="/mittarit/{overdue.pk}/kirjaa/">Kirjaa 2025' in html
    latest = overdue.readings.get()
    assert f'<a href="/kirjaukset/{latest.pk}/muokkaa/">Korjaa 2024' in html


def test_it_shows_the_latest_reading_and_its_status(
    client, recorder, indicator, make_reading
):
    make_reading(indicator, 2024, "100", user=recorder, narrative="Alku")
    make_reading(indicator, 2025, "1234.5", user=recorder)
    client.force_login(recorder)
    html = client.get("/omat/").content.decode()
    assert "1\xa0234,5\xa0km" in html
    assert "status-achieved" in html


def test_it_shows_an_override_and_the_computed_status(
    client, recorder, indicator, make_reading
):
    make_reading(indicator, 2025, "130", user=recorder)
    indicator.status_override = "at_risk"
    indicator.override_justification = "Rahoitus on epävarma."
    indicator.save()
    client.force_login(recorder)
    html = client.get("/omat/").content.decode()
    assert "status-at_risk" in html
    assert "asetettu käsin; laskettu: etenee tavoitteen mukaisesti" in html


def test_it_lists_only_my_departments_active_indicators(
    client, recorder, education, make_indicator
):
    make_indicator(name="Oma mittari")
    make_indicator(name="Toisen toimialan mittari", department=education)
    make_indicator(name="Poistunut mittari", is_active=False)
    client.force_login(recorder)
    html = client.get("/omat/").content.decode()
    assert "Oma mittari" in html
    assert "Toisen toimialan mittari" not in html
    assert "Poistunut mittari" not in html
    assert "Aseta tila" not in html


@pytest.mark.parametrize("who", ["coordinator", "superuser"])
def test_coordinators_see_every_department(
    client, request, education, make_indicator, who
):
    make_indicator(name="Oma mittari")
    other = make_indicator(name="Toisen toimialan mittari", department=education)
    client.force_login(request.getfixturevalue(who))
    html = client.get("/omat/").content.decode()
    assert "Oma mittari" in html
    assert "Toisen toimialan mittari" in html
    assert f'href="/mittarit/{other.pk}/tila/"' in html


def test_it_links_a_coordinator_with_staff_status_to_the_admin(
    client, coordinator, indicator
):
    # Without staff status the admin would refuse them: no link then.
    client.force_login(coordinator)
    assert 'href="/hallinta/"' not in client.get("/omat/").content.decode()
    coordinator.is_staff = True
    coordinator.save()
    html = client.get("/omat/").content.decode()
    assert '<a href="/hallinta/">Strategia-seurannan ylläpito</a>' in html


def test_someone_without_departments_is_told_what_to_do(client, councillor, indicator):
    client.force_login(councillor)
    r = client.get("/omat/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "Sinulle ei ole osoitettu mittareita." in html
    assert indicator.name not in html


def test_it_marks_example_data(client, recorder, make_indicator):
    make_indicator(is_demo=True)
    client.force_login(recorder)
    assert "Esimerkkiaineisto" in client.get("/omat/").content.decode()


def test_it_works_in_english(english, recorder, indicator):
    english.force_login(recorder)
    html = english.get("/omat/").content.decode()
    assert "My indicators" in html
    assert "Overdue" in html


@pytest.mark.parametrize("count", [5, 100])
def test_its_queries_do_not_grow_with_the_indicators(
    client, recorder, make_indicator, make_reading, django_assert_max_num_queries, count
):
    for n in range(count):
        indicator = make_indicator(name=f"Mittari {n}")
        make_reading(indicator, 2025, "130", user=recorder)
        indicator.annual_targets.create(year=2026, value=140)
    client.force_login(recorder)
    # session, user, the user's groups, the user's departments, the current
    # strategy (header), indicators with strategy and department, their latest
    # readings, their annual targets, the user's last reminder; the measures of
    # the user's departments and their latest updates (2).
    with django_assert_max_num_queries(11):
        r = client.get("/omat/")
    assert r.content.decode().count("<tr class=") == count


def test_the_header_links_here_when_logged_in(client, recorder):
    client.force_login(recorder)
    html = client.get("/omat/").content.decode()
    assert '<a class="mine-link" href="/omat/" aria-current="page">' in html
