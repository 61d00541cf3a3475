"""Reading course files: bytes → JSON → validated :class:`~ncmw_course.model.Course`.

Every way a file can be wrong becomes a :class:`~ncmw_course.errors.CourseDataError` that names the
file, the place in it (``programme.days[1].topics[0]``, line and column) and what to do.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ncmw_course._jsonpos import JsonPath, SourceMap, source_map
from ncmw_course._problems import describe_kind, format_location, located, validation_problems
from ncmw_course.errors import CourseDataError, Problem

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = [
    "MAX_FILE_BYTES",
    "bundled_course_path",
    "format_location",
    "load_course",
    "parse_course",
    "validation_problems",
]

MAX_FILE_BYTES = 1024 * 1024
"""The largest course file accepted. A real course is a few kilobytes; anything near this is a mistake."""

SCHEMA_HINT = "see 'ncmw-course schema' for the format"


def bundled_course_path() -> Path:
    """The course file that ships with the package: ``data/course.json`` of the source tree."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "course.json"
    if packaged.is_file():  # installed from a wheel
        return packaged
    return here.parent / "data" / "course.json"  # source checkout


def load_course(path: str | os.PathLike[str] | None = None) -> Course:
    """Read and validate a course file.

    Args:
        path: The course file. Leave it out for the bundled course (``data/course.json``).

    Raises:
        CourseDataError: The file cannot be read, is not JSON, or is not a valid course.
    """
    file = bundled_course_path() if path is None else Path(path)
    source = str(path) if path is not None else str(file)
    return parse_course(_read(file, source), source=source)


def _read(file: Path, source: str) -> bytes:
    try:
        mode = file.stat().st_mode
        if stat.S_ISDIR(mode):
            message = "is a folder, not a course file; give the path of a course .json file"
        elif not stat.S_ISREG(mode):
            # Why: reading a pipe or a device such as /dev/zero would wait, or read, for ever.
            message = f"is {_special_kind(mode)}, not a course file; give the path of a course .json file"
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


def parse_course(data: bytes | str | Mapping[str, Any], *, source: str = "<course data>") -> Course:
    """Validate a course given as JSON (bytes in UTF-8, optionally with a BOM, or text) or as a mapping.

    Args:
        data: The JSON document, or its data already parsed (a dict, as ``json.load`` gives it).
        source: How to name the data in error messages, usually the file name.

    Raises:
        CourseDataError: The data is not UTF-8, not JSON, or not a valid course; or it is neither
            JSON nor a mapping.
    """
    from pydantic import ValidationError

    from ncmw_course.model import Course

    if isinstance(data, Mapping):
        try:
            return Course.model_validate(dict(data))
        except ValidationError as error:
            raise CourseDataError(source, validation_problems(error, SourceMap(""))) from None
    if not isinstance(data, bytes | str):
        message = f"a course is JSON text, bytes or a mapping, not {type(data).__name__}"
        raise CourseDataError(source, [Problem("", message)])
    text = _decode(data, source) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    document = _parse_json(text, source)
    try:
        return Course.model_validate(document)
    except ValidationError as error:
        raise CourseDataError(source, validation_problems(error, source_map(text))) from None


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


class _NotJson(ValueError):
    """A constant that Python's parser accepts but JSON does not (NaN, Infinity)."""


MAX_NUMBER_DIGITS = 20
"""The most digits a whole number in a course file has; no count, amount or year needs more."""


@dataclass(frozen=True)
class _LongNumber:
    """A whole number too long to be meant, kept as its digit count until it can be located."""

    digits: int


def _parse_int(text: str) -> int | _LongNumber:
    # Why: Python refuses to convert over 4300 digits with a ValueError that json.loads passes on.
    digits = len(text.lstrip("-"))
    return _LongNumber(digits) if digits > MAX_NUMBER_DIGITS else int(text)


def _long_numbers(value: Any, path: JsonPath = ()) -> Iterable[tuple[JsonPath, _LongNumber]]:
    if isinstance(value, _LongNumber):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _long_numbers(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _long_numbers(item, (*path, index))


def _refuse_long_numbers(document: Any, text: str, source: str) -> None:
    """Raise a located problem for each number too long to be meant."""
    long_numbers = list(_long_numbers(document))
    if long_numbers:
        positions = source_map(text)
        raise CourseDataError(
            source,
            [
                located(
                    path,
                    f"is a number of {number.digits} digits; no number in a course has more than "
                    f"{MAX_NUMBER_DIGITS}, so this is probably a mistake",
                    positions.value_spot(path),
                )
                for path, number in long_numbers
            ],
        )


def _reject_constant(name: str) -> Any:
    raise _NotJson(name)


def _parse_json(text: str, source: str) -> Any:
    if not text.strip():
        message = f"the file is empty; a course file holds one JSON object ({SCHEMA_HINT})"
        raise CourseDataError(source, [Problem("", message)])
    duplicated = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicated
        result = dict(items)
        duplicated = duplicated or len(result) != len(items)
        return result

    try:
        document = json.loads(
            text, object_pairs_hook=pairs, parse_constant=_reject_constant, parse_int=_parse_int
        )
    except json.JSONDecodeError as error:
        message = (
            f"not valid JSON: {error.msg}; check for a missing comma, quote or bracket here or just before"
        )
        raise CourseDataError(source, [Problem("", message, error.lineno, error.colno)]) from None
    except _NotJson as error:
        message = f"not valid JSON: {error} is not a JSON number; write a number or null"
        raise CourseDataError(source, [Problem("", message)]) from None
    except RecursionError:
        raise CourseDataError(
            source, [Problem("", "not a course: the JSON is nested far too deeply")]
        ) from None
    _refuse_long_numbers(document, text, source)
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
    return document
