"""The document writers render one outline: the same sections, ids and links in Word, EPUB and HTML.

Read from the files themselves: the Word brochure's bookmarks and hyperlinks, the EPUB's sections
and links in spine order, the web page's sections and links, and the EDU-DEX contact subject.
"""

from __future__ import annotations

import ast
import html
import io
import json
import re
import zipfile
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree as ET

import docx
import pytest
from docx.oxml.ns import qn

from ncmw_course import Course, load_course, render
from tests.conftest import REPO, TESTDATA

COURSES = {
    "bundled": None,
    "full": TESTDATA / "course_full.json",
    "maximal": TESTDATA / "course_maximal.json",
}
LINK_SCHEMES = ("http:", "https:", "mailto:", "tel:")
XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
WRITERS = ("_docx.py", "_epub.py", "_epub_documents.py", "_epub_cover.py", "_html.py", "_outline_markup.py")
"""The modules that write documents from the outline."""


@pytest.fixture(params=list(COURSES))
def course(request: pytest.FixtureRequest) -> Course:
    """Each reference course in turn."""
    return load_course(COURSES[request.param])


def docx_sections(data: bytes) -> list[str]:
    """The bookmark names of the Word brochure, in document order: its section and subsection ids."""
    body = docx.Document(io.BytesIO(data)).element.body
    return [mark.get(qn("w:name")) for mark in body.iter(qn("w:bookmarkStart"))]


def docx_links(data: bytes) -> list[str]:
    """The targets of the Word brochure's hyperlinks, body and footer, in order."""
    document = docx.Document(io.BytesIO(data))
    parts = [document.part, *(section.footer.part for section in document.sections)]
    targets = []
    for part in parts:
        for link in part.element.iter(qn("w:hyperlink")):
            relationship = link.get(qn("r:id"))
            if relationship is not None:
                targets.append(part.rels[relationship].target_ref)
    return targets


def epub_documents(data: bytes) -> list[ET.Element]:
    """The EPUB's spine documents, parsed, in reading order."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    opf_path = next(name for name in archive.namelist() if name.endswith(".opf"))
    opf = ET.fromstring(archive.read(opf_path))
    folder = opf_path.rpartition("/")[0]
    manifest = {item.get("id"): item.get("href") for item in opf.iter(f"{OPF}item")}
    hrefs = [manifest[ref.get("idref")] for ref in opf.iter(f"{OPF}itemref")]
    return [ET.fromstring(archive.read(f"{folder}/{href}")) for href in hrefs]


def epub_sections(data: bytes) -> list[str]:
    """The ids of the EPUB's sections, chapter by chapter in spine order."""
    return [
        section.get("id", "")
        for root in epub_documents(data)
        for section in root.iter(f"{XHTML}section")
        if section.get("id")
    ]


def epub_links(data: bytes) -> list[str]:
    """The targets of the EPUB's links that leave the book."""
    return [
        link.get("href", "")
        for root in epub_documents(data)
        for link in root.iter(f"{XHTML}a")
        if link.get("href", "").startswith(LINK_SCHEMES)
    ]


def html_sections(data: bytes) -> list[str]:
    """The ids of the web page's sections, in document order."""
    return re.findall(r'<section\b[^>]*\bid="([^"]+)"', data.decode("utf-8"))


def html_links(data: bytes) -> list[str]:
    """The targets of the web page's ``<a>`` links that leave the page (entities resolved)."""
    hrefs = re.findall(r'<a\b[^>]*\bhref="([^"]+)"', data.decode("utf-8"))
    return [html.unescape(href) for href in hrefs if html.unescape(href).startswith(LINK_SCHEMES)]


def edudex_contact_links(course: Course) -> list[str]:
    """The mailto: and tel: targets of the EDU-DEX contact subject, for a course made ready for EDU-DEX."""
    full = json.loads((TESTDATA / "course_full.json").read_bytes())
    data = course.model_dump(mode="json") | {
        "edudex": full["edudex"],
        "editions": [{"start_date": "2030-01-07", "location": {"name": "NCMW"}}],
        "programme": {**course.model_dump(mode="json")["programme"], "days": [
            {key: value for key, value in day.items() if key != "date"}
            for day in course.model_dump(mode="json")["programme"]["days"]
        ]},
        "description": [course.description[0][:1000]],
        "hours": None,  # EDU-DEX takes whole hours only; the links are what this is about
        "accreditations": [],
        "summary": course.listing_summary[:200],
    }  # fmt: skip
    ready = Course.model_validate(data)
    subjects = json.loads(render(ready, "edudex"))["programDescriptions"]["subjectText"]
    (contact,) = [subject for subject in subjects if subject["subject"] == "contact"]
    hrefs = re.findall(r'href="((?:mailto|tel):[^"]+)"', contact["descriptionHtml"]["nl"])
    return [html.unescape(href) for href in hrefs]


def test_same_sections_in_the_same_order(course: Course) -> None:
    """Word bookmarks, EPUB sections and web page sections carry the outline's ids, in its order."""
    from ncmw_course.outline import Subsection, brochure_outline

    expected = [
        part
        for section in brochure_outline(course).sections
        for part in (section.id, *(b.id for b in section.blocks if isinstance(b, Subsection)))
    ]
    assert docx_sections(render(course, "docx")) == expected
    assert epub_sections(render(course, "epub")) == expected
    assert html_sections(render(course, "html")) == expected


def test_every_address_is_linked_once_per_document(course: Course) -> None:
    """No web address, e-mail address or phone number is linked twice in one document."""
    for name, links in (
        ("docx", docx_links(render(course, "docx"))),
        ("epub", epub_links(render(course, "epub"))),
        ("html", html_links(render(course, "html"))),
    ):
        twice = [uri for uri, count in Counter(links).items() if count > 1]
        assert (name, twice) == (name, [])
        assert links, name


def test_mailto_and_tel_are_the_same_everywhere(course: Course) -> None:
    """The mailto: and tel: URIs are identical in Word, EPUB, HTML and EDU-DEX."""

    def personal(links: list[str]) -> list[str]:
        return sorted(link for link in links if link.startswith(("mailto:", "tel:")))

    word = personal(docx_links(render(course, "docx")))
    assert word
    assert personal(epub_links(render(course, "epub"))) == word
    assert personal(html_links(render(course, "html"))) == word
    assert personal(edudex_contact_links(course)) == word


def test_an_address_that_needs_encoding_is_encoded_alike(full_course: Course) -> None:
    """An e-mail address with & and = is percent-encoded once, the same way, in every format."""
    contact = full_course.contact.model_copy(update={"email": "info&cursus=ja@ncmw.nl"})
    course = full_course.model_copy(update={"contact": contact})
    expected = "mailto:info%26cursus%3Dja@ncmw.nl"
    assert expected in docx_links(render(course, "docx"))
    assert expected in epub_links(render(course, "epub"))
    assert expected in html_links(render(course, "html"))
    assert expected in edudex_contact_links(course)


@pytest.mark.parametrize("module", WRITERS)
def test_writers_read_the_outline_not_the_model(module: str) -> None:
    """No document writer imports the course model, even for type checking: the outline is its only source."""
    tree = ast.parse((REPO / "exporters" / module).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module is not None
    } | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert "ncmw_course.model" not in imported
    assert "ncmw_course.outline" in imported


def test_the_writers_are_all_checked() -> None:
    """Every private module of a document format is in the list of writers above."""
    found = {path.name for path in (REPO / "exporters").glob("_*.py")}
    documents = {name for name in found if name.startswith(("_docx", "_epub", "_html", "_outline"))}
    assert documents - {"_docx_style.py"} == set(WRITERS)
    assert Path(REPO / "exporters" / "_docx_style.py").is_file()
