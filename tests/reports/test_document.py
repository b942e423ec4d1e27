"""How the report lays out indicator data: tables, year × period grids, trends."""

import re

from django.utils import translation

from reports.document import build_document
from reports.pdf import render_html


def _indicator(doc: dict, name: str):
    return next(i for i in doc["indicators"] if i.definition.name.fi == name)


def test_it_shows_monthly_readings_as_a_year_by_month_grid(
    make_indicator, recorder, make_reading, backdate, make_report
):
    monthly = make_indicator(
        name="Työttömyysaste", unit="%", frequency="monthly", direction="decrease"
    )
    backdate(monthly)
    for month, value in [(1, "12,1"), (2, "11,9"), (3, "11,7")]:
        reading = make_reading(
            monthly,
            2025,
            value.replace(",", "."),
            user=recorder,
            part=month,
            narrative="Kausivaihtelua." if month > 1 else "",
        )
        backdate(reading)
    doc = build_document(make_report())
    grid = _indicator(doc, "Työttömyysaste").grid
    # A year per line, the months in aligned columns, the planned value last.
    assert grid["header"].split() == ["Vuosi", *map(str, range(1, 13)), "Suunniteltu"]
    [line] = grid["lines"].split("\n")
    assert line.split() == ["2025", "12,1", "11,9", "11,7", *["–"] * 9, "120,0"]
    assert len(line) == len(grid["header"])  # columns right-aligned
    # The same explanation for consecutive months is given once.
    assert [(n["period"], n["text"]) for n in grid["notes"]] == [
        ("2/2025–3/2025", "Kausivaihtelua.")
    ]
    assert grid["notes_text"] == "2/2025–3/2025: Kausivaihtelua."


def test_it_shows_quarterly_assessments_as_status_symbols(
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
    backdate(
        make_reading(
            quarterly,
            2025,
            user=recorder,
            part=1,
            qualitative_status="at_risk",
            narrative="Palautetta tuli paljon.",
        )
    )
    doc = build_document(make_report())
    grid = _indicator(doc, "Asukastyytyväisyys").grid
    assert grid["header"].split() == ["Vuosi", "Q1", "Q2", "Q3", "Q4"]
    assert grid["lines"].split() == ["2025", "!", "–", "–", "–"]
    assert grid["notes"][0]["text"] == "Palautetta tuli paljon."


def test_it_keeps_yearly_readings_in_rows(recorded, make_report):
    ind = _indicator(build_document(make_report()), "Kevyen liikenteen väylät")
    assert ind.grid["header"].split() == ["Vuosi", "Lukema", "Suunniteltu"]
    assert ind.grid["lines"].split("\n") == [
        "2023†  100,0            –",  # before the strategy period: no plan
        "2024   120,0        115,0",
    ]
    latest = ind.state.latest
    definition = ind.definition
    assert (
        latest.period.label(),
        definition.value_text(latest.value),
        definition.value_text(latest.planned),
    ) == ("2024", "120,0\xa0km", "115,0\xa0km")


def test_it_marks_preliminary_figures_and_history_years(
    make_indicator, recorder, make_reading, backdate, make_report
):
    population = make_indicator(name="Väkiluku", unit="asukasta", decimals=0)
    backdate(population)
    backdate(make_reading(population, 2022, "7085", user=recorder))
    backdate(make_reading(population, 2024, "6931", user=recorder, preliminary=True))
    report = make_report()
    ind = _indicator(build_document(report), "Väkiluku")
    history, preliminary = ind.grid["lines"].split("\n")
    assert history.startswith("2022† ") and history.endswith(" 7\xa0085            –")
    assert preliminary.startswith("2024 ") and " 6\xa0931* " in preliminary
    assert ind.state.latest.preliminary
    html = render_html(report)
    assert "* ennakkotieto · † ennen strategiakautta" in html
    assert '<span class="reading-mark mark-preliminary">ennakkotieto</span>' in html


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


def test_it_splits_a_year_too_wide_for_the_page_into_two_lines(
    make_indicator, recorder, make_reading, backdate, make_report
):
    wide = make_indicator(name="Verotulot", unit="€", frequency="monthly", decimals=2)
    backdate(wide)
    for month in range(1, 13):
        backdate(make_reading(wide, 2024, "1234567.89", user=recorder, part=month))
    grid = _indicator(build_document(make_report()), "Verotulot").grid
    # "1 234 567,89" twelve times and the planned value do not fit one A4
    # line at the grid's type size: months 1–6, then 7–12 below them.
    assert [line.split()[0] for line in grid["header"].split("\n")] == ["Vuosi", "7"]
    first, second = grid["lines"].split("\n")
    assert first.startswith("2024") and first.count("567,89") == 6
    assert not second.startswith("2024") and second.count("567,89") == 6


def test_it_puts_an_indicators_explanations_right_after_its_readings(
    make_indicator, make_reading, recorder, backdate, make_report
):
    monthly = make_indicator(name="Työttömyysaste", unit="%", frequency="monthly")
    backdate(monthly)
    backdate(
        make_reading(
            monthly, 2025, "12", user=recorder, part=1, narrative="Lomautuksia."
        )
    )
    html = render_html(make_report())
    item = re.search(
        r'<div class="appendix-item" id="mittari-\d+">\s*'
        r"<h4>Työttömyysaste</h4>.*?</div>",
        html,
        re.S,
    ).group(0)
    assert item.index("appendix-readings") < item.index("1/2025: Lomautuksia.")
