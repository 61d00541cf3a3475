"""The texts of the EDU-DEX program document, from the brochure outline.

The programme's name, summary and description, the teachers' summaries and the subject texts
(``programDescriptions.subjectText``) say what the brochure says. They are taken from
:func:`~ncmw_course.outline.brochure_outline`, the one reader of the course's prose, so that their
wording, headings and links (``mailto:`` percent-encoded, ``tel:`` in E.164) are those of the Word
brochure, the EPUB and the web page. Each subject text comes from the outline section or the fact
row it corresponds to, found by section id, block role and fact key, in the outline's order; the
subtitle, which EDU-DEX has no field for, is the text of a first ``description`` subject, under the
title.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from ncmw_course.outline import BulletList, Facts, Paragraph, Subsection

if TYPE_CHECKING:
    from ncmw_course.outline import Block, Fact, Inline, Outline, Section

__all__ = [
    "FACT_SUBJECTS",
    "PROFILE_FACTS",
    "SECTION_SUBJECTS",
    "Line",
    "Piece",
    "biographies",
    "fragment_html",
    "fragment_text",
    "program_descriptions",
]

SECTION_SUBJECTS = {
    "programme": "curriculum",
    "method": "instruction modes",
    # "graduation" is about what completing the programme asks: the test, and the certificate.
    "assessment": "graduation",
    "trainers": "teachers",
    "contact": "contact",
}
"""The EDU-DEX subject of each outline section that is one subject text, under the section's title.
The ``introduction`` is the programme's description; ``audience`` and ``practical`` are split up.
EDU-DEX has no subject for a reading list: the ``literature`` is in no subject text."""

FACT_SUBJECTS = {
    "editions": "course schedule",
    "price": "tuition fee",
    "hours": "study load",
    "accreditations": "accreditation",
    # EDU-DEX has no subject for a certificate or an evaluation; "graduation" is about what
    # completing the programme gives and asks, "characteristics" is its general subject.
    "certificate": "graduation",
    "evaluation": "characteristics",
}
"""The EDU-DEX subject of each practical fact that is a subject text of its own, under its label."""

PROFILE_FACTS = frozenset({"level"})
"""The practical facts that the student profile tells after the audience, as "label: value".
The one practical fact in no subject text, ``max_participants``, is ``maxNumberOfParticipants``."""


@dataclass(frozen=True)
class Line:
    """A paragraph: pieces of text and links, in order."""

    parts: tuple[Inline, ...]


Piece: TypeAlias = "Line | BulletList"
"""A paragraph, or a bulleted list of items."""


def program_descriptions(outline: Outline, key: str) -> dict[str, Any]:
    """``programDescriptions``: name, summary, description, search words, web page and subject texts.

    Localised texts carry one key, `key`; a subject text with nothing to say is left out.
    """
    section = outline.section("introduction")
    description = [Line((block.text,)) for block in _blocks(section) if isinstance(block, Paragraph)]
    summary = outline.meta.description
    descriptions: dict[str, Any] = {
        "programName": {key: outline.title},
        "programSummaryText": {key: summary},
        "programSummaryHtml": {key: fragment_html([Line((summary,))])},
        # "\n" between paragraphs: as long as the " " that readiness counts the limit with.
        "programDescriptionText": {key: fragment_text(description)},
        "programDescriptionHtml": {key: fragment_html(description)},
    }
    if outline.meta.keywords:
        descriptions["searchword"] = {key: list(outline.meta.keywords)}
    if outline.meta.url:
        descriptions["webLink"] = {key: outline.meta.url}
    descriptions["subjectText"] = [
        {
            "subject": subject,
            "header1": {key: header},
            "descriptionText": {key: fragment_text(pieces)},
            "descriptionHtml": {key: fragment_html(pieces)},
        }
        for subject, header, pieces in _merged(_subjects(outline))
        if pieces
    ]
    return descriptions


def _merged(subjects: Iterator[tuple[str, str, list[Piece]]]) -> list[tuple[str, str, list[Piece]]]:
    """One subject text per subject, where it first comes: a later part of it follows under its own
    heading (the certificate's conditions, then the assessment, are both "graduation")."""
    merged: dict[str, tuple[str, list[Piece]]] = {}
    for subject, header, pieces in subjects:
        if not pieces:
            continue
        if subject in merged:
            merged[subject][1].extend([Line((header,)), *pieces])
        else:
            merged[subject] = (header, list(pieces))
    return [(subject, header, pieces) for subject, (header, pieces) in merged.items()]


def biographies(outline: Outline) -> list[tuple[str, ...]]:
    """Each trainer's biography, in the course's order, from the ``trainers`` section.

    A trainer's paragraphs are in their subsection; an only trainer whose biography names them has
    none, and theirs stand in the section itself. The trainer's details are not their biography.
    """
    blocks = _blocks(outline.section("trainers"))
    parts = [block.blocks for block in blocks if isinstance(block, Subsection)] or [blocks]
    return [
        tuple(block.text for block in part if isinstance(block, Paragraph) and block.role == "text")
        for part in parts
    ]


def _subjects(outline: Outline) -> Iterator[tuple[str, str, list[Piece]]]:
    """(EDU-DEX subject, heading, pieces) for each subject text, in the outline's order.

    The first is the title block: the subtitle under the title, as the general ``description``
    subject, since EDU-DEX has no subtitle of its own (``programName`` is the title).
    """
    if outline.subtitle:
        yield "description", outline.title, [Line((outline.subtitle,))]
    for section in outline.sections:
        if section.id == "practical":
            yield from _fact_subjects(outline, section)
        elif section.id == "audience":
            goals = [block for block in section.blocks if _is_goals(block)]
            audience = [block for block in section.blocks if not _is_goals(block)]
            profile = tuple(row for row in _rows(outline.section("practical")) if row.key in PROFILE_FACTS)
            yield "student profile", section.title, _pieces([*audience, Facts(profile, "details")])
            yield "objectives", outline.labels.goals, _pieces(goals)
        elif section.id in SECTION_SUBJECTS:
            yield SECTION_SUBJECTS[section.id], section.title, _pieces(section.blocks)


def _fact_subjects(outline: Outline, section: Section) -> Iterator[tuple[str, str, list[Piece]]]:
    """A subject text per practical fact; several runs (a row each) are one course schedule, each
    run under its own label."""
    rows = [row for row in _rows(section) if row.key in FACT_SUBJECTS]
    for key in dict.fromkeys(row.key for row in rows):
        same = [row for row in rows if row.key == key]
        pieces: list[Piece]
        if len(same) == 1:
            pieces = [Line((value,)) for value in same[0].values]
            yield FACT_SUBJECTS[key], same[0].label, pieces
        else:  # several runs: the label table's word for all of them, then each run's label and lines
            header = outline.labels.editions if key == "editions" else same[0].label
            pieces = [Line((line,)) for row in same for line in (row.label, *row.values)]
            yield FACT_SUBJECTS[key], header, pieces


def _blocks(section: Section | None) -> tuple[Block, ...]:
    return section.blocks if section else ()


def _rows(section: Section | None) -> Iterator[Fact]:
    for block in _blocks(section):
        if isinstance(block, Facts):
            yield from block.rows


def _is_goals(block: Block) -> bool:
    return (isinstance(block, BulletList) and block.role == "goals") or (
        isinstance(block, Paragraph) and block.role == "goal"
    )


def _pieces(blocks: Sequence[Block]) -> list[Piece]:
    """`blocks` as paragraphs and lists: a subsection's title is a paragraph before its blocks."""
    pieces: list[Piece] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            pieces.append(Line((block.text,)))
        elif isinstance(block, BulletList):
            pieces.append(block)
        elif isinstance(block, Facts):
            pieces += [line for row in block.rows for line in _labelled(row, block.kind)]
        else:
            pieces += [Line((block.title,)), *_pieces(block.blocks)]
    return pieces


def _labelled(row: Fact, kind: str) -> list[Line]:
    """A paragraph per value, the label before the first: "Tel. 0495–450667", "Niveau: hbo"."""
    label = f"{row.label} " if kind == "contact" else f"{row.label}: "
    first, *rest = row.values or ("",)
    return [Line((label, first)), *(Line((value,)) for value in rest)]


def fragment_text(pieces: Sequence[Piece]) -> str:
    """Plain text: a line per paragraph (a link as its text), and ``- item`` per list item."""
    lines: list[str] = []
    for piece in pieces:
        if isinstance(piece, Line):
            lines.append("".join(part if isinstance(part, str) else part.text for part in piece.parts))
        else:
            lines += [f"- {item}" for item in piece.items]
    return "\n".join(lines)


def fragment_html(pieces: Sequence[Piece]) -> str:
    """HTML: ``<p>`` per paragraph, ``<a href>`` per link and ``<ul>`` per list, every text escaped.

    The one place that writes the document's markup. Element content needs only & < > escaped
    (leaving quotes as they are keeps texts short); an attribute value has its quotes escaped too.
    """

    def inline(part: Inline) -> str:
        if isinstance(part, str):
            return html.escape(part, quote=False)
        return f'<a href="{html.escape(part.uri, quote=True)}">{html.escape(part.text, quote=False)}</a>'

    return "\n".join(
        f"<p>{''.join(map(inline, piece.parts))}</p>"
        if isinstance(piece, Line)
        else f"<ul>{''.join(f'<li>{inline(item)}</li>' for item in piece.items)}</ul>"
        for piece in pieces
    )
