"""A draft course as the text of a course file: JSON, or YAML in the style of ``ncmw-course new``.

YAML is written here rather than by a YAML library: every value is a JSON scalar (text in double
quotes, numbers and ``true`` as they are), which YAML 1.2 reads the same, so a text that looks like
a number or holds ``: `` stays text, with no quoting rules to get right. The file names its schema,
as ``new``'s files do, so that editors check it as the coordinator fills it in.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["course_text"]


def course_text(data: dict[str, Any], *, as_yaml: bool) -> str:
    """The text of a course file holding `data`: YAML when `as_yaml`, else JSON (two-space indent)."""
    from ncmw_course.newcourse import schema_path

    reference = schema_path().as_uri()
    if not as_yaml:
        return json.dumps({"$schema": reference, **data}, ensure_ascii=False, indent=2) + "\n"
    lines = [f"# yaml-language-server: $schema={reference}", *_mapping(data, "")]
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _mapping(data: dict[str, Any], indent: str) -> list[str]:
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines += (
                [f"{indent}{key}:", *_mapping(value, indent + "  ")] if value else [f"{indent}{key}: {{}}"]
            )
        elif isinstance(value, list):
            lines += (
                [f"{indent}{key}:", *_sequence(value, indent + "  ")] if value else [f"{indent}{key}: []"]
            )
        else:
            lines.append(f"{indent}{key}: {_scalar(value)}")
    return lines


def _sequence(items: list[Any], indent: str) -> list[str]:
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict) and item:
            first, *rest = _mapping(item, indent + "  ")
            lines += [f"{indent}- {first.lstrip()}", *rest]
        elif isinstance(item, list) and item:
            first, *rest = _sequence(item, indent + "  ")
            lines += [f"{indent}- {first.lstrip()}", *rest]
        else:
            lines.append(
                f"{indent}- {_scalar(item) if not isinstance(item, dict | list) else json.dumps(item)}"
            )
    return lines
