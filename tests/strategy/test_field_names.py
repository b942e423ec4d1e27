"""Every model and field of the project has a Finnish name with an English
translation: the admin shows them as labels, column titles and filters."""

from django.apps import apps
from django.utils import translation

APPS = ["strategy", "indicators", "reports"]


def names_shown_in_the_admin():
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical"):
                continue  # django-simple-history's copies, named after these
            yield model._meta.label, model._meta.verbose_name
            yield f"{model._meta.label} (plural)", model._meta.verbose_name_plural
            for field in model._meta.get_fields():
                if field.auto_created or not (field.concrete or field.many_to_many):
                    continue
                yield f"{model._meta.label}.{field.name}", field.verbose_name


def test_it_names_every_model_and_field_in_finnish_and_english():
    missing = []
    for where, name in names_shown_in_the_admin():
        with translation.override("fi"):
            finnish = str(name)
        with translation.override("en"):
            english = str(name)
        # A plain string is the name Django made up from the attribute's name.
        if isinstance(name, str) or finnish == english:
            missing.append(f"{where}: {finnish!r} / {english!r}")
    assert missing == []
