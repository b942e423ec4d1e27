"""How the report lays out indicator data: tables, a row per year, trends."""

import re

from django.utils import translation

from reports.document import build_document
from reports.pdf import render_html


def _indicator(doc: dict, name: str):
    return next(i for i in doc["indicators"] if i.definition.name.fi == name)


def test_it_gives_a_monthly_indicator_a_row_per_year_on_its_status_basis(
    make_indicator, recorder, make_reading, backdate, make_report
):
    monthly = make_indicator(
        name="Työttömyysaste", unit="%", frequency="monthly", direction="decrease"
    )
    backdate(monthly)
    values = {(2024, m): "12" for m in range(1, 13)}
    values.update({(2025, 1): "12,1", (2025, 2): "11,9", (2025, 3): "11,7"})
    for (year, month), value in values.items():
        reading = make_reading(
            monthly,
            year,
            value.replace(",", "."),
            user=recorder,
            part=month,
            narrative="Kausivaihtelua." if (year, month) == (2025, 3) else "",
        )
        backdate(reading)
    doc = build_document(make_report())
    ind = _indicator(doc, "Työttömyysaste")
    table = ind.appendix
    assert table["periodic"] and table["basis_label"] == "Vuoden keskiarvo"
    assert [row["year"] for row in table["rows"]] == [2024, 2025]
    y2024, y2025 = table["rows"]
    # The year's last reading, and the twelve-month mean the rule compared.
    assert (y2024["value"], y2024["period"]) == ("12,0\xa0%", "12/2024")
    assert y2024["basis_value"] == "12,0\xa0%"
    assert (y2025["value"], y2025["period"]) == ("11,7\xa0%", "3/2025")
    # 4/2024–3/2025: nine months of 12 and 12,1 + 11,9 + 11,7.
    assert y2025["basis_value"] == "12,0\xa0%"
    # The last row is the indicator's own state: one fact, one place.
    state = ind.state
    assert y2025["basis_value"] == ind.definition.value_text(state.judged_value)
    assert y2025["planned"] == ind.definition.value_text(state.planned)
    assert y2025["status"] == state.computed
    assert y2025["narrative"] == "Kausivaihtelua."


def test_it_gives_a_qualitative_indicator_its_assessment_in_words(
    make_indicator, recorder, make_reading, backdate, make_report
):
    quarterly = make_indicator(
        name="Asukastyytyväisyys",
        kind="qualitative",
        unit="",
        frequency="quarterly",
        baseline_value=None,
        baseline_year=None,
        target_value=None,
        target_year=None,
    )
    backdate(quarterly)
    for quarter, assessed, text in [
        (1, "on_track", "Hyvä alku."),
        (2, "at_risk", "Palautetta tuli paljon."),
    ]:
        backdate(
            make_reading(
                quarterly,
                2025,
                user=recorder,
                part=quarter,
                qualitative_status=assessed,
                narrative=text,
            )
        )
    report = make_report()
    [row] = _indicator(build_document(report), "Asukastyytyväisyys").appendix["rows"]
    assert (row["year"], row["period"], row["assessed"]) == (2025, "Q2/2025", "at_risk")
    assert row["narrative"] == "Palautetta tuli paljon."
    html = render_html(report)
    # The indicator's row group in the appendix's table of qualitative ones.
    qualitative = re.search(
        r'<table class="appendix-table is-qualitative">.*?</table>', html, re.S
    ).group(0)
    item = re.search(
        r'<tbody class="appendix-item" id="mittari-\d+">\s*'
        r'<tr><th scope="rowgroup" colspan="3" class="appendix-facts">\s*'
        r'<span class="appendix-name">Asukastyytyväisyys</span>.*?</tbody>',
        qualitative,
        re.S,
    ).group(0)
    assert "! riskissä" in item and "Palautetta tuli paljon." in item
    assert '<th scope="row">2025</th>' in item


def test_it_prints_the_strategy_period_and_leaves_earlier_years_to_the_data(
    recorded, make_report
):
    ind = _indicator(build_document(make_report()), "Kevyen liikenteen väylät")
    table = ind.appendix
    assert not table["periodic"] and table["earlier_years"] == 1  # 2023
    [row] = table["rows"]
    assert (row["year"], row["value"], row["planned"]) == (
        2024,
        "120,0\xa0km",
        "115,0\xa0km",
    )
    assert row["status"] == ind.state.computed


def test_it_marks_preliminary_figures_and_history_years(
    make_indicator, recorder, make_reading, backdate, make_report
):
    population = make_indicator(name="Väkiluku", unit="asukasta", decimals=0)
    backdate(population)
    backdate(make_reading(population, 2022, "7085", user=recorder))
    backdate(make_reading(population, 2024, "6931", user=recorder, preliminary=True))
    report = make_report()
    ind = _indicator(build_document(report), "Väkiluku")
    table = ind.appendix
    assert table["earlier_years"] == 1  # 2022: history, in the data file
    [row] = table["rows"]
    assert (row["year"], row["preliminary"]) == (2024, True)
    assert ind.state.latest.preliminary
    html = render_html(report)
    assert (
        html.count('<span class="reading-mark mark-preliminary">ennakkotieto</span>')
        >= 2
    )


def test_it_draws_a_trend_line_with_its_words(recorded, make_report):
    ind = _indicator(build_document(make_report()), "Kevyen liikenteen väylät")
    assert ind.trend.startswith('<svg class="sparkline" role="img"')
    assert 'aria-label="Kehitys 2023–2024: 100,0\xa0km → 120,0\xa0km"' in ind.trend


def test_it_keeps_short_units_with_their_number(
    make_indicator, recorder, make_reading, backdate, make_report
):
    long_unit = make_indicator(name="Väkiluku", unit="asukasta", decimals=0)
    backdate(long_unit)
    backdate(make_reading(long_unit, 2024, "6880", user=recorder))
    ind = _indicator(build_document(make_report()), "Väkiluku")
    value = ind.definition.value_text(ind.state.latest.value)
    assert value == "6\xa0880 asukasta"  # may wrap


def test_it_renders_the_pdf_document_in_the_chosen_language(published):
    with translation.override("en"):
        html = render_html(published)
    assert '<html lang="en">' in html
    assert (
        "<title>Mid-term report to the city council – City of Kemijärvi</title>" in html
    )
