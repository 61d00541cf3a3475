"""Outputs read back for the completeness test: the text a reader sees, the links, the properties.

Each reader takes the bytes an exporter wrote and gives a :class:`Reading`. Documents give their
visible text (block by block, white space made single), their link targets and their properties
(metadata) as text; a feed gives its parsed JSON.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

__all__ = ["READERS", "Reading", "flat"]

BLOCKS = frozenset(
    {"p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "header", "footer"}
    | {"main", "nav", "td", "th", "tr", "table", "dt", "dd", "br", "title", "aside", "figcaption"}
)
"""Elements that end a line of text: their text never runs into the next one's."""


@dataclass
class Reading:
    """An output as the completeness test looks at it."""

    text: str = ""
    """The visible text, white space made single (see `flat`)."""
    links: list[str] = field(default_factory=list)
    """The targets of its links."""
    properties: dict[str, list[str]] = field(default_factory=dict)
    """Its properties (metadata) by name, each with its values as text."""
    data: Any = None
    """A feed's JSON."""


def flat(text: str) -> str:
    """`text` in NFKC with runs of white space as single spaces, as documents may break lines anywhere."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def read_feed(data: bytes) -> Reading:
    """A JSON feed: its parsed data."""
    return Reading(data=json.loads(data))


def read_docx(data: bytes) -> Reading:
    """A Word document: paragraphs of the body, its tables and footers; hyperlinks; core properties."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    lines = [
        "".join(node.text or "" for node in block.iter(qn("w:t")))
        for block in document.element.body.iter(qn("w:p"))
    ]
    lines += [paragraph.text for section in document.sections for paragraph in section.footer.paragraphs]
    links = [
        rel.target_ref for rel in document.part.rels.values() if rel.reltype == RELATIONSHIP_TYPE.HYPERLINK
    ]
    core = document.core_properties
    names = ("title", "subject", "author", "keywords", "identifier", "language", "created", "modified")
    return Reading(flat("\n".join(lines)), links, {name: [str(getattr(core, name))] for name in names})


def _xml_text(element: ET.Element) -> Iterator[str]:
    """The text of `element`, with a line break after each block element."""
    yield element.text or ""
    for child in element:
        yield from _xml_text(child)
        if child.tag.rpartition("}")[2] in BLOCKS:
            yield "\n"
        yield child.tail or ""


def read_epub(data: bytes) -> Reading:
    """An EPUB: the text of its XHTML documents, their links, and the package's metadata."""
    texts: list[str] = []
    links: list[str] = []
    properties: dict[str, list[str]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith(".xhtml"):
                root = ET.fromstring(archive.read(name))
                body = root.find("{http://www.w3.org/1999/xhtml}body")
                texts.append("".join(_xml_text(body if body is not None else root)))
                links += [href for element in root.iter() if (href := element.get("href"))]
            elif name.endswith(".opf"):
                metadata = ET.fromstring(archive.read(name)).find("{http://www.idpf.org/2007/opf}metadata")
                for element in metadata if metadata is not None else []:
                    name = (
                        "dc:" + element.tag.rpartition("}")[2]
                        if "/dc/" in element.tag
                        else element.get("property", "")
                    )
                    properties.setdefault(name, []).append(element.text or "")
    return Reading(flat("\n".join(texts)), links, properties)


class _Page(HTMLParser):
    """A web page: its body's text (no scripts, no styles), its links, and its head as properties."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[str] = []
        self.properties: dict[str, list[str]] = {}
        self.scripts: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "html":
            self.properties["lang"] = [values.get("lang") or ""]
        elif tag == "meta" and values.get("name"):
            self.properties.setdefault(f"meta {values['name']}", []).append(values.get("content") or "")
        elif tag == "link" and values.get("rel"):
            self.properties.setdefault(f"link {values['rel']}", []).append(values.get("href") or "")
        elif tag == "script":
            self.scripts.append("")
        if tag in BLOCKS:
            self.text.append("\n")
        if tag not in ("meta", "link", "br", "img", "input", "hr"):
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]
        if tag in BLOCKS:
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        if "script" in self._open:
            self.scripts[-1] += data
        elif "head" not in self._open and "style" not in self._open:
            self.text.append(data)


def read_html(data: bytes) -> Reading:
    """A web page: the text a reader sees, its links, and its head (with the embedded JSON-LD)."""
    page = _Page()
    page.feed(data.decode("utf-8"))
    page.close()
    for script in page.scripts:  # the embedded JSON-LD: its Course's properties
        for key, value in json.loads(script).items():
            page.properties.setdefault(f"JSON-LD {key}", []).append(str(value))
    return Reading(flat("".join(page.text)), page.links, page.properties)


def read_pdf(data: bytes) -> Reading:
    """A PDF: its text as pdftotext reads it, its link annotations, its document information.

    The text is read in content order (``-raw``), which keeps a hyphen at a line's end, and given
    twice: lines joined by a space, and lines joined as they are, for a long address that wraps.
    """
    import pikepdf

    from tests.system import require

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "brochure.pdf"
        path.write_bytes(data)
        command = [require("pdftotext"), "-raw", str(path), "-"]
        raw = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    with pikepdf.open(io.BytesIO(data)) as pdf:
        properties = {str(key).lstrip("/"): [str(value)] for key, value in pdf.docinfo.items()}
        properties["Lang"] = [str(pdf.Root.get("/Lang", ""))]
        links = [
            str(annotation.A.URI)
            for page in pdf.pages
            for annotation in page.get("/Annots", [])
            if "/A" in annotation and "/URI" in annotation.A
        ]
    text = f"{flat(raw.replace('-' + chr(10), '-'))}\n{flat(raw.replace(chr(10), ''))}"
    return Reading(text, links, properties)


READERS: dict[str, Callable[[bytes], Reading]] = {
    "docx": read_docx,
    "epub": read_epub,
    "html": read_html,
    "pdf": read_pdf,
    "jsonld": read_feed,
    "edudex": read_feed,
    "json": read_feed,
}
"""The reader of each output."""
