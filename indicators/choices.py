"""The indicators' vocabulary: kinds, directions, frequencies and statuses.

Depends on nothing of the project, so that every module — models, rules,
forms, loaders, the report — names these the same way instead of comparing
string literals.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    NUMERIC = "numeric", _("numeerinen")
    QUALITATIVE = "qualitative", _("laadullinen")


class Direction(models.TextChoices):
    INCREASE = "increase", _("suurempi on parempi")
    DECREASE = "decrease", _("pienempi on parempi")
    HOLD = "hold", _("pidetään tasolla")


class Frequency(models.TextChoices):
    YEARLY = "yearly", _("vuosittain")
    QUARTERLY = "quarterly", _("neljännesvuosittain")
    MONTHLY = "monthly", _("kuukausittain")


PARTS_PER_YEAR = {Frequency.YEARLY: 1, Frequency.QUARTERLY: 4, Frequency.MONTHLY: 12}


class Basis(models.TextChoices):
    """What a numeric indicator's status compares (``status.assess_on_basis``)."""

    LATEST = "latest", _("viimeisin tulos")
    ROLLING_MEAN = "rolling_mean", _("vuoden keskiarvo")
    YEAR_AGO = "year_ago", _("sama jakso vuotta aiemmin")


def default_basis(frequency: str) -> str:
    """Monthly and quarterly figures are judged on a year's mean: a seasonal
    peak alone must not turn an indicator red."""
    return Basis.LATEST if frequency == Frequency.YEARLY else Basis.ROLLING_MEAN


def basis_text(basis: str, frequency: str) -> str:
    """What a status compares, in words for the reader, or "" for a yearly
    indicator (whose status can only compare its latest reading)."""
    if frequency == Frequency.YEARLY:
        return ""
    if basis == Basis.ROLLING_MEAN:
        if frequency == Frequency.MONTHLY:
            return _("12 kuukauden keskiarvo")
        return _("4 neljänneksen keskiarvo")
    if basis == Basis.YEAR_AGO:
        return _("verrattuna samaan jaksoon vuotta aiemmin")
    return _("viimeisin tulos")


class Status(models.TextChoices):
    ACHIEVED = "achieved", _("saavutettu")
    ON_TRACK = "on_track", _("etenee tavoitteen mukaisesti")
    AT_RISK = "at_risk", _("riskissä")
    OFF_TRACK = "off_track", _("ei etene tavoitteen mukaisesti")
    NO_DATA = "no_data", _("ei tietoa")


# A symbol per status, so status is never told by colour alone.
ICONS = {
    Status.ACHIEVED: "✔",
    Status.ON_TRACK: "➜",
    Status.AT_RISK: "!",
    Status.OFF_TRACK: "✖",
    Status.NO_DATA: "–",
}

# Order for summaries: best first.
ORDER = [
    Status.ACHIEVED,
    Status.ON_TRACK,
    Status.AT_RISK,
    Status.OFF_TRACK,
    Status.NO_DATA,
]

# The statuses staff may choose for a qualitative assessment (and a
# coordinator for an override).
ASSESSED = [s for s in ORDER if s != Status.NO_DATA]
ASSESSED_CHOICES = [(s.value, s.label) for s in ASSESSED]
