"""The brochure outline of what registers ask: each day's parts, the net hours the sessions give, the
assessment and the literature."""

from __future__ import annotations

import json
from typing import Any

from ncmw_course import Course, parse_course, render
from ncmw_course.labels import labels_for
from ncmw_course.outline import (
    BulletList,
    Fact,
    Facts,
    Paragraph,
    Subsection,
    brochure_outline,
    practical_facts,
)
from tests.test_hours import twelve_hours


def _course(document: dict[str, Any]) -> Course:
    return parse_course(json.dumps(document, ensure_ascii=False))


def test_a_day_s_parts_are_a_timetable_after_its_topics(full_course: Course) -> None:
    """Each part is a row: its times as label, what happens as value, a break or a test said as such."""
    programme = brochure_outline(full_course).section("programme")
    assert programme is not None
    days = [block for block in programme.blocks if isinstance(block, Subsection)]
    when, topics, timetable = days[2].blocks
    assert (type(when), type(topics)) == (Paragraph, BulletList)
    assert timetable == Facts(
        (
            Fact("teaching", "09:30 – 12:00 uur", ("Het ouderschapsplan",)),
            Fact("break", "12:00 – 12:45 uur", ("Lunch (pauze)",)),
            Fact("teaching", "12:45 – 15:15 uur", ("Casusbespreking",)),
            Fact("test", "15:15 – 15:45 uur", ("Kennistoets (toets)",)),
            Fact("break", "15:45 – 16:00 uur", ("Evaluatie en afsluiting (pauze)",)),
        ),
        "details",
    )


def test_a_part_without_a_title_is_named_by_its_kind() -> None:
    document = twelve_hours(language="en")
    for part in document["programme"]["days"][0]["sessions"]:
        del part["title"]
    day = brochure_outline(_course(document)).section("programme")
    assert day is not None
    (subsection, _) = day.blocks
    assert isinstance(subsection, Subsection)
    assert [row.values for row in subsection.blocks[-1].rows] == [  # type: ignore[union-attr]
        ("Break",),
        ("Training",),
        ("Break",),
        ("Training",),
    ]


def test_the_net_hours_of_the_sessions_are_the_contact_hours_everywhere() -> None:
    """Sessions of 12 net hours, no typed hours: 12 hours in the brochure, JSON-LD and EDU-DEX's text."""
    course = _course(twelve_hours())
    (hours,) = [fact for fact in practical_facts(course, labels_for(course)) if fact.key == "hours"]
    assert hours.values == ("Contacturen: 12 uur",)
    assert json.loads(render(course, "jsonld"))["timeRequired"] == "PT12H"
    assert "Contacturen: 12 uur" in render(course, "html").decode("utf-8")


def test_assessment_and_literature_are_sections_after_the_method(full_course: Course) -> None:
    outline = brochure_outline(full_course)
    assessment, literature = outline.section("assessment"), outline.section("literature")
    assert assessment is not None
    assert literature is not None
    assert assessment.blocks == (
        Paragraph("Eindtoets: ja"),
        *(Paragraph(text) for text in full_course.assessment.description),  # type: ignore[union-attr]
    )
    assert literature.blocks == (BulletList(full_course.literature),)


def test_no_assessment_or_literature_no_sections(bundled_course: Course) -> None:
    outline = brochure_outline(bundled_course)
    assert outline.section("assessment") is None
    assert outline.section("literature") is None


def test_an_accreditation_says_its_status(full_course: Course) -> None:
    (row,) = [
        fact for fact in practical_facts(full_course, labels_for(full_course)) if fact.key == "accreditations"
    ]
    assert row.values[1] == "18 punten bij SKJ (aangevraagd)"
    english = full_course.model_copy(update={"language": "en"})
    (row,) = [fact for fact in practical_facts(english, labels_for(english)) if fact.key == "accreditations"]
    assert row.values[1] == "18 points with SKJ (requested)"
