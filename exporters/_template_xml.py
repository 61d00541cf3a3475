"""The XML of a user's Word template, parsed safely and cleaned of everything but its look.

Each function takes one part's parsed XML (or its bytes) and does one thing to it. Together they
leave a header, footer, style sheet or settings part with no way to reach outside the document:
no field but PAGE and NUMPAGES, no link to a URL or a file, no reference to a part that was not
kept, no comments, notes, tracked changes or document variables. :mod:`exporters._template`
decides which parts are kept and applies these to each.
"""

from __future__ import annotations

import re
from collections.abc import Container

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

__all__ = [
    "AGAIN",
    "KEPT_FIELD",
    "MAX_XML_DEPTH",
    "R",
    "TemplateProblem",
    "W",
    "damaged",
    "drop_annotations",
    "drop_dangling_references",
    "drop_fields",
    "drop_linked_urls",
    "keep_layout_settings",
    "parse_part",
    "references",
    "serialise",
    "w",
    "xml_depth",
]

MAX_XML_DEPTH = 100
"""The deepest nesting of XML elements a template part may have; Word's own stay under 30."""

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
OFFICE = "urn:schemas-microsoft-com:office:office"
VML_NAMESPACES = (
    "urn:schemas-microsoft-com:vml",
    OFFICE,
    "urn:schemas-microsoft-com:office:word",
    "urn:schemas-microsoft-com:office:excel",
    "urn:schemas-microsoft-com:office:powerpoint",
)


class TemplateProblem(Exception):
    """Why a template cannot be used, in words for its user; :func:`load_template` names the file."""


AGAIN = "save it again as .docx in Word"


def damaged(part: str, problem: str) -> TemplateProblem:
    """The problem of a damaged part: ``is damaged (<part> <problem>); save it again …``."""
    return TemplateProblem(f"is damaged ({part} {problem}); {AGAIN}")


def w(local: str) -> str:
    """The Clark name of the WordprocessingML element or attribute `local`."""
    return f"{{{W}}}{local}"


def _parser() -> etree.XMLParser:
    """A parser that loads nothing and expands nothing; one per parse, as lxml's are not thread-safe."""
    return etree.XMLParser(
        resolve_entities=False,  # never expand an entity: no billion laughs, no external entity
        no_network=True,
        load_dtd=False,
        huge_tree=False,  # libxml2's own limits: 256 levels, 10 MB text nodes
        remove_comments=True,
        remove_pis=True,
    )


_DOCTYPE_MARKS = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


def parse_part(name: str, data: bytes) -> etree._Element:
    """The root element of the template part `name`, parsed without entities, DTDs or network.

    Raises:
        TemplateProblem: The part declares a DOCTYPE, is not well-formed, or nests too deeply.
    """
    if any(mark in data for mark in _DOCTYPE_MARKS):
        raise _doctype(name)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        if "Excessive depth" in error.msg:
            raise _too_deep(name) from None
        line, column = error.position
        raise damaged(name, f"is not well-formed XML (line {line}, column {column})") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:  # an encoding the scan missed
        raise _doctype(name)
    if xml_depth(root) > MAX_XML_DEPTH:
        raise _too_deep(name)
    return root


def _doctype(name: str) -> TemplateProblem:
    return TemplateProblem(
        f"{name} declares a DOCTYPE, which a Word file never does, so this file is refused"
    )


def _too_deep(name: str) -> TemplateProblem:
    return TemplateProblem(
        f"{name} nests XML elements more than {MAX_XML_DEPTH} deep, "
        "which a Word file never does, so this file is refused"
    )


def xml_depth(root: etree._Element) -> int:
    """How deep elements nest under `root` (`root` alone is 1)."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def serialise(root: etree._Element) -> bytes:
    """`root` as a standalone UTF-8 XML part, as Word writes them."""
    written: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return written


# Fields

KEPT_FIELD = re.compile(r"\s*(PAGE|NUMPAGES)(\s+\\\*\s+[A-Za-z]+)*\s*", re.IGNORECASE)
"""The field codes a template keeps: the page number and the page count, with a format switch."""


def drop_fields(root: etree._Element) -> None:
    """Remove every field but PAGE and NUMPAGES; what a removed field showed stays, as plain text.

    Why: a field is a command Word or LibreOffice runs (``DDEAUTO`` starts a program,
    ``INCLUDETEXT`` and ``INCLUDEPICTURE`` read a file or URL, ``HYPERLINK`` is a link). A field's
    private data (``w:fldData``, ``w:ffData``) goes with it, and from the fields that stay.
    """
    for data in [*root.iter(w("fldData"), w("ffData"))]:
        _remove(data)
    for simple in [*root.iter(w("fldSimple"))]:
        if not KEPT_FIELD.fullmatch(simple.get(w("instr"), "")):
            _unwrap(simple)
    marks = [*root.iter(w("fldChar"), w("instrText"), w("delInstrText"))]
    dropped = _dropped_field_marks(marks)
    for mark in marks if dropped is None else dropped:
        run = mark.getparent()
        _remove(mark)
        if run is not None and run.tag == w("r") and all(child.tag == w("rPr") for child in run):
            _remove(run)


def _dropped_field_marks(marks: list[etree._Element]) -> list[etree._Element] | None:
    """The begin, code, separate and end marks of the fields to drop; None if the fields do not nest."""
    open_fields: list[list[etree._Element]] = []  # each field's marks, its begin first
    codes: list[list[str]] = []
    in_code: list[bool] = []
    dropped: list[etree._Element] = []
    for mark in marks:
        kind = mark.get(w("fldCharType")) if mark.tag == w("fldChar") else "code"
        if kind == "begin":
            open_fields.append([mark])
            codes.append([])
            in_code.append(True)
            continue
        if not open_fields or kind not in ("code", "separate", "end"):
            return None
        open_fields[-1].append(mark)
        if kind == "code" and in_code[-1]:
            codes[-1].append(mark.text or "")
        elif kind == "separate":
            in_code[-1] = False
        elif kind == "end":
            field, code = open_fields.pop(), "".join(codes.pop())
            in_code.pop()
            if not KEPT_FIELD.fullmatch(code):
                dropped += field
    return None if open_fields else dropped


# References to other parts

_LINK_ELEMENTS = {f"{{{A}}}hlinkClick", f"{{{A}}}hlinkHover", f"{{{A}}}hlinkMouseOver"}
_PICTURES = {w("drawing"), w("pict"), w("object")}
_EXTENSION = f"{{{A}}}ext"


def references(element: etree._Element) -> list[str]:
    """The relationship ids `element` names in its own attributes (``r:id``, ``r:embed``, ``o:relid``…)."""
    return [
        value
        for name, value in element.attrib.items()
        if name.startswith(f"{{{R}}}") or name == f"{{{OFFICE}}}relid" or "/relationships}" in name
    ]


def drop_dangling_references(root: etree._Element, kept: Container[str]) -> None:
    """Remove what refers to a relationship not in `kept`: the link of a hyperlink (its text stays),
    a picture whose image was dropped, and any other element that names such a relationship.

    Why: the relationships of a template are rebuilt from an allow-list, so every external link,
    linked image, embedded object, sub-document and printer setting has lost its target.
    """
    for element in [*root.iter()]:
        if not any(reference not in kept for reference in references(element)):
            continue
        if element.tag == w("hyperlink"):
            _unwrap(element)
        elif element.tag in _LINK_ELEMENTS:
            _remove(element)
        else:
            extension, picture = _enclosing(element, {_EXTENSION}), _enclosing(element, _PICTURES)
            _remove(extension if extension is not None else picture if picture is not None else element)


def _enclosing(element: etree._Element, tags: Container[str]) -> etree._Element | None:
    """The nearest of `element` and its ancestors whose tag is one of `tags`."""
    node: etree._Element | None = element
    while node is not None and node.tag not in tags:
        node = node.getparent()
    return node


_ADDRESS = re.compile(r"(?i)://|\\\\|\b(file|javascript|vbscript|data|mhtml):")
"""An attribute value that is, or holds, an address: a URL, a UNC path, a ``file:`` or script URI."""


def drop_linked_urls(root: etree._Element) -> None:
    """Remove the addresses a VML shape links or loads by itself (``href``, ``o:href``, ``src``, and
    any other VML attribute that holds an address).

    Why: VML, Word's older drawing language, names a shape's link and an image's source file in
    attributes of its own rather than through a relationship.
    """
    for element in root.iter(*(f"{{{namespace}}}*" for namespace in VML_NAMESPACES)):
        for name, value in [*element.attrib.items()]:
            if etree.QName(name).localname.lower() in ("href", "althref", "src") or _ADDRESS.search(value):
                del element.attrib[name]


# Comments, notes, tracked changes, data bindings

_ANNOTATIONS = {
    w(local)
    for local in (
        "commentRangeStart",
        "commentRangeEnd",
        "commentReference",
        "footnoteReference",
        "endnoteReference",
        "dataBinding",  # content bound to a customXml part, which is dropped
        "del",
        "moveFrom",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "cellDel",
        "cellIns",
        "cellMerge",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "tblGridChange",
        "trPrChange",
        "tcPrChange",
        "numberingChange",
    )
}
_ACCEPTED = {w("ins"), w("moveTo")}


def drop_annotations(root: etree._Element) -> None:
    """Remove comment and note marks and data bindings, and accept every tracked change.

    Why: the comments and notes themselves are not kept, and a tracked change carries its author's
    name and the text it deleted.
    """
    for element in [*root.iter(*_ANNOTATIONS)]:
        _remove(element)
    for element in [*root.iter(*_ACCEPTED)]:
        _unwrap(element)


# Settings

KEPT_SETTINGS = frozenset(
    {
        "defaultTabStop",
        "autoHyphenation",
        "consecutiveHyphenLimit",
        "hyphenationZone",
        "doNotHyphenateCaps",
        "evenAndOddHeaders",
        "mirrorMargins",
        "alignBordersAndEdges",
        "bordersDoNotSurroundHeader",
        "bordersDoNotSurroundFooter",
        "gutterAtTop",
        "bookFoldRevPrinting",
        "bookFoldPrinting",
        "bookFoldPrintingSheets",
        "drawingGridHorizontalSpacing",
        "drawingGridVerticalSpacing",
        "displayHorizontalDrawingGridEvery",
        "displayVerticalDrawingGridEvery",
        "doNotUseMarginsForDrawingGridOrigin",
        "drawingGridHorizontalOrigin",
        "drawingGridVerticalOrigin",
        "characterSpacingControl",
        "strictFirstAndLastChars",
        "noLineBreaksAfter",
        "noLineBreaksBefore",
        "noPunctuationKerning",
        "compat",
        "themeFontLang",
        "clrSchemeMapping",
        "defaultTableStyle",
        "decimalSymbol",
        "listSeparator",
    }
)
"""The settings that change how a page is laid out; every other one is dropped."""


def keep_layout_settings(settings: etree._Element) -> None:
    """Keep of the settings part only :data:`KEPT_SETTINGS`, in their order.

    Dropped, among others: the attached template, mail merge, document variables and protection,
    the XSLT to save through, tracked-change and field-update switches, the document's ids.
    """
    for child in [*settings]:
        if child.tag not in {w(local) for local in KEPT_SETTINGS}:
            settings.remove(child)


# Tree surgery: WordprocessingML has no mixed content, so the text between elements is only space


def _remove(element: etree._Element) -> None:
    """Remove `element` and what it holds."""
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    """Replace `element` by its children."""
    parent = element.getparent()
    if parent is not None:
        index = parent.index(element)
        parent[index : index + 1] = [*element]
