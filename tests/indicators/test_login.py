"""/kirjaudu/ and /kirjaudu-ulos/."""


def test_it_shows_the_login_form_in_the_site_layout(client, db):
    r = client.get("/kirjaudu/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "<h1>Kirjaudu sisään</h1>" in html
    assert 'name="username"' in html
    assert 'autocomplete="current-password"' in html
    assert 'class="site-header"' in html  # base.html
    assert 'for="id_username"' in html


def test_it_lands_staff_on_their_indicators(client, recorder):
    r = client.post("/kirjaudu/", {"username": "kirjaaja", "password": "salasana-123"})
    assert r.status_code == 302
    assert r["Location"] == "/omat/"


def test_it_goes_back_where_the_user_was_going(client, recorder, indicator):
    r = client.post(
        "/kirjaudu/",
        {
            "username": "kirjaaja",
            "password": "salasana-123",
            "next": f"/mittarit/{indicator.pk}/kirjaa/",
        },
    )
    assert r["Location"] == f"/mittarit/{indicator.pk}/kirjaa/"


def test_it_ignores_a_next_address_on_another_site(client, recorder):
    r = client.post(
        "/kirjaudu/",
        {
            "username": "kirjaaja",
            "password": "salasana-123",
            "next": "https://example.com/",
        },
    )
    assert r["Location"] == "/omat/"


def test_it_refuses_a_wrong_password_in_finnish(client, recorder):
    r = client.post("/kirjaudu/", {"username": "kirjaaja", "password": "väärä"})
    assert r.status_code == 200
    html = r.content.decode()
    assert "Ole hyvä ja syötä kelvollinen käyttäjätunnus ja salasana." in html
    assert 'value="kirjaaja"' in html
    assert "_auth_user_id" not in client.session


def test_it_refuses_a_wrong_password_in_english(english, recorder):
    r = english.post("/kirjaudu/", {"username": "kirjaaja", "password": "wrong"})
    html = r.content.decode()
    assert "Please enter a correct username and password." in html
    assert "Log in" in html


def test_it_logs_out_with_a_post(client, recorder):
    client.force_login(recorder)
    assert 'action="/kirjaudu-ulos/"' in client.get("/omat/").content.decode()
    r = client.post("/kirjaudu-ulos/")
    assert r.status_code == 302
    assert r["Location"] == "/"
    assert client.get("/omat/").status_code == 302
