"""The house template shipped as ``exporters/house.docx`` is what its maker makes today."""

from __future__ import annotations

import docx

from exporters._docx import render_docx
from exporters._docx_style import HOUSE_TEMPLATE, apply_house_style, load_template
from exporters._house_template import make_house_template
from ncmw_course.model import Course
from ncmw_course.outline import brochure_outline


def test_the_shipped_house_template_is_made_again_byte_for_byte() -> None:
    """python-docx's default template, styled now, gives the bytes shipped; if not, the house style or
    python-docx changed: run ``.venv/bin/python -m exporters._house_template`` and commit house.docx."""
    assert make_house_template() == HOUSE_TEMPLATE.read_bytes(), (
        "exporters/house.docx is out of date: run .venv/bin/python -m exporters._house_template"
    )


def test_a_brochure_from_the_shipped_template_is_one_styled_in_this_process(full_course: Course) -> None:
    """The brochure is byte-identical to one made from python-docx's default template styled here."""
    from exporters import _docx_style, _house_template

    styled = docx.Document()
    apply_house_style(styled)
    _house_template._drop_table_styles(styled)
    made_here = _docx_style._prepared(styled, house=True)
    outline = brochure_outline(full_course)
    assert render_docx(outline, made_here) == render_docx(outline, load_template(None))
