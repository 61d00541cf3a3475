"""The field reference: every field of a course file in words, generated from the model.

``ncmw-course schema --fields`` prints it; ``docs/fields.md`` is its committed copy, which a test
keeps current (regenerate it with ``ncmw-course schema --fields > docs/fields.md``). Each field has
its place (``programme.days[].theme``), whether it is required, its type in plain words, the values
it allows, an example that the model accepts, and its description (the model's docstring).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from ncmw_course._fieldinfo import LISTED_VALUES, Field, course_fields

__all__ = ["field_reference"]

INTRODUCTION = """\
# The fields of a course file

<!-- Generated from the course model by 'ncmw-course schema --fields'; do not edit by hand. -->

A course file is YAML (`.yaml`) or JSON (`.json`); both hold the same fields. `ncmw-course new`
writes one to fill in. This reference lists every field, first the top level and then each group
of fields, in the order of the schema (`ncmw-course schema`).

- **required** fields must be there; **optional** ones may be left out (a required field of an
  optional group is needed only when the group is there).
- A *group of fields* holds fields of its own, written indented below it. A *list* holds items,
  each on a line that starts with `- `; in a list of groups, each group starts with `- `.
- `[]` in a place stands for each item of a list: `trainers[].name` is the name of each trainer.
- Examples are written as JSON, which YAML reads too: text in double quotes, `["…"]` for a list.
"""


def field_reference() -> str:
    """The field reference as Markdown, as ``docs/fields.md`` holds it."""
    sections = [INTRODUCTION]
    for title, description, rules, fields in _groups(course_fields()):
        sections.append(_section(title, description, rules, fields))
    return "\n".join(sections)


def _groups(
    fields: Sequence[Field], title: str = "The top level", description: str = "", rules: Sequence[str] = ()
) -> Iterator[tuple[str, str, Sequence[str], Sequence[Field]]]:
    """Each group of fields, the top level first, then its groups in order (depth first)."""
    yield title, description, rules, fields
    for field in fields:
        if field.is_group:
            place = f"{field.path}[]" if field.is_list else field.path
            yield from _groups(field.fields, f"`{place}`", field.description, field.rules)


def _section(title: str, description: str, rules: Sequence[str], fields: Sequence[Field]) -> str:
    lines = [f"## {title}", ""]
    if description:
        lines += [description, ""]
    lines += [f"Rule: {rule}" for rule in rules]  # the model's check_… validators
    if rules:
        lines.append("")
    lines += ["| field | required | type | example | what it is |", "|---|---|---|---|---|"]
    for field in fields:
        kind = f"{field.kind} (below)" if field.is_group else field.kind
        cells = [f"`{field.path}`", "required" if field.required else "optional", kind, _example(field)]
        lines.append("| " + " | ".join(_cell(cell) for cell in [*cells, field.description]) + " |")
    for field in fields:
        if len(field.allowed) > LISTED_VALUES:
            values = ", ".join(f"`{value}`" for value in field.allowed)
            lines += ["", f"`{field.path}` allows: {values}."]
    return "\n".join(lines) + "\n"


def _example(field: Field) -> str:
    if field.example is None:
        return ""
    return f"`{json.dumps(field.example, ensure_ascii=False)}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
