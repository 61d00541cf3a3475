"""catalogue-json: all courses of a build in one document."""

from __future__ import annotations

import json

import jsonschema
import pytest

from ncmw_course import Course, ExportError, render, render_catalogue
from ncmw_course.catalogue import Catalogue
from tests.conftest import REPO


def test_holds_each_course_as_the_json_format_writes_it(bundled_course: Course, full_course: Course) -> None:
    """Each course in the catalogue is its canonical JSON, without its own $schema."""
    document = json.loads(render_catalogue([bundled_course, full_course], "catalogue-json"))
    for course, data in zip((bundled_course, full_course), document["courses"], strict=True):
        canonical = json.loads(render(course, "json"))
        del canonical["$schema"]
        assert data == canonical
    assert document["$schema"] == "urn:ncmw-course:schema:catalogue:1"
    assert list(document) == ["$schema", "format_version", "updated", "index", "courses"]


def test_reads_back_as_the_same_courses(
    bundled_course: Course, minimal_course: Course, full_course: Course
) -> None:
    """The catalogue JSON validates as a Catalogue holding the very same courses."""
    data = render_catalogue([bundled_course, minimal_course, full_course], "catalogue-json")
    document = json.loads(data)
    del document["$schema"]
    assert Catalogue.model_validate(document).courses == (bundled_course, minimal_course, full_course)


def test_validates_against_the_published_schema(bundled_course: Course, full_course: Course) -> None:
    """The output is valid against schema/catalogue.schema.json."""
    schema = json.loads((REPO / "schema" / "catalogue.schema.json").read_text(encoding="utf-8"))
    document = json.loads(render_catalogue([bundled_course, full_course], "catalogue-json"))
    jsonschema.Draft202012Validator(schema).validate(document)


def test_utf8_without_escapes(bundled_course: Course) -> None:
    """Diacritics and typographic quotes are written as themselves, with a final newline."""
    data = render_catalogue([bundled_course], "catalogue-json")
    assert "één".encode() in data
    assert "“die ander”".encode() in data
    assert data.endswith(b"}\n")


def test_is_not_a_per_course_format(bundled_course: Course) -> None:
    """render() refuses a catalogue format, and render_catalogue() a per-course one."""
    with pytest.raises(ExportError, match="is a catalogue format"):
        render(bundled_course, "catalogue-json")
    with pytest.raises(ExportError, match="is not a catalogue format"):
        render_catalogue([bundled_course], "json")
