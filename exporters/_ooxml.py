"""What python-docx has no API for: hyperlinks, bookmarks, fields, bullet numbering, language, clean
packages, and a fast way to add a run of plain text.

Each function does one thing to a python-docx ``Document`` (or one of its parts) and is tested on
its own in ``tests/exporters/test_ooxml.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.run import Run

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

__all__ = [
    "add_bookmark",
    "add_bullet_numbering",
    "add_field",
    "add_hyperlink",
    "add_text",
    "drop_template_leftovers",
    "set_app_properties",
    "set_bullet",
    "set_default_language",
    "set_style_id",
]

_LEFTOVER_RELATIONSHIPS = {
    RT.THUMBNAIL,  # a picture of python-docx's empty template page
    RT.CUSTOM_XML,  # an empty bibliography store
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",  # Word 2010 copy of styles
}


def add_hyperlink(paragraph: Paragraph, target: str, text: str, *, style: str | None = "Hyperlink") -> None:
    """Append a clickable link to `target` (``https:``, ``mailto:``, ``tel:``) showing `text`."""
    relationship = paragraph.part.relate_to(target, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    if style is not None:
        properties = OxmlElement("w:rPr")
        run_style = OxmlElement("w:rStyle")
        run_style.set(qn("w:val"), style.replace(" ", ""))
        properties.append(run_style)
        run.append(properties)
    run.append(_text(text))
    link.append(run)
    paragraph._p.append(link)


BOOKMARK_NAME_LIMIT = 40
"""Word keeps bookmark names of at most 40 characters."""


def add_bookmark(paragraph: Paragraph, name: str, bookmark_id: int) -> None:
    """Mark the whole of `paragraph` as the bookmark `name`, numbered `bookmark_id`.

    Why: a bookmark is what Word's links and cross-references point at, and a reader can list a
    document's bookmarks to find its parts. Word puts a heading's bookmark inside its paragraph,
    around its runs, as here. The caller numbers the bookmarks (Word counts from 0), so that the
    same document gets the same numbers; add the bookmark after the paragraph's text.

    Raises:
        ValueError: `name` is empty, has white space, or is longer than Word keeps.
    """
    if not name or len(name) > BOOKMARK_NAME_LIMIT or any(char.isspace() for char in name):
        msg = f"a bookmark name is 1 to {BOOKMARK_NAME_LIMIT} characters without spaces, not {name!r}"
        raise ValueError(msg)
    p = paragraph._p
    start = OxmlElement("w:bookmarkStart", attrs={qn("w:id"): str(bookmark_id), qn("w:name"): name})
    end = OxmlElement("w:bookmarkEnd", attrs={qn("w:id"): str(bookmark_id)})
    if p.pPr is not None:
        p.pPr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """Append a Word field such as ``PAGE`` or ``NUMPAGES``, showing `placeholder` until updated."""
    element = paragraph._p

    def run_with(child: object) -> None:
        run = OxmlElement("w:r")
        run.append(child)
        element.append(run)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run_with(code)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    run_with(_text(placeholder))
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def add_text(paragraph: Paragraph, text: str) -> Run:
    """Append a run holding `text`: what ``paragraph.add_run(text)`` makes, several times faster.

    Why: python-docx builds a run's text character by character, to turn tabs and line breaks into
    their elements; that was a fifth of a brochure's render. Course texts hold neither (the model
    refuses control characters), so the text goes in whole; a text that has them is left to
    python-docx.
    """
    if "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)
    run = OxmlElement("w:r")
    if text:
        element = OxmlElement("w:t")
        if text.strip() != text:  # as python-docx does: keep the spaces at the ends
            element.set(qn("xml:space"), "preserve")
        element.text = text
        run.append(element)
    paragraph._p.append(run)
    return Run(run, paragraph)


def set_style_id(paragraph: Paragraph, style_id: str | None) -> None:
    """Give `paragraph` the paragraph style `style_id`: what ``paragraph._p.style = style_id`` does.

    Why: python-docx finds or makes the properties element through a generic search, a tenth of a
    brochure's render. A new paragraph has no properties yet, so they are made directly (an empty
    ``w:pPr`` for the default style, as python-docx makes); any other is left to python-docx.
    """
    p = paragraph._p
    if p.pPr is not None:
        p.style = style_id
        return
    properties = OxmlElement("w:pPr")
    if style_id is not None:
        properties.append(OxmlElement("w:pStyle", attrs={qn("w:val"): style_id}))
    p.insert(0, properties)


def _text(value: str) -> object:
    element = OxmlElement("w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = value
    return element


def add_bullet_numbering(document: Document, *, glyph: str = "•", indent_twips: int = 284) -> int:
    """Add a one-level bullet list definition to the numbering part and return its ``numId``.

    Why: a template's "List Bullet" style may have no numbering of its own. Giving each list
    paragraph this ``numId`` makes every bullet list a real Word list, whatever the template.
    """
    numbering = document.part.numbering_part.element
    abstract_ids = [int(node.get(qn("w:abstractNumId"))) for node in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    kind = OxmlElement("w:multiLevelType")
    kind.set(qn("w:val"), "singleLevel")
    abstract.append(kind)
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "bullet"), ("w:lvlText", glyph), ("w:lvlJc", "left")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        level.append(child)
    paragraph_properties = OxmlElement("w:pPr")
    indentation = OxmlElement("w:ind")
    indentation.set(qn("w:left"), str(indent_twips))
    indentation.set(qn("w:hanging"), str(indent_twips))
    paragraph_properties.append(indentation)
    level.append(paragraph_properties)
    abstract.append(level)
    # abstractNum elements must precede num elements in the numbering part
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num_ids = [int(node.get(qn("w:numId"))) for node in numbering.findall(qn("w:num"))]
    num_id = max(num_ids, default=0) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    reference = OxmlElement("w:abstractNumId")
    reference.set(qn("w:val"), str(abstract_id))
    num.append(reference)
    numbering.append(num)
    return num_id


def set_bullet(paragraph: Paragraph, num_id: int) -> None:
    """Make `paragraph` an item of the list `num_id` (see :func:`add_bullet_numbering`)."""
    properties = paragraph._p.get_or_add_pPr()
    existing = properties.find(qn("w:numPr"))
    if existing is not None:
        properties.remove(existing)
    numbering = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), "0")
    number = OxmlElement("w:numId")
    number.set(qn("w:val"), str(num_id))
    numbering.append(level)
    numbering.append(number)
    # numPr comes right after pStyle (and keepNext/keepLines/pageBreakBefore…), before spacing/ind
    style = properties.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(numbering)
    else:
        properties.insert(0, numbering)


def set_default_language(document: Document, tag: str) -> None:
    """Set the language of the document's default run properties (``w:docDefaults``).

    Why: Word spell-checks text in the language of its run properties. python-docx's
    ``core_properties.language`` only labels the package; it does not reach the text.
    """
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), tag)
    language.set(qn("w:eastAsia"), tag)


def drop_template_leftovers(document: Document) -> None:
    """Remove parts that python-docx's default template carries but a brochure has no use for.

    The thumbnail of an empty page, an empty bibliography store and Word 2010's duplicate of the
    styles go; parts that nothing refers to are not written.
    """
    for relationships in (document.part.package.rels, document.part.rels):
        for key, relationship in list(relationships.items()):
            if relationship.reltype in _LEFTOVER_RELATIONSHIPS:
                del relationships[key]
    settings = document.settings.element
    for tag in ("w:attachedTemplate", "w:rsids"):
        for node in settings.findall(qn(tag)):
            settings.remove(node)


_APP_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>{application}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>\
<Company>{company}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>\
<HyperlinksChanged>false</HyperlinksChanged></Properties>"""


def _escape(text: str) -> str:
    """`text` as XML element content: ``&``, ``<`` and ``>`` escaped, as ``xml.sax.saxutils.escape`` does.

    Why not that one: importing ``xml.sax.saxutils`` imports ``urllib.request`` and with it
    ``http.client`` and ``ssl``, about 8 ms of every ``export docx``.
    """
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def set_app_properties(document: Document, *, application: str, company: str) -> None:
    """Replace the extended properties (``docProps/app.xml``) with true, minimal ones.

    Why: the template's app.xml claims "Microsoft Macintosh Word", a Normal.dotm template and word
    counts of an empty page. Word recounts on opening; an absent count is better than a wrong one.
    """
    for relationship in document.part.package.rels.values():
        if relationship.reltype == RT.EXTENDED_PROPERTIES:
            xml = _APP_XML.format(application=_escape(application), company=_escape(company))
            relationship.target_part._blob = xml.encode("utf-8")
            return
    msg = "the document has no extended-properties part"  # pragma: no cover - the template has one
    raise ValueError(msg)
