"""A third-party exporter, installed only in the tests: the course title in capitals."""

from typing import ClassVar


class ShoutExporter:
    name: ClassVar[str] = "shout"
    file_extension: ClassVar[str] = ".txt"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "The course title in capitals"

    def render(self, course):
        return course.title.upper().encode("utf-8") + b"\n"
