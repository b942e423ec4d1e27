"""The report's minimal safe markup: Markdown rendered through an allow-list.

The mayor's office writes paragraphs, lists, emphasis and links. Markdown
passes raw HTML through, so its output is cleaned by nh3 (an allow-list
sanitiser): anything not listed below, such as <script>, event handlers or a
javascript: link, never reaches a page or the PDF.
"""

import markdown
import nh3

TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "blockquote"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render_markup(text: str) -> str:
    """Safe HTML for a narrative written in minimal Markdown ("" for blank)."""
    if not text or not text.strip():
        return ""
    html = markdown.markdown(text, output_format="html")
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()
