"""The accreditation dossier: what a coordinator uploads to a register and copies into its wizard.

:func:`dossier_outline` arranges the blocks of the brochure outline
(:func:`~ncmw_course.outline.brochure_outline`) in the order the registers' wizards ask (PE-online's
Accreditatie Wizard, SKJ's portal): the course, target group and entry level, learning goals, the
programme per day with the times of each session and the net hours, teaching methods, trainers with
their training and qualifications, assessment, evaluation, certificate conditions, literature,
costs, and the runs with their dates and places. It is an :class:`~ncmw_course.outline.Outline` of
the same block types, so the Word writer that makes the brochure writes the dossier too. What the
brochure does not say (the net hours per day, the contact person for the registers, every trainer
detail) comes from the fact helpers the brochure uses. A question the course does not answer says
so; nothing is filled in.

:func:`dossier_answers` gives the same answers as JSON, one key per question
(``accreditation.json``)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ncmw_course._dossier_answers import ANSWERS_FORMAT, dossier_answers
from ncmw_course._dossier_labels import dossier_labels
from ncmw_course._facts import trainer_rows
from ncmw_course.outline import (
    BulletList,
    Fact,
    Facts,
    Inline,
    Link,
    Paragraph,
    Section,
    Subsection,
    brochure_outline,
    mailto_uri,
)

if TYPE_CHECKING:
    from ncmw_course._dossier_labels import DossierLabels
    from ncmw_course.labels import Labels
    from ncmw_course.model import Course
    from ncmw_course.outline import Block, Outline

__all__ = ["ANSWERS_FORMAT", "SECTION_IDS", "dossier_answers", "dossier_outline"]

SECTION_IDS = (
    "course", "audience", "goals", "programme", "method", "trainers", "assessment", "evaluation",
    "certificate", "literature", "costs", "runs",
)  # fmt: skip
"""The dossier's sections, in the wizards' order; each is there for every course."""


@dataclasses.dataclass(frozen=True)
class _Parts:
    """What the dossier is made from: the course, its brochure outline, and the words of both."""

    course: Course
    brochure: Outline
    labels: Labels
    words: DossierLabels

    def blocks(self, section_id: str) -> tuple[Block, ...]:
        section = self.brochure.section(section_id)
        return section.blocks if section else ()

    def facts(self, key: str, section_id: str = "practical") -> list[Fact]:
        """The brochure's facts under `key` (several runs are a row each)."""
        facts = [block for block in self.blocks(section_id) if isinstance(block, Facts)]
        return [row for block in facts for row in block.rows if row.key == key]

    def lines(self, key: str) -> tuple[str, ...]:
        return tuple(str(value) for row in self.facts(key) for value in row.values)

    def or_not_stated(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        return blocks or (Paragraph(self.words.not_stated),)

    def answer(self, key: str) -> tuple[Block, ...]:
        """The lines of the brochure's practical fact `key`, a paragraph each, or that it is not stated."""
        return self.or_not_stated(_paragraphs(self.lines(key)))


def dossier_outline(course: Course) -> Outline:
    """The accreditation dossier of `course`: the brochure's blocks in the wizards' order."""
    brochure = brochure_outline(course)
    parts = _Parts(course, brochure, brochure.labels, dossier_labels(brochure.labels))
    labels, words = parts.labels, parts.words
    sections = (
        Section("course", words.course, _course(parts)),
        Section("audience", words.audience, _audience(parts)),
        Section("goals", words.goals, _goals(parts)),
        Section("programme", labels.programme, _programme(parts)),
        Section("method", words.method, parts.blocks("method")),
        Section("trainers", labels.trainers, _trainers(parts)),
        Section("assessment", labels.assessment, parts.or_not_stated(parts.blocks("assessment"))),
        Section("evaluation", labels.evaluation, parts.answer("evaluation")),
        Section("certificate", words.certificate, parts.answer("certificate")),
        Section("literature", labels.literature, parts.or_not_stated(parts.blocks("literature"))),
        Section("costs", words.costs, parts.answer("price")),
        Section("runs", words.runs, _runs(parts)),
    )
    return dataclasses.replace(brochure, subtitle=words.document, summary=None, sections=sections)


def _paragraphs(texts: tuple[str, ...]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(text) for text in texts)


def _goals(parts: _Parts) -> tuple[Block, ...]:
    return tuple(block for block in parts.blocks("audience") if _is_goals(block))


def _is_goals(block: Block) -> bool:
    return (isinstance(block, BulletList) and block.role == "goals") or (
        isinstance(block, Paragraph) and block.role == "goal"
    )


def _course(parts: _Parts) -> tuple[Block, ...]:
    """Title, short description, provider, kind of course, the contact for the registers, the
    accreditations, the course page; then the description under a heading of its own."""
    course, labels, words = parts.course, parts.labels, parts.words
    modes = dict.fromkeys(labels.modes[edition.mode] for edition in course.editions if edition.mode)
    rows = [
        Fact(key, label, values)
        for key, label, values in (
            ("title", words.title, (course.title,)),
            ("subtitle", words.subtitle, (course.subtitle,) if course.subtitle else ()),
            ("summary", words.summary, (course.listing_summary,)),
            ("provider", labels.provider, (course.provider.name,)),
            ("kind", words.kind, tuple(modes)),
            ("register_contact", words.register_contact, _contact(course)),
            ("accreditations", labels.accreditation, parts.lines("accreditations")),
            ("course_page", labels.course_page, _course_page(parts)),
        )
        if values
    ]
    description = Subsection("description", words.description, parts.blocks("introduction"))
    return (Facts(tuple(rows), "details"), description)


def _course_page(parts: _Parts) -> tuple[Inline, ...]:
    """The link to the course's page, as the brochure's contact block gives it."""
    return next((row.values for row in parts.facts("course_page", "contact")), ())


def _contact(course: Course) -> tuple[Inline, ...]:
    """The contact person for the registers (else the course's contact): name, e-mail, phone, linked."""
    contact = course.accreditation_contact or course.contact
    found: list[Inline] = [contact.name] if contact.name else []
    if contact.email:
        found.append(Link(str(contact.email), mailto_uri(contact.email)))
    if contact.phone:
        found.append(Link(contact.phone.display, contact.phone.tel_uri))
    return tuple(found)


def _audience(parts: _Parts) -> tuple[Block, ...]:
    audience = tuple(block for block in parts.blocks("audience") if not _is_goals(block))
    level = parts.lines("level")
    entry = (
        Facts((Fact("level", parts.words.entry_level, level),), "details")
        if level
        else Paragraph(f"{parts.words.entry_level}: {parts.words.not_stated}")
    )
    return (*audience, entry)


def _programme(parts: _Parts) -> tuple[Block, ...]:
    """The hours first (net, of which testing, self-study, study load), then the brochure's programme,
    each day ending with its net contact time."""
    from ncmw_course.hours import contact_hours, day_net_hours, hours_of_tests, self_study_hours

    course, labels, words = parts.course, parts.labels, parts.words
    hours = [
        ("net_hours", words.net_hours, contact_hours(course)),
        ("test_hours", words.test_hours, hours_of_tests(course)),
        ("self_study", words.self_study, self_study_hours(course)),
        ("study_load", labels.study_load, course.hours.study_load if course.hours else None),
    ]
    rows = tuple(Fact(key, label, (labels.format_hours(value),)) for key, label, value in hours if value)
    days = iter(course.days)
    blocks: list[Block] = [Facts(rows, "details")] if rows else []
    for block in parts.blocks("programme"):
        if isinstance(block, Subsection):
            net = day_net_hours(next(days))
            line = (
                words.day_net_unknown
                if net is None
                else words.day_net_hours.format(hours=labels.format_hours(net))
            )
            block = dataclasses.replace(block, blocks=(*block.blocks, Paragraph(line)))
        blocks.append(block)
    return tuple(blocks)


def _trainers(parts: _Parts) -> tuple[Block, ...]:
    """Each trainer under their name: every structured fact (training and qualifications above all),
    then their biography."""
    subsections = []
    for number, trainer in enumerate(parts.course.trainers, start=1):
        rows = tuple(Fact(*row) for row in trainer_rows(trainer, parts.labels))
        facts: tuple[Block, ...] = (Facts(rows, "details"),) if rows else ()
        subsections.append(
            Subsection(f"trainer-{number}", trainer.name, (*facts, *_paragraphs(trainer.biography)))
        )
    return tuple(subsections)


def _runs(parts: _Parts) -> tuple[Block, ...]:
    rows = [*parts.facts("editions"), *parts.facts("max_participants")]
    return (Facts(tuple(rows), "details"),) if rows else parts.or_not_stated(())
