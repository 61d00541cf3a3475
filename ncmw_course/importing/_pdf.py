"""A PDF read with pdfminer.six (MIT): its text with the font size and weight of every character.

- A **tagged** PDF (one with a structure tree, as LibreOffice writes for ``ncmw-course export pdf``)
  is read by its tags: Title, Subtitle, H1, H2, P, list items and table cells, each with its exact
  text (the characters of its marked content, in order; a line that breaks at a space keeps that
  space). A brochure made by ncmw-course is recognised by its Title and the label table's headings.
- Any other PDF is read by its look, line by line: a line in a larger font than the running text, or
  in bold and short, is a heading; the lines then go through the plain-text reader.

A PDF without text (a scan) and a password-protected one are refused with a message that says what
to do instead.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ncmw_course.importing._structure import Block, Brochure, Role, SourceDocument

if TYPE_CHECKING:
    from pdfminer.pdfdocument import PDFDocument

__all__ = ["read_pdf"]

_ROLES: dict[str, Role] = {
    "Title": "title",
    "Subtitle": "subtitle",
    "H1": "h1",
    "H2": "h2",
    "P": "p",
    "Standard": "p",
    "Text_20_body": "p",
    "LBody": "li",
}


@dataclass(frozen=True)
class Glyph:
    """A character drawn on a page, with its look and its marked-content ID (tagged PDFs)."""

    text: str
    font: str
    size: float
    x: float
    end: float
    top: float
    mcid: int | None


def read_pdf(data: bytes, source: str) -> SourceDocument:
    """The paragraphs of a PDF, and its brochure when ncmw-course made it."""
    document = _open(data, source)
    pages = _glyphs(document, source)
    if not any(glyph.text.strip() for page in pages.values() for glyph in page):
        from ncmw_course.importing import ImportSourceError

        msg = (
            f"{source}: has no text, only images (a scanned PDF?); run text recognition (OCR) on it "
            "first, or import the Word file or text it was made from"
        )
        raise ImportSourceError(msg)
    root = _resolve(document.catalog.get("StructTreeRoot"))
    if isinstance(root, dict):
        blocks = _tagged_blocks(root, pages)
        if _made_here(blocks):
            return SourceDocument([], Brochure(blocks, _properties(document), kind="PDF"))
    from ncmw_course.importing._pdf_look import paras_by_look

    return SourceDocument(paras_by_look(pages))


def _open(data: bytes, source: str) -> PDFDocument:
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser, PDFSyntaxError

    from ncmw_course.importing import ImportSourceError

    try:
        return PDFDocument(PDFParser(io.BytesIO(data)))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        msg = f"{source}: is password-protected; save a copy without a password and import that"
    except (PDFSyntaxError, ValueError, TypeError, KeyError, AttributeError):
        msg = f"{source}: is not a readable PDF; give a .pdf, a .docx or plain text"
    raise ImportSourceError(msg)


def _resolve(value: Any) -> Any:
    from pdfminer.pdftypes import resolve1

    return resolve1(value)


def _glyphs(document: PDFDocument, source: str) -> dict[int, list[Glyph]]:
    """Every page's characters in the order they are drawn, by the page's object number."""
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import PDFException
    from pdfminer.psparser import PSException

    from ncmw_course.importing import ImportSourceError

    manager = PDFResourceManager()
    device = _MarkedDevice(manager)
    interpreter = PDFPageInterpreter(manager, device)
    pages: dict[int, list[Glyph]] = {}
    try:
        for page in PDFPage.create_pages(document):
            device.glyphs = []
            device.height = float(page.mediabox[3])
            interpreter.process_page(page)
            pages[int(page.pageid)] = device.glyphs  # type: ignore[call-overload]  # an object number
    except (PDFException, PSException, ValueError, KeyError, TypeError) as error:
        msg = f"{source}: its pages cannot be read ({error}); save it again as PDF, or import the Word file"
        raise ImportSourceError(msg) from None
    return pages


def _device_class() -> type:
    from pdfminer.converter import PDFPageAggregator

    class MarkedDevice(PDFPageAggregator):
        """Records each character with the marked-content ID it is drawn in."""

        def __init__(self, manager: Any) -> None:
            super().__init__(manager, laparams=None)
            self.stack: list[int | None] = []
            self.glyphs: list[Glyph] = []
            self.height = 0.0

        def begin_tag(self, tag: Any, props: Any = None) -> None:
            self.stack.append(props.get("MCID") if isinstance(props, dict) else None)

        def end_tag(self) -> None:
            if self.stack:
                self.stack.pop()

        def render_char(self, matrix: Any, font: Any, fontsize: float, *args: Any, **kwargs: Any) -> float:
            width: float = super().render_char(matrix, font, fontsize, *args, **kwargs)
            item: Any = self.cur_item._objs[-1]  # the LTChar just made
            mcid = next((mark for mark in reversed(self.stack) if mark is not None), None)
            self.glyphs.append(
                Glyph(
                    item.get_text(), item.fontname, item.size, item.x0, item.x1, self.height - item.y1, mcid
                )
            )
            return width

    return MarkedDevice


def _MarkedDevice(manager: Any) -> Any:
    return _device_class()(manager)


def _made_here(blocks: list[Block]) -> bool:
    """Whether the tagged blocks are a brochure of ncmw-course: a Title and Subtitle (the provider),
    the label table's headings, and a contact block that names the provider ("Aanbieder …")."""
    from ncmw_course.importing._brochure import brochure_labels, sections

    labels = brochure_labels(blocks)
    headings = {block.text for block in blocks if block.role == "h1"}
    needed = {labels.audience, labels.programme, labels.method, labels.contact}
    roles = {block.role for block in blocks}
    contact = sections(blocks, labels).get("contact", [])
    provider = any(block.text.startswith(f"{labels.provider} ") for block in contact)
    return {"title", "subtitle"} <= roles and needed <= headings and provider


def _tagged_blocks(root: dict[str, Any], pages: dict[int, list[Glyph]]) -> list[Block]:
    """The blocks of the structure tree, in its order, with the text of their marked content."""
    texts: dict[tuple[int, int], list[Glyph]] = {}
    for page, glyphs in pages.items():
        for glyph in glyphs:
            if glyph.mcid is not None:
                texts.setdefault((page, glyph.mcid), []).append(glyph)
    blocks: list[Block] = []
    _walk(_resolve(root.get("K")), None, texts, blocks, 0)
    return blocks


def _walk(
    node: Any, page: int | None, texts: dict[tuple[int, int], list[Glyph]], blocks: list[Block], depth: int
) -> None:
    if depth > 100:
        return
    node = _resolve(node)
    if isinstance(node, list):
        for child in node:
            _walk(child, page, texts, blocks, depth + 1)
        return
    if not isinstance(node, dict):
        return
    page = _page_of(node, page)
    kind = _name(node.get("S"))
    if kind in _ROLES:
        glyphs = _content(node.get("K"), page, texts, 0)
        if _ROLES[kind] == "li" and len(glyphs) > 1 and glyphs[0].mcid != glyphs[1].mcid:
            glyphs = glyphs[1:]  # the bullet, marked apart from the item's text
        text = "".join(glyph.text for glyph in glyphs)
        italic = bool(glyphs) and all(_italic(glyph.font) for glyph in glyphs if glyph.text.strip())
        blocks.append(Block(_ROLES[kind], text, italic=italic))
    elif kind == "TR":
        cells = tuple(_cell(cell, _page_of(cell, page), texts) for cell in _kids(node))
        blocks.append(Block("row", "", cells=cells))
    else:
        _walk(node.get("K"), page, texts, blocks, depth + 1)


def _kids(node: dict[str, Any]) -> list[Any]:
    kids = _resolve(node.get("K"))
    return [_resolve(kid) for kid in (kids if isinstance(kids, list) else [kids])]


def _page_of(node: Any, page: int | None) -> int | None:
    reference = node.get("Pg") if isinstance(node, dict) else None
    return int(reference.objid) if reference is not None and hasattr(reference, "objid") else page


def _name(value: Any) -> str:
    name = getattr(_resolve(value), "name", value)
    return name.decode() if isinstance(name, bytes) else str(name)


def _content(
    node: Any, page: int | None, texts: dict[tuple[int, int], list[Glyph]], depth: int
) -> list[Glyph]:
    """The glyphs of an element's marked content, its children's included, in order."""
    node = _resolve(node)
    if depth > 100 or node is None:
        return []
    if isinstance(node, int):
        return texts.get((page, node), []) if page is not None else []
    if isinstance(node, list):
        return [glyph for child in node for glyph in _content(child, page, texts, depth + 1)]
    if not isinstance(node, dict):
        return []
    page = _page_of(node, page)
    if "MCID" in node:
        return texts.get((page, int(node["MCID"])), []) if page is not None else []
    if _name(node.get("S")) == "Lbl":  # a list item's bullet
        return []
    return _content(node.get("K"), page, texts, depth + 1)


def _cell(node: Any, page: int | None, texts: dict[tuple[int, int], list[Glyph]]) -> tuple[str, ...]:
    """A table cell's paragraphs: its P elements', or its lines."""
    kids = _kids(node) if isinstance(node, dict) else []
    if kids and all(isinstance(kid, dict) and _name(kid.get("S")) in _ROLES for kid in kids):
        return tuple(
            "".join(glyph.text for glyph in _content(kid.get("K"), _page_of(kid, page), texts, 0))
            for kid in kids
        )
    return _cell_lines(_content(node, page, texts, 0))


def _cell_lines(glyphs: list[Glyph]) -> tuple[str, ...]:
    """A table cell's paragraphs: its text split where a new line starts left of the one before."""
    lines: list[str] = []
    left = None
    for glyph in glyphs:
        if left is not None and glyph.x < left - 1 and lines and not lines[-1].endswith(" "):
            lines.append("")
        if not lines:
            lines.append("")
        lines[-1] += glyph.text
        left = glyph.x
    return tuple(lines)


def _italic(font: str) -> bool:
    return "italic" in font.lower() or "oblique" in font.lower()


def _properties(document: PDFDocument) -> dict[str, str]:
    info = document.info[0] if document.info else {}
    found: dict[str, str] = {}
    keywords = _text(info.get("Keywords"))
    if keywords:
        found["keywords"] = keywords
    created = _text(info.get("CreationDate"))
    if created.startswith("D:") and len(created) >= 10 and created[2:10].isdigit():
        found["created"] = f"{created[2:6]}-{created[6:8]}-{created[8:10]}"
    language = _text(document.catalog.get("Lang"))
    if language:
        found["language"] = language
    return found


def _text(value: Any) -> str:
    from pdfminer.utils import decode_text

    value = _resolve(value)
    if isinstance(value, bytes):
        return decode_text(value)
    return value if isinstance(value, str) else ""
