"""Is a course ready for a target? What is present and what is missing, field by field.

Targets are the places a course goes beyond its own documents: the EDU-DEX feed, a web page
with schema.org Course data that search engines show, and the accreditation registers' wizards.
Each target is a checklist of requirements on the model; nothing is ever filled in by guessing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = [
    "EDUDEX_DESCRIPTION_LIMIT",
    "EDUDEX_SUMMARY_LIMIT",
    "TARGETS",
    "Readiness",
    "Requirement",
    "check_readiness",
    "target_names",
]

EDUDEX_SUMMARY_LIMIT = 200
"""EDU-DEX's programSummaryText holds at most this many characters."""
EDUDEX_DESCRIPTION_LIMIT = 1200
"""EDU-DEX's programDescriptionText holds at most this many characters."""


@dataclass(frozen=True)
class Requirement:
    """One thing a target needs."""

    field: str
    """Where in the course file it goes, such as ``edudex.org_unit_id``."""
    description: str
    """What it is, in words a course coordinator understands."""
    present: bool
    """Whether the course has it."""


@dataclass(frozen=True)
class Readiness:
    """A target's checklist, applied to one course."""

    target: str
    requirements: tuple[Requirement, ...]

    @property
    def ready(self) -> bool:
        """Whether every requirement is present."""
        return all(requirement.present for requirement in self.requirements)

    @property
    def missing(self) -> tuple[Requirement, ...]:
        """The requirements the course does not meet, in checklist order."""
        return tuple(requirement for requirement in self.requirements if not requirement.present)


def _edudex(course: Course) -> list[Requirement]:
    listing = course.edudex
    primary = course.language.split("-", 1)[0]
    summary_length = len(course.listing_summary)
    description_length = len(" ".join(course.description))
    return [
        Requirement(
            "edudex.org_unit_id",
            "the provider's organisation unit ID at EDU-DEX",
            bool(listing and listing.org_unit_id),
        ),
        Requirement(
            "edudex.program_id",
            "the provider's ID for this programme at EDU-DEX",
            bool(listing and listing.program_id),
        ),
        Requirement(
            "edudex.program_forms",
            "how the programme is organised, such as part-time",
            bool(listing and listing.program_forms),
        ),
        Requirement(
            "edudex.program_level",
            "the programme's level, such as post-hbo",
            bool(listing and listing.program_level),
        ),
        Requirement(
            "edudex.degree",
            "what participants receive, such as certificate of participation",
            bool(listing and listing.degree),
        ),
        Requirement(
            "edudex.application_type",
            "whether people apply individually or as a group",
            bool(listing and listing.application_type),
        ),
        Requirement(
            "edudex.application_open",
            "whether applications are open (true or false)",
            listing is not None and listing.application_open is not None,
        ),
        Requirement(
            "edudex.payment_due",
            "when participants pay: up-front, afterwards or installments",
            bool(listing and listing.payment_due),
        ),
        Requirement(
            "edudex.start_date_determination",
            "how the start date is set, such as fixed starting date",
            bool(listing and listing.start_date_determination),
        ),
        Requirement(
            "edudex.program_type",
            "the kind of programme, such as training, workshop or master class",
            bool(listing and listing.program_type),
        ),
        Requirement(
            "editions[].location",
            "at least one dated run with its location (EDU-DEX's programme location)",
            any(edition.location for edition in course.editions),
        ),
        Requirement(
            "language",
            f"a language with a two-letter code, such as nl ({primary!r} has {len(primary)} letters)",
            len(primary) == 2,
        ),
        Requirement(
            "contact.email",
            "an e-mail address with plain ASCII before the @, as EDU-DEX requires",
            course.contact.email is None or course.contact.email.split("@", 1)[0].isascii(),
        ),
        Requirement(
            "summary",
            f"a summary of at most {EDUDEX_SUMMARY_LIMIT} characters (the description's first sentence has {summary_length})",
            summary_length <= EDUDEX_SUMMARY_LIMIT,
        ),
        Requirement(
            "description",
            f"a description of at most {EDUDEX_DESCRIPTION_LIMIT} characters (it has {description_length})",
            description_length <= EDUDEX_DESCRIPTION_LIMIT,
        ),
    ]


def _jsonld(course: Course) -> list[Requirement]:
    """Google's former required set for a Course in search results."""
    return [
        Requirement("title", "the course name", bool(course.title)),
        Requirement("description", "a description", bool(course.description)),
        Requirement("provider", "the provider", bool(course.provider.name)),
        Requirement("price", "the price, for offers", course.price is not None),
        Requirement("editions", "at least one dated run, for hasCourseInstance", bool(course.editions)),
        Requirement(
            "editions[].mode",
            "how each run is given (onsite, online or blended), for courseMode",
            bool(course.editions) and all(edition.mode for edition in course.editions),
        ),
        Requirement(
            "hours",
            "the contact hours or study load, for each run's courseWorkload",
            bool(course.hours and (course.hours.contact_hours or course.hours.study_load)),
        ),
    ]


def _accreditation(course: Course) -> list[Requirement]:
    """What the registers' accreditation wizards (Registerplein via PE-online, SKJ) ask for."""
    hours = course.hours
    return [
        Requirement("title", "the title", bool(course.title)),
        Requirement("description", "a description", bool(course.description)),
        Requirement("goals", "learning goals", bool(course.goals)),
        Requirement("audience", "the target group", bool(course.audience)),
        Requirement("level", "the level of the participants, such as hbo", course.level is not None),
        Requirement("programme.days", "the programme per day", bool(course.days)),
        Requirement(
            "programme.days[].start_time",
            "the start and end time of every day",
            all(day.start_time and day.end_time for day in course.days),
        ),
        Requirement("hours.contact_hours", "the net contact hours", bool(hours and hours.contact_hours)),
        Requirement("hours.study_load", "the study load in hours", bool(hours and hours.study_load)),
        Requirement("method", "the working methods", bool(course.method)),
        Requirement(
            "trainers[].biography",
            "a CV or biography of every trainer",
            all(trainer.biography for trainer in course.trainers),
        ),
        Requirement("evaluation", "how the course is evaluated", bool(course.evaluation)),
        Requirement(
            "certificate_conditions",
            "the conditions for the certificate",
            bool(course.certificate_conditions),
        ),
        Requirement(
            "editions",
            "the dates and locations of the runs",
            bool(course.editions) and all(edition.location for edition in course.editions),
        ),
        Requirement("price", "the cost", course.price is not None),
        Requirement("contact.name", "a contact person", course.contact.name is not None),
    ]


TARGETS: dict[str, Callable[[Course], list[Requirement]]] = {
    "accreditation": _accreditation,
    "edudex": _edudex,
    "jsonld": _jsonld,
}
"""The checklists by target name."""


def target_names() -> list[str]:
    """The targets ``check --for`` knows, sorted."""
    return sorted(TARGETS)


def check_readiness(course: Course, target: str) -> Readiness:
    """Apply the checklist of `target` to `course`.

    Raises:
        KeyError: `target` is not one of :func:`target_names`.
    """
    return Readiness(target, tuple(TARGETS[target](course)))
