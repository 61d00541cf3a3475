"""Readiness checklists: what each target needs, and what a course lacks; formats that declare theirs."""

from __future__ import annotations

import pytest

from exporters.edudex import EdudexExporter
from ncmw_course import Course
from ncmw_course.errors import NotReadyError, UnknownTargetError
from ncmw_course.exporting import exporter_info, get_exporter
from ncmw_course.readiness import (
    DeclaresRequirements,
    Requirement,
    check_readiness,
    check_target,
    refusal,
    target_names,
)
from tests.conftest import REPO


def missing(course: Course, target: str) -> list[str]:
    return [requirement.field for requirement in check_readiness(course, target).missing]


def test_targets() -> None:
    """The core accreditation checklist and the built-in formats that declare requirements: the
    dossier's three (whose checklist is the core one), edudex, ics, jsonld and the sitemap."""
    assert target_names() == [
        "accreditation",
        "accreditation-json",
        "accreditation-pdf",
        "edudex",
        "ics",
        "jsonld",
        "sitemap",
    ]


def test_formats_declare_their_level() -> None:
    """edudex needs its requirements to render, jsonld only recommends them, json declares none."""
    levels = {name: exporter_info(name).requirement_level for name in ("edudex", "jsonld", "json")}
    assert levels == {"edudex": "required", "jsonld": "recommended", "json": None}
    assert isinstance(get_exporter("edudex"), DeclaresRequirements)
    assert not isinstance(get_exporter("json"), DeclaresRequirements)


def test_a_format_s_checklist_is_its_exporter_s(full_course: Course) -> None:
    """check_readiness applies the checklist the exporter declares."""
    checked = check_readiness(full_course, "edudex")
    assert checked.requirements == tuple(EdudexExporter().requirements(full_course))


class TestPluginTargets:
    @pytest.fixture(autouse=True)
    def fake_plugin(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Install the test plugin, whose needy and hopeful formats declare requirements."""
        monkeypatch.syspath_prepend(str(REPO / "tests" / "fake_plugin"))

    def test_a_plugin_s_format_is_a_target(self, bundled_course: Course) -> None:
        """A plugin's format that declares requirements is a target; one that declares none is not."""
        assert target_names() == [
            "accreditation", "accreditation-json", "accreditation-pdf", "edudex", "hopeful", "ics", "jsonld",
            "needy", "sitemap",
        ]  # fmt: skip
        assert check_readiness(bundled_course, "needy").missing == (
            Requirement("price", "the cost", present=False),
        )

    @pytest.mark.parametrize(
        ("target", "message"),
        [
            ("springest", "unknown target 'springest'"),
            ("picky", "the format 'picky' declares no requirements"),
        ],
    )
    def test_unknown_target_lists_the_targets(
        self, bundled_course: Course, target: str, message: str
    ) -> None:
        """A name that is no target is refused with the list of targets, before any check."""
        choices = (
            "; choose one of: accreditation, accreditation-json, accreditation-pdf, edudex, hopeful, ics, jsonld, "
            "needy, sitemap"
        )
        for attempt in (lambda: check_target(target), lambda: check_readiness(bundled_course, target)):
            with pytest.raises(UnknownTargetError) as caught:
                attempt()
            assert str(caught.value) == message + choices


def test_refusal_lists_only_what_is_missing() -> None:
    """The refusal of a course names the format and each missing requirement; none when all are there."""
    needs = [Requirement("title", "the title", True), Requirement("price", "the cost", False)]
    error = refusal("needy", needs)
    assert error is not None
    assert (error.missing, error.fields) == (("price: the cost",), ("price",))
    assert refusal("needy", needs[:1]) is None


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
        "accreditation_contact.name",
    ]


@pytest.mark.parametrize("target", [name for name in target_names() if name != "sitemap"])
def test_full_course_is_ready_for_everything(full_course: Course, target: str) -> None:
    """The full test course meets every requirement of every target but the sitemap's (next test)."""
    readiness = check_readiness(full_course, target)
    assert readiness.ready
    assert readiness.missing == ()


def test_a_sitemap_needs_to_know_where_the_pages_are(full_course: Course) -> None:
    """The full course's url is not a <slug>.html address, so a sitemap of its page needs --base-url."""
    assert [(item.field, item.description) for item in check_readiness(full_course, "sitemap").missing] == [
        (
            "url",
            (
                "the address of the course's page, ending in /gespreksvoering-bij-scheiding.html "
                "(or build with --base-url)"
            ),
        )
    ]
    placed = full_course.model_copy(
        update={"url": "https://www.ncmw.nl/cursussen/gespreksvoering-bij-scheiding.html"}
    )
    assert check_readiness(placed, "sitemap").ready


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
