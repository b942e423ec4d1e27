"""Forms that guide: an error summary with links to the fields, the focus on
it (``autofocus``, no script) and "Virhe: " in the title, on every staff form."""

import re

import pytest

pytestmark = pytest.mark.usefixtures("on_2026_06_15")

SUMMARY = '<section class="error-summary" tabindex="-1" autofocus'


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def _summary(html: str) -> str:
    start = html.index(SUMMARY)
    return html[start : html.index("</section>", start)]


def test_the_record_form_has_no_summary_before_a_post(client, recorder, indicator):
    client.force_login(recorder)
    html = client.get(f"/mittarit/{indicator.pk}/kirjaa/").content.decode()
    assert "error-summary" not in html
    assert not _title(html).startswith("Virhe")
    assert "autofocus" not in html


def test_a_failed_record_lists_each_error_as_a_link_to_its_field(
    client, recorder, indicator
):
    client.force_login(recorder)
    r = client.post(
        f"/mittarit/{indicator.pk}/kirjaa/", {"year": "", "value": "12,5,5"}
    )
    assert r.status_code == 200
    html = r.content.decode()
    assert _title(html).startswith("Virhe: Kirjaa tulos")
    summary = _summary(html)
    assert '<a href="#id_year">Vuosi: Anna vuosi.</a>' in summary
    assert '<a href="#id_value">Tulos (km): Anna luku numeroina' in summary
    # The links lead to fields that exist, and the field messages stay.
    assert 'id="id_year"' in html and 'id="id_value"' in html
    assert html.count("Anna vuosi.") == 2
    assert html.count("autofocus") == 1  # only the summary takes the focus


def test_a_message_with_a_link_of_its_own_is_plain_text_in_the_summary(
    client, recorder, indicator, make_reading
):
    first = make_reading(indicator, 2025, "120", user=recorder)
    client.force_login(recorder)
    html = client.post(
        f"/mittarit/{indicator.pk}/kirjaa/", {"year": "2025", "value": "9"}
    ).content.decode()
    summary = _summary(html)
    assert "Vuosi: Jaksolle 2025 on jo kirjattu tulos. Korjaa sitä tulosta." in summary
    assert f"/kirjaukset/{first.pk}/muokkaa/" not in summary  # no link in a link
    assert f'<a href="/kirjaukset/{first.pk}/muokkaa/">' in html  # beside the field


def test_a_radio_choice_links_to_its_first_option(
    client, recorder, qualitative_indicator
):
    client.force_login(recorder)
    html = client.post(
        f"/mittarit/{qualitative_indicator.pk}/kirjaa/", {"year": "2025"}
    ).content.decode()
    summary = _summary(html)
    assert (
        '<a href="#id_qualitative_status_0">Arvioitu tila: Valitse arvioitu tila.'
        in (summary)
    )
    assert 'id="id_qualitative_status_0"' in html


def test_a_failed_correction_has_the_summary(client, recorder, reading):
    client.force_login(recorder)
    html = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {"year": "2025", "value": "abc", "lock_version": reading.lock_version},
    ).content.decode()
    assert _title(html).startswith("Virhe: Korjaa")
    assert '<a href="#id_value">' in _summary(html)


def test_a_failed_withdrawal_has_the_summary(client, recorder, reading):
    client.force_login(recorder)
    html = client.post(
        f"/kirjaukset/{reading.pk}/peru/",
        {"reason": "  ", "lock_version": reading.lock_version},
    ).content.decode()
    assert _title(html).startswith("Virhe: Peru tulos")
    assert (
        '<a href="#id_reason">Perumisen syy: Kirjoita syy, miksi tulos perutaan.</a>'
        in _summary(html)
    )


def test_a_lost_hidden_field_is_named_without_a_link(client, recorder, reading):
    client.force_login(recorder)
    html = client.post(
        f"/kirjaukset/{reading.pk}/peru/", {"reason": "Väärä mittari"}
    ).content.decode()
    summary = _summary(html)
    assert "<li>" in summary and 'href="#id_lock_version"' not in summary


def test_a_failed_status_override_has_the_summary(client, coordinator, indicator):
    client.force_login(coordinator)
    html = client.post(
        f"/mittarit/{indicator.pk}/tila/", {"status": "at_risk", "justification": ""}
    ).content.decode()
    assert _title(html).startswith("Virhe: Aseta tila")
    assert '<a href="#id_justification">Perustelu: Kirjoita perustelu' in _summary(html)


def test_the_summary_speaks_english_when_chosen(english, recorder, indicator):
    english.force_login(recorder)
    html = english.post(
        f"/mittarit/{indicator.pk}/kirjaa/", {"year": "", "value": "1"}
    ).content.decode()
    assert _title(html).startswith("Error: ")
    assert "There is a problem with the form" in _summary(html)
