"""Contact persons: shown on an indicator's and a measure's public page; the
person responsible for recording shown to staff on /omat/, never publicly."""

from django.core.exceptions import ValidationError

import pytest

from strategy.models import Measure, User


@pytest.fixture
def responsible(technical):
    user = User.objects.create_user(
        "vastaava", first_name="Ville", last_name="Vastaava"
    )
    technical.members.add(user)
    return user


def test_an_indicator_page_shows_its_contact(client, make_indicator, contact):
    indicator = make_indicator(contact=contact)
    page = client.get(f"/mittarit/{indicator.pk}/").content.decode()
    assert "Yhteyshenkilö:" in page
    assert "Maija Mäkinen, kunnossapitopäällikkö" in page
    assert 'href="mailto:kunnossapito@example.fi"' in page


def test_it_shows_the_title_in_english(english, make_indicator, contact):
    indicator = make_indicator(contact=contact)
    page = english.get(f"/mittarit/{indicator.pk}/").content.decode()
    assert "Maija Mäkinen, head of maintenance" in page


def test_an_email_is_optional(client, make_indicator, contact):
    contact.email = ""
    contact.save()
    indicator = make_indicator(contact=contact)
    page = client.get(f"/mittarit/{indicator.pk}/").content.decode()
    assert "Maija Mäkinen, kunnossapitopäällikkö" in page
    assert "mailto:" not in page


def test_no_contact_no_line(client, indicator):
    assert (
        "Yhteyshenkilö:"
        not in client.get(f"/mittarit/{indicator.pk}/").content.decode()
    )


def test_a_measure_shows_its_contact(client, strategy, contact):
    measure = Measure.objects.get(focus_area__number=1, order=2)
    measure.contact = contact
    measure.save()
    page = client.get("/painopistealueet/1/").content.decode()
    section = page.split(f'id="measure-{measure.pk}"')[1].split("</section>")[0]
    assert "Maija Mäkinen, kunnossapitopäällikkö" in section


def test_the_person_responsible_shows_on_mine_only(
    client, make_indicator, responsible, recorder
):
    indicator = make_indicator(responsible=responsible)
    client.force_login(recorder)
    assert "Kirjaa: Ville Vastaava" in client.get("/omat/").content.decode()
    client.logout()
    page = client.get(f"/mittarit/{indicator.pk}/").content.decode()
    assert "Ville Vastaava" not in page


def test_the_person_responsible_belongs_to_the_department(
    make_indicator, other_recorder, responsible
):
    indicator = make_indicator(responsible=other_recorder)
    with pytest.raises(ValidationError) as refused:
        indicator.full_clean()
    assert "responsible" in refused.value.message_dict
    indicator.responsible = responsible
    indicator.full_clean()


def test_the_admin_names_a_contact(client, staff_coordinator, indicator, contact):
    client.force_login(staff_coordinator)
    page = client.get(f"/hallinta/indicators/indicator/{indicator.pk}/change/")
    assert page.status_code == 200
    assert 'name="contact"' in page.content.decode()
    assert 'name="responsible"' in page.content.decode()
