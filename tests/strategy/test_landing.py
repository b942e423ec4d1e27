"""Landing by role after login, and the header login link's ``next``."""

from django.urls import NoReverseMatch, reverse

import pytest

from strategy.landing import _first_url

LOGIN = {"password": "salasana-123"}


def _on_time_or_mine() -> str:
    # The coordinator's on-time overview is built on another branch; until it
    # is merged the coordinator lands on /omat/.
    try:
        return reverse("indicators:on_time")
    except NoReverseMatch:
        return "/omat/"


def _login(client, user, **extra):
    return client.post("/kirjaudu/", {"username": user.username, **LOGIN, **extra})


def test_it_lands_staff_on_their_indicators(client, recorder):
    assert _login(client, recorder)["Location"] == "/omat/"


def test_it_lands_the_mayors_office_on_the_reports(client, mayors_office):
    assert _login(client, mayors_office)["Location"] == "/raportit/"


def test_it_lands_a_councillor_on_the_home_page(client, councillor):
    assert _login(client, councillor)["Location"] == "/"


def test_it_lands_the_coordinator_on_the_on_time_overview(client, coordinator):
    assert _login(client, coordinator)["Location"] == _on_time_or_mine()


def test_it_lands_a_superuser_where_the_coordinator_lands(client, superuser):
    assert _login(client, superuser)["Location"] == _on_time_or_mine()


def test_it_lands_someone_without_a_role_on_the_home_page(client, db):
    from strategy.models import User

    user = User.objects.create_user("ilman", password=LOGIN["password"])
    assert _login(client, user)["Location"] == "/"


def test_a_safe_next_address_wins_over_the_role(client, mayors_office, indicator):
    r = _login(client, mayors_office, next=f"/mittarit/{indicator.pk}/")
    assert r["Location"] == f"/mittarit/{indicator.pk}/"


def test_an_unsafe_next_address_gives_the_role_landing(client, mayors_office):
    r = _login(client, mayors_office, next="https://example.com/raportit/")
    assert r["Location"] == "/raportit/"


def test_the_first_url_that_resolves_is_taken(db):
    assert _first_url("indicators:no_such_page", "indicators:mine") == "/omat/"
    with pytest.raises(NoReverseMatch):
        _first_url("indicators:no_such_page")


def _login_link(client, path: str) -> str:
    html = client.get(path).content.decode()
    start = html.index('class="login-link" href="') + len('class="login-link" href="')
    return html[start : html.index('"', start)]


def test_the_login_link_returns_to_an_indicator_page(client, indicator):
    path = f"/mittarit/{indicator.pk}/"
    assert _login_link(client, path) == f"/kirjaudu/?next={path}"


def test_the_login_link_keeps_the_list_filters(client, indicator):
    link = _login_link(client, "/mittarit/?tila=at_risk")
    assert link == "/kirjaudu/?next=/mittarit/%3Ftila%3Dat_risk"


@pytest.mark.parametrize("path", ["/", "/lukuohje/", "/saavutettavuus/"])
def test_the_login_link_carries_no_next_from_pages_not_worth_returning_to(
    client, strategy, path
):
    assert _login_link(client, path) == "/kirjaudu/"


def test_the_login_link_carries_no_next_from_an_unknown_address(client, strategy):
    assert _login_link(client, "/ei-tallaista-sivua/") == "/kirjaudu/"
