"""Tests of the ``json`` exporter: round trip, output format, golden file and the published schema."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator
from pydantic import BaseModel

from ncmw_course import Course, parse_course, render
from ncmw_course.model import SCHEMA_ID
from tests.strategies import courses

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "50"))
UNICODE_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u[0-9a-fA-F]{4}")
"""A JSON \\u escape: a backslash-u preceded by an even number of backslashes."""


@cache
def schema_validator() -> Draft202012Validator:
    """The validator of the committed schema/course.schema.json (checked once as a schema)."""
    schema = json.loads((REPO / "schema" / "course.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_errors(document: Any) -> list[str]:
    """Every way `document` breaks the committed schema, as readable lines."""
    errors = schema_validator().iter_errors(document)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in errors]


def assert_model_key_order(value: Any, document: Any, where: str = "") -> None:
    """Assert that every object in `document` lists the fields of its model in the model's order."""
    if isinstance(value, BaseModel):
        assert isinstance(document, dict), where
        assert list(document) == list(type(value).model_fields), where
        for name in type(value).model_fields:
            assert_model_key_order(getattr(value, name), document[name], f"{where}.{name}")
    elif isinstance(value, tuple):
        assert isinstance(document, list), where
        assert len(document) == len(value), where
        for index, (item, part) in enumerate(zip(value, document, strict=True)):
            assert_model_key_order(item, part, f"{where}[{index}]")


@settings(max_examples=EXAMPLES, deadline=None)
@given(courses())
def test_round_trip_gives_an_equal_course(course: Course) -> None:
    """Reading the JSON output back gives a course equal to the one rendered."""
    assert parse_course(render(course, "json")) == course


@settings(max_examples=EXAMPLES, deadline=None)
@given(courses())
def test_rendering_is_stable(course: Course) -> None:
    """Rendering a course that was read back from the JSON output gives the same bytes again."""
    data = render(course, "json")
    assert render(parse_course(data), "json") == data


@settings(max_examples=EXAMPLES, deadline=None)
@given(courses())
def test_generated_output_matches_the_schema(course: Course) -> None:
    """The JSON output of any valid course validates against the committed JSON Schema."""
    assert schema_errors(json.loads(render(course, "json"))) == []


@settings(max_examples=EXAMPLES, deadline=None)
@given(courses())
def test_generated_output_is_plain_utf8(course: Course) -> None:
    """For any course the output is UTF-8 with no \\u escapes, indented by two spaces, ending in one newline."""
    text = render(course, "json").decode("utf-8")
    assert UNICODE_ESCAPE.search(text) is None
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_output_is_utf8_without_escapes(bundled_course: Course) -> None:
    """The bundled course's é and typographic quotes are written as UTF-8 bytes, not as \\u escapes."""
    data = render(bundled_course, "json")
    assert "José".encode() in data
    assert "“die ander”".encode() in data
    assert b"\\u00e9" not in data
    assert b"\\u201c" not in data
    assert not data.startswith(b"\xef\xbb\xbf")


def test_full_course_output_has_no_escapes(full_course: Course) -> None:
    """Ø, en dashes and quotes of the full course are written as UTF-8, with no \\u escape anywhere."""
    data = render(full_course, "json")
    assert "Ødegaard".encode() in data
    assert "0495–450667".encode() in data
    assert "“Kiezen”".encode() in data
    assert UNICODE_ESCAPE.search(data.decode("utf-8")) is None


def test_output_is_indented_by_two_spaces_with_a_final_newline(any_course: Course) -> None:
    """The output is json.dumps with indent=2 and exactly one trailing newline."""
    text = render(any_course, "json").decode("utf-8")
    document = json.loads(text)
    assert text == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    assert text.splitlines()[1].startswith('  "$schema": ')


def test_output_starts_with_schema_id_and_carries_format_version(any_course: Course) -> None:
    """The first key is "$schema" naming the schema's $id, and format_version is present."""
    document = json.loads(render(any_course, "json"))
    assert next(iter(document)) == "$schema"
    assert document["$schema"] == SCHEMA_ID
    assert document["format_version"] == 1


def test_keys_follow_the_model_field_order(any_course: Course) -> None:
    """Every object in the output lists its model's fields, all of them, in the model's order."""
    document = json.loads(render(any_course, "json"))
    assert list(document) == ["$schema", *Course.model_fields]
    del document["$schema"]
    assert_model_key_order(any_course, document)


@settings(max_examples=EXAMPLES, deadline=None)
@given(courses())
def test_generated_output_has_every_field_in_model_order(course: Course) -> None:
    """For any course, the output holds every field of every model, in the model's order."""
    document = json.loads(render(course, "json"))
    assert document.pop("$schema") == SCHEMA_ID
    assert_model_key_order(course, document)


def test_unstated_fields_are_null_or_empty(minimal_course: Course) -> None:
    """What a minimal course does not state is written as null or [], never left out or invented."""
    document = json.loads(render(minimal_course, "json"))
    for key in ("subtitle", "summary", "level", "hours", "price", "max_participants"):
        assert document[key] is None, key
    assert document["editions"] == []
    assert document["accreditations"] == []
    assert document["programme"]["introduction"] == []
    assert document["programme"]["days"][0] == {
        "ordinal": 1,
        "theme": "De enige dag",
        "topics": [],
        "date": None,
        "start_time": None,
        "end_time": None,
        "location": None,
        "sessions": [],
    }
    for key in ("accreditation_contact", "assessment"):
        assert document[key] is None, key
    assert document["literature"] == []
    assert document["contact"] == {
        "name": None,
        "phone": None,
        "email": "cursus@example.org",
        "website": None,
    }


def test_shorthands_are_written_as_objects(bundled_course: Course) -> None:
    """Plain-string phone numbers and websites are written out with their derived forms."""
    document = json.loads(render(bundled_course, "json"))
    assert document["contact"]["phone"] == {"display": "0495–450667", "e164": "+31495450667"}
    assert document["contact"]["website"] == {"url": "https://www.ncmw.nl/", "display": "www.ncmw.nl"}


def test_price_amount_keeps_two_decimals(full_course: Course) -> None:
    """The price amount is written as the decimal text "495.00", not as a float."""
    document = json.loads(render(full_course, "json"))
    assert document["price"]["amount"] == "495.00"


def test_rendering_is_deterministic(any_course: Course) -> None:
    """Rendering the same course twice gives identical bytes."""
    assert render(any_course, "json") == render(any_course, "json")


def test_bundled_course_matches_golden_file(
    bundled_course: Course, golden: Callable[[str, bytes], None]
) -> None:
    """The bundled course renders exactly as the reviewed golden file."""
    golden("ontrouw-binnen-de-relatie.json", render(bundled_course, "json"))


def test_reference_output_matches_the_schema(any_course: Course) -> None:
    """The JSON output of each reference course validates against the committed JSON Schema."""
    assert schema_errors(json.loads(render(any_course, "json"))) == []


def test_schema_check_catches_a_broken_document(full_course: Course) -> None:
    """The schema check used above reports an unknown key and a wrong type, so it can fail."""
    document = json.loads(render(full_course, "json"))
    document["programme"]["days"][0]["onbekend"] = 1
    document["max_participants"] = "14"
    errors = schema_errors(document)
    assert len(errors) == 2
    assert any(error.startswith("max_participants:") for error in errors)
    assert any(error.startswith("programme/days/0:") and "onbekend" in error for error in errors)


@pytest.mark.parametrize("name", ["bundled", "minimal", "full"])
def test_reference_course_round_trips(name: str, request: pytest.FixtureRequest) -> None:
    """Each reference course reads back equal from its JSON output."""
    course: Course = request.getfixturevalue(f"{name}_course")
    assert parse_course(render(course, "json")) == course


def test_escape_check_tells_escapes_from_backslashes() -> None:
    """The \\u-escape check finds json.dumps' escapes but not an escaped backslash before a u."""
    assert UNICODE_ESCAPE.search(json.dumps("José")) is not None
    assert UNICODE_ESCAPE.search(json.dumps("C:\\u00e9", ensure_ascii=False)) is None
    assert UNICODE_ESCAPE.search(json.dumps("C:\\\u00e9")) is not None
