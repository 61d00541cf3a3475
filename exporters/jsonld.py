"""``jsonld``: the course as schema.org JSON-LD, for web pages, search engines and catalogue sites."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from exporters._jsonld import SCHEMA_ORG, course_jsonld, dump_jsonld
from ncmw_course.readiness import Requirement

if TYPE_CHECKING:
    from ncmw_course.model import Course
    from ncmw_course.readiness import RequirementLevel

__all__ = ["SCHEMA_ORG", "JsonldExporter", "course_jsonld", "dump_jsonld", "jsonld_requirements"]


class JsonldExporter:
    """Writes the course as one schema.org ``Course`` in JSON-LD (schema.org release 30.0).

    The course's provider, audience, goals, days, hours, accreditation points, certificate, price
    and dated runs (with mode, place and trainers) are mapped when the course states them; nothing
    else is added. The output is UTF-8 JSON with a two-space indent and a final newline, in a fixed
    key order, so the same course gives the same bytes. ``<``, ``>`` and ``&`` are written as
    ``\\u`` escapes, so the output can be pasted into ``<script type="application/ld+json">`` as it
    is: course text such as ``</script>`` cannot end the element.

    Its :meth:`requirements` are what search engines want for a course in their results; they are
    ``recommended``: a course without them is rendered all the same, and
    ``ncmw-course check --for jsonld`` lists what is missing.
    """

    name: ClassVar[str] = "jsonld"
    file_extension: ClassVar[str] = ".jsonld"
    media_type: ClassVar[str] = "application/ld+json"
    description: ClassVar[str] = "schema.org Course as JSON-LD, for web pages and search engines"
    requirement_level: ClassVar[RequirementLevel] = "recommended"

    def requirements(self, course: Course) -> list[Requirement]:
        """What search engines want that `course` states (see :func:`jsonld_requirements`)."""
        return jsonld_requirements(course)

    def render(self, course: Course) -> bytes:
        """Serialise `course` as a schema.org ``Course`` document."""
        return dump_jsonld(course_jsonld(course))


def jsonld_requirements(course: Course) -> list[Requirement]:
    """Google's former required set for a Course in search results."""
    from ncmw_course.hours import study_hours

    return [
        Requirement("title", "the course name", bool(course.title)),
        Requirement("description", "a description", bool(course.description)),
        Requirement("provider", "the provider", bool(course.provider.name)),
        Requirement("price", "the price, for offers", course.price is not None),
        Requirement("editions", "at least one dated run, for hasCourseInstance", bool(course.editions)),
        Requirement(
            "editions[].mode",
            "how each run is given (onsite, online or blended), for courseMode",
            bool(course.editions) and all(edition.mode for edition in course.editions),
        ),
        Requirement(
            "hours",
            "the contact hours or study load, for each run's courseWorkload",
            bool(study_hours(course)),
        ),
    ]
