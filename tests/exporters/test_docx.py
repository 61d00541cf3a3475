"""The Word brochure: the outline rendered in Word, its Word structure, templates, reproducibility.

What the brochure says and in which order is the outline's, tested in ``tests/test_outline.py``;
these tests check that every block of the outline is rendered, and how. How LibreOffice lays the
brochure out (A4, two pages for the bundled course, the page fields) is tested with the pdf format.
"""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Iterator

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as WordParagraph
from hypothesis import HealthCheck, given, settings

from exporters._docx import fit_keywords, fit_property, render_docx
from ncmw_course import Course, render
from ncmw_course.model import Provider
from ncmw_course.outline import (
    Block,
    BulletList,
    Facts,
    Inline,
    Link,
    Outline,
    Paragraph,
    Section,
    Subsection,
    brochure_outline,
)
from tests.conftest import REPO
from tests.strategies import courses, examples
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


def style(paragraph: WordParagraph) -> str:
    """The name of a paragraph's style."""
    return paragraph.style.name if paragraph.style is not None else ""


def body_text(document: Document) -> str:
    """All the text of the body, its tables and the footers, white space made single."""
    return flat("\n".join(paragraphs(document)))


def missing_texts(course: Course, text: str, keywords: str) -> list[str]:
    """The course's texts that are not in `text` (or, for keywords, in the keywords property).

    Word keeps 255 characters of keywords: only those that fit are expected there.
    """
    body = course_texts(course, keywords=False)
    expected_keywords = fit_keywords(course.keywords).split(", ") if course.keywords else []
    return [t for t in body if flat(t) not in text] + [k for k in expected_keywords if k not in keywords]


# What the outline should look like in Word: the writer's rules, written out for the tests.


def shown(value: Inline) -> str:
    """The text a line of a fact shows: the text itself, or the link's text."""
    return value if isinstance(value, str) else value.text


def expected_paragraphs(outline: Outline) -> list[tuple[str, str]]:
    """(style, text) of each paragraph of the body, tables aside, as the outline is to be rendered."""
    found = [("Title", outline.title)]
    found += [("Subtitle", text) for text in (outline.subtitle, outline.provider, outline.summary) if text]
    for section in outline.sections:
        found += [] if section.lead else [("Heading 1", section.title)]
        found += block_paragraphs(section.blocks)
    return found


def block_paragraphs(blocks: tuple[Block, ...]) -> list[tuple[str, str]]:
    """(style, text) of the paragraphs of `blocks`: a contact row is "label value, value"."""
    found: list[tuple[str, str]] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            found.append(("Normal", block.text))
        elif isinstance(block, BulletList):
            found += [("List Bullet", item) for item in block.items]
        elif isinstance(block, Facts):
            if block.kind == "contact":
                found += [
                    ("Normal", f"{row.label} {', '.join(map(shown, row.values))}") for row in block.rows
                ]
        else:
            found += [("Heading 2", block.title), *block_paragraphs(block.blocks)]
    return found


def expected_tables(outline: Outline) -> list[list[tuple[str, str]]]:
    """(label, values a line each) of the rows of each details block, as its table is to show them."""
    return [
        [(row.label, "\n".join(map(shown, row.values))) for row in block.rows]
        for section in outline.sections
        for block in blocks_of(section)
        if isinstance(block, Facts) and block.kind == "details"
    ]


def document_tables(document: Document) -> list[list[tuple[str, str]]]:
    """The text of the two cells of each row of each table."""
    return [[(row.cells[0].text, row.cells[1].text) for row in table.rows] for table in document.tables]


def blocks_of(section: Section) -> Iterator[Block]:
    """The blocks of a section, those of its subsections included, in reading order."""
    for block in section.blocks:
        yield block
        if isinstance(block, Subsection):
            yield from block.blocks


def outline_links(outline: Outline) -> list[tuple[str, str]]:
    """(URI, text) of every link in the outline, in reading order."""
    return [
        (value.uri, value.text)
        for section in outline.sections
        for block in blocks_of(section)
        if isinstance(block, Facts)
        for row in block.rows
        for value in row.values
        if isinstance(value, Link)
    ]


def document_links(document: Document) -> list[tuple[str, str]]:
    """(target, text) of every hyperlink in the body, in document order."""
    return [
        (document.part.rels[link.get(qn("r:id"))].target_ref, "".join(t.text for t in link.iter(qn("w:t"))))
        for link in document.element.body.iter(qn("w:hyperlink"))
    ]


def bookmarks(document: Document) -> list[tuple[str, str]]:
    """(name, text of the paragraph it wraps) of each bookmark of the body, in document order."""
    found = []
    for number, start in enumerate(document.element.body.iter(qn("w:bookmarkStart"))):
        paragraph = start.getparent()
        (end,) = paragraph.findall(qn("w:bookmarkEnd"))
        assert (start.get(qn("w:id")), end.get(qn("w:id"))) == (str(number), str(number))
        assert list(paragraph)[-1] is end
        found.append((start.get(qn("w:name")), "".join(t.text for t in paragraph.iter(qn("w:t")))))
    return found


def expected_bookmarks(outline: Outline) -> list[tuple[str, str]]:
    """A bookmark per section at its heading (the lead's at its first paragraph), and per subsection."""
    found = []
    for section in outline.sections:
        first = section.blocks[0]
        lead_text = first.text if isinstance(first, Paragraph) else ""
        found.append((section.id, lead_text if section.lead else section.title))
        found += [(block.id, block.title) for block in blocks_of(section) if isinstance(block, Subsection)]
    return found


class TestRendersTheOutline:
    def test_every_text_of_the_course_is_in_the_document(self, any_course: Course) -> None:
        """Walking the model finds every text in the brochure, word for word."""
        document = open_docx(render(any_course, "docx"))
        assert missing_texts(any_course, body_text(document), document.core_properties.keywords) == []

    def test_every_block_in_order_and_style(self, any_course: Course) -> None:
        """Title block, then each section: its heading (not the lead's), paragraphs, list items, contact rows."""
        document = open_docx(render(any_course, "docx"))
        rendered = [(style(p), p.text) for p in document.paragraphs]
        assert rendered == expected_paragraphs(brochure_outline(any_course))

    def test_sections_and_subsections_are_bookmarked(self, any_course: Course) -> None:
        """Each section id marks its heading (the lead's, its first paragraph), each subsection id its own."""
        document = open_docx(render(any_course, "docx"))
        assert bookmarks(document) == expected_bookmarks(brochure_outline(any_course))

    def test_practical_facts_are_a_table(self, any_course: Course) -> None:
        """Each details block is a two-column table of label and values, each value on a line of its own."""
        document = open_docx(render(any_course, "docx"))
        assert document_tables(document) == expected_tables(brochure_outline(any_course))

    def test_facts_table_in_the_house_style(self, full_course: Course) -> None:
        """The labels are bold, and every cell is shaded in the house colour."""
        table, *timetables = open_docx(render(full_course, "docx")).tables
        assert len(timetables) == 3  # a day's sessions are a table too
        labels = [run for row in table.rows for run in row.cells[0].paragraphs[0].runs]
        assert labels
        assert all(run.bold for run in labels)
        fills = [cell._tc.xpath("./w:tcPr/w:shd/@w:fill") for row in table.rows for cell in row.cells]
        assert fills == [["E8F3F5"]] * 2 * len(table.rows)

    def test_when_a_day_takes_place_is_in_italics(self, full_course: Course) -> None:
        """The paragraphs of role "when" are in italics, and no other paragraph is."""
        document = open_docx(render(full_course, "docx"))
        when = {
            block.text
            for section in brochure_outline(full_course).sections
            for block in blocks_of(section)
            if isinstance(block, Paragraph) and block.role == "when"
        }
        italic = {p.text for p in document.paragraphs if any(run.italic for run in p.runs)}
        assert len(when) == 3
        assert italic == when

    def test_links_are_the_outline_s(self, any_course: Course) -> None:
        """Every link of the outline is a hyperlink with its text and exactly its URI, in order."""
        document = open_docx(render(any_course, "docx"))
        links = outline_links(brochure_outline(any_course))
        assert links
        assert document_links(document) == links

    def test_mailto_is_percent_encoded_as_the_outline_made_it(self, bundled_course: Course) -> None:
        """An address with ``&`` and ``=`` is linked as ``mailto:a%26b%3Dc@…`` and shown as written."""
        contact = bundled_course.contact.model_copy(update={"email": "a&b=c@example.org"})
        document = open_docx(render(bundled_course.model_copy(update={"contact": contact}), "docx"))
        assert ("mailto:a%26b%3Dc@example.org", "a&b=c@example.org") in document_links(document)
        assert "E-mail a&b=c@example.org" in [p.text for p in document.paragraphs]

    def test_provider_row_shows_its_name_and_its_own_site(self, bundled_course: Course) -> None:
        """The provider's row is its name, then a link to its website when it has one of its own."""
        provider = Provider.model_validate({"name": "NCMW", "website": "https://ncmw.org/cursussen"})
        document = open_docx(render(bundled_course.model_copy(update={"provider": provider}), "docx"))
        (row,) = [p for p in document.paragraphs if p.text.startswith("Aanbieder")]
        assert row.text == "Aanbieder NCMW, https://ncmw.org/cursussen"
        assert document_links(document)[-1] == ("https://ncmw.org/cursussen", "https://ncmw.org/cursussen")

    def test_an_outline_renders_as_given(self, bundled_course: Course) -> None:
        """The writer renders the outline it is given, not the course: a changed outline shows its change."""
        outline = brochure_outline(bundled_course)
        method = Section("method", "Aanpak", (Paragraph("Anders gezegd.", "text"),))
        changed = dataclasses.replace(
            outline, sections=tuple(method if s.id == "method" else s for s in outline.sections)
        )
        document = open_docx(render_docx(changed))
        assert ("Heading 1", "Aanpak") in [(style(p), p.text) for p in document.paragraphs]
        assert ("method", "Aanpak") in bookmarks(document)
        assert "Werkwijze" not in body_text(document)


class TestWordStructure:
    def test_lists_are_real_word_lists(self, full_course: Course) -> None:
        """List items are List Bullet paragraphs numbered by a bullet definition, with no typed bullet."""
        document = open_docx(render(full_course, "docx"))
        items = [p for p in document.paragraphs if style(p) == "List Bullet"]
        assert len(items) == 12  # three goals, seven topics, two references
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

    def test_footer(self, bundled_course: Course) -> None:
        """The footer names the provider and contact, and counts pages with PAGE and NUMPAGES fields."""
        document = open_docx(render(bundled_course, "docx"))
        footer = document.sections[0].footer.paragraphs[0]
        codes = [node.text.strip() for node in footer._p.iter(qn("w:instrText"))]
        assert codes == ["PAGE", "NUMPAGES"]
        assert footer.text == "NCMW · Tel. 0495–450667 · info@ncmw.nl · www.ncmw.nl\tpagina 1 van 1"

    def test_footer_in_the_language_of_the_labels(self, minimal_course: Course) -> None:
        """An English course counts its pages in English, from the outline's label table."""
        english = minimal_course.model_copy(update={"language": "en"})
        footer = open_docx(render(english, "docx")).sections[0].footer.paragraphs[0]
        assert footer.text.endswith("\tpage 1 of 1")

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
        """Title, subject, author, keywords, identifier, language and dates come from the outline's metadata."""
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
        assert properties.identifier == "ontrouw-binnen-de-relatie"

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
def test_any_valid_course_renders_its_whole_outline(course: Course) -> None:
    """Any valid course, with long texts, many days, markup and right-to-left script, renders every
    block, bookmark and link of its outline (which has every text: tests/test_outline.py)."""
    document = open_docx(render(course, "docx"))
    outline = brochure_outline(course)
    assert [(style(p), p.text) for p in document.paragraphs] == expected_paragraphs(outline)
    assert bookmarks(document) == expected_bookmarks(outline)
    assert document_links(document) == outline_links(outline)
    assert document_tables(document) == expected_tables(outline)


def test_readme_shows_page_one() -> None:
    """The README shows a picture of the brochure's first page."""
    assert "![" in (REPO / "README.md").read_text(encoding="utf-8")
    assert (REPO / "docs" / "brochure-page-1.png").exists()
