"""The import pages and the comparison are well-formed HTML (strict html5lib,
unique ids, every referenced id present), in both languages, with errors too."""

import datetime
from decimal import Decimal

from django.utils import timezone

import pytest

from indicators.models import Peer, PeerValue
from tests.test_html_valid import html_problems

from .import_files import csv_bytes, upload

pytestmark = pytest.mark.usefixtures("on_2026_06_15")


def _language(client, language):
    if language == "en":
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_import_pages_are_valid(client, coordinator, indicator, language):
    client.force_login(coordinator)
    _language(client, language)
    pages = [client.get("/tuonti/")]
    # A refused file and a refused statistics upload: the messages by the fields.
    pages.append(client.post("/tuonti/", {"file": upload("x.csv", b"")}))
    pages.append(client.post("/tuonti/tilastot/", {"tilasto-source": "sotkanet"}))
    # A preview with a good and a bad row.
    content = csv_bytes(
        [
            ["mittari", "vuosi", "arvo"],
            [indicator.pk, 2025, "130"],
            [indicator.pk, 2025, "x"],
        ]
    )
    client.post("/tuonti/", {"file": upload("x.csv", content)})
    pages.append(client.get("/tuonti/esikatselu/"))
    for page in pages:
        html = page.content.decode()
        assert f'<html lang="{language}">' in html
        assert html_problems(html) == []


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_comparison_is_valid(
    client, strategy, indicator, recorder, make_reading, language
):
    make_reading(indicator, 2024, "108", user=recorder, preliminary=True)
    peer = Peer.objects.create(strategy=strategy, code="SSS", name="Koko maa")
    PeerValue.objects.create(
        peer=peer,
        indicator=indicator,
        year=2024,
        value=Decimal("101"),
        source="THL Sotkanet",
        imported_at=timezone.make_aware(datetime.datetime(2026, 3, 2)),
    )
    _language(client, language)
    html = client.get(f"/mittarit/{indicator.pk}/").content.decode()
    assert 'id="comparison-heading"' in html
    assert html_problems(html) == []
