"""A Word document (.docx) read with python-docx: its paragraphs by style and look, and, when this
project made it, the brochure's blocks.

- Headings come from the styles (Title, Subtitle, Heading 1, Heading 2 …) or from the look of a
  paragraph: bold, or a larger font than the running text, and short.
- List items come from Word numbering (a list style, or numbering on the paragraph) or from a
  bullet character typed at the start (• - – * …).
- Tables: a row of two cells is a fact, "label: value"; other cells are read as paragraphs.
- Text is read wherever Word keeps it: in links, fields and content controls, tracked insertions
  (tracked deletions are left out) and text boxes (after the paragraph they are anchored to).
- Links are kept with their addresses (a "mailto:" link is an e-mail address, whatever its text).
- A brochure made by ncmw-course is recognised by its bookmarks (``introduction``, ``programme``,
  ``contact`` …, one per section, as the exporter writes them) and a Title paragraph.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any

from ncmw_course.importing._paras import BULLET, Kind, Para, clean, is_capitals
from ncmw_course.importing._structure import Block, Brochure, SourceDocument
from ncmw_course.importing._vocab import DAY_LINE, section_of

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

__all__ = ["read_docx"]

MAX_UNPACKED = 200 * 1024 * 1024
"""A .docx unpacks to at most 200 MB; more is a zip bomb, not a flyer."""
BROCHURE_BOOKMARKS = frozenset({"introduction", "audience", "programme", "method", "trainers", "contact"})
_HEADING_WORDS = 12
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(data: bytes, source: str) -> SourceDocument:
    """The paragraphs of a Word document, and its brochure when ncmw-course made it."""
    document = _open(data, source)
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    items: list[Paragraph | Table] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            items.append(Paragraph(child, document))
        elif child.tag == qn("w:tbl"):
            items.append(Table(child, document))
    paragraphs = [item for item in items if isinstance(item, Paragraph)]
    marks = {name for paragraph in paragraphs for name in _bookmarks(paragraph)}
    titled = any(paragraph.style is not None and paragraph.style.name == "Title" for paragraph in paragraphs)
    if marks >= BROCHURE_BOOKMARKS and titled:
        return SourceDocument([], _brochure(items, document))
    return SourceDocument(_paras(items))


def _open(data: bytes, source: str) -> Document:
    from ncmw_course.importing import ImportSourceError

    if data.startswith(_OLE):
        locked = "EncryptedPackage".encode("utf-16-le") in data
        reason = (
            "is password-protected; save a copy without a password and import that"
            if locked
            else "is a Word 97–2003 document (.doc), not a .docx; save it in Word as .docx and import that"
        )
        msg = f"{source}: {reason}"
        raise ImportSourceError(msg)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                msg = f"{source}: unpacks to more than 200 MB; this is not a flyer or brochure"
                raise ImportSourceError(msg)
            if "word/document.xml" not in archive.namelist():
                raise zipfile.BadZipFile
        import docx

        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        if isinstance(error, ImportSourceError):
            raise
        msg = f"{source}: is not a Word document (.docx); give a .docx, a .pdf or plain text"
        raise ImportSourceError(msg) from None


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def text_of(element: Any) -> str:
    """A paragraph's text as Word shows it: its runs wherever they are (links, fields, content
    controls, tracked insertions), without tracked deletions and without its text boxes' text."""
    from docx.oxml.ns import qn

    skip = {qn("w:txbxContent"), qn("w:del"), qn("w:delText"), qn("w:instrText"), _MC_FALLBACK}
    signs = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
    parts: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            if child.tag in skip:
                continue
            if child.tag == qn("w:t"):
                parts.append(child.text or "")
            elif child.tag in signs:
                parts.append(signs[child.tag])
            else:
                walk(child)

    walk(element)
    return "".join(parts)


def _boxed(element: Any) -> list[Any]:
    """The paragraphs of the text boxes anchored in a paragraph (once: not Word's fallback copy)."""
    from docx.oxml.ns import qn

    boxes = [
        box
        for box in element.iter(qn("w:txbxContent"))
        if not any(a.tag == _MC_FALLBACK for a in box.iterancestors())
    ]
    return [p for box in boxes for p in box.iterchildren(qn("w:p"))]


def _bookmarks(paragraph: Paragraph) -> list[str]:
    from docx.oxml.ns import qn

    return [str(mark.get(qn("w:name"))) for mark in paragraph._p.iter(qn("w:bookmarkStart"))]


def _style(paragraph: Paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None and paragraph.style.name else "Normal"


# ------------------------------------------------------------ a brochure made by ncmw-course

_ROLES = {"Title": "title", "Subtitle": "subtitle", "Heading 1": "h1", "Heading 2": "h2", "List Bullet": "li"}


def _brochure(items: list[Paragraph | Table], document: Document) -> Brochure:
    from docx.text.paragraph import Paragraph

    blocks: list[Block] = []
    for item in items:
        if isinstance(item, Paragraph):
            if text_of(item._p) or _bookmarks(item):
                blocks.append(_block(item))
            continue
        for row in item.rows:
            cells = tuple(tuple(text_of(p._p) for p in cell.paragraphs) for cell in row.cells)
            blocks.append(Block("row", "", cells=cells))
    properties = document.core_properties
    return Brochure(
        blocks,
        {
            "identifier": properties.identifier or "",
            "created": properties.created.date().isoformat() if properties.created else "",
            "keywords": properties.keywords or "",
            "language": properties.language or "",
        },
        kind="Word",
    )


def _block(paragraph: Paragraph) -> Block:
    role = _ROLES.get(_style(paragraph), "p")
    if role == "p" and (_numbered(paragraph) or _style(paragraph).startswith("List")):
        role = "li"  # an item Word made when a topic was added
    runs = [run for run in paragraph.runs if run.text]
    marks = _bookmarks(paragraph)
    return Block(
        role,  # type: ignore[arg-type]  # the values of _ROLES are roles
        text_of(paragraph._p),
        italic=bool(runs) and all(run.italic for run in runs),
        links=tuple((link.text, link.url) for link in paragraph.hyperlinks),
        bookmark=marks[0] if marks else None,
        rule=_ruled(paragraph),
    )


def _ruled(paragraph: Paragraph) -> bool:
    from docx.oxml.ns import qn

    properties = paragraph._p.pPr
    borders = properties.find(qn("w:pBdr")) if properties is not None else None
    return borders is not None and borders.find(qn("w:bottom")) is not None


# ------------------------------------------------------------ any other Word document


def _paras(items: list[Paragraph | Table]) -> list[Para]:
    from docx.text.paragraph import Paragraph

    body = _body_size([item for item in items if isinstance(item, Paragraph)])
    paras: list[Para] = []
    number = 0
    for item in items:
        boxed = [Paragraph(p, item._parent) for p in _boxed(item._p)] if isinstance(item, Paragraph) else []
        for paragraph in [item, *boxed] if isinstance(item, Paragraph) else _table_paragraphs(item):
            number += 1
            if isinstance(paragraph, str):
                paras.append(Para("text", paragraph, "paragraph", number, number))
                continue
            text = clean(text_of(paragraph._p).replace("\n", " "))
            if text:
                kind, text = _kind(paragraph, text, body, first=not paras)
                links = tuple(link.url for link in paragraph.hyperlinks if link.url)
                paras.append(Para(kind, text, "paragraph", number, number, links))
    return paras


def _table_paragraphs(table: Table) -> list[Paragraph | str]:
    """A row of two cells as one "label: value" line; the paragraphs of other cells as they are."""
    found: list[Paragraph | str] = []
    for row in table.rows:
        cells = row.cells
        texts = [clean(" ".join(text_of(p._p) for p in cell.paragraphs)) for cell in cells]
        if len(cells) == 2 and all(texts):
            found.append(f"{texts[0].rstrip(':')}: {texts[1]}")
        else:
            found += [paragraph for cell in cells for paragraph in cell.paragraphs]
    return found


def _kind(paragraph: Paragraph, text: str, body: float, *, first: bool) -> tuple[Kind, str]:
    """What a paragraph is by its style, else by its look; the text without a typed bullet."""
    style = _style(paragraph)
    if style == "Title" or style == "Subtitle":
        return ("title" if style == "Title" else "subtitle"), text
    if style.startswith("Heading"):
        return ("heading" if style in ("Heading 1", "Heading") else "subheading"), text
    if _numbered(paragraph) or style.startswith("List"):
        return "item", text
    if BULLET.match(text) and BULLET.sub("", text, count=1):
        return "item", BULLET.sub("", text, count=1)
    size = _size(paragraph)
    short = len(text.split()) <= _HEADING_WORDS and not text.endswith((".", ","))
    if first and section_of(text) is None and (size > body or _bold(paragraph)):
        return "title", text
    if short and (_bold(paragraph) or size > body * 1.15):
        if DAY_LINE.match(text):
            return "subheading", text
        known = section_of(text) is not None or is_capitals(text) or size > body * 1.15
        return ("heading" if known else "subheading"), text
    return "text", text


def _numbered(paragraph: Paragraph) -> bool:
    properties = paragraph._p.pPr
    return properties is not None and properties.numPr is not None


def _bold(paragraph: Paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs)


def _size(paragraph: Paragraph) -> float:
    """The largest font size of the paragraph's text, in points (from its runs, else its styles)."""
    sizes = [float(run.font.size.pt) for run in paragraph.runs if run.text.strip() and run.font.size]
    if sizes:
        return max(sizes)
    style = paragraph.style
    while style is not None:
        if style.font.size:
            return float(style.font.size.pt)
        style = style.base_style
    return 11.0  # Word's default


def _body_size(paragraphs: list[Paragraph]) -> float:
    """The font size of most of the text: what counts as running text."""
    weights: dict[float, int] = {}
    for paragraph in paragraphs:
        weights[_size(paragraph)] = weights.get(_size(paragraph), 0) + len(text_of(paragraph._p))
    return max(weights, key=lambda size: weights[size]) if weights else 11.0
