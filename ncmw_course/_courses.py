"""The course files of a build (:mod:`ncmw_course.building`): found in folders, loaded on the
workers, and checked for a slug used twice. A course from standard input (``-``) is read in this
process, since a worker's standard input is not the command's.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ncmw_course.building import BUNDLED, STDIN, Failed
from ncmw_course.errors import NcmwCourseError

if TYPE_CHECKING:
    from ncmw_course._workers import Workers
    from ncmw_course.building import BuildEvent, Task
    from ncmw_course.model import Course

__all__ = ["course_files", "inputs", "load_all", "shown"]


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


def load_all(files: list[Path | None], workers: Workers) -> list[Task | Failed]:
    """Each file's course, or why it is not built: not valid, or the slug of a course before it."""
    outcomes: list[Task | Failed] = []
    first: dict[str, Path | None] = {}  # the file of each slug
    for path, loaded in zip(files, _loaded(files, workers), strict=True):
        if isinstance(loaded, str):
            outcomes.append(Failed(loaded))
        elif loaded.slug in first:
            outcomes.append(
                Failed(
                    f"{shown(path)}: has the slug {loaded.slug!r}, like {shown(first[loaded.slug])}; "
                    "give each course its own slug"
                )
            )
        else:
            first[loaded.slug] = path
            outcomes.append((path, loaded))
    return outcomes


def _loaded(files: list[Path | None], workers: Workers) -> list[Course | str]:
    """Each file's course or error; standard input (``-``) is read here, the files by the workers
    (whose standard input is not the command's)."""
    read_here = {index: _load_course_file(path) for index, path in enumerate(files) if _is_stdin(path)}
    elsewhere = iter(workers.map(_load_course_file, [path for path in files if not _is_stdin(path)]))
    return [read_here[index] if index in read_here else next(elsewhere) for index in range(len(files))]


def _is_stdin(path: Path | None) -> bool:
    return path is not None and str(path) == STDIN


def _load_course_file(path: Path | None) -> Course | str:
    """The course in `path`, or the error message (a string pickles, every exception does not)."""
    from ncmw_course.loading import load_course

    try:
        return load_course(STDIN if _is_stdin(path) else path)
    except NcmwCourseError as error:
        return str(error)
