"""Where each field of a course goes in each output, or why it has no place there.

:data:`FIELD_MAP` is one table, keyed by the dotted path of every leaf of the model
(``programme.days[].start_time``; ``[]`` is each item of a list), in the model's order. For every
output (the four documents, the two feeds and the canonical JSON) it holds one or more placements,
the kinds of :mod:`ncmw_course.placements`: shown in a document's text, a link's target or a
document property, a feed's JSON path, or nowhere, with the reason.

A feed path is dotted keys. ``[]`` is the item at the index of the field's own list, the lists of
the field's path taken in order (the n-th run, then the n-th day); ``[*]`` is any item, ``[N]``
item N, ``[key=value]`` the item whose ``key`` is ``value``, and ``*`` any key (of a localised
text). An :class:`At` that ``needs`` a field holds the value only when the course states that field:
a run's days exist only in a course with runs.

``tests/test_fieldmap.py`` checks the table against the model (a field without a line fails), and
``tests/test_completeness.py`` every output against the table. :func:`markdown_table` writes the
table for the README.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel

from ncmw_course._fieldmap_registers import REGISTER_ROWS
from ncmw_course._fieldmap_rows import ROWS
from ncmw_course.placements import DOCUMENTS, At, Linked, Nowhere, Output, Placement, Placements, Shown

__all__ = ["FIELD_MAP", "markdown_table", "model_leaves"]


def model_leaves(model: type[BaseModel] | None = None, prefix: str = "") -> Iterator[str]:
    """The dotted path of every leaf field of `model` (the course), in the model's order."""
    if model is None:
        from ncmw_course.model import Course

        model = Course
    for name, field in model.model_fields.items():
        annotation, is_list = _unwrap(field.annotation)
        path = f"{prefix}{name}{'[]' if is_list else ''}"
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from model_leaves(annotation, f"{path}.")
        else:
            yield path


def _unwrap(annotation: object) -> tuple[object, bool]:
    """The type inside Annotated, Optional and tuple[X, ...], and whether it was a tuple."""
    is_list = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
        elif origin is tuple:
            annotation, is_list = get_args(annotation)[0], True
        else:
            return annotation, is_list


def _field_map() -> dict[str, dict[Output, Placements]]:
    """The rows in the model's order (rows for no field last, for the test to find), each with its
    canonical JSON place."""
    order = {path: index for index, path in enumerate(model_leaves())}
    rows = {**ROWS, **REGISTER_ROWS}
    paths = sorted(rows, key=lambda path: order.get(path, len(order)))
    return {path: {**rows[path], "json": (At(path, "canonical"),)} for path in paths}


FIELD_MAP: dict[str, dict[Output, Placements]] = _field_map()
"""Every leaf of the course model, with its places in every output."""


def markdown_table() -> str:
    """The field map as a Markdown table, for the README: a row per field, a column per output.

    The four documents share a column: one cell where they agree, each format named where they
    differ. The canonical JSON holds every field at its own path, which a line under the table says.
    """
    lines = [
        "| field | documents (docx, epub, html, pdf) | JSON-LD (`jsonld`) | EDU-DEX (`edudex`) |",
        "|---|---|---|---|",
    ]
    for path, outputs in FIELD_MAP.items():
        cells = [_documents_cell(outputs), _cell(outputs["jsonld"]), _cell(outputs["edudex"])]
        lines.append(f"| `{path}` | {' | '.join(cells)} |")
    lines += ["", "The canonical `json` holds every field at its own path, as the course file does."]
    return "\n".join(lines) + "\n"


def _documents_cell(outputs: dict[Output, Placements]) -> str:
    cells = {output: _cell(outputs[output]) for output in DOCUMENTS}
    if len(set(cells.values())) == 1:
        return cells["docx"]
    return "; ".join(f"{output}: {cell}" for output, cell in cells.items())


def _cell(placements: Placements) -> str:
    return "; ".join(_describe(placement) for placement in placements)


def _describe(placement: Placement) -> str:
    """One placement in words: ``text: practical › price (written amount)``, ``— why not``."""
    if isinstance(placement, Nowhere):
        return f"— {placement.reason}"
    notes: list[str] = [] if placement.form == "as written" else [placement.form]
    if isinstance(placement, Shown):
        where = f"text: {placement.where}"
    elif isinstance(placement, Linked):
        where, notes = f"link: {placement.where}", []
    elif not isinstance(placement, At):
        where = f"property {placement.where}"
    else:
        where = f"`{placement.path}`"
        notes += [f"with `{placement.needs}`"] if placement.needs else []
    return f"{where} ({', '.join(notes)})" if notes else where
