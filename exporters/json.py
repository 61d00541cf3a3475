"""``json``: the canonical course JSON, for catalogue sites and other NCMW tools."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = ["JsonExporter"]


class JsonExporter:
    """Writes the course as validated, in the published course format.

    The output is UTF-8 without ``\\u`` escapes, indented by two spaces, in the model's field order,
    with a final newline. Every field is present; what the course does not state is ``null`` or
    ``[]``. It starts with ``"$schema"`` (the schema's ``$id``) and carries ``format_version``.
    Reading it back with :func:`ncmw_course.load_course` gives an equal course.
    """

    name: ClassVar[str] = "json"
    file_extension: ClassVar[str] = ".json"
    media_type: ClassVar[str] = "application/json"
    description: ClassVar[str] = "Canonical course JSON, for catalogue sites and other NCMW tools"

    def render(self, course: Course) -> bytes:
        """Serialise `course` as canonical course JSON."""
        from ncmw_course.model import SCHEMA_ID

        document = {"$schema": SCHEMA_ID, **course.model_dump(mode="json")}
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
