"""A user's Word template: what a brochure keeps of it, what it never keeps, and every template refused.

The templates are made by ``tests/exporters/templates.py``. A brochure made with the hostile one is
opened and searched for each hostile thing; damaged and oversized templates each give one
:class:`ExportError` whose message is checked whole; a property test feeds random bytes and
random changes of a valid template to the exporter.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]

from exporters._template import MAX_STYLES
from exporters._template_archive import MAX_KEPT_BYTES, MAX_TEMPLATE_ENTRIES
from exporters._template_xml import MAX_XML_DEPTH
from exporters.docx import DocxExporter
from ncmw_course import Course, ExportError, load_course, render
from ncmw_course.outline import brochure_outline
from tests.exporters.templates import (
    AGAIN,
    HOSTILE,
    LOGO,
    edit_parts,
    edit_xml,
    hostile_template,
    insert_before_end,
    make_template,
    parts,
    refused,
    w_part,
)
from tests.exporters.test_docx import body_text, missing_texts, open_docx, outline_links
from tests.exporters.test_docx import style as style_name


@pytest.fixture(scope="module")
def hostile_brochure(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The parts of the bundled course's brochure made with the hostile template."""
    folder = tmp_path_factory.mktemp("hostile")
    template = hostile_template(folder / "huisstijl.docx", port=9, secret=folder / "geheim.png")
    return parts(render(load_course(), "docx", template=template))


class TestHostileTemplate:
    @pytest.mark.parametrize("item", list(HOSTILE))
    def test_the_brochure_has_none_of_it(self, hostile_brochure: dict[str, bytes], item: str) -> None:
        """The brochure holds none of what betrays each hostile thing, in any part's name or content."""
        for marker in HOSTILE[item]:
            found = [
                name for name, data in hostile_brochure.items() if marker in data or marker in name.encode()
            ]
            assert found == [], f"{marker!r} in {found}"

    def test_only_allowed_parts(self, hostile_brochure: dict[str, bytes]) -> None:
        """The brochure's parts are the rebuilt template's and the brochure's own: no macro, custom XML, notes."""
        assert sorted(hostile_brochure) == [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/app.xml",
            "docProps/core.xml",
            "word/_rels/document.xml.rels",
            "word/_rels/header1.xml.rels",
            "word/document.xml",
            "word/fontTable.xml",
            "word/footer1.xml",
            "word/header1.xml",
            "word/media/image1.png",
            "word/numbering.xml",
            "word/settings.xml",
            "word/styles.xml",
            "word/theme/theme1.xml",
        ]

    def test_the_only_external_links_are_the_brochure_s(self, hostile_brochure: dict[str, bytes]) -> None:
        """Every external relationship is a link of the outline; the header links to nothing."""
        external = [
            element.get("Target")
            for name, data in hostile_brochure.items()
            if name.endswith(".rels")
            for element in etree.fromstring(data)
            if element.get("TargetMode") == "External"
        ]
        assert sorted(external) == sorted(uri for uri, _ in outline_links(brochure_outline(load_course())))
        assert b"TargetMode" not in hostile_brochure["word/_rels/header1.xml.rels"]

    def test_the_look_is_kept(self, hostile_brochure: dict[str, bytes]) -> None:
        """The header keeps its text, its logo, the link texts, and its PAGE field; the fields' results stay as text."""
        header = etree.fromstring(hostile_brochure["word/header1.xml"])
        text = "".join(node.text for node in header.iter(qn("w:t")))
        assert text.startswith("Huisstijl van de organisatieWebsiteWachtwoordenNetwerkschijf")
        assert "ddeingevoegdplaatjeklik1" in text
        assert [node.text for node in header.iter(qn("w:instrText"))] == [" PAGE "]
        assert hostile_brochure["word/media/image1.png"] == LOGO


def make_deep(depth: int) -> Callable[[bytes], bytes]:
    """An edit that nests `depth` elements in a header paragraph."""
    nested = "<w:sdt><w:sdtContent>" * (depth // 2) + "</w:sdtContent></w:sdt>" * (depth // 2)
    return insert_before_end("w:hdr", f"<w:p>{nested}</w:p>")


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE w:styles [\n<!ENTITY a "aaaaaaaaaa">\n'
    + b"".join(
        b'<!ENTITY %c "%s">\n' % (ord("b") + i, b"".join(b"&%c;" % (ord("a") + i) for _ in range(10)))
        for i in range(8)
    )
    + b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&i;</w:styles>'
)


def heading_as_character_style(root: etree._Element) -> None:
    for style in root.iter(qn("w:style")):
        if style.get(qn("w:styleId")) == "Heading1":
            style.set(qn("w:type"), "character")


def numbered_x(root: etree._Element) -> None:
    next(root.iter(qn("w:num"))).set(qn("w:numId"), "x")


def many_styles(root: etree._Element) -> None:
    template = next(root.iter(qn("w:style")))
    for index in range(MAX_STYLES):
        style = copy.deepcopy(template)
        style.set(qn("w:styleId"), f"Extra{index}")
        root.append(style)


def drop_body(root: etree._Element) -> None:
    root.remove(root.find(qn("w:body")))


def drop_section(root: etree._Element) -> None:
    body = root.find(qn("w:body"))
    body.remove(body.find(qn("w:sectPr")))


def page_width(value: str) -> Callable[[etree._Element], None]:
    return lambda root: next(root.iter(qn("w:pgSz"))).set(qn("w:w"), value)


DAMAGED: dict[str, tuple[dict[str, object], str]] = {
    "malformed XML": (
        {"word/styles.xml": b'<w:styles xmlns:w="urn:w">\n<w:style>\n</w:styles>'},
        f"is damaged (word/styles.xml is not well-formed XML (line 3, column 12)); {AGAIN}",
    ),
    "no body": (
        {"word/document.xml": edit_xml(drop_body)},
        f"is damaged (word/document.xml has no body); {AGAIN}",
    ),
    "no page setup": (
        {"word/document.xml": edit_xml(drop_section)},
        f"is damaged (word/document.xml has no page setup: its body ends without section properties); {AGAIN}",
    ),
    "Heading 1 a character style": (
        {"word/styles.xml": edit_xml(heading_as_character_style)},
        (
            "its style 'Heading 1' is a character style; the brochure needs a paragraph style of that name, "
            "so define it as one in Word"
        ),
    ),
    "list id not a number": (
        {"word/numbering.xml": edit_xml(numbered_x)},
        f"is damaged (word/numbering.xml numbers a list 'x', which is not a number); {AGAIN}",
    ),
    "page width not a number": (
        {"word/document.xml": edit_xml(page_width("breed"))},
        f"is damaged (python-docx cannot read it: invalid literal for int() with base 10: 'breed'); {AGAIN}",
    ),
    "XML nested too deeply for libxml2": (
        {"word/header1.xml": make_deep(400)},
        (
            f"word/header1.xml nests XML elements more than {MAX_XML_DEPTH} deep, which a Word file never does, "
            "so this file is refused"
        ),
    ),
    "XML nested too deeply": (
        {"word/header1.xml": make_deep(MAX_XML_DEPTH + 10)},
        (
            f"word/header1.xml nests XML elements more than {MAX_XML_DEPTH} deep, which a Word file never does, "
            "so this file is refused"
        ),
    ),
    "billion laughs": (
        {"word/styles.xml": BILLION_LAUGHS},
        "word/styles.xml declares a DOCTYPE, which a Word file never does, so this file is refused",
    ),
    "too many styles": (
        {"word/styles.xml": edit_xml(many_styles)},
        (
            f"word/styles.xml defines {MAX_STYLES + 164} styles; a template may define at most {MAX_STYLES}, "
            "so this file is refused"
        ),
    ),
    "too many parts": (
        {f"word/media/extra{index}.png": b"" for index in range(MAX_TEMPLATE_ENTRIES)},
        (
            f"has {MAX_TEMPLATE_ENTRIES + 18} parts; a Word template has at most {MAX_TEMPLATE_ENTRIES}, "
            "so this file is refused"
        ),
    ),
    "too large a header": (
        {
            "word/header1.xml": insert_before_end(
                "w:hdr", "<w:p>" + "<w:r><w:t>x</w:t></w:r>" * (MAX_KEPT_BYTES // 20) + "</w:p>"
            )
        },
        (
            "its styles, settings, headers, footers and their images unpack to more than 8 MB; "
            "a template may bring at most that, so this file is refused"
        ),
    ),
    "no main document": (
        {"_rels/.rels": w_part("w:nothing", "")},
        f"is not a valid Word .docx file (it has no main document part); {AGAIN}",
    ),
    "a spreadsheet as document": (
        {
            "word/document.xml": b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
        },
        f"is not a valid Word .docx file (word/document.xml is not a Word document); {AGAIN}",
    ),
    "a header that is a footer": (
        {"word/header1.xml": lambda data: data.replace(b"w:hdr", b"w:ftr")},
        f"is damaged (word/header1.xml is not the part its relationship says); {AGAIN}",
    ),
}
"""Templates made by editing a valid one, each with its whole message after ``template <path>: ``."""


class TestDamagedTemplate:
    @pytest.mark.parametrize("name", list(DAMAGED))
    def test_refused_with_one_message(self, tmp_path: Path, name: str) -> None:
        """Each damaged or oversized template is one ExportError that names the file and says what is wrong."""
        edits, message = DAMAGED[name]
        template = edit_parts(make_template(tmp_path / "huisstijl.docx"), edits)  # type: ignore[arg-type]
        assert refused(template) == message
        assert list(tmp_path.iterdir()) == [template]


class TestLimits:
    @pytest.mark.slow
    def test_a_template_at_the_limits_costs_little_per_brochure(self, tmp_path: Path) -> None:
        """A template near every limit (styles, kept size) is read once, then renders each brochure in under 2 seconds."""
        template = make_template(tmp_path / "huisstijl.docx")

        def fill(root: etree._Element) -> None:
            many_styles(root)
            for style in root.findall(qn("w:style"))[-200:]:
                root.remove(style)

        edit_parts(
            template,
            {
                "word/styles.xml": edit_xml(fill),
                "word/header1.xml": insert_before_end(
                    "w:hdr", "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 150_000
                ),
            },
        )
        exporter = DocxExporter(template)
        exporter.loaded_template()
        course = load_course()
        started = time.monotonic()
        exporter.render(course)
        assert time.monotonic() - started < 2


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

    def test_a_word_template_file_is_a_template_too(self, bundled_course: Course, tmp_path: Path) -> None:
        """A .dotx (or macro-enabled) Word file is accepted: its main part is written as a document's."""
        template = edit_parts(
            make_template(tmp_path / "huisstijl.dotx"),
            {"[Content_Types].xml": lambda data: data.replace(b"document.main+xml", b"template.main+xml")},
        )
        document = open_docx(render(bundled_course, "docx", template=template))
        assert document.sections[0].header.paragraphs[0].text == "Huisstijl van de organisatie"

    def test_what_python_docx_needs_is_supplied(self, bundled_course: Course, tmp_path: Path) -> None:
        """A template of a page setup, styles and a header alone works: numbering and properties are made."""
        template = edit_parts(
            make_template(tmp_path / "huisstijl.docx"),
            dict.fromkeys(
                (
                    "word/numbering.xml",
                    "word/settings.xml",
                    "word/theme/theme1.xml",
                    "word/fontTable.xml",
                    "word/webSettings.xml",
                    "docProps/app.xml",
                    "docProps/core.xml",
                )
            ),
        )
        brochure = parts(render(bundled_course, "docx", template=template))
        assert b"<Application>ncmw-course " in brochure["docProps/app.xml"]
        assert b"<w:abstractNum " in brochure["word/numbering.xml"]

    def test_style_names_as_libreoffice_writes_them(self, bundled_course: Course, tmp_path: Path) -> None:
        """A template from LibreOffice, whose built-in styles are named "Heading 1" and "Footer", works."""
        template = edit_parts(
            make_template(tmp_path / "huisstijl.docx"),
            {
                "word/styles.xml": lambda data: data.replace(
                    b'w:val="heading 1"', b'w:val="Heading 1"'
                ).replace(b'w:val="footer"', b'w:val="Footer"')
            },
        )
        document = open_docx(render(bundled_course, "docx", template=template))
        assert document.styles["Heading 1"].font.name == "Georgia"
        assert [style_name(p) for p in document.paragraphs if p.text == "Programma"] == ["Heading 1"]
