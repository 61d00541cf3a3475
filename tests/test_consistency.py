"""ncmw_course.consistency: fields that contradict each other are refused at the field to change."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ncmw_course import CourseDataError, parse_course
from tests.conftest import TESTDATA

Json = dict[str, Any]


def full() -> Json:
    """The full test course (3 days, one run with three day dates, 18 contact hours) as a dict."""
    document: Json = json.loads((TESTDATA / "course_full.json").read_text(encoding="utf-8"))
    return document


def problem(document: Json) -> tuple[str, str]:
    """The one (location, message) parse_course reports for `document`."""
    with pytest.raises(CourseDataError) as raised:
        parse_course(json.dumps(document, ensure_ascii=False, indent=2))
    (found,) = raised.value.problems
    assert found.line is not None  # located in the file
    return found.location, found.message


def test_the_reference_courses_are_consistent() -> None:
    """The full and maximal test courses, and the bundled one, pass every rule."""
    for name in ("course_full.json", "course_maximal.json", "course_minimal.json"):
        parse_course((TESTDATA / name).read_bytes())


def test_a_language_without_labels_is_refused() -> None:
    """German would get English headings; the course is refused with the languages there are."""
    assert problem(full() | {"language": "de"}) == (
        "language",
        (
            "'de' has no labels for headings and dates yet; documents can be written in 'nl' (Nederlands) or "
            "'en' (English): choose one of them"
        ),
    )


def test_a_regional_tag_of_a_supported_language_is_fine() -> None:
    """nl-BE and en-GB use the Dutch and English labels."""
    assert parse_course(json.dumps(full() | {"language": "nl-BE"})).language == "nl-BE"


def test_a_study_load_below_the_contact_hours_is_refused() -> None:
    """The study load counts the contact hours, so it cannot be less."""
    document = full()
    document["hours"] = {"contact_hours": 18, "study_load": 12.5}
    assert problem(document) == (
        "hours.study_load",
        (
            "is 12.5 hours, less than the 18 contact hours; the study load counts every hour a participant "
            "spends, the contact hours included"
        ),
    )


def test_contact_hours_beyond_the_days_times_are_refused() -> None:
    """Three days of 09:30–16:30, 09:30–16:30 and 09:30–16:00 hold 20.5 hours, not 24 (the days
    list no sessions here: their times are all there is)."""
    document = full()
    for day in document["programme"]["days"]:
        del day["sessions"]
    document["hours"] = {"contact_hours": 24, "study_load": 30}
    assert problem(document) == (
        "hours.contact_hours",
        (
            "is 24 hours, more than the 20.5 hours between the days' start and end times; correct the hours or "
            "the times"
        ),
    )


@pytest.mark.parametrize("count", [2, 4])
def test_day_dates_match_the_programme_days_one_to_one(count: int) -> None:
    """Four dates for three days would print a "Vierde dag"; two would leave a day undated."""
    document = full()
    dates = ["2027-03-09", "2027-03-12", "2027-03-16", "2027-03-23"]
    document["editions"][0]["day_dates"] = [dates[0], *dates[4 - count + 1 :]]
    document["programme"]["days"] = [
        {k: v for k, v in day.items() if k != "date"} for day in document["programme"]["days"]
    ]
    assert problem(document) == (
        "editions[0].day_dates",
        f"has {count} dates for a programme of 3 days; give one date per day, in the days' order",
    )


def test_a_run_starts_on_its_first_day_and_ends_on_its_last() -> None:
    """A first day date after the start date, or a last one before the end date, contradicts the run."""
    document = full()
    document["editions"][0]["start_date"] = "2027-03-08"
    assert problem(document) == (
        "editions[0].day_dates[0]",
        "2027-03-09 is not the run's start_date 2027-03-08; the run starts on its first day",
    )
    document = full()
    document["editions"][0]["end_date"] = "2027-03-30"
    assert problem(document) == (
        "editions[0].day_dates[2]",
        "2027-03-23 is not the run's end_date 2027-03-30; the run ends on its last day",
    )


def test_a_day_date_differing_from_its_run_is_refused() -> None:
    """A day's own date and the run's date for that day must be the same date."""
    document = full()
    document["programme"]["days"][1]["date"] = "2027-03-17"
    assert problem(document) == (
        "programme.days[1].date",
        "2027-03-17 differs from the date of this day in editions[0], 2027-03-16; keep one",
    )


def test_a_day_date_outside_every_run_is_refused() -> None:
    """A day dated where no run is cannot belong to the course's runs."""
    document = full()
    for day in document["programme"]["days"]:
        day.pop("date", None)
    document["programme"]["days"][0]["date"] = "2026-01-06"
    assert problem(document) == (
        "programme.days[0].date",
        "2026-01-06 is outside every run in editions; a day's date is the date of one run's day",
    )


def test_the_days_dates_belong_to_one_run() -> None:
    """The first day in one run and the second in another is a contradiction."""
    document = full()
    document["editions"].append({"start_date": "2027-09-07", "end_date": "2027-09-21"})
    document["programme"]["days"][1]["date"] = "2027-09-14"
    document["programme"]["days"][2]["date"] = "2027-09-21"
    assert problem(document) == (
        "programme.days[1].date",
        (
            "2027-09-14 is outside the run of editions[0] (2027-03-09 to 2027-03-23), where the earlier days' "
            "dates are; the days' dates are those of one run"
        ),
    )


def test_days_dates_follow_the_programme() -> None:
    """Without runs, the days' dates still run forward with the days."""
    document = full()
    document["editions"] = []
    document["programme"]["days"][2]["date"] = "2027-03-01"
    assert problem(document) == (
        "programme.days[2].date",
        "2027-03-01 is not after the date of an earlier day; the days' dates follow the programme",
    )
