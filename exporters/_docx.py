"""Building the Word brochure with python-docx. Imported by :class:`exporters.docx.DocxExporter`."""

from __future__ import annotations

import copy
import functools
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from exporters._docx_style import HOUSE, REQUIRED_STYLES, apply_house_style, character_style
from exporters._facts import day_facts, practical_facts, trainer_details
from exporters._ooxml import (
    add_bullet_numbering,
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
from ncmw_course.errors import ExportError
from ncmw_course.labels import Labels, labels_for

if TYPE_CHECKING:
    from docx.document import Document
    from docx.opc.packuri import PackURI
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    from ncmw_course.model import Course, Trainer

__all__ = ["render_docx"]

MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
"""The largest template file accepted."""
MAX_TEMPLATE_UNPACKED = 100 * 1024 * 1024
"""The most a template may unpack to: more is a zip bomb, not a Word file."""
MAX_TEMPLATE_ENTRIES = 5_000
"""The most parts a template may have."""
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # password-protected .docx and old .doc files


def render_docx(course: Course, template: Path | None = None) -> bytes:
    """The brochure of `course` as the bytes of a .docx file."""
    if template is None:
        document, style_ids = _house_document()
    else:
        document, style_ids = _open_template(template), {}
    _Brochure(document, course, styled=template is None, style_ids=style_ids).build()
    return repack_zip(
        _stored_package(document), document_datetime(course.updated), first=["[Content_Types].xml"]
    )


def _house_document() -> tuple[Document, dict[str, str | None]]:
    """A fresh copy of python-docx's default template in the house style, and its style ids by name.

    Why: parsing the template and styling it took a quarter of a render; now it happens once per
    process, and each brochure gets a deep copy of the result.
    """
    document, style_ids = _pristine_house_document()
    return copy.deepcopy(document), dict(style_ids)


@functools.cache
def _pristine_house_document() -> tuple[Document, dict[str, str | None]]:
    document = docx.Document()
    apply_house_style(document)
    character_style(document, "Hyperlink")
    _drop_table_styles(document)
    style_ids = {
        name: document.part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[no-untyped-call]
        for name in REQUIRED_STYLES
    }
    return document, style_ids


def _drop_table_styles(document: Document) -> None:
    """Remove the template's 99 predefined table styles; the default table style stays.

    Why: they are 340 kB of the 350 kB styles part, which every brochure would copy, write and
    compress, and the brochure uses none of them. Word still offers its built-in table styles.
    """
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:default")) != "1":
            styles.remove(style)


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


def _open_template(path: Path) -> Document:
    """Open a user's Word file as the template: its styles, page setup, header and footer."""
    try:
        size = path.stat().st_size
    except OSError as error:
        msg = f"template {path}: cannot be read: {error.strerror or error}"
        raise ExportError(msg) from None
    if path.is_dir():
        msg = f"template {path}: is a folder; give a .docx file"
        raise ExportError(msg)
    if size > MAX_TEMPLATE_BYTES:
        msg = f"template {path}: is {size / 1024 / 1024:.1f} MB; a template is at most {MAX_TEMPLATE_BYTES // 1024 // 1024} MB"
        raise ExportError(msg)
    with path.open("rb") as handle:
        signature = handle.read(len(_OLE_SIGNATURE))
    if signature == _OLE_SIGNATURE:
        msg = f"template {path}: is password-protected or an old .doc file; save it in Word as a .docx without a password"
        raise ExportError(msg)
    if not zipfile.is_zipfile(path):
        msg = f"template {path}: is not a Word .docx file (not a zip archive); save it as .docx in Word"
        raise ExportError(msg)
    _check_unpacked_size(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        msg = f"template {path}: is not a valid Word .docx file ({error}); save it again as .docx in Word"
        raise ExportError(msg) from None
    defined = {style.name for style in document.styles}
    missing = [name for name in REQUIRED_STYLES if name not in defined]
    if missing:
        names = ", ".join(f"'{name}'" for name in missing)
        msg = f"template {path}: lacks the paragraph style{'s' if len(missing) > 1 else ''} {names}; add {'them' if len(missing) > 1 else 'it'} in Word"
        raise ExportError(msg)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _check_unpacked_size(path: Path) -> None:
    """Refuse a template that would unpack to far more than any Word file does (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        msg = f"template {path}: is a damaged zip archive ({error}); save it again as .docx in Word"
        raise ExportError(msg) from None
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > MAX_TEMPLATE_ENTRIES or unpacked > MAX_TEMPLATE_UNPACKED:
        msg = (
            f"template {path}: unpacks to {unpacked / 1024 / 1024:.0f} MB in {len(entries)} "
            f"part{'' if len(entries) == 1 else 's'}; a Word template "
            f"is at most {MAX_TEMPLATE_UNPACKED // 1024 // 1024} MB unpacked, so this file is refused"
        )
        raise ExportError(msg)


class _Brochure:
    """Writes the course into a document, in the brochure's order."""

    def __init__(
        self, document: Document, course: Course, *, styled: bool, style_ids: dict[str, str | None]
    ) -> None:
        self.document = document
        self.course = course
        self.labels: Labels = labels_for(course)
        self.styled = styled
        self.bullets = add_bullet_numbering(document)
        if not styled:
            character_style(document, "Hyperlink")  # a template may lack it; the house style has it
        self.style_ids = style_ids
        """Paragraph style ids by name, looked up once: python-docx scans every style for each lookup."""

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
            set_style_id(paragraph, self.style_id(style))
        return paragraph

    def style_id(self, name: str) -> str | None:
        if name not in self.style_ids:
            self.style_ids[name] = self.document.part.get_style_id(  # type: ignore[no-untyped-call]
                name, WD_STYLE_TYPE.PARAGRAPH
            )
        return self.style_ids[name]

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
            set_style_id(paragraph, self.style_id("Footer"))
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
