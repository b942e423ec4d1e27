"""/avoin-data/: the downloads, the API and the feeds on one public page, and
the links to it and to the downloads from the other pages."""

import pytest

from tests.indicators.html import by_id


def test_it_lists_the_downloads_the_api_the_feeds_and_the_licence(client, site):
    r = client.get("/avoin-data/")
    assert r.status_code == 200
    html = r.content.decode()
    for href in [
        "/avoin-data/tulokset.csv",
        "/avoin-data/tulokset.csv?muoto=kansainvalinen",
        "/avoin-data/mittarit.csv",
        "/avoin-data/mittarit.csv?muoto=kansainvalinen",
        "/avoin-data/strategia-seuranta.xlsx",
        "/api/v1/",
        "/api/v1/strategia/",
        "/api/v1/mittarit/",
        "/syote/",
        "/painopistealueet/1/syote/",
        "/painopistealueet/4/syote/",
        "https://creativecommons.org/licenses/by/4.0/",
    ]:
        assert f'href="{href}"' in html, href
    assert "CC BY 4.0" in html
    assert "curl -s 'http://testserver/api/v1/mittarit/?sivu=1&amp;sivukoko=20'" in html
    assert "Esimerkkiaineisto" not in html  # no example data in this site


def test_it_says_when_example_data_is_among_the_files(client, make_indicator, strategy):
    make_indicator(is_demo=True)
    html = client.get("/avoin-data/").content.decode()
    assert 'class="demo-banner"' in html


def test_it_reads_in_english(english, strategy):
    html = english.get("/avoin-data/").content.decode()
    assert "<h1>Open data</h1>" in html
    assert "Licence" in html


@pytest.mark.parametrize(
    "path", ["/", "/mittarit/", "/lukuohje/", "/raportit/", "/saavutettavuus/"]
)
def test_every_page_links_to_it_from_the_footer(client, strategy, path):
    html = client.get(path).content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert 'href="/avoin-data/"' in footer


def test_an_indicator_page_offers_its_own_downloads(client, site):
    pk = site.footpaths.pk
    downloads = by_id(
        client.get(f"/mittarit/{pk}/").content.decode(), "downloads-heading"
    )
    assert downloads is not None
    html = client.get(f"/mittarit/{pk}/").content.decode()
    for href in [
        f"/mittarit/{pk}/tulokset.csv",
        f"/mittarit/{pk}/tulokset.csv?muoto=kansainvalinen",
        f"/mittarit/{pk}/tulokset.xlsx",
        f"/api/v1/mittarit/{pk}/",
        f"/mittarit/{pk}/syote/",
    ]:
        assert f'href="{href}"' in html, href


def test_an_internal_indicator_page_offers_no_downloads(client, site, councillor):
    client.force_login(councillor)
    html = client.get(f"/mittarit/{site.internal.pk}/").content.decode()
    assert "tulokset.csv" not in html
    assert 'id="downloads-heading"' not in html


def test_the_list_offers_every_public_indicator_at_once(client, site):
    html = client.get("/mittarit/?tila=achieved").content.decode()
    for href in [
        "/avoin-data/tulokset.csv",
        "/avoin-data/mittarit.csv",
        "/avoin-data/strategia-seuranta.xlsx",
    ]:
        assert f'href="{href}"' in html, href


def test_it_answers_in_a_fixed_number_of_queries(
    client, site, django_assert_max_num_queries
):
    # strategy, focus areas, whether example data is among the public ones
    with django_assert_max_num_queries(3):
        assert client.get("/avoin-data/").status_code == 200
