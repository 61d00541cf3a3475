"""Reading course files: bytes → JSON or YAML → validated :class:`~ncmw_course.model.Course`.

Every way a file can be wrong becomes a :class:`~ncmw_course.errors.CourseDataError` that names the
file, the place in it (``programme.days[1].topics[0]``, line and column) and what to do.

A course file is JSON, or YAML when its name ends in ``.yaml`` or ``.yml`` (:func:`course_kind`);
both give the same course, with the same limits and located messages. ``-`` reads standard input
(:func:`load_course_stream`), which is YAML unless it starts with ``{`` (:func:`sniff_kind`).
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from ncmw_course._documents import deepest, long_numbers, too_deep, whole_number
from ncmw_course._jsonpos import SourceMap, source_map
from ncmw_course._jsonsyntax import syntax_problem
from ncmw_course._problems import describe_kind, format_location, located, validation_problems
from ncmw_course.errors import CourseDataError, Problem

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = [
    "MAX_FILE_BYTES",
    "STDIN",
    "STDIN_NAME",
    "YAML_SUFFIXES",
    "CourseKind",
    "bundled_course_path",
    "course_kind",
    "format_location",
    "load_course",
    "load_course_stream",
    "parse_course",
    "read_course",
    "sniff_kind",
    "validation_problems",
]

MAX_FILE_BYTES = 1024 * 1024
"""The largest course file accepted. A real course is a few kilobytes; anything near this is a mistake."""

SCHEMA_HINT = "see 'ncmw-course schema' for the format"

CourseKind = Literal["json", "yaml"]
"""The two ways to write a course file."""

YAML_SUFFIXES = (".yaml", ".yml")
"""File name endings of YAML course files (in any case); every other file is read as JSON."""

STDIN = "-"
"""The path that stands for standard input, as in most command-line tools."""

STDIN_NAME = "<stdin>"
"""How messages name standard input: ``<stdin>:3:8: title: …``."""

_COURSE_FILE = "a course file (.json, .yaml or .yml)"


def bundled_course_path() -> Path:
    """The course file that ships with the package: ``data/course.json`` of the source tree."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "course.json"
    if packaged.is_file():  # installed from a wheel
        return packaged
    return here.parent / "data" / "course.json"  # source checkout


def course_kind(name: str | os.PathLike[str]) -> CourseKind:
    """``"yaml"`` for a name ending in ``.yaml`` or ``.yml`` (any case), else ``"json"``."""
    return "yaml" if str(name).lower().endswith(YAML_SUFFIXES) else "json"


def sniff_kind(data: bytes | str) -> CourseKind:
    """``"json"`` for a document whose first character (after a BOM and white space) is ``{``, else ``"yaml"``.

    Why: a course is a JSON object, so JSON starts with ``{``; YAML starts with a key, a comment or
    ``---``. (A YAML course written as one ``{ … }`` flow mapping is read as JSON.)
    """
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    return "json" if text.removeprefix("\ufeff").lstrip()[:1] == "{" else "yaml"


def load_course(path: str | os.PathLike[str] | None = None, *, kind: CourseKind | None = None) -> Course:
    """Read and validate a course file.

    Args:
        path: The course file; ``"-"`` for standard input (see :func:`load_course_stream`). Leave
            it out for the bundled course (``data/course.json``).
        kind: ``"json"`` or ``"yaml"``; by default from the file name (:func:`course_kind`), or for
            standard input from its first character (:func:`sniff_kind`).

    Raises:
        CourseDataError: The file cannot be read, is not JSON or YAML, or is not a valid course.
    """
    return read_course(path, kind=kind)[0]


def read_course(
    path: str | os.PathLike[str] | None = None, *, kind: CourseKind | None = None
) -> tuple[Course, bytes, CourseKind]:
    """Like :func:`load_course`, and also what the course was read from: the bytes and their kind.

    A build keeps their digest, to know next time whether the course changed.

    Raises:
        CourseDataError: The file cannot be read, is not JSON or YAML, or is not a valid course.
    """
    if path is not None and os.fspath(path) == STDIN:
        data = _stream_bytes(None, STDIN_NAME)
        kind = kind or sniff_kind(data)
        return parse_course(data, source=STDIN_NAME, kind=kind), data, kind
    file = bundled_course_path() if path is None else Path(path)
    source = str(path) if path is not None else str(file)
    data = _read(file, source)
    kind = kind or course_kind(file.name)
    return parse_course(data, source=source, kind=kind), data, kind


def load_course_stream(
    stream: IO[bytes] | None = None, *, source: str = STDIN_NAME, kind: CourseKind | None = None
) -> Course:
    """Read and validate a course from a binary stream: standard input unless `stream` is given.

    At most :data:`MAX_FILE_BYTES` are read, as from a file. The course is JSON when `kind` says
    so or, without `kind`, when it starts with ``{``; else YAML (:func:`sniff_kind`).

    Raises:
        CourseDataError: The stream cannot be read, is too large, or is not a valid course.
    """
    data = _stream_bytes(stream, source)
    return parse_course(data, source=source, kind=kind or sniff_kind(data))


def _stream_bytes(stream: IO[bytes] | None, source: str) -> bytes:
    """What `stream` (standard input for None) holds, up to the limit; or why it cannot be read."""
    try:
        return _read_stream(stream if stream is not None else sys.stdin.buffer)
    except (AttributeError, OSError, ValueError) as error:  # no stdin, a closed one, or a read error
        reason = (
            error.strerror if isinstance(error, OSError) and error.strerror else "it is closed or missing"
        )
        raise CourseDataError(source, [Problem("", f"cannot be read: {reason}")]) from None


def _read_stream(stream: IO[bytes]) -> bytes:
    """Everything in `stream`, but no more than one byte past the size limit."""
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_FILE_BYTES and (chunk := stream.read(MAX_FILE_BYTES + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _read(file: Path, source: str) -> bytes:
    try:
        mode = file.stat().st_mode
        if stat.S_ISDIR(mode):
            message = f"is a folder, not a course file; give the path of {_COURSE_FILE}"
        elif not stat.S_ISREG(mode):
            # Why: reading a pipe or a device such as /dev/zero would wait, or read, for ever.
            message = f"is {_special_kind(mode)}, not a course file; give the path of {_COURSE_FILE}"
        elif (size := file.stat().st_size) > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 1024 // 1024
            message = f"is {size / 1024 / 1024:.1f} MB; a course file is at most {limit} MB, so this is probably the wrong file"
        else:
            with file.open("rb") as handle:
                return handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        message = "no such file; check the path"
    except PermissionError:
        message = "cannot be read: permission denied"
    except OSError as error:
        message = f"cannot be read: {error.strerror or error}"
    raise CourseDataError(source, [Problem("", message)])


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "not a regular file"


def parse_course(
    data: bytes | str | Mapping[str, Any], *, source: str = "<course data>", kind: CourseKind | None = None
) -> Course:
    """Validate a course given as JSON or YAML (bytes in UTF-8, optionally with a BOM, or text) or as a mapping.

    Args:
        data: The document, or its data already parsed (a dict, as ``json.load`` gives it).
        source: How to name the data in error messages, usually the file name.
        kind: ``"json"`` or ``"yaml"``; by default YAML when `source` ends in ``.yaml`` or ``.yml``,
            else JSON (see :func:`course_kind`).

    Raises:
        CourseDataError: The data is not UTF-8, not JSON or YAML, or not a valid course; or it is
            neither text nor a mapping.
    """
    from pydantic import ValidationError

    from ncmw_course.model import Course

    if isinstance(data, Mapping):
        try:
            return Course.model_validate(dict(data))
        except ValidationError as error:
            raise CourseDataError(source, validation_problems(error, SourceMap(""))) from None
    if not isinstance(data, bytes | str):
        message = f"a course is JSON or YAML text, bytes or a mapping, not {type(data).__name__}"
        raise CourseDataError(source, [Problem("", message)])
    text = _decode(data, source) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    if (kind or course_kind(source)) == "yaml":
        document, positions = _parse_yaml(text, source)
    else:
        document, positions = _parse_json(text, source), None
    try:
        return Course.model_validate(document)
    except ValidationError as error:
        raise CourseDataError(source, validation_problems(error, positions or source_map(text))) from None


def _decode(data: bytes, source: str) -> str:
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024 // 1024
        raise CourseDataError(
            source, [Problem("", f"is larger than {limit} MB; a course file is a few kilobytes")]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start].removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        byte = data[error.start]
        message = f"is not UTF-8 text (byte 0x{byte:02X}); save the file with UTF-8 encoding"
        raise CourseDataError(source, [Problem("", message, line, column)]) from None


def _empty(source: str, fields: str, *, comments: bool = False) -> CourseDataError:
    what = "standard input" if source == STDIN_NAME else "the file"
    holds = "holds only comments" if comments else "is empty"
    return CourseDataError(
        source, [Problem("", f"{what} {holds}; a course file holds {fields} ({SCHEMA_HINT})")]
    )


def _parse_yaml(text: str, source: str) -> tuple[dict[str, Any], SourceMap]:
    fields = "the course's fields, one key: value per line"
    if not text.strip():
        raise _empty(source, fields)
    from ncmw_course._yaml import EMPTY, read_yaml

    document, positions = read_yaml(text, source)
    if document is EMPTY:
        raise _empty(source, fields, comments=True)
    if not isinstance(document, dict):
        message = f"the top level must be {fields}, not {describe_kind(document)} ({SCHEMA_HINT})"
        raise CourseDataError(source, [located((), message, positions.value_spot(()))])
    return document, positions


def _reject_constant(name: str) -> Any:
    raise _NotJson(name)


class _NotJson(ValueError):
    """A constant that Python's parser accepts but JSON does not (NaN, Infinity)."""


def _parse_json(text: str, source: str) -> dict[str, Any]:
    if not text.strip():
        raise _empty(source, "one JSON object")
    duplicated = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicated
        result = dict(items)
        duplicated = duplicated or len(result) != len(items)
        return result

    try:
        document = json.loads(
            text, object_pairs_hook=pairs, parse_constant=_reject_constant, parse_int=whole_number
        )
    except json.JSONDecodeError as error:
        raise CourseDataError(source, [syntax_problem(error, text)]) from None
    except _NotJson as error:
        message = f"not valid JSON: {error} is not a JSON number; write a number or null"
        raise CourseDataError(source, [Problem("", message)]) from None
    except RecursionError:
        raise CourseDataError(source, [too_deep("JSON", None)]) from None
    _check_document(document, text, source, duplicated=duplicated)
    return dict(document)


def _check_document(document: Any, text: str, source: str, *, duplicated: bool) -> None:
    """Raise the problems of a parsed JSON document that the model cannot see."""
    too_long = list(long_numbers(document))
    if too_long:
        positions = source_map(text)
        problems = [located(path, number.message(), positions.value_spot(path)) for path, number in too_long]
        raise CourseDataError(source, problems)
    deep = deepest(document)
    if deep is not None:
        raise CourseDataError(source, [too_deep("JSON", source_map(text).value_spot(deep))])
    if not isinstance(document, dict):
        found = describe_kind(document)
        message = (
            f"the top level must be a JSON object {{ … }} holding the course, not {found} ({SCHEMA_HINT})"
        )
        raise CourseDataError(source, [Problem("", message, 1, 1)])
    if duplicated:
        positions = source_map(text)
        problems = []
        for path, offset in positions.duplicates:
            spot = positions.spot(offset)
            message = f"the key {path[-1]!r} appears more than once here; keep one"
            problems.append(Problem(format_location(path), message, spot.line, spot.column))
        raise CourseDataError(source, problems)
