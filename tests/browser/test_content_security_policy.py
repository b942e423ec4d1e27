"""The Content Security Policy as the browser enforces it.

Every browser test fails when the policy refuses something on a page it opens
(``csp_refusals`` in conftest.py); this shows that the watch sees a refusal.
"""

import pytest

from tests.browser.conftest import csp_refusals

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_watch_sees_an_inline_style_the_policy_refuses(chromium, live_server, site):
    url = live_server.url + site.path("home")

    def with_inline_style(route):
        # The real page and its real headers, with one inline style added.
        response = route.fetch()
        body = response.text().replace("</main>", '<p style="color: red">x</p></main>')
        route.fulfill(response=response, body=body)

    context = chromium.new_context()
    try:
        refused = csp_refusals(context)
        page = context.new_page()
        page.route(url, with_inline_style)
        with page.expect_console_message(lambda m: m.type == "error"):
            page.goto(url)
        assert len(refused) == 1
        assert refused[0].startswith(url)
        assert "inline style" in refused[0]
    finally:
        context.close()


def test_it_leaves_aside_what_a_test_s_own_script_does(chromium, live_server, site):
    context = chromium.new_context()
    try:
        refused = csp_refusals(context)
        page = context.new_page()
        page.goto(live_server.url + site.path("home"))
        with page.expect_console_message(lambda m: m.type == "error"):
            page.evaluate(
                "document.head.insertAdjacentHTML('beforeend', '<style>p {}</style>')"
            )
        assert refused == []
    finally:
        context.close()


def test_the_site_s_own_stylesheet_is_let_in(page, live_server, site):
    page.goto(live_server.url + site.path("indicator-numeric"))
    blue = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--blue')"
    )
    assert blue.strip()
