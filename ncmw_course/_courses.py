"""The course files of a build (:mod:`ncmw_course.building`): found in folders, loaded, and checked
for a slug used twice.

They are loaded in the build's own process: reading and validating a course takes about a tenth
of a millisecond, less than sending it to a worker and back, and the build needs every course
itself (for the catalogues, and to know which changed). Each comes with the digest of the bytes it
was read from, which the build's manifest keeps (:mod:`ncmw_course._manifest`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ncmw_course._build_events import BUNDLED, STDIN, Failed
from ncmw_course._manifest import digest
from ncmw_course.errors import NcmwCourseError

if TYPE_CHECKING:
    from ncmw_course._build_events import BuildEvent
    from ncmw_course.model import Course

__all__ = ["Loaded", "course_files", "inputs", "load_all", "recorded_path", "shown"]


@dataclass(frozen=True)
class Loaded:
    """A valid course of the build, with its file and the digest of what it was read from."""

    path: Path | None
    """The course file; None for the bundled course."""
    course: Course
    source: str
    """The digest of the file's kind (JSON or YAML) and bytes."""


def inputs(files: list[Path | None], options: Mapping[str, object]) -> tuple[Path, ...]:
    """What the build reads: its course files (the bundled one for None) and any option that is a path."""
    from ncmw_course.loading import bundled_course_path

    courses = [file or bundled_course_path() for file in files if not _is_stdin(file)]
    given = [Path(value) for value in options.values() if isinstance(value, str | os.PathLike)]
    return (*courses, *given)


def course_files(paths: Sequence[Path], report: Callable[[BuildEvent], None]) -> list[Path | None]:
    """The course files to build: files as given, the *.json files of folders; the bundled course if none."""
    if not paths:
        return [None]
    files: list[Path | None] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found = sorted(item for item in path.glob("*.json") if item.is_file())
        if not found:
            report(Failed(f"{path}: the folder has no course files (*.json)"))
        files.extend(found)
    return files


def shown(path: Path | None) -> str:
    if path is None:
        return BUNDLED
    return "standard input" if _is_stdin(path) else str(path)


def recorded_path(path: Path | None) -> str | None:
    """How the manifest names a course file: absolute, so that a build from another folder agrees."""
    if path is None or _is_stdin(path):
        return None if path is None else STDIN
    return os.path.abspath(path)  # noqa: PTH100 (the path as given, not resolved through links)


def load_all(files: list[Path | None]) -> list[Loaded | Failed]:
    """Each file's course, or why it is not built: not valid, or the slug of a course before it."""
    outcomes: list[Loaded | Failed] = []
    first: dict[str, Path | None] = {}  # the file of each slug
    for path in files:
        loaded = _load(path)
        if isinstance(loaded, str):
            outcomes.append(Failed(loaded))
        elif loaded.course.slug in first:
            outcomes.append(
                Failed(
                    f"{shown(path)}: has the slug {loaded.course.slug!r}, like {shown(first[loaded.course.slug])}; "
                    "give each course its own slug"
                )
            )
        else:
            first[loaded.course.slug] = path
            outcomes.append(loaded)
    return outcomes


def _is_stdin(path: Path | None) -> bool:
    return path is not None and str(path) == STDIN


def _load(path: Path | None) -> Loaded | str:
    """The course in `path`, or the error message."""
    from ncmw_course.loading import read_course

    try:
        course, data, kind = read_course(STDIN if _is_stdin(path) else path)
    except NcmwCourseError as error:
        return str(error)
    return Loaded(path, course, digest(kind.encode("ascii"), data))
