"""Every public page reflows on a 320 px wide screen (WCAG 2.1, 1.4.10).

Nothing may push the page sideways on a small phone: long Finnish compound
words and status badges wrap; wide tables scroll inside their own box
(``.table-wrap``), which is allowed.
"""

import pytest

from tests.browser.helpers import switch_language
from tests.sample import PUBLIC_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What sticks out past the right edge, deepest elements first, for the message.
OVERFLOWING = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
  .filter(e => !e.closest('.table-wrap'))
  .reverse().slice(0, 5)
  .map(e => `${e.tagName.toLowerCase()}.${e.className}: `
    + e.textContent.trim().slice(0, 40))"""


def sideways(page) -> list[str]:
    width = page.evaluate("document.documentElement.scrollWidth")
    return [] if width <= 320 else [f"{width} px wide", *page.evaluate(OVERFLOWING)]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_it_needs_no_sideways_scrolling_on_a_small_phone(
    phone, live_server, site, name
):
    phone.goto(live_server.url + site.path(name))
    found = {"fi": sideways(phone)}
    switch_language(phone, "In English")
    found["en"] = sideways(phone)
    assert found == {"fi": [], "en": []}


def test_it_sees_a_page_that_is_too_wide(phone):
    # The check itself must be able to fail.
    phone.set_content('<html><body><p style="white-space: nowrap">' + "x " * 200)
    assert sideways(phone)[0].endswith("px wide")
