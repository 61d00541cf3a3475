"""``pdf``: the Word brochure as a tagged PDF, for e-mail and print."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from exporters.docx import DocxExporter
from ncmw_course.errors import NcmwCourseError
from ncmw_course.exporting import ExporterOption

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ncmw_course.model import Course

__all__ = ["PdfExporter"]


class PdfExporter:
    """Renders the Word brochure (the ``docx`` format) to an A4 tagged PDF with LibreOffice headless.

    The PDF is tagged (PDF/UA-1 identification, structure tree, reading order), has selectable
    text, bookmarks for the headings, and carries the title, author, subject, keywords and language
    of the brochure's document properties. It is dated by the course's ``updated`` date (or
    ``SOURCE_DATE_EPOCH``) and written by qpdf in a canonical object order with a content-derived
    ``/ID``, so the same course and LibreOffice version give the same bytes. Needs LibreOffice
    (Debian: ``libreoffice-writer-nogui``); without it, rendering raises an ``ExportError`` that
    says so.

    Args:
        template: A Word template for the brochure, as for the ``docx`` format.
    """

    name: ClassVar[str] = "pdf"
    file_extension: ClassVar[str] = ".pdf"
    media_type: ClassVar[str] = "application/pdf"
    description: ClassVar[str] = (
        "The Word brochure as a tagged A4 PDF (needs LibreOffice), for e-mail and print"
    )
    options: ClassVar[tuple[ExporterOption, ...]] = DocxExporter.options
    word: ClassVar[type[DocxExporter]] = DocxExporter
    """The Word document that is converted: the brochure (a subclass converts another, such as the
    accreditation dossier)."""

    def __init__(self, template: str | Path | None = None) -> None:
        self.brochure = self.word(template)
        """The Word document that is converted, with the template read once for every PDF."""

    def render(self, course: Course) -> bytes:
        """The brochure as the bytes of a PDF file."""
        from exporters._pdf import convert_docx, find_soffice, with_keywords
        from exporters._reproducible import document_datetime

        find_soffice(self.name)  # before the brochure is made: a missing converter is the first thing to say
        pdf = convert_docx(self.brochure.render(course), document_datetime(course.updated))
        return with_keywords(pdf, course.keywords)

    def warm_up(self) -> None:
        """Prepare the Word brochure and import what converts it, before a build starts its workers
        (see ``WarmsUp``)."""
        self.brochure.warm_up()
        for module in ("exporters._pdf", "exporters._reproducible", "pikepdf"):
            importlib.import_module(module)

    def environment(self) -> dict[str, str]:
        """The LibreOffice that converts: a build keeps a PDF it made before only while it is the same
        (see ``DependsOnEnvironment``)."""
        from exporters._pdf import libreoffice_identity

        return {"libreoffice": libreoffice_identity()}

    def render_many(
        self, courses: Sequence[Course], done: Callable[[int], None]
    ) -> list[bytes | NcmwCourseError]:
        """The brochures of several courses as PDFs, converted by one LibreOffice run.

        Returns each course's PDF, or the error that stopped it; the others are still made. Calls
        `done` as brochures are converted.
        """
        from exporters._pdf import convert_many, find_soffice
        from exporters._reproducible import document_datetime

        find_soffice(self.name)
        results: list[bytes | NcmwCourseError | None] = []
        documents = []
        for course in courses:
            try:
                documents.append((self.brochure.render(course), document_datetime(course.updated)))
                results.append(None)
            except NcmwCourseError as error:
                results.append(error)
                done(1)
        converted = iter(convert_many(documents, done) if documents else [])
        return [
            _keywords_of(next(converted), course) if result is None else result
            for course, result in zip(courses, results, strict=True)
        ]


def _keywords_of(pdf: bytes | NcmwCourseError, course: Course) -> bytes | NcmwCourseError:
    """A converted PDF with the course's keywords, each whole (LibreOffice splits them at spaces)."""
    from exporters._pdf import with_keywords

    return pdf if isinstance(pdf, NcmwCourseError) else with_keywords(pdf, course.keywords)
