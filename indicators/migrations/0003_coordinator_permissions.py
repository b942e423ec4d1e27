"""Give the strategy coordinators what they need in the admin.

They define indicators and annual targets (view, add, change) and look at
readings (view); readings are written through the entry forms only.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Strategiakoordinaattorit"
CODENAMES = [
    "view_indicator",
    "add_indicator",
    "change_indicator",
    "view_annualtarget",
    "add_annualtarget",
    "change_annualtarget",
    "view_reading",
]


def grant(apps, schema_editor):
    # On a fresh database the permissions are made only after all migrations
    # (post_migrate); make them now so that they can be granted.
    app_config = apps.get_app_config("indicators")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="indicators", codename__in=CODENAMES
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=COORDINATORS).first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="indicators", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0002_history_reason_as_text"),
        ("strategy", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
