"""reports/freeze.py: what a published report stores, and reading it back."""

import copy
import datetime
import json
from pathlib import Path

import pytest

from indicators.choices import Status
from reports import freeze
from reports.models import MidtermReport
from strategy.models import Measure, SuccessFactor
from tests.conftest import CUTOFF

SCHEMA_1 = Path(__file__).parent / "fixtures" / "report-schema-1.json"


def _published_from(strategy, mayors_office, frozen: dict) -> MidtermReport:
    """A published report whose stored content is ``frozen`` as it is."""
    return MidtermReport.objects.create(
        strategy=strategy,
        title="Kaupunkistrategian väliraportti",
        cutoff_date=CUTOFF,
        status="published",
        published_by=mayors_office,
        published_at=datetime.datetime(2026, 7, 1, 9, 0, tzinfo=datetime.UTC),
        frozen=frozen,
    )


def test_it_reads_back_what_it_stores(published):
    content = freeze.thaw(published.frozen)
    assert published.frozen["schema"] == freeze.SCHEMA
    assert freeze.to_json(content) == published.frozen
    assert json.loads(json.dumps(published.frozen)) == published.frozen


def test_it_stores_what_the_draft_showed(report, recorded):
    built = freeze.build(report)
    assert freeze.thaw(json.loads(json.dumps(freeze.freeze(report)))) == built


def test_it_refuses_a_schema_it_does_not_know(published):
    future = dict(published.frozen, schema=99)
    with pytest.raises(ValueError, match="99"):
        freeze.thaw(future)


def test_it_gives_a_field_added_later_its_default(published):
    older = copy.deepcopy(published.frozen)
    for item in older["indicators"]:
        del item["definition"]["external_id"]
        del item["definition"]["factors"]
    content = freeze.thaw(older)
    [state] = content.states.values()
    assert state.definition.external_id == ""
    assert state.definition.factors == ()


def test_it_groups_indicators_by_focus_area_and_success_factor(
    strategy, report, make_indicator, backdate
):
    factor = SuccessFactor.objects.get(strategy=strategy, order=2)
    both = make_indicator(
        name="Kahden alueen mittari",
        measures=[
            Measure.objects.get(focus_area__number=2, order=1),
            Measure.objects.get(focus_area__number=4, order=1),
        ],
    )
    both.success_factors.set([factor])
    backdate(both)
    content = freeze.build(report)
    areas = {a.number: a.indicator_ids for a in content.areas}
    assert areas == {1: [], 2: [both.pk], 3: [], 4: [both.pk]}
    factors = {f.order: f.indicator_ids for f in content.factors}
    assert factors[2] == [both.pk] and factors[1] == []


def test_it_uses_the_measures_linked_at_the_cut_off(report, recorded):
    recorded.measures.set([Measure.objects.get(focus_area__number=3, order=1)])
    areas = {a.number: a.indicator_ids for a in freeze.build(report).areas}
    assert areas[1] == [recorded.pk] and areas[3] == []


# -- schema 1: reports published before the read side's redesign ---------------


@pytest.fixture
def schema_1():
    return json.loads(SCHEMA_1.read_text(encoding="utf-8"))


def test_it_upgrades_a_schema_1_report_without_changing_a_fact(schema_1):
    content = freeze.thaw(schema_1)
    assert content.title.fi == "Kaupunkistrategian väliraportti"
    assert content.edition == 1
    assert str(content.cutoff) == "2026-06-30"
    stored = {i["id"]: i for i in schema_1["snapshot"]["indicators"]}
    assert set(content.states) == set(stored)
    for pk, state in content.states.items():
        item = stored[pk]
        assert state.status == Status(item["status"])
        assert state.computed == Status(item["computed_status"])
        assert [(r.year, r.part) for r in state.readings] == [
            (r["year"], r["part"]) for r in item["readings"]
        ]
        assert [
            str(r.value) if r.value is not None else None for r in state.readings
        ] == [r["value"] for r in item["readings"]]
    population = content.states[1]
    assert population.overridden and population.status == Status.AT_RISK
    assert population.override_justification.startswith("Väkiluku vähenee yhä")
    assert content.late_count == 2
    areas = {a.number: a.indicator_ids for a in content.areas}
    assert areas == {
        a["number"]: a["indicators"] for a in schema_1["snapshot"]["focus_areas"]
    }


def test_a_schema_1_report_renders_on_its_page_and_in_its_pdf_html(
    client, strategy, mayors_office, schema_1
):
    from reports.pdf import render_html

    report = _published_from(strategy, mayors_office, schema_1)
    r = client.get(f"/raportit/{report.pk}/")
    assert r.status_code == 200
    html = r.content.decode()
    for text in (
        "Kaupunkistrategian väliraportti",
        "Väkiluku",
        "Väkiluku vähenee yhä lähes prosentin vuodessa.",
        "Työttömyysaste",
        "<strong>lihavoituna</strong>",
    ):
        assert text in html, text
    assert "Väkiluku vähenee yhä" in render_html(report)
