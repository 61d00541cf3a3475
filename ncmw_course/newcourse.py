"""The course file that ``ncmw-course new`` writes for a coordinator to fill in.

Made from :func:`ncmw_course._fieldinfo.course_fields` (the model's docstrings and its JSON Schema),
never from a copy kept by hand:

- **YAML** (the default): every field, each with a one-line comment that says what it is, its type
  and an example. Required fields come first, as placeholders ``""`` that ``validate`` refuses
  with a message naming the field until they are filled in; optional fields follow, commented
  out (``# subtitle: ""``): removing the ``# `` uses one. Inside a commented-out group its own
  optional fields carry a second ``# ``, so that uncommenting the group leaves them optional.
- **JSON** (``--json``): JSON has no comments. Every field is there: the required ones as
  placeholders, the optional ones empty (``null``, ``[]``), which the model reads as left out. The
  editor explains each field through the schema, and ``ncmw-course schema --fields`` lists them.

A few values are filled in: ``format_version``, the slug, the date, the first day's number, and the
language and provider of the bundled course (NCMW's). A group that is required but has no required
field of its own (``contact``: at least one of phone, e-mail or website) shows all its fields as
placeholders.

The file names its schema for editors: YAML in a ``# yaml-language-server: $schema=…`` comment (the
YAML extension of VS Code and other editors read it), JSON in ``"$schema"``. The reference is the
``file:`` URI of the schema installed with the package (:func:`schema_path`), which resolves
wherever the course file is written; a relative path would only work inside the repository.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from ncmw_course._fieldinfo import Field, course_fields

__all__ = ["DEFAULT_SLUG", "course_template", "schema_path", "slug_from"]

DEFAULT_SLUG = "nieuwe-cursus"
PLACEHOLDER = ""
"""What a required field holds until it is filled in: empty text, which no field accepts."""

Json = Any

HEADER = """\
# A course for ncmw-course. Replace each "" with the course's own words: the
# comment after a field says what it is, with an example. Required fields come
# first. Lines that start with "# " are optional fields: remove the "# " to use
# one. Check the file with:  ncmw-course validate {name}
# Every field, with the values it allows:  ncmw-course schema --fields
#
# A list has one item per line that starts with "- ": a paragraph, a goal, a
# topic. A long paragraph may follow "- >-" on the lines below it, indented.
"""


def schema_path() -> Path:
    """The course JSON Schema installed with the package (the same as ``schema/course.schema.json``)."""
    return Path(__file__).resolve().parent / "schema" / "course.schema.json"


def slug_from(name: str) -> str:
    """A slug made of a name (``Mijn Cursus`` → ``mijn-cursus``); :data:`DEFAULT_SLUG` when nothing is left."""
    letters = "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char))
    slug = re.sub(r"[^a-z0-9]+", "-", letters.lower()).strip("-")
    return slug[:80].rstrip("-") or DEFAULT_SLUG


def course_template(
    slug: str = DEFAULT_SLUG,
    *,
    as_json: bool = False,
    name: str | None = None,
    updated: date | None = None,
    schema: str | None = None,
) -> str:
    """The text of a new course file.

    Args:
        slug: The course's slug.
        as_json: JSON instead of YAML.
        name: How the file is named in the check command of its header; the slug's file by default.
        updated: The date of the ``updated`` field; today by default.
        schema: The schema reference; by default the ``file:`` URI of :func:`schema_path`.
    """
    filled = _filled(slug, updated or date.today())  # the coordinator's calendar day
    reference = schema or schema_path().as_uri()
    if as_json:
        document = {"$schema": reference, **_json_values(course_fields(), filled)}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    header = HEADER.format(name=name or f"{slug}.yaml")
    lines = _yaml_lines(course_fields(), filled, indent="")
    return f"# yaml-language-server: $schema={reference}\n#\n{header}\n" + "\n".join(lines) + "\n"


def _filled(slug: str, updated: date) -> dict[str, Json]:
    """The values a new course starts with, by place; the rest are placeholders or left out."""
    from ncmw_course._fieldinfo import _bundled

    bundled = _bundled()
    return {
        "format_version": bundled["format_version"],
        "slug": slug,
        "language": bundled["language"],
        "updated": updated.isoformat(),
        "programme.days[].ordinal": 1,
        "provider.name": bundled["provider"]["name"],
        "provider.website": bundled["provider"]["website"],
    }


def _shown(field: Field, group_required: bool, siblings: tuple[Field, ...]) -> bool:
    """Whether a field is written as a value (else it is commented out, or left empty in JSON)."""
    return field.required or (group_required and not any(sibling.required for sibling in siblings))


def _ordered(fields: tuple[Field, ...]) -> list[Field]:
    return sorted(fields, key=lambda field: not field.required)  # stable: the schema's order otherwise


# ---------------------------------------------------------------- YAML


def _yaml_lines(
    fields: tuple[Field, ...], filled: dict[str, Json], indent: str, group_required: bool = True
) -> list[str]:
    lines: list[str] = []
    for field in _ordered(fields):
        shown = field.path in filled or _shown(field, group_required, fields)
        own = _yaml_field(field, filled, indent, used=shown)
        lines += own if shown else _commented(own, len(indent))
    return lines


def _yaml_field(field: Field, filled: dict[str, Json], indent: str, *, used: bool) -> list[str]:
    """The lines of one field, as if it were used (the caller comments out an optional one)."""
    comment = _comment(field, used=used)
    if field.is_group and field.is_list:
        item = _yaml_lines(field.fields, filled, indent + "    ", group_required=used)
        first = item[0]
        assert not first.lstrip().startswith("#"), f"{field.path}: a list item starts with a required field"
        return [f"{indent}{field.name}:  # {comment}", f"{indent}  - {first.lstrip()}", *item[1:]]
    if field.is_group:
        fields = _yaml_lines(field.fields, filled, indent + "  ", group_required=used)
        return [f"{indent}{field.name}:  # {comment}", *fields]
    value = _scalar(filled.get(field.path, PLACEHOLDER))
    if field.is_list:
        return [f"{indent}{field.name}:  # {comment}", f"{indent}  - {value}"]
    return [f"{indent}{field.name}: {value}  # {comment}"]


def _comment(field: Field, *, used: bool) -> str:
    """What the field is, its kind, its rules, an example: one line."""
    kind = field.kind.replace(" (below)", " ('ncmw-course schema --fields' lists them)")
    parts = ["" if used else "(optional)", field.description]
    parts += list(field.rules) if field.is_group else [kind[0].upper() + kind[1:] + "."]
    example = field.example[0] if field.is_list and field.example else field.example
    if example is not None:
        parts.append(f"Example: {_scalar(example)}")
    return " ".join(part for part in parts if part)


def _commented(lines: list[str], column: int) -> list[str]:
    """`lines` commented out at `column`, so that uncommenting them restores their indentation."""
    return [f"{line[:column]}# {line[column:]}" for line in lines]


def _scalar(value: Json) -> str:
    """A value as YAML reads it the same as JSON: text in double quotes, numbers and true as such."""
    return json.dumps(value, ensure_ascii=False)


# ---------------------------------------------------------------- JSON


def _json_values(
    fields: tuple[Field, ...], filled: dict[str, Json], group_required: bool = True
) -> dict[str, Json]:
    values: dict[str, Json] = {}
    for field in _ordered(fields):
        shown = field.path in filled or _shown(field, group_required, fields)
        if not shown:
            values[field.name] = [] if field.is_list else None
        elif field.is_group:
            group = _json_values(field.fields, filled, group_required=True)
            values[field.name] = [group] if field.is_list else group
        else:
            value = filled.get(field.path, PLACEHOLDER)
            values[field.name] = [value] if field.is_list else value
    return values
