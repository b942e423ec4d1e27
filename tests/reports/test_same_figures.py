"""One indicator state, the same figures everywhere: the indicator page, the
API, the report page and its PDF.

The indicator goes from 100 km (2023) to 150 km (2026), so the plan for 2024
is 116,666… km. The site once truncated it to 116,6 while the report rounded
it to 116,7; now every place shows what ``indicators/formatting.py`` writes.
"""

import io
import re

import pytest
from pypdf import PdfReader

from reports import services

NB = "\xa0"


@pytest.fixture
def behind_plan(make_indicator, recorder, make_reading, backdate):
    indicator = make_indicator(target_year=2026)
    backdate(indicator)
    backdate(make_reading(indicator, 2024, "112.4", user=recorder, narrative="Hidas."))
    return indicator


def test_the_site_the_api_the_report_and_the_pdf_agree(
    client, behind_plan, make_report, mayors_office, make_files
):
    report = services.report_publish(report=make_report(), user=mayors_office)
    make_files(report)

    page = client.get(f"/mittarit/{behind_plan.pk}/").content.decode()
    assert f"suunnitelma 116,7{NB}km" in page
    assert f"112,4{NB}km" in page
    assert "Riskissä" in page

    latest = client.get(f"/api/v1/mittarit/{behind_plan.pk}/").json()["latest"]
    assert (latest["value"], latest["planned"]) == ("112.4", "116.7")
    assert client.get("/api/v1/mittarit/").json()["indicators"][0]["status"] == (
        "at_risk"
    )

    html = client.get(f"/raportit/{report.pk}/").content.decode()
    # The appendix's row of 2024: the reading, the value the status compared
    # (a yearly indicator's reading itself), then the year's planned value.
    assert re.search(
        r'<th scope="row">2024</th>\s*<td class="num">112,4\xa0km</td>\s*'
        r'<td class="num">112,4\xa0km</td>\s*'
        r'<td class="num">116,7\xa0km</td>\s*<td>! riskissä</td>',
        html,
    )
    assert f"112,4{NB}km" in html
    assert "Riskissä" in html

    pdf = client.get(f"/raportit/{report.pk}/pdf/").content
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert re.search(r"2024\s+112,4\skm\s+112,4\skm\s+116,7\skm\s+! riskissä", text)
    assert "116,6" not in text + html + page
