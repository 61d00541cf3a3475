"""One typed markup tree for the web page (HTML5) and the EPUB's documents (XHTML, SVG).

Why one tree: the page and the book render the same outline, so they build the same elements and
differ only in how the tree is written out. Why not lxml: it ships no type hints, and the bytes must
not depend on a library's version.

Elements are immutable; every text and attribute value is escaped when it is written, by one scheme
that is right for both serialisations (``&``, ``<``, ``>`` in text, and ``"`` in attributes), so
course text such as ``a < b && "c"`` or ``]]>`` arrives as written. The only content written as it
is, is :class:`Raw`: our own stylesheet, and the JSON-LD that the jsonld exporter escapes; it may
hold no ``<`` at all, so it can neither end its element nor open a comment.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal, TypeAlias

__all__ = ["Element", "Node", "Raw", "element", "html_document", "text_direction", "xml_document"]

Direction: TypeAlias = Literal["ltr", "rtl"]


@dataclass(frozen=True)
class Raw:
    """Text written as it is, for the body of a ``<script>`` or ``<style>`` element.

    Raises:
        ValueError: `text` contains ``<``, which could end the element or open a comment.
    """

    text: str

    def __post_init__(self) -> None:
        if (
            "<" in self.text
        ):  # a guarantee of dump_jsonld and of our stylesheets; a broken one is an injection
            msg = "raw content contains '<'; it cannot be written inside an element as it is"
            raise ValueError(msg)


@dataclass(frozen=True)
class Element:
    """An element: a tag, attributes in the order given, and children (elements, text or raw text)."""

    tag: str
    attributes: tuple[tuple[str, str], ...] = ()
    children: tuple[Node, ...] = ()


Node: TypeAlias = "Element | str | Raw"
Attributes: TypeAlias = "dict[str, str | None]"


def element(tag: str, attributes: Attributes | None = None, *children: Node | None) -> Element:
    """An element; attributes whose value is None and children that are None are left out."""
    given = tuple((name, value) for name, value in (attributes or {}).items() if value is not None)
    return Element(tag, given, tuple(child for child in children if child is not None))


INLINE = frozenset({"a", "abbr", "b", "bdi", "br", "code", "em", "i", "img", "span", "strong", "time"})
"""Elements inside a line of text: never put on a line of their own, since white space around them
is part of the text (and of a heading's or a link's accessible name)."""

HTML_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
"""HTML5's void elements: a start tag and no end tag."""


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(value: str) -> str:
    return _escape_text(value).replace('"', "&quot;")


@dataclass(frozen=True)
class _Syntax:
    """What differs between the two serialisations."""

    xml: bool

    def attributes(self, node: Element) -> tuple[tuple[str, str], ...]:
        """The attributes to write: in XML, each ``lang`` is repeated as ``xml:lang``, as XHTML asks."""
        names = {name for name, _ in node.attributes}
        if not self.xml or "lang" not in names or "xml:lang" in names:
            return node.attributes
        result: list[tuple[str, str]] = []
        for name, value in node.attributes:
            result.append((name, value))
            if name == "lang":
                result.append(("xml:lang", value))
        return tuple(result)

    def start_tag(self, node: Element, *, empty: bool) -> str:
        attributes = "".join(f' {name}="{_escape_attribute(value)}"' for name, value in self.attributes(node))
        return f"<{node.tag}{attributes}{'/' if empty and self.xml else ''}>"

    def write(self, node: Node, indent: int, out: list[str]) -> None:
        if isinstance(node, Raw):
            out.append(node.text)
            return
        if isinstance(node, str):
            out.append(_escape_text(node))
            return
        void = not self.xml and node.tag in HTML_VOID
        if void and node.children:
            msg = f"<{node.tag}> is a void element in HTML and cannot have children"
            raise ValueError(msg)
        if void or (self.xml and not node.children):
            out.append(self.start_tag(node, empty=True))
            return
        out.append(self.start_tag(node, empty=False))
        if all(isinstance(child, Element) for child in node.children) and any(
            isinstance(child, Element) and child.tag not in INLINE for child in node.children
        ):
            # Elements only, a block among them: one per line, indented. Text, and inline elements
            # only, stay on one line, as they are.
            for child in node.children:
                out.append("\n" + "  " * (indent + 1))
                self.write(child, indent + 1, out)
            out.append("\n" + "  " * indent)
        else:
            for child in node.children:
                self.write(child, indent, out)
        out.append(f"</{node.tag}>")


def xml_document(root: Element, *, doctype: str | None = None) -> bytes:
    """`root` as an XML document (XHTML or SVG): UTF-8 with an XML declaration, empty elements closed
    as ``<x/>``, ``xml:lang`` beside each ``lang``, and `doctype` when given.

    The namespace declarations are `root`'s own attributes (``xmlns``, ``xmlns:epub``).
    """
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    if doctype:
        out.append(doctype + "\n")
    _Syntax(xml=True).write(root, 0, out)
    out.append("\n")
    return "".join(out).encode("utf-8")


def html_document(root: Element) -> bytes:
    """`root` as an HTML5 document: UTF-8, ``<!DOCTYPE html>``, void elements without end tags."""
    out = ["<!DOCTYPE html>\n"]
    _Syntax(xml=False).write(root, 0, out)
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
