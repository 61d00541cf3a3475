"""The web page of a course and the catalogue's index page: markup, stylesheet and escaping.

Every heading and label comes from the shared label table (:func:`ncmw_course.labels.labels_for`),
the practical facts from :mod:`exporters._facts`, and the JSON-LD from :mod:`exporters._jsonld`, so
the page says what the brochure and the feeds say. Every text is escaped with :func:`html.escape`
where it is written; only :class:`_Markup` built here is written as it is.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from exporters._epub_documents import book_direction, mailto_uri
from exporters._epub_markup import text_direction
from exporters._facts import day_facts, practical_facts, trainer_details
from ncmw_course.labels import labels_for

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ncmw_course.labels import Labels
    from ncmw_course.model import Course

__all__ = ["CSS", "catalogue_page", "course_page"]

# NCMW's house colours, as in the Word brochure (exporters/_docx_style.py). Contrast on white:
# text 14.3:1, accent 6.2:1, muted 6.3:1; white on the accent 6.2:1; accent on the shading 5.6:1.
CSS = """\
:root {
  --text: #1f2933;
  --accent: #00687a;
  --accent-dark: #004e5c;
  --muted: #52606d;
  --shading: #e8f3f5;
  --rule: #c5dde2;
  --paper: #ffffff;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--paper);
  color: var(--text);
  font-family: Calibri, Carlito, "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  font-size: 1.0625rem;
  line-height: 1.6;
}
.wrap { max-width: 46rem; margin: 0 auto; padding: 0 1.25rem; }
.masthead { background: var(--accent); color: #ffffff; padding: 2rem 0 2.25rem; }
.masthead .provider {
  margin: 0 0 1.25rem;
  font-size: 0.875rem;
  font-weight: 700;
  letter-spacing: 0.08em;
  text-transform: uppercase;
}
h1, h2, h3 { line-height: 1.25; overflow-wrap: break-word; }
h1 { margin: 0; font-size: clamp(1.875rem, 1.2rem + 3vw, 2.75rem); }
.masthead .subtitle { margin: 0.6rem 0 0; font-size: 1.25rem; }
.masthead .summary {
  margin: 1.25rem 0 0;
  padding-top: 1rem;
  border-top: 2px solid rgba(255, 255, 255, 0.6);
  font-size: 1.0625rem;
}
main { padding: 1.75rem 0 2.5rem; }
main > .wrap > p:first-child { font-size: 1.125rem; }
section { margin: 0; }
h2 {
  margin: 2.25rem 0 0.75rem;
  padding-bottom: 0.3rem;
  border-bottom: 2px solid var(--rule);
  color: var(--accent);
  font-size: 1.5rem;
}
h3 { margin: 1.5rem 0 0.4rem; font-size: 1.1875rem; }
p { margin: 0 0 0.9rem; overflow-wrap: break-word; }
ul { margin: 0 0 1rem; padding-inline-start: 1.35rem; }
li { margin: 0 0 0.35rem; overflow-wrap: break-word; }
li::marker { color: var(--accent); }
a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
a:hover { color: var(--accent-dark); text-decoration-thickness: 2px; }
a:focus-visible { outline: 3px solid var(--accent-dark); outline-offset: 2px; border-radius: 2px; }
.masthead a { color: #ffffff; }
.day {
  margin: 1.25rem 0;
  padding: 0.25rem 1.25rem 0.5rem;
  border-inline-start: 4px solid var(--accent);
  background: var(--shading);
  border-radius: 0 0.375rem 0.375rem 0;
}
.day h3 { margin-top: 0.75rem; }
.day-facts { color: var(--muted); font-style: italic; }
.trainer-details { color: var(--muted); }
.facts, .contact {
  display: grid;
  grid-template-columns: minmax(8rem, 13rem) 1fr;
  gap: 0.2rem 1.25rem;
  margin: 0 0 1rem;
  padding: 1rem 1.25rem;
  background: var(--shading);
  border-radius: 0.375rem;
}
/* A term in the first column, its lines below each other in the second. */
.facts dt, .contact dt { grid-column: 1; font-weight: 700; }
.facts dd, .contact dd { grid-column: 2; margin: 0; }
.facts dd + dt, .facts dd + dt + dd, .contact dd + dt, .contact dd + dt + dd { margin-top: 0.5rem; }
.facts dd p { margin: 0; }
.site-footer {
  border-top: 1px solid var(--rule);
  padding: 1.25rem 0 2rem;
  color: var(--muted);
  font-size: 0.9375rem;
}
.site-footer p { margin: 0; }
.courses { list-style: none; margin: 0; padding: 0; }
.courses li {
  margin: 0 0 1.25rem;
  padding: 0.25rem 1.25rem 0.75rem;
  border-inline-start: 4px solid var(--accent);
  background: var(--shading);
  border-radius: 0 0.375rem 0.375rem 0;
}
.courses h2 { margin: 0.75rem 0 0.25rem; border: 0; padding: 0; font-size: 1.3125rem; }
.courses .subtitle { font-weight: 700; margin-bottom: 0.4rem; }
@media (max-width: 36rem) {
  body { font-size: 1rem; }
  .masthead { padding: 1.5rem 0 1.75rem; }
  .facts, .contact { grid-template-columns: 1fr; }
  .facts dt, .facts dd, .contact dt, .contact dd { grid-column: 1; }
  .facts dd + dt + dd, .contact dd + dt + dd { margin-top: 0; }
  .day, .courses li { padding-inline: 1rem; }
}
@page { size: A4; margin: 18mm 20mm 20mm; }
@media print {
  body { font-size: 10.5pt; line-height: 1.45; }
  .wrap { max-width: none; padding: 0; }
  .masthead {
    background: none;
    color: var(--text);
    padding: 0 0 4mm;
    border-bottom: 2pt solid var(--accent);
  }
  .masthead h1 { color: var(--accent); font-size: 24pt; }
  .masthead .provider, .masthead .subtitle { color: var(--muted); }
  .masthead .summary { border-top: 0; padding-top: 0; }
  main { padding: 4mm 0 0; }
  h2 { font-size: 14pt; margin-top: 7mm; break-after: avoid; page-break-after: avoid; }
  h3 { font-size: 11.5pt; break-after: avoid; page-break-after: avoid; }
  .day, .facts, .contact, .courses li { break-inside: avoid; page-break-inside: avoid; }
  .day, .facts, .contact, .courses li {
    print-color-adjust: exact;
    -webkit-print-color-adjust: exact;
  }
  p, li { orphans: 3; widows: 3; }
  a { color: inherit; text-decoration: none; }
  .site-footer { padding-top: 3mm; font-size: 9pt; }
}
"""


class _Markup(str):
    """Markup built here from escaped parts: written as it is, never escaped again."""

    __slots__ = ()


def _attributes(attributes: dict[str, str | None]) -> str:
    return "".join(
        f' {name}="{html.escape(value, quote=True)}"'
        for name, value in attributes.items()
        if value is not None
    )


def _tag(name: str, attributes: dict[str, str | None] | None = None, *children: str | None) -> _Markup:
    """An element; plain-string children are escaped, :class:`_Markup` children are not, None is left out."""
    inner = "".join(
        child if isinstance(child, _Markup) else html.escape(child, quote=False)
        for child in children
        if child is not None
    )
    return _Markup(f"<{name}{_attributes(attributes or {})}>{inner}</{name}>")


def _lines(*parts: str | None) -> _Markup:
    return _Markup("\n".join(part for part in parts if part))


def _json_ld(data: bytes) -> _Markup:
    """The JSON-LD as it is: the jsonld exporter escapes ``<``, ``>`` and ``&``, so no text can end the element."""
    text = data.decode("utf-8")
    if "<" in text:  # a guarantee of dump_jsonld; checked, because a broken one would be an injection
        msg = "the JSON-LD contains '<'; it cannot be embedded in a <script> element"
        raise AssertionError(msg)
    return _Markup(f'<script type="application/ld+json">{text}</script>')


def _document(
    *, language: str, direction: str, title: str, description: str, head: Iterable[str], body: Iterable[str]
) -> bytes:
    page = _lines(
        "<!DOCTYPE html>",
        f"<html{_attributes({'lang': language, 'dir': 'rtl' if direction == 'rtl' else None})}>",
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        _tag("title", {}, title),
        f"<meta{_attributes({'name': 'description', 'content': description})}>",
        *head,
        f"<style>\n{CSS}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    )
    return page.encode("utf-8")


class _Writer:
    """Writes the blocks of one page, with ``dir`` for texts against the page's direction."""

    def __init__(self, language: str, labels: Labels) -> None:
        self.labels = labels
        self.direction = book_direction(language)
        labels_language = labels.locale.split("_")[0]
        # Labels of a language without a table are English; say so, for screen readers' voices.
        self.label_attributes: dict[str, str | None] = (
            {} if labels_language == language.split("-")[0].lower() else {"lang": labels_language}
        )

    def text_attributes(self, text: str, css_class: str | None = None) -> dict[str, str | None]:
        direction = text_direction(text)
        return {"class": css_class, "dir": direction if direction and direction != self.direction else None}

    def paragraph(self, text: str, css_class: str | None = None) -> _Markup:
        return _tag("p", self.text_attributes(text, css_class), text)

    def paragraphs(self, texts: Iterable[str], css_class: str | None = None) -> _Markup:
        return _lines(*(self.paragraph(text, css_class) for text in texts))

    def bullet_list(self, items: Iterable[str]) -> _Markup:
        return _tag(
            "ul", {}, _lines("", *(_tag("li", self.text_attributes(item), item) for item in items), "")
        )

    def heading(self, level: int, text: str, anchor: str | None = None, *, label: bool = True) -> _Markup:
        attributes = self.label_attributes if label else self.text_attributes(text)
        return _tag(f"h{level}", {"id": anchor, **attributes}, text)

    def section(self, anchor: str, title: str, *content: str | None, label: bool = True) -> _Markup:
        return _tag(
            "section",
            {"aria-labelledby": anchor},
            _lines("", self.heading(2, title, anchor, label=label), *content, ""),
        )

    def term(self, label: str) -> _Markup:
        return _tag("dt", self.label_attributes, label)

    def definition(self, text: str) -> _Markup:
        return _tag("dd", self.text_attributes(text), text)

    def link(self, href: str, text: str) -> _Markup:
        return _tag("a", {"href": href, **self.text_attributes(text)}, text)


def _masthead(*lines: str | None) -> _Markup:
    """The teal band at the top of a page: the provider, the one h1, and what goes with them."""
    return _tag("header", {"class": "masthead"}, _tag("div", {"class": "wrap"}, _lines("", *lines, "")))


def course_page(course: Course, json_ld: bytes) -> bytes:
    """The web page of `course`, with `json_ld` (the ``jsonld`` format's bytes) embedded as it is."""
    labels = labels_for(course)
    writer = _Writer(course.language, labels)
    provider = course.provider
    header = _masthead(
        writer.paragraph(provider.name, "provider"),
        _tag("h1", writer.text_attributes(course.title), course.title),
        writer.paragraph(course.subtitle, "subtitle") if course.subtitle else None,
        writer.paragraph(course.summary, "summary") if course.summary else None,
    )
    sections = [writer.paragraphs(course.description)]
    facts = practical_facts(course, labels)
    if facts:
        sections.append(writer.section("praktisch", labels.practical, _facts(writer, facts)))
    goals = writer.paragraphs(course.goals) if len(course.goals) == 1 else writer.bullet_list(course.goals)
    sections.append(writer.section("voor-wie", labels.audience, writer.paragraphs(course.audience), goals))
    sections.append(_programme(course, writer))
    sections.append(writer.section("werkwijze", labels.method, writer.paragraphs(course.method)))
    sections.append(_trainers(course, writer))
    sections.append(_contact(course, writer))
    main = _tag("main", {"id": "inhoud"}, _tag("div", {"class": "wrap"}, _lines("", *sections, "")))
    footer_parts = [_tag("span", writer.text_attributes(provider.name), provider.name)]
    if provider.website:
        footer_parts += [_Markup(" · "), writer.link(provider.website.href, provider.website.text)]
    footer = _tag(
        "footer", {"class": "site-footer"}, _tag("div", {"class": "wrap"}, _tag("p", {}, *footer_parts))
    )
    head = [
        f"<meta{_attributes({'name': 'author', 'content': provider.name})}>",
        f"<meta{_attributes({'name': 'keywords', 'content': ', '.join(course.keywords)})}>"
        if course.keywords
        else "",
        f'<link rel="canonical"{_attributes({"href": course.url.href})}>' if course.url else "",
        _json_ld(json_ld),
    ]
    title = f"{course.title} – {provider.name}"
    return _document(
        language=course.language,
        direction=writer.direction,
        title=title,
        description=course.listing_summary,
        head=head,
        body=[header, main, footer],
    )


def _facts(writer: _Writer, facts: list[tuple[str, list[str]]]) -> _Markup:
    items: list[str] = []
    for label, lines in facts:
        items.append(writer.term(label))
        items.extend(writer.definition(line) for line in lines)
    return _tag("dl", {"class": "facts"}, _lines("", *items, ""))


def _programme(course: Course, writer: _Writer) -> _Markup:
    labels = writer.labels
    days = []
    for day in course.days:
        anchor = f"dag-{day.ordinal}"
        facts = day_facts(day, labels)
        days.append(
            _tag(
                "section",
                {"class": "day", "aria-labelledby": anchor},
                _lines(
                    "",
                    writer.heading(3, labels.day_title(day.ordinal, day.theme), anchor, label=False),
                    writer.paragraph(facts, "day-facts") if facts else None,
                    writer.bullet_list(day.topics) if day.topics else None,
                    "",
                ),
            )
        )
    return writer.section(
        "programma", labels.programme, writer.paragraphs(course.programme.introduction), *days
    )


def _trainers(course: Course, writer: _Writer) -> _Markup:
    labels = writer.labels
    parts: list[str] = []
    for number, trainer in enumerate(course.trainers, start=1):
        if len(course.trainers) > 1 or trainer.name not in " ".join(trainer.biography):
            parts.append(writer.heading(3, trainer.name, f"trainer-{number}", label=False))
        parts.append(writer.paragraphs(trainer.biography))
        parts.append(writer.paragraphs(trainer_details(trainer, labels), "trainer-details"))
    title = labels.trainer if len(course.trainers) == 1 else labels.trainers
    return writer.section("trainers", title, *parts)


def _contact(course: Course, writer: _Writer) -> _Markup:
    contact, provider, labels = course.contact, course.provider, writer.labels
    items: list[str] = []
    if contact.phone:
        items += [
            writer.term(labels.phone),
            _tag("dd", {}, writer.link(contact.phone.tel_uri, contact.phone.display)),
        ]
    if contact.email:
        items += [
            writer.term(labels.email),
            _tag("dd", {}, writer.link(mailto_uri(contact.email), contact.email)),
        ]
    if contact.website:
        items += [
            writer.term(labels.website),
            _tag("dd", {}, writer.link(contact.website.href, contact.website.text)),
        ]
    if course.url:
        items += [
            writer.term(labels.course_page),
            _tag("dd", {}, writer.link(course.url.href, course.url.text)),
        ]
    items += [writer.term(labels.provider), writer.definition(provider.name)]
    if provider.website and provider.website != contact.website:
        items.append(_tag("dd", {}, writer.link(provider.website.href, provider.website.text)))
    return writer.section(
        "informatie",
        labels.contact,
        writer.paragraph(contact.name) if contact.name else None,
        _tag("dl", {"class": "contact"}, _lines("", *items, "")),
    )


def catalogue_page(courses: Sequence[Course], json_ld: bytes, link: str = "{slug}.html") -> bytes:
    """The index page of `courses`: each links to its own page, with `json_ld` (the ItemList) embedded.

    The page is in the language of the first course (Dutch when there are none); a course in
    another language is marked as such.
    """
    language = courses[0].language if courses else "nl"
    labels = labels_for(language)
    writer = _Writer(language, labels)
    primary = language.split("-")[0].lower()
    heading = labels.catalogue
    providers = list(dict.fromkeys(course.provider.name for course in courses))
    items = []
    for course in courses:
        href = link.format(slug=course.slug)
        same_language = course.language.split("-")[0].lower() == primary
        items.append(
            _tag(
                "li",
                {"lang": None if same_language else course.language},
                _lines(
                    "",
                    _tag("h2", writer.text_attributes(course.title), writer.link(href, course.title)),
                    writer.paragraph(course.subtitle, "subtitle") if course.subtitle else None,
                    writer.paragraph(course.listing_summary),
                    "",
                ),
            )
        )
    listing = _tag("ul", {"class": "courses"}, _lines("", *items, "")) if items else ""
    header = _masthead(
        writer.paragraph(", ".join(providers), "provider") if providers else None,
        _tag("h1", writer.label_attributes, heading),
    )
    main = _tag("main", {"id": "inhoud"}, _tag("div", {"class": "wrap"}, _lines("", listing, "")))
    title = f"{heading} – {', '.join(providers)}" if providers else heading
    return _document(
        language=language,
        direction=writer.direction,
        title=title,
        description=title,
        head=[_json_ld(json_ld)],
        body=[header, main],
    )
