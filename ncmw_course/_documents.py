"""Limits that a course document meets before the model reads it, the same for JSON and YAML."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ncmw_course._jsonpos import JsonPath, Spot
from ncmw_course._problems import located
from ncmw_course.errors import Problem

__all__ = [
    "MAX_DEPTH",
    "MAX_NUMBER_DIGITS",
    "NOT_A_NUMBER",
    "LongNumber",
    "deepest",
    "long_numbers",
    "too_deep",
    "whole_number",
]

MAX_NUMBER_DIGITS = 20
"""The most digits a whole number in a course file has; no count, amount or year needs more."""

MAX_DEPTH = 100
"""The deepest nesting of lists and objects read; a course nests five deep."""

NOT_A_NUMBER = "not a number a course can use"


@dataclass(frozen=True)
class LongNumber:
    """A whole number too long to be meant, kept as its digit count until it can be located."""

    digits: int

    def message(self) -> str:
        return (
            f"is a number of {self.digits} digits; no number in a course has more than "
            f"{MAX_NUMBER_DIGITS}, so this is probably a mistake"
        )


def whole_number(text: str) -> int | LongNumber:
    """The number of the digits in `text`, or a :class:`LongNumber` when there are too many.

    Why: Python refuses to convert over 4300 digits with a ValueError, and no course means 21.
    """
    digits = len(text.lstrip("+-"))
    return LongNumber(digits) if digits > MAX_NUMBER_DIGITS else int(text)


def long_numbers(value: Any, path: JsonPath = ()) -> Iterable[tuple[JsonPath, LongNumber]]:
    """Each :class:`LongNumber` in a parsed document, with its path."""
    if isinstance(value, LongNumber):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from long_numbers(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from long_numbers(item, (*path, index))


def deepest(document: Any) -> JsonPath | None:
    """The path of the first list or object nested deeper than :data:`MAX_DEPTH`, if any."""
    todo: list[tuple[JsonPath, Any]] = [((), document)]
    while todo:
        path, value = todo.pop()
        items = (
            value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        )
        for key, item in items:
            if isinstance(item, dict | list):
                if len(path) + 1 >= MAX_DEPTH:
                    return (*path, key)
                todo.append(((*path, key), item))
    return None


def too_deep(kind: str, spot: Spot | None) -> Problem:
    """The problem of a document nested deeper than :data:`MAX_DEPTH`, where it goes too deep.

    Its place in the course is left out: a path of a hundred steps says nothing.
    """
    message = f"not a course: the {kind} is nested far too deeply (more than {MAX_DEPTH} levels)"
    return located((), message, spot)
