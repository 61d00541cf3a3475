"""The field reference, docs/fields.md: generated from the model, current, complete, with valid examples."""

from __future__ import annotations

import json
from typing import Any, get_args, get_origin

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from ncmw_course import parse_course
from ncmw_course._fieldinfo import PATTERN_WORDS, Field, course_fields
from ncmw_course.cli import cli
from ncmw_course.fieldref import field_reference
from ncmw_course.fields import PhoneNumber, WebAddress
from ncmw_course.model import Course, course_json_schema

from .conftest import REPO, TESTDATA

DOCS = REPO / "docs" / "fields.md"


def every_field(fields: tuple[Field, ...] | None = None) -> list[Field]:
    """Every field of a course file, groups and their fields, depth first."""
    found = course_fields() if fields is None else fields
    return [item for field in found for item in (field, *every_field(field.fields))]


def test_committed_reference_is_current() -> None:
    """docs/fields.md is what the model generates; run 'ncmw-course schema --fields > docs/fields.md'."""
    assert DOCS.read_text(encoding="utf-8") == field_reference()


def test_schema_fields_prints_it() -> None:
    """ncmw-course schema --fields prints the reference exactly."""
    result = CliRunner().invoke(cli, ["schema", "--fields"])
    assert (result.exit_code, result.stdout) == (0, field_reference())


def model_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The places of the fields of `model` and of the models in them (phone numbers and web addresses,
    which a course file writes as text, are no group)."""
    paths = []
    for name, info in model.model_fields.items():
        paths.append(prefix + name)
        pending, inner = [info.annotation], None
        while pending:
            candidate = pending.pop()
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                inner = candidate
            pending.extend(get_args(candidate))
        if inner is not None and inner not in (PhoneNumber, WebAddress):
            listed = "[]" if get_origin(info.annotation) is tuple or "tuple" in str(info.annotation) else ""
            paths += model_paths(inner, f"{prefix}{name}{listed}.")
    return paths


def test_every_field_of_every_model_is_in_it() -> None:
    """Each field of each model, at every depth, is a field of the reference, with a row of its own."""
    reference = field_reference()
    assert [field.path for field in every_field()] == model_paths(Course)
    for field in every_field():
        assert f"| `{field.path}` | {'required' if field.required else 'optional'} | " in reference


def test_every_pattern_has_words() -> None:
    """Each pattern the schema publishes is said in words (a new one fails here, not in a user's face)."""
    text = json.dumps(course_json_schema())
    patterns = {json.loads(f'"{found}"') for found in _patterns(text)}
    dates_times_amounts = {p for p in patterns if "[0-9]{4}" in p or "[01][0-9]" in p or "\\." in p}
    assert patterns - dates_times_amounts == set(PATTERN_WORDS)


def _patterns(text: str) -> list[str]:
    import re

    return re.findall(r'"pattern": "((?:[^"\\]|\\.)*)"', text)


def with_value(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """`data` with `value` at `path`, groups on the way made, a list's first item for each ``[]``."""
    keys = path.split(".")
    node: Any = data
    for key in keys[:-1]:
        name = key.removesuffix("[]")
        node = node.setdefault(name, [{}])[0] if key.endswith("[]") else node.setdefault(name, {})
    node[keys[-1]] = value
    return data


REQUIRED_OF_GROUPS: dict[str, dict[str, Any]] = {
    "programme.days[].location.": {"name": "Zaal 1"},
    "programme.days[].sessions[].": {"start_time": "09:30", "end_time": "17:00"},
    "editions[].": {"start_date": "2026-03-10"},
    "editions[].location.": {"name": "Zaal 1"},
    "accreditations[].": {"registry": "SKJ", "points": 1},
    "accreditation_contact.": {"email": "accreditatie@ncmw.nl"},
    "assessment.": {"final_test": True},
    "price.": {"amount": 1, "currency": "EUR"},
}


@pytest.mark.parametrize(
    "field", [field for field in every_field() if field.example is not None], ids=lambda f: f.path
)
def test_each_example_is_accepted(field: Field) -> None:
    """Each field's example, put in the minimal course (with what its group requires), is valid."""
    data = json.loads((TESTDATA / "course_minimal.json").read_text(encoding="utf-8"))
    for prefix, required in REQUIRED_OF_GROUPS.items():
        if field.path.startswith(prefix):
            for key, value in required.items():
                with_value(data, prefix + key, value)
    field_value = ["2026-03-10"] if field.path == "editions[].day_dates" else field.example
    parse_course(with_value(data, field.path, field_value))


def test_the_fields_without_an_example() -> None:
    """These texts have no example in their docstring or in the bundled course; a ``such as`` there fixes one."""
    assert [field.path for field in every_field() if field.example is None and not field.is_group] == [
        "subtitle",
        "summary",
        "programme.days[].location.street_address",
        "programme.days[].location.locality",
        "contact.name",
        "editions[].location.street_address",
        "editions[].location.locality",
        "accreditations[].identifier",
        "accreditation_contact.name",
        "accreditation_contact.email",
        "evaluation",
        "certificate_conditions",
        "edudex.program_id",
    ]


def test_plain_words() -> None:
    """Kinds are said in words: texts, dates, times, values to choose from, numbers with their range."""
    kinds = {field.path: field.kind for field in every_field()}
    assert kinds["title"] == "text, at most 200 characters"
    assert kinds["goals"] == "list of texts, at least one"
    assert kinds["updated"] == "date (YYYY-MM-DD)"
    assert kinds["programme.days[].start_time"] == "time (HH:MM, 24-hour clock)"
    assert kinds["editions[].mode"] == "one of: onsite, online, blended"
    assert kinds["max_participants"] == "whole number from 1 to 100 000"
    assert kinds["hours.study_load"] == "number above 0, up to 10 000"
    assert kinds["contact.phone"] == "phone number"
    assert kinds["edudex.instruction_modes"] == "list of values, each one of the allowed values (below)"
