"""Reading rendered pages as a person would: elements by id or label, text."""

import re


def by_id(html: str, element_id: str):
    """The element with ``element_id`` of a page (html5lib, no namespaces)."""
    import html5lib

    tree = html5lib.parse(html, namespaceHTMLElements=False)
    for element in tree.iter():
        if element.get("id") == element_id:
            return element
    raise AssertionError(f"no element with id={element_id!r}")


def labelled_by(html: str, heading_id: str):
    """The section that ``aria-labelledby`` ties to a heading."""
    import html5lib

    tree = html5lib.parse(html, namespaceHTMLElements=False)
    for element in tree.iter():
        if element.get("aria-labelledby") == heading_id:
            return element
    raise AssertionError(f"nothing labelled by {heading_id!r}")


def svgs(element) -> list:
    """The SVG elements inside an element (html5lib keeps their namespace)."""
    return [el for el in element.iter() if str(el.tag).endswith("}svg")]


def text_of(element) -> str:
    """The element's text as a reader meets it: elements apart, runs of
    whitespace collapsed (but no-break spaces kept: they are part of 1 234,5)."""
    return re.sub(r"[ \t\n\r\f]+", " ", " ".join(element.itertext())).strip()


def status_counts(element) -> list[str]:
    """The status counts ("1 saavutettu", …) inside an element, in order."""
    return [
        text_of(el).lstrip("✔➜!✖– ")
        for el in element.iter()
        if "status-count" in (el.get("class") or "").split()
    ]
