"""Where an edited brochure says other facts than its course file: dates, places, price, contact details.

``import --into`` never changes these (the course file owns them); it reports each difference,
comparing the brochure's lines with the lines the course file gives its brochure
(:func:`ncmw_course.outline.brochure_outline`), so that the comparison is of the same words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ncmw_course.importing._brochure import sections
from ncmw_course.outline import BulletList, Facts, Paragraph, Subsection, brochure_outline

if TYPE_CHECKING:
    from ncmw_course.importing._structure import Brochure
    from ncmw_course.model import Course
    from ncmw_course.outline import Fact, Outline

__all__ = ["contradictions"]

_FIELDS = {
    "editions": "editions",
    "price": "price",
    "hours": "hours",
    "level": "level",
    "max_participants": "max_participants",
    "accreditations": "accreditations",
    "certificate": "certificate, certificate_conditions",
    "evaluation": "evaluation",
}


def contradictions(course: Course, brochure: Brochure, name: str) -> list[str]:
    """A line for each fact the brochure states otherwise than the course file `name`."""
    outline = brochure_outline(course)
    parts = sections(brochure.blocks, outline.labels)
    found: list[str] = []
    expected = {row.label: (row.key, _values(row)) for row in _rows(outline, "practical")}
    shown = {
        block.cells[0][0]: block.cells[1]
        for block in parts.get("practical", [])
        if block.role == "row" and block.cells
    }
    for label in dict.fromkeys([*expected, *shown]):
        key, lines = expected.get(label, ("", ()))
        if tuple(shown.get(label, ())) != lines:
            field = _FIELDS.get(key, label)
            found.append(
                _line(f"'{label}'", " / ".join(shown.get(label, ())), " / ".join(lines), field, name)
            )
    found += _days(outline, parts.get("programme", []), name)
    found += _contact(outline, parts.get("contact", []), name)
    return found


def _rows(outline: Outline, section_id: str) -> list[Fact]:
    section = outline.section(section_id)
    return [
        row for block in (section.blocks if section else ()) if isinstance(block, Facts) for row in block.rows
    ]


def _values(row: Fact) -> tuple[str, ...]:
    return tuple(value if isinstance(value, str) else value.text for value in row.values)


def _line(what: str, says: str, has: str, field: str, name: str) -> str:
    brochure = f"says '{says}'" if says else "leaves it out"
    course = f"'{has}'" if has else "nothing"
    return f"Not changed: the brochure's {what} {brochure} where {name} has {course}; if the brochure is right, change {field} in {name}"


def _days(outline: Outline, blocks: list, name: str) -> list[str]:  # type: ignore[type-arg]
    section = outline.section("programme")
    expected = [
        next((b.text for b in block.blocks if isinstance(b, Paragraph) and b.role == "when"), "")
        for block in (section.blocks if section else ())
        if isinstance(block, Subsection)
    ]
    shown: list[str] = []
    for block in blocks:
        if block.role == "h2":
            shown.append("")
        elif block.role == "p" and block.italic and shown and not shown[-1]:
            shown[-1] = block.text
    found: list[str] = []
    for index, (has, says) in enumerate(zip(expected, shown, strict=False)):
        if has != says:
            field = f"programme.days[{index}] (date, start_time, end_time, location)"
            found.append(_line(f"date and place of day {index + 1}", says, has, field, name))
    if len(expected) != len(shown):
        found.append(
            f"Not changed: the brochure has {len(shown)} days where {name} has {len(expected)}; "
            f"add or remove days in {name}"
        )
    return found


def _contact(outline: Outline, blocks: list, name: str) -> list[str]:  # type: ignore[type-arg]
    section = outline.section("contact")
    expected: list[str] = []
    for block in section.blocks if section else ():
        if isinstance(block, Paragraph):
            expected.append(block.text)
        elif isinstance(block, Facts):
            expected += [f"{row.label} {', '.join(_values(row))}" for row in block.rows]
        elif isinstance(block, BulletList):  # pragma: no cover - a contact block has no list
            expected += list(block.items)
    shown = [block.text for block in blocks if block.role == "p"]
    return [
        _line("contact line", says, "", "contact or provider", name) for says in shown if says not in expected
    ] + [_line("contact line", "", has, "contact or provider", name) for has in expected if has not in shown]
