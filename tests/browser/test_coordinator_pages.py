"""The coordinator's pages in Chromium: the on-time overview, departments and
their members (also with a refused form), a draft indicator with its publish
button, and the contact persons on public pages. axe (WCAG 2.1 A and AA) in
Finnish and English, and no sideways scrolling on a 320 px phone; then the
flow: attach a person to a second department and publish a draft."""

import pytest

from strategy.models import ContactPerson, Department, Measure
from tests.browser.helpers import axe_violations, log_in, switch_language
from tests.browser.test_reflow import sideways

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def coordinated(site, coordinator, make_indicator, education):
    contact = ContactPerson.objects.create(
        name="Maija Mäkinen",
        title="kunnossapitopäällikkö",
        title_en="head of maintenance",
        email="kunnossapito@example.fi",
    )
    numeric = site.indicators["numeric"]
    numeric.contact = contact
    numeric.save()
    Measure.objects.filter(focus_area__number=1, order=2).update(contact=contact)
    Department.objects.create(name="Elinvoimapalvelut")  # nobody in it
    site.indicators["draft"] = make_indicator(
        name="Omistajaohjauksen toimivuus", published_at=None
    )
    return site


PAGES = [
    "/seuranta/",
    "/toimialat/",
    "/mittarit/{draft}/",
    "/mittarit/{numeric}/",
    "/painopistealueet/1/",
]


def test_the_coordinators_pages_pass_axe_and_fit_a_phone(
    phone, live_server, coordinated
):
    log_in(phone, live_server.url, "koordinaattori")
    found = {}
    for language in ("fi", "en"):
        if language == "en":
            switch_language(phone, "In English")
        for path in PAGES:
            url = live_server.url + path.format(
                **{k: i.pk for k, i in coordinated.indicators.items()}
            )
            assert phone.goto(url).status == 200, path
            problems = axe_violations(phone) + sideways(phone)
            if problems:
                found[f"{path} ({language})"] = problems
    assert found == {}


def test_a_refused_member_form_passes_axe(page, live_server, coordinated):
    log_in(page, live_server.url, "koordinaattori")
    page.goto(f"{live_server.url}/toimialat/")
    form = page.locator("form").filter(has=page.get_by_label("Liitä toimialaan")).first
    with page.expect_navigation():
        form.get_by_role("button", name="Liitä").click()
    assert "Valitse henkilö." in page.content()
    assert axe_violations(page) == []


def test_the_coordinator_attaches_staff_and_publishes_a_draft(
    page, live_server, coordinated, education
):
    log_in(page, live_server.url, "koordinaattori")
    page.goto(f"{live_server.url}/toimialat/")
    section = page.locator(f"#toimiala-{education.pk}")
    section.get_by_label("Liitä toimialaan").select_option(label="Kirjaaja (kirjaaja)")
    with page.expect_navigation():
        section.get_by_role("button", name="Liitä").click()
    assert "Kirjaaja (kirjaaja) liitettiin toimialaan Sivistyspalvelut." in (
        page.content()
    )
    assert education.members.filter(username="kirjaaja").exists()

    draft = coordinated.indicators["draft"]
    page.goto(f"{live_server.url}/mittarit/{draft.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Julkaise mittari").click()
    assert "Mittari julkaistiin" in page.content()
    draft.refresh_from_db()
    assert draft.is_published
