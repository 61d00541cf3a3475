"""A checker of JSON-LD documents against the schema.org vocabulary, release 30.0.

It reads the release's two CSV files (``tests/conformance/schemaorg-30.0/``; see that folder's
README for their source and licence) and checks every node of a document:

- the node has an ``@type``, and each of its types exists, is a class (not a data type or an
  enumeration member) and is not superseded;
- each property exists and is not superseded;
- the property's ``domainIncludes`` holds one of the node's types or one of their supertypes
  (``subTypeOf``, followed transitively);
- each value is within the property's ``rangeIncludes``.

A value is within a range when:

- a node: one of its types is a range type or a subtype of one; ``Thing`` admits every node. A bare
  reference ``{"@id": …}`` is admitted by any range that holds a class.
- a string: by ``Text`` and its subtypes, except that ``URL`` (and its subtypes) needs an absolute
  IRI (``scheme:…``, no spaces); by ``Date``, ``DateTime`` and ``Time`` in their ISO 8601 forms; by
  ``Duration`` as an ISO 8601 duration (``PT18H``), and by the other quantities (``Mass`` …) as a
  number and a unit (``7 kg``): schema.org writes quantities as strings, although ``Quantity`` is not
  a data type; and by an enumeration when the string is the ``https://schema.org/…`` IRI of one of
  its members (or of a subtype's). A string is not a number or a boolean:
  ``"3"`` is not admitted by ``Integer``.
- a JSON integer: by ``Number``, ``Integer`` and ``Float``; a JSON fraction (``18.5``, also ``18.0``)
  by ``Number`` and ``Float``; ``true``/``false`` by ``Boolean`` only.

Why this strict: schema.org itself is lenient ("Text is expected, but any value is fine"), and so
is Google's validator. A catalogue feed should be exact, so text in place of a node, a date in a
local format and a number written as text all count as problems.

Terms tagged ``pending`` are accepted: many course terms (``provider``, ``teaches``,
``courseWorkload``, ``syllabusSections``) are pending in 30.0.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache, cached_property
from pathlib import Path
from typing import Any

__all__ = ["SCHEMAORG", "Property", "Vocabulary", "schemaorg_vocabulary"]

CONFORMANCE = Path(__file__).resolve().parent / "conformance"
"""The vendored conformance data: third-party vocabularies and schemas our feeds are checked against."""

SCHEMAORG = CONFORMANCE / "schemaorg-30.0"
"""The schema.org 30.0 vocabulary CSVs."""

TYPES_CSV = "schemaorg-current-https-types.csv"
PROPERTIES_CSV = "schemaorg-current-https-properties.csv"

_PREFIX = "https://schema.org/"
_CONTEXTS = frozenset(
    {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}
)
_NODE_KEYWORDS = frozenset({"@type", "@id"})

# The lexical forms a JSON string must have to be read as one of the literal range types.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIME = re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")
_ISO_DATE_TIME = re.compile(rf"{_ISO_DATE.pattern}T{_ISO_TIME.pattern}")
_NUMBER = r"\d+(\.\d+)?"
_ISO_DURATION = re.compile(
    rf"P(?=\d|T\d)({_NUMBER}Y)?({_NUMBER}M)?({_NUMBER}W)?({_NUMBER}D)?"
    rf"(T(?=\d)({_NUMBER}H)?({_NUMBER}M)?({_NUMBER}S)?)?"
)
_QUANTITY = re.compile(rf"-?{_NUMBER} \S.*")
_TEMPORAL: dict[str, tuple[re.Pattern[str], Callable[[str], object]]] = {
    "Date": (_ISO_DATE, date.fromisoformat),
    "DateTime": (_ISO_DATE_TIME, datetime.fromisoformat),
    "Time": (_ISO_TIME, time.fromisoformat),
}
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
_DATA_TYPES = frozenset({"Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Float", "Boolean"})
_NUMBERS = frozenset({"Number", "Integer", "Float"})


@dataclass(frozen=True)
class Property:
    """A schema.org property: where it may be used, what it may hold, and what replaced it."""

    domain: frozenset[str]
    range: frozenset[str]
    superseded_by: str


@dataclass(frozen=True)
class Vocabulary:
    """The classes, enumeration members and properties of one schema.org release, by short name."""

    parents: Mapping[str, frozenset[str]]
    """Each class (and data type), with its direct supertypes within schema.org."""
    superseded_types: Mapping[str, str]
    """Classes that are superseded, with the class that replaces them."""
    members: Mapping[str, str]
    """Each enumeration member, with its enumeration."""
    properties: Mapping[str, Property]

    @classmethod
    def load(cls, folder: Path) -> Vocabulary:
        """Read the release's types and properties CSVs from `folder`."""
        parents: dict[str, frozenset[str]] = {}
        superseded_types: dict[str, str] = {}
        members: dict[str, str] = {}
        for row in _rows(folder / TYPES_CSV):
            name = _short(row["id"])
            if row["enumerationtype"]:
                members[name] = _short(row["enumerationtype"])
                continue
            parents[name] = frozenset(_names(row["subTypeOf"]))
            if row["supersededBy"]:
                superseded_types[name] = _short(row["supersededBy"])
        properties = {
            _short(row["id"]): Property(
                domain=frozenset(_names(row["domainIncludes"])),
                range=frozenset(_names(row["rangeIncludes"])),
                superseded_by=_short(row["supersededBy"]),
            )
            for row in _rows(folder / PROPERTIES_CSV)
        }
        return cls(parents, superseded_types, members, properties)

    @cached_property
    def _lineages(self) -> dict[str, frozenset[str]]:
        lineages: dict[str, frozenset[str]] = {}

        def lineage(name: str) -> frozenset[str]:
            if name not in lineages:
                lineages[name] = frozenset()  # a cycle, should the data have one, ends here
                above = (lineage(parent) for parent in self.parents.get(name, ()))
                lineages[name] = frozenset({name}).union(*above)
            return lineages[name]

        for name in self.parents:
            lineage(name)
        return lineages

    def lineage(self, name: str) -> frozenset[str]:
        """`name` and all its supertypes, following ``subTypeOf`` transitively."""
        return self._lineages.get(name, frozenset({name}))

    def check(self, document: Any) -> list[str]:
        """Every way `document` breaks the vocabulary, one readable line each; empty when it is valid.

        The document is a JSON-LD object with ``"@context": "https://schema.org"``; its nodes may
        also be listed under ``@graph``.
        """
        problems: list[str] = []
        if not isinstance(document, dict):
            return [f"$: a JSON-LD document here is an object, not {_describe(document)}"]
        context = document.get("@context")
        if context not in _CONTEXTS:
            problems.append(f'$: "@context" is {context!r}; it must be "https://schema.org"')
        body = {key: value for key, value in document.items() if key != "@context"}
        if "@graph" in body:
            graph = body.pop("@graph")
            if body:
                problems.append(f"$: {sorted(body)} beside @graph; put every node in the graph")
            if not isinstance(graph, list):
                return [*problems, f"$.@graph: must be a list of nodes, not {_describe(graph)}"]
            for index, node in enumerate(graph):
                if isinstance(node, dict):
                    self._check_node(node, f"$.@graph[{index}]", problems)
                else:
                    problems.append(f"$.@graph[{index}]: must be a node, not {_describe(node)}")
        else:
            self._check_node(body, "$", problems)
        return problems

    def _check_node(self, node: Mapping[str, Any], path: str, problems: list[str]) -> list[str]:
        """Check `node` and what it holds; return its valid types (empty when it has none)."""
        types = self._node_types(node, path, problems)
        for key, value in node.items():
            where = f"{path}.{key}"
            if key in _NODE_KEYWORDS:
                continue
            if key.startswith("@"):
                problems.append(f"{where}: the JSON-LD keyword {key} is not supported here")
                continue
            prop = self.properties.get(key)
            if prop is None:
                problems.append(f"{where}: {key!r} is not a schema.org 30.0 property")
                continue
            if prop.superseded_by:
                problems.append(f"{where}: {key!r} is superseded by {prop.superseded_by!r}; use that")
            if types and not any(self.lineage(name) & prop.domain for name in types):
                problems.append(
                    f"{where}: {key!r} is not a property of {' or '.join(types)}; "
                    f"its domain is {', '.join(sorted(prop.domain))}"
                )
            for index, item in enumerate(value) if isinstance(value, list) else [(None, value)]:
                item_path = where if index is None else f"{where}[{index}]"
                self._check_value(item, prop, item_path, problems)
        return types

    def _node_types(self, node: Mapping[str, Any], path: str, problems: list[str]) -> list[str]:
        given = node.get("@type")
        names = given if isinstance(given, list) else [given]
        if given is None or not names:
            problems.append(f"{path}: the node has no @type")
            return []
        valid = []
        for name in names:
            short = _short(name) if isinstance(name, str) else name
            if not isinstance(short, str):
                problems.append(f"{path}.@type: must be text, not {_describe(short)}")
            elif short in self.members:
                problems.append(f"{path}.@type: {short!r} is a member of {self.members[short]}, not a type")
            elif short not in self.parents or short in _DATA_TYPES:
                problems.append(f"{path}.@type: {short!r} is not a schema.org 30.0 type")
            elif short in self.superseded_types:
                problems.append(
                    f"{path}.@type: {short!r} is superseded by {self.superseded_types[short]!r}; use that"
                )
            else:
                valid.append(short)
        return valid

    def _check_value(self, value: Any, prop: Property, path: str, problems: list[str]) -> None:
        if isinstance(value, dict):
            if "@value" in value:
                self._check_value(value["@value"], prop, f"{path}.@value", problems)
                return
            if set(value) == {"@id"} and isinstance(value["@id"], str):
                if not prop.range <= _DATA_TYPES:
                    return
                problems.append(f"{path}: a node reference, but the range is {_range(prop)}")
                return
            types = self._check_node(value, path, problems)
            if types and not any("Thing" in prop.range or self.lineage(name) & prop.range for name in types):
                problems.append(
                    f"{path}: a {' and '.join(types)} node is not within the range {_range(prop)}"
                )
        elif not self._admits_literal(prop.range, value):
            problems.append(f"{path}: {_describe(value)} is not within the range {_range(prop)}")

    def _admits_literal(self, range_types: Iterable[str], value: Any) -> bool:
        for name in range_types:
            if isinstance(value, bool):
                if name == "Boolean":
                    return True
            elif isinstance(value, int | float):
                if name in ({"Number", "Float"} if isinstance(value, float) else _NUMBERS):
                    return True
            elif isinstance(value, str) and self._admits_text(name, value):
                return True
        return False

    def _admits_text(self, name: str, value: str) -> bool:
        """Whether a JSON string is a valid value of the range type `name`."""
        lineage = self.lineage(name)
        if "URL" in lineage:
            return _ABSOLUTE_IRI.fullmatch(value) is not None
        if "Text" in lineage:
            return True
        if name in _TEMPORAL:
            pattern, parse = _TEMPORAL[name]
            return pattern.fullmatch(value) is not None and _parses(parse, value)
        if name == "Duration":
            return _ISO_DURATION.fullmatch(value) is not None
        if "Quantity" in lineage:
            return _QUANTITY.fullmatch(value) is not None
        member = value.removeprefix(_PREFIX) if value.startswith(_PREFIX) else ""
        return member in self.members and name in self.lineage(self.members[member])


def _parses(parse: Callable[[str], object], value: str) -> bool:
    """Whether `parse` reads `value` (which has the right shape) as a real date or time."""
    try:
        parse(value)
    except ValueError:
        return False
    return True


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _short(iri: str) -> str:
    """``https://schema.org/Course`` → ``Course``; anything else is kept as it is."""
    return iri.removeprefix(_PREFIX)


def _names(cell: str) -> list[str]:
    """The schema.org terms of a comma-separated CSV cell, by short name; terms of other vocabularies
    (``rdfs:Class``, OMG's commons) are left out."""
    return [_short(part) for part in (item.strip() for item in cell.split(",")) if part.startswith(_PREFIX)]


def _range(prop: Property) -> str:
    return ", ".join(sorted(prop.range))


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    return "an object"


@cache
def _load(folder: Path) -> Vocabulary:
    return Vocabulary.load(folder)


def schemaorg_vocabulary(folder: Path = SCHEMAORG) -> Vocabulary:
    """The schema.org 30.0 vocabulary, read once from the repository's own copy."""
    return _load(folder)
