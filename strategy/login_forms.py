"""Login forms of the portal and the admin, with login throttling."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import ngettext

from . import login_throttle


def client_address(request) -> str | None:
    # REMOTE_ADDR only: X-Forwarded-For is whatever the client writes unless a
    # proxy we trust sets it, and the proxy setup is the city's (README).
    return request.META.get("REMOTE_ADDR") if request is not None else None


class ThrottledLogin:
    """Refuses attempts while a wait is on; counts failures; resets on success."""

    def clean(self):
        username = self.data.get("username", "")
        address = client_address(self.request)
        wait = login_throttle.seconds_to_wait(username, address)
        if wait:
            minutes = (wait + 59) // 60
            if wait > 60:
                text = ngettext(
                    "Liian monta epäonnistunutta yritystä. Yritä uudelleen %(n)d "
                    "minuutin kuluttua.",
                    "Liian monta epäonnistunutta yritystä. Yritä uudelleen %(n)d "
                    "minuutin kuluttua.",
                    minutes,
                ) % {"n": minutes}
            else:
                text = ngettext(
                    "Liian monta epäonnistunutta yritystä. Odota %(n)d sekunti ja "
                    "yritä uudelleen.",
                    "Liian monta epäonnistunutta yritystä. Odota %(n)d sekuntia ja "
                    "yritä uudelleen.",
                    wait,
                ) % {"n": wait}
            raise forms.ValidationError(text, code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            login_throttle.record_failure(username, address)
            raise
        login_throttle.reset(username, address)
        return cleaned


class LoginForm(ThrottledLogin, AuthenticationForm):
    pass


class AdminLoginForm(ThrottledLogin, AdminAuthenticationForm):
    pass
