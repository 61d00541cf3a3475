"""Every field of a course file in words, read from the published JSON Schema (whose descriptions are
the model's attribute docstrings): its place, its type in plain words, its allowed values, an
example, and whether it is required.

Both the field reference (:mod:`ncmw_course.fieldref`, ``docs/fields.md``) and the template of
``ncmw-course new`` (:mod:`ncmw_course.newcourse`) are made from :func:`course_fields`, so that what
they say cannot drift from the model.

An example is, in this order: the first ````literal```` of the field's docstring, the value of the
bundled course (its first sentence, for a paragraph), or an example of the field's kind
(:data:`KIND_EXAMPLES`, the forms the model's own messages use).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["KIND_EXAMPLES", "LISTED_VALUES", "Field", "course_fields", "plain"]

Json = Any

KIND_EXAMPLES: dict[str, Json] = {
    "date": "2026-03-10",
    "time": "09:30",
    "end time": "17:00",
    "number": 12,
    "whole number": 12,
    "true or false": True,
}
"""Examples of a kind, for a field whose docstring and the bundled course give none: the forms the
model's messages suggest (``"2026-03-10"``, ``"09:30"``). An end time comes after a start time."""

PATTERN_WORDS: dict[str, str] = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "lower-case letters a-z, digits and single hyphens",
    r"^[A-Z]{2}$": "two capital letters",
    r"^[A-Z]{3}$": "three capital letters",
    r"^[-+a-z0-9_.{}/&]+$": "lower-case letters, digits and - + _ . { } / &",
}
"""Plain words for the patterns of the model's text types (a test makes sure none is missing)."""

_TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
_DEF_WORDS = {"PhoneNumber": "phone number", "WebAddress": "web address"}
"""The model's values that a course file writes as plain text, though they are objects inside."""
_LITERAL = re.compile(r"``(.+?)``")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_EXAMPLE_LENGTH = 100
LISTED_VALUES = 8
"""Up to this many allowed values are named in a field's kind; more only in the field reference."""


@dataclass(frozen=True)
class Field:
    """One field of a course file."""

    path: str
    """Its place, dotted: ``programme.days[].theme`` (``[]`` for each item of a list)."""
    name: str
    """Its key."""
    required: bool
    """Whether its object must have it."""
    kind: str
    """Its type in plain words: ``text``, ``list of texts``, ``date (YYYY-MM-DD)`` …"""
    description: str
    """What it is: the model's docstring, as plain text."""
    allowed: tuple[str, ...] = ()
    """The values it takes, when it takes only some."""
    example: Json = None
    """A value that the model accepts, as JSON; ``None`` for a group of fields, and for a text
    whose docstring gives no example (``such as ````…````) and the bundled course has none."""
    fields: tuple[Field, ...] = ()
    """The fields of a group (an object, or each object of a list)."""
    is_list: bool = False
    """Whether it holds a list (of texts, dates … or of groups)."""
    rules: tuple[str, ...] = ()
    """What a group's fields must agree on, from the model's ``check_…`` validators."""

    @property
    def is_group(self) -> bool:
        return bool(self.fields)


def plain(text: str) -> str:
    """A docstring as plain text: ````x```` and ```x``` become x, and lines are joined."""
    text = re.sub(r"``(.+?)``", r"\1", text)
    text = re.sub(r"`(.+?)`", r"\1", text)
    return " ".join(text.split())


@functools.cache
def course_fields() -> tuple[Field, ...]:
    """The fields of a course file, in the schema's order, groups with their fields."""
    from ncmw_course.model import Course, course_json_schema

    schema = course_json_schema()
    walker = _Walker(schema["$defs"], _bundled())
    properties = {key: value for key, value in schema["properties"].items() if key != "$schema"}
    return walker.fields(properties, set(schema["required"]), "", Course)


def _bundled() -> Json:
    from ncmw_course.loading import bundled_course_path

    return json.loads(bundled_course_path().read_text(encoding="utf-8"))


class _Walker:
    def __init__(self, definitions: dict[str, Json], bundled: Json) -> None:
        self.definitions = definitions
        self.bundled = bundled

    def fields(
        self, properties: dict[str, Json], required: set[str], prefix: str, model: type
    ) -> tuple[Field, ...]:
        from ncmw_course._docs import attribute_docs

        docs = attribute_docs(model)
        return tuple(
            self.field(f"{prefix}{name}", name, name in required, prop, docs.get(name, ""), model)
            for name, prop in properties.items()
        )

    def field(self, path: str, name: str, required: bool, prop: Json, doc: str, model: type) -> Field:
        part, _ = _without_null(prop)
        is_list = part.get("type") == "array"
        item = _without_null(part["items"])[0] if is_list else part
        reference = item.get("$ref", "").rsplit("/", 1)[-1]
        description = plain(doc or prop.get("description", ""))
        if reference and reference not in _DEF_WORDS:
            group = self.group(f"{path}[]." if is_list else f"{path}.", reference, model, name)
            kind = f"list of groups of fields{_count_words(part)}" if is_list else "group of fields"
            return Field(
                path,
                name,
                required,
                kind,
                description,
                fields=group.fields,
                is_list=is_list,
                rules=group.rules,
            )
        kind, allowed = self.words(item)
        example = self.example(path, name, item, doc, allowed, kind)
        if is_list:
            kind = f"list of {_plural(kind)}{_count_words(part)}"
        if is_list and example is not None:
            example = [example]
        return Field(path, name, required, kind, description, allowed, example, is_list=is_list)

    def group(self, prefix: str, reference: str, model: type, name: str) -> Field:
        definition = self.definitions[reference]
        cls = _model_class(model, name)
        fields = self.fields(definition["properties"], set(definition.get("required", ())), prefix, cls)
        return Field(prefix, name, False, "", "", fields=fields, rules=_rules(cls))

    def words(self, part: Json) -> tuple[str, tuple[str, ...]]:
        """The kind of a value in plain words, and its allowed values."""
        reference = part.get("$ref", "").rsplit("/", 1)[-1]
        if reference:
            return _DEF_WORDS[reference], ()
        if "enum" in part:
            values = tuple(str(value) for value in part["enum"])
            if len(values) > LISTED_VALUES:
                return "one of the allowed values (below)", values
            return "one of: " + ", ".join(values), values
        if "const" in part:
            return f"always {json.dumps(part['const'])}", (json.dumps(part["const"]),)
        if "anyOf" in part:  # an amount: a number, or text of one
            return "amount: a number with at most two decimals, such as 495 or 495.00", ()
        kind = part.get("type")
        if kind == "string":
            return _text_words(part), ()
        if kind in ("integer", "number"):
            return _number_words(part), ()
        if kind == "boolean":
            return "true or false", ()
        msg = f"no words for the schema {part!r}; add them to ncmw_course/_fieldinfo.py"
        raise ValueError(msg)

    def example(
        self, path: str, name: str, part: Json, doc: str, allowed: tuple[str, ...], kind: str
    ) -> Json:
        """A value of the field that the model accepts."""
        literal = _LITERAL.search(doc)
        if literal is not None and (not allowed or _json(literal.group(1)) in allowed):
            return _json(literal.group(1))
        bundled = _lookup(self.bundled, path)
        if bundled is not None:
            return _shortened(bundled)
        if allowed:
            return part["enum"][0] if "enum" in part else part["const"]
        reference = part.get("$ref", "").rsplit("/", 1)[-1]
        if reference:  # "A web address as written, such as www.ncmw.nl; …"
            written = self.definitions[reference]["anyOf"][0]["description"]
            return re.search(r"such as (\S+?)[.;]?(?:\s|$)", written).group(1)  # type: ignore[union-attr]
        key = re.split(r" \(| from| above|,", kind)[0]
        if key == "time" and name.startswith("end"):
            key = "end time"
        return KIND_EXAMPLES.get(key)  # None for a text that neither docstring nor course exemplifies


def _without_null(prop: Json) -> tuple[Json, bool]:
    """The schema of a value that may also be null, and whether it may."""
    options = prop.get("anyOf")
    if options is None:
        return prop, False
    others = [option for option in options if option.get("type") != "null"]
    if len(others) == 1:
        return {**others[0], **{key: value for key, value in prop.items() if key != "anyOf"}}, True
    return prop, len(others) < len(options)


def _text_words(part: Json) -> str:
    if part.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if part.get("format") == "email":
        return "e-mail address"
    if part.get("pattern") == _TIME_PATTERN:
        return "time (HH:MM, 24-hour clock)"
    if "pattern" in part:
        words = PATTERN_WORDS.get(part["pattern"])
        if words is None:
            msg = f"no words for the pattern {part['pattern']!r}; add them to PATTERN_WORDS"
            raise ValueError(msg)
        kind = f"text of {words}"
    else:
        kind = "text"
    limit = part.get("maxLength", part.get("x-maxLength"))  # see fields.CleanedLength
    return f"{kind}, at most {limit} characters" if limit and limit < 10_000 else kind


def _number_words(part: Json) -> str:
    kind = "whole number" if part["type"] == "integer" else "number"
    low = part.get("minimum", part.get("exclusiveMinimum"))
    high = part.get("maximum")
    if low is None or high is None:
        return kind
    highest = f"{high:,g}".replace(",", " ")  # 10 000, as the Dutch and the SI write it
    if "exclusiveMinimum" in part:
        return f"{kind} above {low:g}, up to {highest}"
    return f"{kind} from {low:g} to {highest}"


def _count_words(part: Json) -> str:
    least = part.get("minItems", 0)
    return {0: "", 1: ", at least one"}.get(least, f", at least {least}")


def _plural(kind: str) -> str:
    """``text`` → ``texts``, ``date (YYYY-MM-DD)`` → ``dates (YYYY-MM-DD)``, and so on."""
    if kind.startswith("one of"):
        return "values, each " + kind
    head, comma, rest = kind.partition(", ")
    noun, paren, detail = head.partition(" (")
    return f"{noun}s" + (f" ({detail}" if paren else "") + (f", each {rest}" if comma else "")


def _json(literal: str) -> Json:
    try:
        return json.loads(literal)
    except ValueError:
        return literal


def _lookup(data: Json, path: str) -> Json:
    """The bundled course's value at `path` (the first item of each list on the way), or None."""
    for key in path.split("."):
        name = key.removesuffix("[]")
        if not isinstance(data, dict) or name not in data:
            return None
        data = data[name]
        if isinstance(data, list):
            data = data[0] if data else None
    return data


def _shortened(value: Json) -> Json:
    """A paragraph's first sentence, cut at a word when it is still long."""
    if not isinstance(value, str) or len(value) <= _EXAMPLE_LENGTH:
        return value
    sentence = _SENTENCE_END.split(value, maxsplit=1)[0]
    if len(sentence) <= _EXAMPLE_LENGTH:
        return sentence
    return sentence[:_EXAMPLE_LENGTH].rsplit(" ", 1)[0] + " …"


def _model_class(model: type, name: str) -> type:
    """The model class of the field `name` of `model` (through a list or an optional)."""
    from typing import get_args

    from pydantic import BaseModel

    annotation = model.model_fields[name].annotation  # type: ignore[attr-defined]
    pending = [annotation]
    while pending:
        candidate = pending.pop()
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        pending.extend(get_args(candidate))
    msg = f"{model.__name__}.{name} holds no model"
    raise TypeError(msg)


def _rules(model: type) -> tuple[str, ...]:
    """What the fields of `model` must agree on: the docstrings of its ``check_…`` validators.

    A rule that only points at a module (``see :mod:``) is for developers, and left out.
    """
    validators = model.__pydantic_decorators__.model_validators  # type: ignore[attr-defined]
    docs = [
        validator.func.__doc__ or "" for name, validator in validators.items() if name.startswith("check_")
    ]
    return tuple(plain(doc) for doc in docs if doc and ":mod:" not in doc)
