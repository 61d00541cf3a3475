"""Every exception a user can cause. The CLI prints these as ``Error: …`` without a traceback.

Anything that is not an :class:`NcmwCourseError` is a bug, and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "CourseDataError",
    "ExportError",
    "MissingToolError",
    "NcmwCourseError",
    "NotReadyError",
    "OutputError",
    "Problem",
    "UnknownExporterError",
    "UnknownTargetError",
]


class NcmwCourseError(Exception):
    """Something the user can fix; the CLI prints it without a traceback."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a course file.

    Attributes:
        location: Where in the course, as a path such as ``programme.days[1].topics[0]``;
            empty for a problem with the file as a whole.
        message: What is wrong and what to do about it.
        line: The 1-based line in the file, where known.
        column: The 1-based column in the file, where known.
    """

    location: str
    message: str
    line: int | None = None
    column: int | None = None

    def describe(self, source: str) -> str:
        """One line: ``source:line:column: location: message``, leaving out what is unknown."""
        place = source
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        parts = [place, self.location, self.message] if self.location else [place, self.message]
        return ": ".join(parts)


class CourseDataError(NcmwCourseError):
    """A course file (or course data) that cannot be read as a valid course.

    Attributes:
        source: The file name as the user gave it, or a description such as ``<course data>``.
        problems: Every problem found, in file order.
    """

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(self._message())

    def _message(self) -> str:
        lines = [problem.describe(self.source) for problem in self.problems]
        if len(lines) == 1:
            return lines[0]
        count = f"{len(lines)} problems"
        return "\n".join(
            [f"{self.source} is not a valid course ({count}):", *("  " + line for line in lines)]
        )


class UnknownExporterError(NcmwCourseError):
    """No exporter is registered under the requested name."""

    def __init__(self, name: str, available: Sequence[str]) -> None:
        self.name = name
        self.available = tuple(available)
        choices = ", ".join(self.available) if self.available else "none (is ncmw-course installed?)"
        super().__init__(f"unknown format {name!r}; available formats: {choices}")


class UnknownTargetError(NcmwCourseError):
    """A name that is neither a core readiness checklist nor a format that declares requirements."""

    def __init__(self, name: str, available: Sequence[str], *, is_format: bool = False) -> None:
        self.name = name
        self.available = tuple(available)
        what = f"the format {name!r} declares no requirements" if is_format else f"unknown target {name!r}"
        super().__init__(f"{what}; choose one of: {', '.join(self.available)}")


class ExportError(NcmwCourseError):
    """An exporter could not be loaded, or could not render the course."""


class MissingToolError(ExportError):
    """A program that a format needs (such as LibreOffice for pdf) is not installed.

    The message names what to install. ``build`` skips the format and says so; ``export`` fails.
    """


class NotReadyError(ExportError):
    """The course lacks facts that a format needs; nothing is invented in their place.

    Attributes:
        format_name: The format that cannot be made.
        missing: One line per missing item: ``field: what it is``.
    """

    def __init__(self, format_name: str, missing: Sequence[str], *, target: str | None = None) -> None:
        self.format_name = format_name
        self.missing = tuple(missing)
        check = f"ncmw-course check --for {target or format_name}"
        items = "".join(f"\n  - {item}" for item in self.missing)
        super().__init__(
            f"the course is not ready for {format_name}; add to the course file:{items}\n(see '{check}')"
        )

    @property
    def fields(self) -> tuple[str, ...]:
        """The field of each missing item, such as ``price``: the text before its ``:``."""
        return tuple(item.split(":", 1)[0] for item in self.missing)


class OutputError(NcmwCourseError):
    """An output file could not be written; any existing file at that path is unchanged."""
