"""PDFs: this project's tagged PDF comes back as its course; other PDFs are read by their look."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from exporters._pdf import convert_many
from ncmw_course import Course, import_course
from ncmw_course.exporting import get_exporter, render_each
from tests.conftest import TESTDATA
from tests.test_importing_brochure import prose, reference

PDF_REFERENCES = ["bundled", "course_minimal", "course_full", "course_runs"]
"""The reference courses whose PDF carries every text: course_maximal's right-to-left words and emoji
are drawn by LibreOffice in an order and with glyphs that a PDF's text does not give back."""


@pytest.fixture(scope="module")
def pdfs() -> dict[str, tuple[Course, bytes]]:
    courses = [reference(name) for name in PDF_REFERENCES]
    made = [
        document
        for document in render_each(get_exporter("pdf"), courses, "pdf")
        if isinstance(document, bytes)
    ]
    assert len(made) == len(courses)
    return {
        name: (course, document) for name, course, document in zip(PDF_REFERENCES, courses, made, strict=True)
    }


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", PDF_REFERENCES)
def test_a_reference_course_comes_back_from_its_pdf(pdfs: dict[str, tuple[Course, bytes]], name: str) -> None:
    course, document = pdfs[name]
    result = import_course(document)
    assert result.report.kind == "a brochure made by ncmw-course (PDF)"
    assert prose(result.data) == prose(course.model_dump(mode="json"))
    assert [trainer["name"] for trainer in result.data["trainers"]] == [
        trainer.name for trainer in course.trainers
    ]
    assert result.valid, result.problems


@pytest.mark.libreoffice
def test_pdfs_of_the_word_flyers_import_as_the_seed() -> None:
    """A PDF that is no brochure of this project is read by its look: fonts, sizes and bold lines."""
    seed = import_course(TESTDATA / "seed" / "000_d4191903c464d465.txt")
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    sources = [
        (TESTDATA / "import" / name).read_bytes()
        for name in ("flyer-word-styles.docx", "flyer-word-bold.docx")
    ]
    for document in convert_many([(source, moment) for source in sources]):
        assert isinstance(document, bytes)
        result = import_course(document)
        assert result.report.kind == "a PDF"
        assert result.data == seed.data
