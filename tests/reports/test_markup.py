from reports.markup import dropped_links, render_markup


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


def test_it_renders_a_list_that_follows_a_sentence_on_the_next_line():
    # As the help text says: "-" or "1." at the start of a line, no blank line.
    assert render_markup("Tärkeimmät:\n- yksi\n- kaksi") == (
        "<p>Tärkeimmät:</p>\n<ul>\n<li>yksi</li>\n<li>kaksi</li>\n</ul>"
    )
    assert render_markup("Järjestyksessä:\n1. eka\n2. toka") == (
        "<p>Järjestyksessä:</p>\n<ol>\n<li>eka</li>\n<li>toka</li>\n</ol>"
    )


def test_it_keeps_a_tight_list_and_a_dash_inside_a_sentence():
    assert render_markup("- yksi\n  jatkuu\n- kaksi") == (
        "<ul>\n<li>yksi\n  jatkuu</li>\n<li>kaksi</li>\n</ul>"
    )
    assert render_markup("Vuonna 2025 - kuten ennenkin - väki väheni.") == (
        "<p>Vuonna 2025 - kuten ennenkin - väki väheni.</p>"
    )


def test_it_keeps_the_text_of_a_link_whose_address_is_not_allowed():
    text = (
        "[klikkaa](javascript:alert(1)), <a href='data:x'>tämä &amp; <em>tuo</em></a>"
    )
    html = render_markup(text + " ja [kaupunki](https://www.kemijarvi.fi).")
    assert html == (
        "<p>klikkaa, tämä &amp; <em>tuo</em> ja "
        '<a href="https://www.kemijarvi.fi" rel="noopener noreferrer">kaupunki</a>.</p>'
    )
    assert dropped_links(text) == ["klikkaa", "tämä & tuo"]
    assert dropped_links("[kaupunki](https://www.kemijarvi.fi)") == []
