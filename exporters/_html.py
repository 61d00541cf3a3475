"""The web page of a course, written from its outline as HTML5, and what every web page shares.

What a page says, and in which order, is the brochure outline's (:mod:`ncmw_course.outline`); its
sections and blocks are rendered by :mod:`exporters._outline_markup`, the renderer the EPUB's
chapters use too. This module adds what only a web page has: the head with its metadata and the
embedded JSON-LD, the teal masthead, the footer, and the stylesheet (``css/page.css``) inline. The
catalogue's page (:mod:`exporters._catalogue_page`) is built from the same parts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exporters._markup import Element, Node, Raw, element, html_document
from exporters._outline_markup import OutlineMarkup, stylesheet

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ncmw_course.outline import Outline

__all__ = ["course_page", "document", "json_ld_script", "main", "masthead", "meta_tag", "page_css"]

STYLESHEET = "page.css"


def page_css() -> str:
    """The stylesheet written inline into every page."""
    return stylesheet(STYLESHEET)


def document(
    markup: OutlineMarkup, language: str, *, title: str, head: Sequence[Node | None], body: Sequence[Node]
) -> bytes:
    """A whole page: `head` after the charset, viewport and title; the stylesheet last in the head."""
    root = element(
        "html",
        {"lang": language, "dir": "rtl" if markup.direction == "rtl" else None},
        element(
            "head",
            {},
            element("meta", {"charset": "utf-8"}),
            element("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
            element("title", {}, title),
            *head,
            element("style", {}, Raw("\n" + page_css())),
        ),
        element("body", {}, *body),
    )
    return html_document(root)


def meta_tag(name: str, content: str | None) -> Element | None:
    return element("meta", {"name": name, "content": content}) if content else None


def json_ld_script(data: bytes) -> Element:
    """The JSON-LD as it is: the jsonld exporter escapes ``<``, ``>`` and ``&``, and :class:`Raw`
    checks that no ``<`` can end the element."""
    return element("script", {"type": "application/ld+json"}, Raw(data.decode("utf-8")))


def masthead(*lines: Node | None) -> Element:
    """The teal band at the top of a page: the provider, the one h1, and what goes with them."""
    return element("header", {"class": "masthead"}, element("div", {"class": "wrap"}, *lines))


def main(*content: Node | None) -> Element:
    return element("main", {"id": "inhoud"}, element("div", {"class": "wrap"}, *content))


def course_page(outline: Outline, json_ld: bytes, catalogue: str | None = None) -> bytes:
    """The web page of `outline`, with `json_ld` (the ``jsonld`` format's bytes) embedded as it is,
    and a link back to the `catalogue` page above the title when it is given.

    The lead section (the introduction) opens the page without a heading; every other section has
    an ``h2``, and its days and trainers an ``h3``.
    """
    markup = OutlineMarkup.of(outline)
    meta = outline.meta
    back = (
        element(
            "nav", {"class": "back"}, markup.label("a", outline.labels.catalogue_link, {"href": catalogue})
        )
        if catalogue
        else None
    )
    header = masthead(
        back,
        markup.text("p", outline.provider, "provider"),
        markup.text("h1", outline.title),
        markup.text("p", outline.subtitle, "subtitle") if outline.subtitle else None,
        markup.text("p", outline.summary, "summary") if outline.summary else None,
    )
    sections = [
        markup.section(
            section, 2, heading=not section.lead, attributes={"class": "lead" if section.lead else None}
        )
        for section in outline.sections
    ]
    parts: list[Node | None] = []
    for part in outline.footer:  # a part against the page's direction is isolated in a <span dir>
        attributes = markup.text_attributes(part)
        parts += [" · " if parts else None, element("span", attributes, part) if attributes["dir"] else part]
    footer = element(
        "footer", {"class": "site-footer"}, element("div", {"class": "wrap"}, element("p", {}, *parts))
    )
    head = [
        meta_tag("description", meta.description),
        meta_tag("author", meta.author),
        meta_tag("keywords", ", ".join(meta.keywords)),
        element("link", {"rel": "canonical", "href": meta.url}) if meta.url else None,
        json_ld_script(json_ld),
    ]
    title = f"{outline.title} – {outline.provider}"
    return document(markup, meta.language, title=title, head=head, body=[header, main(*sections), footer])
