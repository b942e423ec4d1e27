"""Response headers and session lifetimes that Django's settings do not cover.

- Every response says which browser features the portal never uses
  (``Permissions-Policy``).
- A page shown to a logged-in user depends on that login (drafts, internal
  indicators, the user's own work list, the name in the header), so it is
  ``private, no-store``: no shared cache or browser history keeps it.
- A staff session ends after ``SESSION_IDLE_SECONDS`` without a request and
  after ``SESSION_ABSOLUTE_SECONDS`` in all. A form posted into an ended
  session is kept (``strategy/restore.py``) and shown again, filled in, after
  the new login.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from . import restore

LOGIN_AT = "_login_at"
SEEN_AT = "_seen_at"
SEEN_RESOLUTION = 60  # seconds


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


@receiver(user_logged_in)
def start_session_clocks(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[LOGIN_AT] = now
        request.session[SEEN_AT] = now


def session_ended(session, now: float) -> bool:
    """Whether a logged-in session has been idle or alive too long."""
    login_at = session.get(LOGIN_AT)
    seen_at = session.get(SEEN_AT, login_at)
    if login_at is None:
        # A session from before these clocks: start them now.
        return False
    return (
        now - seen_at > settings.SESSION_IDLE_SECONDS
        or now - login_at > settings.SESSION_ABSOLUTE_SECONDS
    )


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            if session_ended(request.session, now):
                return self._end(request)
            if LOGIN_AT not in request.session:
                request.session[LOGIN_AT] = now
            # Written at most once a minute: a session save is a database write.
            if now - request.session.get(SEEN_AT, 0) >= SEEN_RESOLUTION:
                request.session[SEEN_AT] = now
        return self.get_response(request)

    def _end(self, request):
        posted = request.method == "POST"
        data = request.POST.copy() if posted else None
        logout(request)
        message = _("Istuntosi päättyi, koska et käyttänyt palvelua vähään aikaan.")
        if posted:
            restore.keep(request, data)
            message += " " + _(
                "Kirjoittamasi teksti on tallessa: kirjaudu uudelleen, niin "
                "lomake avautuu täytettynä. Tarkista se ja tallenna."
            )
        messages.info(request, message)
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
