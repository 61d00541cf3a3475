"""A third-party catalogue format written before build contexts: render_catalogue(courses) only."""

from typing import ClassVar


class TitlesExporter:
    name: ClassVar[str] = "titles"
    file_extension: ClassVar[str] = ".txt"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "The titles of all courses, one a line"
    scope: ClassVar[str] = "catalogue"

    def render_catalogue(self, courses):
        return "".join(f"{course.title}\n" for course in courses).encode("utf-8")
