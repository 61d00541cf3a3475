"""catalogue-jsonld: a schema.org ItemList of every course of a build."""

from __future__ import annotations

import json

import pytest

from ncmw_course import Course, render, render_catalogue
from tests.schemaorg import Vocabulary, schemaorg_vocabulary


@pytest.fixture(scope="module")
def schemaorg() -> Vocabulary:
    """The schema.org 30.0 vocabulary, from tests/conformance/."""
    return schemaorg_vocabulary()


@pytest.fixture
def courses(bundled_course: Course, minimal_course: Course, full_course: Course) -> list[Course]:
    return [bundled_course, minimal_course, full_course]


def test_item_list_of_the_courses(courses: list[Course]) -> None:
    """Each course is a ListItem at its position, holding the same Course node the jsonld format writes."""
    document = json.loads(render_catalogue(courses, "catalogue-jsonld"))
    assert (document["@context"], document["@type"], document["numberOfItems"]) == (
        "https://schema.org",
        "ItemList",
        3,
    )
    for position, (course, item) in enumerate(
        zip(courses, document["itemListElement"], strict=True), start=1
    ):
        alone = json.loads(render(course, "jsonld"))
        del alone["@context"]
        assert item == {"@type": "ListItem", "position": position, "item": alone}


def test_valid_against_schemaorg(courses: list[Course], schemaorg: Vocabulary) -> None:
    """Every node of the list passes the schema.org 30.0 vocabulary check."""
    assert schemaorg.check(json.loads(render_catalogue(courses, "catalogue-jsonld"))) == []


def test_safe_in_a_script_element(full_course: Course) -> None:
    """Like jsonld, the list cannot close a script element."""
    tricky = full_course.model_copy(update={"title": "</script><script>alert(1)</script>"})
    data = render_catalogue([tricky], "catalogue-jsonld")
    assert b"</" not in data
    assert json.loads(data)["itemListElement"][0]["item"]["name"] == "</script><script>alert(1)</script>"
