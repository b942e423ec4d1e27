"""Every public page is well-formed HTML: strict html5lib parse, unique ids."""

from collections import Counter

import html5lib
import pytest

from tests.sample import PUBLIC_PAGES


def html_problems(html: str) -> list[str]:
    """Parse errors (strict html5lib) and duplicate ids of a document."""
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
    return [f'duplicate id="{i}" ({n}×)' for i, n in ids.items() if n > 1]


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
