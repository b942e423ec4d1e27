import datetime
import re
from io import StringIO

from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest

from indicators.demo import DEMO_PASSWORD, load_demo
from indicators.due import DueState
from indicators.loading import load_states
from indicators.models import AnnualTarget, Indicator, Reading
from indicators.overview import summarise
from indicators.periods import Period
from indicators.status import Status, assess_numeric, needs_explanation
from indicators.worklist import due_of
from strategy import roles
from strategy.models import Department, FocusArea, Measure, MeasureUpdate, User

TODAY = datetime.date(2026, 11, 27)
DEMO_USERS = ["kirjaaja", "sivistys", "koordinaattori", "kanslia", "valtuutettu"]


def run() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(strategy):
    return load_demo(debug=False, today=TODAY)


def snapshot() -> dict:
    """Every value the command writes, and the history it leaves."""
    return {
        "departments": list(Department.objects.values_list("name", "name_en")),
        "members": sorted(Department.members.through.objects.values_list("pk")),
        "users": list(
            User.objects.order_by("username").values_list(
                "username", "password", "is_staff", "is_superuser", "email"
            )
        ),
        "groups": sorted(User.groups.through.objects.values_list("pk")),
        "indicators": list(Indicator.objects.order_by("pk").values()),
        "measures": sorted(Indicator.measures.through.objects.values_list("pk")),
        "targets": list(AnnualTarget.objects.order_by("pk").values()),
        "readings": list(Reading.objects.order_by("pk").values()),
        "measure_owners": list(
            Measure.objects.order_by("pk").values_list("department", "contact")
        ),
        "measure_updates": list(MeasureUpdate.objects.order_by("pk").values()),
        "history": (
            Indicator.history.count(),
            AnnualTarget.history.count(),
            Reading.history.count(),
        ),
    }


def test_it_refuses_without_the_strategy(db):
    with pytest.raises(CommandError, match="run load_strategy first"):
        call_command("load_demo", stdout=StringIO())
    assert Department.objects.count() == 0
    assert User.objects.count() == 0
    assert Indicator.objects.count() == 0


def test_it_changes_nothing_on_a_second_run(strategy, settings):
    settings.DEBUG = True
    run()
    before = snapshot()
    assert len(before["readings"]) > 100
    out = run()
    assert snapshot() == before
    assert "nothing changed" in out


def test_it_changes_nothing_on_a_second_run_without_debug(strategy, settings):
    settings.DEBUG = False
    run()
    before = snapshot()
    out = run()
    assert snapshot() == before
    assert "nothing changed" in out


def test_it_labels_everything_as_example_data(strategy, settings):
    settings.DEBUG = False
    out = run()
    assert "Esimerkkiaineisto (demo data)" in out
    assert Indicator.objects.count() == Indicator.objects.filter(is_demo=True).count()
    assert Indicator.objects.count() >= 16


def test_it_adds_indicators_of_both_kinds_to_every_focus_area(demo):
    for area in FocusArea.objects.all():
        indicators = Indicator.objects.filter(measures__focus_area=area).distinct()
        kinds = set(indicators.values_list("kind", flat=True))
        assert indicators.count() >= 3, area
        assert kinds == {"numeric", "qualitative"}, area


def test_it_links_indicators_to_measures_and_success_factors(demo):
    for indicator in Indicator.objects.all():
        assert indicator.measures.exists(), indicator
    assert (
        Indicator.objects.filter(success_factors__isnull=False).distinct().count() >= 5
    )
    # Focus area 3 has one measure; its indicators all hang on it.
    area3 = Indicator.objects.filter(measures__focus_area__number=3).distinct()
    assert {m.code for i in area3 for m in i.measures.all()} == {"3.1"}


def test_it_names_the_real_sources(demo):
    sources = {i.name: i for i in Indicator.objects.all()}
    assert "Tilastokeskus" in sources["Väkiluku"].data_source
    assert "Työnvälitystilasto" in sources["Työttömyysaste"].data_source
    assert "yritysrekisteri" in sources["Yritysten toimipaikat"].data_source
    assert "SYKE" in sources["Kasvihuonekaasupäästöt"].data_source
    assert "Valtiokonttori" in sources["Vuosikate"].data_source
    assert "tutkikuntia.fi" in sources["Vuosikate"].source_url
    morbidity = sources["Sairastavuusindeksi"]
    assert "Sotkanet" in morbidity.data_source
    assert morbidity.external_id == "5641"
    assert (
        "Vipunen"
        in sources[
            "Perusopetuksen päättäneiden sijoittuminen jatko-opintoihin"
        ].data_source
    )
    for indicator in sources.values():
        assert indicator.data_source and indicator.data_source_en, indicator
        assert indicator.name_en and indicator.description_en, indicator
        if indicator.source_url:
            assert indicator.source_url.startswith("https://"), indicator
        if indicator.is_numeric:
            assert indicator.unit and indicator.unit_en, indicator


def test_it_covers_every_direction_frequency_and_visibility(demo):
    demo_indicators = Indicator.objects.all()
    numeric = demo_indicators.filter(kind="numeric")
    assert set(numeric.values_list("direction", flat=True)) == {
        "increase",
        "decrease",
        "hold",
    }
    assert set(demo_indicators.values_list("frequency", flat=True)) == {
        "yearly",
        "quarterly",
        "monthly",
    }
    assert AnnualTarget.objects.filter(indicator__is_demo=True).count() >= 5
    assert demo_indicators.filter(is_public=False).count() == 1
    assert demo_indicators.exclude(status_override="").count() == 1
    assert not demo_indicators.filter(
        status_override__gt="", override_justification=""
    ).exists()


def test_it_yields_a_mix_of_statuses(demo, django_assert_max_num_queries):
    # Indicators with strategy and department, latest readings, annual targets,
    # measure links, the last year's readings of those judged on a year's mean.
    with django_assert_max_num_queries(5):
        states = load_states(Indicator.objects.filter(is_demo=True))
        counts = dict(summarise(states).by_status)
    assert counts[Status.ACHIEVED] >= 1
    assert counts[Status.ON_TRACK] >= 1
    assert counts[Status.AT_RISK] >= 1
    assert counts[Status.OFF_TRACK] >= 1
    assert counts[Status.NO_DATA] == 1


def test_it_leaves_one_indicator_without_readings(demo):
    empty = Indicator.objects.filter(readings__isnull=True)
    assert [i.name for i in empty] == ["Omistajaohjauksen toimivuus"]


def test_it_explains_readings_that_fall_behind(demo):
    readings = Reading.objects.select_related("indicator").prefetch_related(
        "indicator__annual_targets"
    )
    explained = 0
    for reading in readings.filter(indicator__kind="numeric"):
        indicator = reading.indicator
        if reading.year < 2024:
            # Before the strategy period: context, never judged; a note of its
            # own, if any, but no made-up explanation of a status.
            assert "lähtötaso" not in reading.narrative, reading
            continue
        targets = {t.year: t.value for t in indicator.annual_targets.all()}
        status = assess_numeric(indicator, reading.value, reading.year, targets).status
        if needs_explanation(status):
            assert reading.narrative.strip(), reading
            explained += 1
        assert reading.evidence, reading
    assert explained > 0


def test_it_gives_qualitative_readings_a_status_and_a_narrative(demo):
    readings = Reading.objects.filter(indicator__kind="qualitative")
    assert readings.count() >= 6
    for reading in readings:
        assert reading.value is None
        assert reading.qualitative_status in Status.values
        sentences = re.findall(r"[.!?](?:\s|$)", reading.narrative)
        assert 2 <= len(sentences) <= 4, reading
        assert reading.evidence, reading


def test_it_records_only_periods_that_have_ended(demo):
    by_name = {i.name: i for i in Indicator.objects.all()}

    def periods_of(name):
        return list(by_name[name].readings.values_list("year", "part"))

    population = periods_of("Väkiluku")
    assert population == [(y, 0) for y in range(2020, 2026)]
    unemployment = periods_of("Työttömyysaste")
    assert unemployment[0] == (2020, 1)
    assert unemployment[-1] == (2026, 10)  # November has not ended
    assert len(unemployment) == 6 * 12 + 10
    e_services = periods_of("Sähköisen asioinnin osuus")
    assert e_services[0] == (2020, 1)
    assert e_services[-1] == (2026, 3)
    assert all(r.period_end < TODAY for r in Reading.objects.all())


def test_it_leaves_the_current_year_to_record(strategy):
    load_demo(debug=False, today=datetime.date(2027, 6, 1))
    yearly = Reading.objects.filter(indicator__frequency="yearly")
    assert max(yearly.values_list("year", flat=True)) == 2025
    unemployment = Reading.objects.filter(indicator__name="Työttömyysaste")
    assert unemployment.latest_first().first().period == Period("monthly", 2027, 5)


def test_it_adds_new_periods_on_a_later_run(strategy):
    load_demo(debug=False, today=TODAY)
    count = Reading.objects.count()
    load_demo(debug=False, today=datetime.date(2027, 1, 5))
    # November and December 2026 and the fourth quarter of 2026 have ended.
    assert Reading.objects.count() == count + 3


def test_it_leaves_the_demo_recorder_something_to_do(demo):
    recorder = User.objects.get(username="kirjaaja")
    mine = load_states(Indicator.objects.filter(department__members=recorder))
    dues = {s.definition.name.fi: due_of(s, TODAY) for s in mine}
    assert len(dues) >= 3
    broadband = dues["Nopean laajakaistan saatavuus"]
    assert broadband.state == DueState.OVERDUE
    assert broadband.period == Period("yearly", 2025)
    assert [n for n, d in dues.items() if d.state != DueState.OK] == [
        "Nopean laajakaistan saatavuus"
    ]


def test_it_adds_one_demo_user_per_role(demo):
    users = {u.username: u for u in User.objects.all()}
    recorder = users["kirjaaja"]
    assert roles.in_group(recorder, roles.RECORDERS)
    assert [d.name for d in recorder.departments.all()] == ["Tekniset palvelut"]
    other = users["sivistys"]
    assert roles.in_group(other, roles.RECORDERS)
    assert [d.name for d in other.departments.all()] == ["Sivistyspalvelut"]
    coordinator = users["koordinaattori"]
    assert roles.is_coordinator(coordinator)
    assert coordinator.is_staff and not coordinator.is_superuser
    assert roles.is_mayors_office(users["kanslia"])
    assert not roles.is_coordinator(users["kanslia"])
    assert roles.in_group(users["valtuutettu"], roles.COUNCILLORS)
    assert not users["valtuutettu"].is_staff
    assert users["paakayttaja"].is_superuser
    assert set(Department.objects.values_list("name", flat=True)) >= {
        "Konsernipalvelut",
        "Sivistyspalvelut",
        "Tekniset palvelut",
        "Elinvoimapalvelut",
    }


def test_it_attributes_everything_to_demo_users(demo):
    recorder = User.objects.get(username="kirjaaja")
    coordinator = User.objects.get(username="koordinaattori")
    emissions = Reading.objects.filter(indicator__name="Kasvihuonekaasupäästöt")
    assert set(emissions.values_list("created_by", "updated_by")) == {
        (recorder.pk, recorder.pk)
    }
    vitality = Reading.objects.filter(indicator__department__name="Elinvoimapalvelut")
    assert set(vitality.values_list("created_by", flat=True)) == {coordinator.pk}
    first = Reading.history.filter(indicator_id__in=emissions.values("indicator"))
    assert set(first.values_list("history_user", flat=True)) == {recorder.pk}
    assert set(Indicator.history.values_list("history_user", flat=True)) == {
        coordinator.pk
    }


def test_it_shows_the_password_only_when_debug_is_on(strategy, settings, client):
    settings.DEBUG = True
    out = run()
    assert DEMO_PASSWORD in out
    assert "DEBUG is on" in out
    for name in DEMO_USERS:
        assert User.objects.get(username=name).check_password(DEMO_PASSWORD)
    assert client.login(username="kirjaaja", password=DEMO_PASSWORD)


def test_it_leaves_demo_users_without_a_password_when_debug_is_off(
    strategy, settings, client
):
    settings.DEBUG = False
    out = run()
    assert DEMO_PASSWORD not in out
    assert "DEBUG is off" in out
    assert User.objects.filter(username__in=DEMO_USERS).count() == len(DEMO_USERS)
    for user in User.objects.all():
        assert not user.has_usable_password(), user
    assert not client.login(username="kirjaaja", password=DEMO_PASSWORD)


def test_it_locks_the_published_password_when_run_without_debug(strategy, settings):
    settings.DEBUG = True
    run()
    settings.DEBUG = False
    out = run()
    assert DEMO_PASSWORD not in out
    assert "made unusable" in out
    for user in User.objects.all():
        assert not user.has_usable_password(), user


def test_it_sets_the_password_when_debug_is_turned_on(strategy, settings):
    settings.DEBUG = False
    run()
    settings.DEBUG = True
    out = run()
    assert DEMO_PASSWORD in out
    user = User.objects.get(username="kirjaaja")
    assert user.check_password(DEMO_PASSWORD)


def test_it_keeps_a_password_changed_in_the_demo(strategy, settings):
    settings.DEBUG = True
    run()
    user = User.objects.get(username="kirjaaja")
    user.set_password("oma-salasana-1")
    user.save()
    run()
    user.refresh_from_db()
    assert user.check_password("oma-salasana-1")


def test_it_refuses_to_take_over_a_real_account(strategy):
    User.objects.create_user("kirjaaja", email="kaisa@kemijarvi.fi", password="x")
    with pytest.raises(CommandError, match="kirjaaja"):
        call_command("load_demo", stdout=StringIO())
    user = User.objects.get(username="kirjaaja")
    assert user.email == "kaisa@kemijarvi.fi"
    assert user.check_password("x")
    assert User.objects.count() == 1
    assert Department.objects.count() == 0
    assert Indicator.objects.count() == 0


def test_it_keeps_what_was_recorded_in_the_demo(demo):
    recorder = User.objects.get(username="kirjaaja")
    broadband = Indicator.objects.get(name="Nopean laajakaistan saatavuus")
    Reading.objects.create(
        indicator=broadband,
        year=2025,
        value="66.0",
        created_by=recorder,
        updated_by=recorder,
    )
    emissions = Reading.objects.get(indicator__name="Kasvihuonekaasupäästöt", year=2024)
    emissions.withdrawn_at = timezone.now()
    emissions.withdrawn_reason = "Väärä luku"
    emissions.save()
    broadband.target_value = 85
    broadband.save()
    count = Reading.objects.count()

    load_demo(debug=False, today=TODAY)

    assert Reading.objects.count() == count
    assert (
        not Reading.objects.valid()
        .filter(indicator__name="Kasvihuonekaasupäästöt", year=2024)
        .exists()
    )
    broadband.refresh_from_db()
    assert broadband.target_value == 85
    assert broadband.readings.get(year=2025).value == 66


def test_it_leaves_one_draft_and_names_contacts(demo):
    drafts = Indicator.objects.filter(published_at__isnull=True)
    assert list(drafts.values_list("name", flat=True)) == [
        "Omistajaohjauksen toimivuus"
    ]
    broadband = Indicator.objects.get(name="Nopean laajakaistan saatavuus")
    assert str(broadband.contact) == "Markku Ojala, tietoliikenneasiantuntija"
    assert broadband.responsible.username == "kirjaaja"
    # A department without a recorder of its own has nobody named.
    assert Indicator.objects.get(name="Väkiluku").responsible is None


def test_it_adds_example_progress_to_some_measures(demo, client):
    updates = MeasureUpdate.objects.select_related("measure__department")
    assert updates.count() == demo.created["measure updates"] > 0
    assert all(u.is_demo for u in updates)
    assert all(u.date <= TODAY for u in updates)
    # Written by a member of the measure's department, or the coordinator.
    for update in updates:
        writer = update.created_by
        assert (
            update.measure.department.members.filter(pk=writer.pk).exists()
            or writer.username == "koordinaattori"
        )
    html = client.get("/painopistealueet/1/").content.decode()
    assert "Viivästynyt" in html
    assert "Esimerkki" in html.split('id="toimenpide-2"')[1]
