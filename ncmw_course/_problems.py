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

from ncmw_course._jsonpos import JsonPath, SourceMap, Spot
from ncmw_course.errors import Problem
from ncmw_course.fields import FieldProblem

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

__all__ = ["describe_kind", "format_location", "located", "validation_problems"]


def format_location(path: Iterable[str | int]) -> str:
    """Write a JSON path the way the course file reads: ``programme.days[1].topics[0]``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def describe_kind(value: Any) -> str:
    """A JSON value's kind in words: an object, a list, text, a number, true, null."""
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    kinds: dict[type, str] = {
        dict: "an object",
        list: "a list",
        str: "text",
        int: "a number",
        float: "a number",
    }
    if value is None:
        return "null"
    return kinds.get(type(value), type(value).__name__)


def _found(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text {shown!r}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"the number {value}"
    return describe_kind(value)


_FRIENDLY = {
    "string_type": "expected text in double quotes",
    "int_type": "expected a whole number such as 2",
    "int_from_float": "expected a whole number such as 2",
    "float_type": "expected a number such as 12.5",
    "decimal_type": 'expected an amount such as 495 or "495.00"',
    "tuple_type": "expected a list [ … ]",
    "list_type": "expected a list [ … ]",
    "model_type": "expected an object { … }",
    "model_attributes_type": "expected an object { … }",
    "dict_type": "expected an object { … }",
    "date_type": 'expected a date such as "2026-03-10"',
    "date_parsing": 'expected a date such as "2026-03-10" (year-month-day)',
    "date_from_datetime_parsing": 'expected a date such as "2026-03-10" (year-month-day)',
    "date_from_datetime_inexact": 'expected a date without a time, such as "2026-03-10"',
    "time_type": 'expected a time such as "09:30"',
    "time_parsing": 'expected a time such as "09:30" (24-hour clock)',
    "url_parsing": 'expected a web address such as "www.ncmw.nl" or "https://www.ncmw.nl/"',
    "url_scheme": "only http and https web addresses are allowed",
}

_BOUNDS = {
    "greater_than_equal": ("at least", "ge"),
    "greater_than": ("more than", "gt"),
    "less_than_equal": ("at most", "le"),
    "less_than": ("less than", "lt"),
}
"""A number's limits, in words: (words, the key of the limit in pydantic's error context)."""

_PATTERN_HINTS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "use lower-case letters a-z, digits and single hyphens, such as 'ontrouw-binnen-de-relatie'",
    r"^[A-Z]{2}$": "use a two-letter country code in capitals, such as 'NL'",
    r"^[A-Z]{3}$": "use a three-letter currency code in capitals, such as 'EUR'",
    r"^[- #&'()+,./0-9:?A-Z_a-z|éëïü{}]+$": (
        "EDU-DEX allows letters a-z and A-Z, digits, spaces and - # & ' ( ) + , . / : ? _ | { } é ë ï ü"
    ),
}


def validation_problems(error: ValidationError, positions: SourceMap) -> list[Problem]:
    """The problems pydantic found, in the project's words, located with `positions` where it can."""
    details = [detail for detail in error.errors(include_url=False) if not _follows(detail)]
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
    return sorted(problems, key=lambda problem: (problem.line or far, problem.column or far))


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
        message = _value_message(detail)
    return located(path, message, spot)


def _value_message(detail: ErrorDetails) -> str:
    kind = detail["type"]
    context = detail.get("ctx") or {}
    if kind == "value_error":
        return str(context.get("error", detail["msg"]))
    if kind == "string_pattern_mismatch" and context.get("pattern") in _PATTERN_HINTS:
        return f"{_found(detail['input'])} is not allowed here; {_PATTERN_HINTS[context['pattern']]}"
    if kind == "too_long" and isinstance(detail["input"], list | tuple):
        limit = context.get("max_length")
        return f"has {len(detail['input'])} items; at most {limit} are allowed, so this is probably a mistake"
    if kind == "too_short" and isinstance(detail["input"], list | tuple):
        return f"must list at least {context.get('min_length', 1)} item(s); add them"
    if kind == "string_too_short":
        return "must not be empty; write the text, or leave out the key when it is optional"
    if kind == "string_too_long" or (kind == "too_long" and isinstance(detail["input"], str)):
        return f"is {len(detail['input'])} characters long; shorten it to at most {context.get('max_length')}"
    if kind == "string_unicode":
        return "contains a lone surrogate (a \\uD800–\\uDFFF escape without its pair); remove it"
    if kind == "literal_error":
        return f"must be {context.get('expected')}, not {_found(detail['input'])}"
    if kind in _BOUNDS:
        words, key = _BOUNDS[kind]
        return f"must be {words} {context.get(key)}, found {_found(detail['input'])}"
    if kind in _FRIENDLY:
        return f"{_FRIENDLY[kind]}, found {_found(detail['input'])}"
    return f"{detail['msg'].removeprefix('Value error, ')} (found {_found(detail['input'])})"


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
