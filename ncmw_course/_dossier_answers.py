"""The dossier's answers as data: ``accreditation.json``, one key per question of the wizards, in the
dossier's order (see :mod:`ncmw_course.dossier`).

Values are the course's, in the forms of the canonical JSON: dates ``YYYY-MM-DD``, times ``HH:MM``,
hours and points as numbers, an amount as ``"495.00"``, codes as codes (``onsite``, ``break``,
``granted``). A place is one line, as the dossier writes it. What the course does not state is
``null`` or ``[]``.
"""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING, Any

from ncmw_course._facts import format_location

if TYPE_CHECKING:
    from ncmw_course.labels import Labels
    from ncmw_course.model import Accreditation, Course, Day, Edition, Session, Trainer

__all__ = ["ANSWERS_FORMAT", "dossier_answers"]

Json = Any

ANSWERS_FORMAT = "ncmw-course accreditation answers 1"
"""What ``accreditation.json`` is, and the version of its keys."""


def dossier_answers(course: Course) -> dict[str, Json]:
    """The answers to the registers' questions about `course`, a key per question."""
    from ncmw_course.hours import contact_hours, hours_of_tests, self_study_hours
    from ncmw_course.labels import labels_for

    labels = labels_for(course)
    contact = course.accreditation_contact or course.contact
    answers: dict[str, Json] = {
        "title": course.title,
        "subtitle": course.subtitle,
        "short_description": course.listing_summary,
        "description": list(course.description),
        "provider": course.provider.name,
        "kind_of_course": list(dict.fromkeys(edition.mode for edition in course.editions if edition.mode)),
        "contact_person": {
            "name": contact.name,
            "email": str(contact.email) if contact.email else None,
            "phone": contact.phone.display if contact.phone else None,
        },
        "accreditations": [_accreditation(item) for item in course.accreditations],
        "course_page": course.url.href if course.url else None,
        "target_group": list(course.audience),
        "entry_level": course.level,
        "learning_goals": list(course.goals),
        "net_contact_hours": _number(contact_hours(course)),
        "test_hours": _number(hours_of_tests(course) or None),
        "self_study_hours": _number(self_study_hours(course) or None),
        "study_load": _number(course.hours.study_load if course.hours else None),
        "programme_introduction": list(course.programme.introduction),
        "days": [_day(day, labels) for day in course.days],
        "teaching_methods": list(course.method),
        "trainers": [_trainer(trainer) for trainer in course.trainers],
        "assessment": (
            {"final_test": course.assessment.final_test, "description": list(course.assessment.description)}
            if course.assessment
            else None
        ),
        "evaluation": list(course.evaluation),
        "certificate": course.certificate,
        "certificate_conditions": list(course.certificate_conditions),
        "literature": list(course.literature),
        "costs": course.price.model_dump(mode="json") if course.price else None,
        "runs": [_run(edition, labels) for edition in course.editions],
        "max_participants": course.max_participants,
    }
    return {"format": ANSWERS_FORMAT, "course": course.slug, "language": course.language, "answers": answers}


def _number(value: float | None) -> int | float | None:
    """A number as JSON writes it plainly: 18, not 18.0."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 4)


def _iso(value: date | time | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, time):  # as the canonical JSON writes a time: "09:30", or "09:30:15"
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    return value.isoformat()


def _accreditation(accreditation: Accreditation) -> dict[str, Json]:
    return {
        "register": accreditation.registry,
        "activity_id": accreditation.identifier,
        "points": _number(accreditation.points),
        "status": accreditation.status,
        "valid_from": _iso(accreditation.valid_from),
        "valid_until": _iso(accreditation.valid_until),
    }


def _day(day: Day, labels: Labels) -> dict[str, Json]:
    from ncmw_course.hours import day_net_hours

    return {
        "day": day.ordinal,
        "theme": day.theme,
        "date": _iso(day.date),
        "start_time": _iso(day.start_time),
        "end_time": _iso(day.end_time),
        "location": format_location(day.location, labels) if day.location else None,
        "topics": list(day.topics),
        "sessions": [_session(session) for session in day.sessions],
        "net_hours": _number(day_net_hours(day)),
    }


def _session(session: Session) -> dict[str, Json]:
    return {
        "start_time": _iso(session.start_time),
        "end_time": _iso(session.end_time),
        "title": session.title,
        "kind": session.kind,
    }


def _trainer(trainer: Trainer) -> dict[str, Json]:
    return {
        "name": trainer.name,
        "role": trainer.role,
        "organisation": trainer.organisation,
        "training": list(trainer.training),
        "qualifications": list(trainer.qualifications),
        "experience": list(trainer.experience),
        "biography": list(trainer.biography),
    }


def _run(edition: Edition, labels: Labels) -> dict[str, Json]:
    return {
        "start_date": _iso(edition.start_date),
        "end_date": _iso(edition.end_date),
        "day_dates": [_iso(day) for day in edition.day_dates],
        "mode": edition.mode,
        "location": format_location(edition.location, labels) if edition.location else None,
    }
