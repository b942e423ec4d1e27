"""The admin's many-to-many choices, refusing ids no database column holds.

Django's ModelMultipleChoiceField looks the posted ids up with an IN query;
on SQLite an id past 64 bits raises OverflowError there (a server error,
found by tests/fuzz/). Such an id is refused as any other invalid one is.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

LARGEST_ID = 2**63 - 1
ID = re.compile(r"-?0*([0-9]+)")


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value:
            match = ID.fullmatch(str(pk).strip())
            digits = match[1] if match else ""
            if len(digits) > 19 or (digits and int(digits) > LARGEST_ID):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)
