"""Hypothesis strategies for what registers ask (a day's sessions, the assessment, an accreditation's
status), and the step that makes a drawn course's hours agree with its days, as the model requires.

Part of :mod:`tests.strategies`; kept apart so that each module stays readable.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from hypothesis import strategies as st

from ncmw_course.hours import contact_hours, net_contact_hours
from ncmw_course.model import Course

__all__ = ["ASSESSMENTS", "STATUSES", "consistent_hours", "sessions", "timetabled"]

Json = dict[str, Any]

_DAY = (0, 24 * 3600 - 1)
"""Where the parts of a day without a start or end time may fall: from 00:00 to 23:59:59."""
_SCALE = 10_000
_POINTS = st.lists(st.integers(0, _SCALE - 1), max_size=10, unique=True)
_KINDS = st.sampled_from(("teaching", "teaching", "test", "break"))
_CHOICE = st.integers(0, 3)

STATUSES = st.sampled_from(("requested", "granted"))
"""An accreditation's status."""


def _seconds(value: str | None, default: int) -> int:
    if value is None:
        return default
    moment = time.fromisoformat(value)
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def _text(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, second = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}" + (f":{second:02d}" if second else "")


def sessions(draw: st.DrawFn, day: Json, titles: st.SearchStrategy[str]) -> list[Json]:
    """A day's parts: in order, apart from each other, within the day's times, and ending before its
    end (so that a day of breaks keeps some net time)."""
    low, high = _seconds(day.get("start_time"), _DAY[0]), _seconds(day.get("end_time"), _DAY[1])
    points = sorted({low + (high - low) * point // _SCALE for point in draw(_POINTS)})
    points = points[: len(points) // 2 * 2]
    parts = []
    for start, end in zip(points[::2], points[1::2], strict=True):
        part: Json = {"start_time": _text(start), "end_time": _text(end)}
        if draw(_CHOICE):
            part["title"] = draw(titles)
        if draw(_CHOICE):
            part["kind"] = draw(_KINDS)
        parts.append(part)
    return parts


def timetabled(draw: st.DrawFn, days: list[Json], titles: st.SearchStrategy[str]) -> None:
    """Every day given parts with some teaching in them, so that the course's net hours are known."""
    for day in days:
        parts = sessions(draw, day, titles)
        low, high = _seconds(day.get("start_time"), _DAY[0]), _seconds(day.get("end_time"), _DAY[1])
        if high <= low:  # a day that ends at 00:00 holds no part
            continue
        if not parts:
            parts = [{"start_time": _text(low), "end_time": _text(low + max(1, (high - low) // 2))}]
        if all(part.get("kind") == "break" for part in parts):
            parts[0]["kind"] = "teaching"
        day["sessions"] = parts


def consistent_hours(course: Json) -> None:
    """`course`'s hours made to agree with its days: typed contact hours within the days' times, those
    of the sessions where they give some, and a study load not below them."""
    hours = course.get("hours")
    if not isinstance(hours, dict):
        return
    draft = Course.model_validate({**course, "hours": None})
    contact, load = hours.get("contact_hours"), hours.get("study_load")
    computed = net_contact_hours(draft)
    if computed is not None and contact is not None:
        contact = computed
    if contact is not None and computed is None:
        contact = min(contact, _scheduled(course["programme"]["days"]) or contact)
    stated = contact if contact is not None else contact_hours(draft)
    if stated is not None and load is not None and load < stated:
        if computed is None and contact is not None:
            contact, load = load, contact  # both typed: the smaller is the contact hours
        else:
            load = stated  # the sessions fix the contact hours: the study load is at least those
    course["hours"] = {
        key: value for key, value in (("contact_hours", contact), ("study_load", load)) if key in hours
    }


def _scheduled(days: list[Json]) -> float | None:
    """The hours between the days' start and end times, when every day states both."""
    if not all("start_time" in day and "end_time" in day for day in days):
        return None
    return sum(
        (
            datetime.fromisoformat(f"2000-01-01T{day['end_time']}")
            - datetime.fromisoformat(f"2000-01-01T{day['start_time']}")
        ).total_seconds()
        / 3600
        for day in days
    )


def _assessments(paragraphs: st.SearchStrategy[list[str]]) -> st.SearchStrategy[Json]:
    return st.fixed_dictionaries({"final_test": st.booleans()}, optional={"description": paragraphs})


ASSESSMENTS = _assessments
"""Whether and how participants are tested, with paragraphs drawn from the given strategy."""
