"""The pieces that fill python-docx's gaps, each on its own document."""

from __future__ import annotations

import io

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st

from exporters._ooxml import (
    _escape,
    add_bookmark,
    add_bullet_numbering,
    add_field,
    add_hyperlink,
    add_text,
    drop_template_leftovers,
    set_app_properties,
    set_bullet,
    set_default_language,
    set_style_id,
)


def reopened(document: Document) -> Document:
    """Save and reopen, to see what a reader of the file sees."""
    buffer = io.BytesIO()
    document.save(buffer)
    return docx.Document(io.BytesIO(buffer.getvalue()))


def test_hyperlink_is_an_external_relationship() -> None:
    """A hyperlink points through an external relationship and shows its text in the link style."""
    document = docx.Document()
    add_hyperlink(document.add_paragraph("Mail "), "mailto:info@ncmw.nl", "info@ncmw.nl")
    document = reopened(document)
    (link,) = document.element.body.iter(qn("w:hyperlink"))
    relationship = document.part.rels[link.get(qn("r:id"))]
    assert (relationship.target_ref, relationship.is_external) == ("mailto:info@ncmw.nl", True)
    assert link.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) == "Hyperlink"
    assert document.paragraphs[0].text == "Mail info@ncmw.nl"


def test_field_has_begin_code_result_and_end() -> None:
    """A field is the begin, instruction, separate, placeholder and end runs Word expects."""
    document = docx.Document()
    add_field(document.add_paragraph(), "NUMPAGES", "1")
    paragraph = reopened(document).paragraphs[0]._p
    kinds = [node.get(qn("w:fldCharType")) for node in paragraph.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert [node.text for node in paragraph.iter(qn("w:instrText"))] == [" NUMPAGES "]
    assert [node.text for node in paragraph.iter(qn("w:t"))] == ["1"]


def test_bullet_numbering_is_a_new_definition() -> None:
    """Each call adds a bullet definition and a num that refers to it; items point at that num."""
    document = docx.Document()
    first, second = add_bullet_numbering(document), add_bullet_numbering(document)
    assert first != second
    paragraph = document.add_paragraph("punt", style="List Bullet")
    set_bullet(paragraph, second)
    set_bullet(paragraph, second)  # setting twice leaves one numPr
    properties = reopened(document).paragraphs[0]._p.pPr
    assert properties is not None
    assert len(properties.findall(qn("w:numPr"))) == 1
    assert properties.xpath("./w:numPr/w:numId/@w:val") == [str(second)]
    numbering = document.part.numbering_part.element
    tags = [child.tag for child in numbering if child.tag in (qn("w:abstractNum"), qn("w:num"))]
    assert tags == sorted(tags, key=lambda tag: tag == qn("w:num"))  # every abstractNum before any num


def test_default_language_reaches_the_styles() -> None:
    """The document default run properties carry the language, for Word's spelling checker."""
    document = docx.Document()
    set_default_language(document, "nl-BE")
    language = reopened(document).styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert (language.get(qn("w:val")), language.get(qn("w:eastAsia"))) == ("nl-BE", "nl-BE")


def test_leftovers_are_dropped_and_app_properties_replaced() -> None:
    """The thumbnail, bibliography store and Word 2010 styles copy go; app.xml tells the truth."""
    document = docx.Document()
    drop_template_leftovers(document)
    set_app_properties(document, application="ncmw-course 0.1.0", company="NCMW & co")
    buffer = io.BytesIO()
    document.save(buffer)
    import zipfile

    archive = zipfile.ZipFile(buffer)
    names = archive.namelist()
    assert not [name for name in names if "thumbnail" in name or "customXml" in name or "WithEffects" in name]
    app = archive.read("docProps/app.xml").decode()
    assert "<Application>ncmw-course 0.1.0</Application>" in app
    assert "<Company>NCMW &amp; co</Company>" in app


@given(st.text())
def test_app_properties_escape_as_saxutils_does(text: str) -> None:
    """The local escape of app.xml's texts is ``xml.sax.saxutils.escape`` (which costs 8 ms to import)."""
    from xml.sax.saxutils import escape

    assert _escape(text) == escape(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ontrouw binnen de relatie",
        " spaces at the ends ",
        "één “quote” – José",
        "",
        "tab\there",
        "line\nbreak",
    ],
)
def test_add_text_makes_what_add_run_makes(text: str) -> None:
    """The fast run is the same XML as python-docx's, and reads back as the same text."""
    document = docx.Document()
    fast, slow = document.add_paragraph(), document.add_paragraph()
    run = add_text(fast, text)
    slow.add_run(text)
    assert fast._p.xml == slow._p.xml
    assert run.text == text
    run.bold = True  # a Run like any other
    assert reopened(document).paragraphs[0].runs[0].bold is True


@pytest.mark.parametrize("style_id", [None, "Heading1"])
@pytest.mark.parametrize("has_properties", [False, True])
def test_set_style_id_does_what_python_docx_does(style_id: str | None, has_properties: bool) -> None:
    """A new paragraph, or one with properties already, gets the XML python-docx's setter makes."""
    document = docx.Document()
    fast, slow = document.add_paragraph("text"), document.add_paragraph("text")
    if has_properties:
        for paragraph in (fast, slow):
            paragraph.paragraph_format.keep_with_next = True
    set_style_id(fast, style_id)
    slow._p.style = style_id
    assert fast._p.xml == slow._p.xml


def test_bookmark_wraps_the_paragraph() -> None:
    """A bookmark starts after the paragraph's properties and ends after its last run, with its id."""
    document = docx.Document()
    heading = document.add_paragraph("Programma", style="Heading 1")
    plain = document.add_paragraph("Tekst")
    add_bookmark(heading, "programme", 0)
    add_bookmark(plain, "day-1", 1)
    first, second = (paragraph._p for paragraph in reopened(document).paragraphs)
    assert [child.tag for child in first] == [
        qn(tag) for tag in ("w:pPr", "w:bookmarkStart", "w:r", "w:bookmarkEnd")
    ]
    assert [child.tag for child in second] == [qn(tag) for tag in ("w:bookmarkStart", "w:r", "w:bookmarkEnd")]
    starts = [(node.get(qn("w:name")), node.get(qn("w:id"))) for node in (first[1], second[0])]
    assert starts == [("programme", "0"), ("day-1", "1")]
    assert [first[-1].get(qn("w:id")), second[-1].get(qn("w:id"))] == ["0", "1"]
    assert [paragraph.text for paragraph in reopened(document).paragraphs] == ["Programma", "Tekst"]


@pytest.mark.parametrize("name", ["", "two words", "x" * 41])
def test_bookmark_names_word_cannot_keep_are_refused(name: str) -> None:
    """An empty name, one with a space, or one over Word's 40 characters is a ValueError."""
    document = docx.Document()
    with pytest.raises(ValueError, match="a bookmark name is 1 to 40 characters"):
        add_bookmark(document.add_paragraph("Tekst"), name, 0)
