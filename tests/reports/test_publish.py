"""Publishing freezes a report; a published report is superseded, never edited."""

import datetime
import io
import re
from decimal import Decimal

from django.utils import timezone

import pytest
from pypdf import PdfReader

from indicators.models import AnnualTarget
from reports import pdf
from reports.models import MidtermReport
from strategy.models import FocusArea, SuccessFactor


def _article(client, pk: int) -> str:
    """The report itself, without the page around it (CSRF tokens differ)."""
    html = client.get(f"/raportit/{pk}/").content.decode()
    return re.search(r'<article class="report.*?</article>', html, re.S).group(0)


def _pdf_text(report: MidtermReport) -> str:
    reader = PdfReader(io.BytesIO(pdf.render_pdf(report)))
    return "\n".join(page.extract_text() for page in reader.pages)


def _change_everything(indicator, recorder, make_reading) -> None:
    """What happens after publishing: new and corrected readings, a renamed
    indicator with new targets, edited strategy texts."""
    make_reading(indicator, 2022, "95", user=recorder)
    reading = indicator.readings.get(year=2024)
    reading.value = Decimal("60")
    reading.lock_version += 1
    reading.save()
    indicator.name = "Uudelleen nimetty mittari"
    indicator.target_value = Decimal("500")
    indicator.save()
    AnnualTarget.objects.filter(indicator=indicator).update(value=Decimal("400"))
    FocusArea.objects.filter(number=1).update(short_title="Muutettu alue")
    SuccessFactor.objects.filter(order=1).update(text="Muutettu menestystekijä")


def test_it_publishes_with_confirmation(client, mayors_office, report):
    client.force_login(mayors_office)
    r = client.get(f"/raportit/{report.pk}/julkaise/")
    assert "Vahvistan, että raportti julkaistaan" in r.content.decode()
    r = client.post(f"/raportit/{report.pk}/julkaise/", {})
    assert r.status_code == 200
    assert "Vahvista julkaiseminen rastittamalla ruutu." in r.content.decode()
    report.refresh_from_db()
    assert not report.is_published

    r = client.post(f"/raportit/{report.pk}/julkaise/", {"confirm": "on"})
    assert r.status_code == 302
    assert r["Location"] == f"/raportit/{report.pk}/"
    report.refresh_from_db()
    assert report.is_published
    assert report.published_by == mayors_office
    assert report.published_at is not None
    assert report.frozen["title"]["fi"] == report.title
    assert report.frozen["schema"] == 3


def test_it_refuses_to_publish_before_the_cut_off_date_has_passed(
    client, mayors_office, make_report
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    report = make_report(cutoff_date=tomorrow, council_meeting_date=None)
    client.force_login(mayors_office)
    r = client.post(f"/raportit/{report.pk}/julkaise/", {"confirm": "on"})
    assert r.status_code == 200
    assert "Tilannepäivä on tulevaisuudessa" in r.content.decode()
    report.refresh_from_db()
    assert not report.is_published


def test_it_renders_a_published_report_identically_forever(
    client, published, recorded, recorder, make_reading
):
    before_html = _article(client, published.pk)
    before_pdf = _pdf_text(published)
    assert "Kevyen liikenteen väylät" in before_html
    assert "120,0\xa0km" in before_html

    _change_everything(recorded, recorder, make_reading)
    published.refresh_from_db()

    assert _article(client, published.pk) == before_html
    assert _pdf_text(published) == before_pdf


def test_it_shows_later_changes_in_a_draft_preview(
    client, mayors_office, report, recorded, recorder, make_reading
):
    client.force_login(mayors_office)
    before = _article(client, report.pk)
    assert "Kevyen liikenteen väylät" in before
    recorded.name = "Uudelleen nimetty mittari"
    recorded.save()
    FocusArea.objects.filter(number=1).update(short_title="Muutettu alue")
    after = _article(client, report.pk)
    # The indicator is shown as it was at the cut-off; the strategy text is live.
    assert "Kevyen liikenteen väylät" in after
    assert "Muutettu alue" in after and "Muutettu alue" not in before


def test_it_never_edits_a_published_report(client, mayors_office, published):
    client.force_login(mayors_office)
    r = client.post(
        f"/raportit/{published.pk}/muokkaa/",
        {"title": "Muutettu", "cutoff_date": "30.6.2025", "introduction": ""},
    )
    assert r.status_code == 302
    assert r["Location"] == f"/raportit/{published.pk}/"
    published.refresh_from_db()
    assert published.title == "Väliraportti kaupunginvaltuustolle"
    r = client.get(r["Location"])
    assert "Julkaistua raporttia ei voi muokata" in r.content.decode()


def test_it_does_not_publish_twice(client, mayors_office, published):
    frozen, at = published.frozen, published.published_at
    client.force_login(mayors_office)
    r = client.post(f"/raportit/{published.pk}/julkaise/", {"confirm": "on"})
    assert r.status_code == 302
    published.refresh_from_db()
    assert published.published_at == at
    assert published.frozen == frozen


def test_it_supersedes_a_published_report_with_a_new_version(
    client, mayors_office, published
):
    published.sections.filter(focus_area__number=2).update(successes="Koulut uusittu.")
    client.force_login(mayors_office)
    assert (
        "Tee uusi versio" in client.get(f"/raportit/{published.pk}/").content.decode()
    )

    r = client.post(f"/raportit/{published.pk}/uusi-versio/")
    new = MidtermReport.objects.get(supersedes=published)
    assert r.status_code == 302
    assert r["Location"] == f"/raportit/{new.pk}/muokkaa/"
    assert new.edition == 2 and not new.is_published
    assert new.title == published.title
    assert new.sections.get(focus_area__number=2).successes == "Koulut uusittu."
    # A second click continues the same draft.
    client.post(f"/raportit/{published.pk}/uusi-versio/")
    assert MidtermReport.objects.filter(supersedes=published).count() == 1

    client.post(f"/raportit/{new.pk}/julkaise/", {"confirm": "on"})
    new.refresh_from_db()
    assert new.is_published
    old_page = client.get(f"/raportit/{published.pk}/").content.decode()
    assert "Tämä versio on korvattu." in old_page
    assert f'href="/raportit/{new.pk}/"' in old_page
    new_page = client.get(f"/raportit/{new.pk}/").content.decode()
    assert f'href="/raportit/{published.pk}/"' in new_page
    listing = client.get("/raportit/").content.decode()
    assert "korvattu uudemmalla versiolla" in listing


def test_it_sends_a_new_version_of_a_draft_to_its_editing(
    client, mayors_office, report
):
    client.force_login(mayors_office)
    r = client.post(f"/raportit/{report.pk}/uusi-versio/")
    assert r["Location"] == f"/raportit/{report.pk}/muokkaa/"
    assert MidtermReport.objects.count() == 1


@pytest.mark.django_db
def test_it_requires_frozen_content_of_a_published_report(report, mayors_office):
    from django.db import IntegrityError, transaction

    report.status = "published"
    report.published_by = mayors_office
    report.published_at = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        report.save()
