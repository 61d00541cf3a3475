"""``catalogue-jsonld``: every course of a build as a schema.org ``ItemList`` of Courses."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = ["CatalogueJsonldExporter"]


class CatalogueJsonldExporter:
    """Writes ``catalogue.jsonld``: an ``ItemList`` with one ``ListItem`` per course, in build order.

    Each item is the course's full ``Course`` node, as the ``jsonld`` format writes it, so a course
    catalogue page can carry them all in one ``<script type="application/ld+json">`` (Google's
    course list needs at least three courses on such a page). Safe inside ``<script>`` like
    ``jsonld``.
    """

    name: ClassVar[str] = "catalogue-jsonld"
    file_extension: ClassVar[str] = ".jsonld"
    media_type: ClassVar[str] = "application/ld+json"
    description: ClassVar[str] = "All courses of a build as a schema.org ItemList (catalogue.jsonld)"
    scope: ClassVar[str] = "catalogue"

    def render_catalogue(self, courses: Sequence[Course]) -> bytes:
        """Serialise `courses` as a schema.org ``ItemList`` of ``Course`` nodes."""
        from exporters._jsonld import SCHEMA_ORG, course_jsonld, dump_jsonld

        items = [
            {"@type": "ListItem", "position": position, "item": course_jsonld(course, context=False)}
            for position, course in enumerate(courses, start=1)
        ]
        document = {
            "@context": SCHEMA_ORG,
            "@type": "ItemList",
            "numberOfItems": len(items),
            "itemListElement": items,
        }
        return dump_jsonld(document)

    def warm_up(self) -> None:
        """Import what `render_catalogue` imports, before a build starts its workers (see ``WarmsUp``)."""
        for module in ("exporters._jsonld",):
            importlib.import_module(module)
