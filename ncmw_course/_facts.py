"""The practical facts, a day's facts and a trainer's details as lines of text in the course's language.

Dates, times and amounts are written by the label table (:mod:`ncmw_course.labels`). Only what the
course states appears. :mod:`ncmw_course.outline` puts these lines into the brochure outline.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from ncmw_course.labels import Labels
    from ncmw_course.model import Accreditation, Course, Day, Edition, Location, Price, Trainer

__all__ = [
    "accreditation_line",
    "day_facts",
    "edition_lines",
    "final_test_line",
    "format_location",
    "points_line",
    "practical_rows",
    "price_line",
    "run_dates",
    "says",
    "session_rows",
    "trainer_details",
    "trainer_rows",
]

Row = tuple[str, str, tuple[str, ...]]
"""A practical fact: its language-neutral key, its label and its lines."""


def practical_rows(course: Course, labels: Labels) -> list[Row]:
    """The practical facts the course states, in a fixed order; none when it states none."""
    facts: list[Row] = []
    if len(course.editions) == 1:
        facts.append(("editions", labels.editions, tuple(edition_lines(course.editions[0], labels))))
    for number, edition in enumerate(course.editions if len(course.editions) > 1 else (), start=1):
        # Each run a row of its own, so that runs are visibly separate in every document.
        facts.append(("editions", labels.run.format(number=number), tuple(edition_lines(edition, labels))))
    if course.price:
        facts.append(("price", labels.price, (price_line(course.price, labels),)))
    hours = _hours(course, labels)
    if hours:
        facts.append(("hours", labels.hours, hours))
    if course.level:
        facts.append(("level", labels.level, (course.level,)))
    if course.max_participants:
        facts.append(("max_participants", labels.max_participants, (str(course.max_participants),)))
    if course.accreditations:
        lines = [accreditation_line(item, labels) for item in course.accreditations]
        facts.append(("accreditations", labels.accreditation, tuple(lines)))
    if course.certificate or course.certificate_conditions:
        lines = [text for text in (course.certificate, *course.certificate_conditions) if text]
        facts.append(("certificate", labels.certificate, tuple(lines)))
    if course.evaluation:
        facts.append(("evaluation", labels.evaluation, course.evaluation))
    return facts


def _hours(course: Course, labels: Labels) -> tuple[str, ...]:
    """The net contact hours (typed, or those of the sessions) and the study load, as the course states them."""
    from ncmw_course.hours import contact_hours

    contact, load = contact_hours(course), course.hours.study_load if course.hours else None
    return tuple(
        f"{label}: {labels.format_hours(value)}"
        for label, value in ((labels.contact_hours, contact), (labels.study_load, load))
        if value
    )


def price_line(price: Price, labels: Labels) -> str:
    """The price and how VAT applies: "€ 495,00 (vrijgesteld van btw)"."""
    amount = labels.format_amount(price.amount, price.currency)
    return f"{amount} ({price.vat_note})" if price.vat_note else amount


def points_line(accreditation: Accreditation, labels: Labels) -> str:
    """The points and their register: "18 punten bij Registerplein"."""
    return labels.points.format(
        points=labels.format_number(accreditation.points), registry=accreditation.registry
    )


def run_dates(edition: Edition, labels: Labels, write: Callable[[date], str] | None = None) -> str:
    """When a run is: its first day, or its first and last (written by `write`, by default in full)."""
    write = write or labels.format_date
    when = write(edition.start_date)
    if edition.end_date and edition.end_date != edition.start_date:
        when = labels.date_range.format(start=when, end=write(edition.end_date))
    return when


def accreditation_line(accreditation: Accreditation, labels: Labels) -> str:
    """An accreditation on one line: "18 punten bij Registerplein (RP-0000-TEST; toegekend; geldig …)"."""
    text = points_line(accreditation, labels)
    extra = [accreditation.identifier] if accreditation.identifier else []
    extra += [labels.statuses[accreditation.status]] if accreditation.status else []
    start, end = accreditation.valid_from, accreditation.valid_until
    if start and end:
        extra.append(labels.validity.format(start=labels.format_date(start), end=labels.format_date(end)))
    elif start:
        extra.append(labels.valid_from.format(start=labels.format_date(start)))
    elif end:
        extra.append(labels.valid_until.format(end=labels.format_date(end)))
    return f"{text} ({'; '.join(extra)})" if extra else text


def edition_lines(edition: Edition, labels: Labels) -> list[str]:
    """A run in lines: its dates and mode, its place, and the date of each day."""
    when = run_dates(edition, labels)
    if edition.mode:
        when += f" ({labels.modes[edition.mode]})"
    lines = [when]
    if edition.location:
        lines.append(format_location(edition.location, labels))
    lines.extend(
        f"{labels.day(number)}: {labels.format_date(day)}"
        for number, day in enumerate(edition.day_dates, start=1)
    )
    return lines


def day_facts(day: Day, labels: Labels) -> str:
    """When and where a day takes place, on one line; empty when the course does not say."""
    parts = []
    if day.date:
        parts.append(labels.format_date(day.date))
    times = labels.format_time_range(day.start_time, day.end_time)
    if times:
        parts.append(times)
    if day.location:
        parts.append(format_location(day.location, labels))
    return ", ".join(parts)


def session_rows(day: Day, labels: Labels) -> list[Row]:
    """A day's parts as rows of a timetable: the times as label, what happens as value, a break or a
    test said as such ("Lunch (pauze)", "Toets")."""
    rows: list[Row] = []
    for session in day.sessions:
        times = labels.format_time_range(session.start_time, session.end_time) or ""
        kind = labels.session_kinds[session.kind]
        if session.title is None:
            what = kind[:1].upper() + kind[1:]
        else:
            what = session.title if session.kind == "teaching" else f"{session.title} ({kind})"
        rows.append((session.kind, times, (what,)))
    return rows


def final_test_line(final_test: bool, labels: Labels) -> str:
    """Whether there is a final test, in words: "Eindtoets: ja"."""
    return labels.final_test.format(answer=labels.yes if final_test else labels.no)


def format_location(location: Location, labels: Labels | None = None) -> str:
    """A place on one line: "NCMW, zaal 2, Voorbeeldstraat 12, 5991 AA Baarlo, Nederland".

    The spaces inside the postal code are no-break spaces, so that "5991 AA" never breaks over
    lines. The country, when the course states it, is named in the labels' language (its code
    without `labels`).
    """
    postal_code = location.postal_code.replace(" ", "\u00a0") if location.postal_code else None
    town = " ".join(filter(None, (postal_code, location.locality)))
    country = _country_name(location.country, labels) if location.country else None
    return ", ".join(filter(None, (location.name, location.street_address, town, country)))


def _country_name(code: str, labels: Labels | None) -> str:
    if labels is None:
        return code
    from babel import Locale

    name: str = Locale.parse(labels.locale).territories.get(code, code)
    return name


def trainer_details(trainer: Trainer, labels: Labels) -> list[str]:
    """Lines, each with its label, for the structured facts about a trainer the biography does not say.

    Why: the biography holds the brochure's sentences, and the structured fields are usually
    phrases taken from it. Printing them again would repeat the brochure; leaving out one that the
    biography lacks would lose it. A fact counts as said only as whole words: "maatschappelijk
    werker" is not said by "maatschappelijk werkers".
    """
    said = " ".join(trainer.biography)
    lines = []
    for _, label, items in trainer_rows(trainer, labels):
        unsaid = [item for item in items if not says(said, item)]
        if unsaid:
            lines.append(f"{label}: {', '.join(unsaid)}")
    return lines


def trainer_rows(trainer: Trainer, labels: Labels) -> list[Row]:
    """The structured facts the course states about a trainer, a row each: role, organisation,
    training, qualifications, experience."""
    rows: list[Row] = [
        ("role", labels.role, (trainer.role,) if trainer.role else ()),
        ("organisation", labels.organisation, (trainer.organisation,) if trainer.organisation else ()),
        ("training", labels.training, trainer.training),
        ("qualifications", labels.qualifications, trainer.qualifications),
        ("experience", labels.experience, trainer.experience),
    ]
    return [row for row in rows if row[2]]


def says(text: str, phrase: str) -> bool:
    """Whether `text` contains `phrase` as whole words (not inside a longer word)."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None
