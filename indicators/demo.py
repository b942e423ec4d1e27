"""Example data for trying the portal out: ``manage.py load_demo``.

Everything here is *invented* (Esimerkkiaineisto): plausible Kemijärvi
indicators with their real data sources named, and made-up readings
2020–2025. Every indicator is marked ``is_demo=True`` so that the pages can
say so in a banner; production set-up never runs this.

Loading is idempotent and gentle: rows that exist already are left as they
are, so readings and edits made while trying the demo survive the next
``make run``. Only periods that have ended by ``today`` get readings, and
yearly ones stop at 2025 so that 2026 is left to record.

Demo users get the fixed ``DEMO_PASSWORD`` only when debug is on; otherwise
their passwords are made unusable, so a server that is not a developer's
machine never has accounts with a published password.
"""

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from simple_history.utils import bulk_create_with_history

from strategy import roles
from strategy.models import Department, Measure, Strategy, User

from . import periods
from .choices import Frequency, Kind, Status
from .models import AnnualTarget, Indicator, Reading
from .status import assess_numeric, needs_explanation

STRATEGY_SLUG = "kemijarvi-2024-2028"
DEMO_PASSWORD = "kemijarvi-demo"
# Demo accounts are recognised by this address; RFC 2606 reserves .invalid.
EMAIL_DOMAIN = "esimerkki.invalid"
FIRST_YEAR = 2020
LAST_YEARLY = 2025  # 2026 is left for the demo users to record
# The history is dated as if the demo had been kept up all along, so that a
# report with a past cut-off (the mid-term date) finds the data of its time:
# indicators defined at the start of the strategy, each reading recorded some
# weeks after its period ended.
DEFINED_ON = datetime.date(2024, 1, 15)
RECORDED_AFTER = datetime.timedelta(days=40)

HISTORY_EXPLANATION = (
    "Luku on ajalta ennen strategiakautta. Tila lasketaan suhteessa "
    "lähtötasoon (vuosi %(year)s), josta strategian tavoitepolku alkaa."
)

KONSERNI = "Konsernipalvelut"
SIVISTYS = "Sivistyspalvelut"
TEKNISET = "Tekniset palvelut"
ELINVOIMA = "Elinvoimapalvelut"

DEPARTMENTS = {
    KONSERNI: "Corporate services",
    SIVISTYS: "Education services",
    TEKNISET: "Technical services",
    ELINVOIMA: "Vitality and business services",
}


class DemoError(Exception):
    """The demo cannot be loaded; nothing was changed."""


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str  # a group of strategy.roles; "" for none
    departments: tuple[str, ...] = ()
    is_staff: bool = False
    is_superuser: bool = False

    @property
    def email(self) -> str:
        return f"{self.username}@{EMAIL_DOMAIN}"


USERS = [
    DemoUser("kirjaaja", "Kaisa", "Niemelä", roles.RECORDERS, (TEKNISET,)),
    DemoUser("sivistys", "Oskari", "Lehtola", roles.RECORDERS, (SIVISTYS,)),
    DemoUser("koordinaattori", "Riikka", "Salmela", roles.COORDINATORS, is_staff=True),
    DemoUser("kanslia", "Juha", "Kivelä", roles.MAYORS_OFFICE),
    DemoUser("valtuutettu", "Aino", "Rantala", roles.COUNCILLORS),
    DemoUser(
        "paakayttaja",
        "Pekka",
        "Pääkäyttäjä",
        "",
        is_staff=True,
        is_superuser=True,
    ),
]
COORDINATOR = "koordinaattori"
# Who records each department's readings; the coordinator records the rest.
RECORDER_OF = {TEKNISET: "kirjaaja", SIVISTYS: "sivistys"}


@dataclass(frozen=True)
class DemoIndicator:
    name: str
    name_en: str
    description: str
    description_en: str
    department: str
    measures: tuple[str, ...]  # codes such as "1.2"
    data_source: str
    data_source_en: str
    kind: str = "numeric"
    unit: str = ""
    unit_en: str = ""
    decimals: int = 0
    direction: str = "increase"
    baseline: tuple[str, int] | None = None  # (value, year)
    target: tuple[str, int] | None = None
    frequency: str = Frequency.YEARLY
    source_url: str = ""
    external_id: str = ""
    success_factors: tuple[int, ...] = ()  # positions, 1-based
    is_public: bool = True
    annual_targets: dict[int, str] = field(default_factory=dict)
    # Yearly numeric readings by year, or a series (year, part) → value.
    values: dict[int, str] = field(default_factory=dict)
    series: Callable[[int, int], Decimal] | None = None
    # Narratives by year for numeric readings (explanations, comments).
    notes: dict[int, str] = field(default_factory=dict)
    # Used for any reading that must explain itself and has no note of its own.
    explanation: str | Callable[[periods.Period], str] = ""
    evidence: str = ""  # formatted with {period}
    # Qualitative readings: year → (status, narrative, evidence).
    assessments: dict[int, tuple[Status, str, str]] = field(default_factory=dict)
    status_override: str = ""
    override_justification: str = ""


def _quarterly_e_services(year: int, part: int) -> Decimal:
    """Share of online transactions: a yearly level plus a rise within the year."""
    level = {
        2020: "20.0",
        2021: "25.5",
        2022: "30.5",
        2023: "35.0",
        2024: "40.5",
        2025: "45.5",
        2026: "50.5",
        2027: "55.5",
        2028: "60.0",
    }[year]
    return Decimal(level) + (Decimal(part) - Decimal("2.5")) * Decimal("1.1")


# Unemployment in Eastern Lapland peaks in winter and when students look for
# summer jobs, and is lowest in the autumn; the offsets sum to zero.
UNEMPLOYMENT_YEARLY = {
    2020: "16.2",
    2021: "14.6",
    2022: "12.8",
    2023: "12.4",
    2024: "12.9",
    2025: "12.1",
    2026: "11.3",
    2027: "10.4",
    2028: "9.5",
}
UNEMPLOYMENT_MONTHLY = {
    1: "0.9",
    2: "0.7",
    3: "0.4",
    4: "0.1",
    5: "-0.4",
    6: "0.3",
    7: "0.5",
    8: "-0.2",
    9: "-0.6",
    10: "-0.7",
    11: "-0.5",
    12: "-0.5",
}


def _monthly_unemployment(year: int, part: int) -> Decimal:
    return Decimal(UNEMPLOYMENT_YEARLY[year]) + Decimal(UNEMPLOYMENT_MONTHLY[part])


def _unemployment_explanation(period: periods.Period) -> str:
    if period.part in (12, 1, 2, 3):
        return (
            "Talvikuukausina työttömyys nousee kausiluonteisesti rakentamisen ja "
            "metsäalan hiljentyessä. Työllisyyspalvelut kohdistavat talven "
            "palkkatuen ja koulutukset pitkään työttömänä olleisiin."
        )
    if period.part in (6, 7):
        return (
            "Kesällä opiskelijat ja vastavalmistuneet ilmoittautuvat "
            "työnhakijoiksi, mikä nostaa lukua. Kaupungin kesätyöseteli tukee "
            "nuorten kesätöitä paikallisissa yrityksissä."
        )
    return (
        "Työttömyys on laskenut, mutta tavoitepolkua hitaammin. Vuoden 2025 "
        "alussa kunnalle siirtyneet työllisyyspalvelut ja yritysten "
        "rekrytointitapahtumat jatkuvat."
    )


INDICATORS = [
    # 1. Kylien kaupunki
    DemoIndicator(
        name="Väkiluku",
        name_en="Population",
        description=(
            "Kemijärven asukasluku vuoden lopussa. Tavoitteena on pysäyttää "
            "väestön väheneminen: väkiluku pidetään strategiakauden lopussa "
            "noin 6 900 asukkaassa."
        ),
        description_en=(
            "The population of Kemijärvi at the end of the year. The aim is to "
            "halt the decline: the population is held at about 6,900 at the end "
            "of the strategy period."
        ),
        department=KONSERNI,
        measures=("1.1",),
        success_factors=(1,),
        unit="asukasta",
        unit_en="residents",
        direction="hold",
        baseline=("6990", 2023),
        target=("6900", 2028),
        data_source="Tilastokeskus, väestörakenne (StatFin-taulukko 11ra)",
        data_source_en="Statistics Finland, population structure (StatFin table 11ra)",
        source_url="https://stat.fi/tilasto/vaerak",
        external_id="11ra",
        values={
            2020: "7270",
            2021: "7180",
            2022: "7085",
            2023: "6990",
            2024: "6931",
            2025: "6880",
        },
        notes={
            2025: (
                "Muuttotappio pieneni edellisvuodesta, mutta kuolleita oli "
                "edelleen selvästi syntyneitä enemmän."
            )
        },
        evidence="Tilastokeskus, väestörakenne 31.12. ({period}, ennakkotieto)",
        status_override="at_risk",
        override_justification=(
            "Väkiluku vähenee yhä lähes prosentin vuodessa. Laskennallinen tila "
            "nojaa pidettävän tason ±5 %:n toleranssiin, joka on väkiluvulle "
            "liian väljä: nykyvauhdilla 6 900 asukkaan raja alittuu jo vuonna 2026."
        ),
    ),
    DemoIndicator(
        name="Kaupungin tukemat kylätapahtumat ja -hankkeet",
        name_en="Village events and projects supported by the city",
        description=(
            "Kylissä järjestetyt tapahtumat ja kehittämishankkeet, joita "
            "kaupunki on tukenut avustuksella, tiloilla tai työllä."
        ),
        description_en=(
            "Events and development projects in the villages that the city has "
            "supported with grants, premises or work."
        ),
        department=ELINVOIMA,
        measures=("1.1",),
        success_factors=(2,),
        unit="kpl",
        unit_en="pcs",
        baseline=("18", 2023),
        target=("30", 2028),
        data_source="Kaupungin avustuspäätökset ja hankerekisteri",
        data_source_en="The city's grant decisions and project register",
        values={2020: "9", 2021: "12", 2022: "16", 2023: "18", 2024: "21", 2025: "25"},
        notes={
            2020: "Koronarajoitukset peruivat suurimman osan kesän kylätapahtumista.",
            2021: (
                "Tapahtumat käynnistyivät uudelleen vasta loppuvuodesta "
                "rajoitusten päätyttyä."
            ),
        },
        evidence="Avustuspäätökset ja kyläyhdistysten raportit {period}",
    ),
    DemoIndicator(
        name="Kylien elinvoima",
        name_en="Vitality of the villages",
        kind=Kind.QUALITATIVE,
        description=(
            "Elinvoimapalvelujen vuosittainen arvio kylien elinvoimasta: "
            "kylätoiminta, palvelut, yrittäjyys ja asukkaiden oma arvio "
            "kyläkyselyssä."
        ),
        description_en=(
            "Vitality services' yearly assessment of the villages: village "
            "activities, services, entrepreneurship and the residents' own view "
            "in the village survey."
        ),
        department=ELINVOIMA,
        measures=("1.1",),
        success_factors=(2,),
        data_source="Kyläkysely ja kyläyhdistysten kuulemiset",
        data_source_en="Village survey and hearings of the village associations",
        assessments={
            2024: (
                Status.AT_RISK,
                "Kylien tapahtumatoiminta elpyi, mutta kaksi kyläkauppaa lopetti "
                "toimintansa. Kyläkyselyn vastaajista alle puolet piti kylänsä "
                "palveluja riittävinä. Kylien yhteinen kehittämissuunnitelma on "
                "valmisteilla.",
                "Kyläkysely 2024 (412 vastaajaa), kyläyhdistysten kuulemiset",
            ),
            2025: (
                Status.ON_TRACK,
                "Kyläyhdistysten kanssa laadittu kylien kehittämissuunnitelma "
                "hyväksyttiin keväällä, ja Leader-rahoitteisia kylähankkeita "
                "käynnistyi neljä. Tyytyväisyys asuinkylään nousi kyläkyselyssä "
                "edellisvuodesta. Palvelujen saatavuus syrjäkylissä on edelleen "
                "haaste.",
                "Kyläkysely 2025 (455 vastaajaa), kylien kehittämissuunnitelma",
            ),
        },
    ),
    DemoIndicator(
        name="Nopean laajakaistan saatavuus",
        name_en="Availability of fast broadband",
        description=(
            "Niiden kotitalouksien osuus, joihin on saatavilla vähintään "
            "100 Mbit/s kiinteä laajakaista. Toimiva yhteys on kylien "
            "etäpalvelujen ja etätyön edellytys."
        ),
        description_en=(
            "Share of households with fixed broadband of at least 100 Mbit/s "
            "available. A working connection is what remote services and remote "
            "work in the villages depend on."
        ),
        department=TEKNISET,
        measures=("1.2",),
        success_factors=(1,),
        unit="% kotitalouksista",
        unit_en="% of households",
        decimals=1,
        baseline=("62.0", 2023),
        target=("80.0", 2028),
        data_source="Traficom, kiinteän laajakaistan saatavuus",
        data_source_en=(
            "Finnish Transport and Communications Agency Traficom, "
            "fixed broadband availability"
        ),
        source_url="https://tieto.traficom.fi/",
        # 2025 is missing on purpose: the demo recorder has it to do.
        values={
            2020: "48.5",
            2021: "52.0",
            2022: "57.5",
            2023: "62.0",
            2024: "64.1",
        },
        notes={
            2024: (
                "Kuituverkon rakentaminen Luusuan ja Isokylän suunnalla siirtyi "
                "vuodelle 2025, koska laajakaistatuen päätös viivästyi. "
                "Rakennusurakka on kilpailutettu."
            )
        },
        evidence="Traficom, laajakaistan saatavuus {period}",
    ),
    # 2. Palvelut kaikille
    DemoIndicator(
        name="Sähköisen asioinnin osuus",
        name_en="Share of online transactions",
        description=(
            "Sähköisesti vireille tulleiden hakemusten ja ilmoitusten osuus "
            "kaikista (esimerkiksi varhaiskasvatus-, avustus- ja "
            "lupahakemukset). Seurataan neljännesvuosittain."
        ),
        description_en=(
            "Share of applications and notifications submitted online (for "
            "example early childhood education, grant and permit applications). "
            "Followed quarterly."
        ),
        department=KONSERNI,
        measures=("2.1",),
        unit="%",
        unit_en="%",
        decimals=1,
        baseline=("35.0", 2023),
        target=("60.0", 2028),
        frequency=Frequency.QUARTERLY,
        data_source="Kaupungin asiointipalvelun ja asiakaspalvelun tilastot",
        data_source_en="Statistics of the city's e-services and customer service",
        series=_quarterly_e_services,
        explanation=(
            "Paperilomakkeiden käyttö jatkui ennakoitua pidempään, koska osa "
            "sähköisistä lomakkeista uusittiin saavutettavuuskorjausten vuoksi."
        ),
        evidence="Asiointipalvelun raportti {period}",
    ),
    DemoIndicator(
        name="Verkkopalvelujen saavutettavuus",
        name_en="Accessibility of the city's online services",
        kind=Kind.QUALITATIVE,
        description=(
            "Arvio siitä, täyttävätkö kaupungin verkkosivusto ja sähköiset "
            "lomakkeet saavutettavuusvaatimukset (WCAG 2.1 AA) ja onko "
            "saavutettavuusseloste ajan tasalla."
        ),
        description_en=(
            "Assessment of whether the city's website and online forms meet the "
            "accessibility requirements (WCAG 2.1 AA) and whether the "
            "accessibility statement is up to date."
        ),
        department=KONSERNI,
        measures=("2.1",),
        data_source="Saavutettavuusauditoinnit ja saavutettavuusselosteet",
        data_source_en="Accessibility audits and accessibility statements",
        source_url="https://www.saavutettavuusvaatimukset.fi/",
        assessments={
            2024: (
                Status.AT_RISK,
                "Verkkosivuston auditoinnissa löytyi 27 poikkeamaa WCAG 2.1 AA "
                "-vaatimuksista, ja yhdeksän niistä esti lomakkeiden käytön "
                "ruudunlukijalla. Korjaussuunnitelma laadittiin ja "
                "saavutettavuusseloste päivitettiin.",
                "Ulkoinen saavutettavuusauditointi 10/2024",
            ),
            2025: (
                Status.ON_TRACK,
                "Sähköiset lomakkeet uusittiin, ja uusintatarkastuksessa "
                "poikkeamia löytyi enää kuusi, joista yksikään ei estä "
                "asiointia. Henkilöstölle järjestettiin koulutus saavutettavasta "
                "sisällöntuotannosta. PDF-liitteiden korjaaminen jatkuu.",
                "Uusintatarkastus 11/2025, päivitetty saavutettavuusseloste",
            ),
        },
    ),
    DemoIndicator(
        name="Sairastavuusindeksi",
        name_en="Morbidity index",
        description=(
            "THL:n ikävakioitu sairastavuusindeksi (koko maa = 100): "
            "keskeisten kansansairauksien yleisyys kunnan väestössä. Hyvinvoinnin "
            "ja terveyden edistäminen kuuluu kunnalle myös sote-uudistuksen "
            "jälkeen."
        ),
        description_en=(
            "THL's age-standardised morbidity index (Finland = 100): how common "
            "the major chronic diseases are among the residents. Promoting "
            "health and well-being remains a municipal task after the health "
            "and social services reform."
        ),
        department=SIVISTYS,
        measures=("2.2",),
        unit="indeksi",
        unit_en="index",
        decimals=1,
        direction="decrease",
        baseline=("136.2", 2023),
        target=("130.0", 2028),
        data_source="THL, Sotkanet: sairastavuusindeksi, ikävakioitu",
        data_source_en=(
            "Finnish Institute for Health and Welfare (THL), Sotkanet: "
            "age-standardised morbidity index"
        ),
        source_url="https://sotkanet.fi/sotkanet/fi/metadata/indicators/5641",
        external_id="5641",
        values={
            2020: "139.8",
            2021: "138.9",
            2022: "137.1",
            2023: "136.2",
            2024: "135.6",
            2025: "134.8",
        },
        notes={
            2024: (
                "Indeksi laski vain vähän. Mielenterveyden häiriöiden sekä tuki- "
                "ja liikuntaelinsairauksien osaindeksit ovat yhä korkeita, ja "
                "ikääntyvä väestö nostaa sairastavuutta."
            ),
            2025: (
                "Sairastavuus väheni, mutta tavoitepolkua hitaammin. "
                "Liikuntaneuvonnan ja hyvinvointialueen kanssa aloitetun matalan "
                "kynnyksen mielenterveystyön vaikutus näkyy luvuissa viiveellä."
            ),
        },
        evidence="Sotkanet, indikaattori 5641, tilastovuosi {period}",
    ),
    DemoIndicator(
        name="Perusopetuksen päättäneiden sijoittuminen jatko-opintoihin",
        name_en="Comprehensive school leavers continuing in further education",
        description=(
            "Niiden peruskoulun päättäneiden osuus, jotka aloittivat lukio- tai "
            "ammatilliset opinnot tai valmentavan koulutuksen samana vuonna."
        ),
        description_en=(
            "Share of comprehensive school leavers who started general upper "
            "secondary, vocational or preparatory education the same year."
        ),
        department=SIVISTYS,
        measures=("2.3",),
        success_factors=(3,),
        unit="%",
        unit_en="%",
        decimals=1,
        baseline=("95.1", 2023),
        target=("98.0", 2028),
        data_source=(
            "Opetushallitus, Vipunen: perusopetuksen päättäneiden välitön sijoittuminen"
        ),
        data_source_en=(
            "Finnish National Agency for Education, Vipunen: immediate "
            "transition of comprehensive school leavers"
        ),
        source_url="https://vipunen.fi/",
        values={
            2020: "93.8",
            2021: "94.6",
            2022: "93.9",
            2023: "95.1",
            2024: "95.8",
            2025: "96.4",
        },
        evidence="Vipunen, päättäneiden sijoittuminen {period}",
    ),
    DemoIndicator(
        name="Henkilöstön sairauspoissaolot",
        name_en="Staff sickness absence",
        description=(
            "Kaupungin henkilöstön sairauspoissaolot työpäivinä henkilötyövuotta "
            "kohden. Sisäinen mittari: näkyy vain kirjautuneille."
        ),
        description_en=(
            "Sickness absence of the city's staff in working days per "
            "person-year. An internal indicator, shown to logged-in users only."
        ),
        department=KONSERNI,
        measures=("2.2",),
        success_factors=(2,),
        is_public=False,
        unit="työpäivää / htv",
        unit_en="working days per person-year",
        decimals=1,
        direction="decrease",
        baseline=("14.8", 2023),
        target=("12.0", 2028),
        annual_targets={
            2024: "14.5",
            2025: "14.0",
            2026: "13.5",
            2027: "12.8",
            2028: "12.0",
        },
        data_source="Kaupungin henkilöstöraportti (palkkahallinnon tiedot)",
        data_source_en="The city's personnel report (payroll data)",
        values={
            2020: "13.1",
            2021: "14.0",
            2022: "15.9",
            2023: "14.8",
            2024: "15.1",
            2025: "15.6",
        },
        notes={
            2024: (
                "Pitkät sairauspoissaolot lisääntyivät erityisesti "
                "varhaiskasvatuksessa ja ruokapalveluissa. Varhaisen tuen mallia "
                "päivitetään yhdessä työterveyshuollon kanssa."
            ),
            2025: (
                "Poissaolot kasvoivat edelleen; muutama yli 90 päivän poissaolo "
                "selittää noin kolmanneksen kasvusta. Esihenkilöiden "
                "työkykyjohtamisen koulutus alkoi syksyllä, ja korvaavan työn "
                "mallia laajennetaan."
            ),
        },
        evidence="Henkilöstöraportti {period}",
    ),
    # 3. Yritysten mahdollisuudet
    DemoIndicator(
        name="Työttömyysaste",
        name_en="Unemployment rate",
        description=(
            "Työttömien työnhakijoiden osuus työvoimasta kuukauden lopussa. "
            "Seurataan kuukausittain; vuoden tavoitteeseen verrataan kunkin "
            "kuukauden lukua."
        ),
        description_en=(
            "Unemployed jobseekers as a share of the labour force at the end of "
            "the month. Followed monthly; each month is compared with the "
            "year's target."
        ),
        department=ELINVOIMA,
        measures=("3.1",),
        success_factors=(2, 4),
        unit="%",
        unit_en="%",
        decimals=1,
        direction="decrease",
        baseline=("12.4", 2023),
        target=("9.0", 2028),
        frequency=Frequency.MONTHLY,
        data_source="Työ- ja elinkeinoministeriö, Työnvälitystilasto",
        data_source_en=(
            "Ministry of Economic Affairs and Employment, Employment Service Statistics"
        ),
        source_url="https://tem.fi/tyonvalitystilasto",
        series=_monthly_unemployment,
        explanation=_unemployment_explanation,
        evidence="TEM, Työnvälitystilasto {period}",
    ),
    DemoIndicator(
        name="Yritysten toimipaikat",
        name_en="Business establishments",
        description="Kemijärvellä toimivien yritysten toimipaikkojen määrä.",
        description_en="Number of business establishments operating in Kemijärvi.",
        department=ELINVOIMA,
        measures=("3.1",),
        success_factors=(2,),
        unit="kpl",
        unit_en="pcs",
        baseline=("560", 2023),
        target=("600", 2028),
        data_source="Tilastokeskus, yritysrekisteri: alueellinen yritystoimintatilasto",
        data_source_en=(
            "Statistics Finland, Business Register: regional statistics on "
            "entrepreneurial activity"
        ),
        source_url="https://stat.fi/tilasto/alyr",
        values={
            2020: "548",
            2021: "552",
            2022: "561",
            2023: "560",
            2024: "556",
            2025: "553",
        },
        notes={
            2024: (
                "Toimipaikkoja väheni kaupan ja majoitustoiminnan aloilla. "
                "Itärajan sulkeminen vähensi matkailijoiden asiointia, ja korkea "
                "korkotaso siirsi investointeja."
            ),
            2025: (
                "Lopettaneita toimipaikkoja oli yhä enemmän kuin aloittaneita. "
                "Sukupolvenvaihdoksia tuetaan yritysneuvonnalla, ja "
                "teollisuusalueen tonttien markkinointi aloitettiin."
            ),
        },
        evidence="Tilastokeskus, yritysrekisterin ennakkotieto {period}",
    ),
    DemoIndicator(
        name="Aloittaneet yritykset",
        name_en="New enterprises",
        description="Vuoden aikana Kemijärvellä aloittaneiden yritysten määrä.",
        description_en="Number of enterprises started in Kemijärvi during the year.",
        department=ELINVOIMA,
        measures=("3.1",),
        unit="kpl",
        unit_en="pcs",
        baseline=("28", 2023),
        target=("40", 2028),
        data_source="Tilastokeskus, aloittaneet ja lopettaneet yritykset",
        data_source_en="Statistics Finland, enterprise openings and closures",
        source_url="https://stat.fi/tilasto/aly",
        values={2020: "24", 2021: "31", 2022: "26", 2023: "28", 2024: "32", 2025: "35"},
        evidence="Tilastokeskus, aloittaneet yritykset {period}",
    ),
    DemoIndicator(
        name="Yritysyhteistyö ja kumppanuudet",
        name_en="Cooperation with businesses and partners",
        kind=Kind.QUALITATIVE,
        description=(
            "Arvio kaupungin ja yritysten yhteistyöstä sekä paikallisista ja "
            "kansainvälisistä kumppanuuksista: yritysfoorumi, yrityskäynnit, "
            "yrityskysely ja kumppanuussopimukset."
        ),
        description_en=(
            "Assessment of cooperation between the city and businesses and of "
            "local and international partnerships: business forum, company "
            "visits, business survey and partnership agreements."
        ),
        department=ELINVOIMA,
        measures=("3.1",),
        success_factors=(2, 4),
        data_source="Elinvoimapalvelujen arvio; yrityskysely",
        data_source_en="Assessment by the vitality services; business survey",
        assessments={
            2024: (
                Status.ON_TRACK,
                "Yritysfoorumi kokoontui neljä kertaa, ja yrityskäyntejä tehtiin "
                "46. Kaupunki sopi alueen ammattikorkeakoulun kanssa yhteistyöstä "
                "biotalouden kehittämisessä. Kansainvälinen yhteistyö painottui "
                "Pohjois-Ruotsin ja Pohjois-Norjan kumppaneihin.",
                "Yritysfoorumin muistiot, yrityskäyntien kirjaukset 2024",
            ),
            2025: (
                Status.ACHIEVED,
                "Yrityskyselyssä 71 % vastaajista piti yhteistyötä kaupungin "
                "kanssa hyvänä (tavoite 70 %). Teollisuusalueelle sijoittui kaksi "
                "uutta yritystä yhteisen markkinoinnin tuloksena. Kumppanuusmalli "
                "on vakiintunut osaksi elinvoimapalvelujen työtä.",
                "Yrityskysely 2025 (118 vastaajaa)",
            ),
        },
    ),
    # 4. Kestävä energia ja talous
    DemoIndicator(
        name="Kasvihuonekaasupäästöt",
        name_en="Greenhouse gas emissions",
        description=(
            "Kemijärven alueen kasvihuonekaasupäästöt yhteensä ilman "
            "päästökauppasektoria ja hyvityksiä (Hinku-laskenta)."
        ),
        description_en=(
            "Total greenhouse gas emissions of the Kemijärvi area without the "
            "emissions trading sector and offsets (Hinku method)."
        ),
        department=TEKNISET,
        measures=("4.1",),
        unit="kt CO₂-ekv.",
        unit_en="kt CO₂e",
        decimals=1,
        direction="decrease",
        baseline=("62.0", 2023),
        target=("50.0", 2028),
        data_source="SYKE, kuntien ja alueiden kasvihuonekaasupäästöt",
        data_source_en=(
            "Finnish Environment Institute SYKE, greenhouse gas emissions of "
            "municipalities and regions"
        ),
        source_url="https://paastot.hiilineutraalisuomi.fi/",
        values={
            2020: "71.3",
            2021: "69.8",
            2022: "65.4",
            2023: "62.0",
            2024: "59.4",
            2025: "57.6",
        },
        notes={
            2024: (
                "Kaukolämmön öljykattilan korvaaminen hakkeella näkyy "
                "lämmityksen päästöissä."
            )
        },
        evidence="SYKE, päästötiedot {period} (ennakkotieto)",
    ),
    DemoIndicator(
        name="Kaupungin kiinteistöjen energiankulutus",
        name_en="Energy consumption of the city's buildings",
        description=(
            "Kaupungin omistamien rakennusten sääkorjattu lämmön ja sähkön "
            "kulutus yhteensä. Kaupunki on mukana kunta-alan "
            "energiatehokkuussopimuksessa."
        ),
        description_en=(
            "Weather-corrected heat and electricity consumption of the "
            "buildings the city owns. The city takes part in the municipal "
            "energy efficiency agreement."
        ),
        department=TEKNISET,
        measures=("4.1",),
        unit="GWh",
        unit_en="GWh",
        decimals=1,
        direction="decrease",
        baseline=("24.5", 2023),
        target=("22.0", 2028),
        data_source="Kaupungin energianhallintajärjestelmä",
        data_source_en="The city's energy management system",
        values={
            2020: "26.1",
            2021: "26.8",
            2022: "25.2",
            2023: "24.5",
            2024: "23.1",
            2025: "21.8",
        },
        notes={
            2025: (
                "Tavoite saavutettiin etuajassa: kahden koulun ilmanvaihdon "
                "ohjaus uusittiin ja kaupungintalon lämmitys siirtyi "
                "maalämpöön."
            )
        },
        evidence="Energianhallintajärjestelmän vuosiraportti {period}",
    ),
    DemoIndicator(
        name="Vuosikate",
        name_en="Annual margin",
        description=(
            "Vuosikate euroa asukasta kohden: riittääkö tulorahoitus "
            "investointeihin ja lainojen lyhennyksiin. Vuositavoitteet ovat "
            "talousarviosta."
        ),
        description_en=(
            "Annual margin in euros per resident: whether operating income "
            "covers investments and loan repayments. The yearly targets come "
            "from the budget."
        ),
        department=KONSERNI,
        measures=("4.2",),
        success_factors=(5,),
        unit="€/asukas",
        unit_en="€ per resident",
        baseline=("148", 2023),
        target=("300", 2028),
        annual_targets={
            2024: "170",
            2025: "210",
            2026: "240",
            2027: "270",
            2028: "300",
        },
        data_source="Valtiokonttori, Kuntatalous (tutkikuntia.fi)",
        data_source_en="State Treasury, municipal finances (tutkikuntia.fi)",
        source_url="https://www.tutkikuntia.fi/",
        values={
            2020: "412",
            2021: "356",
            2022: "205",
            2023: "148",
            2024: "163",
            2025: "188",
        },
        notes={
            2020: "Koronatuet nostivat vuosikatetta tilapäisesti.",
            2025: (
                "Vuosikate parani mutta jäi talousarviosta: valtionosuuksien "
                "leikkaukset ja työllisyyspalvelujen siirto kunnalle lisäsivät "
                "menoja. Talouden tasapainotusohjelman toimet kohdistuvat "
                "vuosiin 2026–2027."
            ),
        },
        evidence="Tilinpäätös {period}; Valtiokonttori, kuntatalous",
    ),
    DemoIndicator(
        name="Uusiutuvan energian hankkeiden edistyminen",
        name_en="Progress of renewable energy projects",
        kind=Kind.QUALITATIVE,
        description=(
            "Arvio siitä, miten kaupunki on edistänyt tuuli- ja aurinkovoiman "
            "sekä uusiutuvan lämmöntuotannon hankkeita kaavoituksella, "
            "luvituksella ja konserniyhtiöiden investoinneilla."
        ),
        description_en=(
            "Assessment of how the city has promoted wind, solar and renewable "
            "heat projects through land-use planning, permits and the "
            "investments of its group companies."
        ),
        department=ELINVOIMA,
        measures=("4.1",),
        success_factors=(5,),
        data_source="Elinvoimapalvelujen ja teknisten palvelujen arvio",
        data_source_en="Assessment by the vitality and technical services",
        assessments={
            2024: (
                Status.ON_TRACK,
                "Kaupunki teki kaavoitussopimukset kahden tuulivoimahankkeen "
                "kanssa ja selvitti aurinkovoimalan sijoittamista "
                "teollisuusalueelle. Kaukolämmön tuotannossa öljy korvattiin "
                "hakkeella ja sähkökattilalla.",
                "Kaavoitussopimukset, kaukolämpöyhtiön vuosikertomus 2024",
            ),
            2025: (
                Status.ON_TRACK,
                "Toisen tuulivoimahankkeen osayleiskaava hyväksyttiin, ja "
                "aurinkovoimalan rakentaminen alkoi teollisuusalueella. "
                "Sähköverkon liityntäkapasiteetti on hankkeiden aikataulun "
                "suurin riski.",
                "Kaupunginvaltuuston päätös osayleiskaavasta 2025",
            ),
        },
    ),
    DemoIndicator(
        name="Omistajaohjauksen toimivuus",
        name_en="Effectiveness of ownership steering",
        kind=Kind.QUALITATIVE,
        description=(
            "Kaupunginhallituksen arvio konserniyhtiöiden tavoitteiden "
            "toteutumisesta ja omistajaohjauksen toimivuudesta. Uusi mittari: "
            "ensimmäistä arviota ei ole vielä kirjattu."
        ),
        description_en=(
            "The city board's assessment of how the group companies met their "
            "goals and how ownership steering works. A new indicator: the first "
            "assessment has not been recorded yet."
        ),
        department=KONSERNI,
        measures=("4.2",),
        success_factors=(5,),
        data_source="Konsernijaoston arvio ja yhtiöiden raportit",
        data_source_en="Assessment by the group committee and company reports",
    ),
]


@dataclass
class DemoResult:
    created: Counter = field(default_factory=Counter)
    passwords_set: int = 0
    passwords_disabled: int = 0

    @property
    def changed(self) -> bool:
        return bool(
            sum(self.created.values()) or self.passwords_set or self.passwords_disabled
        )


def load_demo(*, debug: bool, today: datetime.date | None = None) -> DemoResult:
    """Add the demo departments, users, indicators and readings (idempotent)."""
    if today is None:
        today = timezone.localdate()
    strategy = Strategy.objects.filter(slug=STRATEGY_SLUG).first()
    if strategy is None:
        raise DemoError(
            f"the strategy '{STRATEGY_SLUG}' is not in the database; "
            "run load_strategy first."
        )
    with transaction.atomic():
        result = DemoResult()
        departments = _departments(result)
        users = _users(result, departments, debug)
        measures = _measures(strategy)
        factors = {f.order: f for f in strategy.success_factors.all()}
        for definition in INDICATORS:
            _indicator(
                result,
                strategy,
                definition,
                departments,
                users,
                measures,
                factors,
                today,
            )
        return result


def _departments(result: DemoResult) -> dict[str, Department]:
    departments = {}
    for name, name_en in DEPARTMENTS.items():
        # An existing department keeps its own English name.
        department, created = Department.objects.get_or_create(
            name=name, defaults={"name_en": name_en}
        )
        result.created["departments"] += created
        departments[name] = department
    return departments


def _users(result: DemoResult, departments, debug: bool) -> dict[str, User]:
    existing = {u.username: u for u in User.objects.filter(username__in=_usernames())}
    foreign = sorted(
        name
        for name, user in existing.items()
        if user.email != f"{name}@{EMAIL_DOMAIN}"
    )
    if foreign:
        raise DemoError(
            "these users exist and are not demo users: "
            f"{', '.join(foreign)}. load_demo leaves real accounts alone; "
            "rename them or use another database."
        )
    users = {}
    for spec in USERS:
        user = existing.get(spec.username)
        if user is None:
            user = User(
                username=spec.username,
                first_name=spec.first_name,
                last_name=spec.last_name,
                email=spec.email,
                is_staff=spec.is_staff,
                is_superuser=spec.is_superuser,
            )
            _apply_password_rule(user, debug)
            user.save()
            result.created["users"] += 1
        elif debug and not user.has_usable_password():
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            result.passwords_set += 1
        elif not debug and user.has_usable_password():
            user.set_unusable_password()
            user.save(update_fields=["password"])
            result.passwords_disabled += 1
        # add() is a no-op for links that exist.
        if spec.role:
            user.groups.add(Group.objects.get(name=spec.role))
        for name in spec.departments:
            departments[name].members.add(user)
        users[spec.username] = user
    return users


def _usernames() -> list[str]:
    return [spec.username for spec in USERS]


def _apply_password_rule(user: User, debug: bool) -> None:
    """The published demo password only on a developer's machine (DEBUG)."""
    if debug:
        user.set_password(DEMO_PASSWORD)
    else:
        user.set_unusable_password()


def _measures(strategy: Strategy) -> dict[str, Measure]:
    return {
        m.code: m
        for m in Measure.objects.filter(focus_area__strategy=strategy).select_related(
            "focus_area"
        )
    }


def _at(day: datetime.date) -> datetime.datetime:
    """Ten in the morning of ``day`` in the city's time, but never in the future."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    return min(moment, timezone.now())


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _indicator(
    result, strategy, definition, departments, users, measures, factors, today
) -> None:
    department = departments[definition.department]
    coordinator = users[COORDINATOR]
    recorder = users[RECORDER_OF.get(definition.department, COORDINATOR)]
    indicator = Indicator.objects.filter(
        strategy=strategy, name=definition.name, is_demo=True
    ).first()
    if indicator is None:
        indicator = _create_indicator(
            strategy, definition, department, measures, factors, coordinator
        )
        result.created["indicators"] += 1

    have = set(indicator.annual_targets.values_list("year", flat=True))
    for year, value in definition.annual_targets.items():
        if year not in have:
            target = AnnualTarget(indicator=indicator, year=year, value=Decimal(value))
            target.full_clean()
            target._history_user = coordinator
            target._history_date = _at(DEFINED_ON)
            target.save()
            result.created["annual targets"] += 1
    targets = {t.year: t.value for t in indicator.annual_targets.all()}

    # Any reading of the period, withdrawn or not, means someone has been there.
    taken = set(indicator.readings.values_list("year", "part"))
    new = []
    for reading in _readings(definition, indicator, targets, today):
        if (reading.year, reading.part) in taken:
            continue
        reading.created_by = reading.updated_by = recorder
        recorded = _at(reading.period.end + RECORDED_AFTER)
        reading.created_at = reading.updated_at = reading._history_date = recorded
        # bulk_create skips Reading.save(), which derives this.
        reading.period_end = reading.period.end
        new.append(reading)
    # In bulk: a monthly indicator has some 80 readings.
    bulk_create_with_history(new, Reading, default_user=recorder)
    result.created["readings"] += len(new)


def _create_indicator(
    strategy, definition, department, measures, factors, coordinator
) -> Indicator:
    baseline = definition.baseline or (None, None)
    target = definition.target or (None, None)
    indicator = Indicator(
        strategy=strategy,
        name=definition.name,
        name_en=definition.name_en,
        description=definition.description,
        description_en=definition.description_en,
        kind=definition.kind,
        unit=definition.unit,
        unit_en=definition.unit_en,
        decimals=definition.decimals,
        direction=definition.direction,
        baseline_value=_decimal(baseline[0]),
        baseline_year=baseline[1],
        target_value=_decimal(target[0]),
        target_year=target[1],
        frequency=definition.frequency,
        data_source=definition.data_source,
        data_source_en=definition.data_source_en,
        source_url=definition.source_url,
        external_id=definition.external_id,
        department=department,
        is_public=definition.is_public,
        is_demo=True,
        status_override=definition.status_override,
        override_justification=definition.override_justification,
    )
    indicator.full_clean()
    indicator._history_user = coordinator
    # Also dates the history rows that measures.set() below adds.
    indicator._history_date = _at(DEFINED_ON)
    indicator.save()
    try:
        indicator.measures.set([measures[code] for code in definition.measures])
    except KeyError as exc:
        raise DemoError(
            f"{definition.name}: measure {exc} is not in the strategy"
        ) from None
    indicator.success_factors.set([factors[n] for n in definition.success_factors])
    return indicator


def _periods(frequency: str, today: datetime.date, last_year: int):
    """Periods from FIRST_YEAR that have ended before ``today``."""
    period = periods.first_period(frequency, FIRST_YEAR)
    while period.end < today and period.year <= last_year:
        yield period
        period = period.next()


def _readings(definition, indicator, targets, today):
    """Unsaved readings of the definition for periods that have ended."""
    if definition.kind == Kind.QUALITATIVE:
        for year, (status, narrative, evidence) in definition.assessments.items():
            period = periods.Period(Frequency.YEARLY, year, 0)
            if period.end < today:
                yield Reading(
                    indicator=indicator,
                    year=year,
                    part=0,
                    qualitative_status=status,
                    narrative=narrative,
                    evidence=evidence,
                )
        return
    if definition.series is None:
        values = definition.values
        last_year = LAST_YEARLY
    else:
        last_year = indicator.strategy.end_year
    for period in _periods(definition.frequency, today, last_year):
        if definition.series is None:
            if period.year not in values:
                continue
            value = Decimal(values[period.year])
        else:
            value = definition.series(period.year, period.part)
        value = value.quantize(indicator.step, rounding=ROUND_HALF_UP)
        narrative = definition.notes.get(period.year, "") if period.part == 0 else ""
        assessment = assess_numeric(indicator, value, period.year, targets)
        if needs_explanation(assessment.status) and not narrative:
            narrative = _explanation(definition, indicator, period)
        yield Reading(
            indicator=indicator,
            year=period.year,
            part=period.part,
            value=value,
            narrative=narrative,
            evidence=definition.evidence.format(period=_label(period)),
        )


def _label(period: periods.Period) -> str:
    """The period in Finnish whatever language is active (the data is Finnish)."""
    if period.frequency == Frequency.YEARLY:
        return str(period.year)
    if period.frequency == Frequency.QUARTERLY:
        return f"{period.part}. neljännes {period.year}"
    return f"{period.part}/{period.year}"


def _explanation(
    definition: DemoIndicator, indicator: Indicator, period: periods.Period
) -> str:
    baseline_year = indicator.baseline_year
    if baseline_year is not None and period.year < baseline_year:
        # The status rule compares years before the baseline with the baseline.
        return HISTORY_EXPLANATION % {"year": baseline_year}
    explanation = definition.explanation
    if callable(explanation):
        return explanation(period)
    if not explanation:
        # A definition error, caught by the tests.
        raise DemoError(
            f"{definition.name} {_label(period)} needs an explanation and has none"
        )
    return explanation
