"""``catalogue-html``: an index page of every course of a build, linking to their ``html`` pages."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = ["CatalogueHtmlExporter"]


class CatalogueHtmlExporter:
    """Writes ``catalogue.html``: a list of the courses, in build order, each linking to ``<slug>.html``.

    Each entry shows the title (the link), the subtitle and the listing summary. The
    ``catalogue-jsonld`` format's ``ItemList`` is embedded as it is in a
    ``<script type="application/ld+json">``. Same stylesheet and accessibility as ``html``.
    """

    name: ClassVar[str] = "catalogue-html"
    file_extension: ClassVar[str] = ".html"
    media_type: ClassVar[str] = "text/html"
    description: ClassVar[str] = (
        "An index page of all courses of a build, linking to their pages (catalogue.html)"
    )
    scope: ClassVar[str] = "catalogue"

    def render_catalogue(self, courses: Sequence[Course]) -> bytes:
        """The index page as UTF-8 HTML."""
        from exporters._html import catalogue_page
        from exporters.catalogue_jsonld import CatalogueJsonldExporter
        from ncmw_course.outline import brochure_outline

        outlines = [brochure_outline(course) for course in courses]
        return catalogue_page(outlines, CatalogueJsonldExporter().render_catalogue(courses))

    def warm_up(self) -> None:
        """Import what `render_catalogue` imports, before a build starts its workers (see ``WarmsUp``)."""
        for module in ("exporters._html", "exporters._jsonld", "ncmw_course.outline"):
            importlib.import_module(module)
