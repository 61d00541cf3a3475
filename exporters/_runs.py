"""The days of each run: which date each programme day has in which run, and each run's ID, for the
feeds and the calendar.

A run (an edition) dates its days with ``day_dates``, one per programme day. A course may instead
date the days themselves (``programme.days[].date``); those are the dates of one run, the first
that holds the first dated day, as :mod:`ncmw_course.consistency` requires. Every other run leaves
its days undated: the course does not say when they are.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ncmw_course.model import Course, Edition

__all__ = ["digest", "run_day_dates", "run_ids", "unique"]


def run_day_dates(course: Course) -> list[tuple[date | None, ...]]:
    """For each run of `course`, the date of each programme day in it, or None where none is stated."""
    own = _own_dates_run(course)
    undated = (None,) * len(course.days)
    return [
        edition.day_dates or (tuple(day.date for day in course.days) if index == own else undated)
        for index, edition in enumerate(course.editions)
    ]


def _own_dates_run(course: Course) -> int | None:
    """The index of the run whose dates the days' own dates are, or None when no day has one."""
    first = next((day.date for day in course.days if day.date is not None), None)
    if first is None:
        return None
    return next(
        (index for index, edition in enumerate(course.editions) if _holds(edition, first)),
        None,
    )


def _holds(edition: Edition, day: date) -> bool:
    return edition.start_date <= day <= (edition.end_date or edition.start_date)


def run_ids(course: Course) -> list[str]:
    """A stable ID per run: the course's slug and the run's start date, unique within the course
    (``gespreksvoering-bij-scheiding-20270309``). A day of the run is the ID and its number."""
    slug = course.slug
    base = slug if len(slug) <= 40 else f"{slug[:31].rstrip('-')}-{digest(slug)[:8]}"
    return unique([f"{base}-{edition.start_date:%Y%m%d}" for edition in course.editions])


def unique(ids: list[str]) -> list[str]:
    """`ids`, with ``-2``, ``-3`` … added to repeats."""
    seen: dict[str, int] = {}
    result = []
    for item in ids:
        seen[item] = seen.get(item, 0) + 1
        result.append(item if seen[item] == 1 else f"{item}-{seen[item]}")
    return result


def digest(text: str) -> str:
    """The SHA-256 of `text` in hexadecimal: a short, stable stand-in for a long or non-ASCII name."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
