"""A small, typed XML writer for the EPUB's XHTML and SVG documents.

Why not lxml: it ships no type hints, and the documents are simple trees whose bytes must not
depend on a library's version. Elements are immutable tuples; serialising escapes every text and
attribute value, so course text such as ``a < b && "c"`` or ``]]>`` arrives as written.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal, TypeAlias

__all__ = ["Element", "Node", "element", "serialise", "text_direction"]

Node: TypeAlias = "Element | str"
Direction: TypeAlias = Literal["ltr", "rtl"]


@dataclass(frozen=True)
class Element:
    """An XML element: a tag, attributes in the order given, and children (elements or text)."""

    tag: str
    attributes: tuple[tuple[str, str], ...] = ()
    children: tuple[Node, ...] = ()


def element(tag: str, attributes: dict[str, str | None] | None = None, *children: Node | None) -> Element:
    """An element; attributes whose value is None and children that are None are left out."""
    given = tuple((name, value) for name, value in (attributes or {}).items() if value is not None)
    return Element(tag, given, tuple(child for child in children if child is not None))


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(value: str) -> str:
    return _escape_text(value).replace('"', "&quot;")


def _start_tag(node: Element, *, empty: bool) -> str:
    attributes = "".join(f' {name}="{_escape_attribute(value)}"' for name, value in node.attributes)
    return f"<{node.tag}{attributes}{'/' if empty else ''}>"


def _write(node: Node, indent: int, out: list[str]) -> None:
    if isinstance(node, str):
        out.append(_escape_text(node))
        return
    if not node.children:
        out.append(_start_tag(node, empty=True))
        return
    out.append(_start_tag(node, empty=False))
    if all(isinstance(child, Element) for child in node.children):
        # Only elements inside: one per line, indented. Mixed content stays on one line, because
        # white space between inline elements and text is part of the text.
        for child in node.children:
            out.append("\n" + "  " * (indent + 1))
            _write(child, indent + 1, out)
        out.append("\n" + "  " * indent)
    else:
        for child in node.children:
            _write(child, indent, out)
    out.append(f"</{node.tag}>")


def serialise(root: Element, *, doctype: str | None = None) -> bytes:
    """The document `root` as UTF-8 bytes with an XML declaration, and `doctype` when given."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    if doctype:
        out.append(doctype + "\n")
    _write(root, 0, out)
    out.append("\n")
    return "".join(out).encode("utf-8")


def text_direction(text: str) -> Direction | None:
    """The direction of the first strongly directional character of `text`, as HTML's ``dir="auto"``.

    None when `text` has no such character (digits and punctuation only).
    """
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None
