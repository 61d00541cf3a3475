"""Rules that tie fields of a course together, as a registry clerk would check them.

Each field can be valid on its own while the course as a whole contradicts itself: four dates for a
three-day programme, a study load below the contact hours, a day dated outside its run. Such a
course would be published with a "Vierde dag" the programme does not have, so it is refused, with
the place of the field to fix. :class:`~ncmw_course.model.Course` runs these checks after its fields
are valid; the first contradiction found is reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ncmw_course.fields import FieldProblem

if TYPE_CHECKING:
    from ncmw_course.model import Course, Day, Edition

__all__ = ["SUPPORTED_LANGUAGES", "check_course"]

SUPPORTED_LANGUAGES = {"nl": "Nederlands", "en": "English"}
"""The languages documents can be written in: those with a label table (``ncmw_course.labels``)."""


def check_course(course: Course) -> None:
    """Raise a :class:`FieldProblem` at the first field that contradicts another.

    Raises:
        FieldProblem: A contradiction, located at the field to change.
    """
    _check_language(course.language)
    _check_sessions(course.days)
    _check_hours(course)
    _check_day_dates(course.days)
    for index, edition in enumerate(course.editions):
        _check_edition(course, index, edition)
    _check_days_in_a_run(course)


def _check_language(language: str) -> None:
    primary = language.split("-")[0].lower()
    if primary not in SUPPORTED_LANGUAGES:
        choices = " or ".join(f"'{code}' ({name})" for code, name in SUPPORTED_LANGUAGES.items())
        msg = (
            f"{language!r} has no labels for headings and dates yet; documents can be written in "
            f"{choices}: choose one of them"
        )
        raise FieldProblem(msg, "language")


def _check_hours(course: Course) -> None:
    from ncmw_course.hours import net_contact_hours

    hours = course.hours
    typed = hours.contact_hours if hours else None
    computed = net_contact_hours(course)
    if computed is not None:
        _check_computed_hours(course, typed, computed)
    contact = typed if typed is not None else computed
    load = hours.study_load if hours else None
    if contact is not None and load is not None and load < contact:
        counted = "contact hours" if typed is not None else "net hours of the days' sessions"
        msg = (
            f"is {load:g} hours, less than the {contact:g} {counted}; the study load counts "
            "every hour a participant spends, the contact hours included"
        )
        raise FieldProblem(msg, "hours", "study_load")
    scheduled = _scheduled_hours(course.days)
    if typed is not None and scheduled is not None and typed > scheduled:
        msg = (
            f"is {typed:g} hours, more than the {scheduled:g} hours between the days' start and end "
            "times; correct the hours or the times"
        )
        raise FieldProblem(msg, "hours", "contact_hours")


def _check_computed_hours(course: Course, typed: float | None, computed: float) -> None:
    """The hours the sessions give are some, and the typed contact hours, if any, are the same."""
    first = next(index for index, day in enumerate(course.days) if day.sessions)
    sessions = ("programme", "days", first, "sessions")
    if computed <= 0:
        msg = "the days' sessions are all breaks, so the course has no net hours; list its teaching too"
        raise FieldProblem(msg, *sessions)
    if typed is not None and abs(typed - computed) * 60 >= 1:  # the same to the minute
        place = f"programme.days[{first}].sessions"
        msg = (
            f"is {typed:g} hours, but the days' sessions add up to {_hours(computed)} net hours (see "
            f"{place}); make the two agree, or leave out contact_hours: the sessions give them"
        )
        raise FieldProblem(msg, "hours", "contact_hours", also=sessions)


def _hours(value: float) -> str:
    """Hours to the minute, as messages write them: 12, 12.5, 12.33."""
    return f"{round(value, 2):g}"


def _scheduled_hours(days: tuple[Day, ...]) -> float | None:
    """The hours from start to end of every day, when every day states both times; else None."""
    from ncmw_course.hours import SECONDS_PER_HOUR, session_seconds

    total = 0
    for day in days:
        if day.start_time is None or day.end_time is None:
            return None
        total += session_seconds(day.start_time, day.end_time)
    return total / SECONDS_PER_HOUR


def _check_sessions(days: tuple[Day, ...]) -> None:
    """A day's parts are in order, do not overlap, and lie within the day's start and end time."""
    for number, day in enumerate(days):
        previous_end = day.start_time
        for index, session in enumerate(day.sessions):
            place = ("programme", "days", number, "sessions", index)
            if previous_end is not None and session.start_time < previous_end:
                before = (
                    f"the day's start_time {previous_end:%H:%M}"
                    if index == 0
                    else f"the previous part ends ({previous_end:%H:%M})"
                )
                msg = (
                    f"{session.start_time:%H:%M} is before {before}; list the parts in order, without overlap"
                )
                raise FieldProblem(msg, *place, "start_time")
            if day.end_time is not None and session.end_time > day.end_time:
                msg = f"{session.end_time:%H:%M} is after the day's end_time {day.end_time:%H:%M}"
                raise FieldProblem(msg, *place, "end_time")
            previous_end = session.end_time


def _check_day_dates(days: tuple[Day, ...]) -> None:
    """The days' own dates, where given, follow the programme's order."""
    previous = None
    for index, day in enumerate(days):
        if day.date is None:
            continue
        if previous is not None and day.date <= previous:
            msg = f"{day.date} is not after the date of an earlier day; the days' dates follow the programme"
            raise FieldProblem(msg, "programme", "days", index, "date")
        previous = day.date


def _check_edition(course: Course, index: int, edition: Edition) -> None:
    days = course.days
    if edition.day_dates and len(edition.day_dates) != len(days):
        msg = (
            f"has {len(edition.day_dates)} date{'' if len(edition.day_dates) == 1 else 's'} for a programme of "
            f"{len(days)} day{'' if len(days) == 1 else 's'}; give one date per day, in the days' order"
        )
        raise FieldProblem(msg, "editions", index, "day_dates")
    if edition.day_dates and edition.day_dates[0] != edition.start_date:
        msg = f"{edition.day_dates[0]} is not the run's start_date {edition.start_date}; the run starts on its first day"
        raise FieldProblem(msg, "editions", index, "day_dates", 0)
    end = edition.end_date or edition.start_date
    if edition.day_dates and edition.day_dates[-1] != end:
        last = len(edition.day_dates) - 1
        msg = f"{edition.day_dates[-1]} is not the run's end_date {end}; the run ends on its last day"
        raise FieldProblem(msg, "editions", index, "day_dates", last)


def _check_days_in_a_run(course: Course) -> None:
    """The days' own dates are the dates of one run: all inside it, and its day_dates where it has them."""
    dated = [(number, day.date) for number, day in enumerate(course.days) if day.date is not None]
    if not dated or not course.editions:
        return
    first_number, first_date = dated[0]
    run = next(
        (
            (index, edition)
            for index, edition in enumerate(course.editions)
            if edition.start_date <= first_date <= (edition.end_date or edition.start_date)
        ),
        None,
    )
    if run is None:
        msg = f"{first_date} is outside every run in editions; a day's date is the date of one run's day"
        raise FieldProblem(msg, "programme", "days", first_number, "date")
    index, edition = run
    end = edition.end_date or edition.start_date
    for number, day_date in dated:
        if not edition.start_date <= day_date <= end:
            msg = (
                f"{day_date} is outside the run of editions[{index}] ({edition.start_date} to {end}), "
                "where the earlier days' dates are; the days' dates are those of one run"
            )
            raise FieldProblem(msg, "programme", "days", number, "date")
        if edition.day_dates and edition.day_dates[number] != day_date:
            msg = f"{day_date} differs from the date of this day in editions[{index}], {edition.day_dates[number]}; keep one"
            raise FieldProblem(msg, "programme", "days", number, "date")
