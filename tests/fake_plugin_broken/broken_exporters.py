"""Exporters that break the contract, for the registry's error messages."""

from typing import ClassVar


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


class NotABatch:
    name: ClassVar[str] = "not-a-batch"
    file_extension: ClassVar[str] = ".txt"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "Says it renders many, with something that is not a method"
    render_many = "yes"

    def render(self, course):
        return b""
