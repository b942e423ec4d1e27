"""Finnish first: the browser's language does not choose; the button does."""

import pytest


@pytest.mark.parametrize("accept", ["en", "en-GB,en;q=0.9", "sv-FI,en;q=0.8"])
def test_it_opens_in_finnish_whatever_the_browser_asks(client, strategy, accept):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE=accept).content.decode()
    assert '<html lang="fi">' in html
    assert "Miten strategia etenee" in html


def test_the_language_button_keeps_the_choice_on_every_page(client, strategy):
    r = client.post(
        "/i18n/setlang/",
        {"language": "en", "next": "/painopistealueet/1/"},
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert r.status_code == 302 and r["Location"] == "/painopistealueet/1/"
    for path in ["/painopistealueet/1/", "/", "/mittarit/", "/saavutettavuus/"]:
        html = client.get(path, HTTP_ACCEPT_LANGUAGE="fi").content.decode()
        assert '<html lang="en">' in html, path
    # And back to Finnish the same way.
    client.post("/i18n/setlang/", {"language": "fi", "next": "/"})
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="fi">' in html


def test_it_ignores_a_language_cookie_it_does_not_serve(client, strategy, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="fi">' in html
