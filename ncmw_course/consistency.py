"""Rules that tie fields of a course together, as a registry clerk would check them.

Each field can be valid on its own while the course as a whole contradicts itself: four dates for a
three-day programme, a study load below the contact hours, a day dated outside its run. Such a
course would be published with a "Vierde dag" the programme does not have, so it is refused, with
the place of the field to fix. :class:`~ncmw_course.model.Course` runs these checks after its fields
are valid; the first contradiction found is reported.
"""

from __future__ import annotations

from datetime import datetime
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
    hours = course.hours
    if hours is None:
        return
    contact, load = hours.contact_hours, hours.study_load
    if contact is not None and load is not None and load < contact:
        msg = (
            f"is {load:g} hours, less than the {contact:g} contact hours; the study load counts "
            "every hour a participant spends, the contact hours included"
        )
        raise FieldProblem(msg, "hours", "study_load")
    scheduled = _scheduled_hours(course.days)
    if contact is not None and scheduled is not None and contact > scheduled:
        msg = (
            f"is {contact:g} hours, more than the {scheduled:g} hours between the days' start and end "
            "times; correct the hours or the times"
        )
        raise FieldProblem(msg, "hours", "contact_hours")


def _scheduled_hours(days: tuple[Day, ...]) -> float | None:
    """The hours from start to end of every day, when every day states both times; else None."""
    total = 0.0
    for day in days:
        if day.start_time is None or day.end_time is None:
            return None
        start = datetime.combine(datetime.min, day.start_time)
        total += (datetime.combine(datetime.min, day.end_time) - start).total_seconds() / 3600
    return total


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
