"""``ics``: a calendar of the course's dated runs (iCalendar, RFC 5545), an event per course day per run."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from exporters._runs import run_day_dates
from ncmw_course.readiness import Requirement, refusal

if TYPE_CHECKING:
    from ncmw_course.model import Course
    from ncmw_course.readiness import RequirementLevel

__all__ = ["IcsExporter", "ics_requirements", "run_days"]


class IcsExporter:
    """Writes the dated runs of a course as an iCalendar file, for participants' and trainers' calendars.

    Each day of each run is an event from its start to its end time in Europe/Amsterdam (the
    calendar holds that VTIMEZONE), at the day's place or else the run's, with the course's web
    page; a day whose start and end time the course does not both state is an all-day event. Each
    event's UID is made from the slug, the run (its start date) and the day number, so a calendar
    that imports the file again updates its events rather than adding them twice. Events are
    stamped with the course's ``updated`` date (or ``SOURCE_DATE_EPOCH``): the same course gives
    the same bytes. A course without dated runs is not ready for it.
    """

    name: ClassVar[str] = "ics"
    file_extension: ClassVar[str] = ".ics"
    media_type: ClassVar[str] = "text/calendar"
    description: ClassVar[str] = "Calendar of the dated runs (iCalendar): an event per course day per run"
    requirement_level: ClassVar[RequirementLevel] = "required"

    def requirements(self, course: Course) -> list[Requirement]:
        """Dated runs (see :func:`ics_requirements`)."""
        return ics_requirements(course)

    def render(self, course: Course) -> bytes:
        """The calendar as the bytes of an .ics file (UTF-8, CRLF line ends, folded lines).

        Raises:
            NotReadyError: The course has no run, or a run whose days are not all dated.
        """
        from exporters._ics import calendar_bytes

        error = refusal(self.name, self.requirements(course))
        if error is not None:
            raise error
        return calendar_bytes(course)


def run_days(course: Course) -> list[tuple[date | None, ...]]:
    """The date of each day of each run; a run of a one-day programme is on its start date."""
    dates = run_day_dates(course)
    if len(course.days) != 1:
        return dates
    return [(edition.start_date,) for edition in course.editions]


def ics_requirements(course: Course) -> list[Requirement]:
    """A calendar needs dated runs: at least one run, and a date for every day of every run."""
    return [
        Requirement("editions", "at least one dated run", bool(course.editions)),
        Requirement(
            "editions[].day_dates",
            "the date of every day of every run (day_dates, or the days' own dates for their run)",
            bool(course.editions) and all(None not in dates for dates in run_days(course)),
        ),
    ]
