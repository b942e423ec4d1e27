"""The mid-term council report (väliraportti) and its per-focus-area narratives.

A draft shows the indicator data live, as of its cut-off date. Publishing
freezes it: ``frozen`` then holds everything the report shows (the data
snapshot and the rendered narratives), and a published report is never edited
in place; a new version supersedes it and both stay readable.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from strategy.i18n import Translated
from strategy.models import FocusArea, Strategy

MARKUP_HELP = _(
    "Kappaleet erotetaan tyhjällä rivillä. Luettelo: rivin alkuun - tai 1. "
    "Korostus: *kursiivi*, **lihavointi**. Linkki: [teksti](https://…)."
)


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("luonnos")
    PUBLISHED = "published", _("julkaistu")


class PublishedReportError(PermissionDenied):
    """A write that would change or delete a published report.

    A PermissionDenied, so that a request that gets this far (the admin, say)
    is answered 403, not with a server error.
    """

    def __init__(self):
        super().__init__(
            gettext(
                "Julkaistua raporttia ei voi muuttaa eikä poistaa. Korjaus "
                "tehdään raportin uutena versiona."
            )
        )


class MidtermReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ReportStatus.PUBLISHED)

    def refuse_published(self) -> None:
        """PublishedReportError if any of these reports is published.

        Inside a transaction the published rows are locked until it ends, so
        that a report being published meanwhile is seen as published.
        """
        published = self.published()
        if transaction.get_connection(self.db).in_atomic_block:
            published = published.select_for_update()
        if published.exists():
            raise PublishedReportError

    # Bulk writes skip the model's save() and delete(); they are guarded too.
    def update(self, **kwargs) -> int:
        self.refuse_published()
        return super().update(**kwargs)

    def delete(self):
        self.refuse_published()
        return super().delete()


class MidtermReport(models.Model):
    strategy = models.ForeignKey(
        Strategy,
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("kaupunkistrategia"),
    )
    title = models.CharField(_("otsikko"), max_length=200)
    title_en = models.CharField(_("otsikko (en)"), max_length=200, blank=True)
    cutoff_date = models.DateField(
        _("tilannepäivä"),
        help_text=_(
            "Raportti näyttää mittarien tiedot sellaisina kuin ne oli kirjattu "
            "tämän päivän päättyessä."
        ),
    )
    council_meeting_date = models.DateField(
        _("valtuuston kokous"), null=True, blank=True
    )
    # The council's own references: its decision on the report, and whom to ask.
    council_section = models.CharField(
        _("pykälä"),
        max_length=20,
        blank=True,
        help_text=_("Valtuuston pöytäkirjan pykälä, esimerkiksi § 45."),
    )
    minutes_url = models.URLField(
        _("pöytäkirjan osoite"),
        blank=True,
        help_text=_("Linkki valtuuston pöytäkirjaan tai esityslistaan."),
    )
    contact_name = models.CharField(_("yhteyshenkilö"), max_length=100, blank=True)
    contact_title = models.CharField(
        _("yhteyshenkilön tehtävä"), max_length=100, blank=True
    )
    contact_email = models.EmailField(_("yhteyshenkilön sähköposti"), blank=True)
    contact_phone = models.CharField(
        _("yhteyshenkilön puhelin"), max_length=40, blank=True
    )
    introduction = models.TextField(
        _("johdanto"), blank=True, help_text=MARKUP_HELP, max_length=20000
    )
    introduction_en = models.TextField(_("johdanto (en)"), blank=True, max_length=20000)
    status = models.CharField(
        _("tila"),
        max_length=10,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
    )
    # The report's edition: a new one supersedes a published report.
    edition = models.PositiveSmallIntegerField(_("versio"), default=1)
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("korvaa version"),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("julkaisija"),
    )
    published_at = models.DateTimeField(_("julkaistu"), null=True, blank=True)
    # What the published report shows, frozen at publishing (reports/freeze.py).
    frozen = models.JSONField(_("julkaistu sisältö"), null=True, blank=True)
    # Optimistic locking of a draft's saves (indicators/locking.py).
    lock_version = models.PositiveIntegerField(_("lukitusversio"), default=1)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    updated_at = models.DateTimeField(_("muutettu"), auto_now=True)

    objects = MidtermReportQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["frozen"])

    title_i18n = Translated("title")

    class Meta:
        verbose_name = _("väliraportti")
        verbose_name_plural = _("väliraportit")
        ordering = ["-cutoff_date", "-edition", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft")
                | models.Q(
                    published_at__isnull=False,
                    published_by__isnull=False,
                    frozen__isnull=False,
                ),
                name="report_published_is_frozen",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A published row is never written again. Publishing itself turns a
        # stored draft into a published report in one save, which passes; a
        # new version is a new row that supersedes this one.
        if self.pk is not None:
            MidtermReport.objects.filter(pk=self.pk).refuse_published()
        # Every save, the admin's too, outdates edit pages opened before it.
        self.lock_version += 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reports:detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        MidtermReport.objects.filter(pk=self.pk).refuse_published()
        return super().delete(*args, **kwargs)

    @property
    def council_reference(self) -> str:
        """ "§ 45", with the section sign however the office typed it."""
        return section_text(self.council_section)

    @property
    def is_published(self) -> bool:
        return self.status == ReportStatus.PUBLISHED

    @property
    def successor(self):
        """The newer version that supersedes this one, or None."""
        try:
            return self.superseded_by
        except MidtermReport.DoesNotExist:
            return None


class ReportSection(models.Model):
    """The mayor's office's narrative on one focus area."""

    report = models.ForeignKey(
        MidtermReport,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("väliraportti"),
    )
    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("painopistealue"),
    )
    successes = models.TextField(
        _("onnistumiset"), blank=True, help_text=MARKUP_HELP, max_length=20000
    )
    successes_en = models.TextField(
        _("onnistumiset (en)"), blank=True, max_length=20000
    )
    impacts = models.TextField(
        _("vaikutukset"), blank=True, help_text=MARKUP_HELP, max_length=20000
    )
    impacts_en = models.TextField(_("vaikutukset (en)"), blank=True, max_length=20000)
    challenges = models.TextField(
        _("haasteet"), blank=True, help_text=MARKUP_HELP, max_length=20000
    )
    challenges_en = models.TextField(_("haasteet (en)"), blank=True, max_length=20000)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("painopistealueen kuvaus")
        verbose_name_plural = _("painopistealueiden kuvaukset")
        ordering = ["report", "focus_area__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "focus_area"], name="reportsection_one_per_area"
            )
        ]

    def __str__(self):
        return f"{self.report} – {self.focus_area}"

    # A published report's narratives are frozen with it (MidtermReport.save).
    def save(self, *args, **kwargs):
        MidtermReport.objects.filter(pk=self.report_id).refuse_published()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        MidtermReport.objects.filter(pk=self.report_id).refuse_published()
        return super().delete(*args, **kwargs)


def section_text(section: str) -> str:
    """A minutes' section as the council writes it: "§ 45" from "45", "§45"
    or "§ 45"."""
    number = section.strip().lstrip("§").strip()
    return f"§\xa0{number}" if number else ""


# The report's fields that refer to the council's decision and its contact.
COUNCIL_REFERENCES = [
    "council_section",
    "minutes_url",
    "contact_name",
    "contact_title",
    "contact_email",
    "contact_phone",
]

# The three narratives of a focus area, in the order the report shows them.
NARRATIVES = ["successes", "impacts", "challenges"]


class RenderClaim(models.Model):
    """One render of a report's files at a time (``reports/files.py``).

    ``key`` names what is being made — a published report's files in one
    language ("report-5-fi"), or a user's draft preview PDF ("draft-user-7")
    — and is unique, so a second request for the same render finds the claim
    and does not start another. The render deletes its claim when it ends; a
    claim left behind by a crashed worker is taken over once it is stale.
    """

    key = models.CharField(_("tunniste"), max_length=60, unique=True)
    claimed_at = models.DateTimeField(_("varattu"))

    class Meta:
        verbose_name = _("tiedoston tekovaraus")
        verbose_name_plural = _("tiedostojen tekovaraukset")

    def __str__(self):
        return self.key
