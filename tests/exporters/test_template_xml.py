"""Each step of a template's sanitising on its own: safe parsing, fields, references, VML links,
annotations, settings, relationship targets and image types."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]

from exporters._template import image_type
from exporters._template_archive import resolve
from exporters._template_xml import (
    MAX_XML_DEPTH,
    TemplateProblem,
    drop_annotations,
    drop_dangling_references,
    drop_fields,
    drop_linked_urls,
    keep_layout_settings,
    parse_part,
    xml_depth,
)
from tests.exporters.templates import NAMESPACES, complex_field, fragment, png

DECLARED = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())


def paragraph(xml: str) -> etree._Element:
    """A ``w:p`` holding `xml`, in a header part of its own."""
    header = fragment(f"<w:hdr><w:p>{xml}</w:p></w:hdr>")
    return header[0]


def text(element: etree._Element) -> str:
    """The text of an element's ``w:t`` descendants."""
    return "".join(node.text or "" for node in element.iter(qn("w:t")))


def tags(element: etree._Element) -> list[str]:
    """The prefixed names of an element's descendants, in document order."""
    prefixes = {uri: prefix for prefix, uri in NAMESPACES.items()}
    found = []
    for node in element.iter():
        name = etree.QName(node)
        found.append(f"{prefixes[name.namespace]}:{name.localname}")
    return found[1:]


class TestParsePart:
    def test_a_doctype_is_refused_before_parsing(self) -> None:
        """A DOCTYPE, in UTF-8 or UTF-16, refuses the part, whatever it declares."""
        for data in (
            b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>',
            '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>'.encode("utf-16"),
        ):
            with pytest.raises(TemplateProblem) as raised:
                parse_part("word/styles.xml", data)
            assert str(raised.value) == (
                "word/styles.xml declares a DOCTYPE, which a Word file never does, so this file is refused"
            )

    @pytest.mark.parametrize("depth", [MAX_XML_DEPTH + 1, 300])
    def test_too_deep_is_refused(self, depth: int) -> None:
        """Nesting deeper than MAX_XML_DEPTH is refused, below and above libxml2's own limit."""
        with pytest.raises(TemplateProblem) as raised:
            parse_part("word/header1.xml", b"<a>" * depth + b"</a>" * depth)
        assert str(raised.value) == (
            f"word/header1.xml nests XML elements more than {MAX_XML_DEPTH} deep, "
            "which a Word file never does, so this file is refused"
        )

    def test_as_deep_as_allowed_is_parsed(self) -> None:
        """MAX_XML_DEPTH levels parse; comments and processing instructions are dropped."""
        depth = MAX_XML_DEPTH
        root = parse_part("x.xml", b"<?pi x?><a><!-- c -->" + b"<a>" * (depth - 1) + b"</a>" * depth)
        assert xml_depth(root) == depth
        assert b"<!--" not in etree.tostring(root)

    def test_not_well_formed(self) -> None:
        """Malformed XML names the part, line and column, and says what to do."""
        with pytest.raises(TemplateProblem) as raised:
            parse_part("word/styles.xml", b"<a>\n<b></a>")
        assert str(raised.value) == (
            "is damaged (word/styles.xml is not well-formed XML (line 2, column 8)); save it again as .docx in Word"
        )


class TestFields:
    def test_page_and_numpages_stay(self) -> None:
        """PAGE, NUMPAGES (any case, with a format switch) stay, simple or complex."""
        kept = paragraph(
            complex_field(" PAGE \\* MERGEFORMAT ", "1")
            + '<w:fldSimple w:instr=" numpages "><w:r><w:t>2</w:t></w:r></w:fldSimple>'
        )
        before = etree.tostring(kept)
        drop_fields(kept)
        assert etree.tostring(kept) == before

    def test_other_fields_go_their_results_stay(self) -> None:
        """DDEAUTO, INCLUDETEXT and HYPERLINK go; what they showed stays as text; PAGE beside them stays."""
        element = paragraph(
            '<w:fldSimple w:instr=" DDEAUTO cmd "><w:fldData>AAAA</w:fldData><w:r><w:t>dde</w:t></w:r></w:fldSimple>'
            + complex_field(' INCLUDETEXT "file:///etc/passwd" ', "tekst")
            + complex_field(" PAGE ", "1")
            + complex_field(' HYPERLINK "javascript:x" ', "klik")
        )
        drop_fields(element)
        assert text(element) == "ddetekst1klik"
        assert [node.text for node in element.iter(qn("w:instrText"))] == [" PAGE "]
        assert len(list(element.iter(qn("w:fldChar")))) == 3
        assert b"fldData" not in etree.tostring(element)

    def test_a_field_in_a_dropped_field_s_code_goes(self) -> None:
        """A field nested in the code of a dropped field is dropped with it, whatever it is."""
        nested = complex_field(" PAGE ", "1").replace("<w:r><w:t>1</w:t></w:r>", "")
        element = paragraph(
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>'
            + nested
            + '<w:r><w:instrText> = 1 "x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + '<w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
        drop_fields(element)
        assert [node.text for node in element.iter(qn("w:instrText"))] == [" PAGE "]
        assert text(element) == "x"

    def test_fields_that_do_not_nest_all_go(self) -> None:
        """A field that never ends (or ends twice) drops every field of the part, keeping the text."""
        element = paragraph(complex_field(" PAGE ", "1") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        drop_fields(element)
        assert tags(element) == ["w:r", "w:t"]


class TestReferences:
    def test_a_dangling_hyperlink_keeps_its_text(self) -> None:
        """A hyperlink whose relationship was dropped becomes its runs; one to a bookmark stays."""
        element = paragraph(
            '<w:hyperlink r:id="rId9"><w:r><w:t>link</w:t></w:r></w:hyperlink>'
            '<w:hyperlink w:anchor="top"><w:r><w:t>boven</w:t></w:r></w:hyperlink>'
        )
        drop_dangling_references(element, set())
        assert tags(element) == ["w:r", "w:t", "w:hyperlink", "w:r", "w:t"]
        assert text(element) == "linkboven"

    def test_a_picture_goes_with_its_image_its_click_link_alone(self) -> None:
        """A picture whose image was dropped goes whole; a kept one loses only its dropped click link."""
        blip = '<a:blip r:embed="{}"/>'
        element = paragraph(
            f'<w:r><w:drawing><a:hlinkClick r:id="rId8"/>{blip.format("rId1")}</w:drawing></w:r>'
            f"<w:r><w:drawing>{blip.format('rId9')}</w:drawing></w:r>"
        )
        drop_dangling_references(element, {"rId1"})
        assert tags(element) == ["w:r", "w:drawing", "a:blip", "w:r"]

    def test_an_extension_goes_alone(self) -> None:
        """A dropped SVG in a picture's extension goes; the picture and its PNG stay."""
        element = paragraph(
            '<w:r><w:drawing><a:blip r:embed="rId1"><a:extLst><a:ext uri="{96DAC541}">'
            '<a:svgBlip r:embed="rId2"/></a:ext></a:extLst></a:blip></w:drawing></w:r>'
        )
        drop_dangling_references(element, {"rId1"})
        assert tags(element) == ["w:r", "w:drawing", "a:blip", "a:extLst"]

    def test_anything_else_goes(self) -> None:
        """Any other element naming a dropped relationship (o:relid too) goes."""
        element = paragraph(
            '<w:r><w:object><v:imagedata o:relid="rId3"/></w:object></w:r><w:subDoc r:id="rId4"/>'
        )
        drop_dangling_references(element, set())
        assert tags(element) == ["w:r"]


def test_vml_links_and_sources_go() -> None:
    """A VML shape's href, an image's src and o:href, any address in another VML attribute go; the rest stays."""
    element = paragraph(
        '<w:r><w:pict><v:shape id="s" href="javascript:x" style="width:9pt;background:url(http://x/y.png)">'
        '<v:imagedata src="file:///x.png" o:href="c:\\x.png" o:title="logo"/></v:shape></w:pict></w:r>'
    )
    drop_linked_urls(element)
    shape = next(element.iter(f"{{{NAMESPACES['v']}}}shape"))
    assert dict(shape.attrib) == {"id": "s"}
    assert dict(shape[0].attrib) == {f"{{{NAMESPACES['o']}}}title": "logo"}


def test_annotations_go_and_changes_are_accepted() -> None:
    """Comment marks go, deleted text goes, inserted text stays, property changes go."""
    element = paragraph(
        '<w:commentRangeStart w:id="0"/><w:r><w:rPr><w:b/><w:rPrChange w:author="A"><w:rPr/></w:rPrChange>'
        '</w:rPr><w:t>blijft</w:t></w:r><w:del w:author="A"><w:r><w:delText>weg</w:delText></w:r></w:del>'
        '<w:ins w:author="A"><w:r><w:t>erbij</w:t></w:r></w:ins><w:commentRangeEnd w:id="0"/>'
        '<w:r><w:commentReference w:id="0"/></w:r>'
    )
    drop_annotations(element)
    assert tags(element) == ["w:r", "w:rPr", "w:b", "w:t", "w:r", "w:t", "w:r"]
    assert text(element) == "blijfterbij"


def test_only_layout_settings_stay() -> None:
    """Of the settings, those that lay out pages stay; the attached template, variables, protection go."""
    settings = fragment(
        '<w:settings><w:zoom w:percent="100"/><w:attachedTemplate r:id="rId1"/><w:documentProtection w:edit="readOnly"/>'
        '<w:defaultTabStop w:val="720"/><w:evenAndOddHeaders/><w:mailMerge/><w:docVars><w:docVar w:name="x" w:val="y"/>'
        '</w:docVars><w:compat/><w14:docId xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" w14:val="1"/>'
        "</w:settings>"
    )
    keep_layout_settings(settings)
    assert tags(settings) == ["w:defaultTabStop", "w:evenAndOddHeaders", "w:compat"]


@pytest.mark.parametrize(
    ("target", "mode", "resolved"),
    [
        ("media/image1.png", None, "word/media/image1.png"),
        ("/word/media/image1.png", "Internal", "word/media/image1.png"),
        ("../customXml/item1.xml", None, "customXml/item1.xml"),
        ("media/image1.png", "External", ""),
        ("http://127.0.0.1/track.png", None, ""),
        ("file:///etc/passwd", None, ""),
        ("\\\\server\\share\\x.png", None, ""),
        ("//server/share/x.png", None, ""),
        ("../../etc/passwd", None, ""),
        ("media/image1.png#x", None, ""),
        ("", None, ""),
    ],
)
def test_relationship_targets(target: str, mode: str | None, resolved: str) -> None:
    """Only a path inside the package resolves; external, URL, UNC and climbing targets resolve to nothing."""
    assert resolve("word/header1.xml", target, mode) == resolved


def test_image_types() -> None:
    """Images are known by their first bytes; SVG and anything else are not images here."""
    assert image_type(png(1, 1)) == ("image/png", ".png")
    assert image_type(b"\xff\xd8\xff\xe0") == ("image/jpeg", ".jpeg")
    assert image_type(b"\0" * 40 + b" EMF") == ("image/x-emf", ".emf")
    assert image_type(b'<svg xmlns="http://www.w3.org/2000/svg"/>') is None
