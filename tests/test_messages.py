"""Every message the model can give is in the project's words: wrong values for every field, and the paste-from-Word mistakes.

The audit puts each of a list of wrong values (wrong type, out of range, bad pattern, bad choice,
too long, empty) in every field of the maximal course, and checks that no message holds pydantic's
wording or a regular expression, and that none is the catch-all sentence for an error kind that
has no message of its own.
"""

from __future__ import annotations

import copy
import json
import re
import typing
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from ncmw_course import CourseDataError, parse_course
from ncmw_course._values import _PATTERN_HINTS
from ncmw_course.model import Course
from tests.conftest import TESTDATA

Json = dict[str, Any]
Path = tuple[str | int, ...]

WRONG_VALUES: list[object] = [
    None, True, False, 0, -1, 2.5, 10**15, 1e300, "", "  ", "x" * 10_001, "NCMW", "495,00", "ja", "9:30",
    "2026-02-30", "2026-13-01", "24:00", "09:30+01:00", "javascript:alert(1)", "https://" + "a" * 2100 + ".nl",
    "a\nb", "a\x07b", "con", "Bad Slug", "xx-not-a-tag-at-all", "1.234", "€ 1.495,-", "NaN", [], ["x"], [1],
    [None], {}, {"x": 1}, ["x"] * 101,
]  # fmt: skip
"""Values that are wrong for most fields, and right for some (which then give no message)."""

BANNED = re.compile(
    r"Input should|should match pattern|should be|should have|pydantic|Value error|\[type=|URL input|"
    r"Decimal input|value is not a valid|\^\[|\]\+\$|\$'",
)
CATCH_ALL = "is not allowed here; see 'ncmw-course schema' for what this field takes"


def maximal() -> Json:
    """The maximal course, with phone and website in their object forms too, so that their fields are reached."""
    data: Json = json.loads((TESTDATA / "course_maximal.json").read_text(encoding="utf-8"))
    for part in (data["contact"], data["accreditation_contact"]):
        part["phone"] = {"display": "0495–450667", "e164": "+31495450667"}
    for part in (data["contact"], data["provider"], data["accreditation_contact"]):
        part["website"] = {"url": "https://www.ncmw.nl/", "display": "www.ncmw.nl"}
    data["url"] = {"url": "https://www.ncmw.nl/cursus", "display": "www.ncmw.nl/cursus"}
    return data


def paths(value: Any, path: Path = ()) -> Iterator[Path]:
    """Every place in a course file: each key, and the first item of each list."""
    if path:
        yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*path, key))
    elif isinstance(value, list) and value:
        yield from paths(value[0], (*path, 0))


def model_fields(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every field of the model, as a dotted path with N for list items."""
    for name, field in model.model_fields.items():
        yield f"{prefix}{name}"
        for inner in _models(field.annotation):
            yield from model_fields(inner, f"{prefix}{name}{'.N' if _is_list(field.annotation) else ''}.")


def _models(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models(argument)


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    return origin is tuple or any(_is_list(argument) for argument in typing.get_args(annotation))


def dotted(path: Path) -> str:
    return ".".join("N" if isinstance(part, int) else part for part in path)


PATHS = list(paths(maximal()))


def test_the_audit_reaches_every_field() -> None:
    """Every field of the model, however deep, is one of the places the audit fills with wrong values."""
    reached = {dotted(path) for path in PATHS}
    assert sorted(set(model_fields(Course)) - reached) == []


def with_value(path: Path, value: object) -> Json:
    data = maximal()
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = copy.deepcopy(value)
    return data


@pytest.mark.parametrize("path", PATHS, ids=[dotted(path) for path in PATHS])
def test_no_message_holds_pydantic_s_words_or_a_pattern(path: Path) -> None:
    """Each wrong value in this field gives messages in the project's words, each of its own kind."""
    for value in WRONG_VALUES:
        try:
            parse_course(with_value(path, value))  # the messages of a file, without the positions
        except CourseDataError as error:
            for problem in error.problems:
                assert not BANNED.search(problem.message), (value, problem)
                assert CATCH_ALL not in problem.message, (value, problem)


def test_every_pattern_of_the_model_has_a_hint() -> None:
    """Each pattern that the model validates a text with has its hint; no pattern is shown to a user."""
    parse_course(maximal())  # builds the model's schema
    assert sorted(set(core_patterns(Course.__pydantic_core_schema__)) - set(_PATTERN_HINTS)) == []


def core_patterns(schema: object) -> Iterator[str]:
    """The patterns in pydantic's core schema of a model: the ones its validation uses."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from core_patterns(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from core_patterns(item)


def minimal() -> Json:
    data: Json = json.loads((TESTDATA / "course_minimal.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("key", "value", "location", "message"),
    [
        ("price", {"amount": "495,00", "currency": "EUR"}, "price.amount", 'expected an amount such as 495 or "495.00" (a decimal point, no currency sign), found text \'495,00\'; write "495.00"'),
        ("price", {"amount": "€ 1.495,-", "currency": "EUR"}, "price.amount", 'expected an amount such as 495 or "495.00" (a decimal point, no currency sign), found text \'€ 1.495,-\'; write "1495.00"'),
        ("price", {"amount": "gratis", "currency": "EUR"}, "price.amount", "expected an amount such as 495 or \"495.00\" (a decimal point, no currency sign), found text 'gratis'"),
        ("price", {"amount": "1.495", "currency": "EUR"}, "price.amount", "text '1.495' has more than two decimals; if the point separates thousands, leave it out: 1495"),
        ("price", {"amount": "12.345", "currency": "EUR"}, "price.amount", "text '12.345' has more than two decimals; if the point separates thousands, leave it out: 12345"),
        ("price", {"amount": "12.3456", "currency": "EUR"}, "price.amount", "text '12.3456' has more than two decimals; round it to cents: \"12.35\""),
        ("price", {"amount": 12345678, "currency": "EUR"}, "price.amount", 'the number 12345678 is too large for an amount; an amount is at most "9999999.99"'),
        ("edudex", {"application_open": "ja"}, "edudex.application_open", "expected true or false, found text 'ja'; write true (without quotes) for yes"),
        ("edudex", {"application_open": "nee"}, "edudex.application_open", "expected true or false, found text 'nee'; write false (without quotes) for no"),
        ("edudex", {"application_open": "true"}, "edudex.application_open", "expected true or false, found text 'true'; write true (without quotes) for yes"),
        ("edudex", {"application_open": 0}, "edudex.application_open", "expected true or false, found the number 0; write false (without quotes) for no"),
        ("edudex", {"application_open": "misschien"}, "edudex.application_open", "expected true or false (without quotes), found text 'misschien'"),
        ("edudex", {"org_unit_id": "NCMW"}, "edudex.org_unit_id", "text 'NCMW' is not allowed here; EDU-DEX writes organisation IDs in lower case: write 'ncmw'"),
        ("edudex", {"org_unit_id": "ncmw centrum"}, "edudex.org_unit_id", "text 'ncmw centrum' is not allowed here; EDU-DEX writes organisation IDs in lower case: letters a-z, digits and - + _ . / & { }, such as 'ncmw'"),
        ("edudex", {"payment_due": "Afterwards"}, "edudex.payment_due", "must be 'up-front', 'afterwards' or 'installments', not text 'Afterwards'; did you mean 'afterwards'?"),
        ("edudex", {"payment_due": "vooraf"}, "edudex.payment_due", "must be 'up-front', 'afterwards' or 'installments', not text 'vooraf'"),
        ("updated", "2026-02-30", "updated", "text '2026-02-30' is not a date in the calendar: that month has no such day; check the date"),
        ("updated", "2026-13-01", "updated", "text '2026-13-01' is not a date in the calendar: there are 12 months; check the date"),
        ("updated", 20260310, "updated", 'write the date as text, such as "2026-03-10" (found the number 20260310)'),
        ("url", {"url": 5}, "url.url", 'expected a web address as text, such as "https://www.ncmw.nl/", found the number 5'),
        ("url", {"url": "https://ncmw.nl/" + "a" * 2100}, "url.url", "is 2116 characters long; shorten it to at most 2083"),
        ("contact", {"phone": 495450667}, "contact.phone", 'expected a phone number as text, such as "0495–450667", found the number 495450667'),
        ("contact", {"website": True}, "contact.website", 'expected a web address as text, such as "www.ncmw.nl", found true'),
        ("contact", {"email": "info@ncmw"}, "contact.email", "'info@ncmw' is not a valid e-mail address: the part after the @-sign is not valid. It should have a period; write one such as 'info@ncmw.nl'"),
    ],
)  # fmt: skip
def test_field_messages(key: str, value: object, location: str, message: str) -> None:
    """A value pasted or typed the way people write it gets the form to write instead, in the project's words."""
    with pytest.raises(CourseDataError) as caught:
        parse_course(minimal() | {key: value})
    assert [(problem.location, problem.message) for problem in caught.value.problems] == [(location, message)]
