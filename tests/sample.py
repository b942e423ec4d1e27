"""One small site of indicators in every state, shared by the tests.

``build_site`` makes indicators of every kind and status (the progress pages'
tests count them); ``build_sample_site`` adds an indicator with no readings and
a published report, and ``PUBLIC_PAGES`` names every public page over it: the
browser tests (tests/browser/) and the HTML validation open them all. The
fixtures ``site`` and ``sample_site`` (tests/conftest.py) build them.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from indicators.models import AnnualTarget, Indicator
from strategy.models import Measure, SuccessFactor


def measure(code: str) -> Measure:
    number, order = code.split(".")
    return Measure.objects.get(focus_area__number=number, order=order)


@dataclass
class Site:
    footpaths: Indicator  # numeric, yearly, at risk in 2025; area 1; factor 1
    unemployment: Indicator  # numeric, monthly, lower is better; area 2
    events: Indicator  # qualitative, on track; area 1; factors 1 and 3
    energy: Indicator  # numeric, achieved; area 4
    internal: Indicator  # not public; area 1; factor 1
    retired: Indicator  # no longer active; area 1


def build_site(make_indicator, make_reading, user) -> Site:
    factors = list(SuccessFactor.objects.order_by("order"))

    footpaths = make_indicator(
        source_url="https://www.example.fi/katurekisteri",
        external_id="KR-12",
        data_source_en="Street register of the city",
    )
    footpaths.success_factors.set([factors[0]])
    AnnualTarget.objects.create(indicator=footpaths, year=2024, value=110)
    AnnualTarget.objects.create(indicator=footpaths, year=2025, value=118)
    make_reading(footpaths, 2023, "100", user=user)
    make_reading(footpaths, 2024, "108.5", user=user, evidence="Katurekisteri 2024")
    make_reading(
        footpaths,
        2025,
        "112",
        user=user,
        narrative="Kaksi hanketta siirtyi vuodelle 2026.",
        evidence="Katurekisteri 2025",
    )

    unemployment = make_indicator(
        name="Työttömyysaste",
        name_en="Unemployment rate",
        description="Työttömien osuus työvoimasta.",
        unit="%",
        unit_en="%",
        direction="decrease",
        baseline_value=Decimal("14.0"),
        target_value=Decimal("10.0"),
        frequency="monthly",
        # Judged on its latest reading: the tests of the pages count statuses
        # of a fixed mix; the bases have tests of their own.
        status_basis="latest",
        data_source="Tilastokeskus",
        measures=[measure("2.2")],
    )
    for month, value in enumerate([12.9, 12.6, 12.4], start=1):
        make_reading(unemployment, 2025, value, user=user, part=month)

    events = make_indicator(
        name="Kylätapahtumien monipuolisuus",
        name_en="Variety of village events",
        kind="qualitative",
        unit="",
        decimals=0,
        baseline_value=None,
        baseline_year=None,
        target_value=None,
        target_year=None,
        data_source="Kyläyhdistysten kysely",
        measures=[measure("1.1")],
    )
    events.success_factors.set([factors[0], factors[2]])
    make_reading(
        events,
        2024,
        user=user,
        qualitative_status="at_risk",
        narrative="Ensimmäinen arvio: tapahtumia oli vähän.",
    )
    make_reading(
        events,
        2025,
        user=user,
        qualitative_status="on_track",
        narrative="Kylissä järjestettiin 42 tapahtumaa, joista kymmenen oli uusia.\n\n"
        "Talvikausi jäi ohueksi.",
    )

    energy = make_indicator(
        name="Energiankulutus",
        name_en="Energy use",
        unit="MWh",
        decimals=0,
        direction="decrease",
        data_source="Energiaseuranta",
        baseline_value=Decimal(21000),
        target_value=Decimal(18000),
        measures=[measure("4.1")],
    )
    make_reading(energy, 2025, "17900", user=user)

    internal = make_indicator(
        name="Sisäinen LED-mittari",
        name_en="Internal LED indicator",
        is_public=False,
        data_source="Sisäinen urakkaseuranta",
    )
    internal.success_factors.set([factors[0]])
    make_reading(internal, 2025, "160", user=user)

    retired = make_indicator(name="Poistunut mittari", is_active=False)
    make_reading(retired, 2024, "90", user=user)

    return Site(footpaths, unemployment, events, energy, internal, retired)


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
    "indicator-list-search": "/mittarit/?haku=kylien",
    "indicator-numeric": "/mittarit/{numeric}/",
    "indicator-monthly": "/mittarit/{monthly}/",
    "indicator-qualitative": "/mittarit/{qualitative}/",
    "indicator-no-data": "/mittarit/{no_data}/",
    "measure": "/toimenpiteet/{measure}/",
    "how-to-read": "/lukuohje/",
    "open-data": "/avoin-data/",
    "reports": "/raportit/",
    "report": "/raportit/{report}/",
}


@dataclass
class SampleSite:
    indicators: dict[str, object] = field(default_factory=dict)
    report: object = None
    measure: object = None

    def path(self, name: str) -> str:
        return PUBLIC_PAGES[name].format(
            report=self.report.pk,
            measure=self.measure.pk,
            **{key: ind.pk for key, ind in self.indicators.items()},
        )


def build_sample_site(make_indicator, make_reading, user) -> SampleSite:
    """The site of ``build_site``, an indicator with no readings yet, and a
    published report: every kind of page with every kind of content."""
    base = build_site(make_indicator, make_reading, user)
    site = SampleSite()
    site.indicators = {
        "numeric": base.footpaths,
        "monthly": base.unemployment,
        "qualitative": base.events,
        "internal": base.internal,
        "broadband": _broadband(make_indicator, make_reading, user),
        "no_data": make_indicator(
            name="Uusiutuvan energian osuus",
            name_en="Share of renewable energy",
            unit="%",
            measures=[measure("4.1")],
        ),
    }
    site.measure = _measure_with_progress(base.footpaths.department, user)
    site.report = _published_report(base.footpaths.strategy, user)
    return site


def _measure_with_progress(department, user):
    """Measure 1.2 with a department, a contact and two progress updates, the
    latest without an English text."""
    import datetime

    from django.utils import timezone

    from strategy.models import ContactPerson, MeasureUpdate

    progressing = measure("1.2")
    progressing.department = department
    progressing.contact = ContactPerson.objects.create(
        name="Tiina Tekninen",
        title="Rakennuttajainsinööri",
        email="tiina.tekninen@esimerkki.invalid",
    )
    progressing.save()
    today = timezone.localdate()
    for days_ago, phase, text, text_en in [
        (60, "in_progress", "Esteettömyyskartoitus alkoi.", "The survey began."),
        (5, "delayed", "Urakoitsijan valinta viivästyi.", ""),
    ]:
        MeasureUpdate.objects.create(
            measure=progressing,
            date=today - datetime.timedelta(days=days_ago),
            phase=phase,
            text=text,
            text_en=text_en,
            created_by=user,
            updated_by=user,
        )
    return progressing


def _broadband(make_indicator, make_reading, user):
    """A long unit and long status words: the widest table rows of the site."""
    broadband = make_indicator(
        name="Nopean laajakaistan saatavuus",
        name_en="Availability of fast broadband",
        unit="% kotitalouksista",
        unit_en="% of households",
        baseline_value=Decimal("62.0"),
        target_value=Decimal("80.0"),
        measures=[measure("2.2")],
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
    return broadband


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
