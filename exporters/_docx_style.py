"""The look of the Word brochure: NCMW's house style, or a user's template, read and checked once.

The house style (fonts, sizes, colours, spacing, page) is python-docx's default template styled
(:func:`apply_house_style`), shipped ready as ``house.docx`` (:mod:`exporters._house_template`),
and used when no ``template`` is given. With a template, the template's own styles and page setup
are used instead and none of it is applied; the template is untrusted, and python-docx only ever
sees it rebuilt of its look alone (:mod:`exporters._user_template`). Either way :func:`load_template`
prepares the document once, and each brochure is written into a deep copy of it
(:meth:`BrochureTemplate.fresh`).
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle, CharacterStyle

from exporters._ooxml import add_bullet_numbering
from ncmw_course.errors import ExportError

if TYPE_CHECKING:
    from docx.document import Document

__all__ = [
    "HOUSE",
    "HOUSE_TEMPLATE",
    "REQUIRED_STYLES",
    "BrochureTemplate",
    "HouseStyle",
    "apply_house_style",
    "character_style",
    "load_template",
]

REQUIRED_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "Footer")
"""The paragraph styles the brochure uses; a template must define each of them."""


@dataclass(frozen=True)
class HouseStyle:
    """NCMW's brochure look. Colours are hex RGB; the accent passes WCAG AA on white (5.9:1)."""

    font: str = "Calibri"  # LibreOffice renders it with the metric-compatible Carlito
    text_colour: str = "1F2933"
    accent_colour: str = "00687A"
    muted_colour: str = "52606D"
    shading_colour: str = "E8F3F5"
    body_size: float = 10.5
    title_size: float = 26
    subtitle_size: float = 13
    heading1_size: float = 14
    heading2_size: float = 11.5
    footer_size: float = 8
    line_spacing: float = 1.15
    paragraph_after: float = 6
    page_margin_cm: float = 2.0
    page_top_cm: float = 1.8
    page_bottom_cm: float = 1.8


HOUSE = HouseStyle()

HOUSE_TEMPLATE = Path(__file__).with_name("house.docx")
"""python-docx's default template in the :data:`HOUSE` style, shipped ready (:mod:`exporters._house_template`)."""


def apply_house_style(document: Document, house: HouseStyle = HOUSE) -> None:
    """Set the fonts, sizes, colours and spacing of the brochure's styles, and an A4 page."""
    styles = document.styles
    text, accent, muted = (
        RGBColor.from_string(c) for c in (house.text_colour, house.accent_colour, house.muted_colour)
    )

    normal = styles["Normal"]
    normal.font.name = house.font
    normal.font.size = Pt(house.body_size)
    normal.font.color.rgb = text
    normal.paragraph_format.space_after = Pt(house.paragraph_after)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    normal.paragraph_format.line_spacing = house.line_spacing
    _set_theme_free_fonts(normal, house.font)

    for name, size, colour, bold, before, after in (
        ("Title", house.title_size, accent, True, 0, 2),
        ("Subtitle", house.subtitle_size, muted, False, 0, 10),
        ("Heading 1", house.heading1_size, accent, True, 14, 4),
        ("Heading 2", house.heading2_size, text, True, 10, 3),
    ):
        style = styles[name]
        style.font.name = house.font
        style.font.size = Pt(size)
        style.font.color.rgb = colour
        style.font.bold = bold
        style.font.italic = False
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
        _set_theme_free_fonts(style, house.font)
        _drop_borders(style)

    bullet = styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(2)
    footer = styles["Footer"]
    footer.font.size = Pt(house.footer_size)
    footer.font.color.rgb = muted

    hyperlink = character_style(document, "Hyperlink")
    hyperlink.font.color.rgb = accent
    hyperlink.font.underline = True

    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(house.page_margin_cm)
        section.top_margin, section.bottom_margin = Cm(house.page_top_cm), Cm(house.page_bottom_cm)
        section.header_distance = section.footer_distance = Cm(0.9)


def character_style(document: Document, name: str) -> CharacterStyle:
    """The character style `name`, added (with Word's default look) when the document lacks it."""
    styles = document.styles
    if name in [style.name for style in styles]:
        found = styles[name]
        if not isinstance(found, CharacterStyle):
            msg = f"the template's style {name!r} must be a character style; change its type in Word"
            raise ExportError(msg)
        return found
    added = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    assert isinstance(added, CharacterStyle)
    added.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)  # Word's own link colour
    added.font.underline = True
    return added


def _set_theme_free_fonts(style: BaseStyle, font: str) -> None:
    """Name the font for every script, so that no theme font (Cambria, Calibri Light) remains."""
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), font)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)


def _drop_borders(style: BaseStyle) -> None:
    """Remove paragraph borders the default template puts under its Title."""
    properties = style.element.pPr
    if properties is not None:
        for border in properties.findall(qn("w:pBdr")):
            properties.remove(border)


# The document a brochure starts from: the house style, or a user's template.


@dataclass(frozen=True)
class BrochureTemplate:
    """A document ready to take a brochure: styled, checked, with an empty body. Never written into."""

    document: Document
    house: bool
    """True for the house style; False for a user's template, whose look (and footer) the brochure keeps."""
    style_ids: Mapping[str, str | None]
    """The ids of the :data:`REQUIRED_STYLES` by name. Why: python-docx scans every style for each lookup."""
    bullets: int
    """The ``numId`` of the brochure's bullet lists (:func:`~exporters._ooxml.add_bullet_numbering`)."""

    def fresh(self) -> Document:
        """A deep copy of the document, for one brochure. Why: parsing a template costs more than copying it."""
        return copy.deepcopy(self.document)


def load_template(path: Path | None) -> BrochureTemplate:
    """The house style (`path` None, made once per process) or the user's template in `path`, checked.

    Raises:
        ExportError: The template cannot be read, is not a Word file, is damaged, exceeds a limit
            or lacks a style.
    """
    if path is None:
        return _house_template()
    from exporters._user_template import open_template  # only for a user's template: 2 ms of imports

    return _prepared(open_template(path), house=False)


@functools.cache
def _house_template() -> BrochureTemplate:
    """The house template, read from :data:`HOUSE_TEMPLATE` (see :mod:`exporters._house_template`)."""
    return _prepared(docx.Document(str(HOUSE_TEMPLATE)), house=True)


def _prepared(document: Document, *, house: bool) -> BrochureTemplate:
    character_style(document, "Hyperlink")  # a template may lack it; the house style has it
    style_ids = {
        name: document.part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[no-untyped-call]
        for name in REQUIRED_STYLES
    }
    return BrochureTemplate(document, house, style_ids, add_bullet_numbering(document))
