"""/toimialat/: the coordinator attaches staff to departments and detaches
them, sees the indicators nobody can record, and every change is kept in the
history with who made it."""

import pytest

from strategy.models import Department, User


@pytest.fixture
def newcomer(db):
    return User.objects.create_user(
        "uusi", password="salasana-123", first_name="Ulla", last_name="Uusi"
    )


def test_anonymous_visitors_are_sent_to_log_in(client, technical):
    for r in (
        client.get("/toimialat/"),
        client.post(f"/toimialat/{technical.pk}/jasenet/", {"action": "attach"}),
    ):
        assert r.status_code == 302
        assert r["Location"].startswith("/kirjaudu/")


@pytest.mark.parametrize("who", ["recorder", "mayors_office", "councillor"])
def test_other_roles_are_refused(client, technical, newcomer, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get("/toimialat/").status_code == 403
    r = client.post(
        f"/toimialat/{technical.pk}/jasenet/",
        {"action": "attach", "user": newcomer.pk},
    )
    assert r.status_code == 403
    assert not technical.members.filter(pk=newcomer.pk).exists()


def test_the_coordinator_sees_departments_and_the_unrecordable(
    client,
    strategy,
    make_indicator,
    recorder,
    coordinator,
    django_assert_max_num_queries,
):
    empty = Department.objects.create(name="Elinvoimapalvelut")
    make_indicator(name="Yritysten määrä", department=empty)
    make_indicator(name="Katuvalot")  # Tekniset palvelut has a member
    client.force_login(coordinator)
    # Session and user (2), the user's groups (1), the current strategy (1),
    # departments with counts and their members (2), the unrecordable (1),
    # the membership history: versions, their members, names (3); then per
    # department the choices of its forms: whom to attach, and whom to detach
    # when it has members (1 + 1 here): a city has a handful of departments.
    with django_assert_max_num_queries(10 + 1 + 2):
        r = client.get("/toimialat/")
    assert r.status_code == 200
    page = r.content.decode()
    unrecordable = page.split('id="unrecordable-heading"')[1].split("</section>")[0]
    assert "Yritysten määrä" in unrecordable
    assert "Katuvalot" not in unrecordable
    assert "Kirjaaja" in page  # the member's name
    assert "Toimialalla ei ole jäseniä." in page


def test_the_coordinator_attaches_and_detaches(
    client, strategy, technical, newcomer, coordinator
):
    client.force_login(coordinator)
    r = client.post(
        f"/toimialat/{technical.pk}/jasenet/",
        {"action": "attach", "user": newcomer.pk},
    )
    assert r.status_code == 302
    assert r["Location"] == f"/toimialat/#toimiala-{technical.pk}"
    assert technical.members.filter(pk=newcomer.pk).exists()
    latest = technical.history.latest()
    assert latest.history_user == coordinator
    assert newcomer.pk in [m.user_id for m in latest.members.all()]

    r = client.post(
        f"/toimialat/{technical.pk}/jasenet/",
        {"action": "detach", "user": newcomer.pk},
        follow=True,
    )
    assert "Ulla Uusi (uusi) irrotettiin toimialasta Tekniset palvelut." in (
        r.content.decode()
    )
    assert not technical.members.filter(pk=newcomer.pk).exists()
    changes = r.context["changes"]
    assert [(c.added, c.removed) for c in changes[:2]] == [
        ([], ["Ulla Uusi (uusi)"]),
        (["Ulla Uusi (uusi)"], []),
    ]
    assert changes[0].by == str(coordinator)


def test_an_attached_person_may_record(client, indicator, newcomer, coordinator):
    client.force_login(newcomer)
    assert client.get(f"/mittarit/{indicator.pk}/kirjaa/").status_code == 403
    client.force_login(coordinator)
    client.post(
        f"/toimialat/{indicator.department.pk}/jasenet/",
        {"action": "attach", "user": newcomer.pk},
    )
    client.force_login(newcomer)
    assert client.get(f"/mittarit/{indicator.pk}/kirjaa/").status_code == 200


@pytest.mark.parametrize(
    "data, message",
    [
        ({"action": "attach"}, "Valitse henkilö."),
        ({"action": "attach", "user": "kirjaaja"}, "ei ole enää valittavissa"),
        # Already a member: not among the choices.
        ({"action": "attach", "user": "MEMBER"}, "ei ole enää valittavissa"),
        # Not a member: nothing to detach.
        ({"action": "detach", "user": "NEWCOMER"}, "ei ole enää valittavissa"),
    ],
)
def test_it_refuses_a_bad_choice_next_to_the_field(
    client, strategy, technical, recorder, newcomer, coordinator, data, message
):
    data = dict(data)
    data["user"] = {"MEMBER": recorder.pk, "NEWCOMER": newcomer.pk}.get(
        data.get("user"), data.get("user", "")
    )
    client.force_login(coordinator)
    before = technical.history.count()
    r = client.post(f"/toimialat/{technical.pk}/jasenet/", data)
    assert r.status_code == 400
    assert message in r.content.decode()
    assert set(technical.members.all()) == {recorder}
    assert technical.history.count() == before


def test_a_missing_department_is_404(client, coordinator, newcomer):
    client.force_login(coordinator)
    r = client.post("/toimialat/999999/jasenet/", {"action": "attach", "user": 1})
    assert r.status_code == 404


def test_coordinators_may_change_departments_in_the_admin(
    client, technical, staff_coordinator, newcomer
):
    client.force_login(staff_coordinator)
    r = client.get(f"/hallinta/strategy/department/{technical.pk}/change/")
    assert r.status_code == 200
    assert client.get("/hallinta/strategy/contactperson/add/").status_code == 200
