"""Password rules speak the interface's language: the admin's password change."""

import pytest

CHANGE = "/hallinta/password_change/"


@pytest.fixture
def staff_coordinator(coordinator):
    coordinator.is_staff = True
    coordinator.save()
    return coordinator


def change_to(client, new: str) -> str:
    data = {"old_password": "salasana-123", "new_password1": new, "new_password2": new}
    r = client.post(CHANGE, data)
    assert r.status_code == 200  # refused: the form again
    return r.content.decode()


def test_it_refuses_a_short_password_in_finnish(client, staff_coordinator):
    client.force_login(staff_coordinator)
    html = change_to(client, "Lx7#qa")
    assert "Salasana on liian lyhyt. Siinä on oltava vähintään 8 merkkiä." in html
    assert "too short" not in html
    staff_coordinator.refresh_from_db()
    assert staff_coordinator.check_password("salasana-123")


def test_it_refuses_a_short_password_in_english(client, staff_coordinator, english):
    client.force_login(staff_coordinator)
    html = change_to(client, "Lx7#qa")
    assert "This password is too short. It must contain at least 8 characters." in html


def test_it_still_accepts_a_long_enough_password(client, staff_coordinator):
    client.force_login(staff_coordinator)
    data = {
        "old_password": "salasana-123",
        "new_password1": "Kemijarvi-tunturi-8",
        "new_password2": "Kemijarvi-tunturi-8",
    }
    assert client.post(CHANGE, data).status_code == 302
    staff_coordinator.refresh_from_db()
    assert staff_coordinator.check_password("Kemijarvi-tunturi-8")
