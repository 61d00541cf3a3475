"""The EPUB's documents, written from the brochure outline: the cover page, the title page, the
navigation document, and one XHTML chapter per outline section, in the outline's order.

A chapter is the file ``{section.id}.xhtml``; its section and blocks are rendered by
:mod:`exporters._outline_markup`, the renderer the web page uses too, so the book says what the page
says, in the same order, under the same ids. The subsections (``day-1``, ``trainer-1``) are anchors
in their chapter and the table of contents' entries below it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from exporters._epub_cover import cover_svg
from exporters._markup import Element, Node, element, xml_document
from exporters._outline_markup import OutlineMarkup, stylesheet
from ncmw_course.outline import Subsection

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ncmw_course.outline import Outline, Section

__all__ = ["COVER_IMAGE", "NAV_FILE", "STYLESHEET", "BookContent", "Chapter", "TocEntry", "book_content"]

XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
OPS_NAMESPACE = "http://www.idpf.org/2007/ops"
STYLESHEET = "style.css"
COVER_IMAGE = "cover.svg"
NAV_FILE = "nav.xhtml"


@dataclass(frozen=True)
class TocEntry:
    """An entry of the table of contents: a title, where it points, and the entries below it."""

    title: str
    href: str
    children: tuple[TocEntry, ...] = ()
    label: bool = True
    """Whether `title` is a label of the label table, rather than course text."""


@dataclass(frozen=True)
class Chapter:
    """One XHTML document of the spine."""

    uid: str
    file_name: str
    title: str
    content: bytes
    toc: TocEntry | None
    """The chapter's entry in the table of contents; None for the cover."""
    landmark: str | None = None
    """The ``epub:type`` under which the navigation document's landmarks list it, if any."""


@dataclass(frozen=True)
class BookContent:
    """Everything the book holds besides its package metadata."""

    chapters: tuple[Chapter, ...]
    """The spine in reading order, starting with the cover and the title page."""
    nav: bytes
    nav_title: str
    cover_svg: bytes
    css: bytes

    @property
    def toc(self) -> tuple[TocEntry, ...]:
        """The table of contents, in reading order."""
        return tuple(chapter.toc for chapter in self.chapters if chapter.toc)


def book_content(outline: Outline) -> BookContent:
    """The cover, title page, chapters, navigation document, stylesheet and cover image of `outline`."""
    return _Writer(outline).content()


class _Writer:
    """Writes the documents of one outline."""

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.markup = OutlineMarkup.of(outline)

    def content(self) -> BookContent:
        outline = self.outline
        chapters = [self.cover_page(), self.title_page()]
        chapters += [
            self.chapter(section, landmark="bodymatter" if number == 0 else None)
            for number, section in enumerate(outline.sections)
        ]
        return BookContent(
            chapters=tuple(chapters),
            nav=self.nav(chapters),
            nav_title=outline.labels.contents,
            cover_svg=cover_svg(outline),
            css=stylesheet("epub.css").encode("utf-8"),
        )

    def page(self, title: str, *body: Node, body_type: str | None = None) -> bytes:
        """An XHTML document in the book's language and direction, linking the stylesheet."""
        meta = self.outline.meta
        html = element(
            "html",
            {
                "xmlns": XHTML_NAMESPACE,
                "xmlns:epub": OPS_NAMESPACE,
                "lang": meta.language,
                "dir": "rtl" if meta.direction == "rtl" else None,
            },
            element(
                "head",
                {},
                element("title", {}, title),
                element("link", {"rel": "stylesheet", "type": "text/css", "href": STYLESHEET}),
            ),
            element("body", {"epub:type": body_type}, *body),
        )
        return xml_document(html, doctype="<!DOCTYPE html>")

    def chapter(self, section: Section, *, landmark: str | None) -> Chapter:
        """The chapter of `section`: its title an ``h1``, its subsections' titles ``h2`` and anchors."""
        file_name = f"{section.id}.xhtml"
        body = self.markup.section(section, 1, attributes={"epub:type": "chapter", "role": "doc-chapter"})
        children = tuple(
            TocEntry(block.title, f"{file_name}#{block.id}", label=False)
            for block in section.blocks
            if isinstance(block, Subsection)
        )
        content = self.page(section.title, body, body_type="bodymatter")
        toc = TocEntry(section.title, file_name, children)
        return Chapter(section.id, file_name, section.title, content, toc, landmark)

    def cover_page(self) -> Chapter:
        outline = self.outline
        description = " — ".join(filter(None, (outline.title, outline.subtitle, outline.provider)))
        image = element(
            "img", {"epub:type": "cover", "role": "doc-cover", "src": COVER_IMAGE, "alt": description}
        )
        content = self.page(outline.title, element("div", {"class": "cover"}, image), body_type="cover")
        return Chapter("cover", "cover.xhtml", outline.title, content, None, "cover")

    def title_page(self) -> Chapter:
        outline, markup = self.outline, self.markup
        title = outline.labels.title_page
        section = element(
            "section",
            {"class": "title-page", "epub:type": "titlepage", "aria-label": title},
            markup.text("h1", outline.title),
            markup.text("p", outline.subtitle, "subtitle") if outline.subtitle else None,
            markup.text("p", outline.summary, "summary") if outline.summary else None,
            markup.text("p", outline.provider, "provider"),
        )
        content = self.page(outline.title, section, body_type="frontmatter")
        file_name = "title.xhtml"
        return Chapter("title-page", file_name, title, content, TocEntry(title, file_name), "titlepage")

    def nav(self, chapters: list[Chapter]) -> bytes:
        contents, markup = self.outline.labels.contents, self.markup
        toc = element(
            "nav",
            {
                "epub:type": "toc",
                "role": "doc-toc",
                "id": "toc",
                "class": "toc",
                "aria-labelledby": "toc-title",
            },
            markup.label("h1", contents, {"id": "toc-title"}),
            self.toc_list(chapter.toc for chapter in chapters if chapter.toc),
        )
        landmarks = [
            element("li", {}, element("a", {"epub:type": "toc", "href": f"{NAV_FILE}#toc"}, contents)),
        ]
        for chapter in chapters:
            if chapter.landmark:
                link = element("a", {"epub:type": chapter.landmark, "href": chapter.file_name}, chapter.title)
                landmarks.append(element("li", {}, link))
        hidden = element("nav", {"epub:type": "landmarks", "hidden": "hidden"}, element("ol", {}, *landmarks))
        return self.page(contents, toc, hidden)

    def toc_list(self, entries: Iterable[TocEntry]) -> Element:
        items = []
        for entry in entries:
            if entry.label:
                link = self.markup.label("a", entry.title, {"href": entry.href})
            else:
                link = element(
                    "a", {"href": entry.href, **self.markup.text_attributes(entry.title)}, entry.title
                )
            sublist = self.toc_list(entry.children) if entry.children else None
            items.append(element("li", {}, link, sublist))
        return element("ol", {}, *items)
