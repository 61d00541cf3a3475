"""The house style of the Word brochure, in one place: fonts, sizes, colours, spacing, page.

Applied to python-docx's default template when no ``template`` is given. With a template, the
template's own styles and page setup are used instead and none of this is applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle, CharacterStyle

from ncmw_course.errors import ExportError

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["HOUSE", "REQUIRED_STYLES", "HouseStyle", "apply_house_style", "character_style"]

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
