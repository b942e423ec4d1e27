"""manage.py send_reminders: one digest per person who records readings, each
indicator once when due and once more when overdue, never twice."""

import datetime
import smtplib
from io import StringIO

from django.core import mail
from django.core.management import CommandError, call_command

import pytest
import time_machine

from indicators.models import Reminder
from indicators.reminders import pending_digests, send_digest
from strategy import roles
from tests.conftest import HELSINKI, _user


def _on(day: datetime.date):
    moment = datetime.datetime(day.year, day.month, day.day, 12, 0, tzinfo=HELSINKI)
    return time_machine.travel(moment)


def _run(*args) -> str:
    out = StringIO()
    call_command("send_reminders", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def world(settings, recorder, make_indicator, make_reading):
    """On 15.6.2026 (grace 60 days): the footpaths' 2025 reading is overdue
    (since 2.3.2026), the monthly indicator's May 2026 is due (late from
    31.7.2026), the energy indicator is up to date."""
    settings.INDICATOR_GRACE_DAYS = 60
    settings.SITE_URL = "https://strategia.example.fi"
    recorder.email = "kirjaaja@example.fi"
    recorder.save()
    footpaths = make_indicator()
    make_reading(footpaths, 2024, "110", user=recorder)
    monthly = make_indicator(name="Kävijät", frequency="monthly", status_basis="latest")
    for month in (1, 2, 3, 4):
        make_reading(monthly, 2026, "10", user=recorder, part=month)
    energy = make_indicator(name="Energia")
    make_reading(energy, 2025, "130", user=recorder)
    return footpaths, monthly, energy


JUNE_15 = datetime.date(2026, 6, 15)


def test_it_sends_each_recorder_one_digest_of_due_and_overdue(world):
    footpaths, monthly, energy = world
    with _on(JUNE_15):
        out = _run()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kirjaaja@example.fi"]
    assert message.subject == "Strategia-seuranta: 2 mittaria odottaa kirjausta"
    body = message.body
    assert "Myöhässä:\n\n- Kevyen liikenteen väylät, jakso 2025" in body
    assert "(myöhässä 2.3.2026 alkaen)" in body
    assert "Kirjattavana:\n\n- Kävijät, jakso 5/2026 (viimeistään 31.7.2026)" in body
    assert f"https://strategia.example.fi/mittarit/{footpaths.pk}/kirjaa/" in body
    assert "https://strategia.example.fi/omat/" in body
    assert "Energia" not in body
    assert "Sent to kirjaaja@example.fi (1 overdue, 1 due)." in out
    assert Reminder.objects.count() == 2


def test_a_second_run_sends_nothing(world):
    with _on(JUNE_15):
        _run()
        out = _run()
    with _on(JUNE_15 + datetime.timedelta(days=1)):
        _run()
    assert len(mail.outbox) == 1
    assert "Nothing to remind of" in out


def test_it_reminds_once_more_when_a_period_becomes_overdue(world):
    footpaths, monthly, energy = world
    with _on(JUNE_15):
        _run()
    with _on(datetime.date(2026, 7, 31)):  # May is now late; 2025 still is
        _run()
        _run()
    assert len(mail.outbox) == 2
    body = mail.outbox[1].body
    assert "Myöhässä:\n\n- Kävijät, jakso 5/2026" in body
    assert "Kevyen liikenteen väylät" not in body  # its state has not changed
    assert "Kirjattavana" not in body
    assert set(
        Reminder.objects.filter(indicator=monthly).values_list("part", "due_state")
    ) == {(5, "due"), (5, "overdue")}


def test_a_new_period_is_reminded_of_again(world, recorder, make_reading):
    footpaths, monthly, energy = world
    with _on(JUNE_15):
        _run()
        make_reading(monthly, 2026, "11", user=recorder, part=5)
    with _on(datetime.date(2026, 7, 1)):  # June has ended: due
        _run()
    assert len(mail.outbox) == 2
    assert "- Kävijät, jakso 6/2026" in mail.outbox[1].body


def test_each_member_of_a_department_gets_their_own_digest(world, technical):
    colleague = _user("kollega", roles.RECORDERS, departments=[technical])
    colleague.email = "kollega@example.fi"
    colleague.save()
    with _on(JUNE_15):
        _run()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "kirjaaja@example.fi",
        "kollega@example.fi",
    ]


def test_it_reminds_only_members_with_an_address_of_their_own_indicators(
    world, recorder, other_recorder, coordinator, technical, make_indicator
):
    other_recorder.email = "toinen@example.fi"
    other_recorder.save()
    coordinator.email = "koordinaattori@example.fi"
    coordinator.save()
    no_address = _user("ilman", roles.RECORDERS, departments=[technical])
    gone = _user("lahtenyt", roles.RECORDERS, departments=[technical])
    gone.email, gone.is_active = "lahtenyt@example.fi", False
    gone.save()
    with _on(JUNE_15):
        _run()
    # Education has no indicators; the coordinator belongs to no department.
    assert [m.to for m in mail.outbox] == [["kirjaaja@example.fi"]]
    assert not Reminder.objects.exclude(user=recorder).exists()
    assert no_address.reminders.count() == 0


def test_a_retired_indicator_is_never_reminded_of(world):
    footpaths, monthly, energy = world
    footpaths.is_active = False
    footpaths.save()
    with _on(JUNE_15):
        _run()
    assert "Kevyen liikenteen väylät" not in mail.outbox[0].body


def test_a_dry_run_sends_and_logs_nothing(world):
    with _on(JUNE_15):
        out = _run("--dry-run")
    assert mail.outbox == []
    assert not Reminder.objects.exists()
    assert "Would send to kirjaaja@example.fi (1 overdue, 1 due)" in out


def test_a_failed_send_logs_nothing_and_is_tried_again(world, monkeypatch):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("yhteys katkesi")

    monkeypatch.setattr("indicators.reminders.send_mail", refuse)
    with _on(JUNE_15), pytest.raises(CommandError, match="tried again next run"):
        _run()
    assert not Reminder.objects.exists()
    monkeypatch.undo()
    with _on(JUNE_15):
        _run()
    assert len(mail.outbox) == 1


def test_of_two_runs_at_once_only_one_sends(world):
    with _on(JUNE_15):
        first, second = pending_digests(JUNE_15), pending_digests(JUNE_15)
        assert send_digest(first[0]) is True
        assert send_digest(second[0]) is False
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 2


def test_mine_shows_when_the_user_was_last_reminded(client, world, recorder):
    client.force_login(recorder)
    with _on(JUNE_15):
        before = client.get("/omat/").content.decode()
        _run()
        after = client.get("/omat/").content.decode()
    assert "Sinulle ei ole vielä lähetetty muistutuksia." in before
    assert "Viimeisin muistutus lähetettiin sähköpostiisi 15.6.2026 12.00." in after


def test_mine_says_when_there_is_no_address_to_remind(client, recorder):
    client.force_login(recorder)
    html = client.get("/omat/").content.decode()
    assert "Tunnuksellasi ei ole sähköpostiosoitetta" in html


def test_mine_says_it_in_english(english, world, recorder):
    english.force_login(recorder)
    with _on(JUNE_15):
        _run()
        html = english.get("/omat/").content.decode()
    assert "You were last sent a reminder on 15.6.2026 12:00." in html
