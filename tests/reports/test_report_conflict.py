"""/raportit/<pk>/muokkaa/: two people on one draft — nobody's text is lost."""

import re

from django.utils import timezone

import pytest

from indicators.locking import Conflict
from reports import services
from reports.models import MidtermReport

from .test_report_edit import _report_data


def _opened(client, report) -> dict:
    """The form's fields as a browser would send them back, unchanged."""
    html = client.get(f"/raportit/{report.pk}/muokkaa/").content.decode()
    loaded = re.search(r'name="lock_version" value="([^"]*)"', html).group(1)
    data = _report_data(lock_version=loaded)
    for number in (1, 2, 3, 4):
        for field in ("successes", "impacts", "challenges"):
            for suffix in ("", "_en"):
                data[f"alue-{number}-{field}{suffix}"] = ""
    return data


@pytest.fixture
def colleague(mayors_office, django_user_model):
    user = django_user_model.objects.create_user(
        "kanslia2", password="x", first_name="Kaisa", last_name="Kollega"
    )
    user.groups.set(mayors_office.groups.all())
    return user


def test_a_draft_saved_from_a_freshly_opened_page_is_saved_every_time(
    client, mayors_office, report
):
    client.force_login(mayors_office)
    for text in ("Ensimmäinen.", "Toinen."):
        data = _opened(client, report)
        data["alue-1-successes"] = text
        r = client.post(f"/raportit/{report.pk}/muokkaa/", data)
        assert r.status_code == 302
        assert report.sections.get(focus_area__number=1).successes == text


def test_the_later_save_from_an_outdated_page_is_refused_and_shown_back(
    client, mayors_office, colleague, report
):
    client.force_login(mayors_office)
    mine = _opened(client, report)
    other = client.__class__()
    other.force_login(colleague)
    theirs = _opened(other, report)

    theirs["alue-2-impacts"] = "Kollegan teksti."
    assert other.post(f"/raportit/{report.pk}/muokkaa/", theirs).status_code == 302

    mine["alue-2-impacts"] = "Minun tekstini."
    mine["title"] = "Minun otsikkoni"
    r = client.post(f"/raportit/{report.pk}/muokkaa/", mine)
    assert r.status_code == 409
    html = r.content.decode()
    assert "Muutoksiasi ei tallennettu." in html
    assert "Kaisa Kollega tallensi luonnoksen" in html
    assert f'href="/raportit/{report.pk}/muokkaa/">Avaa luonnos uudelleen</a>' in html
    assert "Minun tekstini." in html  # kept on the page to copy
    # The colleague's save stands; nothing of mine was written.
    report.refresh_from_db()
    assert report.title == "Väliraportti 2026"
    assert report.sections.get(focus_area__number=2).impacts == "Kollegan teksti."


def _published_meanwhile(report, user) -> None:
    """Publish without moving the lock version: the claim itself must see it."""
    MidtermReport.objects.filter(pk=report.pk).update(
        status="published", published_by=user, published_at=timezone.now(), frozen={}
    )


def test_the_claim_refuses_a_report_published_meanwhile(report, colleague):
    loaded = report.lock_version
    _published_meanwhile(report, colleague)
    with pytest.raises(Conflict) as refused:
        services.claim_draft(report, loaded)
    assert refused.value.current.is_published


def test_the_refusal_says_the_report_was_published(
    client, mayors_office, colleague, report, monkeypatch
):
    client.force_login(mayors_office)
    data = _opened(client, report)
    data["introduction"] = "Myöhästynyt muutos."
    real_claim = services.claim_draft

    def publish_then_claim(report_, lock_version):
        # Someone publishes between the view's check and the save.
        _published_meanwhile(report_, colleague)
        return real_claim(report_, lock_version)

    monkeypatch.setattr(services, "claim_draft", publish_then_claim)
    r = client.post(f"/raportit/{report.pk}/muokkaa/", data)
    assert r.status_code == 409
    html = r.content.decode()
    assert "Kaisa Kollega julkaisi raportin" in html
    assert "Myöhästynyt muutos." in html
    report.refresh_from_db()
    assert report.introduction != "Myöhästynyt muutos."


def test_a_second_click_on_save_says_you_saved_it_yourself(
    client, mayors_office, report
):
    client.force_login(mayors_office)
    data = _opened(client, report)
    data["alue-1-successes"] = "Kerran."
    assert client.post(f"/raportit/{report.pk}/muokkaa/", data).status_code == 302
    r = client.post(f"/raportit/{report.pk}/muokkaa/", data)
    assert r.status_code == 409
    html = r.content.decode()
    assert "Tallensit luonnoksen" in html
    assert "tallensi luonnoksen" not in html


# Thousands of digits: int() fails past 4 300, once a server error (tests/fuzz/).
@pytest.mark.parametrize("lock_version", ["", "eilen", "-1", "٣", "1" * 5000])
def test_a_missing_or_garbled_version_saves_nothing(
    client, mayors_office, report, lock_version
):
    client.force_login(mayors_office)
    data = _opened(client, report)
    data["lock_version"] = lock_version
    data["alue-1-successes"] = "Ei tallennu."
    r = client.post(f"/raportit/{report.pk}/muokkaa/", data)
    assert r.status_code == 409
    assert "Sivu on vanhentunut" in r.content.decode()
    assert report.sections.get(focus_area__number=1).successes == ""


def test_it_explains_the_refusal_in_english(english, mayors_office, report):
    english.force_login(mayors_office)
    data = _opened(english, report)
    data["lock_version"] = ""
    r = english.post(f"/raportit/{report.pk}/muokkaa/", data)
    assert r.status_code == 409
    html = r.content.decode()
    assert "Your changes were not saved." in html
    assert "The page is out of date" in html and "Nothing was overwritten." in html
