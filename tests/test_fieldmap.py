"""Tests of the field map: it covers every field of the model, names real places, and renders for the README."""

from __future__ import annotations

from collections.abc import Callable

from ncmw_course import Course, load_course
from ncmw_course.fieldmap import FIELD_MAP, markdown_table, model_leaves
from ncmw_course.fields import Text
from ncmw_course.labels import labels_for
from ncmw_course.model import Edition
from ncmw_course.outline import practical_facts
from ncmw_course.placements import DOCUMENTS, OUTPUTS, At, Linked, Nowhere, Shown
from tests.conftest import TESTDATA

SECTIONS = {
    "title page",
    "introduction",
    "practical",
    "audience",
    "programme",
    "method",
    "assessment",
    "literature",
    "trainers",
    "contact",
}
"""The parts of the brochure a document place may name: the outline's sections and its title page."""


def test_every_field_of_the_model_has_a_line() -> None:
    """Every leaf of the course model is a row of the field map, and every row is a leaf of the model."""
    leaves = list(model_leaves())
    assert [path for path in leaves if path not in FIELD_MAP] == []
    assert [path for path in FIELD_MAP if path not in leaves] == []
    assert list(FIELD_MAP) == leaves  # in the model's order


def test_a_field_added_to_the_model_is_a_leaf_the_map_lacks() -> None:
    """A model with one more field has one more leaf, so the test above fails until the map has it."""

    class LongerCourse(Course):
        extra_fact: Text | None = None

    assert [path for path in model_leaves(LongerCourse) if path not in FIELD_MAP] == ["extra_fact"]


def test_leaves_reach_into_nested_models_and_lists() -> None:
    """Leaves are dotted paths through nested models, with [] for each item of a list."""
    leaves = set(model_leaves())
    assert {
        "contact.phone.e164",
        "programme.days[].location.country",
        "programme.days[].topics[]",
        "editions[].day_dates[]",
        "url.url",
        "edudex.program_forms[]",
    } <= leaves
    assert "editions[].location.locality" in set(model_leaves(Edition, "editions[]."))
    assert not {"programme", "programme.days[]", "contact", "contact.phone"} & leaves


def test_every_output_has_a_place_or_a_reason() -> None:
    """Each field has at least one placement in every output, and each Nowhere says why."""
    for path, outputs in FIELD_MAP.items():
        assert tuple(outputs) == (*DOCUMENTS, "jsonld", "edudex", "json"), path
        assert set(outputs) == set(OUTPUTS)
        assert all(outputs.values()), path
        reasons = [
            place.reason for places in outputs.values() for place in places if isinstance(place, Nowhere)
        ]
        assert all(reason.strip() for reason in reasons), path


def test_every_field_is_in_the_canonical_json_at_its_own_path() -> None:
    """The json output holds every field at its own path, in its canonical form."""
    assert all(outputs["json"] == (At(path, "canonical"),) for path, outputs in FIELD_MAP.items())


def test_document_places_name_parts_of_the_brochure() -> None:
    """A document place names an outline section (or the title page), and a practical fact by its key."""
    maximal = load_course(TESTDATA / "course_maximal.json")
    facts = {fact.key for fact in practical_facts(maximal, labels_for(maximal))}
    for path, outputs in FIELD_MAP.items():
        for place in (place for output in DOCUMENTS for place in outputs[output]):
            if not isinstance(place, Shown | Linked):
                continue
            for where in place.where.split("; "):
                section, *parts = where.split(" › ")
                assert section in SECTIONS | {"footer"}, (path, where)
                assert section != "practical" or parts[0] in facts, (path, where)


def test_feed_paths_bind_no_more_lists_than_the_field_has() -> None:
    """A feed path's [] are bound to the field's own lists, so it has at most as many."""
    for path, outputs in FIELD_MAP.items():
        for place in (place for places in outputs.values() for place in places if isinstance(place, At)):
            assert place.path.count("[]") <= path.count("[]"), (path, place.path)
            assert place.needs is None or place.needs in FIELD_MAP or place.needs == "editions"


def test_the_readme_table(golden: Callable[[str, bytes], None]) -> None:
    """The README's mapping table is the field map's Markdown, kept as a golden file."""
    golden("fieldmap.md", markdown_table().encode("utf-8"))


def test_the_readme_table_has_a_row_per_field() -> None:
    """The table has its header, then one row per field in the map's order, then the json line."""
    lines = markdown_table().splitlines()
    rows = [line for line in lines if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == list(FIELD_MAP)
    assert all(row.count(" | ") == 3 for row in rows)
    assert lines[-1] == "The canonical `json` holds every field at its own path, as the course file does."


def test_a_cell_says_where_or_why_not() -> None:
    """A row shows the outline place and written form, the feed path with its form and need, or the reason."""
    rows = {line.split("`")[1]: line for line in markdown_table().splitlines() if line.startswith("| `")}
    assert rows["programme.days[].date"] == (
        "| `programme.days[].date` | text: programme › day › when (written date) "
        "| `hasCourseInstance[*].subEvent[].startDate` (ISO date, with `editions`) "
        "| `programSchedule.programRun[*].courseDay[*].date` (ISO date) |"
    )
    assert "| — no schema.org term for a working method |" in rows["method[]"]
    assert rows["language"].startswith(
        "| `language` | docx: property language; epub: property dc:language; html: property lang; pdf: property Lang |"
    )


def test_the_readme_shows_the_field_map() -> None:
    """The README's section "Where each fact goes" is markdown_table(), as it is now."""
    import re

    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- fieldmap -->\n(.*?)\n<!-- /fieldmap -->", readme, re.DOTALL)
    assert found is not None
    assert found.group(1) == markdown_table().rstrip()
