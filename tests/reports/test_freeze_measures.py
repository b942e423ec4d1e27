"""The measures' progress in the mid-term report, as of its cut-off date."""

import copy
import datetime

import pytest

from reports import freeze, services
from strategy.models import ContactPerson, Measure, MeasureUpdate, Phase
from tests.conftest import AFTER, CUTOFF
from tests.reports.test_freeze import _published_from

# The report's cut-off is 30.6.2025 (tests/conftest.py); publishing needs it past.
pytestmark = pytest.mark.usefixtures("on_2026_06_15")


@pytest.fixture
def measure(strategy, technical):
    m = Measure.objects.get(focus_area__number=1, order=2)
    m.department = technical
    m.contact = ContactPerson.objects.create(name="Tiina Tekninen", title="Insinööri")
    m.save()
    return m


@pytest.fixture
def write(recorder):
    def write(measure, date, phase, text, **fields) -> MeasureUpdate:
        return MeasureUpdate.objects.create(
            measure=measure,
            date=date,
            phase=phase,
            text=text,
            created_by=recorder,
            updated_by=recorder,
            **fields,
        )

    return write


def _part(content, area: int, order: int):
    [part] = [m for m in content.measures if (m.area, m.order) == (area, order)]
    return part


def test_it_takes_the_latest_update_dated_and_recorded_by_the_cut_off(
    report, measure, write, backdate
):
    early = write(measure, datetime.date(2025, 3, 1), Phase.IN_PROGRESS, "Alkoi.")
    later = write(measure, datetime.date(2025, 9, 1), Phase.DONE, "Valmis.")
    backdate(early)
    backdate(later)  # recorded in time, but dated after the cut-off
    late = write(measure, datetime.date(2025, 6, 1), Phase.DELAYED, "Myöhässä.")
    late.history.update(history_date=AFTER)  # dated in time, recorded after it
    part = _part(freeze.build(report), 1, 2)
    assert part.phase == Phase.IN_PROGRESS
    assert part.update_date == datetime.date(2025, 3, 1)
    assert part.update_text.fi == "Alkoi."
    assert part.department.fi == "Tekniset palvelut"
    assert part.contact == "Tiina Tekninen"


def test_it_shows_an_update_as_it_was_before_a_later_correction(
    report, measure, write, backdate
):
    update = write(measure, datetime.date(2025, 3, 1), Phase.IN_PROGRESS, "Alkoi.")
    backdate(update)
    update.text = "Korjattu myöhemmin."
    update.save()
    assert _part(freeze.build(report), 1, 2).update_text.fi == "Alkoi."


def test_a_measure_without_updates_has_not_started(report, strategy):
    content = freeze.build(report)
    assert (
        len(content.measures)
        == Measure.objects.filter(focus_area__strategy=strategy).count()
    )
    part = _part(content, 2, 1)
    assert part.phase == Phase.NOT_STARTED and part.update_date is None


def test_publishing_freezes_the_measures(
    client, make_report, recorded, mayors_office, measure, write, backdate
):
    backdate(write(measure, CUTOFF, Phase.DELAYED, "Urakka viivästyi."))
    report = services.report_publish(report=make_report(), user=mayors_office)
    assert report.frozen["schema"] == freeze.SCHEMA == 3
    # Written after publishing: the published report does not change.
    write(measure, datetime.date(2026, 1, 1), Phase.DONE, "Valmis.")
    html = client.get(f"/raportit/{report.pk}/").content.decode()
    assert "Toimenpiteiden eteneminen" in html
    assert 'phase-delayed">Viivästynyt</span>' in html
    assert "Tilannekatsaus 30.6.2025:" in html and "Urakka viivästyi." in html
    assert "Valmis." not in html


def test_it_reads_a_schema_2_report_without_measures(
    client, strategy, mayors_office, published
):
    older = copy.deepcopy(published.frozen)
    older["schema"] = 2
    del older["measures"]
    content = freeze.thaw(older)
    assert content.measures == []
    report = _published_from(strategy, mayors_office, older)
    r = client.get(f"/raportit/{report.pk}/")
    assert r.status_code == 200
    assert "Toimenpiteiden eteneminen" not in r.content.decode()


def test_it_marks_a_finnish_only_update_in_the_english_report(
    english, make_report, recorded, mayors_office, measure, write, backdate
):
    backdate(write(measure, CUTOFF, Phase.IN_PROGRESS, "Käynnissä."))
    report = services.report_publish(report=make_report(), user=mayors_office)
    html = english.get(f"/raportit/{report.pk}/").content.decode()
    assert (
        '<span lang="fi">Käynnissä.</span> <span class="fi-only-note">'
        "(in Finnish only)</span>"
    ) in html
