"""The status basis beside a status (``basis_note``), wherever a status shows."""

from decimal import Decimal as D

import pytest

from indicators.state import RawReading, build_state
from indicators.templatetags.indicator_tags import basis_note
from tests.indicators.test_status_basis import monthly, unemployment


def state(basis: str = "", frequency: str = "monthly", readings=None):
    readings = monthly(2024, (2025, 6)) if readings is None else readings
    return build_state(unemployment(basis, frequency), targets={}, readings=readings)


@pytest.mark.parametrize(
    "basis, frequency, note",
    [
        ("", "monthly", "peruste: 12 kuukauden keskiarvo"),
        ("", "quarterly", "peruste: 4 neljänneksen keskiarvo"),
        ("year_ago", "monthly", "peruste: verrattuna samaan jaksoon vuotta aiemmin"),
        ("latest", "monthly", "peruste: viimeisin tulos"),
    ],
)
def test_it_names_what_the_status_compares(basis, frequency, note):
    quarters = [
        RawReading(i, year, quarter, value=D(13))
        for i, (year, quarter) in enumerate(
            [(y, q) for y in (2024, 2025) for q in (1, 2, 3, 4)]
        )
    ]
    readings = None if frequency == "monthly" else quarters
    assert basis_note(state(basis, frequency, readings)) == (
        f'<span class="status-basis">{note}</span>'
    )


def test_it_names_the_fallback_when_there_is_no_year_earlier():
    # Only this year's readings: "a year ago" falls back to the latest.
    fallen = state("year_ago", readings=monthly(2025, (2025, 6))[-3:])
    assert "viimeisin tulos" in basis_note(fallen)


def test_it_says_nothing_for_a_yearly_indicator():
    assert basis_note(state(frequency="yearly", readings=[])) == ""


def test_the_list_shows_the_basis_beside_the_status(client, site):
    site.unemployment.status_basis = ""
    site.unemployment.save()
    html = client.get("/mittarit/").content.decode()
    assert '<span class="status-basis">peruste: 12 kuukauden keskiarvo</span>' in html
    assert html.count('class="status-basis"') == 1  # the yearly ones have none
