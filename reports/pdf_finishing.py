"""What Chromium does not write into the report's PDF, added with pikepdf.

- the document information from the HTML's head: its <title>, authors,
  description, keywords and the council's references (``<meta>``; a
  ``council-decision`` meta becomes the key ``/councildecision``), the
  creation date of a published report, and the same as XMP metadata;
- a bookmark for each chapter of the table of contents, pointing at its
  heading (Chromium's named destination);
- the report's readings as an attached file;
- object streams, which make a long report's file about a third the size.
"""

import datetime
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pikepdf
from pikepdf import AttachedFileSpec, Name, OutlineItem


@dataclass
class Attachment:
    name: str
    data: bytes
    description: str
    mime_type: str


@dataclass
class Head:
    """What the PDF's metadata is made of, read from the HTML's head."""

    title: str = ""
    meta: dict[str, list[str]] = field(default_factory=dict)


class _HeadReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.head = Head()
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and attrs.get("name") and attrs.get("content") is not None:
            self.head.meta.setdefault(attrs["name"], []).append(attrs["content"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.head.title += data


def read_head(html: str) -> Head:
    """The <title> and <meta> elements of ``html``'s head."""
    end = html.find("</head>")
    reader = _HeadReader()
    reader.feed(html if end < 0 else html[:end])
    reader.close()
    return reader.head


# The document information's own keys and the <meta> each is read from;
# another <meta> gets a key of its own (info_key).
META_INFO = {
    "author": Name.Author,
    "description": Name.Subject,
    "keywords": Name.Keywords,
    "generator": Name.Creator,
}
CREATED = "dcterms.created"
STANDARD_INFO = {Name.Title, Name.CreationDate, *META_INFO.values()}


def info_key(meta_name: str) -> Name:
    """A custom <meta> name as a document information key: its letters and
    digits, lower-cased (the keys the report's earlier PDFs had)."""
    return Name("/" + re.sub(r"[^0-9a-z]", "", meta_name.lower()))


def pdf_date(iso: str) -> str:
    moment = datetime.datetime.fromisoformat(iso)
    offset = moment.strftime("%z") or "+0000"
    return f"D:{moment:%Y%m%d%H%M%S}{offset[:3]}'{offset[3:]}'"


def document_info(head: Head) -> dict[Name, str]:
    one = {name: ", ".join(values) for name, values in head.meta.items()}
    info = {Name.Title: " ".join(head.title.split())}
    for meta_name, value in one.items():
        if meta_name == CREATED:
            info[Name.CreationDate] = pdf_date(value)
        elif meta_name in META_INFO:
            info[META_INFO[meta_name]] = value
        else:
            info[info_key(meta_name)] = value
    return info


def finish(
    pdf: bytes, *, head: Head, bookmarks: list[tuple[str, str]], attachment: Attachment
) -> bytes:
    """The PDF with its information, its bookmarks (each an id of a named
    destination and its title) and the attachment."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        info = document_info(head)
        for key in STANDARD_INFO & info.keys():
            document.docinfo[key] = info.pop(key)
        with document.open_metadata(set_pikepdf_as_editor=False) as xmp:
            xmp.load_from_docinfo(document.docinfo)
        for key, value in info.items():  # no XMP equivalent
            document.docinfo[key] = value
        dests = document.Root.get("/Dests", {})
        with document.open_outline() as outline:
            outline.root.clear()
            for anchor, title in bookmarks:
                if title and f"/{anchor}" in dests:
                    outline.root.append(OutlineItem(title, Name(f"/{anchor}")))
        document.Root.PageMode = Name.UseOutlines
        document.attachments[attachment.name] = AttachedFileSpec(
            document,
            attachment.data,
            description=attachment.description,
            filename=attachment.name,
            mime_type=attachment.mime_type,
            relationship=Name.Data,
        )
        out = io.BytesIO()
        document.save(
            out,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            compress_streams=True,
            deterministic_id=True,
        )
        return out.getvalue()
