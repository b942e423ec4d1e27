"""Where a person lands after logging in, and where the header's login link
brings them back to.

Each role lands where its work is: the coordinator on the on-time overview,
the mayor's office on the reports, staff on their indicators, councillors on
the strategy itself. A safe ``next`` address given with the login wins
(Django's ``LoginView`` checks it). The URL names are strings: the strategy
app imports nothing of the apps built on it.
"""

from django.contrib.auth import views as auth_views
from django.urls import NoReverseMatch, reverse

from . import roles

# Pages a visitor gains nothing by returning to after logging in: the home
# page (the role's landing page serves better), the login and logout pages,
# and pages that read the same whoever is logged in.
NOT_WORTH_RETURNING = {
    "strategy:home",
    "strategy:accessibility",
    "indicators:how_to_read",
    "login",
    "logout",
}


def _first_url(*names: str) -> str:
    """The first of ``names`` that resolves: the coordinator's overview may
    not be installed yet, and then ``/omat/`` serves."""
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    raise NoReverseMatch(f"none of {names} resolves")


def landing_url(user) -> str:
    """Where ``user`` lands after logging in without a ``next`` address."""
    if roles.is_coordinator(user):  # superusers too
        return _first_url("indicators:on_time", "indicators:mine")
    if roles.is_mayors_office(user):
        return reverse("reports:list")
    if roles.in_group(user, roles.RECORDERS):
        return reverse("indicators:mine")
    return reverse("strategy:home")  # councillors, and anyone without a role


def login_next(request) -> str:
    """The current address for the login link's ``next``, or "" when the page
    is not worth returning to (or no URL matched it: a 404 page)."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name in NOT_WORTH_RETURNING:
        return ""
    return request.get_full_path()


class LoginView(auth_views.LoginView):
    def get_default_redirect_url(self) -> str:
        return landing_url(self.request.user)
