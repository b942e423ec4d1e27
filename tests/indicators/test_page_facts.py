"""What overview pages add to each state: this year's plan beside the target,
the latest explanation in one line, when the data last changed, and the
latest published report's narrative on a focus area."""

import datetime

from django.utils import timezone

import pytest

from indicators.models import Indicator, Reading
from reports import services
from tests.conftest import CUTOFF
from tests.indicators.html import labelled_by, text_of


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_list_shows_this_years_plan_beside_the_target(client, site, on_2026_06_15):
    html = client.get("/mittarit/").content.decode()
    # Footpaths: no annual target for 2026, so the line from 100 (2023) to
    # 150 (2028) – the status rule's planned value.
    assert "suunnitelma 2026: 130,0\xa0km" in html


def test_the_cards_show_this_years_plan(client, site, on_2026_06_15):
    html = client.get("/painopistealueet/1/").content.decode()
    assert "suunnitelma 2026: 130,0\xa0km" in html


def test_an_indicator_without_a_target_shows_no_plan(
    client, site, make_indicator, on_2026_06_15
):
    make_indicator(name="Tavoitteeton", target_value=None, target_year=None)
    html = client.get("/mittarit/", {"haku": "tavoitteeton"}).content.decode()
    assert "Tavoitteeton" in html
    assert "suunnitelma 2026" not in html


def test_the_list_shows_the_latest_explanation_in_one_line(client, site):
    html = client.get("/mittarit/").content.decode()
    assert (
        '<span class="explanation-line-period">Selitys 2025:</span> '
        "<span>Kaksi hanketta siirtyi vuodelle 2026.</span>" in html
    )
    assert f'href="/mittarit/{site.footpaths.pk}/#status-heading">koko selitys' in html


def test_a_long_explanation_is_cut_to_one_line(client, site):
    reading = site.footpaths.readings.get(year=2025)
    reading.narrative = "Hankkeet viivästyivät. " * 20
    reading.save()
    html = client.get("/painopistealueet/1/").content.decode()
    line = html.split('class="explanation-line"')[1].split("</p>")[0]
    assert "Hankkeet viivästyivät." in line
    assert line.count("viivästyivät") < 6
    assert "…" in line


def test_english_pages_mark_a_finnish_explanation(english, site):
    html = english.get("/mittarit/").content.decode()
    assert '<span lang="fi">Kaksi hanketta siirtyi vuodelle 2026.</span>' in html
    assert "Explanation 2025:" in html


@pytest.mark.parametrize(
    "path", ["/", "/painopistealueet/1/", "/mittarit/", "/menestystekijat/"]
)
def test_each_page_says_when_its_data_last_changed(client, site, path):
    moment = timezone.make_aware(datetime.datetime(2025, 11, 27, 12, 0))
    earlier = timezone.make_aware(datetime.datetime(2025, 1, 2, 12, 0))
    Indicator.objects.update(updated_at=earlier)
    Reading.objects.update(updated_at=earlier)
    site.footpaths.readings.filter(year=2025).update(updated_at=moment)
    html = client.get(path).content.decode()
    assert "Tiedot päivitetty 27.11.2025" in html


def test_home_and_focus_area_link_the_latest_published_report(
    client, site, strategy, mayors_office, media_root
):
    assert "Väliraportin arvio" not in client.get("/").content.decode()
    draft = services.report_create(
        strategy=strategy, title="Väliraportti", cutoff_date=CUTOFF
    )
    assert "Väliraportin arvio" not in client.get("/").content.decode()
    services.report_publish(report=draft, user=mayors_office)
    html = client.get("/").content.decode()
    for number in range(1, 5):
        assert f'href="/raportit/{draft.pk}/#painopistealue-{number}"' in html
    html = client.get("/painopistealueet/2/").content.decode()
    link = text_of(labelled_by(html, "area-progress-heading"))
    assert "Väliraportin arvio painopistealueesta 2." in link
    assert f'href="/raportit/{draft.pk}/#painopistealue-2"' in html
