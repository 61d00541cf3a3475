"""Tests of the ``edudex`` exporter: EDU-DEX's program_in schema, the mapping, readiness and limits.

The schema is the repository's copy in ``tests/conformance/edudex/`` (its README gives the source).
"""

from __future__ import annotations

import html
import json
import os
import re
from datetime import UTC, datetime
from functools import cache
from importlib.metadata import version
from typing import Any

import pytest
from hypothesis import event, given, settings
from jsonschema import Draft202012Validator

from exporters._edudex import format_requirements
from ncmw_course import Course, NotReadyError, load_course, parse_course, render
from ncmw_course.exporting import exporter_info, exporter_names
from ncmw_course.outline import (
    Block,
    BulletList,
    Facts,
    Inline,
    Link,
    Outline,
    Paragraph,
    brochure_outline,
    mailto_uri,
)
from ncmw_course.readiness import check_readiness
from tests.conftest import REPO, TESTDATA
from tests.edudex_courses import HARD, nearly_ready_courses, not_ready_lines, ready, variant
from tests.strategies import courses

SCHEMA = REPO / "tests" / "conformance" / "edudex" / "program_in.schema.json"
EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "25"))
REFERENCE = {
    "bundled": None,
    "full": TESTDATA / "course_full.json",
    "maximal": TESTDATA / "course_maximal.json",
}
CARRIERS = {
    "introduction": ("description",),
    "audience": ("student profile", "objectives"),
    "programme": ("curriculum",),
    "method": ("instruction modes",),
    "assessment": ("graduation",),
    "literature": (),  # EDU-DEX has no subject text for a reading list (the field map says so)
    "trainers": ("teachers",),
    "contact": ("contact",),
    "editions": ("course schedule",),
    "price": ("tuition fee",),
    "hours": ("study load",),
    "level": ("student profile",),
    "max_participants": ("admission",),
    "accreditations": ("accreditation",),
    "certificate": ("graduation",),
    "evaluation": ("characteristics",),
}
"""Where the document tells each outline section, and each practical fact (by key): the subject
texts, the programme's description, or (only the number) ``programAdmission``."""
HARD_HTML = "&lt;script&gt;alert('x')&lt;/script&gt; &amp; ]]&gt;"


@cache
def _program_in() -> Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def program_in() -> Draft202012Validator:
    """A validator of EDU-DEX's program_in schema, with format checks."""
    return _program_in()


def schema_errors(validator: Draft202012Validator, document: Any) -> list[str]:
    """Every way `document` breaks program_in, as ``path: message`` lines."""
    return [
        f"/{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]


@pytest.fixture
def ready_course(full_course: Course) -> Course:
    """The full course: its study load of 24 hours is one EDU-DEX can carry (24.5 it cannot)."""
    assert full_course.hours is not None
    assert full_course.hours.study_load == 24
    return full_course


@pytest.fixture
def runs_course() -> Course:
    """Two dated runs in two towns, days with their own venues and times, two registers with IDs."""
    return load_course(TESTDATA / "course_runs.json")


def edudex(course: Course) -> dict[str, Any]:
    """The EDU-DEX document of `course`, parsed."""
    document: dict[str, Any] = json.loads(render(course, "edudex"))
    return document


def subjects(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The subject texts of `document`, by subject."""
    return {item["subject"]: item for item in document["programDescriptions"]["subjectText"]}


def lost_texts(course: Course, document: dict[str, Any]) -> list[str]:
    """The texts of `course`'s outline that `document` does not carry where they belong, as ``where: text``."""
    key = course.language.split("-")[0].lower()
    descriptions = document["programDescriptions"]
    carried = {
        item["subject"]: f"{item['header1'][key]}\n{item['descriptionText'][key]}"
        for item in descriptions["subjectText"]
    }
    carried["description"] = descriptions["programDescriptionText"][key]
    carried["admission"] = json.dumps(document["programAdmission"])
    lost: list[str] = []
    for section in brochure_outline(course).sections:
        title = [] if section.lead else [section.title]
        places = [(section.id, [*title, *block_texts(section.blocks)])]
        if section.id == "practical":
            places = [
                (
                    row.key,
                    [*([] if row.key == "max_participants" else [row.label]), *map(inline_text, row.values)],
                )
                for block in section.blocks
                if isinstance(block, Facts)
                for row in block.rows
            ]
        for where, texts in places:
            carrier = "\n".join(carried.get(name, "") for name in CARRIERS[where])
            lost += [f"{where}: {text}" for text in texts if text not in carrier and CARRIERS[where]]
    return lost


def block_texts(blocks: tuple[Block, ...]) -> list[str]:
    """Every text of `blocks`: paragraphs, items, subsection titles, fact labels and values (a link's text)."""
    found: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            found.append(block.text)
        elif isinstance(block, BulletList):
            found += block.items
        elif isinstance(block, Facts):
            found += [text for row in block.rows for text in (row.label, *map(inline_text, row.values))]
        else:
            found += [block.title, *block_texts(block.blocks)]
    return found


def inline_text(value: Inline) -> str:
    """The text a reader sees of `value`."""
    return value if isinstance(value, str) else value.text


def outline_links(outline: Outline, section_id: str) -> list[str]:
    """The URIs the outline links in its section `section_id`, in order."""
    section = outline.section(section_id)
    blocks = section.blocks if section else ()
    return [
        value.uri
        for block in blocks
        if isinstance(block, Facts)
        for row in block.rows
        for value in row.values
        if isinstance(value, Link)
    ]


class TestRegistration:
    def test_is_registered_with_its_file_extension(self) -> None:
        """edudex is installed under its name, writing application/json to <slug>.edudex.json."""
        assert "edudex" in exporter_names()
        info = exporter_info("edudex")
        assert (info.name, info.file_extension, info.media_type, info.scope) == (
            "edudex",
            ".edudex.json",
            "application/json",
            "course",
        )


class TestNotReady:
    def test_bundled_course_lists_what_to_add(self, bundled_course: Course) -> None:
        """The bundled course states no EDU-DEX codes and no run, and the error says exactly that."""
        with pytest.raises(NotReadyError) as caught:
            render(bundled_course, "edudex")
        assert str(caught.value) == (
            "the course is not ready for edudex; add to the course file:\n"
            "  - edudex.org_unit_id: the provider's organisation unit ID at EDU-DEX\n"
            "  - edudex.program_id: the provider's ID for this programme at EDU-DEX\n"
            "  - edudex.program_forms: how the programme is organised, such as part-time\n"
            "  - edudex.program_level: the programme's level, such as post-hbo\n"
            "  - edudex.degree: what participants receive, such as certificate of participation\n"
            "  - edudex.application_type: whether people apply individually or as a group\n"
            "  - edudex.application_open: whether applications are open (true or false)\n"
            "  - edudex.payment_due: when participants pay: up-front, afterwards or installments\n"
            "  - edudex.start_date_determination: how the start date is set, such as fixed starting date\n"
            "  - edudex.program_type: the kind of programme, such as training, workshop or master class\n"
            "  - editions[].location: at least one dated run with its location (EDU-DEX's programme location)\n"
            "(see 'ncmw-course check --for edudex')"
        )
        assert caught.value.format_name == "edudex"

    def test_error_lists_the_checklist_first(self, bundled_course: Course) -> None:
        """The error's lines are the readiness checklist's missing items, then the exporter's own."""
        with pytest.raises(NotReadyError) as caught:
            render(bundled_course, "edudex")
        assert list(caught.value.missing) == not_ready_lines(bundled_course)
        checklist = check_readiness(bundled_course, "edudex").missing
        assert [line.split(": ")[0] for line in caught.value.missing[: len(checklist)]] == [
            requirement.field for requirement in checklist
        ]

    def test_description_over_the_limit_is_named(self, ready_course: Course) -> None:
        """A description of 1201 characters is reported with its length, not cut to 1200."""
        course = variant(ready_course, description=["a" * 600, "b" * 600])
        with pytest.raises(NotReadyError) as caught:
            render(course, "edudex")
        assert "description: a description of at most 1200 characters (it has 1201)" in caught.value.missing

    def test_summary_over_the_limit_is_named(self, ready_course: Course) -> None:
        """Without a summary, a first sentence over 200 characters is reported as the summary."""
        course = variant(ready_course, summary=None, description=["w" * 201 + ". Rest."])
        with pytest.raises(NotReadyError) as caught:
            render(course, "edudex")
        assert (
            "summary: a summary of at most 200 characters (there is none, and the description's first "
            "sentence has 202)"
        ) in caught.value.missing

    def test_a_given_summary_is_measured_as_itself(self, full_course: Course) -> None:
        """With a summary, check names its own length, not the description's first sentence's."""
        from ncmw_course.readiness import check_readiness

        (row,) = [r for r in check_readiness(full_course, "edudex").requirements if r.field == "summary"]
        assert (
            row.description
            == f"a summary of at most 200 characters (it has {len(full_course.summary or '')})"
        )

    def test_program_id_outside_edudex_pattern_is_refused_on_reading(self, ready_course: Course) -> None:
        """A programme ID with characters EDU-DEX refuses is an error in the course file, not rewritten."""
        from ncmw_course import CourseDataError

        listing = {**ready_course.model_dump(mode="json")["edudex"], "program_id": "cursus@ncmw"}
        with pytest.raises(CourseDataError) as caught:
            parse_course(json.dumps({**ready_course.model_dump(mode="json"), "edudex": listing}))
        assert [(p.location, p.message) for p in caught.value.problems] == [
            (
                "edudex.program_id",
                (
                    "text 'cursus@ncmw' is not allowed here; EDU-DEX allows letters a-z and A-Z, digits, spaces "
                    "and - # & ' ( ) + , . / : ? _ | { } é ë ï ü"
                ),
            )
        ]

    def test_email_edudex_cannot_carry_is_named(self, ready_course: Course) -> None:
        """An e-mail address with a non-ASCII local part is reported, since EDU-DEX's pattern refuses it."""
        course = variant(
            ready_course,
            contact={**ready_course.model_dump(mode="json")["contact"], "email": "José@example.nl"},
        )
        with pytest.raises(NotReadyError) as caught:
            render(course, "edudex")
        assert "contact.email: an e-mail address with plain ASCII before the @, as EDU-DEX requires" in (
            caught.value.missing
        )

    def test_long_biography_stays_out_of_the_teacher_summary(self, ready_course: Course) -> None:
        """A biography over 1200 characters is no teacher summary; the teachers text still has all of it."""
        trainers = ready_course.model_dump(mode="json")["trainers"]
        trainers[1]["biography"] = ["x" * 700, "y" * 700]
        document = edudex(variant(ready_course, trainers=trainers))
        teachers = document["programCurriculum"]["teacher"]
        assert ("summary" in teachers[0], "summary" in teachers[1]) == (True, False)
        assert "x" * 700 in subjects(document)["teachers"]["descriptionText"]["nl"]


class TestSchema:
    def test_ready_course_validates(self, ready_course: Course, program_in: Draft202012Validator) -> None:
        """The full course's document breaks no rule of program_in."""
        assert schema_errors(program_in, edudex(ready_course)) == []

    def test_maximal_course_validates(self, program_in: Draft202012Validator) -> None:
        """The maximal course, its description cut to EDU-DEX's limit and its study load whole here, validates."""
        maximal = Course.model_validate_json((TESTDATA / "course_maximal.json").read_bytes())
        assert "description: a description of at most 1200 characters (it has 2554)" in not_ready_lines(
            maximal
        )
        document = edudex(ready(maximal))
        assert schema_errors(program_in, document) == []
        assert len(document["programDescriptions"]["programDescriptionText"]["nl"]) <= 1200
        assert len(document["programDescriptions"]["programSummaryText"]["nl"]) <= 200

    def test_schema_check_catches_a_broken_document(
        self, ready_course: Course, program_in: Draft202012Validator
    ) -> None:
        """The check used here reports a missing required key, a bad enum value and a bad date."""
        document = edudex(ready_course)
        del document["programClassification"]["programType"]
        document["programAdmission"]["paymentDue"] = "later"
        document["programSchedule"]["programRun"][0]["startDate"]["date"] = "2027-02-30"
        errors = schema_errors(program_in, document)
        assert len(errors) == 3
        assert any(error.startswith("/programClassification: 'programType'") for error in errors)
        assert any(error.startswith("/programAdmission/paymentDue:") for error in errors)
        assert any(error.startswith("/programSchedule/programRun/0/startDate/date:") for error in errors)


class TestMapping:
    def test_metadata(self, ready_course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
        """editor, format, generator and lastEdited: the provider, 1.0, this tool, the course's date."""
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
        document = edudex(ready_course)
        assert list(document)[:5] == ["editor", "format", "generator", "lastEdited", "programBasicProfile"]
        assert document["editor"] == "NCMW"
        assert document["format"] == "1.0"
        assert document["generator"] == f"ncmw-course {version('ncmw-course')}"
        assert document["lastEdited"] == "2026-09-01T00:00:00+00:00"

    def test_classification_and_admission(self, ready_course: Course) -> None:
        """Codes come from the course's edudex block, places from its runs, duration from its days."""
        document = edudex(ready_course)
        assert document["programClassification"] == {
            "orgUnitId": "ncmw",
            "programId": "gespreksvoering-bij-scheiding",
            "programType": "training",
            "programForm": ["part-time"],
            "programLevel": "post-hbo",
            "degree": "certificate of participation",
            "programDuration": {"days": 3},
            "programLocation": [{"description": "Baarlo"}],
        }
        assert document["programAdmission"] == {
            "applicationOpen": True,
            "applicationType": "individual",
            "paymentDue": "up-front",
            "startDateDetermination": "fixed starting date",
            "requiredLevel": ["hbo"],
            "maxNumberOfParticipants": 14,
        }

    def test_run_with_days_cost_and_place(self, ready_course: Course) -> None:
        """The run has final dates, its location, the price as tuition fee and each day with its times."""
        run, october = edudex(ready_course)["programSchedule"]["programRun"]
        assert october["courseDay"][2]["startTime"] == "09:30:00+01:00"  # 2 November: winter time
        assert october["courseDay"][1]["startTime"] == "09:30:00+02:00"  # 26 October: still summer time
        assert run == {
            "id": "gespreksvoering-bij-scheiding-20270309",
            "status": "application opened",
            "startDate": {"date": "2027-03-09", "isFinal": True},
            "endDate": {"date": "2027-03-23", "isFinal": True},
            "fullyOnline": False,
            "location": {"locationName": {"nl": "NCMW, zaal 2"}, "city": "Baarlo", "country": "nl"},
            "cost": [
                {
                    "id": "gespreksvoering-bij-scheiding-20270309-fee",
                    "amount": "495.00",
                    "amountIsFinal": True,
                    "costType": "tuition fee",
                    "currency": "EUR",
                    "isRequiredCost": True,
                    "descriptionText": {"nl": "vrijgesteld van btw"},
                }
            ],
            "courseDay": [
                {
                    "id": "gespreksvoering-bij-scheiding-20270309-1",
                    "date": "2027-03-09",
                    "name": {"nl": "Eerste dag: De positie van de hulpverlener"},
                    "startTime": "09:30:00+01:00",
                    "endTime": "16:30:00+01:00",
                    "location": {
                        "locationName": {"nl": "NCMW, zaal 2"},
                        "address": "Voorbeeldstraat 12",
                        "zipcode": "5991 AA",
                        "city": "Baarlo",
                        "country": "nl",
                    },
                },
                {
                    "id": "gespreksvoering-bij-scheiding-20270309-2",
                    "date": "2027-03-16",
                    "name": {"nl": "Tweede dag: Kinderen en loyaliteit"},
                    "startTime": "09:30:00+01:00",
                    "endTime": "16:30:00+01:00",
                },
                {
                    "id": "gespreksvoering-bij-scheiding-20270309-3",
                    "date": "2027-03-23",
                    "name": {"nl": "Derde dag: Afspraken die werken"},
                    "startTime": "09:30:00+01:00",
                    "endTime": "16:00:00+01:00",
                },
            ],
        }

    def test_no_vat_code_is_guessed(self, ready_course: Course) -> None:
        """The VAT note is kept as words; no VAT code, percentage or amount is made up from it."""
        run = edudex(ready_course)["programSchedule"]["programRun"][0]
        assert not {key for key in run["cost"][0] if key.startswith("VAT") or key == "amountVAT"}

    def test_contact_curriculum_and_accreditation(self, ready_course: Course) -> None:
        """Contact details, language, teaching modes, trainers and register points come across."""
        document = edudex(ready_course)
        assert document["programContacts"] == {
            "contactData": [
                {
                    "contactName": "Secretariaat NCMW",
                    "role": "contact",
                    "email": "info@ncmw.nl",
                    "telephone": "+31495450667",
                    "webLink": {"nl": "https://www.ncmw.nl/"},
                }
            ]
        }
        assert document["programCurriculum"] == {
            "instructionLanguage": [{"languageCode": "nl", "percentage": 100}],
            "instructionMode": ["case study", "roleplay", "group discussion"],
            "studyLoad": {"program": 24},
            "teacher": [
                {
                    "id": "marieke-de-vries",
                    "name": "Marieke de Vries",
                    "summary": {"nl": "Marieke de Vries werkt twintig jaar met gezinnen in scheiding."},
                },
                {
                    "id": "sjoerd-odegaard",
                    "name": "Sjoerd Ødegaard",
                    "summary": {"nl": "Sjoerd Ødegaard begeleidt ouders en kinderen na een scheiding."},
                },
            ],
        }
        assert document["programExternalAcknowledgements"] == {
            "accreditation": [
                {
                    "organization": "Registerplein",
                    "certificateCode": "RP-0000-TEST",
                    "trainingPoints": 18,
                    "validFrom": "2027-01-01",
                    "validUpto": "2028-12-31",
                },
                {"organization": "SKJ", "trainingPoints": 18},
            ]
        }

    def test_whole_study_load_is_given_in_hours(self, ready_course: Course) -> None:
        """A study load of 24 hours is studyLoad; the study load text says it in words as well."""
        assert edudex(ready_course)["programCurriculum"]["studyLoad"] == {"program": 24}
        assert subjects(edudex(ready_course))["study load"]["descriptionText"] == {
            "nl": "Contacturen: 18 uur\nStudiebelasting: 24 uur"
        }

    def test_descriptions(self, ready_course: Course) -> None:
        """Name, summary and description as text and HTML, search words and the course page."""
        descriptions = edudex(ready_course)["programDescriptions"]
        assert descriptions["programName"] == {"nl": "Gespreksvoering bij scheiding"}
        assert descriptions["programSummaryText"] == {"nl": ready_course.summary}
        assert descriptions["programSummaryHtml"] == {"nl": f"<p>{ready_course.summary}</p>"}
        assert descriptions["programDescriptionText"] == {"nl": "\n".join(ready_course.description)}
        assert descriptions["programDescriptionHtml"] == {
            "nl": "\n".join(f"<p>{paragraph}</p>" for paragraph in ready_course.description)
        }
        assert descriptions["webLink"] == {
            "nl": "https://www.ncmw.nl/cursussen/gespreksvoering-bij-scheiding"
        }
        keyworded = variant(ready_course, keywords=["scheiding", "ouders"])
        assert edudex(keyworded)["programDescriptions"]["searchword"] == {"nl": ["scheiding", "ouders"]}
        assert "searchword" not in edudex(variant(ready_course, keywords=[]))["programDescriptions"]

    def test_subject_texts_follow_the_brochure(self, ready_course: Course) -> None:
        """Each outline section or practical fact becomes a subject text in the outline's order, under its heading."""
        found = subjects(edudex(ready_course))
        assert [(subject, item["header1"]["nl"]) for subject, item in found.items()] == [
            ("description", "Gespreksvoering bij scheiding"),
            ("course schedule", "Data en locaties"),
            ("tuition fee", "Prijs"),
            ("study load", "Studie-uren"),
            ("accreditation", "Accreditatie"),
            ("graduation", "Certificaat"),
            ("characteristics", "Evaluatie"),
            ("student profile", "Voor wie en waarom"),
            ("objectives", "Doel"),
            ("curriculum", "Programma"),
            ("instruction modes", "Werkwijze"),
            ("teachers", "Trainers"),
            ("contact", "Informatie"),
        ]

    def test_curriculum_as_text_and_html_lists(self, ready_course: Course) -> None:
        """The programme's introduction, day headings, day facts and topics, as lines and as <p> and <ul>."""
        curriculum = subjects(edudex(ready_course))["curriculum"]
        assert curriculum["descriptionText"]["nl"] == (
            "De nascholing bestaat uit drie dagen, elk met een eigen thema.\n"
            "Tussen de dagen werk je aan een casus uit je eigen praktijk.\n"
            "Eerste dag: De positie van de hulpverlener\n"
            "dinsdag 9 maart 2027, 09:30 – 16:30 uur, NCMW, zaal 2, Voorbeeldstraat 12, 5991\u00a0AA Baarlo, Nederland\n"
            "- Onpartijdigheid en meerzijdige partijdigheid\n"
            "- Het eerste gesprek met twee ouders\n"
            "09:30 – 10:00 uur: Ontvangst en kennismaking (pauze)\n"
            "10:00 – 12:30 uur: Theorie: onpartijdigheid en meerzijdige partijdigheid\n"
            "12:30 – 13:00 uur: Lunch (pauze)\n"
            "13:00 – 16:30 uur: Rollenspel: het eerste gesprek met twee ouders\n"
            "Tweede dag: Kinderen en loyaliteit\n"
            "dinsdag 16 maart 2027, 09:30 – 16:30 uur\n"
            "- Signalen van een loyaliteitsconflict\n"
            "- Kinderen betrekken bij het gesprek\n"
            "- “Kiezen” tussen ouders\n"
            "12:30 – 13:00 uur: Lunch (pauze)\n"
            "Derde dag: Afspraken die werken\n"
            "dinsdag 23 maart 2027, 09:30 – 16:00 uur\n"
            "- Het ouderschapsplan\n"
            "- Evaluatie & afsluiting\n"
            "09:30 – 12:00 uur: Het ouderschapsplan\n"
            "12:00 – 12:45 uur: Lunch (pauze)\n"
            "12:45 – 15:15 uur: Casusbespreking\n"
            "15:15 – 15:45 uur: Kennistoets (toets)\n"
            "15:45 – 16:00 uur: Evaluatie en afsluiting (pauze)"
        )
        assert curriculum["descriptionHtml"]["nl"] == (
            "<p>De nascholing bestaat uit drie dagen, elk met een eigen thema.</p>\n"
            "<p>Tussen de dagen werk je aan een casus uit je eigen praktijk.</p>\n"
            "<p>Eerste dag: De positie van de hulpverlener</p>\n"
            "<p>dinsdag 9 maart 2027, 09:30 – 16:30 uur, NCMW, zaal 2, Voorbeeldstraat 12, 5991\u00a0AA Baarlo, Nederland</p>\n"
            "<ul><li>Onpartijdigheid en meerzijdige partijdigheid</li><li>Het eerste gesprek met twee ouders</li></ul>\n"
            "<p>09:30 – 10:00 uur: Ontvangst en kennismaking (pauze)</p>\n"
            "<p>10:00 – 12:30 uur: Theorie: onpartijdigheid en meerzijdige partijdigheid</p>\n"
            "<p>12:30 – 13:00 uur: Lunch (pauze)</p>\n"
            "<p>13:00 – 16:30 uur: Rollenspel: het eerste gesprek met twee ouders</p>\n"
            "<p>Tweede dag: Kinderen en loyaliteit</p>\n"
            "<p>dinsdag 16 maart 2027, 09:30 – 16:30 uur</p>\n"
            "<ul><li>Signalen van een loyaliteitsconflict</li><li>Kinderen betrekken bij het gesprek</li>"
            "<li>“Kiezen” tussen ouders</li></ul>\n"
            "<p>12:30 – 13:00 uur: Lunch (pauze)</p>\n"
            "<p>Derde dag: Afspraken die werken</p>\n"
            "<p>dinsdag 23 maart 2027, 09:30 – 16:00 uur</p>\n"
            "<ul><li>Het ouderschapsplan</li><li>Evaluatie &amp; afsluiting</li></ul>\n"
            "<p>09:30 – 12:00 uur: Het ouderschapsplan</p>\n"
            "<p>12:00 – 12:45 uur: Lunch (pauze)</p>\n"
            "<p>12:45 – 15:15 uur: Casusbespreking</p>\n"
            "<p>15:15 – 15:45 uur: Kennistoets (toets)</p>\n"
            "<p>15:45 – 16:00 uur: Evaluatie en afsluiting (pauze)</p>"
        )

    def test_contact_subject_links(self, ready_course: Course) -> None:
        """The contact text names the channels and the provider; its HTML links them with tel:, mailto: and https:."""
        contact = subjects(edudex(ready_course))["contact"]
        page = "https://www.ncmw.nl/cursussen/gespreksvoering-bij-scheiding"
        assert contact["descriptionText"]["nl"] == (
            "Secretariaat NCMW\nTel. 0495–450667\nE-mail info@ncmw.nl\nWebsite www.ncmw.nl\n"
            f"Aanbieder NCMW\nCursuspagina {page}"
        )
        assert contact["descriptionHtml"]["nl"] == (
            "<p>Secretariaat NCMW</p>\n"
            '<p>Tel. <a href="tel:+31495450667">0495–450667</a></p>\n'
            '<p>E-mail <a href="mailto:info@ncmw.nl">info@ncmw.nl</a></p>\n'
            '<p>Website <a href="https://www.ncmw.nl/">www.ncmw.nl</a></p>\n'
            "<p>Aanbieder NCMW</p>\n"
            f'<p>Cursuspagina <a href="{page}">{page}</a></p>'
        )

    @pytest.mark.parametrize("email", ["info&cursus@ncmw.nl", "info@bücher.nl"])
    def test_contact_links_are_the_outline_s(self, ready_course: Course, email: str) -> None:
        """The contact text links exactly the outline's URIs: mailto: percent-encoded, tel: in E.164."""
        contact = {**ready_course.model_dump(mode="json")["contact"], "email": email}
        course = variant(ready_course, contact=contact)
        html_text = subjects(edudex(course))["contact"]["descriptionHtml"]["nl"]
        hrefs = [html.unescape(href) for href in re.findall(r'<a href="([^"]*)">', html_text)]
        assert hrefs == outline_links(brochure_outline(course), "contact")
        assert hrefs[:2] == ["tel:+31495450667", mailto_uri(email)]
        assert mailto_uri(email) != f"mailto:{email}"

    def test_only_trainer_s_summary_is_the_biography(self, ready_course: Course) -> None:
        """An only trainer named in their biography has it as summary; the details stay in the teachers text."""
        trainers = ready_course.model_dump(mode="json")["trainers"][:1]
        document = edudex(variant(ready_course, trainers=trainers))
        (teacher,) = document["programCurriculum"]["teacher"]
        assert teacher["summary"] == {"nl": "Marieke de Vries werkt twintig jaar met gezinnen in scheiding."}
        teachers = subjects(document)["teachers"]
        assert teachers["header1"] == {"nl": "Trainer"}
        assert teachers["descriptionText"]["nl"].splitlines() == [
            "Marieke de Vries werkt twintig jaar met gezinnen in scheiding.",
            "Functie: trainer en supervisor",
            "Organisatie: NCMW",
            "Opgeleid tot: maatschappelijk werker",
            "Opleidingen: Opleiding Systeemtherapie",
            "Ervaring: scheidingsbemiddeling",
        ]

    @pytest.mark.parametrize("name", ["bundled", "full", "maximal"])
    def test_subject_texts_lose_no_text_of_the_outline(self, name: str) -> None:
        """Every text of the outline is in the subject text of its section or fact, or in the description."""
        course = ready(load_course(REFERENCE[name]))
        assert lost_texts(course, edudex(course)) == []

    def test_teacher_ids_are_stable_ascii_and_unique(self, ready_course: Course) -> None:
        """Trainer IDs are ASCII slugs of the names; a repeated name gets -2, a non-Latin one a digest."""
        trainers = ready_course.model_dump(mode="json")["trainers"]
        trainers += [{"name": "Marieke de Vries"}, {"name": "שלום עולם"}]
        teachers = edudex(variant(ready_course, trainers=trainers))["programCurriculum"]["teacher"]
        ids = [teacher["id"] for teacher in teachers]
        assert ids[:3] == ["marieke-de-vries", "sjoerd-odegaard", "marieke-de-vries-2"]
        assert ids[3].startswith("trainer-")
        assert ids == [
            teacher["id"]
            for teacher in edudex(variant(ready_course, trainers=trainers))["programCurriculum"]["teacher"]
        ]

    def test_run_ids_stay_short_for_long_slugs(self, ready_course: Course) -> None:
        """A run ID fits EDU-DEX's 64 characters for the longest slug, and runs on one date differ."""
        edition = ready_course.model_dump(mode="json")["editions"][0]
        course = variant(
            ready_course, slug="-".join(["abcdefghijk"] * 6) + "-abcdefg", editions=[edition, edition]
        )
        run_ids = [run["id"] for run in edudex(course)["programSchedule"]["programRun"]]
        assert len(course.slug) == 79
        assert run_ids[1] == run_ids[0] + "-2"
        assert all(len(run_id) <= 64 for run_id in run_ids)


def nl_place(name: str, street: str, zipcode: str, city: str) -> dict[str, Any]:
    """An EDU-DEX location in the Netherlands, as the exporter writes one."""
    return {
        "locationName": {"nl": name},
        "address": street,
        "zipcode": zipcode,
        "city": city,
        "country": "nl",
    }


VEILIG_THUIS = nl_place("Veilig Thuis Limburg-Noord", "Spoorweglaan 2", "5911 AB", "Venlo")
ZORG_EN_VEILIGHEIDSHUIS = nl_place(
    "Zorg- en Veiligheidshuis Noord-Limburg", "Stationsplein 7", "5961 AA", "Horst"
)


class TestRunsCourse:
    """Two runs in two towns, days elsewhere, two registers with IDs: every such fact in its own field."""

    def test_validates(self, runs_course: Course, program_in: Draft202012Validator) -> None:
        """The course is ready for EDU-DEX and its document breaks no rule of program_in."""
        assert not_ready_lines(runs_course) == []
        assert schema_errors(program_in, edudex(runs_course)) == []

    def test_accreditation_ids_are_certificate_codes(self, runs_course: Course) -> None:
        """Each register's ID for the accreditation is its certificateCode, beside points and validity."""
        assert edudex(runs_course)["programExternalAcknowledgements"] == {
            "accreditation": [
                {
                    "organization": "Registerplein",
                    "certificateCode": "RP-2027-004711",
                    "trainingPoints": 18,
                    "validFrom": "2027-01-01",
                    "validUpto": "2028-12-31",
                },
                {
                    "organization": "SKJ",
                    "certificateCode": "171234",
                    "trainingPoints": 18.5,
                    "validFrom": "2027-02-01",
                    "validUpto": "2029-01-31",
                },
            ]
        }

    def test_a_blended_run_makes_blended_learning(self, runs_course: Course) -> None:
        """A blended run adds "blended learning" to the instruction modes; neither run is fully online."""
        document = edudex(runs_course)
        assert document["programCurriculum"]["instructionMode"] == [
            "case study",
            "roleplay",
            "lecture",
            "blended learning",
        ]
        assert [run["fullyOnline"] for run in document["programSchedule"]["programRun"]] == [False, False]
        assert "programBasicProfile" not in document  # one run on site, one blended: no one profile

    def test_every_town_is_a_programme_location(self, runs_course: Course) -> None:
        """The towns of both runs and of the days elsewhere are the programme's locations, each once."""
        locations = edudex(runs_course)["programClassification"]["programLocation"]
        assert locations == [{"description": town} for town in ("Baarlo", "Roermond", "Venlo", "Horst")]

    def test_the_subtitle_is_the_title_block_s_text(self, runs_course: Course) -> None:
        """The subtitle is the text of the first subject, "description", under the title."""
        first = edudex(runs_course)["programDescriptions"]["subjectText"][0]
        assert first == {
            "subject": "description",
            "header1": {"nl": "Werken met de meldcode huiselijk geweld en kindermishandeling"},
            "descriptionText": {"nl": "Signaleren, wegen en handelen in vijf stappen"},
            "descriptionHtml": {"nl": "<p>Signaleren, wegen en handelen in vijf stappen</p>"},
        }

    def test_each_run_s_days_have_dates_times_and_venues(self, runs_course: Course) -> None:
        """Every run dates each day, with its times, and a day elsewhere has its own venue."""
        runs = edudex(runs_course)["programSchedule"]["programRun"]
        assert [run["location"]["city"] for run in runs] == ["Baarlo", "Roermond"]
        days = runs[1]["courseDay"]
        assert [(day["date"], day["startTime"], day["endTime"]) for day in days] == [
            ("2027-09-28", "09:30:00+02:00", "16:30:00+02:00"),  # summer time, in the venue's zone
            ("2027-10-05", "09:00:00+02:00", "15:30:00+02:00"),
            ("2027-10-12", "09:30:00+02:00", "16:00:00+02:00"),
        ]
        assert [day.get("location") for day in days] == [None, VEILIG_THUIS, ZORG_EN_VEILIGHEIDSHUIS]

    def test_the_programme_s_days_are_the_generic_run(self, runs_course: Course) -> None:
        """genericProgramRun has each programme day: number, heading and own venue; an undated day has
        no UTC offset, so its times are in the curriculum text only."""
        assert edudex(runs_course)["programSchedule"]["genericProgramRun"] == {
            "courseDay": [
                {
                    "id": "day-1",
                    "dayNumber": 1,
                    "name": {"nl": "Eerste dag: Signaleren en het eerste gesprek"},
                },
                {
                    "id": "day-2",
                    "dayNumber": 2,
                    "name": {"nl": "Tweede dag: Wegen: het afwegingskader"},
                    "location": VEILIG_THUIS,
                },
                {
                    "id": "day-3",
                    "dayNumber": 3,
                    "name": {"nl": "Derde dag: Handelen en samenwerken in de keten"},
                    "location": ZORG_EN_VEILIGHEIDSHUIS,
                },
            ]
        }

    def test_decimal_contact_hours_are_in_the_study_load_text(self, runs_course: Course) -> None:
        """18.5 contact hours, which EDU-DEX has no field for, are in its study load text; 28 is studyLoad."""
        document = edudex(runs_course)
        assert document["programCurriculum"]["studyLoad"] == {"program": 28}
        assert subjects(document)["study load"]["descriptionText"] == {
            "nl": "Contacturen: 18,5 uur\nStudiebelasting: 28 uur"
        }


class TestWhatEdudexCannotCarry:
    def test_a_decimal_study_load_is_not_dropped_silently(self, full_course: Course) -> None:
        """A study load of 24.5 hours, which EDU-DEX's whole hours cannot hold, makes the course not ready."""
        with pytest.raises(NotReadyError) as caught:
            render(variant(full_course, hours={"contact_hours": 18, "study_load": 24.5}), "edudex")
        assert list(caught.value.missing) == [
            "hours.study_load: a study load in whole hours, as EDU-DEX counts it (it is 24.5)"
        ]

    @pytest.mark.parametrize("points", [420.5, 12.345])
    def test_points_edudex_cannot_carry_are_named(self, ready_course: Course, points: float) -> None:
        """Points over 420 or finer than hundredths make the course not ready; the accreditation is not left out."""
        accreditations = [{"registry": "SKJ", "points": points}]
        with pytest.raises(NotReadyError) as caught:
            render(variant(ready_course, accreditations=accreditations), "edudex")
        assert list(caught.value.missing) == [
            f"accreditations[].points: accreditation points EDU-DEX can carry: at most 420, in hundredths ({points:g} is not)"
        ]

    def test_the_checklist_names_what_it_checks(self, ready_course: Course) -> None:
        """The format requirements are present for a course whose numbers fit, and say their values."""
        assert [
            (item.field, item.description, item.present) for item in format_requirements(ready_course)
        ] == [
            ("hours.study_load", "a study load in whole hours, as EDU-DEX counts it (it is 24)", True),
            (
                "accreditations[].points",
                "accreditation points EDU-DEX can carry: at most 420, in hundredths",
                True,
            ),
        ]


@pytest.mark.parametrize(
    ("modes", "profile"),
    [(["blended", "blended"], "blended"), (["online"], "fully online"), (["onsite"], "fixed location")],
)
def test_runs_given_one_way_are_the_programme_s_profile(
    ready_course: Course, modes: list[str], profile: str
) -> None:
    """When every run is given the same way, that is programBasicProfile.location."""
    run = ready_course.model_dump(mode="json")["editions"][0]
    course = variant(ready_course, editions=[{**run, "mode": mode} for mode in modes])
    assert edudex(course)["programBasicProfile"] == {"location": profile}


def test_an_onsite_run_without_a_place_is_no_fixed_location(ready_course: Course) -> None:
    """On site without a stated place may be an agreed place: no profile is claimed."""
    run = ready_course.model_dump(mode="json")["editions"][0]
    located = {**run, "mode": "onsite"}
    course = variant(ready_course, editions=[located, {**located, "location": None}])
    assert "programBasicProfile" not in edudex(course)


class TestLimitsAndEscaping:
    def test_texts_at_the_limits_are_kept_whole(self, ready_course: Course) -> None:
        """A 200-character summary and a 1200-character description in two paragraphs pass uncut."""
        course = variant(ready_course, summary="s" * 200, description=["d" * 599, "e" * 600])
        descriptions = edudex(course)["programDescriptions"]
        assert descriptions["programSummaryText"]["nl"] == "s" * 200
        assert descriptions["programDescriptionText"]["nl"] == "d" * 599 + "\n" + "e" * 600
        assert len(descriptions["programDescriptionText"]["nl"]) == 1200

    def test_markup_is_escaped_in_html_and_literal_in_text(self, ready_course: Course) -> None:
        """<script>, & and ]]> in course text are escaped in every HTML variant and kept in the text ones."""
        course = variant(
            ready_course,
            title=f"Titel {HARD}",
            summary=f"Samenvatting {HARD}",
            description=[HARD],
            goals=[HARD, HARD],
        )
        descriptions = edudex(course)["programDescriptions"]
        assert descriptions["programName"]["nl"] == f"Titel {HARD}"
        assert descriptions["programSummaryText"]["nl"] == f"Samenvatting {HARD}"
        assert descriptions["programSummaryHtml"]["nl"] == f"<p>Samenvatting {HARD_HTML}</p>"
        assert descriptions["programDescriptionText"]["nl"] == HARD
        assert descriptions["programDescriptionHtml"]["nl"] == f"<p>{HARD_HTML}</p>"
        objectives = subjects(edudex(course))["objectives"]
        assert objectives["descriptionText"]["nl"] == f"- {HARD}\n- {HARD}"
        assert objectives["descriptionHtml"]["nl"] == f"<ul><li>{HARD_HTML}</li><li>{HARD_HTML}</li></ul>"
        html_values = [descriptions["programSummaryHtml"]["nl"], descriptions["programDescriptionHtml"]["nl"]]
        html_values += [item["descriptionHtml"]["nl"] for item in descriptions["subjectText"]]
        assert not any("<script" in value or "]]>" in value for value in html_values)


class TestReproducible:
    def test_same_course_same_bytes(self, ready_course: Course) -> None:
        """Rendering twice gives identical UTF-8 bytes: indented JSON with no \\u escapes and one final newline."""
        data = render(ready_course, "edudex")
        assert data == render(ready_course, "edudex")
        text = data.decode("utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
        assert "Ødegaard" in text

    def test_source_date_epoch_dates_the_document(
        self, ready_course: Course, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With SOURCE_DATE_EPOCH set, lastEdited follows it rather than the course's date or the clock."""
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        assert edudex(ready_course)["lastEdited"] == datetime(2026, 1, 1, tzinfo=UTC).isoformat()


def _renders_or_lists_what_is_missing(course: Course, validator: Draft202012Validator) -> None:
    missing = not_ready_lines(course)
    event("not ready" if missing else "ready")
    if missing:
        with pytest.raises(NotReadyError) as caught:
            render(course, "edudex")
        assert list(caught.value.missing) == missing
    else:
        document = edudex(course)
        assert schema_errors(validator, document) == []
        assert lost_texts(course, document) == []


@settings(max_examples=EXAMPLES, deadline=None)
@given(course=courses())
def test_generated_courses_validate_or_say_what_is_missing(
    course: Course, program_in: Draft202012Validator
) -> None:
    """Any valid course either raises NotReadyError with the checklist's lines or gives a valid document."""
    _renders_or_lists_what_is_missing(course, program_in)


@settings(max_examples=EXAMPLES, deadline=None)
@given(course=nearly_ready_courses())
def test_generated_ready_courses_validate(course: Course, program_in: Draft202012Validator) -> None:
    """Generated courses with EDU-DEX codes and a located run validate, or say exactly what is missing."""
    _renders_or_lists_what_is_missing(course, program_in)
