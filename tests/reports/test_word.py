"""The report as a Word document: headings, tables, page numbers, language."""

import io

from django.core.files.storage import default_storage

import pytest
from docx import Document
from docx.oxml.ns import qn

from reports import word

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(autouse=True)
def _made(published, make_files):
    """The background task's files (tests/reports/conftest.py)."""
    make_files(published, "fi", "en")


def _open(response) -> Document:
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    return Document(io.BytesIO(response.content))


def _headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def test_it_downloads_the_chapters_with_word_headings_and_tables(
    client, published, strategy
):
    r = client.get(f"/raportit/{published.pk}/docx/")
    assert r["Content-Disposition"] == (
        'attachment; filename="kemijarven-kaupunki-valiraportti-'
        'kaupunginvaltuustolle-2025-06-30-v1.docx"'
    )
    doc = _open(r)
    title = [p.text for p in doc.paragraphs if p.style.name == "Title"]
    assert title == ["Väliraportti kaupunginvaltuustolle"]
    chapters = _headings(doc, 1)
    assert chapters[:2] == ["Johdanto", "Mittarien tila yhteenvetona"]
    for area in strategy.focus_areas.all():
        assert f"{area.number}. {area.short_title}" in chapters
    assert chapters[-1] == "Liite: mittarien lukemat ja tilan määräytyminen"
    assert "Keskeiset onnistumiset" in _headings(doc, 2)
    assert _headings(doc, 3) == ["Kevyen liikenteen väylät"]  # the appendix
    # Real tables: the summary, the area's indicators, the appendix's years.
    summary = doc.tables[0]
    assert summary.rows[0].cells[0].text == "Painopistealue"
    assert summary.rows[-1].cells[-1].text == "1"
    appendix = doc.tables[-1]
    assert [c.text for c in appendix.rows[0].cells] == [
        "Vuosi",
        "Lukema",
        "Suunniteltu",
        "Tila",
    ]
    assert [c.text for c in appendix.rows[1].cells] == [
        "2024",
        "120,0\xa0km",
        "115,0\xa0km",
        "➜ etenee tavoitteen mukaisesti",
    ]
    # The header row repeats on each page.
    assert appendix.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert "Hyvä valtuusto, strategia etenee." in [p.text for p in doc.paragraphs]


def test_it_numbers_the_pages_and_sets_the_language(client, published):
    doc = _open(client.get(f"/raportit/{published.pk}/docx/"))
    footer = doc.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert doc.core_properties.language == "fi-FI"
    lang = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "fi-FI"
    assert doc.core_properties.title == "Väliraportti kaupunginvaltuustolle"
    assert doc.core_properties.author == "Kemijärven kaupunki"


def test_it_writes_english_when_english_is_chosen(english, published):
    r = english.get(f"/raportit/{published.pk}/docx/")
    doc = _open(r)
    assert doc.core_properties.language == "en-GB"
    assert doc.core_properties.title == "Mid-term report to the city council"
    assert "Introduction" in _headings(doc, 1)


def test_it_serves_the_kept_docx(client, published, monkeypatch):
    assert default_storage.exists(word.stored_name(published))

    def no_rendering(*args, **kwargs):
        raise AssertionError("the kept DOCX should have been used")

    monkeypatch.setattr(word, "render_docx", no_rendering)
    assert client.get(f"/raportit/{published.pk}/docx/").status_code == 200


@pytest.mark.parametrize("who", [None, "councillor"])
def test_it_hides_a_drafts_docx(client, report, who, request):
    if who:
        client.force_login(request.getfixturevalue(who))
    assert client.get(f"/raportit/{report.pk}/docx/").status_code == 404


def test_it_makes_a_drafts_docx_for_the_mayors_office(
    client, report, mayors_office, published
):
    client.force_login(mayors_office)
    doc = _open(client.get(f"/raportit/{report.pk}/docx/"))
    assert "Luonnos – ei julkaistu" in " ".join(p.text for p in doc.paragraphs)
    _dirs, kept = default_storage.listdir("reports/docx")
    assert all(name.startswith(f"{published.pk}-") for name in kept)  # not kept
