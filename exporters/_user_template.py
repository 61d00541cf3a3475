"""A user's Word template opened for the brochure (``--template``): sanitised, read and checked.

The template is untrusted: python-docx only ever sees it rebuilt of its look alone
(:mod:`exporters._template`), and everything a brochure reads of it is read once here, so that a
damaged file fails with its name, not in the middle of every brochure. Imported only when a
template is given.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.exceptions import InvalidXmlError
from docx.styles.style import ParagraphStyle

from exporters._docx_style import REQUIRED_STYLES
from exporters._template import sanitised_package
from exporters._template_archive import read_template_file
from exporters._template_xml import AGAIN, TemplateProblem
from ncmw_course.errors import ExportError

if TYPE_CHECKING:
    from pathlib import Path

    from docx.document import Document
    from docx.text.parfmt import ParagraphFormat

__all__ = ["open_template"]


def open_template(path: Path) -> Document:
    """Open a user's Word file as the template: its look, rebuilt without anything else (:mod:`exporters._template`).

    Raises:
        ExportError: The file cannot be read, is no Word file, is damaged, exceeds a limit or
            lacks a style the brochure needs; the message names the file.
    """
    try:
        document = docx.Document(io.BytesIO(sanitised_package(read_template_file(path))))
        _check_readable(document)
    except TemplateProblem as problem:
        msg = f"template {path}: {problem}"
        raise ExportError(msg) from None
    return document


def _check_readable(document: Document) -> None:
    """Refuse a template that lacks what the brochure needs, or that python-docx cannot read.

    Why: python-docx reads an attribute only when asked for it, so a page size or tab stop that is
    not a number would otherwise fail in the middle of every brochure. Here every style and what a
    brochure reads of the page setup and footer is read once; an error of python-docx's then can
    only come from the file.
    """
    try:
        _check_styles(document)
        _check_page_setup(document)
    except (ValueError, TypeError, KeyError, OverflowError, InvalidXmlError) as error:
        msg = f"is damaged (python-docx cannot read it: {error}); {AGAIN}"
        raise TemplateProblem(msg) from None


def _check_styles(document: Document) -> None:
    """Refuse a template that lacks a style the brochure uses, or has one of the wrong type."""
    styles = {style.name: style for style in reversed([*document.styles])}  # python-docx finds the first
    missing = [name for name in REQUIRED_STYLES if name not in styles]
    if missing:
        names = ", ".join(f"'{name}'" for name in missing)
        several = len(missing) > 1
        msg = (
            f"lacks the paragraph style{'s' if several else ''} {names}; "
            f"add {'them' if several else 'it'} in Word"
        )
        raise TemplateProblem(msg)
    for name, wanted in [
        *((name, WD_STYLE_TYPE.PARAGRAPH) for name in REQUIRED_STYLES),
        ("Hyperlink", WD_STYLE_TYPE.CHARACTER),
    ]:
        found = styles.get(name)
        if found is not None and found.type != wanted:
            msg = (
                f"its style {name!r} is a {_KINDS[found.type]} style; the brochure needs a "
                f"{_KINDS[wanted]} style of that name, so define it as one in Word"
            )
            raise TemplateProblem(msg)


_KINDS = {
    WD_STYLE_TYPE.PARAGRAPH: "paragraph",
    WD_STYLE_TYPE.CHARACTER: "character",
    WD_STYLE_TYPE.TABLE: "table",
    WD_STYLE_TYPE.LIST: "numbering",
}


def _check_page_setup(document: Document) -> None:
    """Read what a brochure reads of the template's page setup and footer: sizes, margins, tab stops."""
    for section in document.sections:
        sizes = (section.page_width, section.page_height, section.left_margin, section.right_margin)
        if None in sizes:
            msg = f"is damaged (its page setup lacks the page size or margins); {AGAIN}"
            raise TemplateProblem(msg)
        footer = section.footer
        for paragraph in [] if footer.is_linked_to_previous else footer.paragraphs:
            _read_tab_stops(paragraph.paragraph_format)
    footer_style = document.styles["Footer"]
    assert isinstance(footer_style, ParagraphStyle)  # checked by _check_styles
    _read_tab_stops(footer_style.paragraph_format)


def _read_tab_stops(paragraph_format: ParagraphFormat) -> None:
    for stop in paragraph_format.tab_stops:
        _ = stop.position, stop.alignment, stop.leader
