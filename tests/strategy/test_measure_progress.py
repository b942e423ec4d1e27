"""Measures' own progress: the phase rule, the pages, and who may write."""

import datetime

import pytest

from strategy import progress
from strategy.models import ContactPerson, Measure, MeasureUpdate, Phase

# Midsummer 2026 (tests/conftest.py): updates may be dated up to 15.6.2026.
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
MAY_WRITE = {"recorder", "coordinator", "superuser"}


@pytest.fixture
def measure(strategy, technical):
    """Measure 1.2, the responsibility of Tekniset palvelut."""
    m = Measure.objects.get(
        focus_area__strategy=strategy, focus_area__number=1, order=2
    )
    m.department = technical
    m.contact = ContactPerson.objects.create(
        name="Tiina Tekninen",
        title="Rakennuttajainsinööri",
        email="tiina.tekninen@esimerkki.invalid",
    )
    m.save()
    return m


@pytest.fixture
def make_update(recorder):
    def make(measure, date, phase, text="Katsaus.", *, user=None, **fields):
        return MeasureUpdate.objects.create(
            measure=measure,
            date=date,
            phase=phase,
            text=text,
            created_by=user or recorder,
            updated_by=user or recorder,
            **fields,
        )

    return make


def _log_in(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


VALID = {"date": "1.6.2026", "phase": "in_progress", "text": "Hanke on alkanut."}


# -- the rule ------------------------------------------------------------------


def test_it_takes_the_phase_of_the_latest_dated_update(measure, make_update):
    make_update(measure, datetime.date(2026, 5, 1), Phase.DELAYED)
    make_update(measure, datetime.date(2025, 1, 1), Phase.IN_PROGRESS)
    latest = progress.latest_updates([measure.pk])[measure.pk]
    assert progress.phase_of(latest) == Phase.DELAYED


def test_it_takes_the_later_recorded_of_two_updates_on_one_day(measure, make_update):
    day = datetime.date(2026, 5, 1)
    make_update(measure, day, Phase.IN_PROGRESS)
    make_update(measure, day, Phase.DONE)
    latest = progress.latest_updates([measure.pk])[measure.pk]
    assert latest.phase == Phase.DONE


def test_it_has_not_started_a_measure_without_updates(measure):
    assert progress.latest_updates([measure.pk]) == {}
    assert progress.phase_of(None) == Phase.NOT_STARTED


def test_it_counts_the_strategys_measures_by_phase(strategy, measure, make_update):
    make_update(measure, datetime.date(2026, 5, 1), Phase.DONE)
    counts = dict(progress.phase_counts(strategy))
    total = Measure.objects.filter(focus_area__strategy=strategy).count()
    assert counts[Phase.DONE] == 1
    assert counts[Phase.NOT_STARTED] == total - 1
    assert sum(counts.values()) == total
    assert list(counts) == list(Phase)


# -- public pages --------------------------------------------------------------


def test_it_shows_phase_department_contact_and_latest_update_on_the_focus_area(
    client, measure, make_update
):
    make_update(measure, datetime.date(2025, 3, 1), Phase.IN_PROGRESS, "Vanha.")
    make_update(measure, datetime.date(2026, 5, 4), Phase.DELAYED, "Urakka viivästyi.")
    html = client.get("/painopistealueet/1/").content.decode()
    section = html.split('id="toimenpide-2"')[1].split('class="measure"')[0]
    assert "Viivästynyt" in section
    assert "Tekniset palvelut" in section
    # The one contact line of indicators and measures (includes/contact.html).
    assert "Tiina Tekninen, Rakennuttajainsinööri" in section
    assert 'href="mailto:tiina.tekninen@esimerkki.invalid"' in section
    assert "Tilannekatsaus 4.5.2026" in section
    assert "Urakka viivästyi." in section
    assert "Vanha." not in section
    assert f'href="/toimenpiteet/{measure.pk}/"' in section
    # Anonymous visitors get no write link.
    assert "/paivita/" not in html


def test_it_says_when_a_measure_has_no_update_yet(client, measure):
    html = client.get("/painopistealueet/1/").content.decode()
    section = html.split('id="toimenpide-2"')[1].split('class="measure"')[0]
    assert "Ei aloitettu" in section
    assert "ei ole vielä kirjattu tilannekatsausta" in section


def test_it_links_the_update_form_for_those_who_may_write(client, recorder, measure):
    client.force_login(recorder)
    html = client.get("/painopistealueet/1/").content.decode()
    assert f'href="/toimenpiteet/{measure.pk}/paivita/"' in html
    # Measure 1.1 has no department: not this recorder's to write.
    other = Measure.objects.get(focus_area=measure.focus_area, order=1)
    assert f'href="/toimenpiteet/{other.pk}/paivita/"' not in html


def test_it_counts_phases_on_the_home_page(client, strategy, measure, make_update):
    make_update(measure, datetime.date(2026, 5, 4), Phase.DONE)
    html = client.get("/").content.decode()
    block = html.split('class="phase-counts"')[1].split("</section>")[0]
    assert 'phase-done">Valmis</span> <strong class="phase-count">1</strong>' in block
    total = Measure.objects.filter(focus_area__strategy=strategy).count()
    assert (
        f'phase-not_started">Ei aloitettu</span> '
        f'<strong class="phase-count">{total - 1}</strong>'
    ) in block


def test_it_lists_every_update_newest_first_on_the_measure_page(
    client, measure, make_update
):
    make_update(measure, datetime.date(2025, 3, 1), Phase.IN_PROGRESS, "Ensimmäinen.")
    make_update(measure, datetime.date(2026, 5, 4), Phase.DELAYED, "Toinen.")
    r = client.get(f"/toimenpiteet/{measure.pk}/")
    assert r.status_code == 200
    html = r.content.decode()
    assert html.index("Toinen.") < html.index("Ensimmäinen.")
    assert '<time datetime="2026-05-04">4.5.2026</time>' in html
    assert "Tiina Tekninen" in html and "Tekniset palvelut" in html


def test_it_answers_404_for_an_unknown_measure(client, strategy):
    assert client.get("/toimenpiteet/999999/").status_code == 404


def test_it_bounds_the_queries_of_the_measure_page(
    client, measure, make_update, django_assert_max_num_queries
):
    for day in range(1, 20):
        make_update(measure, datetime.date(2026, 5, day), Phase.IN_PROGRESS)
    # The current strategy, the measure with area, department and contact, its
    # updates.
    with django_assert_max_num_queries(3):
        assert client.get(f"/toimenpiteet/{measure.pk}/").status_code == 200


# -- writing -------------------------------------------------------------------


@pytest.mark.parametrize("who", CAST)
def test_it_lets_only_the_department_and_coordinators_write(
    client, request, measure, who
):
    _log_in(client, request, who)
    url = f"/toimenpiteet/{measure.pk}/paivita/"
    get = client.get(url)
    post = client.post(url, VALID)
    if who == "anonymous":
        assert get.status_code == 302 and "/kirjaudu/" in get["Location"]
        assert post.status_code == 302 and "/kirjaudu/" in post["Location"]
        assert not MeasureUpdate.objects.exists()
    elif who in MAY_WRITE:
        assert get.status_code == 200
        assert post.status_code == 302
        assert post["Location"] == f"/toimenpiteet/{measure.pk}/"
        update = MeasureUpdate.objects.get()
        assert update.created_by.username == request.getfixturevalue(who).username
    else:
        assert get.status_code == 403
        assert post.status_code == 403
        assert not MeasureUpdate.objects.exists()


def test_it_refuses_staff_when_the_measure_has_no_department(
    client, recorder, coordinator, measure
):
    measure.department = None
    measure.save()
    client.force_login(recorder)
    assert client.post(f"/toimenpiteet/{measure.pk}/paivita/", VALID).status_code == 403
    client.force_login(coordinator)
    assert client.post(f"/toimenpiteet/{measure.pk}/paivita/", VALID).status_code == 302


def test_it_saves_an_update_typed_the_finnish_way(client, recorder, measure):
    client.force_login(recorder)
    client.post(
        f"/toimenpiteet/{measure.pk}/paivita/",
        {**VALID, "text": "  Hanke alkoi.  ", "text_en": "The project began."},
    )
    update = MeasureUpdate.objects.get()
    assert update.date == datetime.date(2026, 6, 1)
    assert update.phase == Phase.IN_PROGRESS
    assert update.text == "Hanke alkoi."
    assert update.text_en == "The project began."
    assert update.history.count() == 1


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"date": "16.6.2026"}, "date", "Päivämäärä ei voi olla tulevaisuudessa."),
        ({"date": "31.12.2023"}, "date", "strategiakaudella (vuodesta 2024)"),
        ({"date": "31.2.2026"}, "date", "Anna päivämäärä muodossa 27.11.2026."),
        ({"date": ""}, "date", "Anna päivämäärä."),
        ({"phase": "maybe"}, "phase", "Valitse vaihe annetuista vaihtoehdoista."),
        ({"phase": ""}, "phase", "Valitse vaihe."),
        ({"text": "   "}, "text", "Kirjoita lyhyt tilannekatsaus."),
    ],
)
def test_it_refuses_bad_input_next_to_the_field(
    client, recorder, measure, data, field, message
):
    client.force_login(recorder)
    r = client.post(f"/toimenpiteet/{measure.pk}/paivita/", {**VALID, **data})
    assert r.status_code == 200
    assert message in r.context["form"].errors[field][0]
    assert message in r.content.decode()
    assert not MeasureUpdate.objects.exists()


def test_it_refuses_bad_input_in_english(client, english, recorder, measure):
    client.force_login(recorder)
    r = client.post(f"/toimenpiteet/{measure.pk}/paivita/", {**VALID, "text": ""})
    assert "Write a short progress update." in r.content.decode()


def test_it_corrects_an_update_and_keeps_the_old_version(
    client, recorder, measure, make_update
):
    update = make_update(measure, datetime.date(2026, 5, 4), Phase.DELAYED, "Vanha.")
    client.force_login(recorder)
    r = client.post(
        f"/toimenpidepaivitykset/{update.pk}/muokkaa/",
        {"date": "4.5.2026", "phase": "in_progress", "text": "Korjattu."},
    )
    assert r.status_code == 302
    update.refresh_from_db()
    assert update.text == "Korjattu." and update.phase == Phase.IN_PROGRESS
    assert update.updated_by == recorder
    assert [h.text for h in update.history.order_by("history_date")] == [
        "Vanha.",
        "Korjattu.",
    ]


@pytest.mark.parametrize("who", ["anonymous", "other_recorder", "councillor"])
def test_it_refuses_corrections_from_others(client, request, measure, make_update, who):
    update = make_update(measure, datetime.date(2026, 5, 4), Phase.DELAYED, "Vanha.")
    _log_in(client, request, who)
    r = client.post(
        f"/toimenpidepaivitykset/{update.pk}/muokkaa/",
        {"date": "4.5.2026", "phase": "done", "text": "Muutettu."},
    )
    assert r.status_code == (302 if who == "anonymous" else 403)
    update.refresh_from_db()
    assert update.text == "Vanha."


def test_it_answers_404_for_an_unknown_update(client, recorder, strategy):
    client.force_login(recorder)
    assert client.get("/toimenpidepaivitykset/999999/muokkaa/").status_code == 404


def test_it_lists_my_departments_measures_on_my_page(
    client, recorder, other_recorder, coordinator, measure, make_update
):
    make_update(measure, datetime.date(2026, 5, 4), Phase.DELAYED)
    client.force_login(recorder)
    html = client.get("/omat/").content.decode()
    block = html.split('class="my-measures"')[1].split("</section>")[0]
    assert f'href="/toimenpiteet/{measure.pk}/paivita/"' in block
    assert 'phase-delayed">Viivästynyt</span>' in block
    assert block.count("<li>") == 1  # only measure 1.2 is Tekniset palvelut's
    client.force_login(other_recorder)
    assert 'class="my-measures"' not in client.get("/omat/").content.decode()
    client.force_login(coordinator)
    html = client.get("/omat/").content.decode()
    total = Measure.objects.filter(focus_area__strategy=measure.focus_area.strategy)
    block = html.split('class="my-measures"')[1].split("</section>")[0]
    assert block.count("<li>") == total.count()


def test_a_coordinator_names_the_department_and_contact_in_the_admin(
    client, staff_coordinator, technical, strategy
):
    measure = Measure.objects.get(focus_area__number=2, order=1)
    text = measure.text
    contact = ContactPerson.objects.create(name="Tiina Tekninen", title="Insinööri")
    client.force_login(staff_coordinator)
    url = f"/hallinta/strategy/measure/{measure.pk}/change/"
    assert client.get(url).status_code == 200
    r = client.post(
        url,
        {
            "department": technical.pk,
            "contact": contact.pk,
            "text": "Muutettu strategiateksti.",
        },
    )
    assert r.status_code == 302
    measure.refresh_from_db()
    assert measure.department == technical
    assert measure.contact == contact
    assert measure.text == text  # the strategy's words are not theirs to change
