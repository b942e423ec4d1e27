"""/raportit/<pk>/muokkaa/: two people on one draft — nobody's text is lost."""

import re

import pytest

from reports import services
from reports.forms import DraftForm
from strategy.models import User

from .test_report_edit import _report_data


def _opened(client, report) -> dict:
    """The form's fields as a browser would send them back, unchanged."""
    html = client.get(f"/raportit/{report.pk}/muokkaa/").content.decode()
    loaded = re.search(r'name="loaded_version" value="([^"]*)"', html).group(1)
    data = _report_data(loaded_version=loaded)
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


def test_a_save_after_the_report_was_published_is_refused(
    client, mayors_office, report, recorded
):
    client.force_login(mayors_office)
    data = _opened(client, report)
    services.report_publish(report=report, user=User.objects.get(pk=mayors_office.pk))
    data["introduction"] = "Myöhästynyt muutos."
    r = client.post(f"/raportit/{report.pk}/muokkaa/", data)
    # The edit page of a published report sends its editor to the report.
    assert r.status_code == 302
    report.refresh_from_db()
    assert report.introduction != "Myöhästynyt muutos."


def test_a_report_published_between_loading_and_saving_is_not_changed(report):
    form = DraftForm(instance=report, strategy=report.strategy)
    loaded = report.updated_at
    assert form.initial["loaded_version"] == loaded.isoformat()
    report.status = "published"
    report.published_by = User.objects.create_user("julkaisija")
    report.published_at = loaded
    report.frozen = {}
    report.save()
    conflict = services.claim_draft(report, loaded)
    assert conflict is not None and conflict.is_published


@pytest.mark.parametrize("loaded_version", ["", "eilen", "2025-13-45T00:00"])
def test_a_missing_or_garbled_version_saves_nothing(
    client, mayors_office, report, loaded_version
):
    client.force_login(mayors_office)
    data = _opened(client, report)
    data["loaded_version"] = loaded_version
    data["alue-1-successes"] = "Ei tallennu."
    r = client.post(f"/raportit/{report.pk}/muokkaa/", data)
    assert r.status_code == 409
    assert report.sections.get(focus_area__number=1).successes == ""


def test_it_explains_the_refusal_in_english(english, mayors_office, report):
    english.force_login(mayors_office)
    data = _opened(english, report)
    data["loaded_version"] = ""
    r = english.post(f"/raportit/{report.pk}/muokkaa/", data)
    assert r.status_code == 409
    html = r.content.decode()
    assert "Your changes were not saved." in html
    assert "saved the draft at" in html and "Nothing was overwritten." in html
