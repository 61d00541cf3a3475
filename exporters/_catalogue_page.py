"""The catalogue's page, written from its listing (:mod:`ncmw_course.listing`) as HTML5.

A card per course in the listing's order: the title (a link to the course's page, when one was
written), the subtitle and summary, and the facts someone choosing a course asks for first. Above
the cards, a search box and a filter per kind of choice the cards hold, and the number of courses
shown, in a live region that screen readers announce.

Without JavaScript the page lists every course and shows no controls: the stylesheet shows them only
on a page whose head's one-line script marked it ``scripted``, before the first paint, so the page
does not shift when they appear (a ``<noscript>`` style is not applied when a browser turns scripts
off through its developer tools, as Playwright does). With JavaScript, a small inline
script (``js/catalogue.js``; no framework, nothing fetched) narrows the list as one types or
chooses, and keeps the choices in the page's address (``?q=…&town=…``), so that a narrowed view can
be shared and survives a reload. Each card carries its filter values as JSON in ``data-*``
attributes; the script reads the title and summary from the card itself.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from exporters._html import document, json_ld_script, main, masthead, meta_tag
from exporters._jsonld import SCHEMA_ORG
from exporters._markup import Element, Node, Raw, element
from exporters._outline_markup import OutlineMarkup
from ncmw_course.listing import FILTERS
from ncmw_course.outline import Facts

if TYPE_CHECKING:
    from ncmw_course.listing import Card, Filter, Listing

__all__ = ["catalogue_page", "item_list", "script"]

SCRIPTS_RUN = 'document.documentElement.classList.add("scripted");'
"""The head's script: the class that shows the search and filters, set before the body is laid out."""


@cache
def script() -> str:
    """The catalogue page's script, written inline: a data file of this package."""
    return (files("exporters") / "js" / "catalogue.js").read_text(encoding="utf-8")


def catalogue_page(listing: Listing, json_ld: bytes, calendar: str | None = None) -> bytes:
    """The catalogue page of `listing`, with `json_ld` (:func:`item_list`) embedded, and a link to the
    `calendar` file of every run when one was written.

    The page is in the listing's language; a card in another language is marked as such.
    """
    labels = listing.labels
    markup = OutlineMarkup(listing.language, listing.direction, labels.locale.split("_")[0])
    providers = ", ".join(listing.providers)
    header = masthead(
        markup.text("p", providers, "provider") if providers else None,
        markup.label("h1", labels.catalogue),
        element("p", {"class": "feeds"}, markup.label("a", labels.calendar, {"href": calendar}))
        if calendar
        else None,
    )
    total = labels.count_courses(len(listing.cards))
    count = element(
        "p",
        {
            "id": "count",
            "class": "count",
            "role": "status",
            "aria-live": "polite",
            "aria-atomic": "true",
            "data-one": labels.course_count[0],
            "data-many": labels.course_count[1],
            "data-shown": labels.shown_of,
        },
        total,
    )
    cards = [_card(card, listing) for card in listing.cards]
    content = [
        _finder(listing, markup) if listing.cards else None,
        count,
        element("ul", {"class": "courses", "id": "courses"}, *cards) if cards else None,
    ]
    title = listing.title
    head = [
        meta_tag("description", f"{title}: {total}"),
        element("script", {}, Raw(SCRIPTS_RUN)),
        json_ld_script(json_ld),
    ]
    body = [header, main(*content), element("script", {}, Raw("\n" + script()))]
    return document(markup, listing.language, title=title, head=head, body=body)


def _finder(listing: Listing, markup: OutlineMarkup) -> Element:
    """The search box, a list box per filter that has choices, and a button that clears them all."""
    labels = listing.labels
    fields: list[Node | None] = [
        element(
            "div",
            {"class": "field search"},
            markup.label("label", labels.search, {"for": "q"}),
            element("input", {"type": "search", "id": "q", "name": "q", "autocomplete": "off"}),
        )
    ]
    fields += [_select(item, markup) for item in listing.filters if item.choices]
    fields.append(
        element("div", {"class": "field clear"}, markup.label("button", labels.clear, {"type": "reset"}))
    )
    return element(
        "form",
        {"class": "finder", "id": "finder", "role": "search", "aria-label": labels.find},
        *fields,
    )


def _select(item: Filter, markup: OutlineMarkup) -> Element:
    """A list box of one filter: its first choice shows every course."""
    field_id = f"filter-{item.name}"
    options = [markup.label("option", item.every, {"value": ""})]
    options += [element("option", {"value": choice.value}, choice.text) for choice in item.choices]
    return element(
        "div",
        {"class": "field"},
        markup.label("label", item.label, {"for": field_id}),
        element("select", {"id": field_id, "name": item.name}, *options),
    )


def _card(card: Card, listing: Listing) -> Element:
    """One course: its title linking to its page, subtitle, summary and facts; its filter values
    and keywords as JSON for the script."""
    meta = card.meta
    markup = OutlineMarkup(meta.language, meta.direction, meta.labels_language)
    same_language = meta.language.split("-")[0].lower() == listing.language.split("-")[0].lower()
    data = {f"data-{name}": _json([*card.values(name)]) for name in FILTERS}
    title = markup.link(card.page, card.title) if card.page else card.title
    return element(
        "li",
        {"lang": None if same_language else meta.language, **data, "data-keywords": _json([*meta.keywords])},
        element("h2", markup.text_attributes(card.title), title),
        markup.text("p", card.subtitle, "subtitle") if card.subtitle else None,
        markup.text("p", meta.description, "summary"),
        markup.facts(Facts(card.facts, "details")),
    )


def item_list(listing: Listing) -> dict[str, Any]:
    """The cards as a schema.org ``ItemList``, in their order: each ``ListItem`` names its course and,
    when the course states one, gives its own address (which its page names as canonical)."""
    items = [
        {"@type": "ListItem", "position": position, "name": card.title, "url": card.meta.url}
        for position, card in enumerate(listing.cards, start=1)
    ]
    return {
        "@context": SCHEMA_ORG,
        "@type": "ItemList",
        "numberOfItems": len(items),
        "itemListElement": [
            {key: value for key, value in item.items() if value is not None} for item in items
        ],
    }


def _json(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))
