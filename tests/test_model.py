"""Tests of the course model in ncmw_course.model: strictness, immutability, documentation, validators."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from pydantic import BaseModel, ValidationError

from ncmw_course import Course, CourseDataError, parse_course
from ncmw_course._docs import attribute_docs
from ncmw_course.fields import PhoneNumber, WebAddress
from ncmw_course.model import (
    Accreditation,
    Assessment,
    Contact,
    Day,
    Edition,
    EdudexListing,
    Location,
    Price,
    Programme,
    Provider,
    Session,
    StudyHours,
    Trainer,
    course_json_schema,
)
from tests.strategies import course_dicts

TESTDATA = Path(__file__).resolve().parent / "testdata"
EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "50"))
ALL_MODELS: set[type[BaseModel]] = {
    Course,
    Programme,
    Day,
    Location,
    Trainer,
    Contact,
    PhoneNumber,
    WebAddress,
    Provider,
    StudyHours,
    Price,
    Edition,
    Accreditation,
    Session,
    Assessment,
    EdudexListing,
}

Json = dict[str, Any]
JsonPath = tuple[str | int, ...]


def full_dict() -> Json:
    """The full test course as written in its file (plain-string phone and website)."""
    document: Json = json.loads((TESTDATA / "course_full.json").read_text(encoding="utf-8"))
    return document


def minimal_dict() -> Json:
    """The minimal test course as written in its file."""
    document: Json = json.loads((TESTDATA / "course_minimal.json").read_text(encoding="utf-8"))
    return document


def problems(document: Json) -> list[tuple[str, str]]:
    """The (location, message) of every problem parse_course finds in `document`, written as JSON text."""
    with pytest.raises(CourseDataError) as error:
        parse_course(json.dumps(document, ensure_ascii=False, indent=2))
    return [(problem.location, problem.message) for problem in error.value.problems]


def locations(document: Json) -> list[str]:
    """The locations of the problems parse_course finds in `document`."""
    return [location for location, _ in problems(document)]


def model_instances(value: object) -> Iterator[BaseModel]:
    """Every model instance inside `value`, `value` included, depth first."""
    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from model_instances(getattr(value, name))
    elif isinstance(value, tuple):
        for item in value:
            yield from model_instances(item)


def at(document: Any, path: JsonPath) -> Any:
    """The value at `path` inside a JSON document."""
    for part in path:
        document = document[part]
    return document


def with_days(*days: Json) -> Json:
    """The minimal course with the given programme days."""
    document = minimal_dict()
    document["programme"]["days"] = list(days)
    return document


def day(ordinal: int, **fields: Any) -> Json:
    """A programme day."""
    return {"ordinal": ordinal, "theme": f"Dag {ordinal}", **fields}


# Unknown keys

EXTRA_KEY_PLACES: list[JsonPath] = [
    (),
    ("programme",),
    ("programme", "days", 0),
    ("programme", "days", 2),
    ("programme", "days", 0, "location"),
    ("trainers", 1),
    ("contact",),
    ("contact", "phone"),
    ("contact", "website"),
    ("provider",),
    ("provider", "website"),
    ("hours",),
    ("price",),
    ("editions", 0),
    ("editions", 0, "location"),
    ("accreditations", 0),
]


@pytest.mark.parametrize("place", EXTRA_KEY_PLACES, ids=lambda place: ".".join(map(str, place)) or "top")
def test_unknown_keys_are_errors_at_every_level(full_course: Course, place: JsonPath) -> None:
    """An unknown key in any object of the course is reported at that key, with its line and column."""
    document = full_course.model_dump(mode="json")  # every object written out, phone and website too
    at(document, place)["onbekend"] = True
    text = json.dumps(document, ensure_ascii=False, indent=2)
    with pytest.raises(CourseDataError) as error:
        parse_course(text)
    [problem] = error.value.problems
    expected = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in (*place, "onbekend"))
    assert problem.location == expected.removeprefix(".")
    assert problem.message.startswith("unknown key")
    offset = text.index('"onbekend"')
    assert problem.line == text.count("\n", 0, offset) + 1
    assert problem.column == offset - text.rfind("\n", 0, offset)


def test_unknown_key_suggests_a_close_match() -> None:
    """A misspelt key gets the nearest allowed key as a suggestion."""
    document = minimal_dict()
    document["programme"]["days"][0]["topic"] = ["Een onderwerp"]
    assert problems(document) == [("programme.days[0].topic", "unknown key; did you mean 'topics'?")]


def test_model_validate_forbids_extra_keys() -> None:
    """Validating a dict directly (not through parse_course) also rejects an unknown key."""
    document = minimal_dict()
    document["contact"]["fax"] = "0495-450668"
    with pytest.raises(ValidationError) as error:
        Course.model_validate(document)
    [detail] = error.value.errors(include_url=False)
    assert detail["type"] == "extra_forbidden"
    assert detail["loc"] == ("contact", "fax")


# Immutability and tuples


def test_every_model_instance_is_frozen(full_course: Course) -> None:
    """Assigning to any field of any model instance in the full course raises a frozen_instance error."""
    seen = set()
    for instance in model_instances(full_course):
        seen.add(type(instance))
        name = next(iter(type(instance).model_fields))
        before = getattr(instance, name)
        with pytest.raises(ValidationError) as error:
            setattr(instance, name, before)
        assert error.value.errors()[0]["type"] == "frozen_instance"
        assert getattr(instance, name) is before
    assert seen == ALL_MODELS


def test_lists_become_tuples(full_course: Course) -> None:
    """Every list in the course file is stored as a tuple, so nothing inside the course can change."""
    checked = 0
    for instance in model_instances(full_course):
        for name in type(instance).model_fields:
            value = getattr(instance, name)
            assert not isinstance(value, list), f"{type(instance).__name__}.{name}"
            checked += isinstance(value, tuple)
    assert checked >= 15
    assert isinstance(full_course.description, tuple)
    assert isinstance(full_course.programme.days, tuple)
    assert isinstance(full_course.programme.days[1].topics, tuple)
    assert full_course.programme.days[1].topics[2] == "“Kiezen” tussen ouders"
    assert isinstance(full_course.editions[0].day_dates, tuple)
    assert isinstance(full_course.trainers[0].qualifications, tuple)


def test_equal_courses_hash_equal(full_course: Course) -> None:
    """Frozen courses are hashable, and a course read twice hashes the same."""
    again = parse_course((TESTDATA / "course_full.json").read_bytes())
    assert again == full_course
    assert hash(again) == hash(full_course)
    assert len({again, full_course}) == 1


# Documentation


def test_every_model_field_has_a_description() -> None:
    """Every field of every model has an attribute docstring, which the schema describes it with."""
    missing = [
        f"{model.__name__}.{name}"
        for model in ALL_MODELS
        for name in model.model_fields
        if not attribute_docs(model).get(name, "").strip()
    ]
    assert missing == []


def schema_objects(schema: Json) -> Iterator[tuple[str, Json]]:
    """The object schemas of the course schema and its $defs, including the object alternative of anyOf."""
    yield "Course", schema
    for name, definition in schema["$defs"].items():
        alternatives = [definition, *definition.get("anyOf", [])]
        objects = [part for part in alternatives if "properties" in part]
        assert objects, f"$defs/{name} has no object schema"
        for part in objects:
            yield name, part


def test_every_schema_property_has_a_description() -> None:
    """Every property of every object in the published schema is described, directly or by its $ref."""
    schema = course_json_schema()
    definitions = schema["$defs"]
    assert set(definitions) == {model.__name__ for model in ALL_MODELS} - {"Course"}
    missing = []
    count = 0
    for name, part in schema_objects(schema):
        assert part.get("description"), name
        for key, prop in part["properties"].items():
            count += 1
            description = prop.get("description")
            if description is None and set(prop) == {"$ref"}:
                description = definitions[prop["$ref"].removeprefix("#/$defs/")].get("description")
            if not (description or "").strip():
                missing.append(f"{name}.{key}")
    assert missing == []
    assert count == 1 + sum(len(model.model_fields) for model in ALL_MODELS)  # + "$schema"


def test_committed_schema_is_current() -> None:
    """schema/course.schema.json is exactly what course_json_schema() generates."""
    committed = json.loads((TESTDATA.parent.parent / "schema" / "course.schema.json").read_text("utf-8"))
    assert committed == course_json_schema()


# Day ordinals


@pytest.mark.parametrize(
    ("ordinals", "location", "found", "position"),
    [
        ((1, 3), "programme.days[1].ordinal", 3, 2),
        ((1, 1), "programme.days[1].ordinal", 1, 2),
        ((2, 3), "programme.days[0].ordinal", 2, 1),
        ((1, 2, 2), "programme.days[2].ordinal", 2, 3),
        ((2, 1), "programme.days[0].ordinal", 2, 1),
    ],
    ids=["gap", "duplicate", "wrong-start", "repeat-at-end", "reversed"],
)
def test_day_ordinals_must_count_from_one(
    ordinals: tuple[int, ...], location: str, found: int, position: int
) -> None:
    """Days numbered otherwise than 1..n are reported at the first offending day's ordinal."""
    document = with_days(*(day(ordinal) for ordinal in ordinals))
    text = json.dumps(document, indent=2)
    with pytest.raises(CourseDataError) as error:
        parse_course(text)
    [problem] = error.value.problems
    assert problem.location == location
    assert problem.message.startswith(f"is {found}, but this is day {position} in the list")
    offset = [index for index in range(len(text)) if text.startswith('"ordinal"', index)][position - 1]
    assert problem.line == text.count("\n", 0, offset) + 1


def test_day_ordinals_one_to_n_are_accepted() -> None:
    """Days numbered 1, 2, 3 in order are accepted."""
    course = parse_course(json.dumps(with_days(day(1), day(2), day(3))))
    assert [each.ordinal for each in course.days] == [1, 2, 3]
    assert course.days is course.programme.days


def test_programme_needs_a_day() -> None:
    """A programme without days is rejected at programme.days."""
    assert locations(with_days()) == ["programme.days"]


# Day times


@pytest.mark.parametrize(("start", "end"), [("10:00", "10:00"), ("16:30", "09:30")])
def test_end_time_must_be_after_start_time(start: str, end: str) -> None:
    """A day that ends at or before its start is reported at its end_time."""
    document = with_days(day(1), day(2, start_time=start, end_time=end))
    assert problems(document) == [
        ("programme.days[1].end_time", f"{end} is not after the start_time {start}"),
    ]


@pytest.mark.parametrize(
    "times",
    [{"start_time": "09:30", "end_time": "09:31"}, {"start_time": "23:00"}, {"end_time": "00:30"}, {}],
)
def test_day_times_in_order_or_partial_are_accepted(times: dict[str, str]) -> None:
    """A day may give both times in order, only one of them, or neither."""
    course = parse_course(json.dumps(with_days(day(1, **times))))
    for key, value in times.items():
        assert getattr(course.days[0], key).isoformat(timespec="minutes") == value


def test_day_times_with_and_without_offset_give_a_course_error() -> None:
    """A start_time with a UTC offset next to an end_time without one is a data error, not a crash."""
    with pytest.raises(CourseDataError):
        parse_course(json.dumps(with_days(day(1, start_time="09:30+02:00", end_time="10:00"))))


# Editions


def edition_problems(**edition: Any) -> list[tuple[str, str]]:
    """The problems of the minimal course with one edition."""
    document = minimal_dict()
    document["editions"] = [edition]
    return problems(document)


def test_edition_end_before_start_is_rejected() -> None:
    """An edition that ends before it starts is reported at its end_date."""
    assert edition_problems(start_date="2026-03-10", end_date="2026-03-09") == [
        ("editions[0].end_date", "2026-03-09 is before the start_date 2026-03-10"),
    ]


@pytest.mark.parametrize(
    ("edition", "message"),
    [
        (
            {"end_date": "2026-03-20", "day_dates": ["2026-03-10", "2026-03-21"]},
            "2026-03-21 is outside the run (2026-03-10 to 2026-03-20)",
        ),
        (
            {"end_date": "2026-03-20", "day_dates": ["2026-03-12", "2026-03-11"]},
            "2026-03-11 is not after the previous day's date; list the dates in order",
        ),
        (
            {"end_date": "2026-03-20", "day_dates": ["2026-03-12", "2026-03-12"]},
            "2026-03-12 is not after the previous day's date; list the dates in order",
        ),
        (
            {"day_dates": ["2026-03-10", "2026-03-11"]},
            "2026-03-11 is outside the run (2026-03-10 to 2026-03-10)",
        ),
    ],
    ids=["after-end", "out-of-order", "repeated", "no-end-date"],
)
def test_edition_day_dates_must_fall_in_the_run_in_order(edition: Json, message: str) -> None:
    """A day date outside the run, or not after the one before, is reported at that day date."""
    assert edition_problems(start_date="2026-03-10", **edition) == [("editions[0].day_dates[1]", message)]


def test_edition_day_date_before_start_is_rejected() -> None:
    """A first day date before the start date is reported at day_dates[0]."""
    found = edition_problems(start_date="2026-03-10", day_dates=["2026-03-09"])
    assert found == [("editions[0].day_dates[0]", "2026-03-09 is outside the run (2026-03-10 to 2026-03-10)")]


def test_consistent_edition_dates_are_accepted() -> None:
    """A one-day edition without end date, with or without its day's date, and a one-day run, are accepted."""
    document = minimal_dict()
    document["editions"] = [
        {"start_date": "2026-03-10", "day_dates": ["2026-03-10"]},
        {"start_date": "2026-03-10", "end_date": "2026-03-10"},
        {"start_date": "2026-03-17"},
    ]
    course = parse_course(json.dumps(document))
    assert [len(edition.day_dates) for edition in course.editions] == [1, 0, 0]


# Accreditations


def test_accreditation_valid_until_before_valid_from_is_rejected() -> None:
    """A validity period that runs backwards is reported at valid_until."""
    document = minimal_dict()
    document["accreditations"] = [
        {"registry": "SKJ", "points": 6},
        {"registry": "Registerplein", "points": 6, "valid_from": "2027-01-01", "valid_until": "2026-12-31"},
    ]
    assert problems(document) == [
        ("accreditations[1].valid_until", "2026-12-31 is before valid_from 2027-01-01"),
    ]


@pytest.mark.parametrize(
    "validity",
    [
        {"valid_from": "2027-01-01", "valid_until": "2027-01-01"},
        {"valid_from": "2027-01-01"},
        {"valid_until": "2027-01-01"},
    ],
)
def test_accreditation_validity_may_be_one_day_or_open(validity: dict[str, str]) -> None:
    """A one-day validity and an open start or end are accepted."""
    document = minimal_dict()
    document["accreditations"] = [{"registry": "SKJ", "points": 6, **validity}]
    assert len(parse_course(json.dumps(document)).accreditations) == 1


# Contact


@pytest.mark.parametrize(
    "contact",
    [{}, {"name": "Secretariaat"}, {"name": "Secretariaat", "phone": None, "email": None, "website": None}],
)
def test_contact_needs_a_channel(contact: Json) -> None:
    """A contact without phone, e-mail or website is reported at contact."""
    document = minimal_dict()
    document["contact"] = contact
    assert problems(document) == [("contact", "give at least one of phone, email or website")]


@pytest.mark.parametrize(
    "contact", [{"phone": "0495–450667"}, {"email": "info@ncmw.nl"}, {"website": "www.ncmw.nl"}]
)
def test_contact_with_one_channel_is_accepted(contact: Json) -> None:
    """One of phone, e-mail or website is enough."""
    document = minimal_dict()
    document["contact"] = contact
    course = parse_course(json.dumps(document, ensure_ascii=False))
    [(key, _)] = contact.items()
    assert getattr(course.contact, key) is not None


def test_contact_phone_errors_point_into_the_object() -> None:
    """A mismatching e164 in the object form is reported at contact.phone.e164."""
    document = minimal_dict()
    document["contact"] = {"phone": {"display": "0495–450667", "e164": "+31495450668"}}
    [(location, message)] = problems(document)
    assert location == "contact.phone.e164"
    assert "does not match" in message


def test_contact_invalid_phone_string_is_reported_at_the_string() -> None:
    """An invalid plain-string phone number is reported at contact.phone, not at a field inside it."""
    document = minimal_dict()
    document["contact"] = {"phone": "12345"}
    [(location, message)] = problems(document)
    assert location == "contact.phone"
    assert message.startswith("'12345' is not a valid phone number")


# Summary and listing_summary


def with_summary(summary: str) -> Json:
    """The minimal course with a summary."""
    document = minimal_dict()
    document["summary"] = summary
    return document


@pytest.mark.parametrize(
    "summary",
    ["k" * 200, "  " + "k" * 200 + "  ", "e\u0301" * 200],
    ids=["200", "200-padded", "200-after-nfc"],
)
def test_summary_of_200_characters_is_accepted(summary: str) -> None:
    """A summary of 200 characters after normalising and stripping is accepted."""
    course = parse_course(json.dumps(with_summary(summary)))
    assert course.summary is not None
    assert len(course.summary) == 200


@pytest.mark.parametrize("summary", ["k" * 201, "“" + "k" * 199 + "”"])
def test_summary_over_200_characters_is_rejected(summary: str) -> None:
    """A summary longer than 200 characters is reported at summary."""
    [(location, message)] = problems(with_summary(summary))
    assert location == "summary"
    assert "200" in message


def test_summary_over_200_characters_gets_the_friendly_message() -> None:
    """The message for a long summary says how long it is and what the limit is, in the loader's words."""
    assert problems(with_summary("k" * 201)) == [
        ("summary", "is 201 characters long; shorten it to at most 200"),
    ]


def test_listing_summary_is_the_summary_when_given(full_course: Course) -> None:
    """With a summary, listing_summary is that summary."""
    assert full_course.summary is not None
    assert full_course.listing_summary == full_course.summary


def test_listing_summary_falls_back_to_the_first_sentence(bundled_course: Course) -> None:
    """Without a summary, listing_summary is the first sentence of the first description paragraph."""
    assert bundled_course.summary is None
    first_sentence = "Ontrouw binnen de relatie is een regelmatig voorkomend fenomeen."
    assert bundled_course.listing_summary == first_sentence


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        (["Wat is ontrouw? Dat leer je hier."], "Wat is ontrouw?"),
        (["Doe mee! Het is leerzaam."], "Doe mee!"),
        (["Les van 1.5 uur. Daarna pauze."], "Les van 1.5 uur."),
        (["Een zin zonder punt aan het eind"], "Een zin zonder punt aan het eind"),
        (["Eén zin.", "Tweede alinea. Meer."], "Eén zin."),
    ],
)
def test_listing_summary_sentence_ends(description: list[str], expected: str) -> None:
    """The first sentence ends at ., ! or ? followed by white space; without one, the paragraph is used."""
    document = minimal_dict()
    document["description"] = description
    assert parse_course(json.dumps(document)).listing_summary == expected


# "$schema" and format_version


def test_schema_key_is_accepted_and_ignored() -> None:
    """A "$schema" key is accepted and does not change the course."""
    document = minimal_dict()
    without = parse_course(json.dumps(document))
    document = {"$schema": "../schema/course.schema.json", **document}
    assert parse_course(json.dumps(document)) == without
    assert "$schema" not in Course.model_fields


def test_full_course_file_with_schema_key_loads(full_course: Course) -> None:
    """The full test file starts with "$schema" and still loads to a course without it."""
    assert next(iter(full_dict())) == "$schema"
    assert "$schema" not in full_course.model_dump()


def test_schema_key_must_be_text() -> None:
    """A "$schema" that is not text is not ignored but reported at "$schema"."""
    document = {"$schema": 5, **minimal_dict()}
    assert locations(document) == ["$schema"]


def test_schema_key_that_is_not_text_gets_a_sensible_message() -> None:
    """The message for a non-text "$schema" does not suggest "$schema" as a correction of itself."""
    [(_, message)] = problems({"$schema": 5, **minimal_dict()})
    assert "did you mean '$schema'" not in message


@pytest.mark.parametrize("version", [2, 0, "1", None, [1]])
def test_format_version_must_be_1(version: object) -> None:
    """format_version must be the number 1."""
    document = minimal_dict()
    document["format_version"] = version
    assert locations(document) == ["format_version"]


# Properties over generated courses


@settings(max_examples=EXAMPLES, deadline=None)
@given(course_dicts())
def test_a_course_file_and_its_dict_give_the_same_course(document: Json) -> None:
    """Reading a course file with parse_course gives the same course as validating its dict."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    assert parse_course(text) == Course.model_validate(document)


@settings(max_examples=EXAMPLES, deadline=None)
@given(course_dicts())
def test_generated_courses_hold_the_model_invariants(document: Json) -> None:
    """Generated courses number their days 1..n, store clean text and derive every phone's E.164."""
    course = Course.model_validate(document)
    assert [each.ordinal for each in course.days] == list(range(1, len(course.days) + 1))
    topics = [topic for each in course.days for topic in each.topics]
    for text in (course.title, *course.description, *topics):
        assert text == text.strip()
        assert text
    if course.contact.phone is not None:
        assert course.contact.phone.e164.startswith("+")
    for instance in model_instances(course):
        if isinstance(instance, WebAddress):
            assert instance.display
            assert instance.href.startswith(("http://", "https://"))


@pytest.mark.parametrize("slug", ["con", "nul", "aux", "prn", "com1", "lpt9"])
def test_windows_device_names_are_no_slugs(slug: str) -> None:
    """A slug Windows keeps for a device would name files nobody can open there."""
    assert problems(minimal_dict() | {"slug": slug}) == [
        (
            "slug",
            (
                f"{slug!r} is a name Windows keeps for a device, so files named after it cannot be opened there; "
                "choose another slug"
            ),
        )
    ]


def test_a_slug_that_only_starts_like_a_device_is_fine() -> None:
    """``console`` and ``com10`` are ordinary names."""
    assert parse_course(json.dumps(minimal_dict() | {"slug": "console-com10"})).slug == "console-com10"


def test_negative_zero_is_zero(full_course: Course) -> None:
    """A price of "-0" is the amount 0, never "€ -0,00"."""
    document = full_dict()
    document["price"]["amount"] = "-0.00"
    price = parse_course(json.dumps(document)).price
    assert price is not None
    assert str(price.amount) == "0.00"


def test_counts_have_a_sensible_ceiling() -> None:
    """A group of 10^10 participants is a typing mistake, reported in words."""
    assert problems(minimal_dict() | {"max_participants": 10**10}) == [
        ("max_participants", "must be at most 100000, found the number 10000000000")
    ]


class TestModelCopy:
    def test_a_valid_change_makes_a_new_course(self, full_course: Course) -> None:
        """model_copy(update=…) gives a changed copy and leaves the original as it was."""
        changed = full_course.model_copy(update={"title": "Nieuw"})
        assert (changed.title, full_course.title) == ("Nieuw", "Gespreksvoering bij scheiding")
        assert changed.model_copy(update={"title": full_course.title}) == full_course

    def test_an_invalid_change_is_refused_with_its_field(self, full_course: Course) -> None:
        """A control character or an unknown field in an update is a CourseDataError naming the field."""
        with pytest.raises(CourseDataError) as raised:
            full_course.model_copy(update={"title": "a\x00b", "colour": "red"})
        assert sorted((p.location, p.message) for p in raised.value.problems) == [
            ("colour", "unknown key; remove it, or use one of: $schema, " + ", ".join(Course.model_fields)),
            (
                "title",
                "contains U+0000 at character 2: a character that Word and EPUB documents cannot carry; remove it",
            ),
        ]
        assert raised.value.source == "<Course.model_copy>"

    def test_nested_models_validate_too(self, full_course: Course) -> None:
        """A day changed on its own is validated as a day."""
        with pytest.raises(CourseDataError, match=r"theme: must not be empty"):
            full_course.days[0].model_copy(update={"theme": "  "})

    def test_a_copy_without_changes_is_equal(self, full_course: Course) -> None:
        """Without an update, model_copy is pydantic's own, deep or not."""
        assert full_course.model_copy() == full_course
        assert full_course.model_copy(deep=True) == full_course
