"""``jsonld``: the course as schema.org JSON-LD, for web pages, search engines and catalogue sites."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from exporters._jsonld import SCHEMA_ORG, course_jsonld, dump_jsonld

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = ["SCHEMA_ORG", "JsonldExporter", "course_jsonld", "dump_jsonld"]


class JsonldExporter:
    """Writes the course as one schema.org ``Course`` in JSON-LD (schema.org release 30.0).

    The course's provider, audience, goals, days, hours, accreditation points, certificate, price
    and dated runs (with mode, place and trainers) are mapped when the course states them; nothing
    else is added. The output is UTF-8 JSON with a two-space indent and a final newline, in a fixed
    key order, so the same course gives the same bytes. ``<``, ``>`` and ``&`` are written as
    ``\\u`` escapes, so the output can be pasted into ``<script type="application/ld+json">`` as it
    is: course text such as ``</script>`` cannot end the element.
    """

    name: ClassVar[str] = "jsonld"
    file_extension: ClassVar[str] = ".jsonld"
    media_type: ClassVar[str] = "application/ld+json"
    description: ClassVar[str] = "schema.org Course as JSON-LD, for web pages and search engines"

    def render(self, course: Course) -> bytes:
        """Serialise `course` as a schema.org ``Course`` document."""
        return dump_jsonld(course_jsonld(course))
