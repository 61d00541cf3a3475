"""data/course.json: the real course, checked against the brochure it was taken from, and its schema."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jsonschema
import pytest

from ncmw_course import Course, load_course
from ncmw_course.model import course_json_schema

from .conftest import REPO, TESTDATA

SEED = TESTDATA / "seed" / "000_d4191903c464d465.txt"
SEED_SHA256 = "5ba12c1fbd4d0b1d963a932b182ed5deb7fb052c1de6d4fd66972f105e013aa6"
"""The checksum of the seed as handed over (``shared/seed/`` beside the first checkout)."""
SCHEMA_FILE = REPO / "schema" / "course.schema.json"

# The brochure's headings and labels: documents take these from the label table, not from the course.
BROCHURE_LABELS = [
    "VOOR WIE EN WAAROM",
    "PROGRAMMA",
    "EERSTE DAG:",
    "TWEEDE DAG:",
    "WERKWIJZE",
    "TRAINER",
    "Informatie",
    "Tel:",
    "|",
]


def flatten(text: str) -> str:
    """Undo the PDF extraction: tabs and line breaks become single spaces, bullets go."""
    return re.sub(r"\s+", " ", text.replace("•", " ")).strip()


def rendered_texts(course: Course) -> list[str]:
    """The prose and contact texts that documents render, in brochure order."""
    contact = course.contact
    assert contact.phone is not None
    assert contact.email is not None
    assert contact.website is not None
    return [
        course.title.upper(),
        *course.description,
        *course.audience,
        *course.goals,
        *course.programme.introduction,
        *(text for day in course.days for text in (day.theme, *day.topics)),
        *course.method,
        *(text for trainer in course.trainers for text in trainer.biography),
        contact.phone.display,
        contact.email,
        contact.website.text,
    ]


def test_every_word_of_the_brochure_is_in_the_course(bundled_course: Course) -> None:
    """Taking out the course's texts and the brochure's labels leaves nothing of the brochure."""
    remaining = flatten(SEED.read_text(encoding="utf-8"))
    for text in sorted(rendered_texts(bundled_course), key=len, reverse=True):
        assert text in remaining, f"not in the brochure, word for word: {text!r}"
        remaining = remaining.replace(text, " ", 1)
    for label in BROCHURE_LABELS:
        remaining = remaining.replace(label, " ")
    assert remaining.split() == []


def test_keywords_are_the_brochures_own_words(bundled_course: Course) -> None:
    """Each keyword is a word the brochure itself uses."""
    words = set(re.findall(r"\w+", SEED.read_text(encoding="utf-8").lower()))
    assert bundled_course.keywords
    assert set(bundled_course.keywords) <= words


def test_typography_is_kept(bundled_course: Course) -> None:
    """Typographic quotes, diacritics and dashes survive as in the brochure."""
    everything = json.dumps(bundled_course.model_dump(mode="json"), ensure_ascii=False)
    for kept in [
        "“die ander”",
        "“recht hebben op geluk?”",
        "het één",
        "José Bijker",
        "relatie – gezinstherapeut",
        "0495–450667",
    ]:
        assert kept in everything


def test_structured_trainer_fields_quote_the_biography(bundled_course: Course) -> None:
    """Name, role, organisation, training, qualifications and experience are the brochure's own words."""
    (trainer,) = bundled_course.trainers
    biography = " ".join(trainer.biography)
    assert (trainer.name, trainer.role, trainer.organisation) == ("José Bijker", "staflid en trainer", "NMW")
    for phrase in [
        trainer.name,
        trainer.role,
        trainer.organisation,
        *trainer.training,
        *trainer.qualifications,
        *trainer.experience,
    ]:
        assert phrase is not None
        assert phrase in biography


def test_the_course_as_captured(bundled_course: Course) -> None:
    """Identity, structure and contact details are those of the brochure."""
    course = bundled_course
    assert (course.slug, course.language, course.title) == (
        "ontrouw-binnen-de-relatie",
        "nl",
        "Ontrouw binnen de relatie",
    )
    assert [(day.ordinal, day.theme, len(day.topics)) for day in course.days] == [
        (1, "Hoe kan ik een eigen positie bepalen zonder partij te trekken.", 6),
        (2, "Hoe help ik ouders om te gaan met het loyaliteitsconflict van de kinderen", 3),
    ]
    assert course.days[1].topics[0] == "Kun je voorkomen dat kinderen partij trekken voor de bedrogen ouder?"
    assert course.goals == (
        (
            "Het doel van de nascholing is maatschappelijk werkers te leren hoe ze op een effectieve manier ontrouw "
            "relationeel en onpartijdig kunnen behandelen en hoe ze ouders kunnen helpen om te gaan met het "
            "loyaliteitsconflict bij hun kinderen."
        ),
    )
    assert course.contact.phone is not None
    assert course.contact.website is not None
    assert (course.contact.phone.display, course.contact.phone.e164) == ("0495–450667", "+31495450667")
    assert (str(course.contact.email), course.contact.website.href) == (
        "info@ncmw.nl",
        "https://www.ncmw.nl/",
    )
    assert course.listing_summary == "Ontrouw binnen de relatie is een regelmatig voorkomend fenomeen."


def test_no_invented_facts(bundled_course: Course) -> None:
    """What the brochure does not state stays empty: no dates, times, places, prices or hours."""
    course = bundled_course
    assert (
        course.subtitle,
        course.summary,
        course.level,
        course.hours,
        course.price,
        course.max_participants,
    ) == (
        None,
        None,
        None,
        None,
        None,
        None,
    )
    assert (course.editions, course.accreditations) == ((), ())
    assert all((day.date, day.start_time, day.end_time, day.location) == (None,) * 4 for day in course.days)
    assert course.contact.name is None


def test_seed_copy_is_the_brochure_text() -> None:
    """The copy in tests/testdata is the brochure text as it was handed over, byte for byte."""
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256


def test_committed_schema_is_current() -> None:
    """schema/course.schema.json is what the model generates; run 'ncmw-course schema > schema/course.schema.json'."""
    expected = json.dumps(course_json_schema(), ensure_ascii=False, indent=2) + "\n"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == expected


def test_committed_schema_is_valid_json_schema() -> None:
    """The published schema is itself a valid draft 2020-12 schema."""
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "path", [REPO / "data" / "course.json", *sorted(TESTDATA.glob("course_*.json"))], ids=lambda p: p.name
)
def test_course_files_validate_against_the_schema(path: Path) -> None:
    """Course files that the model accepts are accepted by the published schema too."""
    load_course(path)
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(path.read_text(encoding="utf-8")))


def test_data_file_points_editors_at_the_schema() -> None:
    """data/course.json names the schema file, so editors check and complete it."""
    data = json.loads((REPO / "data" / "course.json").read_text(encoding="utf-8"))
    assert (REPO / "data" / data["$schema"]).resolve() == SCHEMA_FILE
