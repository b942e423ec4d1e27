from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from indicators.demo import DEMO_PASSWORD, DemoError, load_demo
from indicators.demo_file import DEFAULT_FILE


class Command(BaseCommand):
    help = (
        "Load invented example indicators, readings and one demo user per role "
        "(Esimerkkiaineisto) from a data file, by default "
        "indicators/data/demo.toml. Idempotent; never part of production set-up."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_FILE))

    def handle(self, *args, path, **options):
        try:
            result = load_demo(debug=settings.DEBUG, path=Path(path))
        except DemoError as exc:
            raise CommandError(
                f"Esimerkkiaineistoa ei ladattu (demo data not loaded), "
                f"nothing changed: {exc}"
            ) from exc

        made = ", ".join(f"{n} {what}" for what, n in result.created.items() if n)
        if made:
            self.stdout.write(
                self.style.SUCCESS(f"Esimerkkiaineisto (demo data) loaded: {made}.")
            )
        elif not result.changed:
            self.stdout.write(
                "Esimerkkiaineisto (demo data) is already loaded: nothing changed."
            )
        else:
            self.stdout.write("Esimerkkiaineisto (demo data) is already loaded.")
        if result.passwords_set:
            self.stdout.write(
                f"Demo password set for {result.passwords_set} demo users "
                "that had none (DEBUG is on)."
            )
        if result.passwords_disabled:
            self.stdout.write(
                f"Passwords of {result.passwords_disabled} demo users made "
                "unusable (DEBUG is off)."
            )
        self.stdout.write(
            "The indicators and readings are invented and marked as example data."
        )

        self.stdout.write("Demo users:")
        for spec in result.users:
            role = spec.role or "superuser"
            where = f", {', '.join(spec.departments)}" if spec.departments else ""
            self.stdout.write(f"  {spec.username:<16} {role}{where}")
        if settings.DEBUG:
            self.stdout.write(
                f"Password of the demo users (shown because DEBUG is on): "
                f"{DEMO_PASSWORD}"
            )
        else:
            self.stdout.write(
                self.style.WARNING(
                    "DEBUG is off: the demo users have no usable password and "
                    "cannot log in (set one with manage.py changepassword)."
                )
            )
