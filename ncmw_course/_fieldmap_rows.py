"""The rows of the field map: each leaf of the model, with its places in the documents and the feeds.

The canonical ``json`` column is added by :mod:`ncmw_course.fieldmap`: every field at its own path.
Document places name the outline's section (``practical``, ``programme`` …) and its part.
"""

from __future__ import annotations

from ncmw_course.placements import (
    DOCUMENTS,
    At,
    Form,
    Linked,
    Nowhere,
    Output,
    Placement,
    Placements,
    Property,
    Shown,
)

__all__ = ["NO_TERM", "ROWS", "SUBJECT_CURRICULUM", "Row", "row", "subject", "written"]

Cell = Placement | Placements
Row = dict[Output, Placements]


def _tuple(cell: Cell) -> Placements:
    return cell if isinstance(cell, tuple) else (cell,)


def row(documents: Cell | dict[Output, Cell], jsonld: Cell, edudex: Cell) -> Row:
    """A field's places: the same in every document (or one per document), JSON-LD and EDU-DEX."""
    shown = documents if isinstance(documents, dict) else dict.fromkeys(DOCUMENTS, documents)
    return {
        **{output: _tuple(shown[output]) for output in DOCUMENTS},
        "jsonld": _tuple(jsonld),
        "edudex": _tuple(edudex),
    }


def subject(name: str) -> At:
    """The text of EDU-DEX's subject text `name`, as the brochure words it."""
    return written(name, "as written")


def written(name: str, form: Form) -> At:
    """EDU-DEX's subject text `name`, where the value is written in `form`."""
    return At(f"programDescriptions.subjectText[subject={name}].descriptionText.*", form)


RUNS = "editions"
"""What a run's places need: a run."""
NO_CODE = Nowhere("an EDU-DEX code, which the brochure does not state")
NO_TERM = "no schema.org term"
DAY = "programme › day › when"
EDITIONS = "practical › editions"
SUBJECT_CONTACT = subject("contact")
SUBJECT_CURRICULUM = subject("curriculum")
SUBJECT_TEACHERS = subject("teachers")
TRAINER = "hasCourseInstance[*].instructor[]"
DETAILS = "trainers › details"


def _places(prefix: str, shown: str, jsonld: str, edudex: str, jsonld_needs: str | None) -> dict[str, Row]:
    """The rows of a location's fields: shown on one line, a schema.org Place, an EDU-DEX location."""
    return {
        f"{prefix}.name": row(
            Shown(shown), At(f"{jsonld}.name", needs=jsonld_needs), At(f"{edudex}.locationName.*")
        ),
        f"{prefix}.street_address": row(
            Shown(shown), At(f"{jsonld}.address.streetAddress", needs=jsonld_needs), At(f"{edudex}.address")
        ),
        f"{prefix}.postal_code": row(
            Shown(shown), At(f"{jsonld}.address.postalCode", needs=jsonld_needs), At(f"{edudex}.zipcode")
        ),
        f"{prefix}.locality": row(
            Shown(shown),
            At(f"{jsonld}.address.addressLocality", needs=jsonld_needs),
            (At(f"{edudex}.city"), At("programClassification.programLocation[*].description")),
        ),
        f"{prefix}.country": row(
            Shown(shown, "written country"),
            At(f"{jsonld}.address.addressCountry", "code", jsonld_needs),
            At(f"{edudex}.country", "lower case"),
        ),
    }


def _web_address(prefix: str, where: str, jsonld: str, edudex: Cell, edudex_display: Cell) -> dict[str, Row]:
    """The rows of a web address: documents link it and show its display form; feeds hold the URL."""
    return {
        f"{prefix}.url": row(Linked(where, "URL"), At(jsonld, "URL"), edudex),
        f"{prefix}.display": row(
            Shown(where, "web address"),
            Nowhere("the URL is given; its display form is for people"),
            edudex_display,
        ),
    }


_IDENTITY: dict[str, Row] = {
    "format_version": row(
        Nowhere("the version of the data format, not a fact of the course"),
        Nowhere("the version of the data format, not a fact of the course"),
        Nowhere("`format` is the version of EDU-DEX's own document"),
    ),
    "slug": row(
        {
            "docx": Property("identifier"),
            "epub": Nowhere("the book's identifier is a UUID made from it, the same on every export"),
            "html": Nowhere("it names the file, `<slug>.html`"),
            "pdf": Nowhere("it names the file; LibreOffice's PDF has no identifier property"),
        },
        Nowhere("an identifier for files; the course page's `url` identifies the course"),
        Nowhere("the run and day IDs are made from it"),
    ),
    "language": row(
        {
            "docx": Property("language"),
            "epub": Property("dc:language"),
            "html": Property("lang"),
            "pdf": Property("Lang"),
        },
        At("inLanguage", "code"),
        At("programCurriculum.instructionLanguage[0].languageCode", "primary language"),
    ),
    "updated": row(
        {
            "docx": Property("created", "ISO date"),
            "epub": Property("dc:date", "ISO date"),
            "html": Property("JSON-LD dateModified", "ISO date"),
            "pdf": Property("CreationDate", "PDF date"),
        },
        At("dateModified", "ISO date"),
        At("lastEdited", "ISO date"),
    ),
}

_TEXTS: dict[str, Row] = {
    "title": row(Shown("title page"), At("name"), At("programDescriptions.programName.*")),
    "subtitle": row(Shown("title page"), At("alternativeHeadline"), subject("description")),
    "summary": row(Shown("title page"), At("abstract"), At("programDescriptions.programSummaryText.*")),
    "keywords[]": row(
        {
            "docx": Property("keywords", "Word keywords"),
            "epub": Property("dc:subject"),
            "html": Property("meta keywords"),
            "pdf": Property("Keywords", "Word keywords"),
        },
        At("keywords[]"),
        At("programDescriptions.searchword.*[]"),
    ),
    "description[]": row(
        Shown("introduction"), At("description"), At("programDescriptions.programDescriptionText.*")
    ),
    "audience[]": row(Shown("audience"), At("audience.description"), subject("student profile")),
    "goals[]": row(Shown("audience › goals"), At("teaches[]"), subject("objectives")),
}

_PROGRAMME: dict[str, Row] = {
    "programme.introduction[]": row(
        Shown("programme"),
        Nowhere(f"{NO_TERM} for a syllabus's introduction; the sections are the days"),
        SUBJECT_CURRICULUM,
    ),
    "programme.days[].ordinal": row(
        Shown("programme › day › heading", "day name"),
        At("syllabusSections[].position", "number"),
        At("programSchedule.genericProgramRun.courseDay[].dayNumber", "number"),
    ),
    "programme.days[].theme": row(
        Shown("programme › day › heading"), At("syllabusSections[].name"), SUBJECT_CURRICULUM
    ),
    "programme.days[].topics[]": row(
        Shown("programme › day"), At("syllabusSections[].description"), SUBJECT_CURRICULUM
    ),
    "programme.days[].date": row(
        Shown(DAY, "written date"),
        At("hasCourseInstance[*].subEvent[].startDate", "ISO date", RUNS),
        At("programSchedule.programRun[*].courseDay[*].date", "ISO date"),
    ),
    "programme.days[].start_time": row(
        Shown(DAY, "written time"),
        At("hasCourseInstance[*].subEvent[]", "ISO time", RUNS),
        At("programSchedule.programRun[*].courseDay[*].startTime", "ISO time", "editions[].day_dates[]"),
    ),
    "programme.days[].end_time": row(
        Shown(DAY, "written time"),
        At("hasCourseInstance[*].subEvent[]", "ISO time", RUNS),
        At("programSchedule.programRun[*].courseDay[*].endTime", "ISO time", "editions[].day_dates[]"),
    ),
    **_places(
        "programme.days[].location",
        DAY,
        "hasCourseInstance[*].subEvent[].location",
        "programSchedule.genericProgramRun.courseDay[].location",
        RUNS,
    ),
    "method[]": row(
        Shown("method"), Nowhere(f"{NO_TERM} for a working method"), subject("instruction modes")
    ),
}


def _trainer(shown: str, jsonld: str) -> Row:
    """A trainer's field: in the trainers section, the run's instructor, EDU-DEX's teachers text."""
    return row(Shown(shown), At(f"{TRAINER}.{jsonld}", needs=RUNS), SUBJECT_TEACHERS)


_TRAINERS: dict[str, Row] = {
    "trainers[].name": row(
        Shown("trainers"), At(f"{TRAINER}.name", needs=RUNS), At("programCurriculum.teacher[].name")
    ),
    "trainers[].role": _trainer(DETAILS, "jobTitle"),
    "trainers[].organisation": _trainer(DETAILS, "worksFor.name"),
    "trainers[].training[]": _trainer(DETAILS, "hasCredential[*].name"),
    "trainers[].qualifications[]": _trainer(DETAILS, "hasCredential[*].name"),
    "trainers[].experience[]": _trainer(DETAILS, "knowsAbout[*]"),
    "trainers[].biography[]": _trainer("trainers", "description"),
}

_CONTACT: dict[str, Row] = {
    "contact.name": row(
        Shown("contact"), At("provider.contactPoint.name"), At("programContacts.contactData[0].contactName")
    ),
    "contact.phone.display": row(
        Shown("contact; footer"), Nowhere("the number is given in E.164 (`e164`)"), SUBJECT_CONTACT
    ),
    "contact.phone.e164": row(
        Linked("contact › phone", "tel URI"),
        At("provider.contactPoint.telephone", "code"),
        At("programContacts.contactData[0].telephone", "code"),
    ),
    "contact.email": row(
        Shown("contact; footer"),
        At("provider.contactPoint.email", "code"),
        At("programContacts.contactData[0].email", "ASCII e-mail"),
    ),
    **_web_address(
        "contact.website",
        "contact",
        "provider.contactPoint.url",
        At("programContacts.contactData[0].webLink.*", "URL"),
        written("contact", "web address"),
    ),
    "provider.name": row(Shown("title page; contact; footer"), At("provider.name"), At("editor")),
    **_web_address(
        "provider.website",
        "contact",
        "provider.url",
        At("programDescriptions.subjectText[subject=contact].descriptionHtml.*", "HTML URL"),
        written("contact", "web address"),
    ),
}

_PRACTICAL: dict[str, Row] = {
    "level": row(Shown("practical › level"), At("educationalLevel"), subject("student profile")),
    "hours.contact_hours": row(
        Shown("practical › hours", "written hours"),
        At("timeRequired", "ISO duration"),
        written("study load", "written hours"),
    ),
    "hours.study_load": row(
        Shown("practical › hours", "written hours"),
        At("hasCourseInstance[*].courseWorkload", "ISO duration", RUNS),
        At("programCurriculum.studyLoad.program", "whole hours"),
    ),
    "price.amount": row(
        Shown("practical › price", "written amount"),
        At("offers.price", "two decimals"),
        At("programSchedule.programRun[*].cost[0].amount", "two decimals"),
    ),
    "price.currency": row(
        Shown("practical › price", "written currency"),
        At("offers.priceCurrency", "code"),
        At("programSchedule.programRun[*].cost[0].currency", "code"),
    ),
    "price.vat_note": row(
        Shown("practical › price"),
        At("offers.description"),
        At("programSchedule.programRun[*].cost[0].descriptionText.*"),
    ),
    "max_participants": row(
        Shown("practical › max_participants", "written number"),
        At("hasCourseInstance[*].maximumAttendeeCapacity", "number", RUNS),
        At("programAdmission.maxNumberOfParticipants", "number"),
    ),
}

_EDITIONS: dict[str, Row] = {
    "editions[].start_date": row(
        Shown(EDITIONS, "written date"),
        At("hasCourseInstance[].startDate", "ISO date"),
        At("programSchedule.programRun[].startDate.date", "ISO date"),
    ),
    "editions[].end_date": row(
        Shown(EDITIONS, "written date"),
        At("hasCourseInstance[].endDate", "ISO date"),
        At("programSchedule.programRun[].endDate.date", "ISO date"),
    ),
    "editions[].day_dates[]": row(
        Shown(EDITIONS, "written date"),
        At("hasCourseInstance[].subEvent[].startDate", "ISO date"),
        At("programSchedule.programRun[].courseDay[].date", "ISO date"),
    ),
    "editions[].mode": row(
        Shown(EDITIONS, "written mode"),
        At("hasCourseInstance[].courseMode", "course mode"),
        (
            At("programSchedule.programRun[].fullyOnline", "fully online"),
            At("programCurriculum.instructionMode[*]", "blended learning"),
        ),
    ),
    **_places(
        "editions[].location",
        EDITIONS,
        "hasCourseInstance[].location",
        "programSchedule.programRun[].location",
        None,
    ),
}

_ACCREDITATIONS: dict[str, Row] = {
    "accreditations[].registry": row(
        Shown("practical › accreditations"),
        At("subjectOf[].issuedBy.name"),
        At("programExternalAcknowledgements.accreditation[].organization"),
    ),
    "accreditations[].points": row(
        Shown("practical › accreditations", "written number"),
        At("numberOfCredits[].value", "number"),
        At("programExternalAcknowledgements.accreditation[].trainingPoints", "number"),
    ),
    "accreditations[].identifier": row(
        Shown("practical › accreditations"),
        At("subjectOf[].certificationIdentification"),
        At("programExternalAcknowledgements.accreditation[].certificateCode"),
    ),
    "accreditations[].valid_from": row(
        Shown("practical › accreditations", "written date"),
        At("subjectOf[].validFrom", "ISO date"),
        At("programExternalAcknowledgements.accreditation[].validFrom", "ISO date"),
    ),
    "accreditations[].valid_until": row(
        Shown("practical › accreditations", "written date"),
        At("subjectOf[].expires", "ISO date"),
        At("programExternalAcknowledgements.accreditation[].validUpto", "ISO date"),
    ),
    "evaluation[]": row(
        Shown("practical › evaluation"),
        Nowhere(f"{NO_TERM} for how a course is evaluated"),
        subject("characteristics"),
    ),
    "certificate": row(
        Shown("practical › certificate"), At("educationalCredentialAwarded.name"), subject("graduation")
    ),
    "certificate_conditions[]": row(
        Shown("practical › certificate"),
        At("educationalCredentialAwarded.description"),
        subject("graduation"),
    ),
    **_web_address(
        "url",
        "contact › course page",
        "url",
        At("programDescriptions.webLink.*", "URL"),
        written("contact", "web address"),
    ),
}


def _code(path: str) -> Row:
    return row(NO_CODE, Nowhere("an EDU-DEX code"), At(path, "code"))


_EDUDEX: dict[str, Row] = {
    "edudex.org_unit_id": _code("programClassification.orgUnitId"),
    "edudex.program_id": _code("programClassification.programId"),
    "edudex.program_forms[]": _code("programClassification.programForm[]"),
    "edudex.program_type": _code("programClassification.programType"),
    "edudex.program_level": _code("programClassification.programLevel"),
    "edudex.degree": _code("programClassification.degree"),
    "edudex.instruction_modes[]": _code("programCurriculum.instructionMode[]"),
    "edudex.application_type": _code("programAdmission.applicationType"),
    "edudex.application_open": _code("programAdmission.applicationOpen"),
    "edudex.payment_due": _code("programAdmission.paymentDue"),
    "edudex.start_date_determination": _code("programAdmission.startDateDetermination"),
}

ROWS: dict[str, Row] = {
    **_IDENTITY,
    **_TEXTS,
    **_PROGRAMME,
    **_TRAINERS,
    **_CONTACT,
    **_PRACTICAL,
    **_EDITIONS,
    **_ACCREDITATIONS,
    **_EDUDEX,
}
"""Every leaf of the model, with its places in the documents, JSON-LD and EDU-DEX."""
