"""Per-register rules of ``check --for accreditation --register NAME`` (ncmw_course.registers): each
rule, its message citing the register's rule, and the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ncmw_course import Course, parse_course
from ncmw_course.cli import REGISTER_NAMES, cli
from ncmw_course.readiness import check_readiness
from ncmw_course.registers import REGISTERS, check_register
from tests.conftest import TESTDATA

Json = dict[str, Any]

SKJ_RULE = (
    "SKJ requires a final test for e-learning, blended learning and courses of 18 hours or more, test hours "
    "excluded"
)
REGISTERPLEIN_RULE = (
    "Registerplein gives 1 point per hour of net training; reception, breaks, meals, travel, welcome and "
    "introductions do not count"
)


def full(**changes: Any) -> Json:
    """The full test course as a dict (ready for every register), with `changes`."""
    document: Json = json.loads((TESTDATA / "course_full.json").read_text(encoding="utf-8"))
    return document | changes


def twenty_hours(**changes: Any) -> Json:
    """The full course with 20 typed contact hours and no sessions (so the hours are the typed ones),
    no assessment, and an accreditation requested from SKJ."""
    document = full(**{"hours": {"contact_hours": 20, "study_load": 20}, **changes})
    if "assessment" not in changes:
        del document["assessment"]
    for day in document["programme"]["days"]:
        del day["sessions"]
    return document


def course(document: Json) -> Course:
    return parse_course(json.dumps(document, ensure_ascii=False))


def missing(document: Json, register: str) -> list[tuple[str, str]]:
    return [(item.field, item.description) for item in check_register(course(document), register).missing]


def descriptions(document: Json, register: str, field: str) -> list[str]:
    return [
        item.description
        for item in check_register(course(document), register).requirements
        if item.field == field
    ]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(tmp_path: Path, document: Json) -> str:
    path = tmp_path / "c.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


# SKJ: the final test


def test_skj_refuses_a_twenty_hour_course_without_a_final_test(runner: CliRunner, tmp_path: Path) -> None:
    """The done-when of issue 18: the check fails, and says SKJ's rule."""
    result = runner.invoke(
        cli, ["check", "--for", "accreditation", "--register", "skj", write(tmp_path, twenty_hours())]
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].endswith(
        "(“Gespreksvoering bij scheiding”) is not ready for accreditation by SKJ: 2 of 19 missing"
    )
    assert [line for line in lines if line.startswith("  MISSING")] == [
        "  MISSING  assessment                   whether, and how, participants are tested (asked by SKJ)",
        f"  MISSING  assessment.final_test        a final test, since it has 20 hours without tests: {SKJ_RULE}",
    ]


def test_skj_takes_the_same_course_with_a_final_test(runner: CliRunner, tmp_path: Path) -> None:
    tested = twenty_hours(assessment={"final_test": True, "description": ["Een kennistoets op dag 3."]})
    result = runner.invoke(
        cli, ["check", "--for", "accreditation", "--register", "skj", write(tmp_path, tested)]
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].endswith("is ready for accreditation by SKJ")
    assert (
        f"  present  assessment.final_test        a final test, since it has 20 hours without tests: {SKJ_RULE}"
        in (result.stdout.splitlines())
    )


def test_an_assessment_without_a_final_test_is_not_one() -> None:
    untested = twenty_hours(assessment={"final_test": False, "description": ["Er is geen toets."]})
    assert missing(untested, "skj") == [
        ("assessment.final_test", f"a final test, since it has 20 hours without tests: {SKJ_RULE}")
    ]


def test_test_hours_do_not_count_towards_skj_s_eighteen() -> None:
    """18.5 hours of which 1 is a test are 17.5 hours: no final test is needed."""
    document = twenty_hours(hours={"study_load": 18.5})
    document["programme"]["days"][2]["sessions"] = [
        {"start_time": "09:30", "end_time": "10:00", "title": "Kennistoets", "kind": "test"},
        {"start_time": "10:00", "end_time": "10:30", "title": "Toets, deel 2", "kind": "test"},
    ]
    assert descriptions(document, "skj", "assessment.final_test") == [
        f"no final test needed (17.5 hours without tests, not e-learning or blended): {SKJ_RULE}"
    ]
    assert (
        "assessment.final_test",
        descriptions(document, "skj", "assessment.final_test")[0],
    ) not in missing(document, "skj")


def test_blended_learning_needs_a_final_test_whatever_its_hours() -> None:
    document = twenty_hours(hours={"contact_hours": 6, "study_load": 6})
    document["editions"][1]["mode"] = "blended"
    assert ("assessment.final_test", f"a final test, since it is blended learning: {SKJ_RULE}") in missing(
        document, "skj"
    )


def test_e_learning_needs_a_final_test() -> None:
    document = twenty_hours(hours={"contact_hours": 6, "study_load": 6})
    document["edudex"]["program_forms"] = ["e-learning"]
    assert ("assessment.final_test", f"a final test, since it is e-learning: {SKJ_RULE}") in missing(
        document, "skj"
    )


def test_unknown_hours_leave_skj_s_rule_undecided() -> None:
    document = twenty_hours()
    del document["hours"]
    assert (
        "hours.study_load",
        f"the hours (study load or net contact hours), to know whether a final test is needed: {SKJ_RULE}",
    ) in missing(document, "skj")


# Registerplein: 1 point per net hour


def test_registerplein_s_points_agree_with_the_net_hours(full_course: Course) -> None:
    readiness = check_register(full_course, "registerplein")
    assert readiness.ready
    (points,) = [item for item in readiness.requirements if item.field == "accreditations[0].points"]
    assert points.description == f"18 points for 18 net hours: {REGISTERPLEIN_RULE}"


def test_points_that_differ_from_the_net_hours_are_missing() -> None:
    document = full()
    document["accreditations"][0]["points"] = 20
    assert missing(document, "registerplein") == [
        ("accreditations[0].points", f"20 points, but 18 net hours give 18: {REGISTERPLEIN_RULE}")
    ]


def test_without_an_accreditation_listed_the_points_to_request_are_said() -> None:
    document = full(accreditations=[])
    assert descriptions(document, "registerplein", "accreditations[].points") == [
        f"points: 18 for 18 net hours, when you request them: {REGISTERPLEIN_RULE}"
    ]
    assert check_register(course(document), "registerplein").ready


def test_without_net_hours_there_are_no_points() -> None:
    document = twenty_hours()
    del document["hours"]
    assert (
        "accreditations[].points",
        f"the points, which follow from the net contact hours the course does not state yet: {REGISTERPLEIN_RULE}",
    ) in missing(document, "registerplein")


def test_registerplein_asks_for_the_sessions_that_give_the_net_hours() -> None:
    """Typed contact hours are not enough: the wizard wants each day's times, breaks and all."""
    document = twenty_hours(hours={"contact_hours": 18, "study_load": 24})
    assert (
        "programme.days[].sessions",
        "the times of every day's sessions and breaks, from which the net hours are counted (asked by Registerplein)",
    ) in missing(document, "registerplein")


@pytest.mark.parametrize("written", ["Registerplein", "registerplein", "REGISTERPLEIN (PE-online)"])
def test_a_register_is_found_by_its_name_as_written(written: str) -> None:
    document = full()
    document["accreditations"][0]["registry"] = written
    document["accreditations"][0]["points"] = 17
    assert [field for field, _ in missing(document, "registerplein")] == ["accreditations[0].points"]


@pytest.mark.parametrize("written", ["Registerpleinen", "Registers"])
def test_another_register_is_not_registerplein(written: str) -> None:
    document = full()
    document["accreditations"][0]["registry"] = written
    assert descriptions(document, "registerplein", "accreditations[].points")[0].startswith("points: 18")


def test_skj_is_found_by_its_full_name() -> None:
    assert REGISTERS["skj"].names_it(course(full()).accreditations[1])
    renamed = full()
    renamed["accreditations"][1]["registry"] = "Stichting Kwaliteitsregister Jeugd"
    assert REGISTERS["skj"].names_it(course(renamed).accreditations[1])


# The generic register and the core checklist


def test_the_generic_register_asks_pe_online_s_questions() -> None:
    document = twenty_hours()
    del document["editions"][0]["mode"]
    del document["trainers"][1]["qualifications"]
    assert missing(document, "generic") == [
        (
            "programme.days[].sessions",
            (
                "the times of every day's sessions and breaks, from which the net hours are counted "
                "(asked by the registers in PE-online)"
            ),
        ),
        (
            "editions[].mode",
            "the kind of course: how each run is given (onsite, online or blended) (asked by the registers in PE-online)",
        ),
        (
            "trainers[].qualifications",
            "the training or qualifications of every trainer (asked by the registers in PE-online)",
        ),
    ]


def test_every_register_adds_to_the_core_checklist(full_course: Course) -> None:
    core = check_readiness(full_course, "accreditation").requirements
    for key in REGISTERS:
        assert check_register(full_course, key).requirements[: len(core)] == core


def test_the_register_contact_or_the_course_contact_is_the_contact_person() -> None:
    document = full()
    del document["accreditation_contact"]
    assert check_readiness(course(document), "accreditation").ready
    del document["contact"]["name"]
    assert [item.field for item in check_readiness(course(document), "accreditation").missing] == [
        "accreditation_contact.name"
    ]


def test_computed_net_hours_are_the_contact_hours_the_checklist_asks() -> None:
    document = full()
    del document["hours"]["contact_hours"]
    assert check_readiness(course(document), "accreditation").ready


# The command line


def test_the_register_choices_are_the_tables() -> None:
    assert sorted(REGISTER_NAMES) == sorted(REGISTERS)


def test_register_is_for_accreditation_only(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "--for", "edudex", "--register", "skj"])
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: --register applies to --for accreditation, not to --for edudex\n")


def test_an_unknown_register_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", "--for", "accreditation", "--register", "nip"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for '--register': 'nip' is not one of 'registerplein', 'skj', 'generic'.\n"
    )
