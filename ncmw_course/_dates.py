"""Dates and times of a course file: written as text, ``YYYY-MM-DD`` and ``HH:MM`` (part of :mod:`ncmw_course.fields`).

A number is never read as a timestamp, and a time has no time zone: a course day is local.
"""

from __future__ import annotations

import re
from datetime import date, time
from typing import Annotated, Any, TypeAlias

from pydantic import AfterValidator, BeforeValidator, PlainSerializer, WithJsonSchema

__all__ = ["Date", "Time", "found_number"]


def _require_iso_text(value: Any, what: str) -> Any:
    # Why: pydantic would read a number as a Unix timestamp; a course file writes dates as text.
    if isinstance(value, int | float):
        msg = f"write the {what} as text, such as {_EXAMPLES[what]} (found {found_number(value)})"
        raise ValueError(msg)  # noqa: TRY004 - pydantic reports ValueError as a validation problem
    return value


_EXAMPLES = {"date": '"2026-03-10"', "time": '"09:30"'}


def found_number(value: bool | float) -> str:
    """A number (or true/false) as a message shows what was found: the number 5, true."""
    return str(value).lower() if isinstance(value, bool) else f"the number {value}"


def _local_time(value: time) -> time:
    # Why: a course day is at a place, in its local time; an offset would make times incomparable.
    if value.tzinfo is not None:
        msg = f'write the local time without a time zone, such as "{value:%H:%M}"'
        raise ValueError(msg)
    return value


_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME_TEXT = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?")
_TIME_PATTERN = f"^{_TIME_TEXT.pattern}$"
_ZONED_TIME = re.compile(r"[0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})", re.IGNORECASE)


def _date_text(value: Any) -> Any:
    # Why: pydantic would also take "2026-03-10T00:00" (and a number as a Unix timestamp).
    value = _require_iso_text(value, "date")
    if isinstance(value, str) and not _DATE_TEXT.fullmatch(value):
        msg = f'expected a date such as "2026-03-10" (year-month-day), found text {value!r}'
        raise ValueError(msg)
    return value


def _time_text(value: Any) -> Any:
    # Why: only the form a course file documents, HH:MM (or HH:MM:SS), so that the published
    # schema's pattern accepts exactly what the model accepts.
    value = _require_iso_text(value, "time")
    if not isinstance(value, str) or _TIME_TEXT.fullmatch(value):
        return value
    if _ZONED_TIME.fullmatch(value):
        msg = f'write the local time without a time zone, such as "{value[:5]}"'
    elif re.fullmatch(r"[0-9]:[0-5][0-9]", value):
        msg = f'write the hour with two digits, such as "0{value}" (found text {value!r})'
    else:
        msg = f'expected a time such as "09:30" (24-hour clock), found text {value!r}'
    raise ValueError(msg)


def _time_json(value: time) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


Date: TypeAlias = Annotated[
    date,
    BeforeValidator(_date_text),
    WithJsonSchema({"type": "string", "format": "date", "pattern": f"^{_DATE_TEXT.pattern}$"}),
]
"""A calendar date written as ``YYYY-MM-DD``."""

Time: TypeAlias = Annotated[
    time,
    BeforeValidator(_time_text),
    AfterValidator(_local_time),
    PlainSerializer(_time_json, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": _TIME_PATTERN}),
]
"""A time of day written as ``HH:MM`` on the 24-hour clock (``HH:MM:SS`` is read too); the
canonical JSON writes ``HH:MM``."""
