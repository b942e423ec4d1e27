"""The admin shows reports but never changes a published one."""


def test_it_shows_a_published_report_read_only(admin_client, published):
    path = f"/hallinta/reports/midtermreport/{published.pk}/change/"
    r = admin_client.get(path)
    assert r.status_code == 200
    assert 'name="title"' not in r.content.decode()
    r = admin_client.post(path, {"title": "Muutettu"})
    assert r.status_code == 403
    published.refresh_from_db()
    assert published.title == "Väliraportti kaupunginvaltuustolle"


def test_it_lets_a_superuser_fix_a_draft_in_the_admin(admin_client, report):
    r = admin_client.get(f"/hallinta/reports/midtermreport/{report.pk}/change/")
    assert r.status_code == 200
    assert 'name="title"' in r.content.decode()


def test_it_never_deletes_a_published_report(admin_client, published):
    r = admin_client.post(
        f"/hallinta/reports/midtermreport/{published.pk}/delete/", {"post": "yes"}
    )
    assert r.status_code == 403
    published.refresh_from_db()
