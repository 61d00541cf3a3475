"""Tests of the ``jsonld`` exporter: schema.org validity, the mapping, nothing invented, script safety.

Validity is checked against the schema.org 30.0 vocabulary (the repository's copy in
``tests/conformance/``) by ``tests/schemaorg.py``.
"""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporters._jsonld import iso_duration
from exporters._runs import run_day_dates
from exporters.jsonld import JsonldExporter, course_jsonld, dump_jsonld
from ncmw_course import Course, load_course, parse_course, render
from ncmw_course.exporting import get_exporter
from ncmw_course.hours import contact_hours, study_hours
from ncmw_course.labels import labels_for
from tests.conftest import TESTDATA
from tests.schemaorg import Vocabulary, schemaorg_vocabulary
from tests.strategies import courses

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "25"))
HOSTILE = "Einde </script><script>alert('x')</script> <!-- & ]]> </SCRIPT >"
"""Course text that would end a script element, or open a comment, if written literally."""


@pytest.fixture(scope="module")
def schemaorg() -> Vocabulary:
    """The schema.org 30.0 vocabulary, from tests/conformance/."""
    return schemaorg_vocabulary()


@pytest.fixture
def maximal_course() -> Course:
    """A course that fills every field with long, multilingual and markup-like text."""
    return load_course(TESTDATA / "course_maximal.json")


@pytest.fixture
def runs_course() -> Course:
    """Two dated runs in two towns, days with their own venues and times, two registers with IDs."""
    return load_course(TESTDATA / "course_runs.json")


def jsonld(course: Course) -> dict[str, Any]:
    """The exporter's output for `course`, read back as JSON."""
    document: dict[str, Any] = json.loads(JsonldExporter().render(course))
    return document


def with_changes(course: Course, **changes: Any) -> Course:
    """`course` with some fields replaced, validated again by the model."""
    return Course.model_validate({**course.model_dump(mode="json"), **changes})


@pytest.mark.parametrize("variant", ["bundled", "minimal", "full", "maximal", "runs"])
def test_reference_courses_are_valid_schemaorg(
    schemaorg: Vocabulary, request: pytest.FixtureRequest, variant: str
) -> None:
    """The JSON-LD of each reference course uses only schema.org 30.0 terms, in their domain and range."""
    course: Course = request.getfixturevalue(f"{variant}_course")
    assert schemaorg.check(jsonld(course)) == []


@settings(max_examples=EXAMPLES, deadline=None)
@given(courses())
def test_generated_courses_are_valid_schemaorg(schemaorg: Vocabulary, course: Course) -> None:
    """The JSON-LD of any valid course passes the vocabulary check."""
    assert schemaorg.check(jsonld(course)) == []


class TestFullCourse:
    """The mapping, spot-checked on the course that fills every optional field."""

    def test_course(self, full_course: Course) -> None:
        """The course's own facts map onto the Course node's properties."""
        document = jsonld(full_course)
        assert document["@context"] == "https://schema.org"
        assert document["@type"] == "Course"
        assert document["name"] == "Gespreksvoering bij scheiding"
        assert document["alternativeHeadline"] == "Kinderen centraal in het gesprek met ouders"
        assert document["abstract"] == full_course.summary
        assert document["url"] == "https://www.ncmw.nl/cursussen/gespreksvoering-bij-scheiding"
        assert document["inLanguage"] == "nl"
        assert document["dateModified"] == "2026-09-01"
        assert document["educationalLevel"] == "hbo"
        assert document["teaches"] == list(full_course.goals)
        assert document["timeRequired"] == "PT18H"
        assert document["audience"] == {
            "@type": "EducationalAudience",
            "description": full_course.audience[0],
        }

    def test_provider(self, full_course: Course) -> None:
        """The provider is an Organization whose contact point holds the course's contact details."""
        assert jsonld(full_course)["provider"] == {
            "@type": "Organization",
            "name": "NCMW",
            "url": "https://www.ncmw.nl/",
            "contactPoint": {
                "@type": "ContactPoint",
                "name": "Secretariaat NCMW",
                "telephone": "+31495450667",
                "email": "info@ncmw.nl",
                "url": "https://www.ncmw.nl/",
            },
        }

    def test_syllabus(self, full_course: Course) -> None:
        """Each day is a Syllabus headed as documents head it, with its topics one per line."""
        sections = jsonld(full_course)["syllabusSections"]
        assert [section["name"] for section in sections] == [
            "Eerste dag: De positie van de hulpverlener",
            "Tweede dag: Kinderen en loyaliteit",
            "Derde dag: Afspraken die werken",
        ]
        assert [section["position"] for section in sections] == [1, 2, 3]
        assert sections[1]["description"] == (
            "Signalen van een loyaliteitsconflict\nKinderen betrekken bij het gesprek\n“Kiezen” tussen ouders"
        )

    def test_credits_certificate_and_offer(self, full_course: Course) -> None:
        """Accreditation points, the certificate and the price are mapped as stated."""
        document = jsonld(full_course)
        assert document["numberOfCredits"] == [
            {
                "@type": "QuantitativeValue",
                "value": 18,
                "description": "18 punten bij Registerplein (toegekend)",
                "identifier": "RP-0000-TEST",
            },
            {"@type": "QuantitativeValue", "value": 18, "description": "18 punten bij SKJ (aangevraagd)"},
        ]
        assert type(document["numberOfCredits"][0]["value"]) is int
        assert document["educationalCredentialAwarded"] == {
            "@type": "EducationalOccupationalCredential",
            "name": "certificaat van deelname",
            "description": full_course.certificate_conditions[0],
        }
        assert document["offers"] == {
            "@type": "Offer",
            "price": "495.00",
            "priceCurrency": "EUR",
            "category": "Paid",
            "description": "vrijgesteld van btw",
        }

    def test_course_instance(self, full_course: Course) -> None:
        """Each edition is a CourseInstance with its mode, workload, dates, place and size."""
        instance, october = jsonld(full_course)["hasCourseInstance"]
        assert october["startDate"] == "2027-10-19"
        assert instance["courseMode"] == "Onsite"
        assert instance["courseWorkload"] == "PT24H"
        assert instance["startDate"] == "2027-03-09"
        assert instance["endDate"] == "2027-03-23"
        assert instance["maximumAttendeeCapacity"] == 14
        assert instance["location"] == {
            "@type": "Place",
            "name": "NCMW, zaal 2",
            "address": {"@type": "PostalAddress", "addressLocality": "Baarlo", "addressCountry": "NL"},
        }

    def test_instructors(self, full_course: Course) -> None:
        """Every trainer is an instructor: name, role as jobTitle, biography, credentials and experience."""
        instance = jsonld(full_course)["hasCourseInstance"][0]
        marieke, sjoerd = instance["instructor"]
        assert marieke == {
            "@type": "Person",
            "name": "Marieke de Vries",
            "jobTitle": "trainer en supervisor",
            "worksFor": {"@type": "Organization", "name": "NCMW"},
            "description": "Marieke de Vries werkt twintig jaar met gezinnen in scheiding.",
            "hasCredential": [
                {"@type": "EducationalOccupationalCredential", "name": "maatschappelijk werker"},
                {"@type": "EducationalOccupationalCredential", "name": "Opleiding Systeemtherapie"},
            ],
            "knowsAbout": ["scheidingsbemiddeling"],
        }
        assert sjoerd == {
            "@type": "Person",
            "name": "Sjoerd Ødegaard",
            "jobTitle": "gezinstherapeut",
            "description": "Sjoerd Ødegaard begeleidt ouders en kinderen na een scheiding.",
            "hasCredential": [
                {"@type": "EducationalOccupationalCredential", "name": "Registeropleiding Gezinstherapie"}
            ],
        }

    def test_key_order(self, full_course: Course) -> None:
        """The Course node lists its properties in a fixed, readable order."""
        assert list(jsonld(full_course)) == [
            "@context", "@type", "name", "alternativeHeadline", "abstract", "description", "url",
            "inLanguage", "keywords", "dateModified", "educationalLevel", "provider", "audience", "teaches",
            "syllabusSections", "timeRequired", "numberOfCredits", "subjectOf", "educationalCredentialAwarded",
            "citation", "offers", "hasCourseInstance",
        ]  # fmt: skip


def test_the_bundled_course_invents_nothing(bundled_course: Course) -> None:
    """The brochure states no price, runs, hours, points, certificate, level or page: none appear."""
    document = jsonld(bundled_course)
    assert list(document) == [
        "@context", "@type", "name", "description", "inLanguage", "keywords", "dateModified",
        "provider", "audience", "teaches", "syllabusSections",
    ]  # fmt: skip
    assert document["provider"] == {
        "@type": "Organization",
        "name": "NCMW",
        "url": "https://www.ncmw.nl/",
        "contactPoint": {
            "@type": "ContactPoint",
            "telephone": "+31495450667",
            "email": "info@ncmw.nl",
            "url": "https://www.ncmw.nl/",
        },
    }


def test_the_maximal_course_keeps_every_run_and_credit(maximal_course: Course) -> None:
    """Several editions and accreditations each give their own node; fractional points stay exact."""
    document = jsonld(maximal_course)
    assert [credit["value"] for credit in document["numberOfCredits"]] == [72, 48.5]
    assert [credit["description"] for credit in document["numberOfCredits"]] == [
        "72 punten bij Registerplein (toegekend)",
        "48,5 punten bij SKJ (aangevraagd)",
    ]
    runs = document["hasCourseInstance"]
    assert [(run["courseMode"], run["startDate"], run["endDate"]) for run in runs] == [
        ("Blended", "2027-09-07", "2027-11-23"),
        ("Online", "2028-02-01", "2028-04-18"),
    ]
    assert runs[1]["location"] == {
        "@type": "Place",
        "name": "Online – via de leeromgeving",
        "address": {"@type": "PostalAddress", "addressCountry": "BE"},
    }
    assert [person["name"] for person in runs[0]["instructor"]] == [
        "Marieke de Vries-O’Brien",
        "فاطمة العمراني",
        "Sjoerd Ødegaard",
    ]


def place(name: str, street: str, postal_code: str, town: str) -> dict[str, Any]:
    """A schema.org Place in the Netherlands, as the exporter writes one."""
    address = {"streetAddress": street, "postalCode": postal_code, "addressLocality": town}
    return {
        "@type": "Place",
        "name": name,
        "address": {"@type": "PostalAddress", **address, "addressCountry": "NL"},
    }


VEILIG_THUIS = place("Veilig Thuis Limburg-Noord", "Spoorweglaan 2", "5911 AB", "Venlo")
ZORG_EN_VEILIGHEIDSHUIS = place(
    "Zorg- en Veiligheidshuis Noord-Limburg", "Stationsplein 7", "5961 AA", "Horst"
)


class TestRunsCourse:
    """Two runs in two towns, days elsewhere, two registers: every such fact, in its own node."""

    def test_each_run_carries_its_days_dates_and_times(self, runs_course: Course) -> None:
        """Each CourseInstance has a subEvent per day, from its own date and start time to its end time."""
        first, second = jsonld(runs_course)["hasCourseInstance"]
        assert [(day["startDate"], day["endDate"]) for day in first["subEvent"]] == [
            ("2027-03-09T09:30:00", "2027-03-09T16:30:00"),
            ("2027-03-16T09:00:00", "2027-03-16T15:30:00"),
            ("2027-03-23T09:30:00", "2027-03-23T16:00:00"),
        ]
        assert [(day["startDate"], day["endDate"]) for day in second["subEvent"]] == [
            ("2027-09-28T09:30:00", "2027-09-28T16:30:00"),
            ("2027-10-05T09:00:00", "2027-10-05T15:30:00"),
            ("2027-10-12T09:30:00", "2027-10-12T16:00:00"),
        ]
        assert [day["name"] for day in second["subEvent"]] == [
            "Eerste dag: Signaleren en het eerste gesprek",
            "Tweede dag: Wegen: het afwegingskader",
            "Derde dag: Handelen en samenwerken in de keten",
        ]
        assert {day["@type"] for day in first["subEvent"] + second["subEvent"]} == {"EducationEvent"}

    def test_a_day_in_another_town_has_its_own_place(self, runs_course: Course) -> None:
        """A day with a venue of its own names it; a day at the run's venue does not repeat it."""
        first, second = jsonld(runs_course)["hasCourseInstance"]
        assert first["location"] == place("NCMW, zaal 2", "Voorbeeldstraat 12", "5991 AA", "Baarlo")
        assert second["location"] == place("Wijkcentrum De Tump", "Tumpstraat 4", "6041 AB", "Roermond")
        for run in (first, second):
            assert [day.get("location") for day in run["subEvent"]] == [
                None,
                VEILIG_THUIS,
                ZORG_EN_VEILIGHEIDSHUIS,
            ]

    def test_accreditations_name_their_register_id_and_validity(self, runs_course: Course) -> None:
        """Each accreditation is a Certification issued by the register, with its ID and validity."""
        assert jsonld(runs_course)["subjectOf"] == [
            {
                "@type": "Certification",
                "name": "18 punten bij Registerplein",
                "issuedBy": {"@type": "Organization", "name": "Registerplein"},
                "certificationIdentification": "RP-2027-004711",
                "validFrom": "2027-01-01",
                "expires": "2028-12-31",
            },
            {
                "@type": "Certification",
                "name": "18,5 punten bij SKJ",
                "issuedBy": {"@type": "Organization", "name": "SKJ"},
                "certificationIdentification": "171234",
                "validFrom": "2027-02-01",
                "expires": "2029-01-31",
            },
        ]

    def test_decimal_hours_are_exact(self, runs_course: Course) -> None:
        """18.5 contact hours and 18.5 points keep their half; the study load is each run's workload."""
        document = jsonld(runs_course)
        assert document["timeRequired"] == "PT18H30M"
        assert [credit["value"] for credit in document["numberOfCredits"]] == [18, 18.5]
        assert {run["courseWorkload"] for run in document["hasCourseInstance"]} == {"PT28H"}


def test_undated_days_of_a_run_keep_their_times_and_places(maximal_course: Course) -> None:
    """A run that dates no days gives each day its times as a Schedule, and its own venue."""
    first, second = jsonld(maximal_course)["hasCourseInstance"]
    assert first["subEvent"][0]["startDate"] == "2027-09-07T09:30:00"
    day = second["subEvent"][0]
    assert "startDate" not in day
    assert day["eventSchedule"] == {"@type": "Schedule", "startTime": "09:30:00", "endTime": "16:30:00"}
    assert day["location"]["address"]["addressLocality"] == "Baarlo"


def test_the_days_own_dates_are_those_of_their_run(full_course: Course) -> None:
    """Days dated in the course (not in the run) give the dates of the run that holds them."""
    editions = [{**edition.model_dump(mode="json"), "day_dates": []} for edition in full_course.editions]
    run, _ = jsonld(with_changes(full_course, editions=editions))["hasCourseInstance"]
    assert [day["startDate"] for day in run["subEvent"]] == [
        "2027-03-09T09:30:00",
        "2027-03-16T09:30:00",
        "2027-03-23T09:30:00",
    ]


def test_prose_is_kept_word_for_word(any_course: Course) -> None:
    """Descriptions split back into the course's own paragraphs, and day descriptions into its topics."""
    document = jsonld(any_course)
    assert document["description"].split("\n\n") == list(any_course.description)
    assert document["audience"]["description"].split("\n\n") == list(any_course.audience)
    labels = labels_for(any_course)
    for section, day in zip(document["syllabusSections"], any_course.days, strict=True):
        assert section["name"] == labels.day_title(day.ordinal, day.theme)
        assert section.get("description", "").split("\n") == (list(day.topics) or [""])


@settings(max_examples=EXAMPLES, deadline=None)
@given(courses())
def test_only_stated_facts_are_mapped(course: Course) -> None:
    """Each optional property appears exactly when the course states its fact."""
    document = jsonld(course)
    assert ("url" in document) == (course.url is not None)
    assert ("alternativeHeadline" in document) == (course.subtitle is not None)
    assert ("abstract" in document) == (course.summary is not None)
    assert ("keywords" in document) == bool(course.keywords)
    assert ("educationalLevel" in document) == (course.level is not None)
    assert ("timeRequired" in document) == bool(contact_hours(course))
    assert ("offers" in document) == (course.price is not None)
    assert len(document.get("numberOfCredits", [])) == len(course.accreditations)
    assert document.get("citation", []) == list(course.literature)
    assert ("educationalCredentialAwarded" in document) == bool(
        course.certificate or course.certificate_conditions
    )
    assert ("url" in document["provider"]) == (course.provider.website is not None)
    runs = document.get("hasCourseInstance", [])
    assert len(runs) == len(course.editions)
    for run, edition in zip(runs, course.editions, strict=True):
        assert run["startDate"] == edition.start_date.isoformat()
        assert ("endDate" in run) == (edition.end_date is not None)
        assert ("courseMode" in run) == (edition.mode is not None)
        assert ("courseWorkload" in run) == bool(study_hours(course))
        assert ("location" in run) == (edition.location is not None)
        assert [person["name"] for person in run["instructor"]] == [
            trainer.name for trainer in course.trainers
        ]
    for run, dates in zip(runs, run_day_dates(course), strict=True):
        assert len(run["subEvent"]) == len(course.days)
        for event, day, day_date in zip(run["subEvent"], course.days, dates, strict=True):
            assert ("startDate" in event) == (day_date is not None)
            assert ("endDate" in event) == (day_date is not None and day.end_time is not None)
            assert ("eventSchedule" in event) == (day_date is None and bool(day.start_time or day.end_time))
            assert ("location" in event) == (day.location is not None)
    certifications = document.get("subjectOf", [])
    assert len(certifications) == len(course.accreditations)
    for certification, accreditation in zip(certifications, course.accreditations, strict=True):
        assert certification["issuedBy"]["name"] == accreditation.registry
        assert ("certificationIdentification" in certification) == (accreditation.identifier is not None)
        assert ("validFrom" in certification) == (accreditation.valid_from is not None)
        assert ("expires" in certification) == (accreditation.valid_until is not None)


@pytest.mark.parametrize(
    ("hours", "workload"),
    [
        ({"contact_hours": 18, "study_load": 24.5}, "PT24H30M"),
        ({"study_load": 24.5}, "PT24H30M"),
        ({"contact_hours": 18}, "PT18H"),
    ],
)
def test_the_workload_is_the_study_load_else_the_contact_hours(
    full_course: Course, hours: dict[str, float], workload: str
) -> None:
    """courseWorkload is the study load; a course that states only contact hours gives those."""
    run = jsonld(with_changes(full_course, hours=hours))["hasCourseInstance"][0]
    assert run["courseWorkload"] == workload


def test_the_price_has_two_decimals_and_a_free_course_says_so(full_course: Course) -> None:
    """A whole amount is written with two decimals; an amount of 0 is the category "Free"."""
    offer = jsonld(with_changes(full_course, price={"amount": 0, "currency": "EUR"}))["offers"]
    assert offer == {"@type": "Offer", "price": "0.00", "priceCurrency": "EUR", "category": "Free"}


@pytest.mark.parametrize(
    ("hours", "duration"),
    [
        (18.0, "PT18H"),
        (24.5, "PT24H30M"),
        (0.25, "PT15M"),
        (24.75, "PT24H45M"),
        (10_000.0, "PT10000H"),
        (1.0001, "PT1H0.36S"),
        (0.1, "PT6M"),
    ],
)
def test_hours_as_iso_durations(hours: float, duration: str) -> None:
    """Hours are written as ISO 8601 durations in hours, minutes and seconds, without rounding."""
    assert iso_duration(hours) == duration


DURATION = re.compile(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?")


@given(st.floats(0, 10_000, exclude_min=True, allow_nan=False))
def test_durations_keep_the_hours_exactly(hours: float) -> None:
    """Reading a duration back gives exactly the hours written, as the course wrote them: to the
    decimal, or, for hours that are whole seconds, the same float."""
    match = DURATION.fullmatch(iso_duration(hours))
    assert match is not None
    h, m, s = (Decimal(part or 0) for part in match.groups())
    seconds = h * 3600 + m * 60 + s
    assert seconds == Decimal(repr(hours)) * 3600 or (
        seconds == seconds.to_integral_value() and float(seconds / 3600) == hours
    )


def test_hours_computed_from_times_are_whole_minutes() -> None:
    """12 h 20 min of sessions is 12.333333333333334 hours, written as the minutes it is."""
    assert iso_duration(44_400 / 3600) == "PT12H20M"


class ScriptReader(HTMLParser):
    """Collects the text of every script element, as a browser's HTML parser splits it."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note that a script element starts."""
        if tag == "script":
            self._inside = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        """Note that a script element ends."""
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        """Collect the text of the current script element."""
        if self._inside:
            self.scripts[-1] += data


def test_markup_in_course_text_cannot_leave_the_script_element(full_course: Course) -> None:
    """``</script>`` and ``<!--`` in course text are escaped, and read back as the original text."""
    course = with_changes(full_course, title=HOSTILE, description=[HOSTILE, "a < b && c > d"])
    data = JsonldExporter().render(course)
    for literal in (b"</", b"<!--", b"<", b">", b"&"):
        assert literal not in data
    document = json.loads(data)
    assert document["name"] == HOSTILE
    assert document["description"] == f"{HOSTILE}\n\na < b && c > d"
    page = f'<html><head><script type="application/ld+json">{data.decode()}</script></head></html>'
    reader = ScriptReader()
    reader.feed(page)
    reader.close()
    assert reader.scripts == [data.decode()]


@settings(max_examples=EXAMPLES, deadline=None)
@given(courses())
def test_escaping_loses_nothing(course: Course) -> None:
    """Any course's output holds no literal ``<``, ``>`` or ``&``, and reads back as the mapped document."""
    data = render(course, "jsonld")
    assert not {b"<", b">", b"&"} & {bytes([byte]) for byte in data}
    assert json.loads(data) == course_jsonld(course)


def test_output_is_utf8_json_with_two_space_indent(maximal_course: Course) -> None:
    """The output is UTF-8 without ``\\u`` escapes for letters, indented by two spaces, with one final newline."""
    data = JsonldExporter().render(maximal_course)
    text = data.decode("utf-8")
    assert "فاطمة العمراني" in text
    assert text.startswith('{\n  "@context": "https://schema.org",\n  "@type": "Course",\n')
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    indents = {len(line) - len(line.lstrip(" ")) for line in text.splitlines()}
    assert all(indent % 2 == 0 for indent in indents)


def test_the_same_course_gives_the_same_bytes(maximal_course: Course) -> None:
    """Rendering twice, or after a round trip through the course JSON, gives identical bytes."""
    data = render(maximal_course, "jsonld")
    assert render(maximal_course, "jsonld") == data
    assert render(parse_course(render(maximal_course, "json")), "jsonld") == data


def test_course_jsonld_can_leave_out_the_context(full_course: Course) -> None:
    """``context=False`` gives the same node without ``@context``, for nesting in an ItemList."""
    nested = course_jsonld(full_course, context=False)
    assert "@context" not in nested
    assert {"@context": "https://schema.org", **nested} == course_jsonld(full_course)
    assert dump_jsonld(course_jsonld(full_course)) == JsonldExporter().render(full_course)


def test_the_exporter_is_registered() -> None:
    """``jsonld`` is found through its entry point, with its extension and media type."""
    exporter = get_exporter("jsonld")
    assert isinstance(exporter, JsonldExporter)
    assert (exporter.name, exporter.file_extension, exporter.media_type) == (
        "jsonld",
        ".jsonld",
        "application/ld+json",
    )
    assert "\n" not in exporter.description
