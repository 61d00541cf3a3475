"""Where each value of a course document stands in its text, so that errors can give line:column.

The standard library's JSON parser keeps no positions. This small scanner walks a document that has
already been parsed successfully and records, for every value, the offset of the value and of its
key. It runs only when there is an error to report. A YAML document fills the same
:class:`SourceMap` while it is read (:mod:`ncmw_course._yaml`).
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

JsonPath = tuple[str | int, ...]

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"-?[0-9.eE+-]+|true|false|null")


@dataclass(frozen=True)
class Spot:
    """A place in the text: 1-based line and column."""

    line: int
    column: int


@dataclass(frozen=True)
class LineBreak:
    """Where a YAML text breaks its line, and the text's style: ``|``, ``>``, a quote or "" (plain)."""

    offset: int
    style: str


@dataclass
class SourceMap:
    """Positions of the values and keys of one course document, as character offsets in `text`.

    Attributes:
        unquoted: For YAML, the source text of each plain scalar that is not text (a number,
            true/false or null), so that a message can say to put it in quotes.
        breaks: For YAML, where each text that holds a line break breaks its line.
    """

    text: str
    values: dict[JsonPath, int] = field(default_factory=dict)
    keys: dict[JsonPath, int] = field(default_factory=dict)
    duplicates: list[tuple[JsonPath, int]] = field(default_factory=list)
    unquoted: dict[JsonPath, str] = field(default_factory=dict)
    breaks: dict[JsonPath, LineBreak] = field(default_factory=dict)

    def spot(self, offset: int) -> Spot:
        """The line and column of a character offset."""
        line_starts = self._line_starts
        index = bisect.bisect_right(line_starts, offset) - 1
        return Spot(index + 1, offset - line_starts[index] + 1)

    @functools.cached_property
    def _line_starts(self) -> list[int]:
        # Why cached: a file with thousands of problems asks for thousands of spots.
        starts = [0]
        starts.extend(match.end() for match in re.finditer("\n", self.text))
        return starts

    def value_spot(self, path: JsonPath) -> Spot | None:
        """Where the value at `path` begins, or the nearest enclosing value that exists."""
        for depth in range(len(path), -1, -1):
            offset = self.values.get(path[:depth])
            if offset is not None:
                return self.spot(offset)
        return None

    def key_spot(self, path: JsonPath) -> Spot | None:
        """Where the key of the member at `path` stands; else where its value, or parent, begins."""
        offset = self.keys.get(path)
        return self.spot(offset) if offset is not None else self.value_spot(path)


def source_map(text: str) -> SourceMap:
    """Scan `text`, a JSON document that ``json.loads`` accepts, and record where things are.

    A document nested too deeply for Python's recursion limit gives a map without positions.
    """
    result = SourceMap(text)
    try:
        _Scanner(text, result).document()
    except RecursionError:
        return SourceMap(text)
    return result


class _Scanner:
    def __init__(self, text: str, result: SourceMap) -> None:
        self.text = text
        self.pos = 0
        self.result = result

    def document(self) -> None:
        self.skip()
        self.value(())

    def skip(self) -> None:
        match = _WHITESPACE.match(self.text, self.pos)
        if match:
            self.pos = match.end()

    def value(self, path: JsonPath) -> None:
        self.result.values[path] = self.pos
        char = self.text[self.pos]
        if char == "{":
            self.members(path)
        elif char == "[":
            self.items(path)
        elif char == '"':
            self.string()
        else:
            match = _SCALAR.match(self.text, self.pos)
            if match is None:  # pragma: no cover - the text was parsed before
                msg = f"unexpected {char!r} at offset {self.pos}"
                raise ValueError(msg)
            self.pos = match.end()

    def string(self) -> str:
        match = _STRING.match(self.text, self.pos)
        if match is None:  # pragma: no cover - the text was parsed before
            msg = f"unterminated string at offset {self.pos}"
            raise ValueError(msg)
        self.pos = match.end()
        decoded: str = json.loads(match.group())
        return decoded

    def members(self, path: JsonPath) -> None:
        self.pos += 1
        seen: set[str] = set()
        for _ in self._sequence("}"):
            key_offset = self.pos
            key = self.string()
            member = (*path, key)
            if key in seen:
                self.result.duplicates.append((member, key_offset))
            seen.add(key)
            self.result.keys.setdefault(member, key_offset)
            self.skip()
            self.pos += 1  # the colon
            self.skip()
            self.value(member)

    def items(self, path: JsonPath) -> None:
        self.pos += 1
        for index in self._sequence("]"):
            self.value((*path, index))

    def _sequence(self, closer: str) -> Iterator[int]:
        """Yield once per element, positioned at the element; consume separators and the closer."""
        self.skip()
        index = 0
        while self.text[self.pos] != closer:
            yield index
            index += 1
            self.skip()
            if self.text[self.pos] == ",":
                self.pos += 1
                self.skip()
        self.pos += 1
