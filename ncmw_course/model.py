"""The course model: one typed, immutable description of a course, rendered by every exporter.

The model is the contract between course files and exporters. Unknown keys are errors, every field
is documented here and in the published JSON Schema (``ncmw-course schema``), and what a course file
does not state stays empty: exporters never invent facts.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Self

from pydantic import BeforeValidator, Field, model_validator

from ncmw_course._amounts import Amount
from ncmw_course._edudex_listing import (
    Degree,
    EdudexListing,
    InstructionMode,
    ProgramForm,
    ProgramLevel,
    ProgramType,
)
from ncmw_course._register_fields import (
    Accreditation,
    AccreditationStatus,
    Assessment,
    Session,
    SessionKind,
)
from ncmw_course.fields import (
    CLEANED_LENGTH,
    MAX_ITEMS,
    CountryCode,
    CourseModel,
    CurrencyCode,
    Date,
    EmailAddress,
    FieldProblem,
    Hours,
    LanguageTag,
    Paragraphs,
    PhoneNumber,
    PositiveCount,
    Slug,
    Text,
    Texts,
    Time,
    WebAddress,
)

__all__ = [
    "FORMAT_VERSION",
    "SCHEMA_ID",
    "Accreditation",
    "AccreditationStatus",
    "Assessment",
    "Contact",
    "Course",
    "CourseMode",
    "Day",
    "Degree",
    "Edition",
    "EdudexListing",
    "InstructionMode",
    "Location",
    "Price",
    "ProgramForm",
    "ProgramLevel",
    "ProgramType",
    "Programme",
    "Provider",
    "Session",
    "SessionKind",
    "StudyHours",
    "Trainer",
    "course_json_schema",
]

FORMAT_VERSION = 1
"""The version of the course data format; bumped on every incompatible change."""

SCHEMA_ID = f"urn:ncmw-course:schema:course:{FORMAT_VERSION}"
"""The ``$id`` of the course JSON Schema; the canonical JSON names it in ``"$schema"``.

Why a URN: it names the format and its version without claiming a web address that may not exist.
The schema itself is published with the package (``ncmw-course schema``) and in the repository.
"""

CourseMode = Literal["onsite", "online", "blended"]
"""How a run is given: on site, online, or a mix of both."""


def _exact_integer(value: Any) -> Any:
    # Why: a lax Literal[1] would take true and 1.0 as 1.
    if isinstance(value, bool | float):
        msg = f"must be the number 1, not {value!r}"
        raise ValueError(msg)  # noqa: TRY004 - pydantic reports ValueError as a validation problem
    return value


class Location(CourseModel):
    """A place where a course day or run takes place."""

    name: Annotated[Text, Field(max_length=200), CLEANED_LENGTH]
    """The name of the venue, such as ``NCMW, zaal 2``; at most 200 characters."""
    street_address: Text | None = None
    """Street and number."""
    postal_code: Text | None = None
    """Postal code, such as ``5991 AA``."""
    locality: Text | None = None
    """Town or city."""
    country: CountryCode | None = None
    """ISO 3166-1 alpha-2 country code, such as ``NL``."""


class Day(CourseModel):
    """One day of the programme, with its theme and the topics it covers."""

    ordinal: PositiveCount
    """The day's number in the programme: 1 for the first day, 2 for the second, and so on."""
    theme: Text
    """The day's theme, as the brochure states it."""
    topics: Texts = ()
    """The topics of the day, in order; each is rendered as a list item."""
    date: Date | None = None
    """The date of this day, for a course with a single run."""
    start_time: Time | None = None
    """When the day starts."""
    end_time: Time | None = None
    """When the day ends; after `start_time`."""
    location: Location | None = None
    """Where this day takes place, when it differs per day."""
    sessions: Annotated[tuple[Session, ...], Field(max_length=MAX_ITEMS)] = ()
    """The day's parts with their times, in order: teaching, tests and breaks. They give the day's
    net hours: its teaching and tests or, when it lists only breaks, the time from `start_time` to
    `end_time` less the breaks. A day's start and end time alone are no net hours."""

    @model_validator(mode="after")
    def check_times(self) -> Self:
        """The day must end after it starts."""
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            msg = f"{self.end_time:%H:%M} is not after the start_time {self.start_time:%H:%M}"
            raise FieldProblem(msg, "end_time")
        return self


class Programme(CourseModel):
    """The programme: an introduction and the course days."""

    introduction: Texts = ()
    """Paragraphs that introduce the programme as a whole."""
    days: Annotated[tuple[Day, ...], Field(min_length=1, max_length=MAX_ITEMS)]
    """The days, numbered 1, 2, 3 … in order."""

    @model_validator(mode="after")
    def check_day_ordinals(self) -> Self:
        """Days are numbered 1, 2, 3 … in the order they are listed, with no gaps or repeats."""
        for position, day in enumerate(self.days, start=1):
            if day.ordinal != position:
                msg = (
                    f"is {day.ordinal}, but this is day {position} in the list; "
                    "number the days 1, 2, 3 … in the order they are listed"
                )
                raise FieldProblem(msg, "days", position - 1, "ordinal")
        return self


class Trainer(CourseModel):
    """A person who gives the course.

    The structured fields (`role`, `training`, `qualifications`, `experience`) feed catalogues and
    registries; `biography` holds the brochure's own sentences, which documents render.
    """

    name: Text
    """Full name, such as ``José Bijker``."""
    role: Text | None = None
    """Position, such as ``staflid en trainer``."""
    organisation: Text | None = None
    """The organisation the trainer works for, as the brochure names it."""
    training: Texts = ()
    """Professions the trainer is trained in, such as ``maatschappelijk werker``."""
    qualifications: Texts = ()
    """Completed courses and certifications."""
    experience: Texts = ()
    """Areas of practical experience."""
    biography: Texts = ()
    """Paragraphs about the trainer, as the brochure words them; rendered in documents."""


class Contact(CourseModel):
    """How participants reach the provider about this course."""

    name: Text | None = None
    """A contact person, when the course names one."""
    phone: PhoneNumber | None = None
    """Telephone number; written as a plain string such as ``"0495–450667"``."""
    email: EmailAddress | None = None
    """E-mail address."""
    website: WebAddress | None = None
    """Website; written as a plain string such as ``"www.ncmw.nl"``."""

    @model_validator(mode="after")
    def check_reachable(self) -> Self:
        """A contact needs at least one of phone, e-mail or website."""
        if self.phone is None and self.email is None and self.website is None:
            msg = "give at least one of phone, email or website"
            raise ValueError(msg)
        return self


class Provider(CourseModel):
    """The organisation that offers the course."""

    name: Text
    """The provider's name, such as ``NCMW``."""
    website: WebAddress | None = None
    """The provider's website."""


class StudyHours(CourseModel):
    """Time a participant spends on the course."""

    contact_hours: Hours | None = None
    """Net contact hours: teaching time without breaks. When the days list their sessions, the
    hours follow from them and may be left out; given, they must agree."""
    study_load: Hours | None = None
    """Total study load in hours, including preparation and assignments."""


class Price(CourseModel):
    """What the course costs a participant."""

    amount: Amount
    """The amount, with at most two decimals (``495`` or ``"495.00"``)."""
    currency: CurrencyCode
    """ISO 4217 currency code, such as ``EUR``."""
    vat_note: Text | None = None
    """How VAT applies, such as ``vrijgesteld van btw``."""


class Edition(CourseModel):
    """One dated run of the course."""

    start_date: Date
    """The first day of this run."""
    end_date: Date | None = None
    """The last day of this run; on or after `start_date`."""
    day_dates: Annotated[tuple[Date, ...], Field(max_length=MAX_ITEMS)] = ()
    """The date of each programme day in this run, in day order."""
    mode: CourseMode | None = None
    """How this run is given: ``onsite``, ``online`` or ``blended``."""
    location: Location | None = None
    """Where this run takes place."""

    @model_validator(mode="after")
    def check_dates(self) -> Self:
        """Dates run forward: the end and every day date fall within the run."""
        end = self.end_date or self.start_date
        if end < self.start_date:
            msg = f"{end} is before the start_date {self.start_date}"
            raise FieldProblem(msg, "end_date")
        for index, day_date in enumerate(self.day_dates):
            if not self.start_date <= day_date <= end:
                msg = f"{day_date} is outside the run ({self.start_date} to {end})"
                raise FieldProblem(msg, "day_dates", index)
            if index and day_date <= self.day_dates[index - 1]:
                msg = f"{day_date} is not after the previous day's date; list the dates in order"
                raise FieldProblem(msg, "day_dates", index)
        return self


_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


class Course(CourseModel):
    """A course as NCMW describes it: the single source every exporter renders.

    Prose fields hold the brochure's own sentences word for word; structured fields add to them,
    never replace them. Facts the brochure does not state (dates, price, hours, location) stay empty.
    """

    format_version: Annotated[Literal[1], BeforeValidator(_exact_integer)]
    """The version of this data format. Always ``1`` for now."""
    slug: Slug
    """Stable identifier of the course, used for file names and URLs (``ontrouw-binnen-de-relatie``)."""
    language: LanguageTag
    """The language the course is written in, as a BCP 47 tag (``nl``)."""
    updated: Date
    """The date this course data was last changed; documents use it as their date."""
    title: Annotated[Text, Field(max_length=200), CLEANED_LENGTH]
    """The course title, at most 200 characters."""
    subtitle: Text | None = None
    """An optional subtitle."""
    summary: Annotated[Text, Field(max_length=200), CLEANED_LENGTH] | None = None
    """One sentence of at most 200 characters for listings; see `listing_summary`."""
    keywords: Annotated[
        tuple[Annotated[Text, Field(max_length=60), CLEANED_LENGTH], ...], Field(max_length=MAX_ITEMS)
    ] = ()
    """Subject words for search and catalogues, such as ``ontrouw``; taken from the course's own words."""
    description: Paragraphs
    """The introduction: paragraphs describing the course."""
    audience: Paragraphs
    """Who the course is for ("Voor wie"), as paragraphs."""
    goals: Annotated[tuple[Text, ...], Field(min_length=1, max_length=MAX_ITEMS)]
    """What participants learn ("waarom"), one goal per item, in the brochure's words."""
    programme: Programme
    """The programme introduction and its days."""
    method: Paragraphs
    """The working method ("Werkwijze")."""
    trainers: Annotated[tuple[Trainer, ...], Field(min_length=1, max_length=MAX_ITEMS)]
    """Who gives the course; one or more."""
    contact: Contact
    """How to reach the provider about this course."""
    provider: Provider
    """The organisation that offers the course; documents name it and feeds list it as the provider."""
    level: Text | None = None
    """The level of the intended participants, such as ``hbo``."""
    hours: StudyHours | None = None
    """Net contact hours and study load, when known."""
    price: Price | None = None
    """The price per participant, when known."""
    max_participants: PositiveCount | None = None
    """The largest group size, when known."""
    editions: Annotated[tuple[Edition, ...], Field(max_length=MAX_ITEMS)] = ()
    """Dated runs of the course."""
    accreditations: Annotated[tuple[Accreditation, ...], Field(max_length=MAX_ITEMS)] = ()
    """Accreditations by professional registers, requested or granted."""
    accreditation_contact: Contact | None = None
    """The provider's contact person for the registers, when it is not the course's `contact`;
    the accreditation dossier names them, documents for participants do not."""
    evaluation: Texts = ()
    """How the course is evaluated with participants, as paragraphs."""
    certificate: Text | None = None
    """What participants receive, such as ``certificaat van deelname``."""
    certificate_conditions: Texts = ()
    """What a participant must do to receive the certificate, as paragraphs."""
    assessment: Assessment | None = None
    """Whether, and how, participants are tested."""
    literature: Texts = ()
    """What participants read: one reference per item, as the course gives it, such as
    ``De Vries, M. (2026). Gesprekken met ouders in scheiding. Baarlo: NCMW.``"""
    url: WebAddress | None = None
    """The course's own web page."""
    edudex: EdudexListing | None = None
    """Codes and classifications for the EDU-DEX feed."""

    @model_validator(mode="before")
    @classmethod
    def _drop_schema_reference(cls, data: Any) -> Any:
        # "$schema" tells editors where the schema is; it is not part of the course.
        if isinstance(data, dict) and "$schema" in data:
            if not isinstance(data["$schema"], str):
                msg = "must be text: the path or address of the course schema, or leave it out"
                raise FieldProblem(msg, "$schema")
            return {key: value for key, value in data.items() if key != "$schema"}
        return data

    @model_validator(mode="after")
    def check_consistency(self) -> Self:
        """Fields that depend on each other agree: see :mod:`ncmw_course.consistency`."""
        from ncmw_course.consistency import check_course

        check_course(self)
        return self

    @property
    def listing_summary(self) -> str:
        """The `summary`, or else the first sentence of the description."""
        if self.summary is not None:
            return self.summary
        return _SENTENCE_END.split(self.description[0], maxsplit=1)[0]

    @property
    def days(self) -> tuple[Day, ...]:
        """The programme days (shorthand for ``programme.days``)."""
        return self.programme.days


def course_json_schema() -> dict[str, Any]:
    """The JSON Schema of a course file (draft 2020-12), as published in ``schema/course.schema.json``."""
    from ncmw_course._docs import published_schema

    return published_schema(
        Course, SCHEMA_ID, "Where editors find this schema; ignored when the course is read."
    )
