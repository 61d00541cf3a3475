"""The Word brochure: an outline written with python-docx. Imported by :class:`exporters.docx.DocxExporter`.

The outline (:func:`ncmw_course.outline.brochure_outline`) decides what the brochure says and in
which order; this module decides only how it looks in Word: the styles, the facts table, the
links, the footer and the document properties. Each section and subsection is a Word bookmark
named by its id, so that its order and ids can be read back from the file.
"""

from __future__ import annotations

import functools
import io
import zipfile
from typing import TYPE_CHECKING

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as WordParagraph

from exporters._docx_style import HOUSE, load_template
from exporters._ooxml import (
    add_bookmark,
    add_field,
    add_hyperlink,
    add_text,
    drop_template_leftovers,
    set_app_properties,
    set_bullet,
    set_default_language,
    set_style_id,
)
from exporters._reproducible import document_datetime, repack_zip
from ncmw_course.outline import BulletList, Facts, Paragraph

if TYPE_CHECKING:
    from collections.abc import Iterable

    from docx.document import Document
    from docx.opc.packuri import PackURI
    from docx.oxml.document import CT_Body
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import _Cell, _Row

    from exporters._docx_style import BrochureTemplate
    from ncmw_course.outline import Block, Fact, Inline, Outline, Section

__all__ = ["fit_keywords", "fit_property", "render_docx", "stored_package"]


def render_docx(outline: Outline, template: BrochureTemplate | None = None) -> bytes:
    """The brochure of `outline` as the bytes of a .docx file, in a copy of `template` (else the house style)."""
    document = _Brochure(outline, template or load_template(None)).build()
    return repack_zip(
        stored_package(document), document_datetime(outline.meta.updated), first=["[Content_Types].xml"]
    )


def stored_package(document: Document) -> bytes:
    """The document's package as an uncompressed zip, for :func:`repack_zip` to compress once.

    Why: ``Document.save`` deflates every part, which :func:`repack_zip` would inflate and deflate
    again. This writes the same entries, in the same order, without compressing them.
    """
    package = document.part.package
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        writer = _ZipWriter(archive)
        # PackageWriter.write would open its own deflating zip; these are the steps it takes
        PackageWriter._write_content_types_stream(writer, package.parts)  # type: ignore[no-untyped-call]
        PackageWriter._write_pkg_rels(writer, package.rels)  # type: ignore[no-untyped-call]
        PackageWriter._write_parts(writer, package.parts)  # type: ignore[arg-type]
    return buffer.getvalue()


class _ZipWriter:
    """The one method of python-docx's physical package writer that :class:`PackageWriter` calls."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive

    def write(self, uri: PackURI, blob: bytes) -> None:
        self.archive.writestr(uri.membername, blob)


class _Brochure:
    """Writes an outline into a fresh copy of the template, block by block, in the outline's order."""

    def __init__(self, outline: Outline, template: BrochureTemplate) -> None:
        self.outline = outline
        self.document = template.fresh()
        self.house = template.house
        self.style_ids = template.style_ids
        self.bullets = template.bullets
        self.bookmarks = 0
        """Bookmarks added so far: the next one's id, so that the same outline gets the same ids."""
        self.after_table = False
        """Whether the last block written was a table: the next paragraph keeps some space from it."""

    def build(self) -> Document:
        self.title_block()
        for section in self.outline.sections:
            if section.lead:
                self.lead(section)
            else:
                self.heading(section.title, 1, section.id)
                self.blocks(section.blocks)
        self.footer()
        self.properties()
        return self.document

    # blocks

    def paragraph(self, text: str = "", *, style: str = "Normal") -> WordParagraph:
        """A new paragraph holding `text`: what ``add_paragraph(text, style=style)`` does, with a cached id."""
        paragraph = self.document.add_paragraph()
        if text:
            add_text(paragraph, text)
        set_style_id(paragraph, self.style_ids[style])
        if self.after_table and style == "Normal":  # a table has no space after it of its own
            paragraph.paragraph_format.space_before = Pt(6)
        self.after_table = False
        return paragraph

    def heading(self, text: str, level: int, bookmark: str) -> None:
        """A heading that stays on the page of what follows it, with its bookmark."""
        heading = self.paragraph(text, style=f"Heading {level}")
        heading.paragraph_format.keep_with_next = True
        self.bookmark(heading, bookmark)

    def bookmark(self, paragraph: WordParagraph, name: str) -> None:
        add_bookmark(paragraph, name, self.bookmarks)
        self.bookmarks += 1

    def title_block(self) -> None:
        outline = self.outline
        self.paragraph(outline.title, style="Title")
        if outline.subtitle:
            self.paragraph(outline.subtitle, style="Subtitle")
        rule = self.paragraph(outline.provider, style="Subtitle")
        if self.house:
            _bottom_border(rule, HOUSE.accent_colour)
        if outline.summary:
            self.paragraph(outline.summary, style="Subtitle")

    def lead(self, section: Section) -> None:
        """The section that opens the brochure: no heading, its bookmark on its first paragraph."""
        body = self.document.element.body
        before = len(_content(body))
        self.blocks(section.blocks)
        added = _content(body)[before:]
        first = next((p for element in added for p in element.iter(qn("w:p"))), None)
        if first is not None:
            self.bookmark(WordParagraph(first, self.document), section.id)

    def blocks(self, blocks: Iterable[Block]) -> None:
        """Each block as its kind looks: paragraphs, bullet lists, facts, subsections under Heading 2."""
        for block in blocks:
            if isinstance(block, Paragraph):
                paragraph = self.paragraph(block.text)
                # a day's date and place stays with its topics, the contact person with the ways to reach them
                paragraph.paragraph_format.keep_with_next = block.role in ("when", "name") or None
                for run in paragraph.runs if block.role == "when" else ():
                    run.italic = True
            elif isinstance(block, BulletList):
                for item in block.items:
                    set_bullet(self.paragraph(item, style="List Bullet"), self.bullets)
            elif isinstance(block, Facts) and block.kind == "details":
                self.facts_table(block.rows)
            elif isinstance(block, Facts):
                self.contact(block.rows)
            else:
                self.heading(block.title, 2, block.id)
                self.blocks(block.blocks)

    def inline(self, paragraph: WordParagraph, value: Inline) -> None:
        """Append text, or a hyperlink to the link's URI as the outline wrote it."""
        if isinstance(value, str):
            add_text(paragraph, value)
        else:
            add_hyperlink(paragraph, value.uri, value.text)

    def facts_table(self, rows: Iterable[Fact]) -> None:
        """The practical facts: a two-column table, the labels in bold, each value on a line of its own."""
        table = self.document.add_table(rows=0, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        widths = (Cm(4.6), Cm(12.4))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        rows = tuple(rows)
        for number, row in enumerate(rows, start=1):
            added = table.add_row()
            _cannot_split(added)  # a label never on one page and its lines on the next
            cells = added.cells
            for cell, width in zip(cells, widths, strict=True):
                cell.width = width
                if self.house:
                    _shade(cell, HOUSE.shading_colour)
            label = cells[0].paragraphs[0]
            add_text(label, row.label).bold = True
            _tight(label)
            for index, value in enumerate(row.values):
                paragraph = cells[1].paragraphs[0] if index == 0 else cells[1].add_paragraph()
                self.inline(paragraph, value)
                _tight(paragraph)
            if number < len(rows):  # the table stays on one page where it fits: each row with the next
                for cell in cells:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True
        self.after_table = True

    def contact(self, rows: Iterable[Fact]) -> None:
        """The ways to get in touch: a paragraph each, "label value", every link a Word hyperlink; kept
        together on one page, so that no page holds only its last line."""
        paragraphs = []
        for row in rows:
            paragraph = self.paragraph(f"{row.label} ")
            for index, value in enumerate(row.values):
                if index:
                    add_text(paragraph, ", ")
                self.inline(paragraph, value)
            paragraphs.append(paragraph)
        for paragraph in paragraphs[:-1]:
            paragraph.paragraph_format.keep_with_next = True

    # around the text

    def footer(self) -> None:
        """The footer lines, then "pagina X van Y" at the right margin; a template's own footer stays."""
        before, _, after = self.outline.labels.page_of.partition("{page}")
        middle, _, end = after.partition("{pages}")
        for section in self.document.sections:
            footer = section.footer
            if not self.house and any(p.text.strip() for p in footer.paragraphs):
                continue
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            set_style_id(paragraph, self.style_ids["Footer"])
            for run in list(paragraph.runs):
                run._r.getparent().remove(run._r)
            usable = section.page_width - section.left_margin - section.right_margin  # type: ignore[operator]
            stops = paragraph.paragraph_format.tab_stops
            for inherited in paragraph.style.paragraph_format.tab_stops:  # type: ignore[union-attr]
                stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
            stops.add_tab_stop(usable, WD_TAB_ALIGNMENT.RIGHT)
            paragraph.add_run(" · ".join(self.outline.footer) + "\t")
            paragraph.add_run(before)
            add_field(paragraph, "PAGE", "1")
            paragraph.add_run(middle)
            add_field(paragraph, "NUMPAGES", "1")
            if end:
                paragraph.add_run(end)

    def properties(self) -> None:
        outline, meta = self.outline, self.outline.meta
        language = word_language(meta.language, outline.labels.locale)
        moment = document_datetime(meta.updated).replace(tzinfo=None)
        properties = self.document.core_properties
        properties.title = fit_property(outline.title)
        properties.subject = fit_property(meta.description)
        properties.author = properties.last_modified_by = fit_property(meta.author)
        properties.keywords = fit_keywords(meta.keywords)
        properties.language = language
        properties.comments = properties.category = properties.content_status = ""
        properties.identifier = meta.slug
        properties.revision = 1
        properties.created = properties.modified = properties.last_printed = moment
        set_default_language(self.document, language)
        drop_template_leftovers(self.document)
        set_app_properties(self.document, application=_application(), company=meta.author)


def _content(body: CT_Body) -> list[BaseOxmlElement]:
    """The body's blocks: its paragraphs and tables, without the section properties at its end."""
    return [child for child in body if child.tag != qn("w:sectPr")]


@functools.cache
def _application() -> str:
    from importlib.metadata import version

    return f"ncmw-course {version('ncmw-course')}"


PROPERTY_LIMIT = 255
"""Word keeps at most 255 characters in a document property (python-docx enforces it too)."""


def fit_property(text: str) -> str:
    """`text`, shortened at a word boundary with "…" when it is over Word's 255 characters.

    Only metadata is shortened: the body of the brochure always has the full text.
    """
    if len(text) <= PROPERTY_LIMIT:
        return text
    cut = text[: PROPERTY_LIMIT - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > PROPERTY_LIMIT // 2 else cut).rstrip() + "…"


def fit_keywords(keywords: tuple[str, ...]) -> str:
    """The keywords joined by commas, as many whole ones as fit in Word's 255 characters."""
    kept: list[str] = []
    for keyword in keywords:
        if len(", ".join([*kept, keyword])) > PROPERTY_LIMIT:
            break
        kept.append(keyword)
    return ", ".join(kept)


def word_language(language: str, locale: str) -> str:
    """The language tag Word wants: with a region (``nl-NL``), from the course's tag or the label table's locale."""
    if "-" in language:
        return language
    return locale.replace("_", "-") if locale.startswith(language) else language


def _cannot_split(row: _Row) -> None:
    """Keep a table row on one page (``w:cantSplit``): python-docx has no property for it."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


def _tight(paragraph: WordParagraph) -> None:
    paragraph.paragraph_format.space_after = Pt(1)
    paragraph.paragraph_format.space_before = Pt(1)


def _shade(cell: _Cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _bottom_border(paragraph: WordParagraph, colour: str) -> None:
    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "6"), ("w:color", colour)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    properties.append(borders)
