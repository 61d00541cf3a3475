"""``edudex``: the EDU-DEX program document, for Dutch course portals and registers."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = ["EdudexExporter"]


class EdudexExporter:
    """Writes the course as an EDU-DEX program: the Data API's ``program_in`` document.

    EDU-DEX feeds Springest, LeerRijk, Bloomville, RIO and HR learning platforms. It requires codes
    and facts that a brochure does not state (the provider's IDs, level, form, degree, admission,
    a located run). A course that lacks one is not rendered: :class:`~ncmw_course.NotReadyError`
    lists what to add, as ``ncmw-course check --for edudex`` does. Nothing is guessed, and no text
    is cut to fit EDU-DEX's limits.

    The output is UTF-8 JSON without ``\\u`` escapes, indented by two spaces, with a final newline,
    dated by the course's ``updated`` date or ``SOURCE_DATE_EPOCH``.
    """

    name: ClassVar[str] = "edudex"
    file_extension: ClassVar[str] = ".edudex.json"
    media_type: ClassVar[str] = "application/json"
    description: ClassVar[str] = "EDU-DEX program JSON, for Dutch course portals and registers"

    def render(self, course: Course) -> bytes:
        """Serialise `course` as an EDU-DEX program document.

        Raises:
            NotReadyError: The course lacks what EDU-DEX requires; the error lists what to add.
        """
        from exporters._edudex import program_document
        from ncmw_course.errors import NotReadyError
        from ncmw_course.readiness import check_readiness

        readiness = check_readiness(course, "edudex")
        missing = [f"{requirement.field}: {requirement.description}" for requirement in readiness.missing]
        if missing:
            raise NotReadyError(self.name, missing)
        document = program_document(course)
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
