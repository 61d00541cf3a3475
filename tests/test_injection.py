"""Course text that looks like markup is text: every output shows it literally and interprets none of it."""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any
from xml.etree import ElementTree

import docx
import pytest
from docx.oxml.ns import qn

from ncmw_course import Course, parse_course, render
from tests.conftest import TESTDATA

PAYLOADS = [
    "<script>alert('x')</script>",
    "Tom &amp; Jerry & co",
    "eind van CDATA ]]> hier",
    "</script><!-- commentaar -->",
    "{{ sjabloon }} en {% blok %}",
    '{ PAGE } en { DATE \\@ "d-M-yyyy" }',
    "richting \u202ekeerom\u202c terug",
    "aanhalingstekens \" ' “ ” ‘ ’",
]


@pytest.fixture(scope="module")
def course() -> Course:
    """The minimal course with markup-like text in the title, description, topics and names."""
    data: dict[str, Any] = json.loads((TESTDATA / "course_minimal.json").read_text(encoding="utf-8"))
    data["title"] = PAYLOADS[0]
    data["description"] = PAYLOADS
    data["programme"]["days"][0]["topics"] = PAYLOADS
    data["trainers"][0]["name"] = PAYLOADS[3]
    data["contact"]["name"] = PAYLOADS[5]
    return parse_course(json.dumps(data))


def test_docx_holds_the_literal_text(course: Course) -> None:
    """The Word document has each payload as plain text runs and no fields but its own two."""
    document = docx.Document(io.BytesIO(render(course, "docx")))
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]
    for payload in PAYLOADS:
        assert payload in texts
    assert list(document.element.body.iter(qn("w:instrText"))) == []
    assert list(document.element.body.iter(qn("w:fldSimple"))) == []
    footer_codes = [node.text for node in document.sections[0].footer._element.iter(qn("w:instrText"))]
    assert footer_codes == [" PAGE ", " NUMPAGES "]


def test_epub_documents_stay_well_formed(course: Course) -> None:
    """Every XHTML document of the EPUB parses, has no script element, and shows the payloads as text."""
    archive = zipfile.ZipFile(io.BytesIO(render(course, "epub")))
    text = ""
    for name in archive.namelist():
        if name.endswith(".xhtml"):
            root = ElementTree.fromstring(archive.read(name))
            assert root.findall(".//{http://www.w3.org/1999/xhtml}script") == []
            text += " ".join(root.itertext())
    flat = re.sub(r"\s+", " ", text)
    for payload in PAYLOADS:
        assert payload in flat


def test_json_round_trips_the_payloads(course: Course) -> None:
    """The canonical JSON gives every payload back unchanged."""
    assert parse_course(render(course, "json")) == course


def test_jsonld_is_safe_in_a_script_element(course: Course) -> None:
    """The JSON-LD cannot close a script element or open a comment, and still parses to the text."""
    data = render(course, "jsonld")
    assert b"</" not in data
    assert b"<!--" not in data
    assert json.loads(data)["name"] == PAYLOADS[0]
