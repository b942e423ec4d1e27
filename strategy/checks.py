"""Deploy checks for settings that the environment must get right."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def check_database_not_sqlite(app_configs, **kwargs):
    engine = settings.DATABASES["default"]["ENGINE"]
    if "sqlite" in engine:
        return [
            Error(
                "Production uses PostgreSQL: set DATABASE_URL.",
                hint="SQLite is the local default only; several app servers "
                "must share one PostgreSQL database.",
                id="kemijarvi.E001",
            )
        ]
    return []
