"""The EDU-DEX program document of a course: the Data API's ``program_in`` shape, as JSON data.

Every value comes from the course. What EDU-DEX requires and the course does not state is reported
by ``check --for edudex`` (and the export), never filled in; texts are never cut to fit a limit.
A number EDU-DEX's types cannot hold (a study load of 24.5 hours, where ``studyLoad`` counts whole
hours) is not rounded or left out either: :func:`format_requirements` names it, and the course is
not ready. Localised texts carry one key, the course's primary language (``nl``). This module maps
the course's structured fields (codes, dates, contacts, teachers, accreditations); the schedule
(runs, their days and places) is :mod:`exporters._edudex_schedule`'s, and the texts (name, summary,
description, teachers' summaries, subject texts) come from the brochure outline, worded as in the
Word brochure and the EPUB, by :mod:`exporters._edudex_texts`.

Where the course's facts go that have no field of the same name:

- an accreditation's ID is its ``certificateCode`` (``industryRegistration[].registerCode`` would
  need the register's own EDU-DEX ``orgUnitId``, which the course does not state);
- a blended run: EDU-DEX's run only says ``fullyOnline`` (false), so the programme's
  ``instructionMode`` gains ``blended learning``; when every run is given the same way, that is
  ``programBasicProfile.location`` (``blended``, ``fully online``, or ``fixed location`` for runs
  on site that each name their place);
- every run's town, and every town a day is held in, is a ``programLocation``;
- the subtitle is the text of a ``description`` subject under the title (see
  :mod:`exporters._edudex_texts`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from importlib.metadata import version
from typing import TYPE_CHECKING, Any, TypeVar, get_args

from exporters._edudex_schedule import program_schedule, run_places
from exporters._edudex_texts import biographies, program_descriptions
from exporters._reproducible import document_datetime
from exporters._runs import digest, run_ids, unique
from ncmw_course.model import InstructionMode, ProgramLevel
from ncmw_course.outline import brochure_outline
from ncmw_course.readiness import Requirement

if TYPE_CHECKING:
    from ncmw_course.model import Accreditation, Course, Trainer
    from ncmw_course.outline import Outline

__all__ = ["BLENDED", "FORMAT", "LOCATION_PROFILES", "format_requirements", "program_document"]

FORMAT_NAME = "edudex"
"""The name of the format, which a :class:`~ncmw_course.NotReadyError` names."""

FORMAT = "1.0"
"""The ``format`` of the document. The Data API spec (1.0.2) does not define the value."""

CONTACT_ROLE = "contact"
"""The ``role`` of the course's contact, which EDU-DEX requires and the course does not word."""

TEACHER_SUMMARY_LIMIT = 1200
"""EDU-DEX's teacher ``summary`` holds at most this many characters."""
TRAINING_POINTS_LIMIT = 420
"""EDU-DEX's ``trainingPoints`` are at most this number, in hundredths."""

BLENDED: InstructionMode = "blended learning"
"""The ``instructionMode`` of a programme with a blended run (EDU-DEX's run has only ``fullyOnline``)."""

LOCATION_PROFILES = {"onsite": "fixed location", "online": "fully online", "blended": "blended"}
"""``programBasicProfile.location`` of a programme whose runs are all given in one way."""

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
        NotReadyError: the course states a fact that EDU-DEX cannot carry (see `format_requirements`).
        AssertionError: the course lacks a value that readiness should have reported.
    """
    _refuse_what_edudex_cannot_carry(course)
    outline = brochure_outline(course)
    key = _language_key(course)
    document: dict[str, Any] = {
        "editor": course.provider.name,
        "format": FORMAT,
        "generator": f"ncmw-course {version('ncmw-course')}",
        "lastEdited": document_datetime(course.updated).isoformat(),
    }
    profile = _location_profile(course)
    if profile:
        document["programBasicProfile"] = {"location": profile}
    document |= {
        "programDescriptions": program_descriptions(outline, key),
        "programClassification": _classification(course),
        "programAdmission": _admission(course),
        "programCurriculum": _curriculum(course, outline, key),
        "programSchedule": program_schedule(course, run_ids(course), key, open_=_applications_open(course)),
        "programContacts": {"contactData": [_contact_data(course, key)]},
    }
    if course.accreditations:
        document["programExternalAcknowledgements"] = {
            "accreditation": [_accreditation(item) for item in course.accreditations]
        }
    return document


def format_requirements(course: Course) -> list[Requirement]:
    """What EDU-DEX's types can carry of the facts the course states: whole hours, points in hundredths.

    A fact that does not fit is not rounded or left out: the course is not ready for EDU-DEX, and
    the requirement says what to change.
    """
    load = course.hours.study_load if course.hours else None
    points = [item.points for item in course.accreditations]
    unfit = [value for value in points if _training_points(value) is None]
    return [
        Requirement(
            "hours.study_load",
            "a study load in whole hours, as EDU-DEX counts it"
            + (f" (it is {_number(load)})" if load else ""),
            load is None or float(load).is_integer(),
        ),
        Requirement(
            "accreditations[].points",
            f"accreditation points EDU-DEX can carry: at most {TRAINING_POINTS_LIMIT}, in hundredths"
            + (f" ({_number(unfit[0])} is not)" if unfit else ""),
            not unfit,
        ),
    ]


def _number(value: float) -> str:
    """A number as the course file writes it: 24.5 and 24, not 24.500000, 24.0 or 2.45e+01."""
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _refuse_what_edudex_cannot_carry(course: Course) -> None:
    from ncmw_course.errors import NotReadyError

    missing = [
        f"{item.field}: {item.description}" for item in format_requirements(course) if not item.present
    ]
    if missing:
        raise NotReadyError(FORMAT_NAME, missing)


# --- the parts of the document --------------------------------------------------------------------


def _classification(course: Course) -> dict[str, Any]:
    listing = _given(course.edudex)
    return {
        "orgUnitId": _given(listing.org_unit_id),
        "programId": _given(listing.program_id),
        "programType": _given(_program_type(course)),
        "programForm": list(listing.program_forms),
        "programLevel": _given(listing.program_level),
        "degree": _given(listing.degree),
        # The number of course days: always known, unlike hours, which need not be whole.
        "programDuration": {"days": len(course.days)},
        "programLocation": [{"description": place} for place in run_places(course)],
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
    modes = list(listing.instruction_modes)
    if any(edition.mode == "blended" for edition in course.editions) and BLENDED not in modes:
        modes.append(BLENDED)
    if modes:
        curriculum["instructionMode"] = modes
    study_load = course.hours.study_load if course.hours else None
    if study_load is not None:  # whole hours: format_requirements refuses others
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
    result: dict[str, Any] = {"organization": accreditation.registry}
    if accreditation.identifier:
        result["certificateCode"] = accreditation.identifier  # the register's ID for this accreditation
    result["trainingPoints"] = _given(_training_points(accreditation.points))
    if accreditation.valid_from:
        result["validFrom"] = accreditation.valid_from.isoformat()
    if accreditation.valid_until:
        result["validUpto"] = accreditation.valid_until.isoformat()
    return result


def _training_points(points: float) -> int | float | None:
    """The points as EDU-DEX takes them (at most 420, in hundredths), else None."""
    # Checked as JSON Schema validators check multipleOf 0.01, in floating point.
    if points > TRAINING_POINTS_LIMIT or not (points / 0.01).is_integer():
        return None
    return int(points) if points.is_integer() else points


def _location_profile(course: Course) -> str | None:
    """How every run is given, as ``programBasicProfile.location``; None when runs differ or do not say.

    On site is a fixed location only when every run names its place.
    """
    modes = {edition.mode for edition in course.editions}
    if len(modes) != 1 or None in modes:
        return None
    (mode,) = modes
    if mode == "onsite" and not all(edition.location for edition in course.editions):
        return None
    return LOCATION_PROFILES[str(mode)]


# --- identifiers and small helpers -------------------------------------------------------------------


def _teacher_ids(trainers: Sequence[Trainer]) -> list[str]:
    """A stable ID per trainer, from the name in ASCII (``sjoerd-odegaard``), unique in the course."""
    ids = []
    for trainer in trainers:
        folded = unicodedata.normalize("NFKD", trainer.name.translate(_FOLD)).encode("ascii", "ignore")
        slug = "-".join(re.findall(r"[a-z0-9]+", folded.decode("ascii").lower()))[:48].strip("-")
        ids.append(slug or f"trainer-{digest(trainer.name)[:10]}")
    return unique(ids)


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


def _applications_open(course: Course) -> bool:
    return _given(_given(course.edudex).application_open)


def _program_type(course: Course) -> str | None:
    return course.edudex.program_type if course.edudex else None


def _given(value: _T | None) -> _T:
    """`value`, which readiness has made sure of."""
    if value is None:
        msg = "a value that readiness requires is missing; the exporter and check_readiness disagree"
        raise AssertionError(msg)
    return value
