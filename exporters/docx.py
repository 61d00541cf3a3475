"""``docx``: the Word brochure, for print and e-mail."""

from __future__ import annotations

import contextlib
import importlib
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ncmw_course.errors import ExportError
from ncmw_course.exporting import ExporterOption

if TYPE_CHECKING:
    from exporters._docx_style import BrochureTemplate
    from ncmw_course.model import Course

__all__ = ["TEMPLATE_OPTION", "DocxExporter"]

TEMPLATE_OPTION = ExporterOption(
    "template",
    "A Word file whose styles, page setup, header and footer to use",
    kind="path",
    flag="--template",
    metavar="FILE",
)
"""The ``template`` option of the formats made from the Word brochure (docx, pdf)."""


class DocxExporter:
    """Renders the course as an A4 Word brochure in NCMW's house style.

    The document has real headings, lists, hyperlinks (``mailto:``, ``tel:``, ``https:``), a
    bookmark named by the id of each section and subsection of the brochure's outline, a footer
    with the contact details and "pagina X van Y", Dutch (or the course's) spell-checking language,
    and core properties taken from the course. The same course gives the same bytes.

    Args:
        template: A Word file whose styles, page setup, header and footer are used instead of the
            house style, as pandoc's ``--reference-doc``. It must define the paragraph styles
            Normal, Title, Subtitle, Heading 1, Heading 2, List Bullet and Footer. It is untrusted:
            read and checked once, on the first render, and rebuilt from an allow-list of its parts
            (no macros, links, external relationships, or fields but PAGE and NUMPAGES; see
            :mod:`exporters._template`). Each brochure is written into a copy of it.
    """

    name: ClassVar[str] = "docx"
    file_extension: ClassVar[str] = ".docx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    description: ClassVar[str] = "Word brochure (A4), for print and e-mail"
    options: ClassVar[tuple[ExporterOption, ...]] = (TEMPLATE_OPTION,)

    def __init__(self, template: str | Path | None = None) -> None:
        self.template = Path(template) if template is not None else None
        self._loaded: BrochureTemplate | ExportError | None = None

    def render(self, course: Course) -> bytes:
        """The brochure as the bytes of a .docx file."""
        from exporters._docx import render_docx
        from ncmw_course.outline import brochure_outline

        return render_docx(brochure_outline(course), self.loaded_template())

    def warm_up(self) -> None:
        """Import what `render` imports and read the template, before a build starts its workers
        (see ``WarmsUp``); a template that cannot be used says so when a brochure is rendered."""
        importlib.import_module("exporters._docx")
        with contextlib.suppress(ExportError):
            self.loaded_template()

    def loaded_template(self) -> BrochureTemplate:
        """The template, read and checked on the first call; a template that failed, failed once.

        Raises:
            ExportError: The template cannot be used; the same error on every call.
        """
        if self._loaded is None:
            from exporters._docx_style import load_template

            try:
                self._loaded = load_template(self.template)
            except ExportError as error:
                self._loaded = error
        if isinstance(self._loaded, ExportError):
            raise self._loaded.with_traceback(None)  # not the tracebacks of every render before
        return self._loaded
