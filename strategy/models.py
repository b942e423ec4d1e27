from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .i18n import Translated


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

    def year_outside(self, year: int) -> ValidationError | None:
        """The refusal of a year outside the strategy period, or None.

        The one place this check is written: annual targets in the admin and
        readings on the entry forms both ask it.
        """
        if year in self.years:
            return None
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

    @property
    def code(self) -> str:
        """Reference such as "1.2": the focus area's number and the measure's."""
        return f"{self.focus_area.number}.{self.order}"


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

    name_i18n = Translated("name")

    class Meta:
        verbose_name = _("toimiala")
        verbose_name_plural = _("toimialat")
        ordering = ["name"]

    def __str__(self):
        return self.name


from .login_throttle import LoginFailure  # noqa: E402,F401  (a model of this app)
