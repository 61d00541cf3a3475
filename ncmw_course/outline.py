"""The brochure as a format-neutral outline: what the documents say, and in which order.

:func:`brochure_outline` walks a course once and decides everything a reader sees: the sections
and their order, the headings and labels (from the label table), when a trainer gets a heading of
their own, whether the goals are paragraphs or a list, the practical facts, and the contact block
with each address once. The document writers (Word, EPUB, the web page, the EDU-DEX description)
render the outline and decide only how it looks, as pandoc's writers render its document tree.

Every text of the course appears in the outline as it is written, so a writer that renders every
block keeps every word. Links carry their final URI: ``mailto:`` percent-encoded as RFC 6068
asks, ``tel:`` in E.164, web addresses in their normalised form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal, TypeAlias
from urllib.parse import quote

from ncmw_course._facts import (
    day_facts,
    final_test_line,
    format_location,
    practical_rows,
    says,
    session_rows,
    trainer_details,
)
from ncmw_course.labels import Labels, labels_for

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = [
    "Block",
    "BulletList",
    "Direction",
    "Fact",
    "Facts",
    "Inline",
    "Link",
    "Metadata",
    "Outline",
    "Paragraph",
    "Section",
    "Subsection",
    "brochure_outline",
    "course_metadata",
    "day_facts",
    "format_location",
    "mailto_uri",
    "outline_text",
    "practical_facts",
    "says",
    "trainer_details",
    "writing_direction",
]

Direction: TypeAlias = Literal["ltr", "rtl"]


@dataclass(frozen=True)
class Link:
    """A text that links to `uri`, the final form a document writes (``mailto:``, ``tel:``, ``https:``)."""

    text: str
    uri: str


Inline: TypeAlias = "str | Link"
"""A piece of a line: plain text, or a link."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text. `role` says what it is, for a writer that shows some kinds differently."""

    text: str
    role: Literal["text", "when", "details", "goal", "name"] = "text"
    """``when``: the date, times and place of a day; ``details``: a trainer's facts the biography
    does not say; ``goal``: the only goal of a course; ``name``: the contact person."""


@dataclass(frozen=True)
class BulletList:
    """A list of items, in order. `role` is ``goals`` for a course's goals, else ``items``."""

    items: tuple[str, ...]
    role: Literal["items", "goals"] = "items"


@dataclass(frozen=True)
class Fact:
    """One row of label and values: each value is one line, of text or a link."""

    key: str
    """A language-neutral name of the row, such as ``price`` or ``phone``, for writers and feeds."""
    label: str
    values: tuple[Inline, ...]


@dataclass(frozen=True)
class Facts:
    """Rows of label and values (``details``): the practical facts, a day's timetable (a row per part,
    its times as label); or the ways to get in touch (``contact``)."""

    rows: tuple[Fact, ...]
    kind: Literal["details", "contact"]


@dataclass(frozen=True)
class Subsection:
    """A part of a section with a heading of its own: a programme day, or a trainer."""

    id: str
    """Stable and language-neutral, such as ``day-1`` or ``trainer-2``: an anchor or file name."""
    title: str
    """Course text (a day's theme, a trainer's name), possibly with a label before it."""
    blocks: tuple[Block, ...]


Block: TypeAlias = "Paragraph | BulletList | Facts | Subsection"


@dataclass(frozen=True)
class Section:
    """A section of the brochure, under a heading from the label table."""

    id: str
    """Stable and language-neutral: ``introduction``, ``practical``, ``audience``, ``programme``,
    ``method``, ``assessment``, ``literature``, ``trainers`` or ``contact``."""
    title: str
    """The heading, from the label table."""
    blocks: tuple[Block, ...]
    lead: bool = False
    """The lead text that opens the brochure under its title: a writer may leave out its heading."""


@dataclass(frozen=True)
class Metadata:
    """What a document says about itself: its properties, not its text."""

    slug: str
    language: str
    """The course's BCP 47 language tag."""
    direction: Direction
    """The writing direction of the course's language."""
    labels_language: str
    """The language of the label table (``nl``); differs from `language` when the course's has no table."""
    updated: date
    description: str
    """One sentence for listings and document properties (the summary, or the description's first)."""
    keywords: tuple[str, ...]
    author: str
    """The provider's name."""
    contributors: tuple[str, ...]
    """The trainers' names."""
    url: str | None
    """The course's own web page, normalised."""


@dataclass(frozen=True)
class Outline:
    """The whole brochure of one course, ready for a writer."""

    title: str
    subtitle: str | None
    summary: str | None
    """The short summary under the title, when the course has one."""
    provider: str
    sections: tuple[Section, ...]
    footer: tuple[str, ...]
    """The provider and the contact details, for a page footer, each as it is shown."""
    meta: Metadata
    labels: Labels
    """The label table: for what a writer adds around the text (a table of contents' title, page numbers)."""

    def section(self, section_id: str) -> Section | None:
        """The section with `section_id`, or None when the course has none (``practical``)."""
        return next((section for section in self.sections if section.id == section_id), None)


def brochure_outline(course: Course) -> Outline:
    """The brochure of `course`: its sections in order, with every text of the course in them."""
    labels = labels_for(course)
    sections = [Section("introduction", labels.introduction, _paragraphs(course.description), lead=True)]
    facts = practical_facts(course, labels)
    if facts:
        sections.append(Section("practical", labels.practical, (Facts(facts, "details"),)))
    goals: Block = (
        Paragraph(course.goals[0], "goal") if len(course.goals) == 1 else BulletList(course.goals, "goals")
    )
    sections += [
        Section("audience", labels.audience, (*_paragraphs(course.audience), goals)),
        Section("programme", labels.programme, _programme(course, labels)),
        Section("method", labels.method, _paragraphs(course.method)),
        *_assessment_and_literature(course, labels),
        Section(
            "trainers",
            labels.trainer if len(course.trainers) == 1 else labels.trainers,
            _trainers(course, labels),
        ),
        Section("contact", labels.contact, _contact(course, labels)),
    ]
    return Outline(
        title=course.title,
        subtitle=course.subtitle,
        summary=course.summary,
        provider=course.provider.name,
        sections=tuple(sections),
        footer=_footer(course, labels),
        meta=course_metadata(course, labels),
        labels=labels,
    )


def _paragraphs(texts: tuple[str, ...]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(text) for text in texts)


def _programme(course: Course, labels: Labels) -> tuple[Block, ...]:
    blocks: list[Block] = list(_paragraphs(course.programme.introduction))
    for day in course.days:
        when = day_facts(day, labels)
        parts: list[Block] = [Paragraph(when, "when")] if when else []
        if day.topics:
            parts.append(BulletList(day.topics))
        if day.sessions:
            parts.append(Facts(_facts(session_rows(day, labels)), "details"))
        blocks.append(
            Subsection(f"day-{day.ordinal}", labels.day_title(day.ordinal, day.theme), tuple(parts))
        )
    return tuple(blocks)


def _assessment_and_literature(course: Course, labels: Labels) -> list[Section]:
    """Whether and how participants are tested, and what they read: when the course says."""
    sections = []
    if course.assessment:
        assessment = course.assessment
        blocks = (
            Paragraph(final_test_line(assessment.final_test, labels)),
            *_paragraphs(assessment.description),
        )
        sections.append(Section("assessment", labels.assessment, blocks))
    if course.literature:
        sections.append(Section("literature", labels.literature, (BulletList(course.literature),)))
    return sections


def _trainers(course: Course, labels: Labels) -> tuple[Block, ...]:
    """One subsection per trainer, under their name; the only trainer whose biography names them, none."""
    blocks: list[Block] = []
    for number, trainer in enumerate(course.trainers, start=1):
        parts = (
            *_paragraphs(trainer.biography),
            *(Paragraph(line, "details") for line in trainer_details(trainer, labels)),
        )
        named = len(course.trainers) > 1 or trainer.name not in " ".join(trainer.biography)
        if named:
            blocks.append(Subsection(f"trainer-{number}", trainer.name, parts))
        else:
            blocks.extend(parts)
    return tuple(blocks)


def _contact(course: Course, labels: Labels) -> tuple[Block, ...]:
    """The contact person, then each way to get in touch; every web address once, in the model's order
    (the contact's website, the provider's, the course page)."""
    contact, provider = course.contact, course.provider
    rows: list[Fact] = []
    if contact.phone:
        rows.append(Fact("phone", labels.phone, (Link(contact.phone.display, contact.phone.tel_uri),)))
    if contact.email:
        rows.append(Fact("email", labels.email, (Link(str(contact.email), mailto_uri(contact.email)),)))
    shown: set[str] = set()
    if contact.website:
        shown.add(contact.website.href)
        rows.append(Fact("website", labels.website, (Link(contact.website.text, contact.website.href),)))
    provider_values: list[Inline] = [provider.name]
    if provider.website and provider.website.href not in shown:
        shown.add(provider.website.href)
        provider_values.append(Link(provider.website.text, provider.website.href))
    rows.append(Fact("provider", labels.provider, tuple(provider_values)))
    if course.url and course.url.href not in shown:
        rows.append(Fact("course_page", labels.course_page, (Link(course.url.text, course.url.href),)))
    name: tuple[Block, ...] = (Paragraph(contact.name, "name"),) if contact.name else ()
    return (*name, Facts(tuple(rows), "contact"))


def _footer(course: Course, labels: Labels) -> tuple[str, ...]:
    contact = course.contact
    parts = [course.provider.name]
    if contact.phone:
        parts.append(f"{labels.phone} {contact.phone.display}")
    if contact.email:
        parts.append(str(contact.email))
    if contact.website:
        parts.append(contact.website.text)
    return tuple(parts)


def course_metadata(course: Course, labels: Labels) -> Metadata:
    """What documents about `course` say about themselves: its slug, language, summary, keywords …"""
    return Metadata(
        slug=course.slug,
        language=course.language,
        direction=writing_direction(course.language),
        labels_language=labels.locale.split("_")[0],
        updated=course.updated,
        description=course.listing_summary,
        keywords=course.keywords,
        author=course.provider.name,
        contributors=tuple(trainer.name for trainer in course.trainers),
        url=course.url.href if course.url else None,
    )


def practical_facts(course: Course, labels: Labels) -> tuple[Fact, ...]:
    """The practical facts the course states, as rows of the ``practical`` section; none when it states none."""
    return _facts(practical_rows(course, labels))


def _facts(rows: list[tuple[str, str, tuple[str, ...]]]) -> tuple[Fact, ...]:
    return tuple(Fact(key, label, lines) for key, label, lines in rows)


# Links and writing direction: the same for every document.


def mailto_uri(address: str) -> str:
    """A ``mailto:`` URI for `address`, percent-encoded as RFC 6068 asks."""
    return "mailto:" + quote(address, safe="!$'()*+,;:@")


LEFT_TO_RIGHT = frozenset({"nl", "fy", "en", "de", "fr"})
"""Languages (primary subtags) known to be written left to right without asking Babel; a test
checks each with Babel. Why: Babel loads the locale's data to answer, 15 ms of a first render."""


def writing_direction(language: str) -> Direction:
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


# A readable text form of the outline: the golden files of the tests, and a quick look for people.


def outline_text(outline: Outline) -> str:
    """The outline as indented plain text: one line per title, paragraph, item and fact."""
    lines = [f"# {outline.title}"]
    lines += [f"  subtitle: {outline.subtitle}"] if outline.subtitle else []
    lines += [f"  summary: {outline.summary}"] if outline.summary else []
    lines.append(f"  provider: {outline.provider}")
    lines.append(f"  footer: {' · '.join(outline.footer)}")
    for section in outline.sections:
        lines.append(f"## {section.title} [{section.id}]{' (lead)' if section.lead else ''}")
        lines += _block_lines(section.blocks, "  ")
    return "\n".join(lines) + "\n"


def _block_lines(blocks: tuple[Block, ...], indent: str) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            role = "" if block.role == "text" else f"({block.role}) "
            lines.append(f"{indent}¶ {role}{block.text}")
        elif isinstance(block, BulletList):
            lines += [f"{indent}• {item}" for item in block.items]
        elif isinstance(block, Facts):
            for row in block.rows:
                values = " | ".join(_inline_text(value) for value in row.values)
                lines.append(f"{indent}{row.label} [{row.key}]: {values}")
        else:
            lines.append(f"{indent}### {block.title} [{block.id}]")
            lines += _block_lines(block.blocks, indent + "  ")
    return lines


def _inline_text(value: Inline) -> str:
    return value if isinstance(value, str) else f"{value.text} <{value.uri}>"
