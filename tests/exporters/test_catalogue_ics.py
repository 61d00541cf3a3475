"""The catalogue-ics exporter: every dated run of every course in one calendar, read back by an
independent iCalendar parser (vobject), with the same events as each course's own ``ics`` file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import vobject

from exporters._runs import run_ids
from exporters.ics import run_days
from ncmw_course import Course, NotReadyError, load_course, render, render_catalogue
from ncmw_course.building import build
from tests.catalogue_courses import generated_catalogue
from tests.conftest import TESTDATA


def parsed(data: bytes) -> Any:
    """The calendar as vobject reads it."""
    return vobject.readOne(data.decode("utf-8"))


def events(data: bytes) -> dict[str, dict[str, object]]:
    """Each event of the calendar by its UID: when, what, where, and the page."""
    found = {}
    for event in parsed(data).vevent_list:
        found[event.uid.value] = {
            name: getattr(event, name).value
            for name in ("dtstart", "dtend", "summary", "location", "url", "description", "dtstamp")
            if hasattr(event, name)
        }
    return found


def reference_courses() -> list[Course]:
    return [
        load_course(TESTDATA / f"course_{name}.json") for name in ("full", "runs", "minimal", "maximal")
    ] + [load_course()]


@pytest.fixture(autouse=True)
def _dated_by_the_courses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.mark.parametrize("courses", ["reference", "generated"])
def test_the_events_are_those_of_each_dated_run(courses: str) -> None:
    """For the reference courses and 200 generated ones: an event per day of every run whose days
    are all dated, and no other; a course whose runs are all dated has exactly the events of its
    own ics file."""
    chosen = list(reference_courses() if courses == "reference" else generated_catalogue())
    found = events(render_catalogue(chosen, "catalogue-ics"))
    expected_uids = {
        f"{run_id}-{day.ordinal}@ncmw-course"
        for course in chosen
        for run_id, dates in zip(run_ids(course), run_days(course), strict=True)
        if None not in dates
        for day in course.days
    }
    assert set(found) == expected_uids
    dated = [course for course in chosen if course.editions and None not in sum(run_days(course), ())]
    assert len(dated) >= (2 if courses == "reference" else 20), "the test needs dated courses"
    for course in dated:
        assert events(render(course, "ics")).items() <= found.items()


def test_a_run_with_an_undated_day_is_left_out_and_the_others_kept() -> None:
    """A course whose second run has no day dates: its own ics refuses it, the catalogue keeps its
    first run."""
    course = load_course(TESTDATA / "course_full.json")
    first, second = course.editions
    undated = second.model_copy(update={"day_dates": ()})
    partly = course.model_copy(update={"editions": [first, undated]})
    with pytest.raises(NotReadyError):
        render(partly, "ics")
    uids = sorted(events(render_catalogue([partly], "catalogue-ics")))
    assert uids == [f"gespreksvoering-bij-scheiding-20270309-{day}@ncmw-course" for day in (1, 2, 3)]


def test_the_calendar_is_named_after_the_catalogue_and_its_providers() -> None:
    calendar = parsed(render_catalogue(reference_courses(), "catalogue-ics"))
    assert calendar.contents["x-wr-calname"][0].value == "Cursusaanbod – NCMW"
    assert calendar.prodid.value == "-//NCMW//ncmw-course//NL"


def test_without_a_dated_run_the_catalogue_is_not_ready() -> None:
    with pytest.raises(NotReadyError) as raised:
        render_catalogue([load_course()], "catalogue-ics")
    assert raised.value.missing == ("editions: a run whose days are all dated, in at least one course",)


def test_same_courses_same_bytes() -> None:
    courses = reference_courses()
    assert render_catalogue(courses, "catalogue-ics") == render_catalogue(courses, "catalogue-ics")


def test_a_build_writes_it_and_the_catalogue_page_links_to_it(tmp_path: Path) -> None:
    files = [TESTDATA / "course_full.json", TESTDATA / "course_runs.json"]
    summary = build(files, tmp_path, formats=["html", "catalogue-ics", "catalogue-html"], jobs=1)
    assert summary.ok
    assert (tmp_path / "catalogue.ics").read_bytes() == render_catalogue(
        [load_course(file) for file in files], "catalogue-ics"
    )
    assert 'href="catalogue.ics"' in (tmp_path / "catalogue.html").read_text(encoding="utf-8")


def test_a_build_without_dated_runs_skips_it_and_the_page_does_not_link_to_it(tmp_path: Path) -> None:
    events_seen: list[str] = []
    summary = build(
        [],
        tmp_path,
        formats=["html", "catalogue-ics", "catalogue-html"],
        jobs=1,
        on_event=lambda event: events_seen.append(str(event)),
    )
    assert summary.ok
    assert (
        "Skipped catalogue-ics: not ready; editions: a run whose days are all dated, in at least one course"
        in events_seen
    )
    assert not (tmp_path / "catalogue.ics").exists()
    assert "catalogue.ics" not in (tmp_path / "catalogue.html").read_text(encoding="utf-8")
