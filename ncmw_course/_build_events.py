"""What a build reports (:mod:`ncmw_course.building`, which exports all of it), and how it names files.

A module of its own, light to import: ``export`` names its default file with :func:`output_name`
and reports name the bundled course with :data:`BUNDLED`, without loading the build service.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from pathlib import Path

    from ncmw_course.exporting import ExporterInfo
    from ncmw_course.model import Course

__all__ = [
    "BUNDLED",
    "STDIN",
    "BuildEvent",
    "BuildSummary",
    "Failed",
    "Kept",
    "Planned",
    "Progress",
    "Removed",
    "Skipped",
    "Wrote",
    "output_name",
]

BUNDLED = "the bundled course"
"""How reports name the bundled course, which has no file name of its own."""
STDIN = "-"
"""A course file named ``-`` is read from standard input (in this process, not by a worker)."""


@dataclass(frozen=True)
class Planned:
    """The courses are loaded, and the documents to render are known."""

    files: int
    """The course files found; the bundled course counts as one."""
    courses: int
    """The valid courses, each with a slug of its own, that are built."""
    documents: int
    """The per-course documents to render (the courses times the per-course formats, less those
    :class:`Kept` from the build before)."""


@dataclass(frozen=True)
class Wrote:
    """A document was written."""

    path: Path
    format: str
    course: str | None
    """The course's slug; ``None`` for a catalogue of all courses."""

    def __str__(self) -> str:
        return f"Wrote {self.path}"


@dataclass(frozen=True)
class Kept:
    """A document was not made again: the build before wrote it from the same course file, with
    the same exporter, options and environment, and it is as that build left it."""

    path: Path
    format: str
    course: str | None
    """The course's slug; ``None`` for a catalogue of all courses."""

    def __str__(self) -> str:
        return f"Kept {self.path} (unchanged)"


@dataclass(frozen=True)
class Removed:
    """A document that an earlier build wrote into the folder was removed: its course is no longer
    built (its file is not among the courses given, or the course has another slug now)."""

    path: Path
    format: str
    course: str
    """The slug of the course that is no longer built."""

    def __str__(self) -> str:
        return f"Removed {self.path} (the course {self.course} is no longer built)"


@dataclass(frozen=True)
class Skipped:
    """A format was not made for a course: the course is not ready for it, or a program it needs is missing.

    With ``strict=True`` these are :class:`Failed` instead.
    """

    format: str
    course: str | None
    """The course's slug; ``None`` for a catalogue of all courses."""
    reason: str
    """Why, and what to do, such as ``not ready; missing price (see 'ncmw-course check …')``."""

    def __str__(self) -> str:
        if self.course is None:
            return f"Skipped {self.format}: {self.reason}"
        return f"Skipped {self.format} for {self.course}: {self.reason}"


@dataclass(frozen=True)
class Failed:
    """A problem: a course file that is not a valid course, a second course with a slug, a document
    that could not be rendered or written."""

    message: str
    format: str | None = None
    """The format, when the problem is one document's."""
    course: str | None = None
    """The course's slug, when the problem is one course's document."""
    details: str | None = None
    """More for those who look into it: the traceback of a third-party exporter's bug."""

    def __str__(self) -> str:
        return f"Error: {self.message}"


@dataclass(frozen=True)
class Progress:
    """More documents were rendered (with ``ticks=True``): for a progress bar of :attr:`Planned.documents`."""

    documents: int


BuildEvent: TypeAlias = Planned | Wrote | Kept | Removed | Skipped | Failed | Progress
"""What :func:`~ncmw_course.building.build` reports as it goes."""


@dataclass(frozen=True)
class BuildSummary:
    """What a build did, counted."""

    output_dir: Path
    courses: int
    """The valid courses built."""
    written: int
    skipped: int
    failures: int
    """The problems reported as :class:`Failed`."""
    kept: int = 0
    """The documents :class:`Kept` as the build before wrote them."""
    removed: int = 0
    """The documents :class:`Removed`, of courses no longer built."""

    @property
    def ok(self) -> bool:
        """Whether nothing was reported as :class:`Failed` (``ncmw-course build`` then exits 0)."""
        return not self.failures

    def __str__(self) -> str:
        line = (
            f"Built {_count(self.written, 'file')} for {_count(self.courses, 'course')} in {self.output_dir}"
        )
        if self.kept:
            line += f"; kept {_count(self.kept, 'unchanged file')}"
        if self.removed:
            line += f"; removed {_count(self.removed, 'file')}"
        if self.skipped:
            line += f"; skipped {_count(self.skipped, 'file')}"
        if self.failures:
            line += f"; {_count(self.failures, 'problem')} reported above"
        return line


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def output_name(info: ExporterInfo, course: Course | None = None) -> str:
    """The file name of a format's document: ``<slug><extension>`` for a course, or
    ``catalogue<extension>`` for a catalogue format, which takes no `course` (``sitemap.xml`` for
    one whose ``file_stem`` is ``sitemap``).

    Raises:
        ValueError: A per-course format without a course.
    """
    if info.scope == "catalogue":
        return f"{info.file_stem}{info.file_extension}"
    if course is None:
        msg = f"the format {info.name!r} makes one file per course; name the course"
        raise ValueError(msg)
    return f"{course.slug}{info.file_extension}"
