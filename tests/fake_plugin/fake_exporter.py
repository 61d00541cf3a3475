"""A third-party exporter, installed only in the tests: the course title in capitals."""

from typing import ClassVar

from ncmw_course.exporting import ExporterOption


class ShoutExporter:
    name: ClassVar[str] = "shout"
    file_extension: ClassVar[str] = ".txt"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "The course title in capitals"
    options: ClassVar[tuple[ExporterOption, ...]] = (ExporterOption("suffix", "Text to put after the title"),)

    def __init__(self, suffix="") -> None:
        self.suffix = suffix

    def render(self, course):
        return (course.title.upper() + self.suffix).encode("utf-8") + b"\n"


class NeedyExporter:
    """Needs a price, which the bundled course does not state."""

    name: ClassVar[str] = "needy"
    file_extension: ClassVar[str] = ".needy"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "The price, which not every course states"

    def render(self, course):
        from ncmw_course.errors import NotReadyError

        if course.price is None:
            raise NotReadyError("needy", ["price: the cost"])
        return str(course.price.amount).encode()
