"""``accreditation``, ``accreditation-pdf`` and ``accreditation-json``: the accreditation dossier.

What a coordinator uploads to a register (Registerplein through PE-online, SKJ, the other registers
in PE-online) and copies into its wizard, question by question: the Word document, the same as a
PDF (LibreOffice), and the answers as JSON, a key per question. The three formats are made from one
dossier (:mod:`ncmw_course.dossier`); the Word writer is the brochure's, in the house style (or a
template's). Each requires what the registers' wizards ask (``check --for accreditation``): a
course that lacks some of it is refused with the list, and ``build`` skips the dossier for it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, ClassVar

from exporters.docx import DocxExporter
from exporters.pdf import PdfExporter
from ncmw_course.readiness import Requirement, refusal

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ncmw_course.errors import NcmwCourseError
    from ncmw_course.model import Course
    from ncmw_course.readiness import RequirementLevel

__all__ = ["AccreditationExporter", "AccreditationJsonExporter", "AccreditationPdfExporter"]


def accreditation_requirements(course: Course) -> list[Requirement]:
    """What the registers' wizards ask: the core checklist of ``check --for accreditation``."""
    from ncmw_course.readiness import CHECKLISTS

    return CHECKLISTS["accreditation"](course)


class _Dossier:
    """What the dossier's formats share: they require what the registers' wizards ask."""

    name: ClassVar[str]
    requirement_level: ClassVar[RequirementLevel] = "required"

    def requirements(self, course: Course) -> list[Requirement]:
        """What the registers' wizards ask (see :func:`accreditation_requirements`)."""
        return accreditation_requirements(course)

    def refuse_unready(self, course: Course) -> None:
        """Refuse `course` when it lacks what the wizards ask.

        Raises:
            NotReadyError: the list of what to add, under this format's name.
        """
        error = refusal(self.name, self.requirements(course))
        if error is not None:
            raise error


class AccreditationExporter(_Dossier, DocxExporter):
    """The accreditation dossier as a Word document (A4, the house style or a template's).

    Sections in the order of the wizards: the course, target group and entry level, learning goals,
    the programme per day with the times of each session and the net hours, teaching methods,
    trainers with their training and qualifications, assessment, evaluation, certificate
    conditions, literature, costs, and the runs with their dates and places. Word bookmarks carry
    the section ids (``course``, ``programme``, ``day-1`` …). The same course gives the same bytes.
    """

    name: ClassVar[str] = "accreditation"
    file_extension: ClassVar[str] = ".accreditation.docx"
    description: ClassVar[str] = "Accreditation dossier (Word), in the order of the registers' wizards"

    def render(self, course: Course) -> bytes:
        """The dossier as the bytes of a .docx file.

        Raises:
            NotReadyError: The course lacks what the wizards ask; the error lists what to add.
        """
        from exporters._docx import render_docx
        from ncmw_course.dossier import dossier_outline

        self.refuse_unready(course)
        return render_docx(dossier_outline(course), self.loaded_template())


class AccreditationPdfExporter(_Dossier, PdfExporter):
    """The accreditation dossier as a tagged A4 PDF, converted by LibreOffice like the brochure's PDF."""

    name: ClassVar[str] = "accreditation-pdf"
    file_extension: ClassVar[str] = ".accreditation.pdf"
    description: ClassVar[str] = "Accreditation dossier as a tagged A4 PDF (needs LibreOffice), to upload"
    word: ClassVar[type[DocxExporter]] = AccreditationExporter

    def render(self, course: Course) -> bytes:
        """The dossier as the bytes of a PDF file; a course that is not ready is refused first."""
        self.refuse_unready(course)
        return super().render(course)

    def render_many(
        self, courses: Sequence[Course], done: Callable[[int], None]
    ) -> list[bytes | NcmwCourseError]:
        """The dossiers of several courses, in one LibreOffice run (see :class:`PdfExporter`); a course
        that is not ready gets its refusal, under this format's name."""
        refusals = [refusal(self.name, self.requirements(course)) for course in courses]
        ready = [course for course, refused in zip(courses, refusals, strict=True) if refused is None]
        done(len(courses) - len(ready))
        made = iter(super().render_many(ready, done) if ready else [])
        return [next(made) if refused is None else refused for refused in refusals]


class AccreditationJsonExporter(_Dossier):
    """The dossier's answers as JSON (``accreditation.json``), a key per question, for copying into a
    web form or for another tool (see :func:`ncmw_course.dossier.dossier_answers`).

    UTF-8 without ``\\u`` escapes, indented by two spaces, with a final newline; the same course
    gives the same bytes.
    """

    name: ClassVar[str] = "accreditation-json"
    file_extension: ClassVar[str] = ".accreditation.json"
    media_type: ClassVar[str] = "application/json"
    description: ClassVar[str] = "The accreditation dossier's answers as JSON, a key per question"

    def render(self, course: Course) -> bytes:
        """The answers as JSON bytes.

        Raises:
            NotReadyError: The course lacks what the wizards ask; the error lists what to add.
        """
        from ncmw_course.dossier import dossier_answers

        self.refuse_unready(course)
        return (json.dumps(dossier_answers(course), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
