"""Net contact hours, computed from what a course states about its days' sessions and breaks.

Registers count net hours: teaching and tests, not reception, breaks, meals, travel, welcome or
introductions. A day's net hours are

- the sum of its parts that are no break (``teaching`` and ``test``), when it lists any; or
- when it lists only breaks, the time from its ``start_time`` to its ``end_time`` less those breaks.

A day that lists no parts has no net hours: its start and end time alone are gross times. The
course's net hours are the sum of its days', when every day has them; else they are unknown
(``None``). Nothing is guessed. :func:`contact_hours` is what documents and feeds state: the typed
``hours.contact_hours``, else the computed hours; :mod:`ncmw_course.consistency` makes sure the two
agree when a course states both.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ncmw_course.model import Course, Day, Session

__all__ = [
    "contact_hours",
    "day_net_hours",
    "hours_of_tests",
    "net_contact_hours",
    "self_study_hours",
    "session_seconds",
    "study_hours",
]

SECONDS_PER_HOUR = 3600


def session_seconds(start: time, end: time) -> int:
    """The seconds from `start` to `end` on one day."""
    return int((datetime.combine(datetime.min, end) - datetime.combine(datetime.min, start)).total_seconds())


def _length(session: Session) -> int:
    return session_seconds(session.start_time, session.end_time)


def _day_seconds(day: Day) -> int | None:
    counted = [session for session in day.sessions if session.kind != "break"]
    if counted:
        return sum(map(_length, counted))
    if day.sessions and day.start_time and day.end_time:  # only breaks: the rest of the day counts
        return session_seconds(day.start_time, day.end_time) - sum(map(_length, day.sessions))
    return None


def day_net_hours(day: Day) -> float | None:
    """The net hours of `day` (see the module's docstring), or None when its sessions do not say."""
    seconds = _day_seconds(day)
    return None if seconds is None else seconds / SECONDS_PER_HOUR


def net_contact_hours(course: Course) -> float | None:
    """The net contact hours of `course` computed from its days, or None when a day does not say."""
    days = [_day_seconds(day) for day in course.days]
    if any(seconds is None for seconds in days):
        return None
    return sum(seconds for seconds in days if seconds is not None) / SECONDS_PER_HOUR


def contact_hours(course: Course) -> float | None:
    """The net contact hours a course states: ``hours.contact_hours``, else those of its sessions."""
    typed = course.hours.contact_hours if course.hours else None
    return typed if typed is not None else net_contact_hours(course)


def hours_of_tests(course: Course) -> float:
    """The hours of the tests among the days' sessions (``kind: test``); 0 when none is listed."""
    seconds = sum(
        _length(session) for day in course.days for session in day.sessions if session.kind == "test"
    )
    return seconds / SECONDS_PER_HOUR


def study_hours(course: Course) -> float | None:
    """The hours the course asks of a participant: the study load, else the net contact hours."""
    load = course.hours.study_load if course.hours else None
    return load if load is not None else contact_hours(course)


def self_study_hours(course: Course) -> float | None:
    """The study load less the net contact hours, when the course states both; else None."""
    load = course.hours.study_load if course.hours else None
    contact = contact_hours(course)
    if load is None or contact is None:
        return None
    return max(load - contact, 0.0)
