"""Peer municipalities and their figures, kept apart from the city's readings.

The coordinator chooses a strategy's peers (``Peer``: the whole country, a
region, similar municipalities); figures for them come from the national
statistics files (``indicators/statistics``) into ``PeerValue``. They are
shown beside an indicator's readings for comparison and never enter its
status. Imported in ``models`` so that Django finds them.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from strategy.i18n import Translated
from strategy.models import Strategy

AREA_CODE_PATTERN = r"^(KU\d{3}|MK\d{2}|SSS)$"


class Peer(models.Model):
    """An area the city compares itself with, in the statistics' own codes."""

    strategy = models.ForeignKey(
        Strategy,
        on_delete=models.CASCADE,
        related_name="peers",
        verbose_name=_("kaupunkistrategia"),
    )
    code = models.CharField(
        _("aluekoodi"),
        max_length=8,
        validators=[
            RegexValidator(
                AREA_CODE_PATTERN,
                _(
                    "Anna aluekoodi muodossa KU320 (kunta), MK19 (maakunta) tai "
                    "SSS (koko maa)."
                ),
            )
        ],
        help_text=_(
            "Tilastokeskuksen koodi: KU ja kuntanumero (KU320 = Kemijärvi), MK "
            "ja maakunnan numero (MK19 = Lappi) tai SSS (koko maa). Sotkanetin "
            "alueet muunnetaan samoiksi koodeiksi."
        ),
    )
    name = models.CharField(_("nimi"), max_length=100)
    name_en = models.CharField(_("nimi (en)"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    name_i18n = Translated("name")

    class Meta:
        verbose_name = _("vertailualue")
        verbose_name_plural = _("vertailualueet")
        ordering = ["strategy", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "code"], name="peer_one_per_area"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"


class PeerValue(models.Model):
    """One imported figure of a peer for one indicator and period."""

    peer = models.ForeignKey(
        Peer,
        on_delete=models.CASCADE,
        related_name="values",
        verbose_name=_("vertailualue"),
    )
    indicator = models.ForeignKey(
        "indicators.Indicator",
        on_delete=models.CASCADE,
        related_name="peer_values",
        verbose_name=_("mittari"),
    )
    year = models.PositiveSmallIntegerField(_("vuosi"))
    part = models.PositiveSmallIntegerField(_("jakso"), default=0)
    value = models.DecimalField(_("arvo"), max_digits=18, decimal_places=4)
    preliminary = models.BooleanField(_("ennakkotieto"), default=False)
    source = models.CharField(_("lähde"), max_length=200)
    source_file = models.CharField(_("tiedosto"), max_length=200, blank=True)
    imported_at = models.DateTimeField(_("tuotu"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tuoja"),
    )

    class Meta:
        verbose_name = _("vertailutieto")
        verbose_name_plural = _("vertailutiedot")
        ordering = ["indicator", "peer", "year", "part"]
        constraints = [
            models.UniqueConstraint(
                fields=["peer", "indicator", "year", "part"],
                name="peervalue_one_per_period",
            )
        ]
        indexes = [
            # The indicator page loads one indicator's comparison figures.
            models.Index(fields=["indicator", "year"], name="peervalue_indicator_year"),
        ]

    def __str__(self):
        return f"{self.peer.name} {self.year}: {self.value}"
