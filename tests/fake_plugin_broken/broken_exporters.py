"""Exporters that break the contract, for the registry's error messages."""

from typing import ClassVar

from ncmw_course.exporting import ExporterOption


class Misnamed:
    name: ClassVar[str] = "something-else"
    file_extension: ClassVar[str] = "txt"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "Registered under another name"

    def render(self, course):
        return b""


class NotBytes:
    name: ClassVar[str] = "not-bytes"
    file_extension: ClassVar[str] = ".txt"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "Returns text instead of bytes"

    def render(self, course):
        return course.title


class NotABatch(NotBytes):
    name: ClassVar[str] = "not-a-batch"
    description: ClassVar[str] = "Says it renders many, with something that is not a method"
    render_many = "yes"


class UnsureNeeds(NotBytes):
    name: ClassVar[str] = "unsure-needs"
    description: ClassVar[str] = "Declares requirements at a level that does not exist"
    requirement_level: ClassVar[str] = "maybe"

    def requirements(self, course):
        return []


class BadFlag(NotBytes):
    name: ClassVar[str] = "bad-flag"
    description: ClassVar[str] = "Declares a flag that is no long flag"
    options: ClassVar[tuple[ExporterOption, ...]] = (ExporterOption("style", "A style", flag="-s"),)


class OtherTemplate(NotBytes):
    """A valid exporter whose --template means another option than docx's."""

    name: ClassVar[str] = "other-template"
    description: ClassVar[str] = "Takes --template for its style"
    options: ClassVar[tuple[ExporterOption, ...]] = (ExporterOption("style", "A style", flag="--template"),)

    def __init__(self, style=None) -> None:
        self.style = style
