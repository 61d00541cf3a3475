"""The completeness check: every value a course states is found where the field map says it goes.

For each field of :data:`~ncmw_course.fieldmap.FIELD_MAP` and each value the course states for it
(``programme.days[1].start_time`` is one value of ``programme.days[].start_time``), each placement
in an output is looked up in that output's :class:`~tests.outputs.Reading`:

- :class:`Shown`: a written form of the value stands in the document's text as whole words;
- :class:`Linked`: the value is the target of a link;
- :class:`Property`: the value stands in the document's properties;
- :class:`At`: the value, in its form, is at the feed's path (the path's ``[]`` bound to the value's
  own indices), as the whole value or, for text, inside the text there.

A :class:`Nowhere` asks nothing, and neither does an :class:`At` whose ``needs`` the course leaves
empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ncmw_course import Course
from ncmw_course.fieldmap import FIELD_MAP
from ncmw_course.placements import At, Form, Linked, Nowhere, Output, Placement, Property, Shown
from tests.forms import written_forms
from tests.outputs import Reading, flat

__all__ = ["Miss", "missing", "stated"]

Indices = tuple[int, ...]

WHOLE_WORDS: frozenset[Form] = frozenset(
    (
        "as written", "web address", "written date", "written time", "written hours", "written number",
        "written amount", "written mode", "written country", "day name",
    )
)  # fmt: skip
"""Forms of text for people: found as whole words, so that "trainer" is not found in "trainers"."""
EQUAL: frozenset[Form] = frozenset(
    (
        "code", "number", "whole hours", "lower case", "primary language", "course mode", "fully online",
        "blended learning", "ASCII e-mail", "canonical",
    )
)  # fmt: skip
"""Forms of a feed's own values: found only as the whole value at the path."""


@dataclass(frozen=True)
class Miss:
    """A value the course states that an output does not have where the field map says."""

    path: str
    indices: Indices
    value: Any
    placement: Placement

    def __str__(self) -> str:
        return f"{self.path} {list(self.indices)} = {self.value!r}: not at {self.placement}"


def stated(course: BaseModel, path: str) -> list[tuple[Indices, Any]]:
    """Each value `course` states for the field `path`, with the indices of its lists."""
    found: list[tuple[Indices, Any]] = [((), course)]
    for part in path.split("."):
        name, is_list = part.removesuffix("[]"), part.endswith("[]")
        step = [(indices, getattr(value, name)) for indices, value in found]
        found = [
            (indices + ((index,) if is_list else ()), item)
            for indices, value in step
            for index, item in (enumerate(value) if is_list else [(0, value)])
            if item is not None and item != ()
        ]
    return found


def missing(course: Course, output: Output, reading: Reading, fields: Sequence[str] = ()) -> list[Miss]:
    """The values of `course` (of `fields`, or of every field) that `reading` of `output` lacks."""
    misses = []
    for path in fields or FIELD_MAP:
        for placement in FIELD_MAP[path][output]:
            if isinstance(placement, Nowhere) or (
                isinstance(placement, At) and not _has(course, placement.needs)
            ):
                continue
            for indices, value in stated(course, path):
                if not _found(course, reading, placement, path, indices, value):
                    misses.append(Miss(path, indices, value, placement))
    return misses


def _has(course: Course, needs: str | None) -> bool:
    return needs is None or bool(stated(course, needs))


def _found(
    course: Course, reading: Reading, placement: Placement, path: str, indices: Indices, value: Any
) -> bool:
    assert not isinstance(placement, Nowhere)
    if isinstance(placement, At) and placement.form == "canonical":
        canonical = _nodes(course.model_dump(mode="json"), path, indices)
        return _nodes(reading.data, path, indices) == canonical != []
    forms = written_forms(course, value, placement.form)
    if forms is None:  # the form writes nothing for this value ("blended learning" of an onsite run)
        return True
    if isinstance(placement, Shown):
        whole = placement.form in WHOLE_WORDS
        return any(
            _in_text(form, reading.text) if whole else flat(str(form)) in reading.text for form in forms
        )
    if isinstance(placement, Linked):
        return any(form in reading.links for form in forms)
    if isinstance(placement, Property):
        values = reading.properties.get(placement.where, [])
        return any(str(form) in value for form in forms for value in values)
    leaves = [leaf for node in _nodes(reading.data, placement.path, indices) for leaf in _leaves(node)]
    return any(_matches(placement.form, form, leaf) for form in forms for leaf in leaves)


def _in_text(form: Any, text: str) -> bool:
    """Whether `form` stands in `text` as whole words."""
    return re.search(rf"(?<!\w){re.escape(flat(str(form)))}(?!\w)", text) is not None


def _matches(kind: Form, form: Any, leaf: Any) -> bool:
    if kind in EQUAL:
        return bool(form == leaf) and isinstance(form, bool) == isinstance(leaf, bool)  # 1 is not true
    if not isinstance(leaf, str):
        return False
    return _in_text(form, flat(leaf)) if kind in WHOLE_WORDS else str(form) in leaf


def _leaves(node: Any) -> Iterator[Any]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _leaves(value)
    elif isinstance(node, list):
        for value in node:
            yield from _leaves(value)
    else:
        yield node


_SEGMENT = re.compile(r"([^.\[]*)((?:\[[^\]]*\])*)")


def _nodes(data: Any, path: str, indices: Indices) -> list[Any]:
    """The nodes at `path` in `data`, its ``[]`` taking `indices` in order (see ``ncmw_course.fieldmap``)."""
    nodes: list[tuple[Indices, Any]] = [(indices, data)]
    for part in path.split("."):
        match = _SEGMENT.fullmatch(part)
        assert match is not None, part
        name, brackets = match.groups()
        nodes = [(rest, child) for rest, node in nodes for child in _keys(node, name)]
        for selector in re.findall(r"\[([^\]]*)\]", brackets):
            nodes = [found for rest, node in nodes for found in _items(node, selector, rest)]
    return [node for _, node in nodes]


def _keys(node: Any, name: str) -> list[Any]:
    if not isinstance(node, dict):
        return []
    if name == "*":
        return list(node.values())
    return [node[name]] if name in node else []


def _items(node: Any, selector: str, rest: Indices) -> list[tuple[Indices, Any]]:
    if not isinstance(node, list):
        return []
    if selector == "":  # bound to the next of the value's indices; once they are used up, any item
        if not rest:
            return [(rest, item) for item in node]
        return [(rest[1:], node[rest[0]])] if rest[0] < len(node) else []
    if selector == "*":
        return [(rest, item) for item in node]
    if "=" in selector:
        key, wanted = selector.split("=", 1)
        return [(rest, item) for item in node if isinstance(item, dict) and item.get(key) == wanted]
    return [(rest, node[int(selector)])] if int(selector) < len(node) else []
