"""Pydantic's validation errors in the project's words: one located :class:`Problem` for each.

Each problem names its place in the course (``programme.days[1].topics[0]``), its line and column
when the course came from a file, what is wrong and what to do.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ncmw_course._jsonpos import JsonPath, LineBreak, SourceMap, Spot
from ncmw_course._values import describe_kind, found, value_message
from ncmw_course.errors import Problem
from ncmw_course.fields import FieldProblem, LineBreakInText, NotText

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

MAX_PROBLEMS = 100
"""The most problems reported at once; the rest are counted."""

__all__ = ["MAX_PROBLEMS", "describe_kind", "format_location", "found", "located", "validation_problems"]


def format_location(path: Iterable[str | int]) -> str:
    """Write a JSON path the way the course file reads: ``programme.days[1].topics[0]``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def validation_problems(error: ValidationError, positions: SourceMap) -> list[Problem]:
    """The problems pydantic found, in the project's words, located with `positions` where it can."""
    details = [detail for detail in error.errors(include_url=False) if not _follows(detail)]
    more = len(details) - MAX_PROBLEMS
    details = details[:MAX_PROBLEMS]  # Why: each is worded and located; a broken file has thousands
    missing = {_path(detail) for detail in details if detail["type"] == "missing"}
    # An unknown key that is a near-miss of a missing field is one mistake, reported once.
    misspelt: dict[JsonPath, str] = {}
    for detail in details:
        path = _path(detail)
        meant = _closest_key(path) if detail["type"] == "extra_forbidden" else None
        if meant is not None and (*path[:-1], meant) in missing:
            misspelt[path] = meant
    covered = {(*unknown[:-1], meant) for unknown, meant in misspelt.items()}
    problems = []
    for detail in details:
        path = _path(detail)
        if path in misspelt:
            message = f"unknown key; did you mean {misspelt[path]!r}? That field is required and missing"
            problems.append(located(path, message, positions.key_spot(path)))
        elif path not in covered:
            problems.append(_problem(detail, positions))
    far = 1 << 30
    problems.sort(key=lambda problem: (problem.line or far, problem.column or far))
    if more > 0:
        problems.append(Problem("", f"and {more} more problems; fix these first, then check again"))
    return problems


def _path(detail: ErrorDetails) -> JsonPath:
    return tuple(part for part in detail["loc"] if isinstance(part, int | str))


def located(path: JsonPath, message: str, spot: Spot | None) -> Problem:
    line, column = (spot.line, spot.column) if spot else (None, None)
    return Problem(format_location(path), message, line, column)


def _follows(detail: ErrorDetails) -> bool:
    """Whether this error only follows from others: a list too short because its items failed."""
    given = detail["input"]
    minimum = (detail.get("ctx") or {}).get("min_length", 0)
    return detail["type"] == "too_short" and isinstance(given, list | tuple) and len(given) >= minimum


def _problem(detail: ErrorDetails, positions: SourceMap) -> Problem:
    path = _path(detail)
    kind = detail["type"]
    cause = (detail.get("ctx") or {}).get("error")
    if isinstance(cause, FieldProblem):
        path += cause.path
    if kind == "missing":
        spot = positions.value_spot(path)
        message = "required, but missing; add it"
    elif kind == "extra_forbidden":
        spot = positions.key_spot(path)
        message = _unknown_key_message(path)
    else:
        while path and path not in positions.values and path[:-1] in positions.values:
            path = path[:-1]  # a plain-string shorthand: report the string, not a field inside it
        spot = positions.value_spot(path)
        message = value_message(detail)
        line_break = positions.breaks.get(path)
        if isinstance(cause, LineBreakInText) and line_break is not None:
            spot = positions.spot(line_break.offset)
            message = _line_break_message(line_break, path)
        elif path in positions.unquoted and (kind in _WANTS_TEXT or isinstance(cause, NotText)):
            written = positions.unquoted[path]
            message = _unquoted_message(written, detail["input"])
            spot = positions.key_spot(path) if written == "" else spot  # an empty value has no place
        if isinstance(cause, FieldProblem) and cause.also:
            message = _with_other_place(message, (*_path(detail), *cause.also), positions)
    return located(path, message, spot)


def _with_other_place(message: str, other: JsonPath, positions: SourceMap) -> str:
    """`message`, which names the other field of a contradiction, with that field's line added."""
    spot = positions.value_spot(other)
    if spot is None:
        return message
    place = format_location(other)
    return message.replace(place, f"{place} at line {spot.line}", 1)


_WANTS_TEXT = frozenset({"string_type", "url_type"})
"""Errors of a value that must be text; a YAML scalar without quotes is a number, true or null."""


def _unquoted_message(written: str, value: Any) -> str:
    """For YAML: a value written without quotes that YAML reads as a number, true/false or null."""
    if value is None and written in ("", "~"):
        return "has no value; write the text after the colon"
    return (
        f'expected text, found {written}, which YAML reads as {found(value)}; put it in quotes: "{written}"'
    )


def _line_break_message(line_break: LineBreak, path: JsonPath) -> str:
    """For YAML: a text that breaks its line, which a paragraph of the model cannot."""
    in_list = bool(path) and isinstance(path[-1], int)
    if line_break.style == "|":
        block = 'a line break inside a "|" block, which keeps every line break'
        if in_list:
            return (
                f'{block}; a paragraph is one list item: write ">" instead of "|" to join the lines, '
                "or give each paragraph its own item (- …)"
            )
        return f'{block}; this text is one line: write ">" instead of "|" to join its lines'
    blank = "a blank line inside a text starts a new paragraph"
    if in_list:
        return f"{blank}; a paragraph is one list item: give each paragraph its own item (- …)"
    return f"{blank}; this text is one paragraph: remove the blank line"


def _closest_key(path: JsonPath) -> str | None:
    """The valid key that the unknown key at the end of `path` most probably means."""
    close = difflib.get_close_matches(str(path[-1]), _keys_at(path[:-1]), n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_key_message(path: JsonPath) -> str:
    allowed = _keys_at(path[:-1])
    if not allowed:
        return "unknown key; remove it"
    meant = _closest_key(path)
    if meant is not None:
        return f"unknown key; did you mean {meant!r}?"
    return f"unknown key; remove it, or use one of: {', '.join(allowed)}"


def _keys_at(path: JsonPath) -> list[str]:
    """The keys a course file may use in the object at `path`."""
    from pydantic import BaseModel

    from ncmw_course.model import Course

    annotation: Any = Course
    for part in path:
        annotation = _unwrap(annotation, index=isinstance(part, int))
        if isinstance(part, str):
            if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
                return []
            field = annotation.model_fields.get(part)
            if field is None:
                return []
            annotation = field.annotation
    annotation = _unwrap(annotation, index=False)
    if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
        return []
    keys = list(annotation.model_fields)
    return ["$schema", *keys] if annotation is Course else keys


def _unwrap(annotation: Any, *, index: bool) -> Any:
    """Strip Annotated and Optional; with `index`, step into the item type of a tuple."""
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(arg for arg in args if arg is not type(None))
        elif index and origin is tuple:
            annotation, index = args[0], False
        else:
            return annotation
