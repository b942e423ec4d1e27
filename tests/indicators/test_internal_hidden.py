"""Internal indicators (is_public=False) never show to anonymous visitors.

Not by name, not in a count, a chart, a filter choice or an export; logged-in
users see them everywhere.
"""

import pytest

from strategy.models import Department
from tests.indicators.html import by_id, labelled_by, status_counts
from tests.sample import build_site

PUBLIC_PAGES = [
    "/",
    "/painopistealueet/1/",
    "/painopistealueet/2/",
    "/painopistealueet/3/",
    "/painopistealueet/4/",
    "/menestystekijat/",
    "/mittarit/",
    "/mittarit/?poistuneet=on",
    "/mittarit/?tila=achieved",
    "/mittarit/?haku=sisäinen",
    "/lukuohje/",
    "/api/v1/mittarit/",
    "/api/v1/strategia/",
    "/avoin-data/",
    "/avoin-data/tulokset.csv",
    "/avoin-data/mittarit.csv",
    "/syote/",
    "/painopistealueet/1/syote/",
]


@pytest.fixture
def site(strategy, make_indicator, make_reading, recorder):
    site = build_site(make_indicator, make_reading, recorder)
    # A department that owns nothing public must not be named either.
    secret = Department.objects.create(name="Salainen yksikkö")
    site.internal.department = secret
    site.internal.save()
    return site


SECRETS = ["Sisäinen LED-mittari", "Internal LED indicator", "Salainen yksikkö"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_it_reveals_nothing_of_internal_indicators_to_anonymous_visitors(
    client, site, path
):
    r = client.get(path)
    assert r.status_code == 200
    html = r.content.decode()
    for secret in SECRETS:
        assert secret not in html
    assert f"/mittarit/{site.internal.pk}/" not in html


@pytest.mark.parametrize("language", ["fi", "en"])
def test_it_leaves_internal_indicators_out_of_anonymous_counts(client, site, language):
    if language == "en":
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert len(status_counts(by_id(html, "painopiste-1"))) == 2
    assert (
        sum(int(c.split()[0]) for c in status_counts(by_id(html, "painopiste-1"))) == 2
    )
    overview = labelled_by(html, "progress-heading")
    assert sum(int(c.split()[0]) for c in status_counts(overview)) == 4


def test_it_answers_404_for_the_page_and_chart_of_an_internal_indicator(client, site):
    r = client.get(f"/mittarit/{site.internal.pk}/")
    assert r.status_code == 404
    assert "Sisäinen LED-mittari" not in r.content.decode()
    assert client.get(f"/api/v1/mittarit/{site.internal.pk}/").status_code == 404


def test_it_shows_internal_indicators_to_logged_in_users(client, site, councillor):
    client.force_login(councillor)
    html = client.get("/").content.decode()
    overview = labelled_by(html, "progress-heading")
    assert sum(int(c.split()[0]) for c in status_counts(overview)) == 5
    assert status_counts(by_id(html, "painopiste-1")) == [
        "1 saavutettu",
        "1 etenee tavoitteen mukaisesti",
        "1 riskissä",
    ]
    for path in ["/painopistealueet/1/", "/menestystekijat/", "/mittarit/"]:
        html = client.get(path).content.decode()
        assert "Sisäinen LED-mittari" in html, path
        assert "Sisäinen mittari – näkyy vain kirjautuneille" in html, path
    html = client.get("/mittarit/").content.decode()
    assert "Salainen yksikkö" in html
    html = client.get(f"/mittarit/{site.internal.pk}/").content.decode()
    assert '<svg class="chart"' in html


def test_it_hides_them_again_after_logging_out(client, site, councillor):
    client.force_login(councillor)
    assert "Sisäinen LED-mittari" in client.get("/mittarit/").content.decode()
    client.post("/kirjaudu-ulos/")
    assert "Sisäinen LED-mittari" not in client.get("/mittarit/").content.decode()
