"""``epub``: the course as an EPUB 3 book, for participants' e-readers and phones."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = ["EpubExporter"]


class EpubExporter:
    """Renders the course as a reflowable EPUB 3 book.

    The book has a title page, a navigation document titled from the label table plus an NCX for
    older readers, one chapter per section of the brochure outline in its order (the practical
    information right after the introduction, when the course states such facts), real ``mailto:``, ``tel:`` and web links, a cover image drawn from the title,
    and EPUB Accessibility 1.1 metadata. Its identifier is derived from the slug, so a re-export
    replaces the book in a reader's library. The same course gives the same bytes; the modification
    date is the course's `updated` date, or ``SOURCE_DATE_EPOCH`` when set.
    """

    name: ClassVar[str] = "epub"
    file_extension: ClassVar[str] = ".epub"
    media_type: ClassVar[str] = "application/epub+zip"
    description: ClassVar[str] = "EPUB 3 book, for participants' e-readers and phones"

    def render(self, course: Course) -> bytes:
        """The course as the bytes of an .epub file."""
        from exporters._epub import render_epub
        from ncmw_course.outline import brochure_outline

        return render_epub(brochure_outline(course))

    def warm_up(self) -> None:
        """Import what `render` imports, before a build starts its workers (see ``WarmsUp``)."""
        for module in ("exporters._epub", "ncmw_course.outline"):
            importlib.import_module(module)
