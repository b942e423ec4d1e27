"""{% city_text %}: the city's texts in the reader's language, or marked Finnish."""

from django.template import Context, Template
from django.utils import translation

from strategy.i18n import Text


def render(source: str, **ctx) -> str:
    return Template("{% load city_text %}" + source).render(Context(ctx))


def test_it_shows_finnish_plainly_on_a_finnish_page():
    html = render("{% city_text t %}", t=Text("Hyvä\n\nToinen"))
    assert html == "<div><p>Hyvä</p>\n\n<p>Toinen</p></div>"


def test_it_shows_english_when_there_is_english():
    with translation.override("en"):
        html = render("{% city_text t inline=True %}", t=Text("Hyvä", "Good"))
    assert html == "<span>Good</span>"


def test_it_marks_finnish_only_text_on_an_english_page():
    with translation.override("en"):
        block = render("{% city_text t %}", t=Text("Hyvä"))
        inline = render("{% city_text t inline=True %}", t=Text("Hyvä"))
    assert (
        block
        == '<p class="fi-only-note">In Finnish only</p><div lang="fi"><p>Hyvä</p></div>'
    )
    assert inline == (
        '<span lang="fi">Hyvä</span> '
        '<span class="fi-only-note">(in Finnish only)</span>'
    )


def test_it_escapes_and_truncates():
    html = render(
        "{% city_text t inline=True truncate=3 %}",
        t=Text("<b>yksi</b> kaksi kolme neljä\nviisi"),
    )
    assert html == "<span>&lt;b&gt;yksi&lt;/b&gt; kaksi kolme…</span>"
    html = render("{% city_text t inline=True %}", t=Text("a & b\nc"))
    assert html == "<span>a &amp; b<br>c</span>"


def test_it_renders_nothing_for_no_text():
    assert render("{% city_text t %}", t=Text()) == ""
