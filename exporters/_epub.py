"""Packs a brochure outline into an EPUB 3 with ebooklib: metadata, manifest, spine, navigation and NCX.

The documents themselves come from :mod:`exporters._epub_documents`, the package metadata from the
outline's :class:`~ncmw_course.outline.Metadata`. ebooklib writes the package;
two things it cannot do are done here: ``xml:lang`` on the OPF package (:func:`set_package_language`)
and byte-identical output (:func:`exporters._reproducible.repack_zip`).
"""

from __future__ import annotations

import io
import re
import uuid
from typing import TYPE_CHECKING, Any

from ebooklib import epub

from exporters._epub_documents import COVER_IMAGE, NAV_FILE, STYLESHEET, BookContent, TocEntry, book_content
from exporters._reproducible import document_datetime, repack_zip

if TYPE_CHECKING:
    from ncmw_course.outline import Metadata, Outline

__all__ = ["OPF_PATH", "book_identifier", "render_epub", "set_package_language"]

OPF_PATH = "EPUB/content.opf"
"""Where ebooklib puts the package document."""

IDENTIFIER_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:ncmw-course:epub")
"""The uuid5 namespace of book identifiers; never change it, or readers see every book as new."""

CONFORMANCE = "EPUB-A11Y-11_WCAG-22-AA"
"""The EPUB Accessibility 1.1 conformance identifier that the book claims."""

ACCESSIBILITY_FEATURES = (
    "tableOfContents",  # the navigation document and the NCX
    "readingOrder",  # one linear spine, in the brochure's order
    "structuralNavigation",  # a heading per chapter, day and trainer
    "alternativeText",  # the cover image has a text alternative
    "displayTransformability",  # relative units only; no fixed fonts, sizes or colours in the text
)

ACCESSIBILITY_SUMMARIES = {
    "nl": (
        "Dit boek bestaat uit tekst met koppen, lijsten, een inhoudsopgave en een vaste leesvolgorde. "
        "De omslag is een afbeelding van de titel, met de titel als tekstalternatief. Lettertype, "
        "lettergrootte en kleuren zijn in te stellen in de leesapp. Er zijn geen flitsende beelden, "
        "geluid of bewegende beelden. Het boek voldoet aan EPUB Accessibility 1.1 en WCAG 2.2 niveau AA."
    ),
    "en": (
        "This book is text with headings, lists, a table of contents and a fixed reading order. "
        "The cover is a picture of the title, with the title as its text alternative. Font, font size "
        "and colours can be set in the reading app. There are no flashing images, sound or motion. "
        "The book meets EPUB Accessibility 1.1 and WCAG 2.2 level AA."
    ),
}
"""The accessibility summary in the language of each label table."""

_PACKAGE_START = re.compile(rb"<package\b[^>]*?(/?>)")


def book_identifier(slug: str) -> str:
    """The book's ``dc:identifier``: a ``urn:uuid`` derived from the course's `slug`, the same on every export.

    Why: readers recognise a book by its identifier, so a re-export replaces the book in the
    reader's library instead of adding a second copy.
    """
    return uuid.uuid5(IDENTIFIER_NAMESPACE, slug).urn


def set_package_language(opf: bytes, language: str) -> bytes:
    """Put ``xml:lang="<language>"`` on the ``<package>`` element of the OPF document `opf`.

    Why: EPUB 3 asks for the package's language as ``xml:lang``; ebooklib 0.20 writes ``dc:language``
    only. A language already on the package is replaced.

    Raises:
        ValueError: `opf` has no ``<package>`` start tag.
    """
    match = _PACKAGE_START.search(opf)
    if match is None:
        msg = "the package document has no <package> element"
        raise ValueError(msg)
    tag = re.sub(rb'\sxml:lang="[^"]*"', b"", match.group(0))
    close = b"/>" if tag.endswith(b"/>") else b">"
    tag = tag[: -len(close)] + b' xml:lang="' + language.encode("ascii") + b'"' + close
    return opf[: match.start()] + tag + opf[match.end() :]


def render_epub(outline: Outline) -> bytes:
    """The brochure `outline` as the bytes of an EPUB 3 file."""
    content = book_content(outline)
    moment = document_datetime(outline.meta.updated)
    book = _book(outline, content)
    buffer = io.BytesIO()
    options = {
        "raise_exceptions": True,  # otherwise ebooklib 0.20 returns False on an OSError
        "mtime": moment,  # dcterms:modified; ebooklib's default is "now"
        "epub2_guide": False,
        "epub3_landmark": False,  # the navigation document carries its own landmarks
        "epub3_pages": False,
        "package_direction": True,  # dir="rtl" on the package of a right-to-left book
        "compresslevel": 0,  # repack_zip compresses, once
    }
    epub.write_epub(buffer, book, options)
    return repack_zip(
        buffer.getvalue(),
        moment,
        first=["mimetype"],
        stored=["mimetype"],
        change={OPF_PATH: lambda opf: set_package_language(opf, outline.meta.language)},
    )


class _Document(epub.EpubHtml):  # type: ignore[misc]  # ebooklib is untyped
    """An XHTML document whose bytes are written as given, not re-parsed by ebooklib's templates."""

    def __init__(self, uid: str, file_name: str, title: str, content: bytes, properties: list[str]) -> None:
        super().__init__(uid=uid, file_name=file_name, title=title, media_type="application/xhtml+xml")
        self.content = content
        self.properties = properties

    def get_content(self, default: bytes | None = None) -> bytes:
        content: bytes = self.content
        return content


def _ncx_entries(entries: tuple[TocEntry, ...], prefix: str) -> list[Any]:
    """The table of contents in ebooklib's form, for the NCX."""
    result: list[Any] = []
    for number, entry in enumerate(entries, start=1):
        uid = f"{prefix}-{number}"
        if entry.children:
            result.append((epub.Section(entry.title, entry.href), _ncx_entries(entry.children, uid)))
        else:
            result.append(epub.Link(entry.href, entry.title, uid))
    return result


def _book(outline: Outline, content: BookContent) -> Any:
    book = epub.EpubBook()
    _add_metadata(book, outline.title, outline.meta)

    stylesheet = epub.EpubItem(uid="style", file_name=STYLESHEET, media_type="text/css", content=content.css)
    book.add_item(stylesheet)
    cover = epub.EpubCover(file_name=COVER_IMAGE)
    cover.media_type = "image/svg+xml"
    cover.content = content.cover_svg
    book.add_item(cover)
    book.add_metadata(None, "meta", "", {"name": "cover", "content": cover.id})  # for EPUB 2 readers

    documents = [
        _Document(chapter.uid, chapter.file_name, chapter.title, chapter.content, [])
        for chapter in content.chapters
    ]
    nav = _Document("nav", NAV_FILE, content.nav_title, content.nav, ["nav"])
    # The cover and title page come first, then the table of contents, then the brochure.
    spine = [*documents[:2], nav, *documents[2:]]
    for document in spine:
        book.add_item(document)
    book.add_item(epub.EpubNcx())
    book.toc = _ncx_entries(content.toc, "toc")
    book.spine = spine
    return book


def _add_metadata(book: Any, title: str, meta: Metadata) -> None:
    """The package's metadata: Dublin Core from the outline's metadata, then accessibility."""
    book.set_identifier(book_identifier(meta.slug))
    book.set_title(title)
    book.set_language(meta.language)
    if meta.direction == "rtl":
        book.set_direction("rtl")
    for number, name in enumerate(meta.contributors, start=1):
        book.add_author(name, uid=f"creator-{number}")
    book.add_metadata("DC", "publisher", meta.author)
    book.add_metadata("DC", "description", meta.description)
    for keyword in meta.keywords:
        book.add_metadata("DC", "subject", keyword)
    book.add_metadata("DC", "date", meta.updated.isoformat())
    _add_accessibility_metadata(book, meta.labels_language)


def _add_accessibility_metadata(book: Any, language: str) -> None:
    """EPUB Accessibility 1.1 metadata; each statement describes what this exporter produces."""

    def meta(name: str, value: str, **attributes: str) -> None:
        book.add_metadata(None, "meta", value, {"property": name, **attributes})

    meta("schema:accessMode", "textual")
    meta("schema:accessMode", "visual")  # the cover image
    meta("schema:accessModeSufficient", "textual")  # the cover's text alternative and the title page
    for feature in ACCESSIBILITY_FEATURES:
        meta("schema:accessibilityFeature", feature)
    meta("schema:accessibilityHazard", "none")
    summary = ACCESSIBILITY_SUMMARIES.get(language, ACCESSIBILITY_SUMMARIES["en"])
    meta("schema:accessibilitySummary", summary, **{"{http://www.w3.org/XML/1998/namespace}lang": language})
    meta("dcterms:conformsTo", CONFORMANCE)
