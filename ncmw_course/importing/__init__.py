"""Import: a flyer or brochure (plain text, Word, PDF) read into a draft course, with a review report.

Typical use::

    from ncmw_course import import_course

    result = import_course("flyer.txt")          # or a .docx, a .pdf, or the file's bytes
    result.data                                  # the draft: course-file data, in the model's order
    result.course                                # the Course, when the draft is valid; else None
    result.problems                              # what validation found, when it is not
    print(result.report.text())                  # found (where), guessed (why) or missing, per field

A brochure made by this project (``ncmw-course export docx`` or ``pdf``) is recognised and read
back by its structure; any other source is read as a flyer (:mod:`ncmw_course.importing._flyer`).
Nothing is invented: what the source does not state stays empty, and the report says so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from ncmw_course.errors import NcmwCourseError, Problem
from ncmw_course.importing._report import Finding, ImportReport

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = ["Finding", "ImportReport", "ImportResult", "ImportSourceError", "SourceKind", "import_course"]

SourceKind: TypeAlias = Literal["text", "docx", "pdf"]
"""What a source is: plain text (as a PDF's text extraction gives it), a Word document, a PDF."""

MAX_SOURCE_BYTES = 50 * 1024 * 1024
"""A flyer or brochure is at most 50 MB; a larger file is probably the wrong one."""

_SUFFIXES: dict[str, SourceKind] = {".txt": "text", ".text": "text", ".docx": "docx", ".pdf": "pdf"}


class ImportSourceError(NcmwCourseError):
    """A source that cannot be imported: missing, empty, not what its name says, without text, or locked."""


@dataclass(frozen=True)
class ImportResult:
    """What :func:`import_course` read.

    Attributes:
        data: The draft course, as a course file holds it (JSON-able, in the model's order of
            fields); written as it is, valid or not.
        course: The course, when the draft is valid; else None.
        problems: What validation found in the draft, when it is not valid.
        report: For each field: found (and where), guessed (and why) or missing; and notes.
        kind: What the source was read as.
    """

    data: dict[str, Any]
    course: Course | None
    report: ImportReport
    kind: SourceKind
    problems: tuple[Problem, ...] = field(default=())

    @property
    def valid(self) -> bool:
        """Whether the draft is a valid course as it is."""
        return self.course is not None


def import_course(
    path_or_bytes: str | os.PathLike[str] | bytes, kind: SourceKind | None = None, *, name: str | None = None
) -> ImportResult:
    """Read a flyer or brochure into a draft course.

    Args:
        path_or_bytes: The source file, or its bytes.
        kind: ``"text"``, ``"docx"`` or ``"pdf"``; by default from the file's name, else from its
            first bytes.
        name: How the report and messages name the source; the path by default (``<bytes>``).

    Raises:
        ImportSourceError: The source cannot be read, is empty, is not the kind its name says, has no
            text (a scanned PDF) or is password-protected.
    """
    if isinstance(path_or_bytes, bytes):
        source, data = name or "<bytes>", path_or_bytes
        _refuse_empty(data, source)
    else:
        source = name or os.fspath(path_or_bytes)
        data = read_bytes(Path(path_or_bytes), source)
    chosen = kind or source_kind(source, data)
    from ncmw_course.importing._sources import read_source

    draft, report = read_source(data, chosen, source)
    return _checked(draft, report, chosen)


def source_kind(source: str, data: bytes) -> SourceKind:
    """The kind by the name's suffix; for another suffix (or none), by the first bytes."""
    by_name = _SUFFIXES.get(Path(source).suffix.lower())
    if by_name:
        return by_name
    if data.startswith(b"%PDF"):
        return "pdf"
    return "docx" if data.startswith(b"PK\x03\x04") else "text"


def _refuse_empty(data: bytes, source: str) -> None:
    if not data.strip():
        msg = f"{source}: the file is empty; there is nothing to import"
        raise ImportSourceError(msg)


def read_bytes(path: Path, source: str) -> bytes:
    """The bytes of the source file `path` (named `source` in messages); refused when empty."""
    try:
        if path.is_dir():
            message = "is a folder; give the path of a flyer or brochure (.txt, .docx or .pdf)"
        elif (size := path.stat().st_size) > MAX_SOURCE_BYTES:
            message = f"is {size / 1024 / 1024:.0f} MB; a flyer is at most 50 MB, so this is probably the wrong file"
        else:
            data = path.read_bytes()
            _refuse_empty(data, source)
            return data
    except OSError as error:
        message = _REASONS.get(type(error), f"cannot be read: {error.strerror or error}")
    msg = f"{source}: {message}"
    raise ImportSourceError(msg)


_REASONS: dict[type[OSError], str] = {
    FileNotFoundError: "no such file; check the path",
    PermissionError: "cannot be read: permission denied",
}


def _checked(draft: dict[str, Any], report: ImportReport, kind: SourceKind) -> ImportResult:
    """The result, with the course when the draft validates, else its problems."""
    from ncmw_course.errors import CourseDataError
    from ncmw_course.loading import parse_course

    try:
        course = parse_course(draft, source="the draft")
    except CourseDataError as error:
        return ImportResult(draft, None, report, kind, error.problems)
    return ImportResult(draft, course, report, kind)
