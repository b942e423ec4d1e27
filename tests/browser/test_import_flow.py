"""A member of staff imports readings from a CSV file in the browser, on a
small phone: the upload, the preview and the confirmation, checked by axe and
for sideways scrolling; and the comparison on the indicator page."""

import datetime
from decimal import Decimal

from django.utils import timezone

import pytest

from indicators.models import Peer, PeerValue, Reading
from tests.browser.helpers import axe_violations, log_in
from tests.browser.test_reflow import sideways
from tests.indicators.import_files import csv_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_imports_a_csv_through_the_preview_on_a_phone(
    phone, live_server, recorder, indicator, tmp_path
):
    year = timezone.localdate().year
    path = tmp_path / "väylät.csv"
    path.write_bytes(
        csv_bytes(
            [
                ["mittari", "vuosi", "arvo", "lähde"],
                [indicator.pk, year - 1, "128,5", "Katurekisteri"],
                [indicator.pk, year, "kymmenen", ""],
            ],
            bom=True,
        )
    )
    log_in(phone, live_server.url, "kirjaaja")
    with phone.expect_navigation():
        phone.get_by_role(
            "link", name="Tuo tuloksia taulukosta tai tilastotiedostosta"
        ).click()
    assert axe_violations(phone) == []
    assert sideways(phone) == []

    phone.get_by_label("Taulukkotiedosto (CSV tai XLSX)").set_input_files(str(path))
    with phone.expect_navigation():
        phone.get_by_role("button", name="Esikatsele").click()
    assert phone.url == live_server.url + "/tuonti/esikatselu/"
    main = phone.locator("main").inner_text()
    assert "Rivi 3, sarake arvo: Anna luku numeroina" in main
    assert phone.get_by_role("button", name="Vahvista ja tallenna").count() == 0
    assert axe_violations(phone) == []
    assert sideways(phone) == []

    # The corrected file: the preview, then the confirmation.
    path.write_bytes(
        csv_bytes(
            [
                ["mittari", "vuosi", "arvo", "lähde"],
                [indicator.pk, year - 1, "128,5", "Katurekisteri"],
            ],
            bom=True,
        )
    )
    phone.goto(live_server.url + "/tuonti/")
    phone.get_by_label("Taulukkotiedosto (CSV tai XLSX)").set_input_files(str(path))
    with phone.expect_navigation():
        phone.get_by_role("button", name="Esikatsele").click()
    assert "Uusi tulos" in phone.locator("main").inner_text()
    with phone.expect_navigation():
        phone.get_by_role("button", name="Vahvista ja tallenna").click()
    assert "1 uutta tulosta" in phone.locator("main").inner_text()
    reading = Reading.objects.get(indicator=indicator)
    assert reading.value == Decimal("128.5")


def test_the_comparison_fits_a_phone_and_passes_axe(
    phone, live_server, strategy, indicator, recorder, make_reading
):
    make_reading(indicator, 2024, "108", user=recorder)
    when = timezone.make_aware(datetime.datetime(2026, 3, 2))
    for order, (code, name, value) in enumerate(
        [
            ("SSS", "Koko maa", "101"),
            ("MK19", "Lappi", "97,5"),
            ("KU698", "Rovaniemi", "112"),
        ]
    ):
        peer = Peer.objects.create(strategy=strategy, code=code, name=name, order=order)
        PeerValue.objects.create(
            peer=peer,
            indicator=indicator,
            year=2024,
            value=Decimal(value.replace(",", ".")),
            source="THL Sotkanet",
            imported_at=when,
        )
    phone.goto(f"{live_server.url}/mittarit/{indicator.pk}/")
    assert "Vertailu muihin alueisiin" in phone.locator("main").inner_text()
    assert axe_violations(phone) == []
    assert sideways(phone) == []
