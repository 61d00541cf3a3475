"""A catalogue: several courses in one document, with an index for listing pages.

The catalogue JSON is a public contract like the course JSON: its JSON Schema is generated from
these models and published as ``schema/catalogue.schema.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import Field

from ncmw_course._docs import published_schema
from ncmw_course.fields import CourseModel, Date, LanguageTag, Slug, Text
from ncmw_course.model import FORMAT_VERSION, Course

__all__ = ["CATALOGUE_SCHEMA_ID", "Catalogue", "CatalogueEntry", "catalogue_json_schema", "make_catalogue"]

CATALOGUE_SCHEMA_ID = f"urn:ncmw-course:schema:catalogue:{FORMAT_VERSION}"
"""The ``$id`` of the catalogue JSON Schema; the catalogue JSON names it in ``"$schema"``."""


class CatalogueEntry(CourseModel):
    """One course in the catalogue's index: enough for a listing page."""

    slug: Slug
    """The course's slug; its documents are named after it."""
    title: Text
    """The course title."""
    summary: Text
    """One sentence for the listing: the course's summary, or its first sentence."""
    language: LanguageTag
    """The course's language."""
    updated: Date
    """When the course data was last changed."""
    url: str | None = None
    """The course's own web page, when it has one."""


class Catalogue(CourseModel):
    """Several courses: an index for listing pages, and every course in full."""

    format_version: Literal[1]
    """The version of this data format. Always ``1`` for now."""
    updated: Date
    """The latest `updated` date of the courses."""
    index: tuple[CatalogueEntry, ...]
    """One entry per course, in catalogue order."""
    courses: tuple[Course, ...] = Field(min_length=1)
    """Every course in full, in the same order as the index."""


def make_catalogue(courses: Sequence[Course]) -> Catalogue:
    """The catalogue of `courses`, in the order given.

    Raises:
        ExportError: `courses` is empty.
    """
    if not courses:
        from ncmw_course.errors import ExportError

        msg = "a catalogue needs at least one course; give one or more courses"
        raise ExportError(msg)
    index = tuple(
        CatalogueEntry(
            slug=course.slug,
            title=course.title,
            summary=course.listing_summary,
            language=course.language,
            updated=course.updated,
            url=course.url.href if course.url else None,
        )
        for course in courses
    )
    return Catalogue(
        format_version=1,
        updated=max(course.updated for course in courses),
        index=index,
        courses=tuple(courses),
    )


def catalogue_json_schema() -> dict[str, Any]:
    """The JSON Schema of the catalogue JSON (draft 2020-12), as published in ``schema/catalogue.schema.json``."""
    return published_schema(Catalogue, CATALOGUE_SCHEMA_ID, "The catalogue schema's identifier.")
