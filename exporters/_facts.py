"""The practical facts of a course as lines of text: shared by every document exporter.

Dates, times and amounts are written by the label table in the course's language. Only what the
course states appears: an empty course gives no facts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ncmw_course.labels import Labels
    from ncmw_course.model import Accreditation, Course, Day, Edition, Location, Trainer

__all__ = ["day_facts", "format_location", "practical_facts", "trainer_details"]


def practical_facts(course: Course, labels: Labels) -> list[tuple[str, list[str]]]:
    """The practical facts the course states, as (label, lines), in a fixed order."""
    facts: list[tuple[str, list[str]]] = []
    if course.editions:
        facts.append(
            (labels.editions, [line for edition in course.editions for line in _edition(edition, labels)])
        )
    if course.price:
        price = labels.format_amount(course.price.amount, course.price.currency)
        facts.append(
            (labels.price, [f"{price} ({course.price.vat_note})" if course.price.vat_note else price])
        )
    if course.hours:
        lines = []
        if course.hours.contact_hours:
            lines.append(f"{labels.contact_hours}: {labels.format_hours(course.hours.contact_hours)}")
        if course.hours.study_load:
            lines.append(f"{labels.study_load}: {labels.format_hours(course.hours.study_load)}")
        if lines:
            facts.append((labels.hours, lines))
    if course.level:
        facts.append((labels.level, [course.level]))
    if course.max_participants:
        facts.append((labels.max_participants, [str(course.max_participants)]))
    if course.accreditations:
        facts.append((labels.accreditation, [_accreditation(item, labels) for item in course.accreditations]))
    if course.certificate or course.certificate_conditions:
        facts.append(
            (
                labels.certificate,
                [text for text in (course.certificate, *course.certificate_conditions) if text],
            )
        )
    if course.evaluation:
        facts.append((labels.evaluation, list(course.evaluation)))
    return facts


def _accreditation(accreditation: Accreditation, labels: Labels) -> str:
    text = labels.points.format(
        points=labels.format_number(accreditation.points), registry=accreditation.registry
    )
    extra = [accreditation.identifier] if accreditation.identifier else []
    if accreditation.valid_from or accreditation.valid_until:
        start = labels.format_date(accreditation.valid_from) if accreditation.valid_from else "…"
        end = labels.format_date(accreditation.valid_until) if accreditation.valid_until else "…"
        extra.append(labels.validity.format(start=start, end=end))
    return f"{text} ({'; '.join(extra)})" if extra else text


def _edition(edition: Edition, labels: Labels) -> list[str]:
    when = labels.format_date(edition.start_date)
    if edition.end_date and edition.end_date != edition.start_date:
        when = labels.date_range.format(start=when, end=labels.format_date(edition.end_date))
    if edition.mode:
        when += f" ({labels.modes[edition.mode]})"
    lines = [when]
    if edition.location:
        lines.append(format_location(edition.location))
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
        parts.append(format_location(day.location))
    return ", ".join(parts)


def format_location(location: Location) -> str:
    """A place on one line: "NCMW, zaal 2, Voorbeeldstraat 12, 5991 AA Baarlo"."""
    town = " ".join(filter(None, (location.postal_code, location.locality)))
    return ", ".join(filter(None, (location.name, location.street_address, town)))


def trainer_details(trainer: Trainer, labels: Labels) -> list[str]:
    """Lines for the structured facts about a trainer that the biography does not already say.

    Why: the biography holds the brochure's sentences, and the structured fields are usually
    phrases taken from it. Printing them again would repeat the brochure; leaving out one that the
    biography lacks would lose it.
    """
    said = " ".join(trainer.biography)
    lines = []
    position = ", ".join(part for part in (trainer.role, trainer.organisation) if part and part not in said)
    if position:
        lines.append(position)
    for label, items in (
        (labels.training, trainer.training),
        (labels.qualifications, trainer.qualifications),
        (labels.experience, trainer.experience),
    ):
        unsaid = [item for item in items if item not in said]
        if unsaid:
            lines.append(f"{label}: {', '.join(unsaid)}")
    return lines
