from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from strategy.loader import DEFAULT_FILE, StrategyFileError, load_strategy_file


class Command(BaseCommand):
    help = "Load (or update in place) a city strategy from its TOML data file."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_FILE))

    def handle(self, *args, path, **options):
        try:
            result = load_strategy_file(Path(path))
        except StrategyFileError as exc:
            raise CommandError(f"Strategy not loaded, nothing changed. {exc}") from exc
        if options["verbosity"] > 1:
            for line in result.changes:
                self.stdout.write(line)
        if result.changed:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{result.strategy}: {result.created} created, "
                    f"{result.updated} updated, {result.removed} removed."
                )
            )
        else:
            self.stdout.write(f"{result.strategy}: already up to date.")
