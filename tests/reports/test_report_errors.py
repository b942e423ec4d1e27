"""The error summary and "Virhe: " on the report forms (form_tags)."""

import re

from tests.reports.test_report_edit import _report_data

SUMMARY = '<section class="error-summary" tabindex="-1" autofocus'


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def _summary(html: str) -> str:
    start = html.index(SUMMARY)
    return html[start : html.index("</section>", start)]


def test_a_failed_new_report_has_the_summary(client, mayors_office, strategy):
    client.force_login(mayors_office)
    html = client.post("/raportit/uusi/", _report_data(title="")).content.decode()
    assert _title(html).startswith("Virhe: Uusi väliraportti")
    assert '<a href="#id_title">' in _summary(html)


def test_a_failed_report_edit_lists_the_sections_errors_too(
    client, mayors_office, report
):
    client.force_login(mayors_office)
    data = _report_data(cutoff_date="1.1.2030")
    data["lock_version"] = report.lock_version
    html = client.post(f"/raportit/{report.pk}/muokkaa/", data).content.decode()
    assert _title(html).startswith("Virhe: Muokkaa luonnosta")
    assert '<a href="#id_cutoff_date">' in _summary(html)
