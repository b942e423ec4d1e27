import pytest


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
    # strategy, indicators, latest readings, annual targets, measures with areas
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/mittarit/").json()["indicators"]) == 20


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
