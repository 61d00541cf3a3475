"""Building the Word brochure with python-docx. Imported by :class:`exporters.docx.DocxExporter`."""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Iterable
from typing import TYPE_CHECKING

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from exporters._docx_style import HOUSE, load_template
from exporters._facts import day_facts, practical_facts, trainer_details
from exporters._ooxml import (
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
from ncmw_course.labels import Labels, labels_for

if TYPE_CHECKING:
    from docx.document import Document
    from docx.opc.packuri import PackURI
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    from exporters._docx_style import BrochureTemplate
    from ncmw_course.model import Course, Trainer

__all__ = ["render_docx"]


def render_docx(course: Course, template: BrochureTemplate | None = None) -> bytes:
    """The brochure of `course` as the bytes of a .docx file, in a copy of `template` (else the house style)."""
    template = template or load_template(None)
    document = template.fresh()
    _Brochure(document, course, template).build()
    return repack_zip(
        _stored_package(document), document_datetime(course.updated), first=["[Content_Types].xml"]
    )


def _stored_package(document: Document) -> bytes:
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
    """Writes the course into a document, in the brochure's order."""

    def __init__(self, document: Document, course: Course, template: BrochureTemplate) -> None:
        self.document = document
        self.course = course
        self.labels: Labels = labels_for(course)
        self.styled = template.house
        self.bullets = template.bullets
        self.style_ids = template.style_ids

    def build(self) -> None:
        course, labels = self.course, self.labels
        self.title_block()
        if course.summary:
            self.paragraph(course.summary, style="Subtitle")
        self.paragraphs(course.description)
        facts = practical_facts(course, labels)
        if facts:
            self.heading(labels.practical)
            self.facts_table(facts)
        self.heading(labels.audience)
        self.paragraphs(course.audience)
        self.paragraphs_or_list(course.goals)
        self.heading(labels.programme)
        self.paragraphs(course.programme.introduction)
        for day in course.days:
            self.heading(labels.day_title(day.ordinal, day.theme), level=2)
            when = day_facts(day, labels)
            if when:
                self.paragraph(when, style=None).runs[0].italic = True
            self.bullet_list(day.topics)
        self.heading(labels.method)
        self.paragraphs(course.method)
        self.heading(labels.trainer if len(course.trainers) == 1 else labels.trainers)
        for trainer in course.trainers:
            biography = " ".join(trainer.biography)
            self.trainer(trainer, named=len(course.trainers) > 1 or trainer.name not in biography)
        self.heading(labels.contact)
        self.contact()
        self.footer()
        self.properties()

    # blocks

    def paragraph(self, text: str = "", *, style: str | None = "Normal") -> Paragraph:
        paragraph = self.document.add_paragraph()
        if text:
            add_text(paragraph, text)
        if style is not None:  # what `add_paragraph(text, style=style)` does, with a cached id
            set_style_id(paragraph, self.style_ids[style])
        return paragraph

    def paragraphs(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.paragraph(text)

    def paragraphs_or_list(self, texts: tuple[str, ...]) -> None:
        if len(texts) == 1:
            self.paragraphs(texts)
        else:
            self.bullet_list(texts)

    def bullet_list(self, items: Iterable[str]) -> None:
        for item in items:
            set_bullet(self.paragraph(item, style="List Bullet"), self.bullets)

    def heading(self, text: str, level: int = 1) -> None:
        self.paragraph(text, style=f"Heading {level}")

    def title_block(self) -> None:
        self.paragraph(self.course.title, style="Title")
        if self.course.subtitle:
            self.paragraph(self.course.subtitle, style="Subtitle")
        rule = self.paragraph(self.course.provider.name, style="Subtitle")
        if self.styled:
            _bottom_border(rule, HOUSE.accent_colour)

    def facts_table(self, facts: list[tuple[str, list[str]]]) -> None:
        table = self.document.add_table(rows=0, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        widths = (Cm(4.6), Cm(12.4))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for label, values in facts:
            cells = table.add_row().cells
            for cell, width in zip(cells, widths, strict=True):
                cell.width = width
                if self.styled:
                    _shade(cell, HOUSE.shading_colour)
            label_paragraph = cells[0].paragraphs[0]
            add_text(label_paragraph, label).bold = True
            _tight(label_paragraph)
            first = cells[1].paragraphs[0]
            for index, value in enumerate(values):
                paragraph = first if index == 0 else cells[1].add_paragraph()
                add_text(paragraph, value)
                _tight(paragraph)

    def trainer(self, trainer: Trainer, *, named: bool) -> None:
        if named:
            self.heading(trainer.name, level=2)
        self.paragraphs(trainer.biography)
        self.paragraphs(trainer_details(trainer, self.labels))

    def contact(self) -> None:
        contact, labels = self.course.contact, self.labels
        if contact.name:
            self.paragraph(contact.name)
        if contact.phone:
            paragraph = self.paragraph(f"{labels.phone} ")
            add_hyperlink(paragraph, contact.phone.tel_uri, contact.phone.display)
        if contact.email:
            paragraph = self.paragraph(f"{labels.email} ")
            add_hyperlink(paragraph, f"mailto:{contact.email}", str(contact.email))
        if contact.website:
            paragraph = self.paragraph(f"{labels.website} ")
            add_hyperlink(paragraph, contact.website.href, contact.website.text)
        # each address once, in the model's order: contact, provider, course page
        shown = {contact.website.href} if contact.website else set()
        provider = self.course.provider
        if provider.website and provider.website.href not in shown:
            shown.add(provider.website.href)
            paragraph = self.paragraph(f"{provider.name}: ")
            add_hyperlink(paragraph, provider.website.href, provider.website.text)
        if self.course.url and self.course.url.href not in shown:
            paragraph = self.paragraph(f"{labels.course_page} ")
            add_hyperlink(paragraph, self.course.url.href, self.course.url.text)

    def footer(self) -> None:
        contact, labels = self.course.contact, self.labels
        parts = [self.course.provider.name]
        if contact.phone:
            parts.append(f"{labels.phone} {contact.phone.display}")
        if contact.email:
            parts.append(str(contact.email))
        if contact.website:
            parts.append(contact.website.text)
        for section in self.document.sections:
            footer = section.footer
            if not self.styled and any(p.text.strip() for p in footer.paragraphs):
                continue  # the template's own footer stays
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
            paragraph.add_run(" · ".join(parts) + "\t")
            before, _, after = labels.page_of.partition("{page}")
            middle, _, end = after.partition("{pages}")
            paragraph.add_run(before)
            add_field(paragraph, "PAGE", "1")
            paragraph.add_run(middle)
            add_field(paragraph, "NUMPAGES", "1")
            if end:
                paragraph.add_run(end)

    def properties(self) -> None:
        course = self.course
        properties = self.document.core_properties
        moment = document_datetime(course.updated).replace(tzinfo=None)
        properties.title = fit_property(course.title)
        properties.subject = fit_property(course.listing_summary)
        properties.author = fit_property(course.provider.name)
        properties.last_modified_by = fit_property(course.provider.name)
        properties.keywords = fit_keywords(course.keywords)
        properties.language = _word_language(course, self.labels)
        properties.comments = ""
        properties.category = ""
        properties.content_status = ""
        properties.identifier = course.slug
        properties.revision = 1
        properties.created = moment
        properties.modified = moment
        properties.last_printed = moment
        set_default_language(self.document, _word_language(course, self.labels))
        drop_template_leftovers(self.document)
        set_app_properties(self.document, application=_application(), company=course.provider.name)


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


def _word_language(course: Course, labels: Labels) -> str:
    """The language tag Word wants: with a region (``nl-NL``), from the course or the label table."""
    if "-" in course.language:
        return course.language
    return labels.locale.replace("_", "-") if labels.locale.startswith(course.language) else course.language


def _tight(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.space_after = Pt(1)
    paragraph.paragraph_format.space_before = Pt(1)


def _shade(cell: _Cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _bottom_border(paragraph: Paragraph, colour: str) -> None:
    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "6"), ("w:color", colour)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    properties.append(borders)
