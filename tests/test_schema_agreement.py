"""The published JSON Schema and the model agree: the schema takes every course the model takes.

Checked with format checking on (jsonschema with its format extras, so ``date``, ``email`` and
``uri`` are really checked), for the reference course files as people write them, for generated
courses, and for the canonical JSON. The other way round, for the bad-input catalogue: whatever
the schema refuses, the model refuses too. (The model refuses more: cross-field rules, phone
numbers and the like, which JSON Schema cannot say.)
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator

from ncmw_course import CourseDataError, parse_course, render
from tests.conftest import REPO, TESTDATA
from tests.strategies import course_dicts, examples
from tests.test_bad_input import CASES

FILES = ["course_minimal.json", "course_full.json", "course_maximal.json", "course_runs.json"]


@cache
def validator() -> Draft202012Validator:
    """The published schema, with every format checker jsonschema has."""
    schema = json.loads((REPO / "schema" / "course.schema.json").read_bytes())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(document: Any) -> list[str]:
    """What the schema finds wrong with `document`, as ``path: message`` lines."""
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator().iter_errors(document)]


def test_the_format_checkers_are_real() -> None:
    """The formats used are checked, not just named: a bad date, e-mail and URI are refused."""
    checker = Draft202012Validator.FORMAT_CHECKER
    assert {"date", "email", "uri"} <= set(checker.checkers)
    assert not checker.conforms("2026-02-30", "date")
    assert not checker.conforms("not a uri", "uri")


@pytest.mark.parametrize("name", [*FILES, "../../data/course.json"])
def test_the_reference_files_validate(name: str) -> None:
    """Each reference course file, as written (plain-string phone and website, "09:30"), validates."""
    assert schema_errors(json.loads((TESTDATA / name).read_bytes())) == []


@pytest.mark.parametrize("name", FILES)
def test_the_canonical_json_validates(name: str) -> None:
    """What the json exporter writes ("HH:MM", "495.00", objects for phone and website) validates."""
    course = parse_course((TESTDATA / name).read_bytes())
    assert schema_errors(json.loads(render(course, "json"))) == []


@given(document=course_dicts())
@settings(max_examples=examples(100))
def test_generated_courses_validate(document: dict[str, Any]) -> None:
    """Every course the model takes, as generated, and its canonical JSON, validate."""
    assert schema_errors(document) == []
    assert schema_errors(json.loads(render(parse_course(json.dumps(document)), "json"))) == []


@pytest.mark.parametrize(("case", "content", "line"), CASES, ids=[case for case, _, _ in CASES])
def test_what_the_schema_refuses_the_model_refuses(case: str, content: bytes | str | None, line: str) -> None:
    """For each bad-input case that is JSON, a schema error means a model error (each is one)."""
    if not isinstance(content, bytes):
        return  # no file, or a folder
    try:
        document = json.loads(content)
    except ValueError:
        return  # not JSON: neither the schema nor the model gets that far
    refused_by_schema = bool(schema_errors(document))
    with pytest.raises(CourseDataError):
        parse_course(content)
    assert refused_by_schema or case in MODEL_ONLY, case


MODEL_ONLY = {
    "invalid phone": "a phone number's validity is phonenumbers' to say",
    "invalid web address": "the schema says uri; 'https://' parses as one",
    "duplicate day ordinals": "day numbering is a rule across the list",
    "gapped day ordinals": "day numbering is a rule across the list",
    "a language without labels": "which languages have labels is the label table's to say",
    "study load below the contact hours": "a rule across two fields",
    "contact hours that differ from the sessions": "a sum over the days' sessions, compared with another field",
    "run dates that do not match the days": "a rule across the run and the programme",
    "control character": "Word and EPUB's limits on characters are the model's",
    "invalid e-mail": "email_validator is stricter than the schema's e-mail format",
    "a Windows device name as slug": "the schema gives the slug's pattern only",
    "a number of 5000 digits": "JSON Schema has no limit on a number's digits",
    "empty required text": "a text is trimmed before it is measured; the schema sees two spaces",
    "javascript: URL": "a website may be written 'www.ncmw.nl', so the schema cannot ask for https:",
    "a 10 MB string": "a length counts the cleaned text, which the schema cannot (see fields.CleanedLength)",
}
"""The bad-input cases only the model refuses, each with the reason the schema cannot."""
