"""Password rules speak the interface's language: the admin's password change."""

CHANGE = "/hallinta/password_change/"


def change_to(client, new: str) -> str:
    data = {"old_password": "salasana-123", "new_password1": new, "new_password2": new}
    r = client.post(CHANGE, data)
    assert r.status_code == 200  # refused: the form again
    return r.content.decode()


def test_it_refuses_a_short_password_in_finnish(client, superuser):
    client.force_login(superuser)
    # 11 characters: one short of the rule (issue: at least 12).
    html = change_to(client, "Lx7#qa-Tunt")
    assert "Salasana on liian lyhyt. Siinä on oltava vähintään 12 merkkiä." in html
    assert "too short" not in html
    superuser.refresh_from_db()
    assert superuser.check_password("salasana-123")


def test_it_refuses_a_short_password_in_english(client, superuser, english):
    client.force_login(superuser)
    html = change_to(client, "Lx7#qa-Tunt")
    assert "This password is too short. It must contain at least 12 characters." in html


def test_it_still_accepts_a_long_enough_password(client, superuser):
    client.force_login(superuser)
    data = {
        "old_password": "salasana-123",
        "new_password1": "Kemijarvi-tunturi-8",
        "new_password2": "Kemijarvi-tunturi-8",
    }
    assert client.post(CHANGE, data).status_code == 302
    superuser.refresh_from_db()
    assert superuser.check_password("Kemijarvi-tunturi-8")


def test_it_accepts_a_long_passphrase(client, superuser):
    client.force_login(superuser)
    phrase = "pohjoisen kaupungin syksyinen tunturi ja järven kirkas vesi " * 3
    data = {
        "old_password": "salasana-123",
        "new_password1": phrase,
        "new_password2": phrase,
    }
    assert client.post(CHANGE, data).status_code == 302
    superuser.refresh_from_db()
    assert superuser.check_password(phrase)
