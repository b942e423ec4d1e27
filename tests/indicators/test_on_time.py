"""The on-time overview (/seuranta/): the rule of which periods count and
which were recorded on time, and the page and its CSV for coordinators only.

Today is 15.6.2026 and the grace period 60 days (``on_2026_06_15``): a
yearly reading of 2025 falls due on 1.1.2026 and its last day on time is
1.3.2026.
"""

import csv
import datetime
import io

import pytest

from indicators.on_time import build_overview, counted_periods
from indicators.periods import Period
from tests.conftest import HELSINKI

DEFINED = datetime.datetime(2024, 1, 15, 10, tzinfo=HELSINKI)


def at(day: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(day).replace(hour=10, tzinfo=HELSINKI)


@pytest.fixture
def scene(on_2026_06_15, make_indicator, make_reading, recorder, other_recorder):
    """Tekniset palvelut: 2024 on time, 2025 a month late. Sivistyspalvelut:
    nothing recorded, overdue since 2025. A draft that counts nowhere."""
    punctual = make_indicator(name="Katuvalot", published_at=DEFINED)
    make_reading(punctual, 2024, "101", user=recorder, created_at=at("2025-02-01"))
    make_reading(punctual, 2025, "104", user=recorder, created_at=at("2026-03-31"))
    silent = make_indicator(
        name="Kirjastokäynnit",
        published_at=DEFINED,
        department=other_recorder.departments.get(),
    )
    make_indicator(name="Luonnos", published_at=None)
    return punctual, silent


def test_it_counts_a_period_in_the_year_its_deadline_falls(on_2026_06_15):
    class Monthly:
        frequency = "monthly"
        published_at = DEFINED

    found = counted_periods(
        Monthly,
        start_year=2024,
        end_year=2028,
        years=(2026, 2025),
        today=datetime.date(2026, 6, 15),
    )
    by_year = {}
    for period, deadline in found:
        by_year.setdefault(deadline.year, []).append(period)
    # Deadlines in 2026 up to today: November 2025 (29.1.) … March 2026 (30.5.);
    # April's (29.6.) is still to come.
    assert by_year[2026] == [
        Period("monthly", 2025, 11),
        Period("monthly", 2025, 12),
        Period("monthly", 2026, 1),
        Period("monthly", 2026, 2),
        Period("monthly", 2026, 3),
    ]
    assert len(by_year[2025]) == 12
    assert by_year[2025][0] == Period("monthly", 2024, 11)


def test_it_counts_nothing_due_before_the_indicator_was_published(on_2026_06_15):
    class Yearly:
        frequency = "yearly"
        published_at = at("2026-01-10")

    found = counted_periods(
        Yearly,
        start_year=2024,
        end_year=2028,
        years=(2026, 2025),
        today=datetime.date(2026, 6, 15),
    )
    # 2024's deadline (1.3.2025) came before it existed; 2025's (1.3.2026) not.
    assert found == [(Period("yearly", 2025), datetime.date(2026, 3, 1))]


def test_it_shares_the_readings_recorded_on_time(strategy, scene):
    overview = build_overview(strategy)
    assert overview.years == (2026, 2025)
    rows = {str(row.department): row for row in overview.departments}
    assert set(rows) == {"Tekniset palvelut", "Sivistyspalvelut"}
    technical = rows["Tekniset palvelut"].shares
    assert (technical[2025].on_time, technical[2025].due) == (1, 1)
    assert (technical[2026].on_time, technical[2026].due) == (0, 1)
    assert technical[2025].text == "100\xa0%"
    assert technical[2026].text == "0\xa0%"
    education = rows["Sivistyspalvelut"].shares
    assert (education[2025].due, education[2026].due) == (1, 1)
    assert education[2026].on_time == 0
    assert [(s.on_time, s.due) for s in overview.totals] == [(0, 2), (1, 2)]


def test_it_lists_the_overdue_with_days_late_and_whom_to_ask(strategy, scene):
    punctual, silent = scene
    overview = build_overview(strategy)
    [late] = overview.overdue
    assert late.indicator == silent
    assert late.period == Period("yearly", 2024)
    # The last day on time was 1.3.2025.
    assert late.deadline == datetime.date(2025, 3, 1)
    assert late.days_late == (datetime.date(2026, 6, 15) - late.deadline).days
    assert late.ask == "Toinen"


def test_it_names_the_person_responsible_first(
    strategy, scene, education, make_reading
):
    from strategy.models import User

    _, silent = scene
    named = User.objects.create_user(
        "vastaava", first_name="Veera", last_name="Vastaava"
    )
    education.members.add(named)
    silent.responsible = named
    silent.save()
    [late] = build_overview(strategy).overdue
    assert late.ask == "Veera Vastaava"


def test_a_withdrawn_reading_replaced_later_was_still_on_time(
    strategy, on_2026_06_15, make_indicator, make_reading, recorder
):
    indicator = make_indicator(published_at=DEFINED)
    first = make_reading(
        indicator, 2025, "104", user=recorder, created_at=at("2026-02-01")
    )
    first.withdrawn_at = at("2026-04-01")
    first.save()
    make_reading(indicator, 2025, "105", user=recorder, created_at=at("2026-04-01"))
    gone = make_indicator(name="Peruttu", published_at=DEFINED)
    only = make_reading(gone, 2025, "1", user=recorder, created_at=at("2026-02-01"))
    only.withdrawn_at = at("2026-04-01")
    only.save()
    rows = {
        (r.indicator.pk, r.period.year): r for r in build_overview(strategy).periods
    }
    assert rows[(indicator.pk, 2025)].on_time
    assert not rows[(gone.pk, 2025)].on_time
    assert rows[(gone.pk, 2025)].recorded is None


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    for path in ("/seuranta/", "/seuranta/csv/"):
        r = client.get(path)
        assert r.status_code == 302
        assert r["Location"].startswith("/kirjaudu/")


@pytest.mark.parametrize("who", ["recorder", "councillor"])
def test_other_roles_are_refused(client, strategy, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get("/seuranta/").status_code == 403
    assert client.get("/seuranta/csv/").status_code == 403


@pytest.mark.parametrize("who", ["coordinator", "superuser", "mayors_office"])
def test_the_coordinator_reads_the_overview(
    client, scene, who, request, django_assert_max_num_queries
):
    client.force_login(request.getfixturevalue(who))
    # Session and user (2), the user's groups (1), the current strategy (1),
    # the indicators with departments and persons responsible, their readings
    # of the two years, their latest readings, the departments' members (4).
    with django_assert_max_num_queries(8):
        r = client.get("/seuranta/")
    assert r.status_code == 200
    page = r.content.decode()
    assert "Kirjausten ajantasaisuus" in page
    assert "Kirjastokäynnit" in page
    assert "Toinen" in page
    assert "100\xa0%" in page
    assert "Luonnos" not in page


def test_the_mayors_office_finds_the_overview_from_the_reports(
    client, scene, mayors_office
):
    client.force_login(mayors_office)
    reports = client.get("/raportit/").content.decode()
    assert 'href="/seuranta/"' in reports
    page = client.get("/seuranta/").content.decode()
    # Its way back leads to the reports, not to an empty /omat/.
    crumbs = page.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/raportit/"' in crumbs
    assert 'href="/omat/"' not in crumbs
    assert client.get("/seuranta/csv/").status_code == 200


def test_the_csv_lists_every_counted_period(client, scene, coordinator):
    client.force_login(coordinator)
    r = client.get("/seuranta/csv/")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/csv")
    assert "attachment" in r["Content-Disposition"]
    text = r.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0][:4] == ["Toimiala", "Mittari", "Mittarin tunnus", "Jakso"]
    body = {(row[1], row[3]): row for row in rows[1:]}
    assert len(body) == 4
    late = body[("Katuvalot", "2025")]
    assert late[4:8] == ["1.3.2026", "31.3.2026", "ei", "30"]
    on_time = body[("Katuvalot", "2024")]
    assert on_time[4:8] == ["1.3.2025", "1.2.2025", "kyllä", "0"]
    missing = body[("Kirjastokäynnit", "2024")]
    assert missing[5:7] == ["", "ei"]
