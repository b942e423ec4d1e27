from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = _("Kaupunkistrategia")

    def ready(self):
        from . import (
            checks,  # noqa: F401  (registers the deploy checks)
            security_middleware,  # noqa: F401  (starts the session clocks at login)
        )
