"""Finnish first: the language is the visitor's own choice, else Finnish.

Django's ``LocaleMiddleware`` falls back to the browser's Accept-Language, so
a first visit from an English browser would open in English. The city's
language is Finnish (DESIGN.md): only the language button (``set_language``,
which stores its choice in the language cookie) switches to English, and the
choice then holds on every page.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


def chosen_language(request) -> str:
    """The language of the visitor's cookie if it is one we serve, else Finnish."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if code:
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


class FinnishFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()
