def test_it_explains_a_refusal_in_the_site_layout(client, indicator, other_recorder):
    client.force_login(other_recorder)
    r = client.get(f"/mittarit/{indicator.pk}/kirjaa/")
    assert r.status_code == 403
    html = r.content.decode()
    assert "Ei käyttöoikeutta" in html
    assert "strategiakoordinaattori" in html
    assert 'href="#main"' in html


def test_it_explains_a_missing_page_in_english(english, strategy):
    r = english.get("/painopistealueet/9/")
    assert r.status_code == 404
    assert "Page not found" in r.content.decode()
