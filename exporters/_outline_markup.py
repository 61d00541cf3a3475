"""The outline's sections and blocks as markup: the one renderer of the web page and the EPUB.

As pandoc's EPUB writer reuses its HTML writer, the web page (:mod:`exporters._html`) and the
EPUB's chapters (:mod:`exporters._epub_documents`) render the outline's blocks here, into the same
elements (:mod:`exporters._markup`). They choose only how it looks: the heading level a section
starts at, whether the lead section shows its heading, classes, and the chapter files around it.
What the documents say, and in which order, is the outline's (:mod:`ncmw_course.outline`).

Every element keeps the outline's ids: a section is ``<section id="{section.id}">`` and a
subsection ``<section id="{subsection.id}">`` (``day-1``, ``trainer-1``), each labelled by its
heading. A text that runs against the document's direction gets ``dir``; a label of a language
other than the course's gets ``lang``.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from exporters._markup import Attributes, Element, Node, element, text_direction
from ncmw_course.outline import BulletList, Facts, Paragraph

if TYPE_CHECKING:
    from ncmw_course.outline import Block, Direction, Inline, Outline, Section

__all__ = ["OutlineMarkup", "stylesheet"]

PARAGRAPH_CLASSES = {
    "when": "day-facts",
    "details": "trainer-details",
    "goal": "goal",
    "name": "contact-name",
}
"""The class of a paragraph by its role; a plain text paragraph has none."""
FACTS_CLASSES = {"details": "facts", "contact": "contact"}
"""The class of a list of facts by its kind."""


@cache
def stylesheet(name: str) -> str:
    """The stylesheet `name` (``page.css``, ``epub.css``): a data file of this package."""
    return (files("exporters") / "css" / name).read_text(encoding="utf-8")


class OutlineMarkup:
    """Renders outline blocks as elements, for a document in `language` written in `direction`."""

    def __init__(self, language: str, direction: Direction, labels_language: str) -> None:
        self.direction = direction
        # Labels of a language without a table are English; say so, for screen readers' voices.
        same = labels_language == language.split("-")[0].lower()
        self.label_attributes: Attributes = {} if same else {"lang": labels_language}

    @classmethod
    def of(cls, outline: Outline) -> OutlineMarkup:
        """The renderer for `outline`'s language, direction and labels."""
        meta = outline.meta
        return cls(meta.language, meta.direction, meta.labels_language)

    def text_attributes(self, text: str, css_class: str | None = None) -> Attributes:
        """`css_class`, and ``dir`` when `text` runs against the document, such as Arabic in Dutch."""
        direction = text_direction(text)
        return {"class": css_class, "dir": direction if direction and direction != self.direction else None}

    def text(self, tag: str, text: str, css_class: str | None = None) -> Element:
        """An element holding one course text, such as a paragraph or a title."""
        return element(tag, self.text_attributes(text, css_class), text)

    def label(self, tag: str, text: str, attributes: Attributes | None = None) -> Element:
        """An element holding a label of the label table."""
        return element(tag, {**(attributes or {}), **self.label_attributes}, text)

    def link(self, uri: str, text: str) -> Element:
        """A link to `uri`, exactly as given, showing `text`."""
        return element("a", {"href": uri, **self.text_attributes(text)}, text)

    def section(
        self, section: Section, level: int, *, heading: bool = True, attributes: Attributes | None = None
    ) -> Element:
        """`section` as ``<section id>``, its title an ``h{level}`` (unless `heading` is false) and
        its subsections' titles one level below; `attributes` are added to the section element."""
        title = f"{section.id}-title"
        return element(
            "section",
            {"id": section.id, "aria-labelledby": title if heading else None, **(attributes or {})},
            self.label(f"h{level}", section.title, {"id": title}) if heading else None,
            *self.blocks(section.blocks, level + 1),
        )

    def blocks(self, blocks: tuple[Block, ...], level: int) -> list[Node]:
        """Each block in order; subsections get an ``h{level}`` heading."""
        return [self.block(block, level) for block in blocks]

    def block(self, block: Block, level: int) -> Element:
        """One block: a paragraph, a list, facts, or a subsection with its heading."""
        if isinstance(block, Paragraph):
            return self.paragraph(block)
        if isinstance(block, BulletList):
            return self.bullet_list(block)
        if isinstance(block, Facts):
            return self.facts(block)
        title = f"{block.id}-title"
        return element(
            "section",
            {"id": block.id, "class": block.id.rpartition("-")[0] or None, "aria-labelledby": title},
            element(f"h{level}", {"id": title, **self.text_attributes(block.title)}, block.title),
            *self.blocks(block.blocks, level + 1),
        )

    def paragraph(self, paragraph: Paragraph) -> Element:
        """A ``<p>``, with the class of its role."""
        return self.text("p", paragraph.text, PARAGRAPH_CLASSES.get(paragraph.role))

    def bullet_list(self, bullet_list: BulletList) -> Element:
        """A ``<ul>``, one ``<li>`` per item; the course's goals have the class ``goals``."""
        css_class = "goals" if bullet_list.role == "goals" else None
        return element("ul", {"class": css_class}, *(self.text("li", item) for item in bullet_list.items))

    def facts(self, facts: Facts) -> Element:
        """A ``<dl>``: each row's label a ``<dt>``, each of its values a ``<dd>``, links as ``<a>``."""
        items: list[Node] = []
        for row in facts.rows:
            items.append(self.label("dt", row.label))
            items.extend(self.value(value) for value in row.values)
        return element("dl", {"class": FACTS_CLASSES[facts.kind]}, *items)

    def value(self, value: Inline) -> Element:
        """One value of a fact: text, or a link to its URI."""
        if isinstance(value, str):
            return self.text("dd", value)
        return element("dd", {}, self.link(value.uri, value.text))
