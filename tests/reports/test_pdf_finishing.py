"""The PDF's metadata, bookmarks and attachment, and text written into CSS."""

import io

from django.template import Context, Template

import pikepdf
from pikepdf import Name
from pypdf import PdfReader

from reports import pdf_finishing
from reports.templatetags.print_css import css_string

HEAD = """<html><head><title> Raportti –
Kemijärvi </title><meta name="author" content="Kemijärven kaupunki">
<meta name="author" content="Maija M"><meta name="description" content="Kuvaus">
<meta name="council-decision" content="Kaupunginvaltuusto 1.2.2026 § 5">
<meta name="dcterms.created" content="2026-03-04T05:06:07+02:00"></head>
<body><nav><a href="#a">Johdanto</a><span data-page-of="a"></span>
<a href="#b">1. <b>Kylien</b> kaupunki</a><span data-page-of="b"></span></nav>"""


def test_it_reads_the_head():
    head = pdf_finishing.read_head(HEAD)
    assert " ".join(head.title.split()) == "Raportti – Kemijärvi"
    assert head.meta["author"] == ["Kemijärven kaupunki", "Maija M"]
    assert "dcterms.created" in head.meta


def test_it_finishes_a_pdf_with_information_bookmarks_and_the_data():
    made = pikepdf.new()
    for _ in range(3):
        made.add_blank_page()
    made.Root.Dests = pikepdf.Dictionary(
        {"/b": pikepdf.Array([made.pages[2].obj, Name.XYZ, 0, 800, 0])}
    )
    raw = io.BytesIO()
    made.save(raw)
    data = pdf_finishing.Attachment("lukemat.csv", b"a;b\r\n", "Lukemat", "text/csv")
    finished = pdf_finishing.finish(
        raw.getvalue(),
        head=pdf_finishing.read_head(HEAD),
        # "a" has no destination: no bookmark; "c" has no title: none either.
        bookmarks=[("a", "Johdanto"), ("b", "1. Kylien kaupunki"), ("c", "")],
        attachment=data,
    )
    reader = PdfReader(io.BytesIO(finished))
    assert [
        (item.title, reader.get_destination_page_number(item))
        for item in reader.outline
    ] == [("1. Kylien kaupunki", 2)]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    assert reader.metadata["/councildecision"] == "Kaupunginvaltuusto 1.2.2026 § 5"
    assert reader.xmp_metadata.dc_title["x-default"] == "Raportti – Kemijärvi"
    assert reader.attachments["lukemat.csv"] == [b"a;b\r\n"]


def test_it_makes_the_document_information():
    info = pdf_finishing.document_info(pdf_finishing.read_head(HEAD))
    assert info[Name.Title] == "Raportti – Kemijärvi"
    assert info[Name.Author] == "Kemijärven kaupunki, Maija M"
    assert info[Name.Subject] == "Kuvaus"
    assert info[Name("/councildecision")] == "Kaupunginvaltuusto 1.2.2026 § 5"
    assert info[Name.CreationDate] == "D:20260304050607+02'00'"


def test_css_strings_cannot_end_the_string_or_the_style_element():
    assert css_string("Väliraportti 2026 § 5") == '"Väliraportti 2026 § 5"'
    hostile = 'a"b\\c</style><script>x</script>\nd'
    written = css_string(hostile)
    inner = written[1:-1]
    assert written[0] == written[-1] == '"'
    assert not set('"\\<>\n') & set(
        inner.replace("\\22 ", "")
        .replace("\\5c ", "")
        .replace("\\3c ", "")
        .replace("\\3e ", "")
    )
    assert "</style" not in written
    page = Template("{% load print_css %}<style>{{ t|css_string }}</style>").render(
        Context({"t": hostile})
    )
    assert page.count("</style>") == 1
