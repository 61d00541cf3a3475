"""The calendar of :class:`exporters.ics.IcsExporter`, written with the ``icalendar`` library.

Times are local times in Europe/Amsterdam, written with ``TZID=Europe/Amsterdam`` and a VTIMEZONE
that holds that zone's rules from the day before the first event to the day after the last (from
Python's tz database, ``tzdata``): a day in October after the change to winter time is 09:30 local
time all the same. ``icalendar`` folds long lines and ends them with CRLF, as RFC 5545 asks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from exporters._reproducible import document_datetime
from exporters._runs import run_ids
from exporters.ics import run_days
from ncmw_course._facts import format_location, session_rows
from ncmw_course.labels import labels_for

if TYPE_CHECKING:
    from ncmw_course.labels import Labels
    from ncmw_course.model import Course, Day, Edition

__all__ = [
    "PRODUCT",
    "TIME_ZONE",
    "UID_DOMAIN",
    "calendar_bytes",
    "catalogue_calendar_bytes",
    "dated_runs",
]

TIME_ZONE = "Europe/Amsterdam"
"""Where NCMW's courses take place: the times a course states are local times there."""
PRODUCT = "-//NCMW//ncmw-course//NL"
"""The calendar's PRODID: who made it (without a version, so that the bytes stay the same)."""
UID_DOMAIN = "ncmw-course"
"""The part of each event's UID after the @."""


def calendar_bytes(course: Course) -> bytes:
    """An iCalendar file with an event per day per run of `course` (every day dated; see ``run_days``)."""
    return _calendar([(course, range(len(course.editions)))], course.title)


def catalogue_calendar_bytes(courses: Sequence[Course], name: str) -> bytes | None:
    """An iCalendar file named `name` with an event per day of every run of `courses` whose days are
    all dated; ``None`` when there is no such run."""
    dated = [(course, dated_runs(course)) for course in courses]
    if not any(runs for _, runs in dated):
        return None
    return _calendar(dated, name)


def dated_runs(course: Course) -> list[int]:
    """The runs of `course` (their places in ``editions``) whose days are all dated."""
    return [place for place, dates in enumerate(run_days(course)) if None not in dates]


def _calendar(runs: Sequence[tuple[Course, Sequence[int]]], name: str) -> bytes:
    """The calendar of the given runs of each course (their places in its ``editions``)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE)
    days: list[date] = []
    for course, places in runs:
        labels = labels_for(course)
        stamp = document_datetime(course.updated)
        ids, all_dates = run_ids(course), run_days(course)
        for place in places:
            edition, dates = course.editions[place], all_dates[place]
            for day, day_date in zip(course.days, dates, strict=True):
                assert day_date is not None  # only runs whose days are all dated
                calendar.add_component(
                    _event(course, labels, f"{ids[place]}-{day.ordinal}", edition, day, day_date, stamp)
                )
                days.append(day_date)
    calendar.add_missing_timezones(min(days) - timedelta(days=1), max(days) + timedelta(days=1))
    data: bytes = calendar.to_ical()
    return data


def _event(
    course: Course, labels: Labels, day_id: str, edition: Edition, day: Day, day_date: date, stamp: datetime
) -> Event:
    """One day of one run: when, where, what, and the course's page."""
    event = Event()
    event.add("uid", f"{day_id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", f"{course.title}: {labels.day(day.ordinal)}")
    if day.start_time and day.end_time:
        zone = ZoneInfo(TIME_ZONE)
        event.add("dtstart", datetime.combine(day_date, day.start_time, tzinfo=zone))
        event.add("dtend", datetime.combine(day_date, day.end_time, tzinfo=zone))
    else:  # the course does not say when the day starts and ends: the whole day
        event.add("dtstart", day_date)
        event.add("dtend", day_date + timedelta(days=1))
    place = day.location or edition.location
    if place is not None:  # a plain space in "5991 AA": maps and calendars search the address
        event.add("location", format_location(place, labels).replace("\u00a0", " "))
    if course.url is not None:
        event.add("url", course.url.href)
    event.add("description", "\n".join(_description(day, labels)))
    return event


def _description(day: Day, labels: Labels) -> list[str]:
    """The day's heading, its topics and its timetable, a line each."""
    lines = [labels.day_title(day.ordinal, day.theme)]
    lines += [f"- {topic}" for topic in day.topics]
    lines += [f"{times}: {what}" for _, times, (what,) in session_rows(day, labels)]
    return lines
