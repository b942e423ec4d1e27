"""The public pages and a small site behind them, for browser and HTML checks.

Both the Chromium tests (tests/browser/) and the HTML validation test
(tests/test_html_valid.py) open every page of ``PUBLIC_PAGES`` over the data of
``build_sample_site``: indicators of every kind and status, so that badges,
charts, tables and narratives all appear on the pages being checked.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from strategy.models import Measure, SuccessFactor

# name -> path; {numeric}, {qualitative} … are filled from the sample site.
PUBLIC_PAGES = {
    "home": "/",
    "focus-area-1": "/painopistealueet/1/",
    "focus-area-2": "/painopistealueet/2/",
    "focus-area-3": "/painopistealueet/3/",
    "focus-area-4": "/painopistealueet/4/",
    "success-factors": "/menestystekijat/",
    "accessibility": "/saavutettavuus/",
    "login": "/kirjaudu/",
    "indicator-list": "/mittarit/",
    "indicator-list-filtered": "/mittarit/?haku=liikenne&laji=numeric&tila=on_track",
    "indicator-list-bad-filter": "/mittarit/?tila=bogus",
    "indicator-numeric": "/mittarit/{numeric}/",
    "indicator-monthly": "/mittarit/{monthly}/",
    "indicator-qualitative": "/mittarit/{qualitative}/",
    "indicator-no-data": "/mittarit/{no_data}/",
    "how-to-read": "/lukuohje/",
    "reports": "/raportit/",
    "report": "/raportit/{report}/",
}


@dataclass
class SampleSite:
    indicators: dict[str, object] = field(default_factory=dict)
    report: object = None

    def path(self, name: str) -> str:
        return PUBLIC_PAGES[name].format(
            report=self.report.pk,
            **{key: ind.pk for key, ind in self.indicators.items()},
        )


def build_sample_site(make_indicator, make_reading, user) -> SampleSite:
    """Indicators of each kind and status, with readings by ``user``."""
    from indicators.models import AnnualTarget

    site = SampleSite()
    factor = SuccessFactor.objects.order_by("order").first()

    numeric = make_indicator()  # km of footpaths, yearly, measure 1.2
    numeric.success_factors.set([factor])
    for year, value in [(2024, 110), (2025, 118)]:
        AnnualTarget.objects.create(indicator=numeric, year=year, value=value)
    make_reading(numeric, 2024, "108.5", user=user, evidence="Katurekisteri 2024")
    make_reading(numeric, 2025, "112.0", user=user, narrative="Kaksi hanketta siirtyi.")
    site.indicators["numeric"] = numeric

    monthly = make_indicator(
        name="Työttömyysaste",
        name_en="Unemployment rate",
        unit="%",
        unit_en="%",
        direction="decrease",
        baseline_value=Decimal("14.0"),
        target_value=Decimal("10.0"),
        frequency="monthly",
        measures=[Measure.objects.get(focus_area__number=2, order=1)],
    )
    for month, value in enumerate([13.9, 13.5, 13.1, 12.8, 12.2, 12.0], start=1):
        make_reading(monthly, 2025, value, user=user, part=month)
    site.indicators["monthly"] = monthly

    qualitative = make_indicator(
        name="Kylätapahtumien monipuolisuus",
        name_en="Variety of village events",
        kind="qualitative",
        unit="",
        decimals=0,
        baseline_value=None,
        baseline_year=None,
        target_value=None,
        target_year=None,
        measures=[Measure.objects.get(focus_area__number=3, order=1)],
    )
    qualitative.success_factors.set([factor])
    make_reading(
        qualitative,
        2025,
        user=user,
        qualitative_status="at_risk",
        narrative="Kesän tapahtumia oli vähemmän kuin edellisvuonna.\n\n"
        "Syksyllä kylät järjestivät kolme uutta tapahtumaa.",
    )
    site.indicators["qualitative"] = qualitative

    # A long unit and long status words: the widest table rows of the site.
    broadband = make_indicator(
        name="Nopean laajakaistan saatavuus",
        name_en="Availability of fast broadband",
        unit="% kotitalouksista",
        unit_en="% of households",
        baseline_value=Decimal("62.0"),
        target_value=Decimal("80.0"),
        measures=[Measure.objects.get(focus_area__number=2, order=2)],
    )
    make_reading(
        broadband,
        2024,
        "64.1",
        user=user,
        narrative="Kuituverkon rakentaminen siirtyi vuodelle 2025.",
        evidence="Traficom, laajakaistatilasto 2024",
    )
    make_reading(broadband, 2025, "62.5", user=user)  # off track
    site.indicators["broadband"] = broadband

    site.indicators["no_data"] = make_indicator(
        name="Uusiutuvan energian osuus",
        name_en="Share of renewable energy",
        unit="%",
        measures=[Measure.objects.get(focus_area__number=4, order=1)],
    )
    site.indicators["internal"] = make_indicator(
        name="Sisäinen seurantaluku", is_public=False
    )
    site.report = _published_report(numeric.strategy, user)
    return site


def _published_report(strategy, user):
    """A published mid-term report with data as of today and some narrative."""
    from django.utils import timezone

    from reports import services

    report = services.report_create(
        strategy=strategy,
        title="Kaupunkistrategian väliraportti",
        title_en="Mid-term report on the city strategy",
        cutoff_date=timezone.localdate(),
        introduction="Puolet strategiakaudesta on takana.\n\n- kylät\n- palvelut",
    )
    section = report.sections.get(focus_area__number=1)
    section.successes = "Kylätalojen verkosto **laajeni**."
    section.challenges = "Väestö vähenee edelleen."
    section.save()
    return services.report_publish(report=report, user=user)
