"""Import a THL Sotkanet or Statistics Finland PxWeb file (README: Statistics files).

    manage.py import_statistics sotkanet data.json --alueet regions.json \
        --kayttaja koordinaattori
    manage.py import_statistics pxweb vaesto.json --kayttaja koordinaattori

The rows go through the same checks as the import page and a spreadsheet
(the record form), as the named user; with any error nothing is saved.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from strategy.models import Strategy, User

from ...imports.apply import import_apply
from ...imports.preview import build_preview
from ...statistics.areas import StatisticsFileError
from ...statistics.forms import PXWEB, SOTKANET
from ...statistics.peers import peers_apply
from ...statistics.reading import read_statistics


class Command(BaseCommand):
    help = "Tuo THL Sotkanetin tai Tilastokeskuksen PxWeb-tiedoston luvut."

    def add_arguments(self, parser):
        parser.add_argument("source", choices=[SOTKANET, PXWEB])
        parser.add_argument("file", type=Path)
        parser.add_argument("--alueet", type=Path, help="Sotkanetin aluetiedosto")
        parser.add_argument(
            "--kayttaja", required=True, help="kenen nimissä tulokset kirjataan"
        )
        parser.add_argument("--kunta", default="", help="esim. 320, jos nimi ei täsmää")
        parser.add_argument(
            "--strategia", type=int, help="strategian numero (oletus: nykyinen)"
        )
        parser.add_argument(
            "--tarkista",
            action="store_true",
            help="näytä mitä tehtäisiin, älä tallenna",
        )

    def handle(self, *args, **options):
        user = User.objects.filter(username=options["kayttaja"], is_active=True).first()
        if user is None:
            raise CommandError(f"Käyttäjää {options['kayttaja']} ei ole.")
        if options["strategia"]:
            strategy = Strategy.objects.filter(pk=options["strategia"]).first()
        else:
            strategy = Strategy.objects.current()
        if strategy is None:
            raise CommandError("Strategiaa ei ole ladattu (load_strategy).")
        if options["source"] == SOTKANET and not options["alueet"]:
            raise CommandError(
                "Sotkanetin tiedot tarvitsevat aluetiedoston (--alueet)."
            )
        try:
            data = options["file"].read_bytes()
            regions = options["alueet"].read_bytes() if options["alueet"] else None
        except OSError as exc:
            raise CommandError(f"{exc.filename}: {exc.strerror}") from None
        try:
            collected = read_statistics(
                options["source"],
                data,
                regions=regions,
                strategy=strategy,
                own_code=options["kunta"],
            )
        except StatisticsFileError as exc:
            raise CommandError(f"{options['file']}: {exc}") from None
        preview = build_preview(
            collected.table,
            user=user,
            today=timezone.localdate(),
            statistics=True,
        )
        for row in preview.rows:
            where = f"{row.cells.get('mittari')} {row.shown_period}"
            self.stdout.write(f"{where}: {row.action_label}")
            for column, message in row.errors:
                self.stdout.write(f"  {column}: {message}")
            for note in row.notes:
                self.stdout.write(f"  {note}")
        if collected.unmatched_keys:
            self.stdout.write(
                "Ohitettu (ei mittaria): " + ", ".join(collected.unmatched_keys)
            )
        if not preview.ok:
            raise CommandError(
                f"{options['file']}: {len(preview.error_rows)} riviä virheellisiä; "
                "mitään ei tallennettu."
            )
        if options["tarkista"]:
            self.stdout.write("Tarkistettu; mitään ei tallennettu (--tarkista).")
            return
        name = options["file"].name
        with transaction.atomic():
            counts = import_apply(preview=preview, user=user, file_name=name)
            peers = peers_apply(summary=collected.peers, user=user, file_name=name)
        self.stdout.write(
            self.style.SUCCESS(
                f"Uusia {counts['new']}, korjattuja {counts['correction']}, "
                f"ennallaan {counts['unchanged']}; vertailutietoja uusia tai "
                f"muuttuneita {peers}."
            )
        )
