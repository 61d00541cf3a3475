"""The Word brochure's page layout: headings stay with what follows, rows and the contact block stay whole.

Checked in the document's own properties, and in LibreOffice's pages of courses long enough to break.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from ncmw_course import Course, load_course, render
from ncmw_course.outline import Facts, brochure_outline
from tests.conftest import TESTDATA
from tests.system import require

REFERENCE = {
    "bundled": None,
    "full": TESTDATA / "course_full.json",
    "maximal": TESTDATA / "course_maximal.json",
}


def brochure(course: Course) -> Document:
    """The course's Word brochure, opened."""
    return docx.Document(io.BytesIO(render(course, "docx")))


@pytest.mark.parametrize("name", list(REFERENCE))
def test_every_heading_keeps_with_the_next_paragraph(name: str) -> None:
    """Heading 1 and 2 carry keep-with-next, so no heading ends a page."""
    document = brochure(load_course(REFERENCE[name]))
    headings = [p for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert headings
    assert [p.text for p in headings if not p.paragraph_format.keep_with_next] == []


@pytest.mark.parametrize("name", ["full", "maximal"])
def test_no_row_of_practical_facts_splits(name: str) -> None:
    """Every row of the practical facts table, and of each day's timetable, has cantSplit: a label
    never leaves its lines behind."""
    document = brochure(load_course(REFERENCE[name]))
    for table in document.tables:
        assert [
            row._tr.find(qn("w:trPr")) is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
            for row in table.rows
        ] == [True] * len(table.rows)


@pytest.mark.parametrize("name", list(REFERENCE))
def test_the_contact_block_holds_together(name: str) -> None:
    """Each contact line but the last keeps with the next, so the last page never holds one line of it."""
    document = brochure(load_course(REFERENCE[name]))
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Informatie")
    block = document.paragraphs[start:]
    assert [p.paragraph_format.keep_with_next for p in block] == [True] * (len(block) - 1) + [None]


def test_a_day_s_facts_stay_with_its_topics(full_course: Course) -> None:
    """The italic date line of a day keeps with the day's first topic."""
    document = brochure(full_course)
    facts = [p for p in document.paragraphs if p.runs and p.runs[0].italic]
    assert facts
    assert all(p.paragraph_format.keep_with_next for p in facts)


@pytest.mark.libreoffice
def test_libreoffice_keeps_labels_with_their_lines(tmp_path: Path) -> None:
    """In LibreOffice's pages of the longest course, each fact's label and the contact block share a page."""
    course = load_course(REFERENCE["maximal"])
    source = tmp_path / "maximal.docx"
    source.write_bytes(render(course, "docx"))
    subprocess.run(
        [require("soffice"), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = subprocess.run(
        [require("pdftotext"), "-layout", str(tmp_path / "maximal.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = [re.sub(r"\s+", " ", page) for page in text.split("\f")]
    contact = [number for number, page in enumerate(pages) if "Informatie" in page]
    assert contact
    assert all(label in pages[contact[-1]] for label in ("Tel.", "E-mail", "Aanbieder"))
    practical = brochure_outline(course).section("practical")
    assert practical is not None
    (facts,) = practical.blocks
    assert isinstance(facts, Facts)
    for row in facts.rows:
        first = re.sub(r"\s+", " ", str(row.values[0]))[:25]
        assert [page for page in pages if row.label.split()[0] in page and first in page], row.label
