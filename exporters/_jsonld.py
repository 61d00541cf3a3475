"""The mapping of a course onto schema.org terms (release 30.0), and its script-safe serialisation.

Every type and property used here exists in schema.org 30.0 with a domain and range that admit the
way it is used; ``tests/schemaorg.py`` checks that against the vocabulary itself. Only what the
course states is mapped: a missing fact is a missing property, never a guess.

Conventions:

- Prose keeps the brochure's words: paragraphs are joined with a blank line, so the text reads as the
  brochure does and splits back into the same paragraphs.
- A property that can hold several values (keywords, goals, days, runs, trainers, credits) is always
  an array, even with one value, so consumers see one shape.
- Durations are ISO 8601 (``PT24H30M``), dates ISO 8601 (``2027-03-09``), amounts a decimal string
  with two decimals (``"495.00"``), as schema.org advises for ``price``.
- A day's date and times are local date-times without a zone (``2027-03-09T09:30:00``): the course
  states the local time at the venue, not a zone.

What carries the facts that have no obvious Course property:

- The days of a run: each ``CourseInstance`` (an ``Event``) has a ``subEvent`` per programme day, an
  ``EducationEvent`` named as the day's heading, from its date and start time (``startDate``) to its
  date and end time (``endDate``). A day the run does not date keeps its times in an
  ``eventSchedule`` (a ``Schedule`` with ``startTime`` and ``endTime``). A day with a venue of its
  own has it as ``location``; a day at the run's venue does not repeat it.
- An accreditation: a ``Certification`` about the course (``subjectOf``, the inverse of ``about``):
  schema.org calls accreditations a form of certification. The register is the ``Organization`` in
  ``issuedBy``, the register's ID for it ``certificationIdentification``, its validity ``validFrom``
  and ``expires`` (the last valid day). The points stay ``numberOfCredits``, as Google reads them.
  Its ``name`` says its status, when the course states one ("18 punten bij SKJ (aangevraagd)").
- The literature: ``citation``, a text per reference (a Course is a CreativeWork).
- The net contact hours: ``timeRequired``, typed or computed from the days' sessions
  (:mod:`ncmw_course.hours`).
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from exporters._runs import run_day_dates
from ncmw_course.hours import contact_hours, study_hours

if TYPE_CHECKING:
    from ncmw_course.labels import Labels
    from ncmw_course.model import Accreditation, Contact, Course, Day, Edition, Location, Price, Trainer

__all__ = ["SCHEMA_ORG", "course_jsonld", "dump_jsonld", "iso_duration"]

JsonObject = dict[str, Any]

SCHEMA_ORG = "https://schema.org"
"""The JSON-LD ``@context`` of every document: schema.org's own context."""

PARAGRAPH_BREAK = "\n\n"
"""What joins the paragraphs of a prose field into one text."""

COURSE_MODES = {"onsite": "Onsite", "online": "Online", "blended": "Blended"}
"""``courseMode`` as text, in the words schema.org's description and Google's course data use."""

# Why these three: "<" and ">" can never open or close a tag ("</script>", "<!--") and "&" can
# never start a character reference when the JSON sits in a <script> element, in HTML or in XHTML.
# They only occur inside JSON strings, where \u escapes read back as the same characters
# (Django's json_script escapes the same three).
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def dump_jsonld(document: JsonObject) -> bytes:
    """Serialise a JSON-LD document: UTF-8, two-space indent, a final newline, safe inside ``<script>``.

    Keys keep the order they were inserted in, so the same document gives the same bytes.
    """
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    return (text.translate(_SCRIPT_SAFE) + "\n").encode("utf-8")


def course_jsonld(course: Course, *, context: bool = True) -> JsonObject:
    """The course as a schema.org ``Course`` node.

    Args:
        course: The course to map.
        context: Start with ``"@context": "https://schema.org"``, as a document of its own needs.
            Leave it out where the node is nested in another document, such as an ``ItemList``.
    """
    from ncmw_course.labels import labels_for

    labels = labels_for(course)
    node: JsonObject = {"@context": SCHEMA_ORG} if context else {}
    node["@type"] = "Course"
    node["name"] = course.title
    _put(node, "alternativeHeadline", course.subtitle)
    _put(node, "abstract", course.summary)
    node["description"] = PARAGRAPH_BREAK.join(course.description)
    _put(node, "url", course.url.href if course.url else None)
    node["inLanguage"] = course.language
    _put(node, "keywords", list(course.keywords))
    node["dateModified"] = course.updated.isoformat()
    _put(node, "educationalLevel", course.level)
    node["provider"] = _provider(course)
    node["audience"] = {"@type": "EducationalAudience", "description": PARAGRAPH_BREAK.join(course.audience)}
    node["teaches"] = list(course.goals)
    node["syllabusSections"] = [_syllabus(day, labels) for day in course.days]
    hours = contact_hours(course)  # typed, or computed from the days' sessions
    if hours:
        node["timeRequired"] = iso_duration(hours)
    _put(node, "numberOfCredits", [_credits(item, labels) for item in course.accreditations])
    _put(node, "subjectOf", [_certification(item, labels) for item in course.accreditations])
    if course.certificate or course.certificate_conditions:
        node["educationalCredentialAwarded"] = _certificate(course)
    _put(node, "citation", list(course.literature))
    _put(node, "offers", _offer(course.price) if course.price else None)
    runs = zip(course.editions, run_day_dates(course), strict=True)
    _put(
        node,
        "hasCourseInstance",
        [_course_instance(course, edition, dates, labels) for edition, dates in runs],
    )
    return node


def _offer(price: Price) -> JsonObject:
    offer: JsonObject = {
        "@type": "Offer",
        "price": f"{price.amount:.2f}",
        "priceCurrency": price.currency,
        # Google's course data distinguishes free and paid courses by this text.
        "category": "Free" if price.amount == 0 else "Paid",
    }
    _put(offer, "description", price.vat_note)
    return offer


def iso_duration(hours: float) -> str:
    """An amount of hours as an ISO 8601 duration: 18 → ``PT18H``, 24.5 → ``PT24H30M``.

    The hours are taken as written (their shortest decimal form), so no rounding creeps in; a
    fraction of a second is written as decimal seconds. Hours that are a whole number of seconds
    as a float (12 h 20 min, computed from times, is 12.333333333333334 hours) are written as those
    seconds: reading the duration back gives the same float.
    """
    seconds = Decimal(repr(hours)) * 3600
    whole = seconds.to_integral_value()
    if whole and float(whole / 3600) == hours:  # the same hours: 12.333333333333334 is 12 h 20 min
        seconds = whole
    whole_hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = ((whole_hours, "H"), (minutes, "M"), (seconds, "S"))
    return "PT" + "".join(f"{_decimal_text(value)}{unit}" for value, unit in parts if value)


def _decimal_text(value: Decimal) -> str:
    """A decimal in plain notation without trailing zeros: 30 → ``30``, 0.0036 → ``0.0036``."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _put(node: JsonObject, key: str, value: Any) -> None:
    """Set `key` when the course states a value: not None and not an empty list."""
    if value is not None and value != []:
        node[key] = value


def _provider(course: Course) -> JsonObject:
    organisation: JsonObject = {"@type": "Organization", "name": course.provider.name}
    _put(organisation, "url", course.provider.website.href if course.provider.website else None)
    organisation["contactPoint"] = _contact_point(course.contact)
    return organisation


def _contact_point(contact: Contact) -> JsonObject:
    point: JsonObject = {"@type": "ContactPoint"}
    _put(point, "name", contact.name)
    # E.164, the international form schema.org consumers expect; the brochure's form is for people.
    _put(point, "telephone", contact.phone.e164 if contact.phone else None)
    _put(point, "email", contact.email)
    _put(point, "url", contact.website.href if contact.website else None)
    return point


def _syllabus(day: Day, labels: Labels) -> JsonObject:
    section: JsonObject = {
        "@type": "Syllabus",
        "position": day.ordinal,
        "name": labels.day_title(day.ordinal, day.theme),
    }
    # One topic per line: the list reads as a list and splits back into the same topics, since a
    # topic cannot hold a line break.
    _put(section, "description", "\n".join(day.topics) or None)
    return section


def _credits(accreditation: Accreditation, labels: Labels) -> JsonObject:
    points = accreditation.points
    value: JsonObject = {
        "@type": "QuantitativeValue",
        "value": int(points) if points.is_integer() else points,
        "description": _points_text(accreditation, labels),
    }
    _put(value, "identifier", accreditation.identifier)
    return value


def _points_text(accreditation: Accreditation, labels: Labels) -> str:
    """The points in words, as documents write them, with the status: "18,5 punten bij SKJ (aangevraagd)"."""
    points = labels.format_number(accreditation.points)
    text = labels.points.format(points=points, registry=accreditation.registry)
    return f"{text} ({labels.statuses[accreditation.status]})" if accreditation.status else text


def _certification(accreditation: Accreditation, labels: Labels) -> JsonObject:
    """An accreditation as a Certification of the course by its register (see the module's docstring)."""
    certification: JsonObject = {
        "@type": "Certification",
        "name": _points_text(accreditation, labels),
        "issuedBy": {"@type": "Organization", "name": accreditation.registry},
    }
    _put(certification, "certificationIdentification", accreditation.identifier)
    _put(certification, "validFrom", _iso(accreditation.valid_from))
    _put(certification, "expires", _iso(accreditation.valid_until))  # the last day it is valid
    return certification


def _certificate(course: Course) -> JsonObject:
    credential: JsonObject = {"@type": "EducationalOccupationalCredential"}
    _put(credential, "name", course.certificate)
    _put(credential, "description", PARAGRAPH_BREAK.join(course.certificate_conditions) or None)
    return credential


def _course_instance(
    course: Course, edition: Edition, dates: tuple[date | None, ...], labels: Labels
) -> JsonObject:
    instance: JsonObject = {"@type": "CourseInstance"}
    _put(instance, "courseMode", COURSE_MODES[edition.mode] if edition.mode else None)
    # courseWorkload is the total work a participant puts in: the study load. When the course states
    # only its contact hours, those are the work it does state (`check --for jsonld` counts either).
    workload = study_hours(course)
    if workload:
        instance["courseWorkload"] = iso_duration(workload)
    instance["startDate"] = edition.start_date.isoformat()
    _put(instance, "endDate", _iso(edition.end_date))
    _put(instance, "location", _place(edition.location) if edition.location else None)
    _put(instance, "maximumAttendeeCapacity", course.max_participants)
    instance["instructor"] = [_person(trainer) for trainer in course.trainers]
    instance["subEvent"] = [
        _day_event(day, day_date, labels) for day, day_date in zip(course.days, dates, strict=True)
    ]
    return instance


def _day_event(day: Day, day_date: date | None, labels: Labels) -> JsonObject:
    """A day of a run: its heading, when it starts and ends, and its own venue."""
    event: JsonObject = {"@type": "EducationEvent", "name": labels.day_title(day.ordinal, day.theme)}
    if day_date is not None:
        event["startDate"] = _moment(day_date, day.start_time)
        _put(event, "endDate", _moment(day_date, day.end_time) if day.end_time else None)
    elif day.start_time or day.end_time:
        schedule: JsonObject = {"@type": "Schedule"}
        _put(schedule, "startTime", day.start_time.isoformat() if day.start_time else None)
        _put(schedule, "endTime", day.end_time.isoformat() if day.end_time else None)
        event["eventSchedule"] = schedule
    _put(event, "location", _place(day.location) if day.location else None)
    return event


def _moment(day_date: date, at: time | None) -> str:
    """A date, or a local date-time when the time is known: ``2027-03-09T09:30:00``."""
    return datetime.combine(day_date, at).isoformat() if at else day_date.isoformat()


def _place(location: Location) -> JsonObject:
    place: JsonObject = {"@type": "Place", "name": location.name}
    address: JsonObject = {"@type": "PostalAddress"}
    _put(address, "streetAddress", location.street_address)
    _put(address, "postalCode", location.postal_code)
    _put(address, "addressLocality", location.locality)
    _put(address, "addressCountry", location.country)
    if len(address) > 1:
        place["address"] = address
    return place


def _person(trainer: Trainer) -> JsonObject:
    person: JsonObject = {"@type": "Person", "name": trainer.name}
    _put(person, "jobTitle", trainer.role)
    if trainer.organisation:
        person["worksFor"] = {"@type": "Organization", "name": trainer.organisation}
    _put(person, "description", PARAGRAPH_BREAK.join(trainer.biography) or None)
    # What a trainer is trained as and the courses completed are both earned credentials.
    _put(
        person,
        "hasCredential",
        [
            {"@type": "EducationalOccupationalCredential", "name": name}
            for name in (*trainer.training, *trainer.qualifications)
        ],
    )
    _put(person, "knowsAbout", list(trainer.experience))
    return person
