"""--into: an unedited brochure changes nothing and contradicts nothing; an edit is one change."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from ncmw_course import Course, render
from ncmw_course.importing._brochure import read_brochure
from ncmw_course.importing._docx import read_docx
from ncmw_course.importing._facts_check import contradictions
from ncmw_course.importing._into import changes
from ncmw_course.importing._report import ImportReport
from tests.strategies import courses, examples


def read_back(course: Course) -> tuple[list[str], dict[str, object]]:
    document = read_docx(render(course, "docx"), "b.docx")
    assert document.brochure is not None
    data = read_brochure(document.brochure, ImportReport("b.docx", "a brochure"))
    return contradictions(course, document.brochure, "c.json"), data


@given(courses())
@settings(max_examples=examples(40), suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_an_unedited_brochure_changes_and_contradicts_nothing(course: Course) -> None:
    said, data = read_back(course)
    assert said == []
    assert changes(course.model_dump(mode="json"), data) == []


def test_an_edited_theme_is_one_change(full_course: Course) -> None:
    days = list(full_course.programme.days)
    days[1] = days[1].model_copy(update={"theme": "Kinderen, loyaliteit en school"})
    edited = full_course.model_copy(
        update={"programme": full_course.programme.model_copy(update={"days": tuple(days)})}
    )
    _, data = read_back(edited)
    found = changes(full_course.model_dump(mode="json"), data)
    assert [change.text() for change in found] == [
        "programme.days[1].theme:\n  - Kinderen en loyaliteit\n  + Kinderen, loyaliteit en school"
    ]
