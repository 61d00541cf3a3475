"""The schedule of the EDU-DEX program document: its runs, their days, places and cost.

- ``programRun``: one per run (edition), with final start and end dates, its place, the course's
  price as a tuition fee, and a ``courseDay`` for each day the run dates (date, times, the day's
  own venue, the day's heading as name).
- ``genericProgramRun.courseDay``: the programme's days as every run has them, whether dated or
  not: day number, heading, start and end time and the day's own venue. This is where the days'
  times and venues stand when no run dates its days.

Times are local times at the venue, without a zone: the course states none. A day's heading is a
``name`` only when it fits EDU-DEX's 200 characters; it is always in the curriculum subject text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from exporters._runs import run_day_dates
from ncmw_course.labels import labels_for

if TYPE_CHECKING:
    from ncmw_course.labels import Labels
    from ncmw_course.model import Course, Day, Edition, Location, Price

__all__ = ["NAME_LIMIT", "program_schedule", "run_places"]

NAME_LIMIT = 200
"""EDU-DEX's ``name`` of a course day holds at most this many characters."""


def program_schedule(course: Course, run_ids: Sequence[str], key: str, *, open_: bool) -> dict[str, Any]:
    """``programSchedule``: a ``programRun`` per run, and the programme's days as ``genericProgramRun``.

    Args:
        course: The course.
        run_ids: The ID of each run, in the course's order.
        key: The key of localised texts (``nl``).
        open_: Whether applications are open, which every run's status says.
    """
    labels = labels_for(course)
    runs = zip(course.editions, run_ids, run_day_dates(course), strict=True)
    return {
        "programRun": [
            _run(course, edition, run_id, dates, key, labels, open_=open_) for edition, run_id, dates in runs
        ],
        "genericProgramRun": {"courseDay": [_generic_day(day, key, labels) for day in course.days]},
    }


def run_places(course: Course) -> list[str]:
    """The towns (else the venues) of every run and every day with a venue of its own, each once."""
    locations = [edition.location for edition in course.editions] + [day.location for day in course.days]
    return list(dict.fromkeys(place.locality or place.name for place in locations if place))


def _run(
    course: Course,
    edition: Edition,
    run_id: str,
    dates: tuple[date | None, ...],
    key: str,
    labels: Labels,
    *,
    open_: bool,
) -> dict[str, Any]:
    # A run the course lists is a fact, not an estimate: its dates are final.
    run: dict[str, Any] = {
        "id": run_id,
        "status": "application opened" if open_ else "application closed",
        "startDate": {"date": edition.start_date.isoformat(), "isFinal": True},
        "endDate": {"date": (edition.end_date or edition.start_date).isoformat(), "isFinal": True},
    }
    if edition.mode is not None:
        run["fullyOnline"] = edition.mode == "online"
    if edition.location is not None:
        run["location"] = _location(edition.location, key)
    if course.price is not None:
        run["cost"] = [_cost(course.price, f"{run_id}-fee", key)]
    days = [
        {
            "id": f"{run_id}-{day.ordinal}",
            "date": day_date.isoformat(),
            **_day_facts(day, key, labels, day_date),
        }
        for day, day_date in zip(course.days, dates, strict=True)
        if day_date is not None
    ]
    if days:
        run["courseDay"] = days
    return run


def _generic_day(day: Day, key: str, labels: Labels) -> dict[str, Any]:
    return {"id": f"day-{day.ordinal}", "dayNumber": day.ordinal, **_day_facts(day, key, labels)}


def _day_facts(day: Day, key: str, labels: Labels, day_date: date | None = None) -> dict[str, Any]:
    """A day's heading, its start and end times on a dated day, and its own venue, as far as stated.

    EDU-DEX's times are RFC 3339 times, with a UTC offset. A course's times are local times at the
    venue, in the Netherlands or Belgium, whose offset (+01:00, or +02:00 in summer) follows from the
    date; a day without a date has no offset, so its times are only in the curriculum's text.
    """
    facts: dict[str, Any] = {}
    title = labels.day_title(day.ordinal, day.theme)
    if len(title) <= NAME_LIMIT:
        facts["name"] = {key: title}
    if day_date is not None and day.start_time is not None:
        facts["startTime"] = _zoned(day_date, day.start_time)
    if day_date is not None and day.end_time is not None:
        facts["endTime"] = _zoned(day_date, day.end_time)
    if day.location is not None:
        facts["location"] = _location(day.location, key)
    return facts


VENUE_TIME_ZONE = "Europe/Amsterdam"
"""The time zone of the venues: NCMW's courses are given in the Netherlands and Belgium (one zone)."""


def _zoned(day_date: date, local: time) -> str:
    """A local time on a date as an RFC 3339 time with its offset: ``09:30:00+01:00``."""
    from zoneinfo import ZoneInfo

    moment = datetime.combine(day_date, local, ZoneInfo(VENUE_TIME_ZONE))
    return moment.isoformat().partition("T")[2]  # a time alone cannot know its zone's offset


def _location(place: Location, key: str) -> dict[str, Any]:
    """A place as EDU-DEX's ``location``: venue name, street, postal code, town, country in lower case."""
    found: dict[str, Any] = {"locationName": {key: place.name}}
    if place.street_address:
        found["address"] = place.street_address
    if place.postal_code:
        found["zipcode"] = place.postal_code
    if place.locality:
        found["city"] = place.locality
    if place.country:
        found["country"] = place.country.lower()  # EDU-DEX writes country codes in lower case
    return found


def _cost(price: Price, cost_id: str, key: str) -> dict[str, Any]:
    # The course's price is what a participant pays for the course, as stated: a final, required
    # tuition fee. Whether it includes VAT is only said in words, so no VAT code or amount is given.
    cost: dict[str, Any] = {
        "id": cost_id,
        "amount": f"{price.amount:.2f}",
        "amountIsFinal": True,
        "costType": "tuition fee",
        "currency": price.currency,
        "isRequiredCost": True,
    }
    if price.vat_note:
        cost["descriptionText"] = {key: price.vat_note}
    return cost
