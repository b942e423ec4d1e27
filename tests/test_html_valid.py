"""Every public page is well-formed HTML: strict html5lib parse, unique ids,
and every id that a label or an ARIA attribute names exists.

The Nu HTML checker validates these pages and more in the browser tests
(tests/browser/html_checker.py); this quick check runs without Java.
"""

from collections import Counter

import html5lib
import pytest

from tests.sample import PUBLIC_PAGES

# Attributes that point at other elements by their id.
REFERENCES = ("for", "aria-describedby", "aria-labelledby", "aria-controls")


def html_problems(html: str) -> list[str]:
    """Parse errors (strict html5lib), duplicate ids and references to ids that
    do not exist, in a document."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        tree = parser.parse(html)
    except html5lib.html5parser.ParseError:
        lines = html.splitlines()
        problems = []
        for (line, col), code, data in parser.errors:
            source = lines[line - 1].strip()[:120] if 0 < line <= len(lines) else ""
            problems.append(f"line {line} col {col}: {code} {data or ''} -- {source}")
        return problems
    ids = Counter(el.get("id") for el in tree.iter() if el.get("id") is not None)
    problems = [f'duplicate id="{i}" ({n}×)' for i, n in ids.items() if n > 1]
    for el in tree.iter():
        for attribute in REFERENCES:
            problems += [
                f'{attribute}="{name}" on <{el.tag}>: no element has that id'
                for name in (el.get(attribute) or "").split()
                if name not in ids
            ]
    return problems


@pytest.mark.parametrize("language", ["fi", "en"])
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_it_serves_valid_html(client, sample_site, name, language):
    if language == "en":
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    r = client.get(sample_site.path(name))
    assert r.status_code == 200
    html = r.content.decode()
    assert f'<html lang="{language}">' in html
    assert html_problems(html) == []


def test_it_finds_parse_errors_and_duplicate_ids():
    page = "<!DOCTYPE html><html lang=fi><title>t</title><body>{}</body></html>"
    assert html_problems(page.format("<p id=a>x</p>")) == []
    assert html_problems(page.format("<p id=a>x</p><p id=a>y</p>")) == [
        'duplicate id="a" (2×)'
    ]
    assert html_problems(
        page.format('<input aria-describedby="a-error"><p id="a_error">x</p>')
    ) == ['aria-describedby="a-error" on <input>: no element has that id']
    (problem,) = html_problems(page.format("<p>x</div>"))
    assert "{'name': 'div'}" in problem
    assert html_problems("<p>no doctype</p>")[0].startswith("line 1 col")


@pytest.mark.parametrize("language", ["fi", "en"])
def test_it_serves_a_valid_not_found_page(client, site, language):
    if language == "en":
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    r = client.get("/mittarit/999999/")
    assert r.status_code == 404
    assert html_problems(r.content.decode()) == []
