from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from .i18n import Text, Translated


class User(AbstractUser):
    """The city's staff; a custom model from the first migration."""

    class Meta(AbstractUser.Meta):
        verbose_name = _("käyttäjä")
        verbose_name_plural = _("käyttäjät")

    def __str__(self):
        return self.get_full_name() or self.username


class StrategyQuerySet(models.QuerySet):
    def current(self):
        """The strategy marked current, or None."""
        return self.filter(is_current=True).first()


class Strategy(models.Model):
    slug = models.SlugField(_("tunniste"), max_length=80, unique=True)
    municipality = models.CharField(_("kunta"), max_length=100)
    municipality_en = models.CharField(_("kunta (en)"), max_length=100, blank=True)
    title = models.CharField(_("nimi"), max_length=200)
    title_en = models.CharField(_("nimi (en)"), max_length=200, blank=True)
    start_year = models.PositiveSmallIntegerField(_("alkuvuosi"))
    end_year = models.PositiveSmallIntegerField(_("päättymisvuosi"))
    operating_environment = models.TextField(_("toimintaympäristö"))
    operating_environment_en = models.TextField(_("toimintaympäristö (en)"), blank=True)
    vision = models.TextField(_("visio"))
    vision_en = models.TextField(_("visio (en)"), blank=True)
    mission = models.TextField(_("missio"))
    mission_en = models.TextField(_("missio (en)"), blank=True)
    values_intro = models.TextField(_("arvojen johdanto"), blank=True)
    values_intro_en = models.TextField(_("arvojen johdanto (en)"), blank=True)
    monitoring = models.TextField(_("mittarit ja seuranta"))
    monitoring_en = models.TextField(_("mittarit ja seuranta (en)"), blank=True)
    midterm_date = models.DateField(_("väliraportin ajankohta"), null=True, blank=True)
    is_current = models.BooleanField(_("voimassa oleva"), default=False)

    objects = StrategyQuerySet.as_manager()

    title_i18n = Translated("title")
    municipality_i18n = Translated("municipality")
    operating_environment_i18n = Translated("operating_environment")
    vision_i18n = Translated("vision")
    mission_i18n = Translated("mission")
    values_intro_i18n = Translated("values_intro")
    monitoring_i18n = Translated("monitoring")

    class Meta:
        verbose_name = _("kaupunkistrategia")
        verbose_name_plural = _("kaupunkistrategiat")
        ordering = ["-start_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="strategy_only_one_current",
            ),
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="strategy_period_in_order",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("strategy:home")

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)

    @property
    def first_history_year(self) -> int:
        """The first year readings may be recorded for: the strategy period's
        start less ``INDICATOR_HISTORY_YEARS`` (context, never judged)."""
        return self.start_year - settings.INDICATOR_HISTORY_YEARS

    def year_outside(
        self, year: int, *, history: bool = False
    ) -> ValidationError | None:
        """The refusal of a year outside the strategy period, or None.

        The one place this check is written: annual targets in the admin ask
        it for the period itself; readings (the entry forms, imports) with
        ``history`` also accept the years before it from
        ``first_history_year``.
        """
        first = self.first_history_year if history else self.start_year
        if first <= year <= self.end_year:
            return None
        if history and first < self.start_year:
            return ValidationError(
                _(
                    "Vuoden on oltava %(first)s–%(end)s: strategiakausi "
                    "%(start)s–%(end)s tai enintään %(count)s vuotta sitä ennen."
                ),
                code="outside_history",
                params={
                    "first": first,
                    "start": self.start_year,
                    "end": self.end_year,
                    "count": self.start_year - first,
                },
            )
        return ValidationError(
            _("Vuoden on oltava strategiakaudella %(start)s–%(end)s."),
            code="outside_strategy",
            params={"start": self.start_year, "end": self.end_year},
        )


class Value(models.Model):
    strategy = models.ForeignKey(
        Strategy,
        on_delete=models.CASCADE,
        related_name="values",
        verbose_name=_("kaupunkistrategia"),
    )
    order = models.PositiveSmallIntegerField(_("järjestys"))
    name = models.CharField(_("arvo"), max_length=100)
    name_en = models.CharField(_("arvo (en)"), max_length=100, blank=True)

    name_i18n = Translated("name")

    class Meta:
        verbose_name = _("arvo")
        verbose_name_plural = _("arvot")
        ordering = ["strategy", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "order"], name="value_unique_order"
            )
        ]

    def __str__(self):
        return self.name


class FocusArea(models.Model):
    """One of the strategy's numbered focus areas (toimintamme tärkeimmät kohteet)."""

    strategy = models.ForeignKey(
        Strategy,
        on_delete=models.CASCADE,
        related_name="focus_areas",
        verbose_name=_("kaupunkistrategia"),
    )
    number = models.PositiveSmallIntegerField(_("numero"))
    short_title = models.CharField(_("lyhyt nimi"), max_length=100)
    short_title_en = models.CharField(_("lyhyt nimi (en)"), max_length=100, blank=True)
    lead = models.TextField(_("johtolause"))
    lead_en = models.TextField(_("johtolause (en)"), blank=True)

    short_title_i18n = Translated("short_title")
    lead_i18n = Translated("lead")

    class Meta:
        verbose_name = _("painopistealue")
        verbose_name_plural = _("painopistealueet")
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "number"], name="focusarea_unique_number"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.short_title}"

    def get_absolute_url(self):
        return reverse("strategy:focus_area", args=[self.number])


class ContactPerson(models.Model):
    """Yhteyshenkilö: whom a resident may ask about an indicator or a measure.

    Shown on public pages, so only what the person agreed to publish: a name,
    a title and optionally a public (often a shared) email address. One row
    serves every indicator and measure the person answers for, so a change of
    title or address is made once.
    """

    name = models.CharField(_("nimi"), max_length=150)
    title = models.CharField(_("tehtävänimike"), max_length=150)
    title_en = models.CharField(_("tehtävänimike (en)"), max_length=150, blank=True)
    email = models.EmailField(
        _("julkinen sähköpostiosoite"),
        blank=True,
        help_text=_("Näkyy julkisilla sivuilla. Jätä tyhjäksi, jos ei julkaista."),
    )

    title_i18n = Translated("title")

    class Meta:
        verbose_name = _("yhteyshenkilö")
        verbose_name_plural = _("yhteyshenkilöt")
        ordering = ["name", "title"]

    def __str__(self):
        return f"{self.name}, {self.title}"


class Measure(models.Model):
    """A commitment under a focus area: one sentence of the strategy."""

    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.CASCADE,
        related_name="measures",
        verbose_name=_("painopistealue"),
    )
    order = models.PositiveSmallIntegerField(_("järjestys"))
    text = models.TextField(_("toimenpide"))
    text_en = models.TextField(_("toimenpide (en)"), blank=True)
    contact = models.ForeignKey(
        ContactPerson,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name=_("yhteyshenkilö"),
    )
    department = models.ForeignKey(
        "Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name=_("vastuutoimiala"),
        help_text=_("Toimialan kirjaajat kirjaavat toimenpiteen etenemisen."),
    )

    text_i18n = Translated("text")

    class Meta:
        verbose_name = _("toimenpide")
        verbose_name_plural = _("toimenpiteet")
        ordering = ["focus_area", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["focus_area", "order"], name="measure_unique_order"
            )
        ]

    def __str__(self):
        return f"{self.code} {self.text}"

    def get_absolute_url(self):
        return reverse("strategy:measure", args=[self.pk])

    @property
    def code(self) -> str:
        """Reference such as "1.2": the focus area's number and the measure's."""
        return f"{self.focus_area.number}.{self.order}"


class Phase(models.TextChoices):
    """Where a measure stands (toimenpiteen vaihe), as its latest update says."""

    NOT_STARTED = "not_started", _("ei aloitettu")
    IN_PROGRESS = "in_progress", _("käynnissä")
    DONE = "done", _("valmis")
    DELAYED = "delayed", _("viivästynyt")
    SUSPENDED = "suspended", _("keskeytetty")


# A measure nobody has yet written about has not started.
DEFAULT_PHASE = Phase.NOT_STARTED


class MeasureUpdate(models.Model):
    """A dated progress update of a measure: its phase then, and a short text.

    The measure's phase is the one of its latest update (``strategy/progress.py``),
    so the updates are its history; corrections are kept by django-simple-history.
    """

    measure = models.ForeignKey(
        Measure,
        on_delete=models.CASCADE,
        related_name="updates",
        verbose_name=_("toimenpide"),
    )
    date = models.DateField(_("päivämäärä"), default=timezone.localdate)
    phase = models.CharField(_("vaihe"), max_length=12, choices=Phase.choices)
    text = models.TextField(_("tilannekatsaus"))
    text_en = models.TextField(_("tilannekatsaus (en)"), blank=True)
    created_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("kirjaaja"),
    )
    created_at = models.DateTimeField(_("kirjattu"), default=timezone.now)
    updated_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("muokkaaja"),
    )
    updated_at = models.DateTimeField(_("muokattu"), default=timezone.now)
    is_demo = models.BooleanField(
        _("esimerkkiaineistoa"),
        default=False,
        help_text=_("Keksitty esimerkki (manage.py load_demo), ei kaupungin tieto."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("toimenpiteen tilannekatsaus")
        verbose_name_plural = _("toimenpiteiden tilannekatsaukset")
        ordering = ["measure", "-date", "-created_at"]
        indexes = [
            # The latest update of each measure (focus-area page, home counts).
            models.Index(
                fields=["measure", "-date", "-created_at"],
                name="measureupdate_latest",
            )
        ]

    def __str__(self):
        return f"{self.measure.code} {self.date:%d.%m.%Y}"

    @property
    def text_i18n(self) -> Text:
        return Text.of(self, "text")

    @property
    def phase_choice(self) -> "Phase":
        return Phase(self.phase)


class SuccessFactor(models.Model):
    """A critical success factor (kriittinen menestystekijä)."""

    strategy = models.ForeignKey(
        Strategy,
        on_delete=models.CASCADE,
        related_name="success_factors",
        verbose_name=_("kaupunkistrategia"),
    )
    order = models.PositiveSmallIntegerField(_("järjestys"))
    text = models.TextField(_("menestystekijä"))
    text_en = models.TextField(_("menestystekijä (en)"), blank=True)

    text_i18n = Translated("text")

    class Meta:
        verbose_name = _("kriittinen menestystekijä")
        verbose_name_plural = _("kriittiset menestystekijät")
        ordering = ["strategy", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "order"], name="successfactor_unique_order"
            )
        ]

    def __str__(self):
        return self.text


class Department(models.Model):
    """A department or service area (toimiala / palvelualue) that owns indicators."""

    name = models.CharField(_("nimi"), max_length=150, unique=True)
    name_en = models.CharField(_("nimi (en)"), max_length=150, blank=True)
    members = models.ManyToManyField(
        User, blank=True, related_name="departments", verbose_name=_("jäsenet")
    )

    # Who attached or detached whom, and when (DESIGN.md: every change is
    # attributable): a version is saved on each change of the members.
    history = HistoricalRecords(m2m_fields=[members])

    name_i18n = Translated("name")

    class Meta:
        verbose_name = _("toimiala")
        verbose_name_plural = _("toimialat")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Compliance(models.TextChoices):
    """How far the service meets the requirements (law 306/2019, WCAG 2.1 AA)."""

    FULL = "full", _("täyttää saavutettavuusvaatimukset")
    PARTIAL = "partial", _("täyttää saavutettavuusvaatimukset osittain")
    NONE = "none", _("ei täytä saavutettavuusvaatimuksia")


class AccessibilityStatement(models.Model):
    """The city-specific parts of the accessibility statement (saavutettavuusseloste).

    One row, edited in the admin; until it exists the page shows the shipped
    defaults (``strategy/accessibility.py``). The supervising authority is the
    law's, not the city's, so it is not here.
    """

    organisation = models.CharField(_("palvelun tarjoaja"), max_length=200)
    organisation_en = models.CharField(
        _("palvelun tarjoaja (en)"), max_length=200, blank=True
    )
    compliance = models.CharField(
        _("vaatimustenmukaisuus"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
    )
    shortcomings = models.TextField(
        _("tunnetut puutteet"),
        blank=True,
        help_text=_(
            "Yksi puute kappaleena (tyhjä rivi väliin): mikä ei ole saavutettavaa, "
            "miksi ja milloin se korjataan."
        ),
    )
    shortcomings_en = models.TextField(_("tunnetut puutteet (en)"), blank=True)
    assessment = models.TextField(
        _("miten saavutettavuus on arvioitu"),
        help_text=_("Esimerkiksi itsearviointi, automaattiset testit, ulkoinen arvio."),
    )
    assessment_en = models.TextField(
        _("miten saavutettavuus on arvioitu (en)"), blank=True
    )
    prepared_on = models.DateField(_("seloste laadittu"))
    reviewed_on = models.DateField(_("seloste viimeksi tarkistettu"))
    feedback_contact = models.CharField(
        _("palautteen vastaanottaja"),
        max_length=200,
        help_text=_("Esimerkiksi kaupungin kirjaamo."),
    )
    feedback_contact_en = models.CharField(
        _("palautteen vastaanottaja (en)"), max_length=200, blank=True
    )
    feedback_email = models.EmailField(_("palautteen sähköpostiosoite"))
    feedback_phone = models.CharField(
        _("palautteen puhelinnumero"), max_length=40, blank=True
    )
    feedback_url = models.URLField(_("palautelomake (osoite)"), blank=True)

    organisation_i18n = Translated("organisation")
    feedback_contact_i18n = Translated("feedback_contact")

    class Meta:
        verbose_name = _("saavutettavuusseloste")
        verbose_name_plural = _("saavutettavuusseloste")

    def __str__(self):
        return str(_("Saavutettavuusseloste"))

    def get_absolute_url(self):
        return reverse("strategy:accessibility")

    def clean(self):
        if (
            self.prepared_on
            and self.reviewed_on
            and self.reviewed_on < self.prepared_on
        ):
            raise ValidationError(
                {"reviewed_on": _("Tarkistuspäivä ei voi olla ennen laatimispäivää.")},
                code="review_before_statement",
            )

    @property
    def shortcomings_i18n(self) -> Text:
        return Text.of(self, "shortcomings")

    @property
    def assessment_i18n(self) -> Text:
        return Text.of(self, "assessment")


from .login_throttle import LoginFailure  # noqa: E402,F401  (a model of this app)
