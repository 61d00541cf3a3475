"""How user errors describe themselves."""

from __future__ import annotations

from ncmw_course.errors import CourseDataError, NcmwCourseError, Problem, UnknownExporterError


def test_problem_describes_what_it_knows() -> None:
    """A problem line leaves out the parts it does not know."""
    assert Problem("title", "missing", 3, 5).describe("c.json") == "c.json:3:5: title: missing"
    assert Problem("title", "missing", 3).describe("c.json") == "c.json:3: title: missing"
    assert Problem("", "empty").describe("c.json") == "c.json: empty"


def test_one_problem_is_one_line() -> None:
    """A single problem is reported on one line."""
    error = CourseDataError("c.json", [Problem("title", "missing", 1, 1)])
    assert str(error) == "c.json:1:1: title: missing"
    assert isinstance(error, NcmwCourseError)


def test_several_problems_are_counted_and_indented() -> None:
    """Several problems get a heading and one indented line each."""
    error = CourseDataError("c.json", [Problem("a", "x", 1, 1), Problem("b", "y", 2, 1)])
    assert str(error) == "c.json is not a valid course (2 problems):\n  c.json:1:1: a: x\n  c.json:2:1: b: y"


def test_unknown_exporter_lists_the_choices() -> None:
    """An unknown format names the available ones, or says that none are installed."""
    assert (
        str(UnknownExporterError("x", ["docx", "json"]))
        == "unknown format 'x'; available formats: docx, json"
    )
    assert (
        str(UnknownExporterError("x", []))
        == "unknown format 'x'; available formats: none (is ncmw-course installed?)"
    )
