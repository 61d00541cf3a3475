"""The house template, ``exporters/house.docx``: python-docx's default template in NCMW's house style.

It ships ready-made, so that no process styles python-docx's default template again (that took
about 24 ms of every ``export docx``). :func:`make_house_template` makes it from python-docx's
default template and :mod:`exporters._docx_style`'s :data:`~exporters._docx_style.HOUSE`; a test
makes it again and compares the bytes. After a change to the house style, or a new python-docx::

    .venv/bin/python -m exporters._house_template
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import docx
from docx.oxml.ns import qn

from exporters._docx import stored_package
from exporters._docx_style import HOUSE_TEMPLATE, apply_house_style
from exporters._reproducible import repack_zip

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["make_house_template"]

MADE = datetime(2026, 1, 1, tzinfo=UTC)
"""The timestamp of the template's zip entries: fixed, so that the same style gives the same bytes."""


def make_house_template() -> bytes:
    """The bytes of ``house.docx``: python-docx's default template, styled, without its table styles.

    The parts a brochure drops (:func:`~exporters._ooxml.drop_template_leftovers`) stay: the ids of
    a brochure's links are the next free ones, and with them gone they would change.
    """
    document = docx.Document()
    apply_house_style(document)
    _drop_table_styles(document)
    return repack_zip(stored_package(document), MADE, first=["[Content_Types].xml"])


def _drop_table_styles(document: Document) -> None:
    """Remove the template's 99 predefined table styles; the default table style stays.

    Why: they are 340 kB of the 350 kB styles part, which every brochure would copy, write and
    compress, and the brochure uses none of them. Word still offers its built-in table styles.
    """
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:default")) != "1":
            styles.remove(style)


if __name__ == "__main__":
    HOUSE_TEMPLATE.write_bytes(make_house_template())
