"""A draft written as YAML reads back as the same course as its JSON."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from ncmw_course import Course
from ncmw_course.importing._output import course_text
from ncmw_course.loading import parse_course
from tests.strategies import courses, examples


@given(courses())
@settings(max_examples=examples(40), suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_yaml_and_json_give_the_same_course(course: Course) -> None:
    data = course.model_dump(mode="json")
    as_json = parse_course(course_text(data, as_yaml=False), source="c.json")
    as_yaml = parse_course(course_text(data, as_yaml=True), source="c.yaml")
    assert as_json == as_yaml == course


def test_yaml_text_in_the_style_of_new() -> None:
    text = course_text(
        {
            "format_version": 1,
            "title": "2026: een jaar",
            "keywords": [],
            "programme": {"days": [{"ordinal": 1, "topics": ["a"]}]},
        },
        as_yaml=True,
    )
    assert text.splitlines()[1:] == [
        "format_version: 1",
        'title: "2026: een jaar"',
        "keywords: []",
        "programme:",
        "  days:",
        "    - ordinal: 1",
        "      topics:",
        '        - "a"',
    ]
