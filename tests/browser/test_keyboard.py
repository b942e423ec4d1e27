"""Keyboard use: the skip link comes first, and focus is always visible."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What the browser shows around the focused element, read from computed style.
FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.textContent || el.value || '').trim().slice(0, 40),
    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
    shadow: s.boxShadow !== 'none' && s.boxShadow !== '',
  };
}"""


# Not the login page: Django's login form puts focus on the username field.
@pytest.mark.parametrize(
    "name", ["home", "focus-area-1", "indicator-list", "indicator-numeric"]
)
def test_it_reaches_the_skip_link_first(page, live_server, site, name):
    page.goto(live_server.url + site.path(name))
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.get_attribute("class") == "skip-link"
    assert focused.get_attribute("href") == "#main"
    # Hidden off-screen until focused; then on screen for sighted keyboard users.
    box = focused.bounding_box()
    assert box is not None and box["y"] >= 0 and box["height"] > 0
    assert focused.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_it_hides_the_skip_link_until_focused(page, live_server, site):
    page.goto(live_server.url + "/")
    box = page.locator(".skip-link").bounding_box()
    assert box is None or box["y"] + box["height"] <= 0


@pytest.mark.parametrize("name", ["home", "indicator-list", "indicator-numeric"])
def test_it_shows_focus_on_every_element_tabbed_to(page, live_server, site, name):
    page.goto(live_server.url + site.path(name))
    seen = []
    for _ in range(150):
        page.keyboard.press("Tab")
        style = page.evaluate(FOCUS_STYLE)
        if style["tag"] == "body":
            break
        seen.append(style)
        assert style["outline"] or style["shadow"], f"no visible focus: {style}"
    else:
        pytest.fail("Tab never left the page: a keyboard trap?")
    tags = {s["tag"] for s in seen}
    # Links and the language switcher button were among them.
    assert {"a", "button"} <= tags
