"""The password rules' messages in the portal's languages.

Django's minimum-length rule says "This password is too short …" even in the
Finnish interface: Django 5.2's Finnish catalogue leaves that message
untranslated (its English text was reworded and the translation not redone;
the rule's help text and the other rules' messages are translated). The rule
is Django's own; only its message comes from this project's catalogue, in
Finnish with an English translation.
"""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return ngettext(
            "Salasana on liian lyhyt. Siinä on oltava vähintään %(min_length)d merkki.",
            "Salasana on liian lyhyt. Siinä on oltava vähintään %(min_length)d "
            "merkkiä.",
            self.min_length,
        ) % {"min_length": self.min_length}
