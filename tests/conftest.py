"""The fixed cast and shared fixtures of the test suite.

Dates: everything the tests record happens "now"; ``backdate`` moves an
object's history to an earlier moment, which is how a report (and the
history as of a date) knows what was recorded by its cut-off date.
"""

import datetime
import os
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.utils import translation

import pytest
import time_machine

from indicators.models import AnnualTarget
from strategy import roles
from strategy.loader import load_strategy_file
from strategy.models import Department, User


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # The manifest storage of production needs collectstatic; tests need not.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    # Production redirects to HTTPS; the test client speaks plain HTTP.
    settings.SECURE_SSL_REDIRECT = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _pdfs_need_chromium(monkeypatch):
    """Where Chromium is missing, a test that prints a report PDF is skipped
    and says why, as the browser tests are; under REQUIRE_BROWSER_TESTS=1 (CI)
    it fails instead."""
    from reports import chromium, pdf

    if chromium.browser_path():
        return

    def no_chromium(*args, **kwargs):
        why = "no Chromium: apt-get install chromium-headless-shell (README)"
        if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
            pytest.fail(f"REQUIRE_BROWSER_TESTS=1 but {why}")
        pytest.skip(why)

    monkeypatch.setattr(chromium, "_print_when_given", no_chromium)
    monkeypatch.setattr(pdf, "unavailable_reason", lambda: "")


@pytest.fixture(autouse=True)
def _finnish_by_default():
    with translation.override("fi"):
        yield


@pytest.fixture(autouse=True)
def _role_groups(request: pytest.FixtureRequest) -> None:
    """Recreate the role groups before a test on a transactional database
    (live-server, parallel-thread and two-server tests): Django empties such
    a database after each test, and with it the groups migration
    strategy/0002 made."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (
        "live_server" in request.fixturenames
        or "transactional_db" in request.fixturenames
        or (marker is not None and marker.kwargs.get("transaction"))
    )
    if not transactional:
        return
    request.getfixturevalue("transactional_db")
    for name in roles.ALL:
        Group.objects.get_or_create(name=name)


@pytest.fixture
def strategy(db):
    return load_strategy_file().strategy


def _user(username: str, *groups: str, departments=(), **extra) -> User:
    user = User.objects.create_user(
        username=username, password="salasana-123", first_name=username.title(), **extra
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    for department in departments:
        department.members.add(user)
    return user


@pytest.fixture
def technical(db):
    return Department.objects.create(
        name="Tekniset palvelut", name_en="Technical services"
    )


@pytest.fixture
def education(db):
    return Department.objects.create(
        name="Sivistyspalvelut", name_en="Education services"
    )


@pytest.fixture
def recorder(technical):
    """Staff of the department that owns the test indicators."""
    return _user("kirjaaja", roles.RECORDERS, departments=[technical])


@pytest.fixture
def other_recorder(education):
    """Staff of another department."""
    return _user("toinen", roles.RECORDERS, departments=[education])


@pytest.fixture
def coordinator(db):
    return _user("koordinaattori", roles.COORDINATORS)


@pytest.fixture
def staff_coordinator(coordinator):
    """A coordinator who may enter the admin: that needs staff status (README)."""
    coordinator.is_staff = True
    coordinator.save()
    return coordinator


@pytest.fixture
def mayors_office(db):
    return _user("kansliapaallikko", roles.MAYORS_OFFICE)


@pytest.fixture
def councillor(db):
    return _user("valtuutettu", roles.COUNCILLORS)


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("paakayttaja", password="salasana-123")


@pytest.fixture
def english(client):
    """Switch the client to English the way a visitor does."""
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


@pytest.fixture
def make_indicator(strategy, technical):
    """Factory: a public numeric indicator of Tekniset palvelut under measure 1.1."""
    from decimal import Decimal

    from indicators.models import Indicator
    from strategy.models import Measure

    def make(measures=None, **fields) -> "Indicator":
        """Published unless ``published_at=None`` is given (a draft)."""
        from django.utils import timezone

        defaults = {
            "published_at": timezone.now(),
            "strategy": strategy,
            "name": "Kevyen liikenteen väylät",
            "name_en": "Cycle and footpaths",
            "description": "Kunnossapidettyjen kevyen liikenteen väylien pituus.",
            "unit": "km",
            "decimals": 1,
            "direction": "increase",
            "baseline_value": Decimal("100"),
            "baseline_year": 2023,
            "target_value": Decimal("150"),
            "target_year": 2028,
            "frequency": "yearly",
            "data_source": "Kaupungin katurekisteri",
            "department": technical,
        }
        defaults.update(fields)
        indicator = Indicator.objects.create(**defaults)
        if measures is None:
            measures = [Measure.objects.get(focus_area__number=1, order=2)]
        indicator.measures.set(measures)
        return indicator

    return make


@pytest.fixture
def indicator(make_indicator):
    return make_indicator()


@pytest.fixture
def qualitative_indicator(make_indicator):
    return make_indicator(
        name="Kylätapahtumien monipuolisuus",
        name_en="Variety of village events",
        kind="qualitative",
        unit="",
        decimals=0,
        baseline_value=None,
        baseline_year=None,
        target_value=None,
        target_year=None,
    )


@pytest.fixture
def make_reading():
    """Factory: a reading recorded by ``user`` (plain ORM, no form)."""
    from decimal import Decimal

    from indicators.models import Reading

    def make(indicator, year, value=None, *, user, part=0, **fields) -> "Reading":
        if value is not None:
            value = Decimal(str(value))
        return Reading.objects.create(
            indicator=indicator,
            year=year,
            part=part,
            value=value,
            created_by=user,
            updated_by=user,
            **fields,
        )

    return make


HELSINKI = ZoneInfo("Europe/Helsinki")
CUTOFF = datetime.date(2025, 6, 30)
BEFORE = datetime.datetime(2025, 3, 1, 12, 0, tzinfo=HELSINKI)
LAST_MOMENT = datetime.datetime(2025, 6, 30, 23, 59, tzinfo=HELSINKI)
AFTER = datetime.datetime(2025, 7, 1, 0, 1, tzinfo=HELSINKI)


@pytest.fixture
def backdate():
    def backdate(obj, when: datetime.datetime = BEFORE) -> None:
        """Pretend every version of ``obj`` so far was saved at ``when``."""
        obj.history.update(history_date=when)

    return backdate


@pytest.fixture
def recorded(indicator, recorder, make_reading, backdate):
    """The test indicator (100 km in 2023 → 150 km in 2028) with readings
    for 2023 and 2024 and an annual target for 2024, all recorded before the
    cut-off date."""
    readings = [
        make_reading(indicator, 2023, "100", user=recorder),
        make_reading(indicator, 2024, "120", user=recorder),
    ]
    target = AnnualTarget.objects.create(
        indicator=indicator, year=2024, value=Decimal("115")
    )
    for obj in [indicator, target, *readings]:
        backdate(obj)
    return indicator


@pytest.fixture
def on_2026_06_15(settings):
    """Today is 15.6.2026 in Helsinki (time-machine moves every clock)."""
    settings.INDICATOR_GRACE_DAYS = 60
    with time_machine.travel(datetime.datetime(2026, 6, 15, 12, 0, tzinfo=HELSINKI)):
        yield


@pytest.fixture
def reading(indicator, recorder, make_reading):
    """A 2025 reading of the test indicator: 130 km against a plan of 120 km."""
    return make_reading(indicator, 2025, "130", user=recorder)


@pytest.fixture
def site(strategy, make_indicator, make_reading, recorder):
    """Indicators in every state (tests/sample.py)."""
    from tests.sample import build_site

    return build_site(make_indicator, make_reading, recorder)


@pytest.fixture
def sample_site(strategy, make_indicator, make_reading, recorder):
    """Every kind of public page with content (tests/sample.py)."""
    from tests.sample import build_sample_site

    return build_sample_site(make_indicator, make_reading, recorder)


@pytest.fixture
def contact(db):
    """A contact person (indicators' and measures' "Yhteyshenkilö")."""
    from strategy.models import ContactPerson

    return ContactPerson.objects.create(
        name="Maija Mäkinen",
        title="kunnossapitopäällikkö",
        title_en="head of maintenance",
        email="kunnossapito@example.fi",
    )
