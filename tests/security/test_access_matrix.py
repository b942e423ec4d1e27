"""Who may do what, for every URL the project defines.

The test walks the URL configuration itself: every pattern must have a rule
below, so a new view without one fails here. For each pattern and each of
seven kinds of visitor it asserts the status of a GET and of a POST (an empty
form, or the pattern's own minimal data): 200 (or a redirect that is not to the
login) where the visitor may, a redirect to the login for anonymous visitors
of staff pages, 403 for logged-in visitors without the right, and 405 for a
POST to a page that only reads. The admin's patterns (Django's own) are walked
too: anyone who is not a staff user is sent to the admin's login.
"""

from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

import pytest

from reports import services as report_services

ROLES = [
    "anonymous",
    "councillor",
    "other_staff",
    "owner_staff",
    "coordinator",
    "mayors_office",
    "superuser",
]
FIXTURE = {
    "councillor": "councillor",
    "other_staff": "other_recorder",
    "owner_staff": "recorder",
    "coordinator": "coordinator",
    "mayors_office": "mayors_office",
    "superuser": "superuser",
}

# What each kind of visitor gets: "ok", "login" (sent to log in), "deny" (403),
# "405" (method not allowed), "404" (hidden: not found for this visitor).
EVERYONE = dict.fromkeys(ROLES, "ok")
# A POST to a download: 405 for those who may read it (anonymous visitors are
# sent to log in first, as for any staff page).
LOGGED_405 = {role: "405" for role in ROLES if role != "anonymous"}
READ_ONLY = dict.fromkeys(ROLES, "405")
LOGGED_IN = {**dict.fromkeys(ROLES, "ok"), "anonymous": "login"}
RECORDERS = {
    "anonymous": "login",
    "councillor": "deny",
    "other_staff": "deny",
    "owner_staff": "ok",
    "coordinator": "ok",
    "mayors_office": "deny",
    "superuser": "ok",
}
COORDINATORS = {
    **dict.fromkeys(ROLES, "deny"),
    "anonymous": "login",
    "coordinator": "ok",
    "superuser": "ok",
}
# The on-time overview: coordinators, and the mayor's office reads it (DESIGN.md).
ON_TIME_READERS = {**COORDINATORS, "mayors_office": "ok"}
REPORT_WRITERS = {
    **dict.fromkeys(ROLES, "deny"),
    "anonymous": "login",
    "mayors_office": "ok",
    "superuser": "ok",
}
MEASURE_WRITERS = RECORDERS  # the measure's department, as for its indicators
FORBIDDEN_FOR_ALL = dict.fromkeys(ROLES, "405")
# /tuonti/: staff of any department and coordinators; an empty upload is a 400.
IMPORTERS = {
    **dict.fromkeys(ROLES, "ok"),
    "anonymous": "login",
    "councillor": "deny",
    "mayors_office": "deny",
}
IMPORTERS_EMPTY_POST = {
    role: "400" if rule == "ok" else rule for role, rule in IMPORTERS.items()
}
COORDINATORS_EMPTY_POST = {
    role: "400" if rule == "ok" else rule for role, rule in COORDINATORS.items()
}
DRAFT_READERS = {
    **dict.fromkeys(ROLES, "404"),
    "coordinator": "ok",
    "mayors_office": "ok",
    "superuser": "ok",
}


def path_of(pattern: str, objects: dict) -> str:
    out = pattern
    for key, value in objects.items():
        out = out.replace(f"<int:{key}>", str(value)).replace(
            f"<str:{key}>", str(value)
        )
    return "/" + out


# name -> (which objects fill the path, GET rule, POST rule, POST data)
RULES = {
    "strategy:home": ({}, EVERYONE, READ_ONLY, {}),
    "strategy:focus_area": ({"number": 1}, EVERYONE, READ_ONLY, {}),
    "strategy:success_factors": ({}, EVERYONE, READ_ONLY, {}),
    "strategy:accessibility": ({}, EVERYONE, READ_ONLY, {}),
    "indicators:list": ({}, EVERYONE, READ_ONLY, {}),
    "indicators:detail": ({"pk": "indicator"}, EVERYONE, READ_ONLY, {}),
    "indicators:how_to_read": ({}, EVERYONE, READ_ONLY, {}),
    "indicators:mine": ({}, LOGGED_IN, READ_ONLY, {}),
    "indicators:reading_create": ({"pk": "indicator"}, RECORDERS, RECORDERS, {}),
    "indicators:status_override": (
        {"pk": "indicator"},
        COORDINATORS,
        COORDINATORS,
        {},
    ),
    "indicators:reading_update": ({"pk": "reading"}, RECORDERS, RECORDERS, {}),
    "indicators:reading_withdraw": ({"pk": "reading"}, RECORDERS, RECORDERS, {}),
    "indicators:import_start": ({}, IMPORTERS, IMPORTERS_EMPTY_POST, {}),
    "indicators:import_statistics": ({}, COORDINATORS, COORDINATORS_EMPTY_POST, {}),
    "indicators:import_template_csv": ({}, IMPORTERS, READ_ONLY, {}),
    "indicators:import_template_xlsx": ({}, IMPORTERS, READ_ONLY, {}),
    "indicators:api_list": ({}, EVERYONE, READ_ONLY, {}),
    "indicators:api_detail": ({"pk": "indicator"}, EVERYONE, READ_ONLY, {}),
    # open data (h-opendata): public, read only
    "indicators:api_index": ({}, EVERYONE, READ_ONLY, {}),
    "indicators:api_strategy": ({}, EVERYONE, READ_ONLY, {}),
    "indicators:open_data": ({}, EVERYONE, READ_ONLY, {}),
    "indicators:export_readings_csv": ({}, EVERYONE, READ_ONLY, {}),
    "indicators:export_indicators_csv": ({}, EVERYONE, READ_ONLY, {}),
    "indicators:export_xlsx": ({}, EVERYONE, READ_ONLY, {}),
    "indicators:indicator_csv": ({"pk": "indicator"}, EVERYONE, READ_ONLY, {}),
    "indicators:indicator_xlsx": ({"pk": "indicator"}, EVERYONE, READ_ONLY, {}),
    "indicators:feed": ({}, EVERYONE, READ_ONLY, {}),
    "indicators:area_feed": ({"number": 1}, EVERYONE, READ_ONLY, {}),
    "indicators:indicator_feed": ({"pk": "indicator"}, EVERYONE, READ_ONLY, {}),
    "reports:list": ({}, EVERYONE, READ_ONLY, {}),
    "reports:detail": ({"pk": "report"}, EVERYONE, READ_ONLY, {}),
    "reports:pdf": ({"pk": "report"}, EVERYONE, READ_ONLY, {}),
    "reports:create": ({}, REPORT_WRITERS, REPORT_WRITERS, {}),
    # A post without a login gets the page that gives back the typed texts (403).
    "reports:update": (
        {"pk": "draft"},
        REPORT_WRITERS,
        {**REPORT_WRITERS, "anonymous": "deny"},
        {},
    ),
    "reports:publish": ({"pk": "draft"}, REPORT_WRITERS, REPORT_WRITERS, {}),
    "reports:new_version": ({"pk": "report"}, REPORT_WRITERS, REPORT_WRITERS, {}),
    "strategy:measure": ({"pk": "measure"}, EVERYONE, READ_ONLY, {}),
    "strategy:measure_update_create": (
        {"pk": "measure"},
        MEASURE_WRITERS,
        MEASURE_WRITERS,
        {},
    ),
    "strategy:measure_update_edit": (
        {"pk": "measure_update"},
        MEASURE_WRITERS,
        MEASURE_WRITERS,
        {},
    ),
    # The coordinator's pages (indicators/coordination_views.py). The members
    # form posted empty reaches coordinators as a refused form (400).
    "indicators:publish": ({"pk": "draft_indicator"}, READ_ONLY, COORDINATORS, {}),
    "indicators:departments": ({}, COORDINATORS, READ_ONLY, {}),
    "indicators:department_members": (
        {"pk": "department"},
        READ_ONLY,
        {**COORDINATORS, "coordinator": "400", "superuser": "400"},
        {"action": "attach"},
    ),
    "indicators:on_time": ({}, ON_TIME_READERS, READ_ONLY, {}),
    "indicators:on_time_csv": ({}, ON_TIME_READERS, READ_ONLY, {}),
    "indicators:import_preview": ({}, IMPORTERS, IMPORTERS, {}),
    "reports:docx": ({"pk": "report"}, EVERYONE, READ_ONLY, {}),
    "reports:data": ({"pk": "report", "extension": "csv"}, EVERYONE, READ_ONLY, {}),
    "set_language": ({}, EVERYONE, EVERYONE, {"language": "en", "next": "/"}),
    "login": ({}, EVERYONE, EVERYONE, {}),
    "logout": ({}, READ_ONLY, EVERYONE, {}),
}
# Patterns that serve files, outside the matrix on purpose.
NOT_VIEWS = {"media": "uploaded files, served by the web server in production"}


def walk(patterns, prefix="", namespace=None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = entry.name or ""
            yield (
                prefix + str(entry.pattern),
                f"{namespace}:{name}" if namespace else name,
            )


def project_patterns():
    found = []
    for pattern, name in walk(get_resolver().url_patterns):
        if name.startswith("admin:") or pattern.startswith("^media"):
            continue
        found.append((pattern, name))
    return found


ADMIN_ROOT = "hallinta/"


def test_every_url_pattern_has_a_rule():
    missing = [
        f"{name} ({pattern})"
        for pattern, name in project_patterns()
        if name not in RULES
    ]
    assert missing == [], "add a rule to RULES for each new view"


def test_no_rule_is_left_over():
    names = {name for _pattern, name in project_patterns()}
    assert sorted(set(RULES) - names) == []


@pytest.fixture
def objects(sample_site, recorder, mayors_office, make_indicator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the report's files
    indicator = sample_site.indicators["numeric"]
    draft = report_services.report_create(
        strategy=indicator.strategy,
        title="Luonnos",
        cutoff_date=sample_site.report.cutoff_date,
    )
    draft_indicator = make_indicator(name="Luonnosmittari", published_at=None)
    measure = sample_site.measure
    return {
        "draft_indicator": draft_indicator.pk,
        "measure": measure.pk,
        "measure_update": measure.updates.order_by("pk").first().pk,
        "department": indicator.department_id,
        "indicator": indicator.pk,
        "reading": indicator.readings.order_by("pk").first().pk,
        "report": sample_site.report.pk,
        "draft": draft.pk,
    }


def visit(client, request, role, method, path, data):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(FIXTURE[role]))
    client.raise_request_exception = False
    if method == "GET":
        return client.get(path)
    return client.post(path, data)


def outcome(response) -> str:
    code = response.status_code
    if code in (301, 302):
        location = response.headers["Location"]
        if location.startswith("/kirjaudu/") or "/hallinta/login/" in location:
            return "login"
        return "ok"
    return {200: "ok", 403: "deny", 404: "404", 405: "405"}.get(code, str(code))


@pytest.mark.parametrize("name", sorted(RULES))
def test_access(client, request, objects, name):
    """Every kind of visitor, GET and POST, on one URL. Each request runs in a
    savepoint rolled back afterwards, so one visitor's POST never changes what
    the next one meets."""
    patterns = {n: p for p, n in project_patterns()}
    if name not in patterns:
        pytest.fail(f"{name} has a rule but no URL")
    fill, get_rule, post_rule, data = RULES[name]
    values = {
        key: objects.get(value, value) if isinstance(value, str) else value
        for key, value in fill.items()
    }
    path = path_of(patterns[name], values)
    if name in ("reports:pdf", "reports:docx"):
        # Made by the background worker after publishing; here by its command.
        call_command("make_report_pdfs", str(objects["report"]), verbosity=0)
    # The users exist before the savepoints (a user made inside one would be
    # rolled back with it).
    for role in ROLES[1:]:
        request.getfixturevalue(FIXTURE[role])
    wrong = []
    for role in ROLES:
        for method, rule in (("GET", get_rule), ("POST", post_rule)):
            visitor = Client()
            savepoint = transaction.savepoint()
            try:
                response = visit(visitor, request, role, method, path, data)
            finally:
                transaction.savepoint_rollback(savepoint)
            got = outcome(response)
            if got != rule[role]:
                wrong.append(f"{method} {path} as {role}: {got}, expected {rule[role]}")
    assert wrong == []


ADMIN_USERS = {
    "anonymous": "login",
    "councillor": "login",
    "other_staff": "login",
    "owner_staff": "login",
    "mayors_office": "login",
}


@pytest.mark.parametrize("role", sorted(ADMIN_USERS))
def test_the_admin_sends_non_staff_to_its_login(client, request, objects, role):
    paths = {
        "/" + ADMIN_ROOT + str(pattern).replace(ADMIN_ROOT, "", 1)
        for pattern, name in walk(get_resolver().url_patterns)
        if name.startswith("admin:") and "<" not in pattern and "(?P" not in pattern
    }
    assert len(paths) > 5
    for path in sorted(paths):
        for method in ("GET", "POST"):
            response = visit(client, request, role, method, path, {})
            if path.endswith("/login/") or path.endswith("/logout/"):
                continue
            assert outcome(response) == "login", (method, path, role)
