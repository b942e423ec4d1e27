from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from strategy import roles
from strategy.i18n import Text, Translated
from strategy.models import ContactPerson, Department, Measure, Strategy, SuccessFactor

from . import search
from .choices import ASSESSED_CHOICES, Basis, Direction, Frequency, Kind
from .periods import Period
from .plausibility import default_range, range_error, range_text

# What /mittarit/?haku= searches (``search_text``).
SEARCHED_FIELDS = (
    "name",
    "name_en",
    "description",
    "description_en",
    "data_source",
    "data_source_en",
)

# A reading belongs to a period of its indicator's frequency (a month has no
# place among quarters) and holds a number or an assessment by its kind: once
# an indicator has readings, withdrawn ones included, these stay as they are.
FIXED_ONCE_RECORDED = ("kind", "frequency")
FIXED_ONCE_RECORDED_MESSAGE = _(
    "Tätä ei voi muuttaa, koska mittarille on jo kirjattu tuloksia (myös "
    "perutut kuuluvat sen historiaan), ja ne on kirjattu nykyisen lajin ja "
    "seurantatiheyden mukaan. Perusta tarvittaessa uusi mittari ja poista tämä "
    "käytöstä."
)


def publicly_visible() -> models.Q:
    """The one rule of what is shown to everyone: public (not internal) and
    published (not a draft).

    Every public query goes through it: the pages for visitors, the counts,
    the API, exports and feeds (``IndicatorQuerySet.public``), and the report's
    history as of a cut-off date, whose historical rows have the same fields.
    """
    return models.Q(is_public=True, published_at__isnull=False)


class IndicatorQuerySet(models.QuerySet):
    def visible_to(self, user):
        """What ``user`` may see: drafts only for the staff roles
        (``roles.sees_drafts``), internal indicators for anyone logged in,
        the rest for everyone (DESIGN.md)."""
        if roles.sees_drafts(user):
            return self
        if user.is_authenticated:
            return self.published()
        return self.public()

    def public(self):
        return self.filter(publicly_visible())

    def published(self):
        """Not drafts: published by the coordinator (counts, overviews)."""
        return self.filter(published_at__isnull=False)

    def active(self):
        return self.filter(is_active=True)


class Indicator(models.Model):
    """A mittari: what is measured, against what plan, by whom."""

    strategy = models.ForeignKey(
        Strategy,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("kaupunkistrategia"),
    )
    name = models.CharField(_("nimi"), max_length=200)
    name_en = models.CharField(_("nimi (en)"), max_length=200, blank=True)
    description = models.TextField(
        _("kuvaus"), blank=True, help_text=_("Mitä mitataan ja miksi.")
    )
    description_en = models.TextField(_("kuvaus (en)"), blank=True)
    kind = models.CharField(
        _("laji"), max_length=12, choices=Kind.choices, default=Kind.NUMERIC
    )
    unit = models.CharField(_("yksikkö"), max_length=40, blank=True)
    unit_en = models.CharField(_("yksikkö (en)"), max_length=40, blank=True)
    decimals = models.PositiveSmallIntegerField(
        _("desimaaleja"),
        default=0,
        validators=[MaxValueValidator(4)],
        help_text=_("Montako desimaalia lukemassa saa olla (0–4)."),
    )
    direction = models.CharField(
        _("suunta"),
        max_length=10,
        choices=Direction.choices,
        default=Direction.INCREASE,
    )
    baseline_value = models.DecimalField(
        _("lähtötaso"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(
        _("lähtötason vuosi"), null=True, blank=True
    )
    target_value = models.DecimalField(
        _("tavoitetaso"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(
        _("tavoitevuosi"), null=True, blank=True
    )
    min_value = models.DecimalField(
        _("pienin sallittu arvo"),
        max_digits=18,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_(
            "Tätä pienempää tulosta ei voi kirjata. Uusi mittari saa yksikön "
            "mukaisen oletuksen: prosentit 0–100, lukumäärät vähintään 0."
        ),
    )
    max_value = models.DecimalField(
        _("suurin sallittu arvo"),
        max_digits=18,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Tätä suurempaa tulosta ei voi kirjata. Tyhjä: ei ylärajaa."),
    )
    frequency = models.CharField(
        _("seurantatiheys"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.YEARLY,
    )
    status_basis = models.CharField(
        _("tilan peruste"),
        max_length=12,
        choices=Basis.choices,
        blank=True,
        help_text=_(
            "Mitä tilassa verrataan suunnitelmaan. Tyhjä: kuukausittaisilla ja "
            "neljännesvuosittaisilla vuoden keskiarvo, vuosittaisilla viimeisin "
            "tulos."
        ),
    )
    data_source = models.CharField(_("tietolähde"), max_length=300, blank=True)
    data_source_en = models.CharField(_("tietolähde (en)"), max_length=300, blank=True)
    source_url = models.URLField(_("tietolähteen osoite"), blank=True)
    external_id = models.CharField(
        _("ulkoinen tunniste"),
        max_length=100,
        blank=True,
        help_text=_("Esimerkiksi Sotkanet-indikaattorin numero."),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("vastuutoimiala"),
    )
    measures = models.ManyToManyField(
        Measure, related_name="indicators", verbose_name=_("toimenpiteet")
    )
    success_factors = models.ManyToManyField(
        SuccessFactor,
        blank=True,
        related_name="indicators",
        verbose_name=_("menestystekijät"),
    )
    is_public = models.BooleanField(
        _("julkinen"),
        default=True,
        help_text=_("Sisäiset mittarit näkyvät vain kirjautuneille."),
    )
    is_active = models.BooleanField(
        _("käytössä"),
        default=True,
        help_text=_("Poistuneelle mittarille ei enää kirjata lukemia."),
    )
    # A new indicator is a draft until the coordinator publishes it
    # (services.indicator_publish): None while a draft.
    published_at = models.DateTimeField(
        _("julkaistu"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Uusi mittari on luonnos, jonka näkevät vain kirjaajat, "
            "koordinaattorit ja kaupunginjohtajan toimisto, kunnes koordinaattori "
            "julkaisee sen."
        ),
    )
    contact = models.ForeignKey(
        ContactPerson,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("yhteyshenkilö"),
        help_text=_("Näkyy mittarin julkisella sivulla."),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kirjaamisesta vastaava"),
        help_text=_(
            "Vastuutoimialan jäsen, joka kirjaa tulokset. Näkyy vain "
            "kirjautuneille (Omat mittarit, seuranta)."
        ),
    )
    is_demo = models.BooleanField(
        _("esimerkkiaineistoa"),
        default=False,
        help_text=_("Keksitty esittelyaineisto; sivut näyttävät siitä merkinnän."),
    )
    status_override = models.CharField(
        _("koordinaattorin asettama tila"),
        max_length=12,
        choices=ASSESSED_CHOICES,
        blank=True,
    )
    override_justification = models.TextField(
        _("perustelu tilan muutokselle"), blank=True
    )
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    updated_at = models.DateTimeField(_("muutettu"), auto_now=True)
    # The words of SEARCHED_FIELDS as search terms (``indicators/search.py``),
    # filled on save: /mittarit/?haku= filters on it on any database.
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = IndicatorQuerySet.as_manager()
    # The reason is a text field: clearing an override keeps its written
    # justification only here (the model keeps justifications of set overrides).
    history = HistoricalRecords(
        m2m_fields=[measures, success_factors],
        history_change_reason_field=models.TextField(null=True),
        excluded_fields=["search_text"],  # derived from the fields kept
    )

    name_i18n = Translated("name")
    description_i18n = Translated("description")
    unit_i18n = Translated("unit")
    data_source_i18n = Translated("data_source")

    class Meta:
        verbose_name = _("mittari")
        verbose_name_plural = _("mittarit")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status_override="")
                | models.Q(override_justification=""),
                name="indicator_justification_only_with_override",
                violation_error_message=_(
                    "Perustelu kuuluu vain koordinaattorin asettamalle tilalle."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(status_override="")
                | ~models.Q(override_justification=""),
                name="indicator_override_needs_justification",
                violation_error_message=_(
                    "Tilan muuttaminen käsin vaatii kirjallisen perustelun."
                ),
            ),
        ]
        indexes = [
            # /omat/ lists a department's active indicators.
            models.Index(
                fields=["department", "is_active"], name="indicator_dept_active"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # A new numeric indicator starts with its unit's plausible range
        # (plausibility.default_range); the coordinator may change it later.
        if (
            self._state.adding
            and self.is_numeric
            and self.min_value is None
            and self.max_value is None
        ):
            self.min_value, self.max_value = default_range(self.unit)
        self.search_text = self.searchable_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(SEARCHED_FIELDS) & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("indicators:detail", args=[self.pk])

    def searchable_text(self) -> str:
        return search.document(*(getattr(self, name) for name in SEARCHED_FIELDS))

    @property
    def is_numeric(self) -> bool:
        return self.kind == Kind.NUMERIC

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def step(self) -> Decimal:
        """The smallest step a reading may take (1, 0.1, 0.01 …)."""
        return Decimal(1).scaleb(-self.decimals)

    def before_period(self, year: int) -> bool:
        """A year before the strategy period: context, never judged
        (``state.Definition.before_period`` for states)."""
        return year < self.strategy.start_year

    def has_readings(self) -> bool:
        """Any reading at all, withdrawn ones included: they are its history."""
        return self.pk is not None and self.readings.exists()

    def clean(self):
        errors = {}
        for name in self._changed_fixed_fields():
            errors[name] = FIXED_ONCE_RECORDED_MESSAGE
        seasonal = self.is_numeric and self.frequency != Frequency.YEARLY
        if self.status_basis not in ("", Basis.LATEST) and not seasonal:
            errors["status_basis"] = _(
                "Vuoden keskiarvo ja vertailu vuoden takaiseen sopivat vain "
                "kuukausittaisille ja neljännesvuosittaisille numeerisille "
                "mittareille."
            )
        if self.is_numeric:
            if not self.unit:
                errors["unit"] = _("Numeerisella mittarilla on oltava yksikkö.")
            for field in ("baseline", "target"):
                value = getattr(self, f"{field}_value")
                year = getattr(self, f"{field}_year")
                if (value is None) != (year is None):
                    errors[f"{field}_year"] = _(
                        "Anna sekä arvo että vuosi, tai jätä molemmat tyhjiksi."
                    )
        errors.update(self._range_errors())
        if (
            self.baseline_year
            and self.target_year
            and self.target_year <= self.baseline_year
        ):
            errors["target_year"] = _(
                "Tavoitevuoden on oltava lähtötason vuoden jälkeen."
            )
        if self.source_url:
            try:
                URLValidator(schemes=["http", "https"])(self.source_url)
            except ValidationError as exc:
                errors["source_url"] = exc.messages
        if (
            self.responsible_id
            and self.department_id
            and not self.department.members.filter(pk=self.responsible_id).exists()
        ):
            errors["responsible"] = _(
                "Kirjaamisesta vastaavan on oltava vastuutoimialan jäsen."
            )
        if self.status_override and not self.override_justification.strip():
            errors["override_justification"] = _(
                "Tilan muuttaminen käsin vaatii kirjallisen perustelun."
            )
        if not self.status_override and self.override_justification.strip():
            errors["status_override"] = _("Valitse tila, jota perustelu koskee.")
        if errors:
            raise ValidationError(errors)

    def _range_errors(self) -> dict:
        """A range in order, and the baseline and target inside it."""
        low, high = self.min_value, self.max_value
        if low is not None and high is not None and low > high:
            return {"max_value": _("Suurimman arvon on oltava vähintään pienin arvo.")}
        errors = {}
        for name in ("baseline_value", "target_value"):
            if range_error(self, getattr(self, name)):
                errors[name] = _(
                    "Arvon on oltava mittarin sallitulla välillä: %(range)s."
                ) % {"range": range_text(self)}
        return errors

    def _changed_fixed_fields(self) -> list[str]:
        """The fields of FIXED_ONCE_RECORDED changed although readings exist."""
        if self.pk is None:
            return []
        rows = Indicator.objects.filter(pk=self.pk).values(*FIXED_ONCE_RECORDED)
        stored = rows.first()
        if stored is None:
            return []
        changed = [n for n in FIXED_ONCE_RECORDED if getattr(self, n) != stored[n]]
        return changed if changed and self.has_readings() else []


class AnnualTarget(models.Model):
    """Vuositavoite: the budget's yearly step toward the indicator's target."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="annual_targets",
        verbose_name=_("mittari"),
    )
    year = models.PositiveSmallIntegerField(_("vuosi"))
    value = models.DecimalField(_("tavoite"), max_digits=18, decimal_places=4)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vuositavoite")
        verbose_name_plural = _("vuositavoitteet")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"], name="annualtarget_one_per_year"
            )
        ]

    def __str__(self):
        return f"{self.indicator} {self.year}: {self.value}"

    def clean(self):
        strategy = self.indicator.strategy if self.indicator_id else None
        error = strategy.year_outside(self.year) if strategy and self.year else None
        if error:
            raise ValidationError({"year": error})


class ReadingQuerySet(models.QuerySet):
    def valid(self):
        """Readings that count: not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)

    def latest_first(self):
        return self.order_by("-period_end")


class Reading(models.Model):
    """Mittaustulos tai arvio: one period's value or assessment of an indicator."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        related_name="readings",
        verbose_name=_("mittari"),
    )
    year = models.PositiveSmallIntegerField(_("vuosi"))
    part = models.PositiveSmallIntegerField(
        _("jakso"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(12)],
        help_text=_("0 = koko vuosi, 1–4 = neljännes, 1–12 = kuukausi."),
    )
    # Derived from year and part on save; queries by date ("as of the cut-off")
    # and "latest reading" need it as a column.
    period_end = models.DateField(_("jakso päättyy"), editable=False)
    value = models.DecimalField(
        _("arvo"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    qualitative_status = models.CharField(
        _("arvioitu tila"), max_length=12, choices=ASSESSED_CHOICES, blank=True
    )
    narrative = models.TextField(
        _("arvio tai selitys"),
        blank=True,
        help_text=_(
            "Laadullisen mittarin arvio. Numeerisella mittarilla selitys, "
            "jos tulos jää tavoitteesta."
        ),
    )
    narrative_en = models.TextField(_("arvio tai selitys (en)"), blank=True)
    preliminary = models.BooleanField(
        _("ennakkotieto"),
        default=False,
        help_text=_(
            "Tilasto julkaistaan ensin ennakkotietona; lopullinen luku korvaa "
            "sen korjauksena."
        ),
    )
    evidence = models.TextField(
        _("lähde tai peruste"),
        blank=True,
        help_text=_("Mistä luku tai arvio on peräisin."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("kirjaaja"),
    )
    created_at = models.DateTimeField(_("kirjattu"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("viimeksi muuttanut"),
    )
    updated_at = models.DateTimeField(_("muutettu"), default=timezone.now)
    # Optimistic locking (indicators/locking.py): a correction names the
    # lock version it was based on.
    lock_version = models.PositiveIntegerField(_("lukitusversio"), default=1)
    # Set by a correction (indicators/services.py): public pages say so.
    corrected_at = models.DateTimeField(_("korjattu"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("peruttu"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("perumisen syy"), blank=True)

    objects = ReadingQuerySet.as_manager()
    # The reason is a text field: it names a confirmed unusual figure
    # (plausibility.confirmation_note) and, for imports, the file.
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        verbose_name = _("mittaustulos")
        verbose_name_plural = _("mittaustulokset")
        ordering = ["indicator", "period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "part"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="reading_one_per_period",
                violation_error_message=_("Tälle jaksolle on jo kirjattu tulos."),
            ),
            models.CheckConstraint(
                condition=models.Q(part__lte=12),
                name="reading_part_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=False)
                | ~models.Q(qualitative_status=""),
                name="reading_has_value_or_status",
            ),
        ]
        indexes = [
            # Latest reading per indicator, and readings as of a cut-off date.
            models.Index(
                fields=["indicator", "period_end"], name="reading_indicator_end"
            ),
        ]

    def __str__(self):
        return f"{self.indicator} {self.period}"

    def save(self, *args, **kwargs):
        self.period_end = self.period.end
        super().save(*args, **kwargs)

    @property
    def period(self) -> Period:
        return Period(self.indicator.frequency, self.year, self.part)

    @property
    def narrative_text(self) -> Text:
        """The explanation or assessment in Finnish and English ({% city_text %})."""
        return Text.of(self, "narrative")

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class Reminder(models.Model):
    """One indicator in one reminder email: who was reminded of which period,
    in which due state, and when (``indicators/reminders.py``).

    The log is what keeps the rule "once when a period falls due, once more
    when it becomes overdue, never twice for the same state".
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("vastaanottaja"),
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("mittari"),
    )
    year = models.PositiveSmallIntegerField(_("vuosi"))
    part = models.PositiveSmallIntegerField(_("jakso"), default=0)
    due_state = models.CharField(_("tila"), max_length=8)
    sent_at = models.DateTimeField(_("lähetetty"), default=timezone.now)

    class Meta:
        verbose_name = _("muistutus")
        verbose_name_plural = _("muistutukset")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "indicator", "year", "part", "due_state"],
                name="reminder_once_per_state",
            ),
        ]
        indexes = [
            # /omat/: when was this user last reminded.
            models.Index(fields=["user", "-sent_at"], name="reminder_user_sent"),
        ]

    def __str__(self):
        return (
            f"{self.user} {self.indicator_id} {self.year}/{self.part} {self.due_state}"
        )


# Peers and their figures live in their own module (statistics import).
from .peer_models import Peer, PeerValue  # noqa: E402, F401
