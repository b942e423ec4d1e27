"""The report as a Word document (DOCX), for the council's agenda system.

The same chapters as the report page and the PDF, from the same template
context (``reports/document.py``: the frozen content in the active language,
numbers by ``indicators.formatting``): Word's own heading styles (so that the
agenda system and a screen reader see the structure), real tables with
repeated header rows, page numbers in the footer, and the document's language
set on its default text style and in its properties. Made with python-docx;
a published report's DOCX is made once per language and kept, like its PDF
(``report_docx``).
"""

import io
from html.parser import HTMLParser

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from indicators import formatting
from indicators.choices import ICONS, Status

from .document import build_document
from .freeze import ReportContent
from .models import MidtermReport

NARRATIVE_TITLES = {
    "successes": gettext_lazy("Keskeiset onnistumiset"),
    "impacts": gettext_lazy("Vaikutukset"),
    "challenges": gettext_lazy("Haasteet"),
}


def _language_tag() -> str:
    return "en-GB" if (get_language() or "fi").startswith("en") else "fi-FI"


def _status_text(status) -> str:
    if not status:
        return "–"
    status = Status(status)
    return f"{ICONS[status]} {status.label}"


class _Narrative(HTMLParser):
    """The sanitised narrative HTML (reports/markup.py) as Word paragraphs:
    paragraphs, bulleted and numbered lists, bold, italic and links."""

    def __init__(self, doc):
        super().__init__()
        self.doc = doc
        self.paragraph = None
        self.lists: list[str] = []
        self.bold = self.italic = 0
        self.href = ""

    def _start_paragraph(self, style: str | None = None):
        self.paragraph = self.doc.add_paragraph(style=style)

    def handle_starttag(self, tag, attrs):
        if tag == "p" and not self.lists:
            self._start_paragraph()
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag == "li":
            numbered = self.lists and self.lists[-1] == "ol"
            self._start_paragraph("List Number" if numbered else "List Bullet")
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "a":
            self.href = dict(attrs).get("href", "")
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break()

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.paragraph = None
        elif tag in ("p", "li"):
            self.paragraph = None
        elif tag in ("strong", "b"):
            self.bold -= 1
        elif tag in ("em", "i"):
            self.italic -= 1
        elif tag == "a":
            if self.href and self.paragraph is not None:
                self.paragraph.add_run(f" ({self.href})")
            self.href = ""

    def handle_data(self, data):
        if not data.strip() and self.paragraph is None:
            return
        if self.paragraph is None:
            self._start_paragraph()
        run = self.paragraph.add_run(" ".join(data.split("\n")))
        run.bold = bool(self.bold) or None
        run.italic = bool(self.italic) or None


def _narrative(doc, html: str, empty: str) -> None:
    if not html.strip():
        doc.add_paragraph(empty)
        return
    parser = _Narrative(doc)
    parser.feed(html)
    parser.close()


def _table(doc, header: list[str], rows: list[list[str]], numeric=()):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    head = table.rows[0]
    # The header row repeats on every page the table runs to.
    head_props = head._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    head_props.append(repeat)
    for cell, text in zip(head.cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for values in rows:
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, values, strict=True)):
            cell.text = text
            if index in numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return table


def _page_numbers(section) -> None:
    """ "Sivu N / M" in the footer, as Word fields that Word fills in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""

    def field(instruction: str) -> None:
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), instruction)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        simple.append(run)
        paragraph._p.append(simple)

    paragraph.add_run(_("Sivu") + " ")
    field("PAGE")
    paragraph.add_run(" / ")
    field("NUMPAGES")


def _set_language(doc, tag: str) -> None:
    """The language of the document's default text (what Word's proofing and
    a screen reader use), and of its properties."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    run_props = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_props.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_props.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), tag)
    doc.core_properties.language = tag


def _cover(doc, report: MidtermReport, d: dict) -> None:
    doc.add_paragraph(str(d["municipality"]).upper())
    doc.add_paragraph(str(d["strategy_title"]))
    doc.add_heading(str(d["title"]), level=0)
    facts = [(_("Tilannepäivä"), formatting.short_date(d["cutoff"]))]
    council = d["council"]
    if d["council_meeting_date"]:
        meeting = formatting.short_date(d["council_meeting_date"])
        if council.section:
            meeting += f" {council.section}"
        facts.append((_("Kaupunginvaltuuston kokous"), meeting))
    if council.minutes_url:
        facts.append((_("Pöytäkirja"), council.minutes_url))
    facts.append((_("Versio"), str(d["edition"])))
    if report.is_published:
        facts.append((_("Julkaistu"), formatting.short_date(report.published_at)))
    else:
        facts.append((_("Tila"), _("Luonnos – ei julkaistu")))
    if council.contact:
        contact = ", ".join(
            part
            for part in [
                council.contact_name,
                council.contact_title,
                council.contact_email,
                council.contact_phone,
            ]
            if part
        )
        facts.append((_("Yhteyshenkilö"), contact))
    for label, value in facts:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    if d["is_demo"]:
        paragraph = doc.add_paragraph()
        paragraph.add_run("Esimerkkiaineisto / Example data. ").bold = True
        paragraph.add_run(
            _(
                "Raportin mittarit ja luvut ovat keksittyjä esimerkkejä esittelyä "
                "varten, eivät kaupungin virallisia tietoja."
            )
        )


def _indicator_rows(indicators) -> list[list[str]]:
    rows = []
    for ind in indicators:
        d, state = ind.definition, ind.state
        if state.latest is None:
            latest = "–"
        else:
            shown = d.value_text(state.latest.value) if d.is_numeric else _("arvio")
            latest = f"{shown} ({state.latest.period.label()})"
        baseline = d.value_text(d.baseline_value)
        if d.baseline_value is not None and d.baseline_year:
            baseline += f" ({d.baseline_year})"
        target = d.value_text(d.target_value)
        if d.target_value is not None and d.target_year:
            target += f" ({d.target_year})"
        status = _status_text(state.status)
        if state.overridden:
            status += " – " + _("koordinaattorin arvio")
        rows.append([str(d.name), baseline, latest, target, status])
    return rows


def _appendix(doc, d: dict) -> None:
    doc.add_heading(_("Liite: mittarien lukemat ja tilan määräytyminen"), level=1)
    doc.add_paragraph(
        _(
            "Taulukoissa on mittarin rivi kutakin strategiakauden vuotta kohden. "
            "Kuukausittaisista ja neljännesvuosittaisista mittareista rivillä on "
            "vuoden viimeisin lukema sekä arvo, jota tila vertasi suunniteltuun "
            "(esimerkiksi vuoden keskiarvo); laadullisista vuoden viimeisin arvio "
            "perusteluineen."
        )
    )
    doc.add_paragraph(
        _("Kaikki lukemat tilannepäivään asti ovat raportin tiedostossa %(name)s.")
        % {"name": d["data_filename"]}
    )
    for ind in d["indicators"]:
        definition, table = ind.definition, ind.appendix
        doc.add_heading(str(definition.name), level=3)
        facts = [_("Vastuutoimiala") + ": " + (str(definition.department) or "–")]
        if definition.unit:
            facts.append(_("Yksikkö") + ": " + str(definition.unit))
        facts.append(_("Tila") + ": " + _status_text(ind.state.status))
        doc.add_paragraph(". ".join(facts) + ".")
        if not table["rows"]:
            doc.add_paragraph(_("Ei lukemia tilannepäivään mennessä."))
            continue
        if definition.is_numeric:
            header = [_("Vuosi"), _("Lukema")]
            if table["periodic"]:
                header = [
                    _("Vuosi"),
                    _("Vuoden viimeisin lukema"),
                    table["basis_label"],
                ]
            header += [_("Suunniteltu"), _("Tila")]
            rows = []
            for row in table["rows"]:
                value = row["value"]
                if row["period"]:
                    value += f" ({row['period']})"
                cells = [str(row["year"]), value]
                if table["periodic"]:
                    cells.append(row["basis_value"])
                cells += [row["planned"], _status_text(row["status"])]
                rows.append(cells)
            numeric = range(1, len(header) - 1)
        else:
            header = [_("Vuosi"), _("Vuoden viimeisin arvio"), _("Perustelu")]
            rows = [
                [
                    str(row["year"]),
                    _status_text(row["assessed"])
                    + (f" ({row['period']})" if row["period"] else ""),
                    row["narrative"] or "–",
                ]
                for row in table["rows"]
            ]
            numeric = ()
        _table(doc, header, rows, numeric)


def render_docx(report: MidtermReport, content: ReportContent | None = None) -> bytes:
    """The report as DOCX bytes, in the active language."""
    from docx import Document
    from docx.shared import Pt

    d = build_document(report, content)
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    _set_language(doc, _language_tag())
    props = doc.core_properties
    props.title = str(d["title"])
    council = d["council"]
    props.author = ", ".join(
        part for part in [str(d["municipality"]), council.contact_name] if part
    )
    subject = f"{d['strategy_title']}: " + _("tilanne %(date)s") % {
        "date": formatting.short_date(d["cutoff"])
    }
    if d["council_meeting_date"]:
        subject += ". " + _("Kaupunginvaltuusto %(date)s") % {
            "date": formatting.short_date(d["council_meeting_date"])
        }
        if council.section:
            subject += f" {council.section}"
    props.subject = subject
    props.keywords = _("kaupunkistrategia, väliraportti, kaupunginvaltuusto")
    props.comments = council.minutes_url
    props.created = report.published_at or timezone.now()
    _page_numbers(doc.sections[0])

    _cover(doc, report, d)

    doc.add_heading(_("Johdanto"), level=1)
    _narrative(doc, str(d["introduction"]), _("Johdantoa ei ole vielä kirjoitettu."))

    doc.add_heading(_("Mittarien tila yhteenvetona"), level=1)
    header = [_("Painopistealue")] + [_status_text(s) for s in d["statuses"]]
    header.append(_("Yhteensä"))
    rows = [
        [f"{area['number']}. {area['title']}"]
        + [str(count) for _status, count in area["summary"].by_status]
        + [str(area["summary"].total)]
        for area in d["areas"]
    ]
    rows.append(
        [_("Kaikki julkiset mittarit")]
        + [str(count) for _status, count in d["summary"].by_status]
        + [str(d["summary"].total)]
    )
    _table(doc, header, rows, numeric=range(1, len(header)))

    for area in d["areas"]:
        doc.add_heading(f"{area['number']}. {area['title']}", level=1)
        doc.add_paragraph(str(area["lead"]))
        for item in area["narratives"]:
            doc.add_heading(str(NARRATIVE_TITLES[item["field"]]), level=2)
            _narrative(doc, str(item["html"]), _("Ei kirjoitettu."))
        doc.add_heading(_("Mittarit"), level=2)
        if area["indicators"]:
            _table(
                doc,
                [
                    _("Mittari"),
                    _("Lähtötaso"),
                    _("Tilannepäivänä"),
                    _("Tavoite"),
                    _("Tila"),
                ],
                _indicator_rows(area["indicators"]),
                numeric=(1, 2, 3),
            )
        else:
            doc.add_paragraph(
                _("Painopistealueella ei ollut tilannepäivänä julkisia mittareita.")
            )

    doc.add_heading(_("Kriittiset menestystekijät"), level=1)
    for factor in d["factors"]:
        doc.add_heading(str(factor["text"])[:1].upper() + str(factor["text"])[1:], 2)
        for ind in factor["indicators"]:
            doc.add_paragraph(
                f"{ind.definition.name} – {_status_text(ind.state.status)}",
                style="List Bullet",
            )

    _appendix(doc, d)

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# Bumped when the DOCX's layout changes on purpose, so that kept files are
# made again.
DOCX_LAYOUT = 1


def stored_name(report: MidtermReport) -> str:
    """Where the DOCX of a published report is kept, per language."""
    language = (get_language() or "fi").split("-")[0]
    published = report.published_at.strftime("%Y%m%d%H%M%S%f")
    return (
        f"reports/docx/{report.pk}-v{report.edition}-{published}-{language}"
        f"-l{DOCX_LAYOUT}.docx"
    )


def is_kept(report: MidtermReport) -> bool:
    return report.is_published and default_storage.exists(stored_name(report))


def report_docx(report: MidtermReport) -> bytes:
    """A draft's DOCX made anew; a published report's made once and kept."""
    if not report.is_published:
        return render_docx(report)
    name = stored_name(report)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    content = render_docx(report)
    default_storage.save(name, ContentFile(content))
    return content
