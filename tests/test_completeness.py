"""Completeness: every value a course states is in each output, where the field map says it goes.

For the reference courses (the maximal course, and the course of two runs in two towns) each field
is a test of its own in each output, so that a known defect is marked on exactly the fields it
touches (``xfail(strict=True)``: fixing it turns the mark red, and the mark is then removed). For
generated courses each output is checked as a whole, leaving out only the fields a known defect
touches in that course. The PDF is checked for the reference courses only: LibreOffice is slow.

Known defects are :data:`GAPS`. Documents are searched as a whole (not section by section), so a
fact counts as shown when its words stand anywhere in the text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, get_args

import pytest
from hypothesis import assume, given, settings

from ncmw_course import Course, load_course, render
from ncmw_course.fieldmap import FIELD_MAP
from ncmw_course.placements import At, Form, Nowhere, Output
from tests.completeness import missing, stated
from tests.conftest import TESTDATA
from tests.edudex_courses import nearly_ready_courses, not_ready_lines, ready, variant
from tests.forms import FORMS
from tests.outputs import READERS, Reading
from tests.strategies import courses, examples

REFERENCE = ("maximal", "runs")
PDF_REFERENCE = ("runs", "full")
"""The maximal course is not read back from PDF: pdftotext writes right-to-left text in visual order
and drops zero-width joiners, so its Arabic, Hebrew and emoji texts cannot be compared (the EPUB
and the web page show them)."""
FAST: tuple[Output, ...] = ("docx", "epub", "html", "jsonld", "edudex", "json")


@dataclass(frozen=True)
class Gap:
    """A known defect: `outputs` lack a value of `fields` where the field map puts it."""

    outputs: frozenset[Output]
    fields: frozenset[str]
    reason: str
    shows: Callable[[Course, str], bool]
    """Whether a course shows the defect in a field: the condition under which the value is lost."""


def _states(course: Course, path: str) -> bool:
    return bool(stated(course, path))


GAPS: tuple[Gap, ...] = ()
"""The defects known today, each with the fields and outputs it touches."""


def gap(course: Course, output: Output, path: str) -> Gap | None:
    """The known defect that loses `course`'s value of `path` in `output`, if any."""
    return next(
        (
            item
            for item in GAPS
            if output in item.outputs and path in item.fields and item.shows(course, path)
        ),
        None,
    )


@functools.cache
def reference(name: str) -> Course:
    """A reference course, from tests/testdata."""
    return load_course(TESTDATA / f"course_{name}.json")


def as_rendered(course: Course, output: Output) -> Course:
    """The course an output is rendered from: for EDU-DEX, made ready (codes, whole hours)."""
    return ready(course) if output == "edudex" else course


@functools.cache
def reading(name: str, output: Output) -> Reading:
    """A reference course rendered in `output` and read back."""
    return READERS[output](render(as_rendered(reference(name), output), output))


def asks(course: Course, output: Output, path: str) -> bool:
    """Whether the map asks `output` for a value of `path` that `course` states (not only Nowhere)."""
    places = [place for place in FIELD_MAP[path][output] if not isinstance(place, Nowhere)]
    needs = [place.needs for place in places if isinstance(place, At) and place.needs]
    return bool(places) and _states(course, path) and all(_states(course, need) for need in needs)


def cases(names: tuple[str, ...], outputs: tuple[Output, ...]) -> Iterator[Any]:
    """A test case per reference course, output and field it states, marked when a defect loses it."""
    for name in names:
        for output in outputs:
            course = as_rendered(reference(name), output)
            for path in FIELD_MAP:
                if not asks(course, output, path):
                    continue
                known = gap(course, output, path)
                marks = [pytest.mark.xfail(strict=True, reason=known.reason)] if known else []
                yield pytest.param(name, output, path, marks=marks, id=f"{name}-{output}-{path}")


@pytest.fixture(autouse=True)
def _dated_by_the_course(monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents are dated by the course's `updated`, as the field map says, not by SOURCE_DATE_EPOCH."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def lost(course: Course, output: Output, data: bytes, fields: list[str] | None = None) -> list[str]:
    """What `data`, `course` rendered in `output`, lacks of the values of `fields` (or of every field)."""
    return [str(miss) for miss in missing(course, output, READERS[output](data), fields or list(FIELD_MAP))]


@pytest.mark.parametrize(("name", "output", "path"), list(cases(REFERENCE, FAST)))
def test_reference_courses_keep_every_fact(name: str, output: Output, path: str) -> None:
    """Each value the reference course states for the field is where the field map puts it in the output."""
    course = as_rendered(reference(name), output)
    assert [str(miss) for miss in missing(course, output, reading(name, output), [path])] == []


@pytest.mark.libreoffice
@pytest.mark.parametrize(("name", "output", "path"), list(cases(PDF_REFERENCE, ("pdf",))))
def test_reference_pdfs_keep_every_fact(name: str, output: Output, path: str) -> None:
    """Each value the reference course states for the field is in its PDF, where the field map puts it."""
    assert [str(miss) for miss in missing(reference(name), output, reading(name, output), [path])] == []


def _unaffected(course: Course, output: Output) -> list[str]:
    return [path for path in FIELD_MAP if gap(course, output, path) is None]


@pytest.mark.parametrize("output", ["docx", "epub", "html", "jsonld", "json"])
@settings(max_examples=examples(10), deadline=None)
@given(course=courses())
def test_generated_courses_keep_every_fact(output: Output, course: Course) -> None:
    """Any course's values are where the field map puts them, but for the known defects' fields."""
    assert lost(course, output, render(course, output), _unaffected(course, output)) == []


@settings(max_examples=examples(10), deadline=None)
@given(course=nearly_ready_courses())
def test_generated_courses_keep_every_fact_in_edudex(course: Course) -> None:
    """Any course ready for EDU-DEX has its values where the field map puts them in the document."""
    assume(not not_ready_lines(course))
    assert lost(course, "edudex", render(course, "edudex"), _unaffected(course, "edudex")) == []


# The check itself: it finds what is lost, and asks only what the map asks.


def test_a_lost_day_is_reported() -> None:
    """A run whose days are gone from the JSON-LD is reported, date by date."""
    course = reference("runs")
    data = reading("runs", "jsonld").data
    damaged = Reading(data={**data, "hasCourseInstance": [data["hasCourseInstance"][0], {}]})
    misses = missing(course, "jsonld", damaged, ["editions[].day_dates[]"])
    assert [(miss.path, miss.indices) for miss in misses] == [
        ("editions[].day_dates[]", (1, day)) for day in range(3)
    ]


def test_a_lost_text_is_reported() -> None:
    """A text missing from a document's text is reported with its field and place."""
    course = reference("runs")
    text = reading("runs", "docx").text
    damaged = Reading(text=text.replace(str(course.subtitle), ""))
    (miss,) = missing(course, "docx", damaged, ["subtitle"])
    assert (miss.path, miss.value) == ("subtitle", course.subtitle)


def test_words_are_found_whole() -> None:
    """A text is found as whole words: "trainer" is not in "trainers"."""
    course = reference("runs")

    def roles_missing(text: str) -> list[Any]:
        return [miss.value for miss in missing(course, "html", Reading(text=text), ["trainers[].role"])]

    assert roles_missing("staflid; leidt trainers op") == ["trainer"]
    assert roles_missing("staflid; trainer.") == []


def test_a_run_s_places_are_asked_only_of_a_course_with_runs(full_course: Course) -> None:
    """A course without runs has no run to carry its days' times in JSON-LD, and is not asked for them."""
    runless = variant(full_course, editions=[])
    assert _states(runless, "programme.days[].start_time")
    assert not asks(runless, "jsonld", "programme.days[].start_time")
    assert asks(full_course, "jsonld", "programme.days[].start_time")
    assert missing(runless, "jsonld", Reading(data={}), ["programme.days[].start_time"]) == []


def test_every_form_is_written() -> None:
    """Each form the field map uses has a way of writing values."""
    assert set(FORMS) == set(get_args(Form))


def test_the_gaps_are_the_known_defects() -> None:
    """Each known defect names fields of the map and shows in a reference course (else it is no gap)."""
    for item in GAPS:
        assert item.fields <= set(FIELD_MAP)
        assert any(item.shows(reference(name), path) for name in (*REFERENCE, "full") for path in item.fields)
