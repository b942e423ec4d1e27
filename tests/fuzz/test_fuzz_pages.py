"""Every page the site serves by GET, asked with odd query parameters, path
ids and headers: the list's filters and search, the API's paging, the
downloads' format, the login's ``next``, the language, conditional requests.

The pages come from the URL configuration (the access matrix's walk), so a
new page is fuzzed without a word here; each is asked as a visitor who may
read it. Whatever is asked, the answer is never a server error.
"""

import re
from urllib.parse import quote

from django.test import Client

from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.filters import IndicatorFilterForm
from tests.security.test_access_matrix import (
    FIXTURE,
    ROLES,
    RULES,
    path_of,
    project_patterns,
)

from . import values as V

# The parameters the views read; any other name is tried too.
PARAMETERS = [
    *IndicatorFilterForm.base_fields,
    "sivu",  # the API's page
    "sivukoko",  # the API's page size
    "muoto",  # the CSV dialect of the downloads
    "next",  # where the login returns to
    "language",
]
# A published report's file is made by the background worker; until then its
# address answers 503 with Retry-After, by design (reports/views.py).
PREPARING = {"reports:pdf", "reports:docx"}

query = st.dictionaries(
    st.one_of(st.sampled_from(PARAMETERS), V.param_name()),
    # A query of megabytes is the web server's to refuse (its URL limit).
    st.lists(
        st.one_of(V.number(), V.date(), V.text(huge=False)), min_size=1, max_size=2
    ),
    max_size=4,
)
latin1 = st.text(st.characters(max_codepoint=255, blacklist_categories=("Cc",)))
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": st.one_of(
            st.sampled_from(["en", "sv,en;q=0.5"]), latin1
        ),
        "HTTP_IF_NONE_MATCH": st.one_of(st.just("*"), latin1),
        "HTTP_IF_MODIFIED_SINCE": st.one_of(
            st.sampled_from(["Sat, 01 Jan 2000 00:00:00 GMT", "Fri, 31 Dec 9999"]),
            latin1,
        ),
    },
)


def readable_pages() -> list[tuple[str, str, str]]:
    """(name, pattern, role) of each page some visitor may GET."""
    pages = []
    for pattern, name in project_patterns():
        get_rule = RULES[name][1]
        role = next((r for r in ROLES if get_rule[r] == "ok"), None)
        if role is not None:
            pages.append((name, pattern, role))
    return pages


def fuzzed_path(data, pattern: str, fill: dict, objects: dict) -> str:
    values = {
        key: objects.get(value, value) if isinstance(value, str) else value
        for key, value in fill.items()
    }
    for key in re.findall(r"<int:(\w+)>", pattern):
        values[key] = data.draw(
            st.sampled_from([values[key], 0, 2**31, 2**63, 10**40]), label=key
        )
    for key in re.findall(r"<str:(\w+)>", pattern):
        values[key] = quote(
            data.draw(st.one_of(st.just(values[key]), V.text(huge=False)), label=key),
            safe="",
        )
    return path_of(pattern, values)


# Each example asks every page (some fifty requests): a tenth of the examples.
@settings(max_examples=max(2, settings.default.max_examples // 10))
@given(data=st.data())
def test_every_page_with_odd_parameters(data, request, objects):
    users = {role: request.getfixturevalue(FIXTURE[role]) for role in ROLES[1:]}
    for name, pattern, role in readable_pages():
        client = Client()
        if role != "anonymous":
            client.force_login(users[role])
        if data.draw(st.booleans(), label="language cookie"):
            client.cookies["django_language"] = data.draw(latin1)
        path = fuzzed_path(data, pattern, RULES[name][0], objects)
        response = client.get(
            path, data.draw(query, label=name), **data.draw(headers, label="headers")
        )
        if name in PREPARING and response.status_code == 503:
            assert response.headers["Retry-After"]
            continue
        assert response.status_code < 500, (name, path)
