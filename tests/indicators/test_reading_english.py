"""Readings' explanations and assessments in English, beside the Finnish."""

import pytest

from indicators.models import Reading

pytestmark = pytest.mark.usefixtures("on_2026_06_15")


def test_it_records_an_assessment_with_its_english_text(
    client, recorder, qualitative_indicator
):
    client.force_login(recorder)
    r = client.post(
        f"/mittarit/{qualitative_indicator.pk}/kirjaa/",
        {
            "year": "2025",
            "qualitative_status": "on_track",
            "narrative": "Kylätapahtumia oli kaikissa kylissä.",
            "narrative_en": "  There were events in every village.  ",
        },
    )
    assert r.status_code == 302
    reading = Reading.objects.get(indicator=qualitative_indicator)
    assert reading.narrative_en == "There were events in every village."


def test_it_refuses_english_without_finnish(client, recorder, indicator):
    client.force_login(recorder)
    r = client.post(
        f"/mittarit/{indicator.pk}/kirjaa/",
        {"year": "2025", "value": "130", "narrative_en": "Only English."},
    )
    assert r.status_code == 200
    assert "Kirjoita teksti myös suomeksi" in r.context["form"].errors["narrative"][0]
    assert not Reading.objects.exists()


def test_it_adds_english_to_a_reading_by_correcting_it(
    client, english, recorder, indicator, reading
):
    reading.narrative = "Kaksi hanketta valmistui."
    reading.save()
    client.force_login(recorder)
    form = client.get(f"/kirjaukset/{reading.pk}/muokkaa/")
    assert "Explanation in English (optional)" in form.content.decode()
    r = client.post(
        f"/kirjaukset/{reading.pk}/muokkaa/",
        {
            "year": "2025",
            "value": "130",
            "narrative": "Kaksi hanketta valmistui.",
            "narrative_en": "Two projects were completed.",
            "lock_version": str(reading.lock_version),
            "reason": "Englanninkielinen selitys.",
        },
    )
    assert r.status_code == 302
    reading.refresh_from_db()
    assert reading.narrative_en == "Two projects were completed."
    html = client.get(f"/mittarit/{indicator.pk}/").content.decode()
    assert "Two projects were completed." in html
    assert "in Finnish only" not in html.split("Two projects were completed.")[1][:80]


def test_the_withdraw_page_marks_a_finnish_only_explanation(
    client, english, recorder, reading
):
    reading.narrative = "Kaksi hanketta valmistui."
    reading.save()
    client.force_login(recorder)
    html = client.get(f"/kirjaukset/{reading.pk}/peru/").content.decode()
    assert (
        '<span lang="fi">Kaksi hanketta valmistui.</span> '
        '<span class="fi-only-note">(in Finnish only)</span>'
    ) in html
