"""Every form of the site, posted with odd input by the role it is for.

Each test posts a valid form with some fields replaced by odd values or left
out (``values.mutated``); ``harness.post_and_check`` asserts no server error,
nothing changed by a refused post, and only valid rows saved by an accepted
one.
"""

from django.utils import timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategy.models import Phase, User
from tests.sample import measure

from . import values as V
from .harness import post_and_check
from .surfaces import covers

ASSESSED = ["on_track", "at_risk", "off_track", "achieved"]
READING_FIELDS = {
    "year": V.year(),
    "part": st.one_of(V.choice(*[str(n) for n in range(13)]), V.number()),
    "value": V.number(),
    "qualitative_status": V.choice(*ASSESSED),
    "preliminary": V.flag(),
    "narrative": V.text(),
    "narrative_en": V.text(),
    "evidence": V.text(),
    "confirm_unusual": V.flag(),
}
VALID_READINGS = {
    # yearly, %, no readings yet
    "no_data": {"year": "2025", "value": "50", "narrative": "Selitys."},
    # monthly, readings for January–March 2025
    "monthly": {"year": "2025", "part": "4", "value": "12,3", "narrative": "S."},
    "qualitative": {
        "year": "2026",
        "qualitative_status": "on_track",
        "narrative": "Arvio.",
    },
}


@covers("indicators:reading_create")
@pytest.mark.parametrize("kind", sorted(VALID_READINGS))
@given(data=st.data())
def test_recording_a_reading(data, sample_site, recorder, kind):
    indicator = sample_site.indicators[kind]
    post = data.draw(V.mutated(VALID_READINGS[kind], READING_FIELDS))
    post_and_check(recorder, f"/mittarit/{indicator.pk}/kirjaa/", post)


@covers("indicators:reading_update")
@given(data=st.data())
def test_correcting_a_reading(data, sample_site, recorder):
    reading = sample_site.indicators["numeric"].readings.get(year=2025)
    valid = {
        "value": "113",
        "narrative": "Korjattu.",
        "reason": "Näppäilyvirhe.",
        "lock_version": str(reading.lock_version),
    }
    fields = {
        **READING_FIELDS,
        "reason": V.text(),
        "lock_version": V.identifier(reading.lock_version + 1),
    }
    post = data.draw(V.mutated(valid, fields))
    post_and_check(recorder, f"/kirjaukset/{reading.pk}/muokkaa/", post)


@covers("indicators:reading_withdraw")
@given(data=st.data())
def test_withdrawing_a_reading(data, sample_site, recorder):
    reading = sample_site.indicators["numeric"].readings.get(year=2025)
    valid = {"reason": "Väärä mittari.", "lock_version": str(reading.lock_version)}
    fields = {"reason": V.text(), "lock_version": V.identifier(99)}
    post = data.draw(V.mutated(valid, fields))
    post_and_check(recorder, f"/kirjaukset/{reading.pk}/peru/", post)


@covers("indicators:status_override")
@given(data=st.data())
def test_overriding_a_status(data, sample_site, coordinator):
    indicator = sample_site.indicators["numeric"]
    valid = {"status": "on_track", "justification": "Tilasto myöhästyy."}
    fields = {"status": V.choice("", *ASSESSED), "justification": V.text()}
    post = data.draw(V.mutated(valid, fields))
    post_and_check(coordinator, f"/mittarit/{indicator.pk}/tila/", post)


def _path_id(*known: int):
    """The id in a path: one of ``known``, none, or too big for any column."""
    return st.sampled_from([*known, 0, 2**31, 2**63, 10**40])


@covers("indicators:publish")
@given(data=st.data())
def test_publishing_an_indicator(data, objects, sample_site, coordinator):
    pk = data.draw(
        _path_id(objects["draft_indicator"], sample_site.indicators["internal"].pk)
    )
    post = data.draw(st.dictionaries(V.param_name(), V.text(), max_size=3))
    post_and_check(coordinator, f"/mittarit/{pk}/julkaise/", post)


@covers("indicators:department_members")
@given(data=st.data())
def test_attaching_and_detaching_members(data, objects, councillor, coordinator):
    department = objects["department"]
    users = list(User.objects.values_list("pk", flat=True))
    valid = {"action": "attach", "user": str(councillor.pk)}
    fields = {"action": V.choice("attach", "detach"), "user": V.identifier(*users)}
    post = data.draw(V.mutated(valid, fields))
    pk = data.draw(_path_id(department))
    post_and_check(coordinator, f"/toimialat/{pk}/jasenet/", post)


REPORT_FIELDS = {
    "title": V.text(),
    "title_en": V.text(),
    "cutoff_date": V.date(),
    "council_meeting_date": V.date(),
    "council_section": V.choice("45", "§ 45", "§45 a"),
    "minutes_url": V.choice("https://www.kemijarvi.fi/p", "www.kemijarvi.fi"),
    "contact_name": V.text(),
    "contact_title": V.text(),
    "contact_email": V.choice("tiina@kemijarvi.fi"),
    "contact_phone": V.choice("+358 40 123 4567", "040-1234567"),
    "introduction": V.text(),
    "introduction_en": V.text(),
}


@covers("reports:create")
@given(data=st.data())
def test_creating_a_report(data, strategy, mayors_office):
    valid = {"title": "Väliraportti", "cutoff_date": "30.6.2025"}
    post = data.draw(V.mutated(valid, REPORT_FIELDS))
    post_and_check(mayors_office, "/raportit/uusi/", post)


SECTION_FIELDS = {
    f"alue-{area}-{name}": V.text()
    for area in range(1, 5)
    for name in ("successes", "impacts", "challenges", "successes_en")
}


@covers("reports:update")
@given(data=st.data())
def test_writing_a_draft_report(data, objects, mayors_office):
    valid = {
        "title": "Luonnos",
        "cutoff_date": timezone.localdate().isoformat(),
        "lock_version": "1",
        "alue-1-successes": "Onnistumisia.",
    }
    fields = {
        **REPORT_FIELDS,
        **SECTION_FIELDS,
        "lock_version": V.identifier(2),
        "preview": V.flag(),
    }
    post = data.draw(V.mutated(valid, fields))
    post_and_check(mayors_office, f"/raportit/{objects['draft']}/muokkaa/", post)


@covers("reports:publish")
@given(data=st.data())
def test_publishing_a_report(data, objects, mayors_office):
    post = data.draw(V.mutated({"confirm": "on"}, {"confirm": V.flag()}))
    pk = data.draw(_path_id(objects["draft"], objects["report"]))
    post_and_check(mayors_office, f"/raportit/{pk}/julkaise/", post)


@covers("reports:new_version")
@given(data=st.data())
def test_starting_a_new_report_version(data, objects, mayors_office):
    post = data.draw(st.dictionaries(V.param_name(), V.text(), max_size=3))
    pk = data.draw(_path_id(objects["report"], objects["draft"]))
    post_and_check(mayors_office, f"/raportit/{pk}/uusi-versio/", post)


UPDATE_FIELDS = {
    "date": V.date(),
    "phase": V.choice(*Phase.values),
    "text": V.text(),
    "text_en": V.text(),
}


def _valid_update() -> dict:
    return {
        "date": timezone.localdate().isoformat(),
        "phase": "in_progress",
        "text": "Työ eteni.",
    }


@covers("strategy:measure_update_create")
@given(data=st.data())
def test_writing_a_measure_update(data, objects, recorder):
    post = data.draw(V.mutated(_valid_update(), UPDATE_FIELDS))
    pk = data.draw(_path_id(objects["measure"], measure("2.1").pk))
    post_and_check(recorder, f"/toimenpiteet/{pk}/paivita/", post)


@covers("strategy:measure_update_edit")
@given(data=st.data())
def test_correcting_a_measure_update(data, objects, recorder):
    post = data.draw(V.mutated(_valid_update(), UPDATE_FIELDS))
    path = f"/toimenpidepaivitykset/{objects['measure_update']}/muokkaa/"
    post_and_check(recorder, path, post)


NEXT = st.one_of(
    st.sampled_from(["/", "/mittarit/", "//evil.example", "https://evil.example/"]),
    V.text(),
)


@covers("set_language")
@given(data=st.data())
def test_choosing_the_language(data, recorder):
    valid = {"language": "en", "next": "/mittarit/"}
    fields = {"language": V.choice("fi", "en", "sv", "EN", "en-us"), "next": NEXT}
    post = data.draw(V.mutated(valid, fields))
    user = data.draw(st.sampled_from([None, recorder]))
    post_and_check(user, "/i18n/setlang/", post)


@covers("login")
@given(data=st.data())
def test_logging_in(data, recorder):
    valid = {"username": "kirjaaja", "password": "salasana-123", "next": "/omat/"}
    fields = {"username": V.choice("kirjaaja", "KIRJAAJA"), "next": NEXT}
    post = data.draw(V.mutated(valid, fields))
    # A refused login is counted (strategy/login_throttle.py): that row is
    # the point of the refusal, not a change it should have avoided.
    post_and_check(None, "/kirjaudu/", post, ignore={"strategy.loginfailure"})


@covers("logout")
@given(data=st.data())
def test_logging_out(data, recorder):
    post = data.draw(st.fixed_dictionaries({}, optional={"next": NEXT}))
    post_and_check(recorder, "/kirjaudu-ulos/", post)
