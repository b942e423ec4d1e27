"""The change history of an indicator: who, when, what: old → new."""

import datetime
from decimal import Decimal

from django.template.loader import render_to_string

import pytest

from indicators.history import indicator_changes
from strategy.models import Measure

# Midsummer 2026: the 2025 readings are due, 2026 is under way.
pytestmark = pytest.mark.usefixtures("on_2026_06_15")


def _fragment(indicator) -> str:
    return render_to_string(
        "indicators/includes/history.html",
        {"changes": indicator_changes(indicator)},
    )


def test_a_recorded_and_corrected_reading_shows_both_values_and_users(
    client, recorder, coordinator, indicator
):
    client.force_login(recorder)
    client.post(f"/mittarit/{indicator.pk}/kirjaa/", {"year": "2025", "value": "130"})
    reading = indicator.readings.get()
    client.force_login(coordinator)
    client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {"year": "2025", "value": "131,5", "lock_version": "1", "reason": "Tilasto"},
    )

    correction, recording = indicator_changes(indicator)[:2]
    assert correction.who == coordinator
    assert correction.subject == "Tulos 2025"
    assert correction.action == "muutettu"
    assert [(f.label, f.old, f.new) for f in correction.fields] == [
        ("arvo", "130,0", "131,5")
    ]
    assert recording.who == recorder
    assert recording.action == "lisätty"
    assert [(f.label, f.old, f.new) for f in recording.fields] == [
        ("arvo", "–", "130,0")
    ]

    html = _fragment(indicator)
    assert "Muutoshistoria: kuka muutti, milloin ja mitä</caption>" in html
    assert '<th scope="col">Kuka</th>' in html
    assert "Kirjaaja" in html and "Koordinaattori" in html
    assert '<span class="change-old">130,0</span>' in html
    assert '<span class="change-new">131,5</span>' in html
    assert html.index("131,5") < html.index("Kirjaaja")  # newest first


def test_a_withdrawal_shows_its_reason(client, recorder, indicator, make_reading):
    reading = make_reading(indicator, 2025, "130", user=recorder)
    client.force_login(recorder)
    client.post(
        f"/kirjaukset/{reading.pk}/peru/",
        {"reason": "Kirjattu väärälle mittarille", "lock_version": "1"},
    )
    withdrawal = indicator_changes(indicator)[0]
    assert withdrawal.action == "peruttu"
    assert withdrawal.who == recorder
    fields = {f.label: (f.old, f.new) for f in withdrawal.fields}
    assert fields["perumisen syy"] == ("–", "Kirjattu väärälle mittarille")
    assert fields["peruttu"][0] == "–"


def test_a_status_override_and_its_clearing_show_their_justifications(
    client, coordinator, indicator
):
    client.force_login(coordinator)
    client.post(
        f"/mittarit/{indicator.pk}/tila/",
        {"status": "at_risk", "justification": "Rahoitus on epävarma."},
    )
    client.post(
        f"/mittarit/{indicator.pk}/tila/",
        {"status": "", "justification": "Rahoitus varmistui."},
    )
    cleared, overridden = indicator_changes(indicator)[:2]
    assert cleared.reason == "Rahoitus varmistui."
    assert ("koordinaattorin asettama tila", "riskissä", "–") in [
        (f.label, f.old, f.new) for f in cleared.fields
    ]
    assert overridden.reason == ""  # shown as the changed justification instead
    assert ("perustelu tilan muutokselle", "–", "Rahoitus on epävarma.") in [
        (f.label, f.old, f.new) for f in overridden.fields
    ]
    assert "Rahoitus varmistui." in _fragment(indicator)


def test_changes_to_the_definition_and_targets_are_shown(
    indicator, education, recorder
):
    indicator.unit = "m"
    indicator.baseline_value = Decimal("100.5")
    indicator.department = education
    indicator.save()
    indicator.measures.add(Measure.objects.get(focus_area__number=2, order=1))
    target = indicator.annual_targets.create(year=2026, value=Decimal("140"))
    target.value = Decimal("141")
    target.save()
    target.delete()

    rows = [
        (c.subject, c.action, [(f.label, f.old, f.new) for f in c.fields])
        for c in indicator_changes(indicator)
    ]
    assert rows[0] == ("Vuositavoite 2026", "poistettu", [])
    assert rows[1] == ("Vuositavoite 2026", "muutettu", [("tavoite", "140,0", "141,0")])
    assert rows[2] == ("Vuositavoite 2026", "lisätty", [("tavoite", "–", "140,0")])
    assert rows[3] == ("Mittari", "muutettu", [("toimenpiteet", "1.2", "1.2, 2.1")])
    assert rows[4] == (
        "Mittari",
        "muutettu",
        [
            ("yksikkö", "km", "m"),
            ("lähtötaso", "100,0", "100,5"),
            ("vastuutoimiala", "Tekniset palvelut", "Sivistyspalvelut"),
        ],
    )


def test_years_are_not_grouped(client, recorder, indicator, make_reading):
    reading = make_reading(indicator, 2024, "110", user=recorder)
    # No page moves a reading to another year any more; older history may.
    reading.year = 2025
    reading.save()
    change = indicator_changes(indicator)[0]
    assert ("vuosi", "2024", "2025") in [(f.label, f.old, f.new) for f in change.fields]


def test_an_empty_history_says_so(indicator):
    indicator.history.all().delete()
    assert indicator_changes(indicator) == []
    assert "Muutoksia ei ole kirjattu." in _fragment(indicator)


@pytest.mark.parametrize("readings", [5, 50])
def test_its_queries_do_not_grow_with_the_history(
    indicator,
    recorder,
    education,
    make_reading,
    django_assert_max_num_queries,
    readings,
):
    for n in range(readings):
        reading = make_reading(indicator, 2024, n, user=recorder)
        reading.value = Decimal(n + 1)
        reading.save()
        reading.withdrawn_at = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
        reading.save()
        indicator.annual_targets.update_or_create(
            year=2024 + n % 5, defaults={"value": n}
        )
    indicator.department = education
    indicator.save()
    # Three history tables with their users, two many-to-many history tables,
    # and one lookup each for the departments and the measures named.
    with django_assert_max_num_queries(7):
        changes = indicator_changes(indicator)
    assert len(changes) > readings * 3
