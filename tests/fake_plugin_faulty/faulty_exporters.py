"""Valid exporters with a bug: each raises an exception of its own when it is used."""

from typing import ClassVar


class CrashingExporter:
    name: ClassVar[str] = "crashing"
    file_extension: ClassVar[str] = ".txt"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "Fails on every course"

    def render(self, course):
        return {"title": course.title}["titel"]  # a typo: KeyError


class CrashingCatalogueExporter:
    name: ClassVar[str] = "crashing-catalogue"
    file_extension: ClassVar[str] = ".txt"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "Fails on every catalogue"
    scope: ClassVar[str] = "catalogue"

    def render_catalogue(self, courses):
        return b"".join(course.title for course in courses)  # TypeError: str, not bytes-like


class CrashingNeedsExporter:
    name: ClassVar[str] = "crashing-needs"
    file_extension: ClassVar[str] = ".needs"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "Fails when asked what it needs"
    requirement_level: ClassVar[str] = "required"

    def requirements(self, course):
        return [course.price.amount]  # AttributeError for a course without a price

    def render(self, course):
        return b"never"
