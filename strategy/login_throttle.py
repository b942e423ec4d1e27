"""Wrong passwords slow down, then lock for a while; a right one resets.

Failures are counted per username and per client address (both are checked,
so neither many names from one address nor many addresses on one name get
far). The first ``LOGIN_FREE_FAILURES`` cost nothing; after them each attempt
must wait 2, 4, 8 … seconds after the previous failure; after
``LOGIN_LOCK_AFTER`` failures the key is locked for ``LOGIN_LOCK_SECONDS``.
The count lives in the database so that several app servers share it; it
expires with the lock, so nobody is locked out for ever. Every lock is logged.
"""

import datetime
import logging

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

log = logging.getLogger("strategy.security")


class LoginFailure(models.Model):
    key = models.CharField(_("avain"), max_length=200, unique=True)
    count = models.PositiveIntegerField(_("epäonnistuneita"), default=0)
    last_at = models.DateTimeField(_("viimeksi"))

    class Meta:
        verbose_name = _("epäonnistunut kirjautuminen")
        verbose_name_plural = _("epäonnistuneet kirjautumiset")

    def __str__(self):
        return f"{self.key}: {self.count}"


def keys(username: str, address: str | None) -> list[str]:
    found = [f"user:{username.strip().casefold()}"] if username else []
    if address:
        found.append(f"addr:{address}")
    return found


def wait_seconds(count: int) -> int:
    """How long after the last failure the next attempt must wait."""
    if count < settings.LOGIN_FREE_FAILURES:
        return 0
    if count >= settings.LOGIN_LOCK_AFTER:
        return settings.LOGIN_LOCK_SECONDS
    return 2 ** (count - settings.LOGIN_FREE_FAILURES + 1)


def seconds_to_wait(username: str, address: str | None, now=None) -> int:
    """0 when an attempt may be made now, else the seconds left to wait."""
    now = now or timezone.now()
    longest = 0
    for failure in LoginFailure.objects.filter(key__in=keys(username, address)):
        until = failure.last_at + datetime.timedelta(
            seconds=wait_seconds(failure.count)
        )
        if failure.count >= settings.LOGIN_LOCK_AFTER and until <= now:
            continue  # the lock has expired; record_failure starts afresh
        longest = max(longest, int((until - now).total_seconds() + 0.999))
    return max(longest, 0)


def record_failure(username: str, address: str | None) -> None:
    now = timezone.now()
    with transaction.atomic():
        for key in keys(username, address):
            failure, _created = LoginFailure.objects.select_for_update().get_or_create(
                key=key, defaults={"last_at": now}
            )
            lock_over = failure.last_at + datetime.timedelta(
                seconds=settings.LOGIN_LOCK_SECONDS
            )
            if failure.count >= settings.LOGIN_LOCK_AFTER and lock_over <= now:
                failure.count = 0
            failure.count += 1
            failure.last_at = now
            failure.save(update_fields=["count", "last_at"])
            if failure.count == settings.LOGIN_LOCK_AFTER:
                log.warning(
                    "Login locked for %s s after %s failures: %s",
                    settings.LOGIN_LOCK_SECONDS,
                    failure.count,
                    key,
                )


def reset(username: str, address: str | None) -> None:
    # Only the name's count: a right password proves nothing about an address
    # that is also guessing other names.
    LoginFailure.objects.filter(key__in=keys(username, None)).delete()
