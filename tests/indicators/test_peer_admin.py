"""The coordinator chooses the strategy's peers in the admin; the peers'
figures are read-only there (they come from statistics files)."""

from indicators.models import Peer


def test_a_coordinator_adds_a_peer(client, staff_coordinator, strategy):
    client.force_login(staff_coordinator)
    data = {
        "strategy": strategy.pk,
        "code": "MK19",
        "name": "Lappi",
        "name_en": "",
        "order": 2,
    }
    r = client.post("/hallinta/indicators/peer/add/", data)
    assert r.status_code == 302, r.content.decode()[-2000:]
    peer = Peer.objects.get()
    assert (peer.code, peer.name) == ("MK19", "Lappi")


def test_it_refuses_a_code_that_is_not_an_area(client, staff_coordinator, strategy):
    client.force_login(staff_coordinator)
    data = {
        "strategy": strategy.pk,
        "code": "320",
        "name": "Kemijärvi",
        "name_en": "",
        "order": 0,
    }
    r = client.post("/hallinta/indicators/peer/add/", data)
    assert r.status_code == 200
    assert "Anna aluekoodi muodossa KU320" in r.content.decode()
    assert not Peer.objects.exists()


def test_peer_figures_cannot_be_added_by_hand(client, staff_coordinator):
    client.force_login(staff_coordinator)
    assert client.get("/hallinta/indicators/peervalue/").status_code == 200
    assert client.get("/hallinta/indicators/peervalue/add/").status_code == 403


def test_staff_without_the_role_cannot_choose_peers(client, recorder):
    recorder.is_staff = True
    recorder.save()
    client.force_login(recorder)
    assert client.get("/hallinta/indicators/peer/add/").status_code == 403
