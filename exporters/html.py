"""``html``: one self-contained, accessible web page per course, for catalogue sites and e-mail."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = ["HtmlExporter"]


class HtmlExporter:
    """Writes the course as one HTML5 page with its stylesheet inline and no external resources.

    The page follows the brochure outline, as the EPUB does: a header with the title, then the
    description, practical facts, audience and goals, programme (a section per day), method,
    trainers and contact, each a ``<section>`` with the outline's id (``practical``, ``day-1``), with
    one ``h1`` and ``h2``/``h3`` below it, ``mailto:``, ``tel:`` (E.164) and web links, and the course's
    language on ``<html lang>``. The ``jsonld`` format's output is embedded as it is in a
    ``<script type="application/ld+json">``. The layout works from phone to desktop, prints on A4,
    and meets WCAG 2.1 AA (checked with axe-core in Chromium). The same course gives the same bytes.
    """

    name: ClassVar[str] = "html"
    file_extension: ClassVar[str] = ".html"
    media_type: ClassVar[str] = "text/html"
    description: ClassVar[str] = (
        "Self-contained web page (HTML5, schema.org JSON-LD inside), for catalogue sites"
    )

    def render(self, course: Course) -> bytes:
        """The page as UTF-8 HTML."""
        from exporters._html import course_page
        from exporters._jsonld import course_jsonld, dump_jsonld
        from ncmw_course.outline import brochure_outline

        return course_page(brochure_outline(course), dump_jsonld(course_jsonld(course)))

    def warm_up(self) -> None:
        """Import what `render` imports, before a build starts its workers (see ``WarmsUp``)."""
        for module in ("exporters._html", "exporters._jsonld", "ncmw_course.outline"):
            importlib.import_module(module)
