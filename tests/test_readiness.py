"""Readiness checklists: what each target needs, and what a course lacks."""

from __future__ import annotations

import pytest

from ncmw_course import Course
from ncmw_course.cli import CHECK_TARGETS
from ncmw_course.errors import NotReadyError
from ncmw_course.readiness import check_readiness, target_names


def missing(course: Course, target: str) -> list[str]:
    return [requirement.field for requirement in check_readiness(course, target).missing]


def test_targets() -> None:
    """The three targets of the catalogue and registry feeds are known."""
    assert target_names() == ["accreditation", "edudex", "jsonld"]
    assert list(CHECK_TARGETS) == target_names()  # what `check --for` offers


def test_bundled_course_for_edudex(bundled_course: Course) -> None:
    """The brochure states none of EDU-DEX's codes, and no run with a location."""
    assert missing(bundled_course, "edudex") == [
        "edudex.org_unit_id",
        "edudex.program_id",
        "edudex.program_forms",
        "edudex.program_level",
        "edudex.degree",
        "edudex.application_type",
        "edudex.application_open",
        "edudex.payment_due",
        "edudex.start_date_determination",
        "edudex.program_type",
        "editions[].location",
    ]


def test_bundled_course_for_jsonld(bundled_course: Course) -> None:
    """Search engines' course data needs a price and dated runs that the brochure does not give."""
    assert missing(bundled_course, "jsonld") == [
        "price",
        "editions",
        "editions[].mode",
        "hours",
    ]


def test_bundled_course_for_accreditation(bundled_course: Course) -> None:
    """The registers ask for level, times, hours, evaluation, certificate, dates, cost and a contact person."""
    assert missing(bundled_course, "accreditation") == [
        "level",
        "programme.days[].start_time",
        "hours.contact_hours",
        "hours.study_load",
        "evaluation",
        "certificate_conditions",
        "editions",
        "price",
        "contact.name",
    ]


@pytest.mark.parametrize("target", target_names())
def test_full_course_is_ready_for_everything(full_course: Course, target: str) -> None:
    """The full test course meets every requirement of every target."""
    readiness = check_readiness(full_course, target)
    assert readiness.ready
    assert readiness.missing == ()


def test_texts_over_edudex_limits(full_course: Course) -> None:
    """A description over 1200 characters or a summary over 200 are missing items, not truncations."""
    long = full_course.model_copy(update={"description": (("woord " * 250).strip(),), "summary": None})
    assert missing(long, "edudex") == ["summary", "description"]
    texts = {r.field: r.description for r in check_readiness(long, "edudex").missing}
    assert texts["description"] == "a description of at most 1200 characters (it has 1499)"


def test_not_ready_error_lists_what_to_add() -> None:
    """The error names the format, each missing item, and the check command."""
    error = NotReadyError("edudex", ["edudex.org_unit_id: the ID", "price: the cost"])
    assert str(error) == (
        "the course is not ready for edudex; add to the course file:\n"
        "  - edudex.org_unit_id: the ID\n"
        "  - price: the cost\n"
        "(see 'ncmw-course check --for edudex')"
    )
