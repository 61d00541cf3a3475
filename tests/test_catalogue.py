"""Catalogues: several courses with an index, and the published catalogue schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from ncmw_course import Course, ExportError
from ncmw_course.catalogue import Catalogue, catalogue_json_schema, make_catalogue
from tests.conftest import REPO

SCHEMA_FILE = REPO / "schema" / "catalogue.schema.json"


def test_index_follows_the_courses(bundled_course: Course, full_course: Course) -> None:
    """The index has one entry per course, in order, with its listing summary and page."""
    catalogue = make_catalogue([full_course, bundled_course])
    assert [(entry.slug, entry.summary, entry.url) for entry in catalogue.index] == [
        (
            "gespreksvoering-bij-scheiding",
            "Driedaagse nascholing voor maatschappelijk werkers over gesprekken met ouders in een scheiding.",
            "https://www.ncmw.nl/cursussen/gespreksvoering-bij-scheiding",
        ),
        (
            "ontrouw-binnen-de-relatie",
            "Ontrouw binnen de relatie is een regelmatig voorkomend fenomeen.",
            None,
        ),
    ]
    assert catalogue.courses == (full_course, bundled_course)
    assert catalogue.updated == max(full_course.updated, bundled_course.updated)


def test_an_empty_catalogue_is_refused() -> None:
    """A catalogue needs at least one course."""
    with pytest.raises(
        ExportError, match=r"^a catalogue needs at least one course; give one or more courses$"
    ):
        make_catalogue([])


def test_round_trip(bundled_course: Course, minimal_course: Course) -> None:
    """A catalogue read back from its JSON equals the original."""
    catalogue = make_catalogue([bundled_course, minimal_course])
    assert Catalogue.model_validate_json(catalogue.model_dump_json()) == catalogue


def test_committed_schema_is_current() -> None:
    """schema/catalogue.schema.json is what the models generate; run 'ncmw-course schema --catalogue'."""
    expected = json.dumps(catalogue_json_schema(), ensure_ascii=False, indent=2) + "\n"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == expected


def test_committed_schema_is_valid_json_schema() -> None:
    """The published catalogue schema is itself a valid draft 2020-12 schema."""
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
