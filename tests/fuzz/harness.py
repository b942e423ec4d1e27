"""One fuzz example: post as a role, and check what the database holds.

Every example runs inside a savepoint that is rolled back afterwards, so one
example never sees another's writes (pytest-django's ``db`` fixture keeps the
whole test in one transaction; the savepoints nest in it). A rejected post
(anything but a redirect) must leave every table as it was, row for row; an
accepted one (a redirect) may only save rows that pass the model's
``full_clean()``, constraints included.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.apps import apps
from django.db import connection, models, transaction
from django.test import Client
from django.urls import resolve

# Any well-formed token: the client posts it back in the form, as a browser does.
CSRF_TOKEN = "fuzz" * 8

# Not the data a post is about: the session (where the import keeps its
# rows until confirmed) changes with every request.
NEVER_COMPARED = {"sessions.session"}
# The product's own data, whose rows must pass ``full_clean()``.
PROJECT_APPS = {"strategy", "indicators", "reports"}


# What each URL name answered ("accepted" / "refused"): test_fuzz_coverage
# checks that every surface fuzzed also accepted a post, so that the checks of
# saved rows really ran.
OUTCOMES: dict[str, set[str]] = defaultdict(set)


def csrf_client(user=None) -> Client:
    """A client that enforces CSRF like a browser's visit: the cookie is set
    and each post carries the token."""
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = CSRF_TOKEN
    if user is not None:
        client.force_login(user)
    return client


def post(client: Client, path: str, data: dict, **extra):
    return client.post(path, {**data, "csrfmiddlewaretoken": CSRF_TOKEN}, **extra)


def compared_models(ignore=()) -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.label_lower not in NEVER_COMPARED | set(ignore)
    ]


def snapshot(ignore=()) -> dict[str, dict]:
    """Every row of every table, as ``repr`` of its columns by primary key.
    Plain SQL: the ORM's per-query cost would double the fuzz tests' time."""
    tables = {}
    with connection.cursor() as cursor:
        for model in compared_models(ignore):
            meta = model._meta
            columns = [f.column for f in meta.concrete_fields]
            key = columns.index(meta.pk.column)
            cursor.execute(
                "SELECT {} FROM {}".format(
                    ", ".join(map(connection.ops.quote_name, columns)),
                    connection.ops.quote_name(meta.db_table),
                )
            )
            tables[meta.label_lower] = {
                row[key]: repr(row) for row in cursor.fetchall()
            }
    return tables


def changed_rows(before: dict, after: dict) -> dict[str, list]:
    """Table → keys of the rows added, changed or removed."""
    changes = {}
    for label, rows in after.items():
        old = before.get(label, {})
        keys = [k for k in rows.keys() | old.keys() if rows.get(k) != old.get(k)]
        if keys:
            changes[label] = sorted(keys, key=repr)
    return changes


def is_history(model) -> bool:
    """django-simple-history's copies: checked through the rows they copy."""
    return model.__name__.startswith("Historical")


def assert_saved_rows_valid(changes: dict) -> None:
    for label, keys in changes.items():
        model = apps.get_model(label)
        if (
            model._meta.app_label not in PROJECT_APPS
            or is_history(model)
            or model._meta.auto_created
        ):
            continue
        for obj in model._base_manager.filter(pk__in=keys):
            obj.full_clean()
            assert_texts_within_limits(obj)


def assert_texts_within_limits(obj: models.Model) -> None:
    """A TextField's max_length binds only its form field, not full_clean()
    nor the database: every text must be within it all the same."""
    for field in obj._meta.concrete_fields:
        text = getattr(obj, field.attname)
        if isinstance(field, models.TextField) and field.max_length and text:
            assert len(text) <= field.max_length, f"{field} over its limit"


def is_rejection(response) -> bool:
    return not 300 <= response.status_code < 400


def check(response, before: dict, after: dict) -> None:
    """The rules of every example (see the module's docstring)."""
    assert response.status_code < 500, response.status_code
    changes = changed_rows(before, after)
    if is_rejection(response):
        assert changes == {}, f"refused with {response.status_code} yet saved"
    else:
        assert_saved_rows_valid(changes)


@contextmanager
def rolled_back():
    """One example's savepoint, rolled back whatever happens in it."""
    savepoint = transaction.savepoint()
    try:
        yield
    finally:
        transaction.savepoint_rollback(savepoint)


def checked_post(client: Client, path: str, data: dict, *, ignore=(), **extra):
    """Post ``data`` and check the rules against the rows before and after."""
    before = snapshot(ignore)
    response = post(client, path, data, **extra)
    check(response, before, snapshot(ignore))
    outcome = "refused" if is_rejection(response) else "accepted"
    OUTCOMES[resolve(path.split("?")[0]).view_name].add(outcome)
    return response


def post_and_check(user, path: str, data: dict, *, ignore=(), **extra):
    """Log ``user`` in (None: anonymous), post ``data`` and check the rules;
    all in a savepoint rolled back afterwards. Returns the response."""
    with rolled_back():
        return checked_post(csrf_client(user), path, data, ignore=ignore, **extra)
