"""A refused permission is logged in one line, not as a traceback."""

import logging


def test_a_403_is_logged_in_one_line(client, other_recorder, indicator, caplog):
    client.force_login(other_recorder)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        r = client.get(f"/mittarit/{indicator.pk}/kirjaa/")
    assert r.status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records
    handler = logging.StreamHandler()
    from strategy.logging import OneLine403

    for record in records:
        OneLine403().filter(record)
        assert "\n" not in handler.format(record)
