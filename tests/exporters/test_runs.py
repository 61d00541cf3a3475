"""Tests of ``exporters._runs``: which date each programme day has in which run."""

from __future__ import annotations

from datetime import date
from typing import Any

from exporters._runs import run_day_dates
from ncmw_course import Course, load_course
from tests.conftest import TESTDATA


def with_changes(course: Course, **changes: Any) -> Course:
    """`course` with some fields replaced, validated again by the model."""
    return Course.model_validate({**course.model_dump(mode="json"), **changes})


def undated_runs(course: Course) -> list[dict[str, Any]]:
    """The runs of `course` without their day_dates, as course-file data."""
    return [{**edition.model_dump(mode="json"), "day_dates": []} for edition in course.editions]


def test_each_run_has_its_own_day_dates() -> None:
    """Two runs that date their days each give their own dates."""
    first, second = run_day_dates(load_course(TESTDATA / "course_runs.json"))
    assert first == (date(2027, 3, 9), date(2027, 3, 16), date(2027, 3, 23))
    assert second == (date(2027, 9, 28), date(2027, 10, 5), date(2027, 10, 12))


def test_the_days_own_dates_are_the_run_s_that_holds_them(full_course: Course) -> None:
    """Dates on the days belong to the run that holds the first of them; another run stays undated."""
    later = {"start_date": "2028-01-11", "end_date": "2028-01-25"}
    undated, dated, october = run_day_dates(
        with_changes(full_course, editions=[later, *undated_runs(full_course)])
    )
    assert undated == october == (None, None, None)
    assert dated == (date(2027, 3, 9), date(2027, 3, 16), date(2027, 3, 23))


def test_partly_dated_days_keep_their_gaps(full_course: Course) -> None:
    """A day without a date of its own stays undated in its run; the others keep theirs."""
    programme = full_course.model_dump(mode="json")["programme"]
    programme["days"][1]["date"] = None
    course = with_changes(full_course, programme=programme, editions=undated_runs(full_course))
    assert run_day_dates(course) == [(date(2027, 3, 9), None, date(2027, 3, 23)), (None, None, None)]


def test_no_runs_no_dates(bundled_course: Course) -> None:
    """A course without runs has no run days."""
    assert run_day_dates(bundled_course) == []
