from datetime import timedelta

from django.utils.http import http_date

import pytest

from indicators.models import AnnualTarget


@pytest.fixture
def internal(make_indicator):
    return make_indicator(name="Sisäinen kustannusseuranta", is_public=False)


def test_it_lists_public_indicators_with_their_latest_reading(
    client, indicator, make_reading, recorder
):
    make_reading(indicator, 2025, "1234.5", user=recorder)
    r = client.get("/api/v1/mittarit/")
    assert r.status_code == 200
    assert r["Content-Type"] == "application/json"
    data = r.json()
    assert data["strategy"]["years"] == [2024, 2028]
    [item] = data["indicators"]
    assert item["name"] == "Kevyen liikenteen väylät"
    assert item["latest"] == {
        "period": "2025",
        "period_end": "2025-12-31",
        "value": "1234.5",
        "planned": "120",
        "preliminary": False,
        "before_period": False,
    }
    assert item["status"] == "achieved"
    assert item["measures"] == ["1.2"]
    assert item["example_data"] is False


@pytest.mark.parametrize("login", [False, True])
def test_it_never_reveals_internal_indicators(
    client, indicator, internal, coordinator, login
):
    if login:
        client.force_login(coordinator)
    names = [i["name"] for i in client.get("/api/v1/mittarit/").json()["indicators"]]
    assert names == ["Kevyen liikenteen väylät"]
    assert client.get(f"/api/v1/mittarit/{internal.pk}/").status_code == 404


def test_it_gives_the_readings_of_an_indicator(
    client, indicator, make_reading, recorder
):
    make_reading(indicator, 2024, "110.25", user=recorder)
    make_reading(indicator, 2025, "12", user=recorder)
    data = client.get(f"/api/v1/mittarit/{indicator.pk}/").json()
    assert [(r["period"], r["value"]) for r in data["readings"]] == [
        ("2024", "110.25"),
        ("2025", "12"),
    ]
    assert data["baseline"] == {"value": "100", "year": 2023}


def test_it_answers_404_for_an_unknown_indicator(client, strategy):
    assert client.get("/api/v1/mittarit/999/").status_code == 404


def test_it_refuses_writes(client, indicator):
    assert client.post("/api/v1/mittarit/").status_code == 405


def test_it_lists_in_a_fixed_number_of_queries(
    client, make_indicator, make_reading, recorder, django_assert_max_num_queries
):
    for i in range(20):
        make_reading(make_indicator(name=f"M{i}"), 2025, i, user=recorder)
    # strategy, the page's ids, indicators, latest readings, annual targets,
    # measures with areas, when the data last changed (Last-Modified)
    with django_assert_max_num_queries(7):
        assert len(client.get("/api/v1/mittarit/").json()["indicators"]) == 20


LICENCE_LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


@pytest.mark.parametrize(
    "path", ["/api/v1/", "/api/v1/strategia/", "/api/v1/mittarit/", "detail"]
)
def test_it_states_the_licence_in_every_answer(client, indicator, path):
    if path == "detail":
        path = f"/api/v1/mittarit/{indicator.pk}/"
    r = client.get(path)
    assert r.status_code == 200
    assert r["Link"] == LICENCE_LINK
    assert r.json()["license"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
        "attribution": "Kemijärven kaupunki, Kemijärven kaupunkistrategia 2024–2028",
    }
    assert r["ETag"].startswith('"')
    assert "no-cache" in r["Cache-Control"]


def test_it_names_its_addresses(client, strategy):
    data = client.get("/api/v1/").json()
    assert data["strategy"] == "http://testserver/api/v1/strategia/"
    assert data["indicators"] == "http://testserver/api/v1/mittarit/"
    assert data["open_data_page"] == "http://testserver/avoin-data/"
    assert data["feed"] == "http://testserver/syote/"


def test_it_gives_the_strategys_structure_with_public_indicators_only(client, site):
    data = client.get("/api/v1/strategia/").json()
    assert data["strategy"]["years"] == [2024, 2028]
    assert data["strategy"]["vision"]
    assert [v["name"] for v in data["values"]][0] == "avoimuus"
    assert [a["number"] for a in data["focus_areas"]] == [1, 2, 3, 4]
    area_1 = data["focus_areas"][0]
    assert area_1["url"] == "http://testserver/painopistealueet/1/"
    measures = {m["code"]: m for a in data["focus_areas"] for m in a["measures"]}
    assert measures["1.2"]["text"].startswith("Tuemme palveluiden saavutettavuutta")
    # 1.2 holds the footpaths, the internal and the retired indicator.
    assert measures["1.2"]["indicators"] == sorted([site.footpaths.pk, site.retired.pk])
    assert measures["2.2"]["indicators"] == [site.unemployment.pk]
    assert len(data["success_factors"]) == 5
    assert data["success_factors"][0]["indicators"] == sorted(
        [site.footpaths.pk, site.events.pk]
    )
    linked = [i for m in measures.values() for i in m["indicators"]]
    linked += [i for f in data["success_factors"] for i in f["indicators"]]
    assert site.internal.pk not in linked
    assert "Sisäinen" not in client.get("/api/v1/strategia/").content.decode()


def test_it_pages_the_indicators(client, make_indicator):
    for i in range(5):
        make_indicator(name=f"Mittari {i}")
    first = client.get("/api/v1/mittarit/?sivukoko=2").json()
    assert (first["count"], first["pages"], first["page"], first["page_size"]) == (
        5,
        3,
        1,
        2,
    )
    assert [i["name"] for i in first["indicators"]] == ["Mittari 0", "Mittari 1"]
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/mittarit/?sivukoko=2&sivu=2"
    last = client.get("/api/v1/mittarit/?sivukoko=2&sivu=3").json()
    assert [i["name"] for i in last["indicators"]] == ["Mittari 4"]
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/v1/mittarit/?sivukoko=2&sivu=2"
    every = client.get("/api/v1/mittarit/").json()
    assert (every["count"], every["pages"], every["page_size"]) == (5, 1, 100)


@pytest.mark.parametrize(
    "query",
    [
        "sivu=0",
        "sivu=-1",
        "sivu=abc",
        "sivu=1.0",
        "sivukoko=0",
        "sivukoko=501",
        "sivukoko=٢",
        # Past 4 300 digits int() fails: once a server error (tests/fuzz/).
        "sivu=" + "1" * 5000,
        "sivukoko=" + "1" * 5000,
    ],
)
def test_it_refuses_a_bad_page(client, indicator, query):
    r = client.get(f"/api/v1/mittarit/?{query}")
    assert r.status_code == 400
    assert r["Content-Type"] == "application/json"
    assert query.split("=")[0] in r.json()["error"]


def test_it_answers_404_past_the_last_page(client, indicator):
    r = client.get("/api/v1/mittarit/?sivu=2")
    assert r.status_code == 404
    assert "1 pages" in r.json()["error"]


def test_it_answers_304_to_a_client_that_has_the_same_answer(
    client, indicator, make_reading, recorder
):
    make_reading(indicator, 2024, "110", user=recorder)
    path = f"/api/v1/mittarit/{indicator.pk}/"
    first = client.get(path)
    etag = first["ETag"]
    again = client.get(path, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    make_reading(indicator, 2025, "120", user=recorder)
    changed = client.get(path, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_it_answers_a_head_request_with_the_caching_headers(client, indicator):
    r = client.head("/api/v1/mittarit/")
    assert r.status_code == 200
    assert r.content == b""
    assert r["ETag"] == client.get("/api/v1/mittarit/")["ETag"]
    assert r["Last-Modified"]


def test_it_answers_304_when_nothing_changed_since(
    client, indicator, make_reading, recorder
):
    reading = make_reading(indicator, 2024, "110", user=recorder)
    r = client.get("/api/v1/mittarit/")
    last_modified = r["Last-Modified"]
    assert last_modified == http_date(int(reading.updated_at.timestamp()))
    same = client.get("/api/v1/mittarit/", headers={"if-modified-since": last_modified})
    assert same.status_code == 304
    # A later change moves the date: a withdrawal too.
    reading.withdrawn_at = reading.updated_at + timedelta(seconds=5)
    reading.updated_at = reading.withdrawn_at
    reading.save()
    later = client.get(
        "/api/v1/mittarit/", headers={"if-modified-since": last_modified}
    )
    assert later.status_code == 200
    assert later.json()["indicators"][0]["latest"] is None


def test_it_moves_last_modified_when_an_annual_target_changes(client, indicator):
    before = client.get("/api/v1/mittarit/")["Last-Modified"]
    target = AnnualTarget.objects.create(indicator=indicator, year=2025, value=1)
    target.history.update(history_date=indicator.updated_at + timedelta(days=1))
    assert client.get("/api/v1/mittarit/")["Last-Modified"] != before


def test_it_marks_readings_before_the_period_and_preliminary_ones(
    client, indicator, make_reading, recorder
):
    make_reading(indicator, 2023, "100", user=recorder)
    make_reading(indicator, 2025, "118", user=recorder, preliminary=True)
    readings = client.get(f"/api/v1/mittarit/{indicator.pk}/").json()["readings"]
    assert [(r["status"], r["before_period"], r["preliminary"]) for r in readings] == [
        (None, True, False),
        ("on_track", False, True),
    ]


def test_a_reading_before_the_strategy_period_has_no_status(
    client, indicator, make_reading, recorder
):
    # Found by the access matrix: such a reading gave a 500 here.
    make_reading(indicator, 2023, "95", user=recorder)
    make_reading(indicator, 2024, "110", user=recorder)
    r = client.get(f"/api/v1/mittarit/{indicator.pk}/")
    assert r.status_code == 200
    readings = {row["year"]: row for row in r.json()["readings"]}
    assert readings[2023]["status"] is None
    assert readings[2023]["before_period"] is True
    assert readings[2024]["status"] is not None
    assert readings[2024]["before_period"] is False
