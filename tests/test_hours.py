"""Net contact hours computed from the days' sessions and breaks (ncmw_course.hours), and the rules
that keep them consistent with the typed hours and the days' times (ncmw_course.consistency)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ncmw_course import Course, CourseDataError, parse_course
from ncmw_course.hours import (
    contact_hours,
    day_net_hours,
    hours_of_tests,
    net_contact_hours,
    self_study_hours,
    study_hours,
)
from tests.conftest import TESTDATA

Json = dict[str, Any]

TWELVE_HOURS = [
    {
        "ordinal": 1,
        "theme": "Ochtend en middag",
        "start_time": "09:30",
        "end_time": "16:30",
        "sessions": [
            {"start_time": "09:30", "end_time": "10:00", "title": "Ontvangst", "kind": "break"},
            {"start_time": "10:00", "end_time": "12:30", "title": "Theorie"},
            {"start_time": "12:30", "end_time": "13:00", "title": "Lunch", "kind": "break"},
            {"start_time": "13:00", "end_time": "16:30", "title": "Oefenen"},
        ],
    },
    {
        "ordinal": 2,
        "theme": "Alleen de pauzes",
        "start_time": "09:00",
        "end_time": "16:00",
        "sessions": [{"start_time": "12:00", "end_time": "13:00", "title": "Lunch", "kind": "break"}],
    },
]
"""Two days of six net hours: one lists its teaching (2.5 + 3.5), one only its break (7 − 1)."""


def minimal(**changes: Any) -> Json:
    document: Json = json.loads((TESTDATA / "course_minimal.json").read_text(encoding="utf-8"))
    return document | changes


def twelve_hours(**changes: Any) -> Json:
    """The minimal course with the two days of :data:`TWELVE_HOURS`."""
    return minimal(programme={"days": json.loads(json.dumps(TWELVE_HOURS))}, **changes)


def course(document: Json) -> Course:
    return parse_course(json.dumps(document, ensure_ascii=False, indent=2), source="c.json")


def problem(document: Json) -> str:
    """The one problem a course file with `document` has, as the CLI prints it after 'Error: '."""
    with pytest.raises(CourseDataError) as raised:
        course(document)
    (found,) = raised.value.problems
    return found.describe("c.json")


def test_net_hours_are_the_teaching_or_the_day_less_its_breaks() -> None:
    """A day that lists teaching counts it; a day that lists only breaks counts the rest of its time."""
    twelve = course(twelve_hours())
    assert [day_net_hours(day) for day in twelve.days] == [6.0, 6.0]
    assert net_contact_hours(twelve) == contact_hours(twelve) == 12.0


def test_start_and_end_times_alone_are_no_net_hours() -> None:
    """A day without sessions has gross times only: the course's net hours are unknown."""
    document = twelve_hours()
    del document["programme"]["days"][1]["sessions"]
    partly = course(document)
    assert day_net_hours(partly.days[1]) is None
    assert net_contact_hours(partly) is None
    assert contact_hours(partly) is None


def test_only_breaks_without_the_day_s_times_give_no_net_hours() -> None:
    """Breaks alone need the day's start and end time to leave net hours."""
    document = twelve_hours()
    del document["programme"]["days"][1]["end_time"]
    assert net_contact_hours(course(document)) is None


def test_typed_hours_that_agree_are_kept() -> None:
    """Typed contact hours that agree with the sessions are stated as typed."""
    agreed = course(twelve_hours(hours={"contact_hours": 12, "study_load": 20}))
    assert contact_hours(agreed) == 12
    assert self_study_hours(agreed) == 8
    assert study_hours(agreed) == 20


def test_fourteen_typed_hours_against_twelve_from_the_sessions_are_refused_at_both_places() -> None:
    """The problem is at the typed hours, and names the sessions with their line in the file."""
    assert problem(twelve_hours(hours={"contact_hours": 14})) == (
        "c.json:79:22: hours.contact_hours: is 14 hours, but the days' sessions add up to 12 net hours "
        "(see programme.days[0].sessions at line 23); make the two agree, or leave out contact_hours: "
        "the sessions give them"
    )


def test_hours_that_differ_by_less_than_a_minute_agree() -> None:
    """12 h 20 min is 12.333… hours; a course that types 12.33 states the same hours."""
    document = twelve_hours(hours={"contact_hours": 12.33})
    document["programme"]["days"][1]["sessions"][0]["end_time"] = "12:40"
    assert net_contact_hours(course(document)) == pytest.approx(12 + 1 / 3)


def test_a_study_load_below_the_computed_hours_is_refused() -> None:
    assert problem(twelve_hours(hours={"study_load": 10})) == (
        "c.json:79:19: hours.study_load: is 10 hours, less than the 12 net hours of the days' sessions; "
        "the study load counts every hour a participant spends, the contact hours included"
    )


def test_tests_count_as_net_hours_and_are_counted_apart() -> None:
    """A test is training time (net hours) and its hours are known on their own (for SKJ's 18 hours)."""
    document = twelve_hours()
    document["programme"]["days"][0]["sessions"][3] = {
        "start_time": "13:00",
        "end_time": "16:30",
        "title": "Eindtoets",
        "kind": "test",
    }
    tested = course(document)
    assert (contact_hours(tested), hours_of_tests(tested)) == (12.0, 3.5)


@pytest.mark.parametrize(
    ("index", "change", "expected"),
    [
        (
            1,
            {"start_time": "09:45"},
            (
                "c.json:31:27: programme.days[0].sessions[1].start_time: 09:45 is before the previous part ends "
                "(10:00); list the parts in order, without overlap"
            ),
        ),
        (
            0,
            {"start_time": "09:00"},
            (
                "c.json:25:27: programme.days[0].sessions[0].start_time: 09:00 is before the day's start_time "
                "09:30; list the parts in order, without overlap"
            ),
        ),
        (
            3,
            {"end_time": "17:00"},
            "c.json:43:25: programme.days[0].sessions[3].end_time: 17:00 is after the day's end_time 16:30",
        ),
        (
            2,
            {"end_time": "12:00"},
            "c.json:37:25: programme.days[0].sessions[2].end_time: 12:00 is not after the start_time 12:30",
        ),
    ],
)
def test_parts_are_in_order_within_the_day(index: int, change: Json, expected: str) -> None:
    document = twelve_hours()
    document["programme"]["days"][0]["sessions"][index].update(change)
    assert problem(document) == expected


def test_a_course_of_breaks_only_is_refused() -> None:
    """Sessions that are all breaks and fill the days leave no training: that is a mistake."""
    document = twelve_hours()
    document["programme"]["days"] = document["programme"]["days"][1:]
    document["programme"]["days"][0] |= {"ordinal": 1, "start_time": "12:00", "end_time": "13:00"}
    assert problem(document) == (
        "c.json:23:21: programme.days[0].sessions: the days' sessions are all breaks, so the course has "
        "no net hours; list its teaching too"
    )


def test_the_full_course_s_sessions_give_its_eighteen_hours(full_course: Course) -> None:
    """The full test course types 18 contact hours, and its sessions agree: 6 + 6.5 + 5.5."""
    assert [day_net_hours(day) for day in full_course.days] == [6.0, 6.5, 5.5]
    assert net_contact_hours(full_course) == 18
    assert hours_of_tests(full_course) == 0.5
