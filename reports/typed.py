"""The texts of a report's edit page as they were sent, to give them back
when a save cannot be made (the session ran out)."""

import re

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .forms import ReportForm, SectionForm
from .models import ReportSection

# The edit page's section fields are prefixed by their focus area: alue-2-impacts.
SECTION_FIELD = re.compile(r"alue-(\d{1,2})-(\w+)")


def typed_texts(data) -> list[dict]:
    """Every non-empty text field of the edit page that was sent, with its label."""
    report_fields = ReportForm.base_fields
    section_fields = SectionForm.base_fields
    texts = []
    for key, value in data.items():
        if key == "csrfmiddlewaretoken" or not value.strip():
            continue
        if key in report_fields:
            label = capfirst(report_fields[key].label)
        elif (match := SECTION_FIELD.fullmatch(key)) and match[2] in section_fields:
            label = _("Painopistealue %(number)s: %(field)s") % {
                "number": match[1],
                "field": ReportSection._meta.get_field(match[2]).verbose_name,
            }
        else:
            continue
        texts.append({"name": key, "label": label, "text": value})
    return texts
