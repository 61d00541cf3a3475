"""The accreditation dossier (ncmw_course.dossier) and its three formats: accreditation (Word),
accreditation-pdf and accreditation-json."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ncmw_course import Course, NotReadyError, load_course, render
from ncmw_course.building import build
from ncmw_course.cli import cli
from ncmw_course.dossier import ANSWERS_FORMAT, SECTION_IDS, dossier_answers, dossier_outline
from ncmw_course.labels import labels_for
from ncmw_course.outline import Facts, Paragraph, Subsection, brochure_outline, outline_text
from tests.conftest import TESTDATA
from tests.outputs import READERS, Reading, flat
from tests.test_hours import twelve_hours

REFERENCE = {"full": TESTDATA / "course_full.json", "maximal": TESTDATA / "course_maximal.json"}
DATES = {"date", "start_date", "end_date", "day_dates", "valid_from", "valid_until"}
TIMES = {"start_time", "end_time"}
HOURS = {"net_contact_hours", "test_hours", "self_study_hours", "study_load", "net_hours"}


def leaves(value: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    """Each answer's values, with the key it is under (a list's items under the list's key)."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from leaves(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item, key)
    elif value is not None:
        yield key, value


def written(course: Course, key: str, value: Any) -> list[str]:
    """How the dossier writes an answer's value: dates and hours in words, codes as the labels say."""
    labels = labels_for(course)
    if key in DATES:
        return [labels.format_date(date.fromisoformat(value))]
    if key in TIMES:
        return [labels.format_time(time.fromisoformat(value))]
    if key in HOURS:
        return [labels.format_hours(value)]
    if key == "day":
        return [labels.day(value)]
    if key == "final_test":
        return [labels.final_test.format(answer=labels.yes if value else labels.no)]
    if key in ("mode", "kind_of_course"):
        return [labels.modes[value]]
    if key == "kind":
        return [] if value == "teaching" else [labels.session_kinds[value]]
    if key == "status":
        return [labels.statuses[value]]
    if key == "amount":
        assert course.price is not None
        return [labels.format_amount(Decimal(value), course.price.currency)]
    if key == "currency":
        return ["€"] if value == "EUR" else [value]
    if key == "points":
        return [labels.format_number(value)]
    return [str(value)]


def lost_answers(course: Course, reading: Reading) -> list[str]:
    """The answers of accreditation.json that the dossier document does not show."""
    answers = dossier_answers(course)["answers"]
    lost = []
    for key, value in leaves(answers):
        if key == "course_page":
            found = value in reading.links
        else:
            found = all(flat(form) in reading.text for form in written(course, key, value))
        if not found:
            lost.append(f"{key}: {value!r}")
    return lost


# The outline


def test_sections_follow_the_wizards_order(full_course: Course) -> None:
    outline = dossier_outline(full_course)
    assert [section.id for section in outline.sections] == list(SECTION_IDS)
    assert [section.title for section in outline.sections] == [
        "De cursus", "Doelgroep en instroomniveau", "Leerdoelen", "Programma", "Werkvormen", "Trainers",
        "Toetsing", "Evaluatie", "Certificaat en voorwaarden", "Literatuur", "Kosten", "Uitvoeringen en locaties",
    ]  # fmt: skip
    assert (outline.title, outline.subtitle) == ("Gespreksvoering bij scheiding", "Accreditatiedossier")


def test_the_dossier_is_made_of_the_brochure_s_blocks(full_course: Course) -> None:
    """Method, goals, assessment and literature are the brochure's blocks; each day is the brochure's
    day with its net contact time added."""
    brochure, dossier = brochure_outline(full_course), dossier_outline(full_course)
    for section_id in ("method", "assessment", "literature"):
        assert dossier.section(section_id).blocks == brochure.section(section_id).blocks  # type: ignore[union-attr]
    assert dossier.section("goals").blocks == brochure.section("audience").blocks[-1:]  # type: ignore[union-attr]
    brochure_days = [b for b in brochure.section("programme").blocks if isinstance(b, Subsection)]  # type: ignore[union-attr]
    dossier_days = [b for b in dossier.section("programme").blocks if isinstance(b, Subsection)]  # type: ignore[union-attr]
    assert [day.blocks[:-1] for day in dossier_days] == [day.blocks for day in brochure_days]
    assert [day.blocks[-1] for day in dossier_days] == [
        Paragraph("Netto contacttijd: 6 uur"),
        Paragraph("Netto contacttijd: 6,5 uur"),
        Paragraph("Netto contacttijd: 5,5 uur"),
    ]


def test_the_programme_states_the_hours(full_course: Course) -> None:
    (hours, *_) = dossier_outline(full_course).section("programme").blocks  # type: ignore[union-attr]
    assert isinstance(hours, Facts)
    assert [(row.label, row.values) for row in hours.rows] == [
        ("Netto contacturen", ("18 uur",)),
        ("Waarvan toetsing", ("0,5 uur",)),
        ("Zelfstudie", ("6 uur",)),
        ("Studiebelasting", ("24 uur",)),
    ]


def test_a_question_the_course_does_not_answer_says_so(bundled_course: Course) -> None:
    """The bundled course states no assessment, evaluation, certificate, literature, costs or runs."""
    text = outline_text(dossier_outline(bundled_course))
    assert text.count("¶ Niet opgegeven in het cursusbestand.") == 6
    assert "¶ Instroomniveau: Niet opgegeven in het cursusbestand." in text
    assert text.count("¶ Netto contacttijd: niet af te leiden") == 2


def test_the_contact_for_the_registers_is_linked(full_course: Course) -> None:
    (facts, _) = dossier_outline(full_course).section("course").blocks  # type: ignore[union-attr]
    assert isinstance(facts, Facts)
    (row,) = [row for row in facts.rows if row.key == "register_contact"]
    assert [getattr(value, "uri", value) for value in row.values] == [
        "Anneke Jansen",
        "mailto:accreditatie@ncmw.nl",
        "tel:+31495450667",
    ]


def test_english_words_for_an_english_course(full_course: Course) -> None:
    english = dossier_outline(full_course.model_copy(update={"language": "en"}))
    assert [section.title for section in english.sections][:4] == [
        "The course", "Target group and entry level", "Learning goals", "Programme",
    ]  # fmt: skip


# accreditation.json


def test_the_answers_are_a_key_per_question_in_the_dossier_s_order(full_course: Course) -> None:
    document = json.loads(render(full_course, "accreditation-json"))
    assert (document["format"], document["course"], document["language"]) == (
        ANSWERS_FORMAT, "gespreksvoering-bij-scheiding", "nl",
    )  # fmt: skip
    answers = document["answers"]
    assert list(answers) == [
        "title", "subtitle", "short_description", "description", "provider", "kind_of_course", "contact_person",
        "accreditations", "course_page", "target_group", "entry_level", "learning_goals", "net_contact_hours",
        "test_hours", "self_study_hours", "study_load", "programme_introduction", "days", "teaching_methods",
        "trainers", "assessment", "evaluation", "certificate", "certificate_conditions", "literature", "costs",
        "runs", "max_participants",
    ]  # fmt: skip
    assert answers["net_contact_hours"] == 18
    assert answers["days"][2]["sessions"][3] == {
        "start_time": "15:15", "end_time": "15:45", "title": "Kennistoets", "kind": "test",
    }  # fmt: skip
    assert answers["days"][2]["net_hours"] == 5.5
    assert answers["accreditations"][0] == {
        "register": "Registerplein", "activity_id": "RP-0000-TEST", "points": 18, "status": "granted",
        "valid_from": "2027-01-01", "valid_until": "2028-12-31",
    }  # fmt: skip
    assert answers["contact_person"] == {
        "name": "Anneke Jansen",
        "email": "accreditatie@ncmw.nl",
        "phone": "0495–450667",
    }


@pytest.mark.parametrize("name", list(REFERENCE))
def test_every_answer_is_in_the_word_dossier(name: str) -> None:
    """Whoever reads the dossier finds every answer of accreditation.json in it, in words. (The
    maximal course has a trainer without a biography, so the exporter refuses it: its dossier is
    written by the writer directly.)"""
    from exporters._docx import render_docx

    course = load_course(REFERENCE[name])
    data = render(course, "accreditation") if name == "full" else render_docx(dossier_outline(course))
    assert lost_answers(course, READERS["docx"](data)) == []


def test_the_lost_answers_check_finds_a_lost_answer(full_course: Course) -> None:
    reading = READERS["docx"](render(full_course, "accreditation"))
    damaged = Reading(text=reading.text.replace("Kennistoets", ""), links=reading.links)
    assert lost_answers(full_course, damaged) == ["title: 'Kennistoets'"]


@pytest.mark.libreoffice
def test_libreoffice_opens_the_dossier_and_its_pdf_has_every_answer(full_course: Course) -> None:
    """LibreOffice converts the Word dossier; the PDF is A4 and holds every answer."""
    import pikepdf

    data = render(full_course, "accreditation-pdf")
    with pikepdf.open(io_bytes(data)) as pdf:
        assert [float(value) for value in pdf.pages[0].mediabox] == pytest.approx(
            [0, 0, 595.3, 841.9], abs=0.5
        )
        assert str(pdf.docinfo["/Title"]) == "Gespreksvoering bij scheiding"
    assert lost_answers(full_course, READERS["pdf"](data)) == []


def io_bytes(data: bytes) -> Any:
    import io

    return io.BytesIO(data)


# Same input, same bytes; twelve net hours everywhere


@pytest.mark.parametrize("name", ["accreditation", "accreditation-json"])
def test_same_course_same_bytes(full_course: Course, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert render(full_course, name) == render(full_course, name)


def test_twelve_net_hours_are_twelve_everywhere() -> None:
    """Sessions of 12 net hours and no typed hours: the brochure, JSON-LD, EDU-DEX and the dossier say 12."""
    from ncmw_course import parse_course
    from tests.edudex_courses import ready

    document = json.loads((TESTDATA / "course_full.json").read_text(encoding="utf-8"))
    document["programme"]["days"] = twelve_hours()["programme"]["days"]
    for run in document["editions"]:
        run["day_dates"] = run["day_dates"][:2]
        run["end_date"] = run["day_dates"][1]
    document["programme"]["days"][0]["date"], document["programme"]["days"][1]["date"] = (
        "2027-03-09",
        "2027-03-16",
    )
    document["hours"] = {"study_load": 20}
    document["accreditations"][0]["points"] = 12
    course = parse_course(json.dumps(document, ensure_ascii=False))
    assert "Contacturen: 12 uur" in READERS["docx"](render(course, "docx")).text
    assert json.loads(render(course, "jsonld"))["timeRequired"] == "PT12H"
    edudex = json.loads(render(ready(course), "edudex"))
    (study_load,) = [
        text for text in edudex["programDescriptions"]["subjectText"] if text["subject"] == "study load"
    ]
    assert study_load["descriptionText"]["nl"].splitlines()[0] == "Contacturen: 12 uur"
    assert "Netto contacturen 12 uur" in READERS["docx"](render(course, "accreditation")).text
    assert json.loads(render(course, "accreditation-json"))["answers"]["net_contact_hours"] == 12


# Refused when not ready: export, and build


def test_export_refuses_a_course_that_is_not_ready_with_the_list(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "accreditation", "-o", str(tmp_path / "d.docx")])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: the course is not ready for accreditation; add to the course file:\n"
        "  - level: the level of the participants, such as hbo\n"
        "  - programme.days[].start_time: the start and end time of every day\n"
        "  - hours.contact_hours: the net contact hours\n"
        "  - hours.study_load: the study load in hours\n"
        "  - evaluation: how the course is evaluated\n"
        "  - certificate_conditions: the conditions for the certificate\n"
        "  - editions: the dates and locations of the runs\n"
        "  - price: the cost\n"
        "  - accreditation_contact.name: a contact person for the registers (or the course's contact.name)\n"
        "(see 'ncmw-course check --for accreditation')\n"
    )
    assert not (tmp_path / "d.docx").exists()


@pytest.mark.parametrize("name", ["accreditation", "accreditation-json", "accreditation-pdf"])
def test_the_library_refuses_too(bundled_course: Course, name: str) -> None:
    with pytest.raises(NotReadyError) as raised:
        render(bundled_course, name)
    assert raised.value.format_name == name
    assert raised.value.fields[-1] == "accreditation_contact.name"


def test_build_skips_the_dossier_of_a_course_that_is_not_ready(tmp_path: Path) -> None:
    events: list[object] = []
    formats = ["accreditation", "accreditation-json", "json"]
    summary = build([], tmp_path, formats=formats, jobs=1, on_event=events.append)
    skipped = [str(event) for event in events if type(event).__name__ == "Skipped"]
    missing = (
        "level, programme.days[].start_time, hours.contact_hours, hours.study_load, evaluation, "
        "certificate_conditions, editions, price, accreditation_contact.name"
    )
    assert skipped == [
        f"Skipped {name} for ontrouw-binnen-de-relatie: not ready; missing {missing} "
        f"(see 'ncmw-course check --for {name}')"
        for name in ("accreditation", "accreditation-json")
    ]
    assert summary.ok
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".ncmw-course-build.json",
        "ontrouw-binnen-de-relatie.json",
    ]


def test_build_writes_the_dossier_of_a_ready_course(tmp_path: Path) -> None:
    build([REFERENCE["full"]], tmp_path, formats=["accreditation", "accreditation-json"], jobs=1)
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".ncmw-course-build.json",
        "gespreksvoering-bij-scheiding.accreditation.docx",
        "gespreksvoering-bij-scheiding.accreditation.json",
    ]


@pytest.mark.libreoffice
def test_one_libreoffice_run_converts_the_ready_dossiers(tmp_path: Path) -> None:
    """A build converts the dossiers of the ready courses together, and skips the others with the list."""
    events: list[object] = []
    bundled = TESTDATA.parent.parent / "data" / "course.json"
    build(
        [REFERENCE["full"], bundled], tmp_path, formats=["accreditation-pdf"], jobs=1, on_event=events.append
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".ncmw-course-build.json",
        "gespreksvoering-bij-scheiding.accreditation.pdf",
    ]
    (skipped,) = [str(event) for event in events if type(event).__name__ == "Skipped"]
    assert skipped.startswith(
        "Skipped accreditation-pdf for ontrouw-binnen-de-relatie: not ready; missing level,"
    )


def test_the_pdf_without_libreoffice_names_its_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    result = CliRunner().invoke(
        cli, ["export", "accreditation-pdf", str(REFERENCE["full"]), "-o", str(tmp_path / "d.pdf")]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: the accreditation-pdf format needs LibreOffice, and neither 'soffice'"
    )


def test_the_picture_of_page_one_is_there() -> None:
    """docs/dossier-page-1.png: the first page of the full test course's dossier, for the README."""
    assert (TESTDATA.parent.parent / "docs" / "dossier-page-1.png").stat().st_size > 10_000
