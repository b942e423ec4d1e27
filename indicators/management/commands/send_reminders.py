from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from indicators.reminders import message, pending_digests, send_digest


class Command(BaseCommand):
    help = (
        "Email each person who records readings one digest of their due and "
        "overdue indicators: each indicator once when its period falls due and "
        "once more when it becomes overdue, never twice for the same state. "
        "Run it daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the digests that would be sent; send and log nothing.",
        )

    def handle(self, *args, dry_run: bool, **options):
        digests = pending_digests(timezone.localdate())
        sent = failed = 0
        for digest in digests:
            user = digest.user
            counts = f"{len(digest.overdue)} overdue, {len(digest.due)} due"
            if dry_run:
                subject, body = message(digest)
                self.stdout.write(f"Would send to {user.email} ({counts}): {subject}")
                continue
            try:
                delivered = send_digest(digest)
            except Exception as exc:  # an SMTP or network error: next run retries
                failed += 1
                self.stderr.write(f"Failed to send to {user.email}: {exc}")
                continue
            if delivered:
                sent += 1
                self.stdout.write(f"Sent to {user.email} ({counts}).")
            else:
                self.stdout.write(f"Skipped {user.email}: another run sent it.")
        if dry_run:
            self.stdout.write(f"Dry run: {len(digests)} digests, nothing sent.")
        elif sent:
            self.stdout.write(self.style.SUCCESS(f"Reminder digests sent: {sent}."))
        elif not failed:
            self.stdout.write("Nothing to remind of: no reminders sent.")
        if failed:
            raise CommandError(
                f"{failed} digests were not sent; they are tried again next run."
            )
