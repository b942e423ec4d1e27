"""The forms of /toimialat/: attach a person to a department, or detach one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from strategy.models import Department, User

from .departments import display_name


class MemberForm(forms.Form):
    """One person to attach to (``attach=True``) or detach from a department.

    The choices are the active people not yet members, or the members: a
    stale page that posts someone already attached (or already gone) gets
    the field's message and nothing changes.
    """

    user = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label=_("Henkilö"),
        error_messages={
            "required": _("Valitse henkilö."),
            "invalid_choice": _(
                "Valittu henkilö ei ole enää valittavissa: sivu on voinut "
                "vanhentua. Lataa sivu uudelleen."
            ),
        },
    )

    def __init__(self, *args, department: Department, attach: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.department = department
        self.attach = attach
        members = department.members.all()
        if attach:
            queryset = User.objects.filter(is_active=True).exclude(
                pk__in=members.values("pk")
            )
            self.fields["user"].label = _("Liitä toimialaan")
        else:
            queryset = members
            self.fields["user"].label = _("Irrota toimialasta")
        self.fields["user"].queryset = queryset.order_by(
            "last_name", "first_name", "username"
        )
        self.fields["user"].label_from_instance = display_name
