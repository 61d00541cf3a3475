"""Tests of ncmw_course._docs: field descriptions read from attribute docstrings."""

from __future__ import annotations

from typing import Any

from ncmw_course._docs import attribute_docs, describe_properties
from ncmw_course.fields import PhoneNumber
from ncmw_course.model import Course, Day


class Base:
    """A base with documented fields (any class works, not only models)."""

    kept: int
    """From the base.

    Second paragraph, indented like a docstring.
    """
    replaced: int
    """The base's words."""


class Child(Base):
    """A model whose fields are documented, or not, in every way the source allows."""

    replaced: int
    """The child's words."""
    plain: int
    undocumented_after_code: int
    _ = None
    """Not a field's docstring: the statement before it is not an annotation."""
    unannotated = 3
    """Not an annotated attribute either."""

    def method(self) -> None:
        inner: int = 1
        """Inside a method: not a field."""
        del inner


def test_docstrings_follow_the_annotations_they_document() -> None:
    assert attribute_docs(Child) == {
        "kept": "From the base.\n\nSecond paragraph, indented like a docstring.",
        "replaced": "The child's words.",
    }


def test_a_class_without_source_has_no_docs() -> None:
    made = type("Made", (), {"__annotations__": {"x": int}})
    assert attribute_docs(made) == {}


def test_the_course_model_is_documented_from_its_source() -> None:
    assert attribute_docs(Day)["theme"] == "The day's theme, as the brochure states it."
    assert attribute_docs(PhoneNumber)["display"].startswith("The number as written for people")
    assert set(Course.model_fields) <= set(attribute_docs(Course))


def test_describe_properties_fills_the_root_the_defs_and_anyof_objects() -> None:
    schema: dict[str, Any] = {
        "properties": {"kept": {"type": "integer"}, "other": {"type": "string"}},
        "$defs": {
            "Child": {"anyOf": [{"type": "string"}, {"properties": {"plain": {}, "replaced": {}}}]},
        },
    }
    describe_properties(schema, Base, {"Child": Child, "Absent": Base})
    assert schema == {
        "properties": {
            "kept": {
                "type": "integer",
                "description": "From the base.\n\nSecond paragraph, indented like a docstring.",
            },
            "other": {"type": "string"},
        },
        "$defs": {
            "Child": {
                "anyOf": [
                    {"type": "string"},
                    {"properties": {"plain": {}, "replaced": {"description": "The child's words."}}},
                ]
            },
        },
    }
    assert list(schema["properties"]["kept"]) == ["description", "type"]  # sorted, as pydantic writes


def test_the_readme_plugin_example_renders_the_outline() -> None:
    """The README's Markdown exporter is under 40 lines and writes every text of each reference course's outline."""
    import re
    import types

    from ncmw_course import load_course
    from ncmw_course.outline import brochure_outline
    from tests.conftest import REPO, TESTDATA
    from tests.test_outline import texts_of

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- plugin-example -->\n```python\n(.*?)```", readme, re.DOTALL)
    assert found is not None
    source = found.group(1)
    assert len(source.splitlines()) < 40
    module = types.ModuleType("markdown_example")
    exec(compile(source, "README.md", "exec"), module.__dict__)  # noqa: S102 - our own README's example
    exporter = module.MarkdownExporter()
    for path in (None, TESTDATA / "course_full.json", TESTDATA / "course_maximal.json"):
        course = load_course(path)
        markdown = exporter.render(course).decode("utf-8")
        outline = brochure_outline(course)
        texts = [
            text for text in texts_of(outline) if text and text not in (outline.subtitle, outline.summary)
        ]
        assert [text for text in texts if text not in markdown] == []
