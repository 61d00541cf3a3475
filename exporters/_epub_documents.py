"""The EPUB's content: the title page, the navigation document, one XHTML chapter per brochure
section, the stylesheet and the cover image.

Every heading and label comes from the shared label table (:func:`ncmw_course.labels.labels_for`);
every course text is written as it is, in one element, so that it can be found word for word. Facts
the course does not state are left out, together with their label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from exporters._epub_markup import Direction, Element, Node, element, serialise, text_direction
from exporters._facts import day_facts, practical_facts, trainer_details

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ncmw_course.labels import Labels
    from ncmw_course.model import Course, Trainer

__all__ = [
    "COVER_IMAGE",
    "NAV_FILE",
    "STYLESHEET",
    "BookContent",
    "Chapter",
    "TocEntry",
    "book_content",
    "book_direction",
    "mailto_uri",
]

XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
OPS_NAMESPACE = "http://www.idpf.org/2007/ops"
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
STYLESHEET = "style.css"
COVER_IMAGE = "cover.svg"
NAV_FILE = "nav.xhtml"

CSS = b"""\
/* Readable on any reader: relative units only, no fixed font sizes or colours, so that the
   reader's own font, size, margins and night mode apply. */
body {
  line-height: 1.5;
  orphans: 2;
  widows: 2;
}
h1, h2 {
  line-height: 1.25;
  page-break-after: avoid;
  break-after: avoid;
  hyphens: manual;
}
h1 {
  font-size: 1.5em;
  margin: 1em 0 0.8em;
}
h2 {
  font-size: 1.2em;
  margin: 1.4em 0 0.5em;
}
p {
  margin: 0 0 0.8em;
  hyphens: auto;
}
ul, ol, dl {
  margin: 0 0 1em;
}
li {
  margin: 0 0 0.3em;
}
dt {
  font-weight: bold;
  margin: 0.8em 0 0.1em;
}
dd {
  margin-top: 0;
  margin-bottom: 0.2em;
}
a {
  color: inherit;
  text-decoration: underline;
}
.day-facts {
  font-style: italic;
}
.cover {
  margin: 0;
  padding: 0;
  text-align: center;
}
.cover img {
  max-width: 100%;
  max-height: 95vh;
}
.title-page {
  text-align: center;
  padding-top: 3em;
}
.title-page h1 {
  font-size: 2em;
  margin-bottom: 0.5em;
}
.subtitle {
  font-size: 1.25em;
  font-style: italic;
}
.summary {
  margin-top: 2em;
}
.provider {
  margin-top: 3em;
  letter-spacing: 0.05em;
}
.toc ol {
  list-style-type: none;
  padding: 0;
  margin: 0;
}
.toc ol ol {
  margin-inline-start: 1.5em;
}
"""


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


LEFT_TO_RIGHT = frozenset({"nl", "fy", "en", "de", "fr"})
"""Languages (primary subtags) known to be written left to right without asking Babel; a test
checks each with Babel. Why: Babel loads the locale's data to answer, 15 ms of a first render."""


def book_direction(language: str) -> Direction:
    """The writing direction of a BCP 47 language: ``rtl`` for Arabic, Hebrew and the like."""
    primary, *rest = language.split("-")
    if primary in LEFT_TO_RIGHT and all(len(subtag) <= 3 for subtag in rest):  # a region, no script
        return "ltr"
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language, sep="-")
    except (UnknownLocaleError, ValueError):
        return "ltr"
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def book_content(course: Course, labels: Labels) -> BookContent:
    """The title page, chapters, navigation document, stylesheet and cover of `course`."""
    return _Writer(course, labels).content()


def mailto_uri(address: str) -> str:
    """A ``mailto:`` URI for `address`, percent-encoded as RFC 6068 asks."""
    return "mailto:" + quote(address, safe="!$'()*+,;:@")


class _Writer:
    """Writes the documents of one course."""

    def __init__(self, course: Course, labels: Labels) -> None:
        self.course = course
        self.labels = labels
        self.language = course.language
        self.direction = book_direction(course.language)
        labels_language = labels.locale.split("_")[0]
        # Labels of a language without a table are English; say so, for screen readers' voices.
        self.label_attributes: dict[str, str | None] = (
            {}
            if labels_language == course.language.split("-")[0].lower()
            else {"lang": labels_language, "xml:lang": labels_language}
        )

    def content(self) -> BookContent:
        course, labels = self.course, self.labels
        chapters = [self.cover_page(), self.title_page()]
        chapters.append(
            self.chapter(
                "introduction",
                labels.introduction,
                self.paragraphs(course.description),
                landmark="bodymatter",
            )
        )
        chapters.append(
            self.chapter(
                "audience",
                labels.audience,
                [*self.paragraphs(course.audience), *self.paragraphs_or_list(course.goals)],
            )
        )
        chapters.append(self.programme())
        chapters.append(self.chapter("method", labels.method, self.paragraphs(course.method)))
        chapters.append(self.trainers())
        facts = practical_facts(course, labels)
        if facts:
            chapters.append(self.chapter("practical", labels.practical, [self.facts_list(facts)]))
        contact_name = self.paragraph(course.contact.name) if course.contact.name else None
        chapters.append(self.chapter("contact", labels.contact, filter(None, [contact_name, self.contact()])))
        return BookContent(
            chapters=tuple(chapters),
            nav=self.nav(chapters),
            nav_title=labels.contents,
            cover_svg=cover_svg(course, self.direction),
            css=CSS,
        )

    # documents

    def page(self, title: str, *body: Node, body_type: str | None = None) -> bytes:
        html = element(
            "html",
            {
                "xmlns": XHTML_NAMESPACE,
                "xmlns:epub": OPS_NAMESPACE,
                "lang": self.language,
                "xml:lang": self.language,
                "dir": "rtl" if self.direction == "rtl" else None,
            },
            element(
                "head",
                {},
                element("title", {}, title),
                element("link", {"rel": "stylesheet", "type": "text/css", "href": STYLESHEET}),
            ),
            element("body", {"epub:type": body_type}, *body),
        )
        return serialise(html, doctype="<!DOCTYPE html>")

    def chapter(
        self,
        uid: str,
        title: str,
        body: Iterable[Node],
        *,
        landmark: str | None = None,
        children: tuple[TocEntry, ...] = (),
    ) -> Chapter:
        file_name = f"{uid}.xhtml"
        section = element(
            "section",
            {"epub:type": "chapter", "role": "doc-chapter", "aria-labelledby": f"{uid}-title"},
            element("h1", {"id": f"{uid}-title", **self.label_attributes}, title),
            *body,
        )
        content = self.page(title, section, body_type="bodymatter")
        return Chapter(uid, file_name, title, content, TocEntry(title, file_name, children), landmark)

    def cover_page(self) -> Chapter:
        course = self.course
        description = " — ".join(filter(None, (course.title, course.subtitle, course.provider.name)))
        image = element(
            "img", {"epub:type": "cover", "role": "doc-cover", "src": COVER_IMAGE, "alt": description}
        )
        content = self.page(course.title, element("div", {"class": "cover"}, image), body_type="cover")
        return Chapter("cover", "cover.xhtml", course.title, content, None, "cover")

    def title_page(self) -> Chapter:
        course, labels = self.course, self.labels
        section = element(
            "section",
            {"class": "title-page", "epub:type": "titlepage", "aria-label": labels.title_page},
            element("h1", self.text_attributes(course.title), course.title),
            self.paragraph(course.subtitle, "subtitle") if course.subtitle else None,
            self.paragraph(course.summary, "summary") if course.summary else None,
            self.paragraph(course.provider.name, "provider"),
        )
        content = self.page(course.title, section, body_type="frontmatter")
        file_name = "title.xhtml"
        return Chapter(
            "title-page",
            file_name,
            labels.title_page,
            content,
            TocEntry(labels.title_page, file_name),
            "titlepage",
        )

    def programme(self) -> Chapter:
        labels = self.labels
        body: list[Node] = list(self.paragraphs(self.course.programme.introduction))
        entries = []
        for day in self.course.days:
            anchor = f"day-{day.ordinal}"
            heading = labels.day_title(day.ordinal, day.theme)
            entries.append(TocEntry(heading, f"programme.xhtml#{anchor}", label=False))
            facts = day_facts(day, labels)
            body.append(
                element(
                    "section",
                    {"aria-labelledby": anchor},
                    element("h2", {"id": anchor, **self.text_attributes(heading)}, heading),
                    self.paragraph(facts, "day-facts") if facts else None,
                    self.bullet_list(day.topics) if day.topics else None,
                )
            )
        return self.chapter("programme", labels.programme, body, children=tuple(entries))

    def trainers(self) -> Chapter:
        trainers, labels = self.course.trainers, self.labels
        title = labels.trainer if len(trainers) == 1 else labels.trainers
        body: list[Node] = []
        entries = []
        for number, trainer in enumerate(trainers, start=1):
            anchor = f"trainer-{number}"
            if self.names_trainer(trainer):
                entries.append(TocEntry(trainer.name, f"trainers.xhtml#{anchor}", label=False))
                body.append(element("h2", {"id": anchor, **self.text_attributes(trainer.name)}, trainer.name))
            body.extend(self.paragraphs(trainer.biography))
            body.extend(self.paragraphs(trainer_details(trainer, labels), "trainer-details"))
        return self.chapter("trainers", title, body, children=tuple(entries))

    def names_trainer(self, trainer: Trainer) -> bool:
        """A trainer gets a heading with their name unless they are the only one and the biography names them."""
        return len(self.course.trainers) > 1 or trainer.name not in " ".join(trainer.biography)

    def contact(self) -> Element:
        contact, provider, labels = self.course.contact, self.course.provider, self.labels
        items: list[Node] = []
        if contact.phone:
            items += [self.term(labels.phone), self.link_item(contact.phone.tel_uri, contact.phone.display)]
        if contact.email:
            items += [self.term(labels.email), self.link_item(mailto_uri(contact.email), contact.email)]
        if contact.website:
            items += [self.term(labels.website), self.link_item(contact.website.href, contact.website.text)]
        if self.course.url:
            items += [
                self.term(labels.course_page),
                self.link_item(self.course.url.href, self.course.url.text),
            ]
        items += [
            self.term(labels.provider),
            element("dd", self.text_attributes(provider.name), provider.name),
        ]
        if provider.website:
            items.append(self.link_item(provider.website.href, provider.website.text))
        return element("dl", {}, *items)

    def nav(self, chapters: list[Chapter]) -> bytes:
        labels = self.labels
        toc = element(
            "nav",
            {
                "epub:type": "toc",
                "role": "doc-toc",
                "id": "toc",
                "class": "toc",
                "aria-labelledby": "toc-title",
            },
            element("h1", {"id": "toc-title", **self.label_attributes}, labels.contents),
            self.toc_list(chapter.toc for chapter in chapters if chapter.toc),
        )
        landmarks = [
            element("li", {}, element("a", {"epub:type": "toc", "href": f"{NAV_FILE}#toc"}, labels.contents)),
        ]
        for chapter in chapters:
            if chapter.landmark:
                link = element("a", {"epub:type": chapter.landmark, "href": chapter.file_name}, chapter.title)
                landmarks.append(element("li", {}, link))
        hidden = element("nav", {"epub:type": "landmarks", "hidden": "hidden"}, element("ol", {}, *landmarks))
        return self.page(labels.contents, toc, hidden)

    def toc_list(self, entries: Iterable[TocEntry]) -> Element:
        items = []
        for entry in entries:
            attributes = self.label_attributes if entry.label else self.text_attributes(entry.title)
            link = element("a", {"href": entry.href, **attributes}, entry.title)
            sublist = self.toc_list(entry.children) if entry.children else None
            items.append(element("li", {}, link, sublist))
        return element("ol", {}, *items)

    # blocks

    def text_attributes(self, text: str) -> dict[str, str | None]:
        """``dir`` for a text that runs against the book's direction, such as Arabic in Dutch."""
        direction = text_direction(text)
        return {"dir": direction if direction and direction != self.direction else None}

    def paragraph(self, text: str, css_class: str | None = None) -> Element:
        return element("p", {"class": css_class, **self.text_attributes(text)}, text)

    def paragraphs(self, texts: Iterable[str], css_class: str | None = None) -> list[Node]:
        return [self.paragraph(text, css_class) for text in texts]

    def paragraphs_or_list(self, texts: tuple[str, ...]) -> list[Node]:
        return self.paragraphs(texts) if len(texts) == 1 else [self.bullet_list(texts)]

    def bullet_list(self, items: Iterable[str]) -> Element:
        return element("ul", {}, *(element("li", self.text_attributes(item), item) for item in items))

    def term(self, label: str) -> Element:
        return element("dt", self.label_attributes, label)

    def link_item(self, href: str, text: str) -> Element:
        return element("dd", {}, element("a", {"href": href, **self.text_attributes(text)}, text))

    def facts_list(self, facts: list[tuple[str, list[str]]]) -> Element:
        items: list[Node] = []
        for label, lines in facts:
            items.append(self.term(label))
            items.extend(element("dd", self.text_attributes(line), line) for line in lines)
        return element("dl", {}, *items)


# The cover: an SVG drawn from the title, so that a reader's library shows the course without any
# image file from outside. Text in the picture is real text, with the title as its accessible name.

_COVER_WIDTH, _COVER_HEIGHT = 1200, 1800
_COVER_MARGIN = 110
_COVER_BACKGROUND = "#1d4f5c"  # dark teal; white text on it has a contrast ratio above 8:1
_COVER_TEXT = "#ffffff"
_AVERAGE_GLYPH_WIDTH = 0.55  # of the font size, for a serif face; lines are wrapped by estimate
_MAX_TITLE_LINES = 7


def _wrap(text: str, max_chars: int) -> list[str]:
    """Break `text` into lines of at most `max_chars` characters at spaces (longer words stay whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= max_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _fit(text: str, sizes: tuple[int, ...], max_lines: int) -> tuple[int, list[str]]:
    """The largest font size of `sizes` at which `text` wraps into `max_lines`, and its lines.

    At the smallest size, lines past `max_lines` are dropped and the last one ends in "…": this is
    a picture on a library shelf, and the full title is in the book.
    """
    width = _COVER_WIDTH - 2 * _COVER_MARGIN
    for size in sizes:
        lines = _wrap(text, max(1, int(width / (size * _AVERAGE_GLYPH_WIDTH))))
        if len(lines) <= max_lines and all(
            len(line) * size * _AVERAGE_GLYPH_WIDTH <= width for line in lines
        ):
            return size, lines
    size = sizes[-1]
    max_chars = int(width / (size * _AVERAGE_GLYPH_WIDTH))
    lines = [line[:max_chars] for line in _wrap(text, max_chars)]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1][: max_chars - 1] + "…"]
    return size, lines


def _text_block(lines: list[str], size: int, top: float, **style: str) -> tuple[list[Element], float]:
    """Centred lines of SVG text from `top` down; returns them and the height used."""
    line_height = size * 1.2
    elements = [
        element(
            "text",
            {
                "x": str(_COVER_WIDTH // 2),
                "y": f"{top + size + index * line_height:.0f}",
                "font-size": str(size),
                **style,
            },
            line,
        )
        for index, line in enumerate(lines)
    ]
    return elements, len(lines) * line_height


def cover_svg(course: Course, direction: Direction) -> bytes:
    """The cover image: the title, subtitle and provider on a plain background."""
    size, title_lines = _fit(course.title, (110, 96, 84, 72, 62, 54, 46), _MAX_TITLE_LINES)
    shared = {"text-anchor": "middle", "direction": direction, "fill": _COVER_TEXT}
    title, height = _text_block(
        title_lines, size, 380, **shared, **{"font-family": "serif", "font-weight": "bold"}
    )
    parts: list[Node] = [
        element("title", {}, course.title),
        element("rect", {"width": "100%", "height": "100%", "fill": _COVER_BACKGROUND}),
        element(
            "rect",
            {
                "x": str(_COVER_MARGIN),
                "y": "300",
                "width": str(_COVER_WIDTH - 2 * _COVER_MARGIN),
                "height": "8",
                "fill": _COVER_TEXT,
            },
        ),
        *title,
    ]
    if course.subtitle:
        sub_size, sub_lines = _fit(course.subtitle, (56, 48, 40, 34), 4)
        subtitle, _ = _text_block(
            sub_lines,
            sub_size,
            380 + height + 60,
            **shared,
            **{"font-family": "serif", "font-style": "italic"},
        )
        parts += subtitle
    provider_size, provider_lines = _fit(course.provider.name, (52, 44, 36), 2)
    provider, _ = _text_block(
        provider_lines, provider_size, _COVER_HEIGHT - 260, **shared, **{"font-family": "sans-serif"}
    )
    parts += provider
    svg = element(
        "svg",
        {
            "xmlns": SVG_NAMESPACE,
            "version": "1.1",
            "viewBox": f"0 0 {_COVER_WIDTH} {_COVER_HEIGHT}",
            "width": str(_COVER_WIDTH),
            "height": str(_COVER_HEIGHT),
            "role": "img",
            "aria-label": course.title,
            "xml:lang": course.language,
        },
        *parts,
    )
    return serialise(svg)
