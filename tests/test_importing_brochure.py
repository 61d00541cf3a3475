"""Brochures made by ncmw-course come back as their courses: Word (every reference course and
generated ones) and the tagged PDF (the reference courses)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from ncmw_course import Course, import_course, load_course, render
from tests.conftest import TESTDATA
from tests.strategies import courses, examples

REFERENCES = ["bundled", "course_minimal", "course_full", "course_runs", "course_maximal"]


def reference(name: str) -> Course:
    return load_course() if name == "bundled" else load_course(TESTDATA / f"{name}.json")


def prose(data: dict[str, Any]) -> dict[str, Any]:
    """The prose fields and the programme of course data, as a course file holds them."""
    days = data["programme"]["days"]
    return {
        **{
            key: data.get(key)
            for key in ("title", "subtitle", "summary", "description", "audience", "goals", "method")
        },
        "programme.introduction": list(data["programme"].get("introduction") or []),
        "programme.days": [(day["ordinal"], day["theme"], list(day.get("topics") or [])) for day in days],
        "trainers[].biography": [list(trainer.get("biography") or []) for trainer in data["trainers"]],
    }


def same_prose(course: Course, document: bytes) -> None:
    result = import_course(document)
    assert result.report.kind.startswith("a brochure made by ncmw-course")
    assert prose(result.data) == prose(course.model_dump(mode="json"))


@pytest.mark.parametrize("name", REFERENCES)
def test_a_reference_course_comes_back_from_its_word_brochure(name: str) -> None:
    """Prose, programme, trainers' names and contact: the same course, valid as it is."""
    course = reference(name)
    result = import_course(render(course, "docx"))
    assert prose(result.data) == prose(course.model_dump(mode="json"))
    assert result.course is not None
    assert [trainer.name for trainer in result.course.trainers] == [
        trainer.name for trainer in course.trainers
    ]
    assert result.course.contact == course.contact
    assert (result.course.slug, result.course.updated, result.course.language) == (
        course.slug,
        course.updated,
        course.language,
    )


@given(courses())
@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_a_generated_course_comes_back_from_its_word_brochure(course: Course) -> None:
    """Any valid course: its Word brochure gives back the same prose fields and programme."""
    same_prose(course, render(course, "docx"))
