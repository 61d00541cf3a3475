"""The web page of a course and the catalogue's index page, written from outlines as HTML5.

What a page says, and in which order, is the brochure outline's (:mod:`ncmw_course.outline`); its
sections and blocks are rendered by :mod:`exporters._outline_markup`, the renderer the EPUB's
chapters use too. This module adds what only a web page has: the head with its metadata and the
embedded JSON-LD, the teal masthead, the footer, and the stylesheet (``css/page.css``) inline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exporters._markup import Element, Node, Raw, element, html_document
from exporters._outline_markup import OutlineMarkup, stylesheet
from ncmw_course.labels import labels_for

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ncmw_course.outline import Outline

__all__ = ["catalogue_page", "course_page", "page_css"]

STYLESHEET = "page.css"


def page_css() -> str:
    """The stylesheet written inline into every page."""
    return stylesheet(STYLESHEET)


def _document(
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


def _meta(name: str, content: str | None) -> Element | None:
    return element("meta", {"name": name, "content": content}) if content else None


def _json_ld(data: bytes) -> Element:
    """The JSON-LD as it is: the jsonld exporter escapes ``<``, ``>`` and ``&``, and :class:`Raw`
    checks that no ``<`` can end the element."""
    return element("script", {"type": "application/ld+json"}, Raw(data.decode("utf-8")))


def _masthead(*lines: Node | None) -> Element:
    """The teal band at the top of a page: the provider, the one h1, and what goes with them."""
    return element("header", {"class": "masthead"}, element("div", {"class": "wrap"}, *lines))


def _main(*content: Node | None) -> Element:
    return element("main", {"id": "inhoud"}, element("div", {"class": "wrap"}, *content))


def course_page(outline: Outline, json_ld: bytes) -> bytes:
    """The web page of `outline`, with `json_ld` (the ``jsonld`` format's bytes) embedded as it is.

    The lead section (the introduction) opens the page without a heading; every other section has
    an ``h2``, and its days and trainers an ``h3``.
    """
    markup = OutlineMarkup.of(outline)
    meta = outline.meta
    header = _masthead(
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
        _meta("description", meta.description),
        _meta("author", meta.author),
        _meta("keywords", ", ".join(meta.keywords)),
        element("link", {"rel": "canonical", "href": meta.url}) if meta.url else None,
        _json_ld(json_ld),
    ]
    title = f"{outline.title} – {outline.provider}"
    return _document(markup, meta.language, title=title, head=head, body=[header, _main(*sections), footer])


def catalogue_page(outlines: Sequence[Outline], json_ld: bytes, link: str = "{slug}.html") -> bytes:
    """The index page of the courses of `outlines`: each links to its own page, with `json_ld`
    (the ItemList) embedded.

    The page is in the language of the first course (Dutch when there are none); a course in
    another language is marked as such.
    """
    first = outlines[0] if outlines else None
    language = first.meta.language if first else "nl"
    labels = first.labels if first else labels_for(language)
    markup = OutlineMarkup.of(first) if first else OutlineMarkup(language, "ltr", language)
    primary = language.split("-")[0].lower()
    providers = list(dict.fromkeys(outline.provider for outline in outlines))
    items = []
    for outline in outlines:
        meta = outline.meta
        same_language = meta.language.split("-")[0].lower() == primary
        items.append(
            element(
                "li",
                {"lang": None if same_language else meta.language},
                element(
                    "h2",
                    markup.text_attributes(outline.title),
                    markup.link(link.format(slug=meta.slug), outline.title),
                ),
                markup.text("p", outline.subtitle, "subtitle") if outline.subtitle else None,
                markup.text("p", meta.description),
            )
        )
    header = _masthead(
        markup.text("p", ", ".join(providers), "provider") if providers else None,
        markup.label("h1", labels.catalogue),
    )
    listing = element("ul", {"class": "courses"}, *items) if items else None
    title = f"{labels.catalogue} – {', '.join(providers)}" if providers else labels.catalogue
    head = [_meta("description", title), _json_ld(json_ld)]
    return _document(markup, language, title=title, head=head, body=[header, _main(listing)])
