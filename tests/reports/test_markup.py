from reports.markup import render_markup


def test_it_renders_paragraphs_lists_emphasis_and_links():
    html = render_markup(
        "Ensimmäinen kappale.\n\nToinen *tärkeä* ja **hyvin tärkeä**.\n\n"
        "- yksi\n- kaksi\n\nJärjestyksessä:\n\n1. eka\n2. toka\n\n[Kaupunki](https://www.kemijarvi.fi)"
    )
    assert "<p>Ensimmäinen kappale.</p>" in html
    assert "<em>tärkeä</em>" in html and "<strong>hyvin tärkeä</strong>" in html
    assert "<ul>" in html and "<li>yksi</li>" in html
    assert "<ol>" in html and "<li>eka</li>" in html
    assert '<a href="https://www.kemijarvi.fi" rel="noopener noreferrer">' in html


def test_it_strips_script_tags_and_their_content():
    html = render_markup("Hei <script>alert('x')</script> maailma")
    assert "<script" not in html
    assert "alert" not in html
    assert "Hei" in html and "maailma" in html


def test_it_strips_event_handlers_and_styles():
    html = render_markup(
        '<p onclick="alert(1)" style="color:red">Teksti</p>'
        '<img src="x" onerror="alert(2)">'
    )
    assert "onclick" not in html
    assert "onerror" not in html
    assert "style" not in html
    assert "<img" not in html
    assert "Teksti" in html


def test_it_drops_javascript_links_but_keeps_their_text():
    html = render_markup("[klikkaa](javascript:alert(1)) ja <a href='data:x'>tämä</a>")
    assert "javascript:" not in html
    assert "data:" not in html
    assert "klikkaa" in html and "tämä" in html


def test_it_turns_headings_and_tables_into_plain_text():
    html = render_markup("# Otsikko\n\n<table><tr><td>solu</td></tr></table>")
    assert "<h1" not in html and "<table" not in html
    assert "Otsikko" in html and "solu" in html


def test_it_renders_nothing_for_blank_text():
    assert render_markup("") == ""
    assert render_markup("  \n ") == ""
