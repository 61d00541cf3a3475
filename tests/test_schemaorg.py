"""Tests of the schema.org vocabulary checker (``tests/schemaorg.py``): each rule catches what it should.

A checker that accepts everything would let every JSON-LD test pass, so each rule is shown to reject
a document that breaks it, with the exact message, next to documents that are valid.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.schemaorg import SCHEMAORG, Vocabulary, schemaorg_vocabulary

CONTEXT = "https://schema.org"


@pytest.fixture(scope="module")
def schemaorg() -> Vocabulary:
    """The schema.org 30.0 vocabulary, from tests/conformance/."""
    return schemaorg_vocabulary()


def document(**node: Any) -> dict[str, Any]:
    """A JSON-LD document of one node, with schema.org's context."""
    return {"@context": CONTEXT, **node}


def test_the_vocabulary_is_release_30(schemaorg: Vocabulary) -> None:
    """The CSVs load: types with their supertypes, properties with domain and range."""
    assert schemaorg.lineage("Course") == {"Course", "CreativeWork", "LearningResource", "Thing"}
    assert schemaorg.lineage("PostalAddress") == {
        "PostalAddress", "ContactPoint", "StructuredValue", "Intangible", "Thing",
    }  # fmt: skip
    assert schemaorg.properties["syllabusSections"].domain == {"Course"}
    assert schemaorg.properties["courseMode"].range == {"Text", "URL"}
    assert schemaorg.properties["contactPoints"].superseded_by == "contactPoint"
    assert schemaorg.members["OnlineEventAttendanceMode"] == "EventAttendanceModeEnumeration"
    assert len(schemaorg.parents) > 900
    assert len(schemaorg.properties) > 1500


def test_a_valid_document_has_no_problems(schemaorg: Vocabulary) -> None:
    """Inherited properties, subtypes in a range, pending terms, lists, literals and references pass."""
    course = document(
        **{
            "@type": "Course",
            "name": "Gespreksvoering",  # Thing's property, on a Course
            "url": "https://www.ncmw.nl/cursus",
            "provider": {"@type": "EducationalOrganization", "name": "NCMW"},  # a subtype of Organization
            "teaches": ["Een doel", {"@type": "DefinedTerm", "name": "Een term"}],  # pending in 30.0
            "syllabusSections": [{"@type": "Syllabus", "name": "Dag 1", "position": 1}],
            "timeRequired": "PT24H30M",
            "numberOfCredits": 18,
            "isAccessibleForFree": False,
            "dateModified": "2026-09-01",
            "keywords": {"@value": "ontrouw", "@language": "nl"},
            "offers": {"@type": "Offer", "price": 495.5, "priceCurrency": "EUR"},
            "hasCourseInstance": {
                "@type": ["CourseInstance", "EducationEvent"],
                "startDate": "2027-03-09T09:30",
                "endDate": "2027-03-23",
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "instructor": {"@id": "https://www.ncmw.nl/#marieke"},
            },
        }
    )
    assert schemaorg.check(course) == []


def test_nodes_may_be_listed_in_a_graph(schemaorg: Vocabulary) -> None:
    """Nodes under ``@graph`` are checked one by one."""
    graph = document(
        **{"@graph": [{"@type": "Organization", "name": "NCMW"}, {"@type": "Course", "jobTitle": "x"}]}
    )
    assert schemaorg.check(graph) == [
        "$.@graph[1].jobTitle: 'jobTitle' is not a property of Course; its domain is Person"
    ]


BROKEN = [
    pytest.param(
        document(**{"@type": "Cursus", "name": "x"}),
        ["$.@type: 'Cursus' is not a schema.org 30.0 type"],
        id="unknown type",
    ),
    pytest.param(
        document(**{"@type": "Text"}),
        ["$.@type: 'Text' is not a schema.org 30.0 type"],
        id="data type as a node type",
    ),
    pytest.param(
        document(**{"@type": "OnlineEventAttendanceMode"}),
        ["$.@type: 'OnlineEventAttendanceMode' is a member of EventAttendanceModeEnumeration, not a type"],
        id="enumeration member as a type",
    ),
    pytest.param(
        document(**{"@type": "Season", "name": "x"}),
        ["$.@type: 'Season' is superseded by 'CreativeWorkSeason'; use that"],
        id="superseded type",
    ),
    pytest.param(
        document(**{"@type": "Course", "provider": {"name": "NCMW"}}),
        ["$.provider: the node has no @type"],
        id="node without a type",
    ),
    pytest.param(
        document(**{"@type": "Course", "courseTitle": "x"}),
        ["$.courseTitle: 'courseTitle' is not a schema.org 30.0 property"],
        id="unknown property",
    ),
    pytest.param(
        document(**{"@type": "Organization", "contactPoints": {"@type": "ContactPoint", "email": "a@b.nl"}}),
        ["$.contactPoints: 'contactPoints' is superseded by 'contactPoint'; use that"],
        id="superseded property",
    ),
    pytest.param(
        document(**{"@type": "Course", "courseMode": "Online"}),
        ["$.courseMode: 'courseMode' is not a property of Course; its domain is CourseInstance"],
        id="property of another type",
    ),
    pytest.param(
        document(**{"@type": "Person", "name": "x", "instructor": {"@type": "Person", "name": "y"}}),
        ["$.instructor: 'instructor' is not a property of Person; its domain is CourseInstance"],
        id="property of a subtype, not a supertype",
    ),
    pytest.param(
        document(**{"@type": "Course", "provider": {"@type": "Place", "name": "Baarlo"}}),
        ["$.provider: a Place node is not within the range Organization, Person"],
        id="node of a type outside the range",
    ),
    pytest.param(
        document(**{"@type": "Course", "provider": "NCMW"}),
        ["$.provider: the text 'NCMW' is not within the range Organization, Person"],
        id="text where a node is expected",
    ),
    pytest.param(
        document(**{"@type": "Course", "numberOfCredits": "18"}),
        ["$.numberOfCredits: the text '18' is not within the range Integer, StructuredValue"],
        id="number written as text",
    ),
    pytest.param(
        document(**{"@type": "Course", "numberOfCredits": 18.5}),
        ["$.numberOfCredits: the number 18.5 is not within the range Integer, StructuredValue"],
        id="fraction where an integer is expected",
    ),
    pytest.param(
        document(**{"@type": "Course", "name": 3}),
        ["$.name: the number 3 is not within the range Text"],
        id="number where text is expected",
    ),
    pytest.param(
        document(**{"@type": "Course", "isAccessibleForFree": "true"}),
        ["$.isAccessibleForFree: the text 'true' is not within the range Boolean"],
        id="boolean written as text",
    ),
    pytest.param(
        document(**{"@type": "Course", "name": True}),
        ["$.name: the boolean true is not within the range Text"],
        id="boolean where text is expected",
    ),
    pytest.param(
        document(**{"@type": "Course", "dateModified": "09-03-2027"}),
        ["$.dateModified: the text '09-03-2027' is not within the range Date, DateTime"],
        id="date not in ISO 8601",
    ),
    pytest.param(
        document(**{"@type": "Course", "dateModified": "2027-02-30"}),
        ["$.dateModified: the text '2027-02-30' is not within the range Date, DateTime"],
        id="date that does not exist",
    ),
    pytest.param(
        document(**{"@type": "Course", "timeRequired": "18 uur"}),
        ["$.timeRequired: the text '18 uur' is not within the range Duration"],
        id="duration not in ISO 8601",
    ),
    pytest.param(
        document(**{"@type": "Course", "timeRequired": "PT"}),
        ["$.timeRequired: the text 'PT' is not within the range Duration"],
        id="empty duration",
    ),
    pytest.param(
        document(**{"@type": "Course", "url": "www.ncmw.nl"}),
        ["$.url: the text 'www.ncmw.nl' is not within the range URL"],
        id="relative URL",
    ),
    pytest.param(
        document(**{"@type": "CourseInstance", "eventAttendanceMode": "https://schema.org/Monday"}),
        [
            (
                "$.eventAttendanceMode: the text 'https://schema.org/Monday' is not within the range "
                "EventAttendanceModeEnumeration"
            )
        ],
        id="member of another enumeration",
    ),
    pytest.param(
        document(**{"@type": "Course", "name": None}),
        ["$.name: null is not within the range Text"],
        id="null value",
    ),
    pytest.param(
        document(**{"@type": "Course", "teaches": ["Een doel", 3]}),
        ["$.teaches[1]: the number 3 is not within the range DefinedTerm, Text"],
        id="one bad item in a list",
    ),
    pytest.param(
        document(**{"@type": "Course", "name": {"@id": "https://example.org/x"}}),
        ["$.name: a node reference, but the range is Text"],
        id="reference where only literals are in range",
    ),
    pytest.param(
        {"@type": "Course", "name": "x"},
        ['$: "@context" is None; it must be "https://schema.org"'],
        id="no context",
    ),
    pytest.param(
        document(**{"@type": "Course", "provider": {"@context": CONTEXT, "@type": "Organization"}}),
        ["$.provider.@context: the JSON-LD keyword @context is not supported here"],
        id="nested context",
    ),
    pytest.param(
        ["not", "a", "document"],
        ["$: a JSON-LD document here is an object, not a list"],
        id="not an object",
    ),
]


@pytest.mark.parametrize(("broken", "problems"), BROKEN)
def test_each_rule_rejects_what_breaks_it(schemaorg: Vocabulary, broken: Any, problems: list[str]) -> None:
    """A document that breaks one rule gives exactly that rule's problem, with the place and the cause."""
    assert schemaorg.check(broken) == problems


def test_every_problem_is_reported(schemaorg: Vocabulary) -> None:
    """Problems deep in a document are all found, not only the first."""
    broken = document(
        **{
            "@type": "Course",
            "hasCourseInstance": [
                {"@type": "CourseInstance", "startDate": "2027-03-09"},
                {
                    "@type": "CourseInstance",
                    "courseMode": "Onsite",
                    "instructor": [
                        {"@type": "Person", "name": "x"},
                        {"@type": "Person", "hasCredential": {"@type": "Credential", "grade": "A"}},
                    ],
                },
            ],
            "audience": {"@type": "EducationalAudience", "audienceType": 1},
        }
    )
    assert schemaorg.check(broken) == [
        "$.hasCourseInstance[1].instructor[1].hasCredential.grade: 'grade' is not a schema.org 30.0 property",
        "$.audience.audienceType: the number 1 is not within the range Text",
    ]


@pytest.mark.parametrize(
    ("node_type", "prop", "value"),
    [
        ("CourseInstance", "startDate", "2027-03-09"),
        ("CourseInstance", "startDate", "2027-03-09T09:30"),
        ("CourseInstance", "startDate", "2027-03-09T09:30:00+01:00"),
        ("Course", "timeRequired", "PT18H"),
        ("Course", "timeRequired", "P1DT2H0.5S"),
        ("Course", "url", "https://www.ncmw.nl/cursussen?jaar=2027#data"),
        ("Course", "keywords", "https://www.ncmw.nl/"),  # a URL is a Text
        ("Offer", "price", 495),
        ("Offer", "price", 495.5),
        ("Offer", "price", "495.00"),
        ("Course", "numberOfCredits", 18),
        ("CourseInstance", "courseMode", "Onsite"),
        ("CourseInstance", "courseMode", "https://schema.org/OnlineEventAttendanceMode"),
        ("Event", "maximumAttendeeCapacity", 14),
        ("OpeningHoursSpecification", "opens", "09:30"),
        ("Vehicle", "payload", {"@type": "QuantitativeValue", "value": 3}),
        ("QuantitativeValue", "value", True),
        ("CourseInstance", "instructor", {"@id": "https://www.ncmw.nl/#trainer"}),
    ],
)
def test_literals_within_the_range_pass(schemaorg: Vocabulary, node_type: str, prop: str, value: Any) -> None:
    """Literals in the form their range type admits pass: ISO dates, durations, URLs, numbers, text."""
    assert schemaorg.check(document(**{"@type": node_type, prop: value})) == []


def test_an_absent_vocabulary_is_an_error(tmp_path: Path) -> None:
    """A folder without the CSVs is an error, never a skip."""
    with pytest.raises(FileNotFoundError):
        schemaorg_vocabulary(tmp_path)


def test_the_vocabulary_is_inside_the_repository() -> None:
    """The vocabulary is the repository's own copy in tests/conformance/, so a fresh clone has it."""
    repository = Path(__file__).resolve().parent.parent
    assert repository / "tests" / "conformance" / "schemaorg-30.0" == SCHEMAORG
    assert SCHEMAORG.is_dir()
