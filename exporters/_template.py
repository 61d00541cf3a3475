"""A user's Word template rebuilt from an allow-list of its parts, before python-docx opens it.

A template is untrusted: it may link to URLs and files, carry macros, fields that run commands,
comments and custom XML, or be built to exhaust time or memory. :func:`sanitised_package` keeps
only what a brochure uses of it — the styles, numbering, theme, font table, the settings that
affect layout, the page setup (the last section's properties), the headers and footers that page
setup names and the images in them — and writes a new package of those parts alone, under names,
content types and relationships it makes itself. What a kept part refers to outside that set is
removed from its XML (:mod:`exporters._template_xml`). Every other part (macros, custom XML,
comments, notes, glossary, document properties, embedded fonts and objects) is never unpacked.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.styles import BabelFish
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from exporters._template_archive import PACKAGE_RELATIONSHIPS, Archive, relationships_name
from exporters._template_xml import (
    AGAIN,
    R,
    TemplateProblem,
    W,
    damaged,
    drop_annotations,
    drop_dangling_references,
    drop_fields,
    drop_linked_urls,
    keep_layout_settings,
    parse_part,
    references,
    serialise,
    w,
)

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["MAX_STYLES", "image_type", "sanitised_package"]

MAX_STYLES = 2_000
"""The most styles a template may define; Word's own templates define a few hundred."""


def _check_styles(name: str, styles: etree._Element) -> None:
    """Refuse a style sheet with more than :data:`MAX_STYLES` styles, or a style of no known type.

    A style without a type is a paragraph style; it is given its type, which python-docx needs. A
    name without a value is dropped (python-docx cannot read it), leaving the style unnamed. The
    built-in names LibreOffice writes as shown ("Heading 1", "Footer") are written as Word writes
    them ("heading 1", "footer"), the only form python-docx finds.
    """
    defined = styles.findall(w("style"))
    if len(defined) > MAX_STYLES:
        msg = f"{name} defines {len(defined)} styles; a template may define at most {MAX_STYLES}, so this file is refused"
        raise TemplateProblem(msg)
    for style in defined:
        kind = style.get(w("type"), "paragraph")
        if kind not in ("paragraph", "character", "table", "numbering"):
            raise damaged(name, f"gives the style {style.get(w('styleId'))!r} the unknown type {kind!r}")
        style.set(w("type"), kind)
        for name_element in style.findall(w("name")):
            value = name_element.get(w("val"))
            if value is None:  # a name without a value: the style has none
                style.remove(name_element)
            else:  # LibreOffice writes "Heading 1" where Word writes "heading 1"
                name_element.set(w("val"), BabelFish.ui2internal(value))


def _check_numbering(name: str, numbering: etree._Element) -> None:
    """Refuse list definitions whose ids are not numbers: the brochure numbers its own after them."""
    for tag, attribute in (("abstractNum", "abstractNumId"), ("num", "numId")):
        for element in numbering.findall(w(tag)):
            value = element.get(w(attribute))
            if value is None or not (value.isascii() and value.isdigit()) or len(value) > 9:
                raise damaged(name, f"numbers a list {value!r}, which is not a number")


def _check_settings(name: str, settings: etree._Element) -> None:
    keep_layout_settings(settings)


@dataclass(frozen=True)
class _Kind:
    """A kind of part a template may keep: where it goes, its content type, root element and check."""

    name: str
    """The part's name in the new package; ``{n}`` numbers the parts of a kind that has several."""
    content_type: str
    root: str
    check: Callable[[str, etree._Element], None] | None = None
    """Refuses (or trims) the part's XML: the style sheet's size, the list ids, the settings kept."""


_THEME = "{http://schemas.openxmlformats.org/drawingml/2006/main}theme"
_DOCUMENT_KINDS = {
    RT.STYLES: _Kind("word/styles.xml", CT.WML_STYLES, w("styles"), _check_styles),
    RT.NUMBERING: _Kind("word/numbering.xml", CT.WML_NUMBERING, w("numbering"), _check_numbering),
    RT.SETTINGS: _Kind("word/settings.xml", CT.WML_SETTINGS, w("settings"), _check_settings),
    RT.FONT_TABLE: _Kind("word/fontTable.xml", CT.WML_FONT_TABLE, w("fonts")),
    RT.THEME: _Kind("word/theme/theme{n}.xml", CT.OFC_THEME, _THEME),
    RT.HEADER: _Kind("word/header{n}.xml", CT.WML_HEADER, w("hdr")),
    RT.FOOTER: _Kind("word/footer{n}.xml", CT.WML_FOOTER, w("ftr")),
}
"""What the main document part may keep, by relationship type."""
_IMPLICIT = (RT.STYLES, RT.NUMBERING, RT.SETTINGS, RT.FONT_TABLE, RT.THEME)
"""Relationship types a part uses without naming them in its XML: the first of each is kept."""
_IMAGE = _Kind("word/media/image{n}", "", "")
_IMAGE_TYPES = (
    (b"\x89PNG\r\n\x1a\n", 0, CT.PNG, ".png"),
    (b"\xff\xd8\xff", 0, CT.JPEG, ".jpeg"),
    (b"GIF87a", 0, CT.GIF, ".gif"),
    (b"GIF89a", 0, CT.GIF, ".gif"),
    (b"BM", 0, CT.BMP, ".bmp"),
    (b"II*\0", 0, CT.TIFF, ".tiff"),
    (b"MM\0*", 0, CT.TIFF, ".tiff"),
    (b" EMF", 40, CT.X_EMF, ".emf"),
    (b"\xd7\xcd\xc6\x9a", 0, CT.X_WMF, ".wmf"),
)
"""The images a kept part may show, by their first bytes; not SVG, which can load other files."""


def image_type(data: bytes) -> tuple[str, str] | None:
    """The content type and extension of the image `data`; None if it is none of :data:`_IMAGE_TYPES`."""
    for signature, offset, content_type, extension in _IMAGE_TYPES:
        if data[offset : offset + len(signature)] == signature:
            return content_type, extension
    return None


def clean_content(root: etree._Element) -> None:
    """Remove fields, comment and note marks, tracked changes and VML's own links from a kept part."""
    drop_fields(root)
    drop_annotations(root)
    drop_linked_urls(root)


@dataclass
class _Package:
    """The new package: each part kept, under its new name, with the relationships made for it."""

    archive: Archive
    parts: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    """Content type and bytes, by new part name."""
    rels: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    """Id, type and new target name of each relationship, by the new name of its source part."""
    renamed: dict[tuple[str, str], str] = field(default_factory=dict)
    """New names by old name and kind, so that a part two relationships point at is kept once."""
    counts: dict[str, int] = field(default_factory=dict)

    def keep_related(
        self, source: str, new_source: str, root: etree._Element, kinds: dict[str, _Kind]
    ) -> dict[str, str]:
        """Keep what the part `source` (XML `root`) relates to that `kinds` allows; unlink the rest.

        A part of an implicit type is kept once; any other only if `root` names its relationship.
        Returns the kept relationships' types by id.
        """
        named = {reference for element in root.iter() for reference in references(element)}
        kept: dict[str, str] = {}
        for relationship in self.archive.relationships(source):
            kind = kinds.get(relationship.type)
            if kind is None or not relationship.target or relationship.id in kept:
                continue
            if relationship.type in _IMPLICIT:
                if relationship.type in kept.values():
                    continue
            elif relationship.id not in named:
                continue
            target = self.keep(relationship.target, kind)
            if target is not None:
                kept[relationship.id] = relationship.type
                self.rels.setdefault(new_source, []).append((relationship.id, relationship.type, target))
        drop_dangling_references(root, kept)
        return kept

    def keep(self, name: str, kind: _Kind) -> str | None:
        """Keep the part `name` as `kind`, cleaned; its new name, or None if it is missing or no image."""
        if (name, kind.name) in self.renamed:
            return self.renamed[name, kind.name]
        data = self.archive.read(name)
        if data is None:
            return None
        if kind is _IMAGE:
            found = image_type(data)
            if found is None:
                return None
            content_type, extension = found
            new_name = self._name(kind) + extension
        else:
            root = parse_part(name, data)
            if root.tag != kind.root:
                raise damaged(name, "is not the part its relationship says")
            if kind.check is not None:
                kind.check(name, root)
            new_name, content_type = self._name(kind), kind.content_type
            clean_content(root)
            self.keep_related(name, new_name, root, {RT.IMAGE: _IMAGE})
            data = serialise(root)
        self.renamed[name, kind.name] = new_name
        self.parts[new_name] = (content_type, data)
        return new_name

    def add(self, source: str, kind: str, root: etree._Element, taken: dict[str, str]) -> None:
        """Add the part `root` of `kind` to `source`, under an id not in `taken` (which it joins)."""
        name = _DOCUMENT_KINDS[kind].name
        self.parts[name] = (_DOCUMENT_KINDS[kind].content_type, serialise(root))
        free = next(f"rId{n}" for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
        taken[free] = kind
        self.rels.setdefault(source, []).append((free, kind, name))

    def _name(self, kind: _Kind) -> str:
        count = self.counts[kind.name] = self.counts.get(kind.name, 0) + 1
        return kind.name.format(n=count)


DOCUMENT = "word/document.xml"
MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def sanitised_package(data: bytes) -> bytes:
    """The Word package `data` rebuilt of what a brochure keeps of a template, as a zip archive.

    Raises:
        TemplateProblem: `data` is not a Word file, is damaged, or exceeds a limit.
    """
    archive = Archive(data)
    main = next(
        (found.target for found in archive.relationships("") if found.type == RT.OFFICE_DOCUMENT),
        "",
    )
    source = archive.read(main) if main else None
    if source is None:
        msg = f"is not a valid Word .docx file (it has no main document part); {AGAIN}"
        raise TemplateProblem(msg)
    document = empty_document(main, parse_part(main, source))
    clean_content(document)
    package = _Package(archive)
    kept = package.keep_related(main, DOCUMENT, document, _DOCUMENT_KINDS)
    for reference in [*document.iter(w("headerReference"), w("footerReference"))]:
        wanted = RT.HEADER if reference.tag == w("headerReference") else RT.FOOTER
        if kept.get(reference.get(f"{{{R}}}id", "")) != wanted:
            reference.getparent().remove(reference)
    package.parts[DOCUMENT] = (CT.WML_DOCUMENT_MAIN, serialise(document))
    for kind, tag in ((RT.STYLES, "styles"), (RT.NUMBERING, "numbering")):
        if kind not in kept.values():  # python-docx cannot make a numbering part; no styles is refused later
            package.add(DOCUMENT, kind, etree.Element(w(tag), nsmap={"w": W}), kept)
    return _write(package)


def empty_document(name: str, root: etree._Element) -> etree._Element:
    """A new main document part with the namespaces of `root` and, in its body, only its last page setup.

    Raises:
        TemplateProblem: `root` is no Word document, or has no body or no page setup.
    """
    if root.tag != w("document"):
        msg = f"is not a valid Word .docx file ({name} is not a Word document); {AGAIN}"
        raise TemplateProblem(msg)
    body = root.find(w("body"))
    if body is None:
        raise damaged(name, "has no body")
    sections = body.findall(w("sectPr"))
    if not sections:
        raise damaged(name, "has no page setup: its body ends without section properties")
    document = etree.Element(root.tag, nsmap=root.nsmap)
    ignorable = root.get(f"{{{MARKUP_COMPATIBILITY}}}Ignorable")
    if ignorable is not None:
        document.set(f"{{{MARKUP_COMPATIBILITY}}}Ignorable", ignorable)
    etree.SubElement(document, w("body")).append(sections[-1])
    return document


def _empty(tag: str, namespaces: dict[str | None, str]) -> bytes:
    return serialise(etree.Element(tag, nsmap=namespaces))


_CORE_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_CORE = _empty(
    f"{{{_CORE_NAMESPACE}}}coreProperties",
    {
        "cp": _CORE_NAMESPACE,
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": "http://purl.org/dc/terms/",
        "dcmitype": "http://purl.org/dc/dcmitype/",
        "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    },
)
"""Empty core properties: the brochure sets every one it has."""
_APP_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_APP = _empty(f"{{{_APP_NAMESPACE}}}Properties", {None: _APP_NAMESPACE})
"""Empty extended properties: the brochure writes its own (:func:`~exporters._ooxml.set_app_properties`)."""
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"


def _write(package: _Package) -> bytes:
    """The zip archive of `package`'s parts, relationships and content types, stored uncompressed."""
    parts = {
        **package.parts,
        "docProps/core.xml": (CT.OPC_CORE_PROPERTIES, _CORE),
        "docProps/app.xml": (CT.OFC_EXTENDED_PROPERTIES, _APP),
    }
    package.rels[""] = [
        ("rId1", RT.OFFICE_DOCUMENT, DOCUMENT),
        ("rId2", RT.CORE_PROPERTIES, "docProps/core.xml"),
        ("rId3", RT.EXTENDED_PROPERTIES, "docProps/app.xml"),
    ]
    types = etree.Element(f"{{{CONTENT_TYPES}}}Types", nsmap={None: CONTENT_TYPES})
    etree.SubElement(types, f"{{{CONTENT_TYPES}}}Default", Extension="rels", ContentType=CT.OPC_RELATIONSHIPS)
    for name, (content_type, _) in parts.items():
        etree.SubElement(types, f"{{{CONTENT_TYPES}}}Override", PartName=f"/{name}", ContentType=content_type)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as target:
        target.writestr("[Content_Types].xml", serialise(types))
        for source, relationships in package.rels.items():
            target.writestr(relationships_name(source), _relationships_xml(source, relationships))
        for name, (_, data) in parts.items():
            target.writestr(name, data)
    return buffer.getvalue()


def _relationships_xml(source: str, relationships: list[tuple[str, str, str]]) -> bytes:
    """The relationships part of `source`, each target relative to the source's folder."""
    root = etree.Element(f"{{{PACKAGE_RELATIONSHIPS}}}Relationships", nsmap={None: PACKAGE_RELATIONSHIPS})
    for identity, kind, name in relationships:
        target = posixpath.relpath(name, posixpath.dirname(source) or ".") if source else name
        etree.SubElement(
            root, f"{{{PACKAGE_RELATIONSHIPS}}}Relationship", Id=identity, Type=kind, Target=target
        )
    return serialise(root)
