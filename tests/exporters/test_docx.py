"""The Word brochure: content, Word structure, house style and templates, reproducibility, LibreOffice."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings

from exporters._docx import fit_keywords, fit_property
from exporters.docx import DocxExporter
from ncmw_course import Course, ExportError, load_course, render
from ncmw_course.labels import labels_for
from tests.conftest import REPO, TESTDATA
from tests.strategies import courses, examples
from tests.system import require
from tests.texts import course_texts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_docx(data: bytes) -> Document:
    """Reopen a rendered brochure with python-docx."""
    return docx.Document(io.BytesIO(data))


def paragraphs(document: Document) -> Iterator[str]:
    """The text of every paragraph in the body, its tables, and the footers."""
    for block in document.element.body.iter(qn("w:p")):
        yield "".join(node.text or "" for node in block.iter(qn("w:t")))
    for section in document.sections:
        for paragraph in section.footer.paragraphs:
            yield paragraph.text


def flat(text: str) -> str:
    """Text with runs of white space as single spaces, compatibility forms (ligatures) resolved."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def style(paragraph: Paragraph) -> str:
    """The name of a paragraph's style."""
    return paragraph.style.name if paragraph.style is not None else ""


def body_text(document: Document) -> str:
    return flat("\n".join(paragraphs(document)))


def missing_texts(course: Course, text: str, keywords: str) -> list[str]:
    """The course's texts that are not in `text` (or, for keywords, in the keywords property).

    Word keeps 255 characters of keywords: only those that fit are expected there.
    """
    body = course_texts(course, keywords=False)
    expected_keywords = fit_keywords(course.keywords).split(", ") if course.keywords else []
    return [t for t in body if flat(t) not in text] + [k for k in expected_keywords if k not in keywords]


class TestContent:
    def test_every_text_of_the_course_is_in_the_document(self, any_course: Course) -> None:
        """Walking the model finds every text in the brochure, word for word."""
        document = open_docx(render(any_course, "docx"))
        assert missing_texts(any_course, body_text(document), document.core_properties.keywords) == []

    def test_brochure_order(self, bundled_course: Course) -> None:
        """The headings follow the brochure: title, Voor wie en waarom, Programma, days, Werkwijze, Trainer, Informatie."""
        document = open_docx(render(bundled_course, "docx"))
        headings = [
            (style(p), p.text) for p in document.paragraphs if style(p).startswith(("Title", "Heading"))
        ]
        assert headings == [
            ("Title", "Ontrouw binnen de relatie"),
            ("Heading 1", "Voor wie en waarom"),
            ("Heading 1", "Programma"),
            ("Heading 2", "Eerste dag: Hoe kan ik een eigen positie bepalen zonder partij te trekken."),
            (
                "Heading 2",
                "Tweede dag: Hoe help ik ouders om te gaan met het loyaliteitsconflict van de kinderen",
            ),
            ("Heading 1", "Werkwijze"),
            ("Heading 1", "Trainer"),
            ("Heading 1", "Informatie"),
        ]

    def test_no_practical_block_without_facts(self, bundled_course: Course) -> None:
        """A course that states no practical facts gets no "Praktische informatie" block."""
        document = open_docx(render(bundled_course, "docx"))
        assert "Praktische informatie" not in body_text(document)
        assert document.tables == []

    def test_practical_facts_in_the_language(self, full_course: Course) -> None:
        """Dates, times and amounts are written the Dutch way, in a "Praktische informatie" table."""
        document = open_docx(render(full_course, "docx"))
        (table,) = document.tables
        rows = {row.cells[0].text: row.cells[1].text for row in table.rows}
        assert rows["Prijs"] == "€\xa0495,00 (vrijgesteld van btw)"
        assert rows["Data en locaties"].startswith(
            "dinsdag 9 maart 2027 t/m dinsdag 23 maart 2027 (op locatie)\n"
        )
        assert rows["Studie-uren"] == "Contacturen: 18 uur\nStudiebelasting: 24,5 uur"
        assert (
            "dinsdag 9 maart 2027, 09:30 – 16:30 uur, NCMW, zaal 2, Voorbeeldstraat 12, 5991 AA Baarlo"
            in body_text(document)
        )

    def test_english_course_uses_english_labels(self, minimal_course: Course) -> None:
        """The label table follows the course's language."""
        english = minimal_course.model_copy(update={"language": "en"})
        document = open_docx(render(english, "docx"))
        headings = [p.text for p in document.paragraphs if style(p) == "Heading 1"]
        assert headings == ["Who it is for, and why", "Programme", "Method", "Trainer", "Information"]


class TestWordStructure:
    def test_lists_are_real_word_lists(self, bundled_course: Course) -> None:
        """Topics are List Bullet paragraphs numbered by a bullet definition, with no typed bullet."""
        document = open_docx(render(bundled_course, "docx"))
        items = [p for p in document.paragraphs if style(p) == "List Bullet"]
        assert [p.text for p in items] == [topic for day in bundled_course.days for topic in day.topics]
        (num_id,) = {p._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0] for p in items}
        numbering = document.part.numbering_part.element
        (num,) = [n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id]
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        (abstract,) = [
            a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
        ]
        assert abstract.find(f"{W}lvl/{W}numFmt").get(qn("w:val")) == "bullet"
        assert not any(p.text.startswith(("•", "-", "*")) for p in document.paragraphs)

    def test_no_empty_paragraphs(self, any_course: Course) -> None:
        """No empty paragraph is used for spacing."""
        document = open_docx(render(any_course, "docx"))
        assert [p for p in document.paragraphs if not p.text.strip()] == []

    def test_links(self, bundled_course: Course) -> None:
        """E-mail, website and phone are hyperlinks with mailto:, https: and tel: targets."""
        document = open_docx(render(bundled_course, "docx"))
        links = {}
        for link in document.element.body.iter(qn("w:hyperlink")):
            target = document.part.rels[link.get(qn("r:id"))].target_ref
            links[target] = "".join(t.text for t in link.iter(qn("w:t")))
        assert links == {
            "tel:+31495450667": "0495–450667",
            "mailto:info@ncmw.nl": "info@ncmw.nl",
            "https://www.ncmw.nl/": "www.ncmw.nl",
        }

    def test_footer(self, bundled_course: Course) -> None:
        """The footer names the provider and contact, and counts pages with PAGE and NUMPAGES fields."""
        document = open_docx(render(bundled_course, "docx"))
        footer = document.sections[0].footer.paragraphs[0]
        codes = [node.text.strip() for node in footer._p.iter(qn("w:instrText"))]
        assert codes == ["PAGE", "NUMPAGES"]
        assert footer.text == "NCMW · Tel. 0495–450667 · info@ncmw.nl · www.ncmw.nl\tpagina 1 van 1"

    def test_a4_with_margins(self, bundled_course: Course) -> None:
        """The page is A4 with 2 cm side margins."""
        section = open_docx(render(bundled_course, "docx")).sections[0]
        sizes = (section.page_width, section.page_height, section.left_margin, section.right_margin)
        assert [round(size.mm) if size is not None else None for size in sizes] == [210, 297, 20, 20]

    def test_dutch_spell_checking(self, bundled_course: Course) -> None:
        """The default run language in the styles is nl-NL, so Word checks Dutch spelling."""
        document = open_docx(render(bundled_course, "docx"))
        language = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        assert language.get(qn("w:val")) == "nl-NL"

    def test_core_properties(self, bundled_course: Course) -> None:
        """Title, subject, author, keywords, language and dates come from the course."""
        properties = open_docx(render(bundled_course, "docx")).core_properties
        assert (properties.title, properties.author, properties.language) == (
            "Ontrouw binnen de relatie",
            "NCMW",
            "nl-NL",
        )
        assert properties.subject == "Ontrouw binnen de relatie is een regelmatig voorkomend fenomeen."
        assert (
            properties.keywords == "ontrouw, relatieproblemen, loyaliteitsconflict, nascholing, hulpverlening"
        )
        assert properties.created == properties.modified
        assert properties.created.isoformat() == f"{bundled_course.updated.isoformat()}T00:00:00+00:00"
        assert (properties.comments, properties.last_modified_by) == ("", "NCMW")

    def test_nothing_left_from_python_docx(self, bundled_course: Course) -> None:
        """No python-docx author, 2013 date, comment, thumbnail, stale app.xml or unused parts."""
        data = render(bundled_course, "docx")
        archive = zipfile.ZipFile(io.BytesIO(data))
        everything = b"".join(archive.read(name) for name in archive.namelist())
        for leftover in (b"python-docx", b"2013-12-23", b"Normal.dotm", b"Microsoft Macintosh Word"):
            assert leftover not in everything
        assert not any(name.startswith(("customXml/", "docProps/thumbnail")) for name in archive.namelist())
        assert "word/stylesWithEffects.xml" not in archive.namelist()
        app = archive.read("docProps/app.xml").decode()
        assert "<Application>ncmw-course " in app
        assert "<Pages>" not in app


def make_template(path: Path, *, drop: str | None = None) -> Path:
    """A user's Word file: Letter pages, a header, Heading 1 in Georgia; optionally without a style."""
    document = docx.Document()
    document.styles["Heading 1"].font.name = "Georgia"
    document.sections[0].header.paragraphs[0].text = "Huisstijl van de organisatie"
    document.add_paragraph("Inhoud van het sjabloon die niet in de brochure hoort.")
    if drop is not None:
        element = document.styles[drop].element
        element.getparent().remove(element)
    document.save(str(path))
    return path


def write_zip(path: Path, name: str, content: bytes) -> None:
    """A zip archive holding one deflated entry."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)


def zip_bomb(path: Path) -> None:
    """A file under 1 MB that unpacks to 120 MB: refused for what it unpacks to, not for its size."""
    write_zip(path, "word/document.xml", b"\0" * (120 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024


def oversized(path: Path) -> None:
    """A 21 MB file."""
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)


NOT_A_ZIP = "is not a Word .docx file (not a zip archive); save it as .docx in Word"
BAD_TEMPLATES: dict[str, tuple[Callable[[Path], object], str]] = {
    "missing": (lambda path: None, "cannot be read: No such file or directory"),
    "folder": (Path.mkdir, "is a folder; give a .docx file"),
    "plain text": (lambda path: path.write_bytes(b"plain text"), NOT_A_ZIP),
    "broken zip": (lambda path: path.write_bytes(b"PK\x03\x04 broken"), NOT_A_ZIP),
    "zip without Word": (
        lambda path: write_zip(path, "hello.txt", b"hi"),
        "is not a valid Word .docx file (",
    ),
    "encrypted": (
        lambda path: path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
        "is password-protected or an old .doc file; save it in Word as a .docx without a password",
    ),
    "zip bomb": (
        zip_bomb,
        "unpacks to 120 MB in 1 part; a Word template is at most 100 MB unpacked, so this file is refused",
    ),
    "oversized": (oversized, "is 21.0 MB; a template is at most 20 MB"),
    "missing style": (
        lambda path: make_template(path, drop="Subtitle"),
        "lacks the paragraph style 'Subtitle'; add it in Word",
    ),
}
"""Templates the brochure refuses, each made by a function of its path, with the start of the message."""


class TestTemplate:
    def test_styles_page_and_header_come_from_the_template(
        self, bundled_course: Course, tmp_path: Path
    ) -> None:
        """A template gives its styles, page size and header; its own body text is not carried over."""
        template = make_template(tmp_path / "house.docx")
        document = open_docx(render(bundled_course, "docx", template=template))
        assert document.styles["Heading 1"].font.name == "Georgia"
        assert document.sections[0].page_width == docx.Document(str(template)).sections[0].page_width
        assert document.sections[0].header.paragraphs[0].text == "Huisstijl van de organisatie"
        assert "sjabloon" not in body_text(document)
        assert missing_texts(bundled_course, body_text(document), document.core_properties.keywords) == []

    @pytest.mark.parametrize("name", list(BAD_TEMPLATES))
    def test_a_template_that_cannot_be_used_is_refused(
        self, bundled_course: Course, tmp_path: Path, name: str
    ) -> None:
        """Each kind of unusable template gives an error that names the file and says what to do."""
        make, message = BAD_TEMPLATES[name]
        template = tmp_path / "house.docx"
        make(template)
        with pytest.raises(ExportError) as caught:
            render(bundled_course, "docx", template=template)
        assert str(caught.value).startswith(f"template {template}: {message}")

    def test_a_template_is_read_once_per_exporter(self, bundled_course: Course, tmp_path: Path) -> None:
        """The first render reads and checks the template; later ones use what it found, even once the file changes."""
        good = make_template(tmp_path / "good.docx")
        bad = make_template(tmp_path / "bad.docx", drop="Subtitle")
        working, failing = DocxExporter(template=good), DocxExporter(template=bad)
        first = working.render(bundled_course)
        with pytest.raises(ExportError, match="lacks the paragraph style 'Subtitle'"):
            failing.render(bundled_course)
        good.unlink()
        make_template(bad)
        assert working.render(bundled_course) == first
        with pytest.raises(ExportError, match="lacks the paragraph style 'Subtitle'"):
            failing.render(bundled_course)

    @pytest.mark.parametrize("own_template", [False, True])
    def test_each_brochure_starts_from_a_clean_copy(
        self, bundled_course: Course, full_course: Course, tmp_path: Path, own_template: bool
    ) -> None:
        """One exporter renders course after course, each into an untouched copy of its template."""
        exporter = DocxExporter(template=make_template(tmp_path / "house.docx") if own_template else None)
        first = exporter.render(bundled_course)
        exporter.render(full_course)
        assert exporter.render(bundled_course) == first
        assert DocxExporter(template=exporter.template).render(bundled_course) == first


class TestPropertyLimits:
    def test_long_subject_is_shortened_in_metadata_only(self) -> None:
        """A subject over Word's 255 characters is cut at a word with "…"; short text is kept."""
        long = "woord " * 60
        assert fit_property("kort") == "kort"
        shortened = fit_property(long)
        assert len(shortened) <= 255
        assert shortened.endswith("woord…")

    def test_keywords_that_fit(self) -> None:
        """Keywords are kept whole, as many as fit."""
        keywords = tuple(f"trefwoord{index:02d}" for index in range(30))
        fitted = fit_keywords(keywords)
        assert len(fitted) <= 255
        assert fitted.split(", ") == list(keywords[: len(fitted.split(", "))])


class TestReproducible:
    def test_same_course_same_bytes(self, full_course: Course) -> None:
        """Two renders of one course are byte-identical."""
        assert render(full_course, "docx") == render(full_course, "docx")

    def test_zip_entries_carry_the_course_date(self, bundled_course: Course) -> None:
        """Every zip entry is stamped with the course's updated date, not the time of rendering."""
        archive = zipfile.ZipFile(io.BytesIO(render(bundled_course, "docx")))
        updated = bundled_course.updated
        assert {info.date_time for info in archive.infolist()} == {
            (updated.year, updated.month, updated.day, 0, 0, 0)
        }

    def test_time_zone_does_not_matter(self) -> None:
        """Rendering in other time zones gives the same bytes."""
        code = "import sys; from ncmw_course import load_course, render; sys.stdout.buffer.write(render(load_course(), 'docx'))"
        outputs = {
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, check=True, env={"TZ": zone, "PATH": ""}
            ).stdout
            for zone in ("UTC", "Pacific/Kiritimati", "America/Adak")
        }
        assert len(outputs) == 1

    def test_source_date_epoch(self, bundled_course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
        """SOURCE_DATE_EPOCH sets the zip timestamps and the document dates."""
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
        data = render(bundled_course, "docx")
        archive = zipfile.ZipFile(io.BytesIO(data))
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        assert open_docx(data).core_properties.created.isoformat() == "2026-01-01T00:00:00+00:00"


@given(course=courses())
@settings(deadline=None, max_examples=examples(25), suppress_health_check=[HealthCheck.too_slow])
def test_any_valid_course_renders_and_keeps_every_text(course: Course) -> None:
    """Any valid course, with long texts, many days, markup and right-to-left script, renders completely."""
    document = open_docx(render(course, "docx"))
    assert missing_texts(course, body_text(document), document.core_properties.keywords) == []


@pytest.fixture(scope="module")
def libreoffice_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The brochures of the reference courses, converted to PDF by LibreOffice in one run."""
    soffice = require("soffice")
    folder = tmp_path_factory.mktemp("libreoffice")
    sources = {
        "bundled": None,
        "minimal": TESTDATA / "course_minimal.json",
        "full": TESTDATA / "course_full.json",
    }
    for name, path in sources.items():
        (folder / f"{name}.docx").write_bytes(render(load_course(path), "docx"))
    profile = folder / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{name}.docx") for name in sources),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return {name: folder / f"{name}.pdf" for name in sources}


def pdf_info(path: Path) -> dict[str, str]:
    output = subprocess.run(
        [require("pdfinfo"), str(path)], capture_output=True, text=True, check=True
    ).stdout
    return dict(line.split(":", 1) for line in output.splitlines() if ":" in line)


@pytest.mark.libreoffice
class TestLibreOffice:
    @pytest.mark.parametrize("name", ["bundled", "minimal", "full"])
    def test_opens_as_a4_pages(self, libreoffice_pdfs: dict[str, Path], name: str) -> None:
        """LibreOffice opens the brochure and lays it out on A4 pages."""
        info = pdf_info(libreoffice_pdfs[name])
        assert "(A4)" in info["Page size"]

    def test_bundled_course_fits_on_two_pages(self, libreoffice_pdfs: dict[str, Path]) -> None:
        """The bundled course fits on at most two A4 pages."""
        assert int(pdf_info(libreoffice_pdfs["bundled"])["Pages"]) <= 2

    @pytest.mark.parametrize("name", ["bundled", "full"])
    def test_pdf_text_has_every_text(self, libreoffice_pdfs: dict[str, Path], name: str) -> None:
        """The PDF's text, as pdftotext reads it, contains every text of the course."""
        course = load_course(None if name == "bundled" else TESTDATA / f"course_{name}.json")
        pdftotext = require("pdftotext")
        pages = subprocess.run(
            [pdftotext, str(libreoffice_pdfs[name]), "-"], capture_output=True, text=True, check=True
        ).stdout
        footer = open_docx(render(course, "docx")).sections[0].footer.paragraphs[0].text.split("\t")[0]
        text = flat(re.sub(r"pagina \d+ van \d+", " ", pages.replace(footer, " ")))
        assert missing_texts(course, text, ", ".join(course.keywords)) == []

    def test_page_fields_are_computed(self, libreoffice_pdfs: dict[str, Path]) -> None:
        """LibreOffice fills in the PAGE and NUMPAGES fields of the footer."""
        pdftotext = require("pdftotext")
        text = subprocess.run(
            [pdftotext, str(libreoffice_pdfs["bundled"]), "-"], capture_output=True, text=True, check=True
        ).stdout
        pages = int(pdf_info(libreoffice_pdfs["bundled"])["Pages"])
        assert [f"pagina {page} van {pages}" in text for page in range(1, pages + 1)] == [True] * pages


def test_readme_shows_page_one() -> None:
    """The README shows a picture of the brochure's first page."""
    assert "![" in (REPO / "README.md").read_text(encoding="utf-8")
    assert (REPO / "docs" / "brochure-page-1.png").exists()


def test_labels_come_from_the_label_table(full_course: Course) -> None:
    """Day headings use the shared label table's ordinal names."""
    document = open_docx(render(full_course, "docx"))
    labels = labels_for(full_course)
    days = [p.text for p in document.paragraphs if style(p) == "Heading 2"][:3]
    assert days == [labels.day_title(day.ordinal, day.theme) for day in full_course.days]
