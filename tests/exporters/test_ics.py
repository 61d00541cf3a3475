"""The ics exporter: an event per course day per run, read back by a second, independent iCalendar
parser (vobject, which builds each event's zone from the file's own VTIMEZONE)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import vobject
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from exporters.ics import ics_requirements
from ncmw_course import Course, NotReadyError, parse_course, render
from ncmw_course.cli import cli
from tests.conftest import TESTDATA
from tests.strategies import course_dicts, examples


def parsed(data: bytes) -> Any:
    """The calendar as vobject reads it."""
    return vobject.readOne(data.decode("utf-8"))


def full_calendar() -> Any:
    course = parse_course((TESTDATA / "course_full.json").read_bytes())
    return parsed(render(course, "ics"))


@pytest.fixture(autouse=True)
def _dated_by_the_course(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_an_event_per_day_per_run_with_stable_uids() -> None:
    """Two runs of three days: six events, each UID the slug, the run's start date and the day."""
    events = full_calendar().vevent_list
    assert [event.uid.value for event in events] == [
        f"gespreksvoering-bij-scheiding-{run}-{day}@ncmw-course"
        for run in ("20270309", "20271019")
        for day in (1, 2, 3)
    ]
    assert [event.summary.value for event in events[:3]] == [
        "Gespreksvoering bij scheiding: Eerste dag",
        "Gespreksvoering bij scheiding: Tweede dag",
        "Gespreksvoering bij scheiding: Derde dag",
    ]


def test_local_times_hold_across_the_change_to_winter_time() -> None:
    """09:30 in Amsterdam is 07:30 UTC on 26 October 2027 (summer time) and 08:30 UTC on 2 November."""
    events = full_calendar().vevent_list
    october = events[3:]
    assert [event.dtstart.value.strftime("%Y-%m-%d %H:%M") for event in october] == [
        "2027-10-19 09:30", "2027-10-26 09:30", "2027-11-02 09:30",
    ]  # fmt: skip
    assert [event.dtstart.value.astimezone(UTC) for event in october] == [
        datetime(2027, 10, 19, 7, 30, tzinfo=UTC),
        datetime(2027, 10, 26, 7, 30, tzinfo=UTC),
        datetime(2027, 11, 2, 8, 30, tzinfo=UTC),
    ]
    assert events[5].dtend.value.astimezone(UTC) == datetime(2027, 11, 2, 15, 0, tzinfo=UTC)  # 16:00 CET


def test_the_time_zone_is_in_the_file(full_course: Course) -> None:
    """The events' times name Europe/Amsterdam, whose VTIMEZONE the file holds (vobject reads it)."""
    data = render(full_course, "ics")
    calendar = parsed(data)
    (zone,) = calendar.vtimezone_list
    assert zone.tzid.value == "Europe/Amsterdam"
    events = data.decode("utf-8").split("BEGIN:VEVENT")[1:]
    starts = [line for event in events for line in event.splitlines() if line.startswith("DTSTART")]
    assert len(starts) == 6
    assert all(line.startswith("DTSTART;TZID=Europe/Amsterdam:2027") for line in starts)
    assert [event.dtstart.value.tzname() for event in calendar.vevent_list] == ["CET"] * 3 + ["CEST"] * 2 + [
        "CET"
    ]


def test_each_event_has_its_place_and_the_course_page() -> None:
    events = full_calendar().vevent_list
    assert (
        events[0].location.value == "NCMW, zaal 2, Voorbeeldstraat 12, 5991 AA Baarlo, Nederland"
    )  # the day's own
    assert events[4].location.value == "NCMW, zaal 2, Baarlo, Nederland"  # the run's
    assert {event.url.value for event in events} == {
        "https://www.ncmw.nl/cursussen/gespreksvoering-bij-scheiding"
    }
    assert events[2].description.value.splitlines() == [
        "Derde dag: Afspraken die werken",
        "- Het ouderschapsplan",
        "- Evaluatie & afsluiting",
        "09:30 – 12:00 uur: Het ouderschapsplan",
        "12:00 – 12:45 uur: Lunch (pauze)",
        "12:45 – 15:15 uur: Casusbespreking",
        "15:15 – 15:45 uur: Kennistoets (toets)",
        "15:45 – 16:00 uur: Evaluatie en afsluiting (pauze)",
    ]


def test_same_course_same_bytes_dated_by_the_course(full_course: Course) -> None:
    first = render(full_course, "ics")
    assert first == render(full_course, "ics")
    assert {event.dtstamp.value for event in parsed(first).vevent_list} == {datetime(2026, 9, 1, tzinfo=UTC)}


def test_source_date_epoch_dates_the_events(full_course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    stamps = {event.dtstamp.value for event in parsed(render(full_course, "ics")).vevent_list}
    assert stamps == {datetime.fromtimestamp(1_800_000_000, tz=UTC)}


def test_a_changed_course_keeps_its_uids(full_course: Course) -> None:
    """A new title or new times do not change the UIDs: a calendar updates its events."""
    changed = full_course.model_copy(update={"title": "Nieuwe titel"})
    uids = [event.uid.value for event in parsed(render(changed, "ics")).vevent_list]
    assert uids == [event.uid.value for event in parsed(render(full_course, "ics")).vevent_list]


def test_rfc_5545_lines(full_course: Course) -> None:
    """Every line ends in CRLF and is at most 75 octets long."""
    data = render(full_course, "ics")
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in b"".join(lines)


def test_a_day_without_both_times_is_a_whole_day(full_course: Course) -> None:
    days = full_course.programme.model_dump(mode="json")["days"]
    del days[1]["end_time"]
    for day in days:
        day["sessions"] = []
    document = full_course.model_dump(mode="json") | {"programme": {"days": days}}
    events = parsed(render(parse_course(json.dumps(document)), "ics")).vevent_list
    assert (events[1].dtstart.value, events[1].dtend.value) == (date(2027, 3, 16), date(2027, 3, 17))


def test_a_one_day_run_is_on_its_start_date(minimal_course: Course) -> None:
    dated = minimal_course.model_copy(update={"editions": [{"start_date": "2027-05-11"}]})
    (event,) = parsed(render(dated, "ics")).vevent_list
    assert event.dtstart.value == date(2027, 5, 11)


def test_a_course_without_dated_runs_is_refused(bundled_course: Course, full_course: Course) -> None:
    with pytest.raises(NotReadyError) as raised:
        render(bundled_course, "ics")
    assert raised.value.fields == ("editions", "editions[].day_dates")
    undated = full_course.model_dump(mode="json")
    for run in undated["editions"]:
        run["day_dates"] = []
    course = parse_course(json.dumps(undated))
    assert [item.field for item in ics_requirements(course) if not item.present] == ["editions[].day_dates"]


def test_export_says_what_to_add(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "ics", "-o", str(tmp_path / "c.ics")])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: the course is not ready for ics; add to the course file:\n"
        "  - editions: at least one dated run\n"
        "  - editions[].day_dates: the date of every day of every run (day_dates, or the days' own dates for "
        "their run)\n"
        "(see 'ncmw-course check --for ics')\n"
    )


def _dated(drawn: tuple[dict[str, Any], date]) -> Course:
    """A generated course given one run that dates each of its days, one day after another."""
    document, start = drawn
    for day in document["programme"]["days"]:
        day.pop("date", None)
    dates = [
        (start + timedelta(days=number)).isoformat() for number in range(len(document["programme"]["days"]))
    ]
    document["editions"] = [{"start_date": dates[0], "end_date": dates[-1], "day_dates": dates}]
    return Course.model_validate(document)


@settings(max_examples=examples(10), deadline=None)
@given(course=st.tuples(course_dicts(), st.dates(date(1990, 1, 1), date(2100, 12, 31))).map(_dated))
def test_any_dated_course_is_a_calendar_vobject_reads(course: Course) -> None:
    """Every course with dated runs gives a calendar vobject can read, with an event per run day."""
    calendar = parsed(render(course, "ics"))
    assert len(calendar.vevent_list) == len(course.editions) * len(course.days)
    assert len({event.uid.value for event in calendar.vevent_list}) == len(calendar.vevent_list)
