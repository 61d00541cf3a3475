"""Reading a YAML course file into the same data as its JSON twin, with the place of every value.

``ruamel.yaml`` parses (YAML 1.2); this module builds the data from its events, so that it can
keep each value's position and refuse what a course file does not use:

- Plain scalars are read by the YAML 1.2 core schema, exactly: ``true``/``false`` are booleans,
  ``null``, ``~`` or nothing is null, ``12`` and ``12.5`` are numbers, and everything else is
  text. So ``no`` and ``ja`` stay text, ``09:30`` is text (no base-60 numbers), and a date such
  as ``2026-03-10`` stays text, which the model reads as a date: never a datetime.
- Anchors (``&``), aliases (``*``), tags (``!``), ``%TAG`` lines, a ``%YAML`` version other than
  1.2 and a second document are refused, each where it stands: a course writes every value out,
  and an alias could make a small file expand into billions of values.
- A key given twice in one mapping is refused, as in JSON; so is a key that is a list or mapping.
- Nesting deeper than :data:`MAX_DEPTH`, and more than :data:`MAX_VALUES` values, are refused as
  they are read.

Where a text holds a line break (a ``|`` block, or a blank line inside a text), the place of the
break and the style of the text are kept, so that the model's refusal can say what to write.
It is imported only when a YAML course is read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError

from ncmw_course._documents import (
    MAX_DEPTH,
    MAX_NUMBER_DIGITS,
    NOT_A_NUMBER,
    LongNumber,
    too_deep,
    whole_number,
)
from ncmw_course._jsonpos import JsonPath, LineBreak, SourceMap
from ncmw_course._problems import located
from ncmw_course._yamlsyntax import syntax_problem
from ncmw_course.errors import CourseDataError, Problem

__all__ = ["MAX_VALUES", "read_yaml", "resolve_plain"]

MAX_VALUES = 20_000
"""The most values (texts, numbers, lists, mappings) read from a YAML file; a course has a few hundred.

Why: ``ruamel.yaml`` (pure Python) reads some 20 000 values a second, so a megabyte of tiny values
would take over ten seconds; past this many, reading stops with a message, within a second.
"""

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLEAN = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_DECIMAL = re.compile(r"[-+]?[0-9]+")
_OCTAL = re.compile(r"0o[0-7]+")
_HEXADECIMAL = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INFINITY = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar by the YAML 1.2 core schema.

    Text stays text, except null, true/false and numbers; a whole number of more digits than a
    course uses becomes a :class:`LongNumber`, and ``.inf``/``.nan`` become floats.
    """
    if text in _NULL:
        return None
    if text in _BOOLEAN:
        return _BOOLEAN[text]
    if _DECIMAL.fullmatch(text):
        return whole_number(text)
    if _OCTAL.fullmatch(text) or _HEXADECIMAL.fullmatch(text):
        digits = len(text) - 2
        return LongNumber(digits) if digits > MAX_NUMBER_DIGITS else int(text, 0)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _INFINITY.fullmatch(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.fullmatch(text):
        return float("nan")
    return text


def read_yaml(text: str, source: str) -> tuple[Any, SourceMap]:
    """The data of the one YAML document in `text`, and where each of its values stands.

    Raises:
        CourseDataError: `text` is not YAML, holds no document or more than one, or uses what a
            course file does not (anchors, aliases, tags, a key twice, nesting too deep).
    """
    positions = SourceMap(text)
    events = YAML(typ="safe", pure=True).parse(text)
    builder = _Builder(events, positions, source)
    try:
        document = builder.document()
    except ReaderError as error:
        raise CourseDataError(source, [_unreadable(error, positions)]) from None
    except MarkedYAMLError as error:
        raise CourseDataError(source, [syntax_problem(error, text)]) from None
    except YAMLError as error:  # pragma: no cover - every error of the parser is marked
        raise CourseDataError(source, [Problem("", f"not valid YAML: {error}")]) from None
    if builder.problems:
        raise CourseDataError(source, sorted(builder.problems, key=_place))
    return document, positions


def _place(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def _unreadable(error: ReaderError, positions: SourceMap) -> Problem:
    spot = positions.spot(error.position)
    message = (
        f"not valid YAML: a control character (U+{error.character:04X}), which YAML does not allow "
        "in a file; remove it"
    )
    return Problem("", message, spot.line, spot.column)


class _Builder:
    """Builds plain data (dict, list, str, int, float, bool, None) from parser events."""

    def __init__(self, events: Iterator[Event], positions: SourceMap, source: str) -> None:
        self.events = events
        self.positions = positions
        self.source = source
        self.count = 0
        self.problems: list[Problem] = []

    def refuse(self, path: JsonPath, message: str, offset: int) -> None:
        self.problems.append(located(path, message, self.positions.spot(offset)))

    def document(self) -> Any:
        """The one document's data; :data:`EMPTY` when the stream holds none."""
        next(self.events)  # the stream's start
        event = next(self.events)
        if isinstance(event, StreamEndEvent):
            return EMPTY
        assert isinstance(event, DocumentStartEvent)
        self.directives(event)
        document = self.node(next(self.events), (), 0)
        next(self.events)  # the document's end
        event = next(self.events)
        if isinstance(event, DocumentStartEvent):
            message = (
                "a second YAML document (after ---); a course file holds one course: remove it, "
                "or put it in a file of its own"
            )
            self.refuse((), message, event.start_mark.index)
        return document

    def directives(self, event: DocumentStartEvent) -> None:
        if event.version is not None and tuple(event.version) != (1, 2):
            version = ".".join(map(str, event.version))
            message = (
                f"%YAML {version} asks for YAML {version}, where no means false and 09:30 is a number; "
                "course files are YAML 1.2: remove that line"
            )
            self.refuse((), message, max(self.positions.text.find("%YAML"), 0))
        if event.tags:
            message = "a %TAG line; course files use no tags: remove it"
            self.refuse((), message, max(self.positions.text.find("%TAG"), 0))

    def node(self, event: Event, path: JsonPath, depth: int) -> Any:
        offset = event.start_mark.index
        self.positions.values[path] = offset
        self.count += 1
        if self.count > MAX_VALUES:
            message = (
                f"holds more than {MAX_VALUES} values; a course holds a few hundred, so this is probably "
                "the wrong file"
            )
            raise CourseDataError(self.source, [located((), message, self.positions.spot(offset))])
        if isinstance(event, AliasEvent):
            message = (
                f"*{event.anchor} is a YAML alias, which course files do not use: write the value out "
                "in full (a text that starts with * goes in quotes)"
            )
            self.refuse(path, message, offset)
            return None
        self.check_anchor_and_tag(event, path)
        if isinstance(event, ScalarEvent):
            return self.scalar(event, path)
        if depth >= MAX_DEPTH:
            raise CourseDataError(self.source, [too_deep("YAML", self.positions.spot(offset))])
        if isinstance(event, MappingStartEvent):
            return self.mapping(path, depth + 1)
        assert isinstance(event, SequenceStartEvent)
        return self.sequence(path, depth + 1)

    def check_anchor_and_tag(self, event: Event, path: JsonPath) -> None:
        offset = event.start_mark.index
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            message = (
                f"&{anchor} is a YAML anchor, which course files do not use: write each value out in "
                "full (a text that starts with & goes in quotes)"
            )
            self.refuse(path, message, offset)
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            message = (
                f"{shown} is a YAML tag, which course files do not use: remove it "
                "(a text that starts with ! goes in quotes)"
            )
            self.refuse(path, message, offset)

    def mapping(self, path: JsonPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while not isinstance(event := next(self.events), MappingEndEvent):
            key = self.key(event, path, depth)
            member = (*path, key)
            if key in result:
                message = f"the key {key!r} appears more than once here; keep one"
                self.refuse(member, message, event.start_mark.index)
            self.positions.keys.setdefault(member, event.start_mark.index)
            result[key] = self.node(next(self.events), member, depth)
        return result

    def key(self, event: Event, path: JsonPath, depth: int) -> str:
        if isinstance(event, ScalarEvent):
            self.check_anchor_and_tag(event, path)
            return str(event.value)
        if isinstance(event, AliasEvent):
            self.node(event, path, depth)
            return f"*{event.anchor}"
        spot = self.positions.spot(event.start_mark.index)
        message = "a key must be a name such as title, not a list or a mapping"
        raise CourseDataError(self.source, [located(path, message, spot)])

    def sequence(self, path: JsonPath, depth: int) -> list[Any]:
        result: list[Any] = []
        while not isinstance(event := next(self.events), SequenceEndEvent):
            result.append(self.node(event, (*path, len(result)), depth))
        return result

    def scalar(self, event: ScalarEvent, path: JsonPath) -> Any:
        text = str(event.value)
        if event.style is not None or event.tag is not None:
            self.note_line_break(event, path, text)
            return text
        value = resolve_plain(text)
        if isinstance(value, str):
            self.note_line_break(event, path, text)
            return value
        self.positions.unquoted[path] = text
        offset = event.start_mark.index
        if isinstance(value, LongNumber):
            self.refuse(path, value.message(), offset)
        elif isinstance(value, float) and not math.isfinite(value):
            self.refuse(path, f"{text} is {NOT_A_NUMBER}; write a number such as 12.5", offset)
        return value

    def note_line_break(self, event: ScalarEvent, path: JsonPath, text: str) -> None:
        """Keep where a text breaks its line, for the model's refusal of the line break to name."""
        if "\n" not in text.strip():
            return
        start, end = event.start_mark.index, event.end_mark.index
        style = event.style or ""
        if style == "|":  # every line break stays: the first inside the text ends its line
            breaks_before = text[: text.index("\n", len(text) - len(text.lstrip()))].count("\n")
            offset = start - 1
            for _ in range(breaks_before + 2):  # the header's line, then the text's lines before it
                offset = self.positions.text.find("\n", offset + 1)
            offset = offset if offset >= 0 else start  # lines that end in \r alone are not counted
        else:  # a blank line (or, in double quotes, \n) makes the break
            blank = _BLANK_LINE.search(self.positions.text, start, end)
            offset = blank.start() + 1 if blank else start
        self.positions.breaks[path] = LineBreak(offset, style)


EMPTY: Any = object()
"""What :func:`read_yaml` returns for a stream without a document (empty, or only comments)."""
