"""The report's minimal safe markup: Markdown rendered through an allow-list.

The mayor's office writes paragraphs, lists, emphasis and links. Markdown
passes raw HTML through, so its output is cleaned by nh3 (an allow-list
sanitiser): anything not listed below, such as <script>, event handlers or a
javascript: link, never reaches a page or the PDF. A link whose address is
not allowed keeps its text, without the link, and the draft's preview names
it (``dropped_links``) so that the writer can mend it.
"""

import html
import re

import markdown
import nh3

TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "blockquote"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}

# The start of a list item: "- ", "* ", "+ " or "1. " at the start of a line.
LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d+\.)[ \t]+\S")
# A link that nh3 left without its address (its scheme was not allowed).
LINK_WITHOUT_ADDRESS = re.compile(r"<a(?![^>]*\shref=)[^>]*>(.*?)</a>", re.S)
TAG = re.compile(r"<[^>]+>")


def render_markup(text: str) -> str:
    """Safe HTML for a narrative written in minimal Markdown ("" for blank)."""
    return _render(text)[0]


def dropped_links(text: str) -> list[str]:
    """The texts of the links whose address was not allowed, in order."""
    return _render(text)[1]


def _render(text: str) -> tuple[str, list[str]]:
    if not text or not text.strip():
        return "", []
    html_ = markdown.markdown(_lists_after_sentences(text), output_format="html")
    html_ = nh3.clean(
        html_,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()
    dropped = [
        html.unescape(TAG.sub("", match.group(1))).strip()
        for match in LINK_WITHOUT_ADDRESS.finditer(html_)
    ]
    # An <a> without href is no link (and invalid HTML): keep only its text.
    return LINK_WITHOUT_ADDRESS.sub(r"\1", html_), dropped


def _lists_after_sentences(text: str) -> str:
    """A blank line before a list that follows a sentence on the next line.

    The writers' help text (reports.models.MARKUP_HELP) says a list starts
    with "-" or "1." at the start of a line; Markdown itself also wants a
    blank line before it, or the items run on in the paragraph.
    """
    lines = []
    in_list = False
    for line in text.splitlines():
        item = LIST_ITEM.match(line) is not None
        if item and not in_list and lines and lines[-1].strip():
            lines.append("")
        if not line.strip():
            in_list = False
        elif item:
            in_list = True
        lines.append(line)
    return "\n".join(lines)
