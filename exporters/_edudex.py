"""The EDU-DEX program document of a course: the Data API's ``program_in`` shape, as JSON data.

Every value comes from the course. What EDU-DEX requires and the course does not state is reported
by ``check --for edudex`` (and the export), never filled in; texts are never cut to fit a limit.
Localised texts carry one key, the course's primary language (``nl``). This module maps the
course's structured fields (codes, runs, dates, cost, contacts, teachers); the texts (name,
summary, description, teachers' summaries, subject texts) come from the brochure outline, worded
as in the Word brochure and the EPUB, by :mod:`exporters._edudex_texts`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from importlib.metadata import version
from typing import TYPE_CHECKING, Any, TypeVar, get_args

from exporters._edudex_texts import biographies, program_descriptions
from exporters._reproducible import document_datetime
from ncmw_course.model import ProgramLevel
from ncmw_course.outline import brochure_outline

if TYPE_CHECKING:
    from ncmw_course.model import Accreditation, Course, Day, Edition, Location, Price, Trainer
    from ncmw_course.outline import Outline

__all__ = ["FORMAT", "program_document"]

FORMAT = "1.0"
"""The ``format`` of the document. The Data API spec (1.0.2) does not define the value."""

CONTACT_ROLE = "contact"
"""The ``role`` of the course's contact, which EDU-DEX requires and the course does not word."""

TEACHER_SUMMARY_LIMIT = 1200
"""EDU-DEX's teacher ``summary`` holds at most this many characters."""
TRAINING_POINTS_LIMIT = 420
"""EDU-DEX's ``trainingPoints`` are at most this number."""

# The pattern of program_in's EmailAddressType, which the course model allows more freely.
_EMAIL = re.compile(  # EmailAddressType
    r"[a-zA-Z0-9.!#$%&'*+/=?^_{|}~-]{1,64}@[a-zA-Z0-9-]+(?:.[a-zA-Z0-9-]+)*(?:.[a-zA-Z0-9-]{2,})"
)

# Latin letters that Unicode does not decompose into a base letter, for ASCII identifiers.
_FOLD = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ł": "l", "Ł": "L"}
    | {"đ": "d", "Đ": "D", "þ": "th", "Þ": "TH", "ı": "i"}
)

_T = TypeVar("_T")


def program_document(course: Course) -> dict[str, Any]:
    """The EDU-DEX program document of `course`, which must be ready for EDU-DEX.

    Raises:
        AssertionError: the course lacks a value that readiness should have reported.
    """
    outline = brochure_outline(course)
    key = _language_key(course)
    run_ids = _run_ids(course)
    document: dict[str, Any] = {
        "editor": course.provider.name,
        "format": FORMAT,
        "generator": f"ncmw-course {version('ncmw-course')}",
        "lastEdited": document_datetime(course.updated).isoformat(),
        "programDescriptions": program_descriptions(outline, key),
        "programClassification": _classification(course),
        "programAdmission": _admission(course),
        "programCurriculum": _curriculum(course, outline, key),
        "programSchedule": {
            "programRun": [
                _run(course, edition, run_id, key)
                for edition, run_id in zip(course.editions, run_ids, strict=True)
            ]
        },
        "programContacts": {"contactData": [_contact_data(course, key)]},
    }
    accreditations = [
        _accreditation(item) for item in course.accreditations if _training_points(item) is not None
    ]
    if accreditations:
        document["programExternalAcknowledgements"] = {"accreditation": accreditations}
    return document


# --- the parts of the document --------------------------------------------------------------------


def _classification(course: Course) -> dict[str, Any]:
    listing = _given(course.edudex)
    places = [
        location.locality or location.name for edition in course.editions if (location := edition.location)
    ]
    return {
        "orgUnitId": _given(listing.org_unit_id),
        "programId": _given(listing.program_id),
        "programType": _given(_program_type(course)),
        "programForm": list(listing.program_forms),
        "programLevel": _given(listing.program_level),
        "degree": _given(listing.degree),
        # The number of course days: always known, unlike hours, which need not be whole.
        "programDuration": {"days": len(course.days)},
        "programLocation": [{"description": place} for place in dict.fromkeys(places)],
    }


def _admission(course: Course) -> dict[str, Any]:
    listing = _given(course.edudex)
    admission: dict[str, Any] = {
        "applicationOpen": _given(listing.application_open),
        "applicationType": _given(listing.application_type),
        "paymentDue": _given(listing.payment_due),
        "startDateDetermination": _given(listing.start_date_determination),
    }
    if course.level in get_args(ProgramLevel):  # only a level in EDU-DEX's own words
        admission["requiredLevel"] = [course.level]
    if course.max_participants is not None:
        admission["maxNumberOfParticipants"] = course.max_participants
    return admission


def _curriculum(course: Course, outline: Outline, key: str) -> dict[str, Any]:
    listing = _given(course.edudex)
    # The course is written and given in one language.
    curriculum: dict[str, Any] = {"instructionLanguage": [{"languageCode": key, "percentage": 100}]}
    if listing.instruction_modes:
        curriculum["instructionMode"] = list(listing.instruction_modes)
    study_load = course.hours.study_load if course.hours else None
    if study_load is not None and float(study_load).is_integer():  # EDU-DEX counts whole hours
        curriculum["studyLoad"] = {"program": int(study_load)}
    teachers = zip(course.trainers, _teacher_ids(course.trainers), biographies(outline), strict=True)
    curriculum["teacher"] = [
        _teacher(trainer, teacher_id, biography, key) for trainer, teacher_id, biography in teachers
    ]
    return curriculum


def _teacher(trainer: Trainer, teacher_id: str, paragraphs: Sequence[str], key: str) -> dict[str, Any]:
    teacher: dict[str, Any] = {"id": teacher_id, "name": trainer.name}
    biography = "\n".join(paragraphs)
    if biography and len(biography) <= TEACHER_SUMMARY_LIMIT:  # a longer one is in the "teachers" text
        teacher["summary"] = {key: biography}
    return teacher


def _run(course: Course, edition: Edition, run_id: str, key: str) -> dict[str, Any]:
    listing = _given(course.edudex)
    # A run the course lists is a fact, not an estimate: its dates are final.
    run: dict[str, Any] = {
        "id": run_id,
        "status": "application opened" if listing.application_open else "application closed",
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
        _course_day(_day(course, index), day_date, f"{run_id}-{index + 1}", key)
        for index, day_date in _dated_days(course, edition)
    ]
    if days:
        run["courseDay"] = days
    return run


def _dated_days(course: Course, edition: Edition) -> list[tuple[int, date]]:
    """(index of the programme day, date) for each dated day of the run.

    The dates are the run's day dates, or else, for the only run, the days' own dates.
    """
    dates = edition.day_dates
    end = edition.end_date or edition.start_date
    if not dates and len(course.editions) == 1:
        own = [day.date for day in course.days]
        if all(day_date and edition.start_date <= day_date <= end for day_date in own):
            dates = tuple(day_date for day_date in own if day_date)
    return list(enumerate(dates))


def _day(course: Course, index: int) -> Day | None:
    return course.days[index] if index < len(course.days) else None


def _course_day(day: Day | None, day_date: date, day_id: str, key: str) -> dict[str, Any]:
    course_day: dict[str, Any] = {"id": day_id, "date": day_date.isoformat()}
    if day is not None:
        # Local times at the venue: the course states no time zone, so none is written.
        if day.start_time is not None:
            course_day["startTime"] = day.start_time.isoformat()
        if day.end_time is not None:
            course_day["endTime"] = day.end_time.isoformat()
        if day.location is not None:
            course_day["location"] = _location(day.location, key)
    return course_day


def _location(location: Location, key: str) -> dict[str, Any]:
    place: dict[str, Any] = {"locationName": {key: location.name}}
    if location.street_address:
        place["address"] = location.street_address
    if location.postal_code:
        place["zipcode"] = location.postal_code
    if location.locality:
        place["city"] = location.locality
    if location.country:
        place["country"] = location.country.lower()  # EDU-DEX writes country codes in lower case
    return place


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


def _contact_data(course: Course, key: str) -> dict[str, Any]:
    contact = course.contact
    data: dict[str, Any] = {"contactName": contact.name or course.provider.name, "role": CONTACT_ROLE}
    if contact.email:
        data["email"] = _given(_ascii_email(contact.email))
    if contact.phone:
        data["telephone"] = contact.phone.e164
    if contact.website:
        data["webLink"] = {key: contact.website.href}
    return data


def _accreditation(accreditation: Accreditation) -> dict[str, Any]:
    result: dict[str, Any] = {
        "organization": accreditation.registry,
        "trainingPoints": _training_points(accreditation),
    }
    if accreditation.valid_from:
        result["validFrom"] = accreditation.valid_from.isoformat()
    if accreditation.valid_until:
        result["validUpto"] = accreditation.valid_until.isoformat()
    return result


def _training_points(accreditation: Accreditation) -> int | float | None:
    """The points as EDU-DEX takes them (at most 420, in hundredths), else None.

    Points that do not fit stay in the "accreditation" subject text only.
    """
    points = float(accreditation.points)
    # Checked as JSON Schema validators check multipleOf 0.01, in floating point.
    if points > TRAINING_POINTS_LIMIT or not (points / 0.01).is_integer():
        return None
    return int(points) if points.is_integer() else points


# --- identifiers and small helpers -------------------------------------------------------------------


def _run_ids(course: Course) -> list[str]:
    """A stable ID per run: the course's slug and the start date, unique within the course."""
    slug = course.slug
    base = slug if len(slug) <= 40 else f"{slug[:31].rstrip('-')}-{_digest(slug)[:8]}"
    return _unique([f"{base}-{edition.start_date:%Y%m%d}" for edition in course.editions])


def _teacher_ids(trainers: Sequence[Trainer]) -> list[str]:
    """A stable ID per trainer, from the name in ASCII (``sjoerd-odegaard``), unique in the course."""
    ids = []
    for trainer in trainers:
        folded = unicodedata.normalize("NFKD", trainer.name.translate(_FOLD)).encode("ascii", "ignore")
        slug = "-".join(re.findall(r"[a-z0-9]+", folded.decode("ascii").lower()))[:48].strip("-")
        ids.append(slug or f"trainer-{_digest(trainer.name)[:10]}")
    return _unique(ids)


def _unique(ids: list[str]) -> list[str]:
    """`ids`, with ``-2``, ``-3`` … added to repeats."""
    seen: dict[str, int] = {}
    result = []
    for item in ids:
        seen[item] = seen.get(item, 0) + 1
        result.append(item if seen[item] == 1 else f"{item}-{seen[item]}")
    return result


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _language_key(course: Course) -> str:
    """The key of localised texts: the primary subtag of the course's language (``nl``)."""
    return course.language.split("-", 1)[0].lower()


def _ascii_email(address: str) -> str | None:
    """The address as EDU-DEX accepts it (its domain in ASCII), or None when it cannot be written so."""
    from email_validator import EmailNotValidError, validate_email

    try:
        ascii_form = validate_email(address, check_deliverability=False).ascii_email
    except EmailNotValidError:
        return None
    return ascii_form if ascii_form and _EMAIL.fullmatch(ascii_form) else None


def _program_type(course: Course) -> str | None:
    return course.edudex.program_type if course.edudex else None


def _given(value: _T | None) -> _T:
    """`value`, which readiness has made sure of."""
    if value is None:
        msg = "a value that readiness requires is missing; the exporter and check_readiness disagree"
        raise AssertionError(msg)
    return value
