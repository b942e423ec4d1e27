"""Checkboxes for the admin's many-to-many choices, grouped under legends.

They replace Django's two-box selector (``filter_horizontal``): its script
speaks half English in a Finnish admin (Django's Finnish JavaScript catalogue
is incomplete: "Choose all toimenpiteet"), and its search icons carry ARIA
attributes that their element may not have (axe: aria-prohibited-attr). A
checkbox per choice needs no script, is read out with its own label, and the
measures sit in a fieldset per focus area, whose legend a screen reader
announces with each of them.
"""

from collections.abc import Callable

from django import forms


class CheckboxGroups(forms.CheckboxSelectMultiple):
    """A group of checkboxes named ``label``; with ``group_of`` (the chosen
    object -> its group's name) a fieldset and legend for each group, in the
    order the choices come."""

    template_name = "admin/widgets/checkbox_groups.html"

    def __init__(
        self, *, label: str, group_of: Callable[[object], str] | None = None, **kw
    ):
        super().__init__(**kw)
        self.label = label
        self.group_of = group_of

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["label"] = self.label
        return context

    def optgroups(self, name, value, attrs=None):
        options = [
            option
            for _, group, _ in super().optgroups(name, value, attrs)
            for option in group
        ]
        if self.group_of is None:
            return [(None, options, 0)]
        groups = {}
        for option in options:
            group = self.group_of(option["value"].instance)
            groups.setdefault(group, []).append(option)
        return [(name, group, i) for i, (name, group) in enumerate(groups.items())]
