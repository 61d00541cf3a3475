"""A third-party exporter, installed only in the tests: the course title in capitals."""

from typing import ClassVar

from ncmw_course.exporting import ExporterOption


class ShoutExporter:
    name: ClassVar[str] = "shout"
    file_extension: ClassVar[str] = ".txt"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "The course title in capitals"
    options: ClassVar[tuple[ExporterOption, ...]] = (
        ExporterOption("suffix", "Text to put after the title"),
        ExporterOption("prefix", "Text to put before the title", flag="--prefix", metavar="TEXT"),
    )

    def __init__(self, suffix="", prefix="") -> None:
        self.suffix = suffix
        self.prefix = prefix

    def render(self, course):
        return (self.prefix + course.title.upper() + self.suffix).encode("utf-8") + b"\n"


class NeedyExporter:
    """Needs a price, which the bundled course does not state, and declares it."""

    name: ClassVar[str] = "needy"
    file_extension: ClassVar[str] = ".needy"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "The price, which not every course states"
    requirement_level: ClassVar[str] = "required"

    def requirements(self, course):
        from ncmw_course.readiness import Requirement

        return [Requirement("price", "the cost", course.price is not None)]

    def render(self, course):
        from ncmw_course.readiness import refusal

        error = refusal(self.name, self.requirements(course))
        if error is not None:
            raise error
        return str(course.price.amount).encode()


class PickyExporter:
    """Refuses a course without a price, but declares no requirements (as plugins did before they could)."""

    name: ClassVar[str] = "picky"
    file_extension: ClassVar[str] = ".picky"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "The price, or a refusal"

    def render(self, course):
        from ncmw_course.errors import NotReadyError

        if course.price is None:
            raise NotReadyError("picky", ["price: the cost"])
        return str(course.price.amount).encode()


class HopefulExporter(NeedyExporter):
    """Hopes for a price, and renders without one."""

    name: ClassVar[str] = "hopeful"
    file_extension: ClassVar[str] = ".hopeful"
    description: ClassVar[str] = "The price, if there is one"
    requirement_level: ClassVar[str] = "recommended"

    def render(self, course):
        return str(course.price.amount if course.price else "?").encode()
