"""Courses made ready for EDU-DEX, for the tests that need an EDU-DEX document of any course.

EDU-DEX needs codes a brochure does not state, a located run, texts within its limits and numbers
its types can hold (whole hours, points in hundredths up to 420). These helpers give a course what
it lacks of those, from the full course's EDU-DEX block, and change nothing else.
"""

from __future__ import annotations

import json
import math
from typing import Any

from hypothesis import strategies as st

from exporters._edudex import TRAINING_POINTS_LIMIT, format_requirements
from ncmw_course import Course
from ncmw_course.readiness import check_readiness
from tests.conftest import TESTDATA
from tests.strategies import course_dicts

__all__ = [
    "FULL_LISTING",
    "HARD",
    "nearly_ready_courses",
    "not_ready_lines",
    "ready",
    "variant",
    "within",
]

FULL_LISTING = json.loads((TESTDATA / "course_full.json").read_bytes())["edudex"]
"""The full course's EDU-DEX block, which every generated nearly-ready course starts from."""
HARD = "<script>alert('x')</script> & ]]>"
LOCATED_RUN = {"start_date": "2027-03-09", "location": {"name": "NCMW, zaal 2"}}


def variant(course: Course, **changes: Any) -> Course:
    """`course` with some fields changed, validated like a course file."""
    return Course.model_validate({**course.model_dump(mode="json"), **changes})


def not_ready_lines(course: Course) -> list[str]:
    """What the EDU-DEX export lists as missing: readiness's checklist, else what EDU-DEX cannot carry."""
    missing = check_readiness(course, "edudex").missing or [
        requirement for requirement in format_requirements(course) if not requirement.present
    ]
    return [f"{requirement.field}: {requirement.description}" for requirement in missing]


def within(paragraphs: list[str], limit: int) -> list[str]:
    """The first paragraphs whose " "-joined length stays within `limit`; at least a cut first one."""
    if not paragraphs:
        return []
    kept: list[str] = []
    for paragraph in paragraphs:
        if len(" ".join([*kept, paragraph.strip()])) > limit:
            break
        kept.append(paragraph.strip())
    return kept or [paragraphs[0].strip()[:limit].strip() or "x"]


def _carryable(data: dict[str, Any]) -> None:
    """Make the study load whole (rounded up, so it stays at least the contact hours) and the points
    whole and at most 420 where EDU-DEX could not carry them."""
    hours = data.get("hours") or {}
    if hours.get("study_load") is not None:
        hours["study_load"] = math.ceil(hours["study_load"])
    for item in data.get("accreditations") or []:
        points = item["points"]
        if points > TRAINING_POINTS_LIMIT or not (points / 0.01).is_integer():
            item["points"] = min(round(points), TRAINING_POINTS_LIMIT)


def ready(course: Course) -> Course:
    """`course` with the full course's EDU-DEX block, a located run, a description within the limit
    and numbers EDU-DEX can carry."""
    data = course.model_dump(mode="json")
    if not data["editions"]:  # the days' own dates would lie outside the one run added here
        data["editions"] = [LOCATED_RUN]
        for day in data["programme"]["days"]:
            day["date"] = None
    data["edudex"] = data["edudex"] or FULL_LISTING
    data["description"] = within(data["description"], 1200)
    _carryable(data)
    return Course.model_validate(data)


@st.composite
def nearly_ready_courses(draw: st.DrawFn) -> Course:
    """Generated courses with the full course's EDU-DEX block, a located run, texts within limits and
    numbers EDU-DEX can carry."""
    data = draw(course_dicts())
    data["edudex"] = {**FULL_LISTING, **(data.get("edudex") or {})}
    location = draw(
        st.sampled_from(({"name": "NCMW, zaal 2"}, {"name": "Zaal", "locality": "Baarlo", "country": "NL"}))
    )
    if not data.get("editions"):  # the days' own dates would lie outside the one run added here
        for day in data["programme"]["days"]:
            day.pop("date", None)
    data["editions"] = [*data.get("editions", []), {"start_date": "2027-03-09", "location": location}]
    data["description"] = within(data["description"], 1200)
    for trainer in data["trainers"]:
        trainer["biography"] = within(trainer.get("biography", []), 1200)
    _carryable(data)
    course = Course.model_validate(data)
    if len(course.listing_summary) > 200:
        course = variant(course, summary=draw(st.sampled_from(("Kort.", HARD, "s" * 200))))
    return course
