"""Too large posts get a clear 413 page; other bad requests a 400 page."""


def test_a_post_over_the_size_limit_gets_a_413_page(
    client, recorder, indicator, settings
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client.force_login(recorder)
    r = client.post(
        f"/mittarit/{indicator.pk}/kirjaa/",
        {"year": "2025", "value": "1", "narrative": "x" * 20_000},
    )
    assert r.status_code == 413
    assert "Lähetys on liian suuri" in r.content.decode()
    assert indicator.readings.count() == 0


def test_too_many_fields_get_a_413_page(client, db, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    r = client.post("/kirjaudu/", {f"f{i}": "x" for i in range(50)})
    assert r.status_code == 413


def test_a_bad_host_gets_a_400_page(client, db):
    r = client.get("/", HTTP_HOST="evil.example")
    assert r.status_code == 400
