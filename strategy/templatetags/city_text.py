"""``{% city_text text %}``: a text the city wrote, in the reader's language.

Used wherever such texts show (reading explanations and assessments, measure
updates, the accessibility statement): on an English page whose text exists
only in Finnish, the Finnish text is marked ``lang="fi"`` (screen readers
switch voice) and a visible note says it is in Finnish only.

``text`` is a ``strategy.i18n.Text``; a plain string is shown as it is.
``inline=True`` renders a ``<span>`` (line breaks as ``<br>``) for use inside a
paragraph or a table cell, else a ``<div>`` of paragraphs; ``truncate`` cuts
to that many words.
"""

from django import template
from django.template.defaultfilters import linebreaks_filter, linebreaksbr
from django.utils.html import format_html
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def city_text(text, inline: bool = False, truncate: int = 0, css_class: str = ""):
    if not text:
        return ""
    shown = str(text)
    if truncate:
        shown = Truncator(shown).words(truncate)
    lang = getattr(text, "lang", "")
    lang_attr = format_html(' lang="{}"', lang) if lang else ""
    class_attr = format_html(' class="{}"', css_class) if css_class else ""
    if inline:
        body = linebreaksbr(shown, autoescape=True)
        html = format_html("<span{}{}>{}</span>", class_attr, lang_attr, body)
        if lang:
            html += format_html(
                ' <span class="fi-only-note">({})</span>', gettext("vain suomeksi")
            )
        return html
    html = format_html(
        "<div{}{}>{}</div>",
        class_attr,
        lang_attr,
        linebreaks_filter(shown, autoescape=True),
    )
    if lang:
        # Translated only where shown: a page may list a hundred assessments.
        note = capfirst(gettext("vain suomeksi"))
        html = format_html('<p class="fi-only-note">{}</p>', note) + html
    return html
