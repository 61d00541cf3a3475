"""Word documents that ncmw-course did not make: headings by style or look, lists, links, tables."""

from __future__ import annotations

import io

import docx
from docx.shared import Pt

from ncmw_course import import_course
from tests.testdata.import_flyers import add_link


def saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_headings_by_a_larger_font_a_table_of_facts_and_a_mailto_link() -> None:
    document = docx.Document()
    document.add_paragraph().add_run("Mijn cursus").font.size = Pt(24)
    document.add_paragraph("Een cursus over gesprekken.")
    for heading, text in (
        ("Voor wie", "Voor hulpverleners. Het doel is beter luisteren."),
        ("Werkwijze", "Oefenen."),
    ):
        document.add_paragraph().add_run(heading).font.size = Pt(16)
        document.add_paragraph(text)
    document.add_paragraph().add_run("Programma").font.size = Pt(16)
    document.add_paragraph().add_run("Dag 1: Luisteren").bold = True
    document.add_paragraph("Stilte", style="List Number")
    table = document.add_table(rows=2, cols=2)
    for row, (label, value) in zip(table.rows, (("Kosten", "€ 250,-"), ("Niveau", "hbo")), strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_paragraph().add_run("Informatie").font.size = Pt(16)
    add_link(document.add_paragraph("Vragen? "), "Mail ons", "mailto:cursus@example.org")
    result = import_course(saved(document))
    data = result.data
    assert data["title"] == "Mijn cursus"
    assert (data["audience"], data["goals"]) == (["Voor hulpverleners."], ["Het doel is beter luisteren."])
    assert data["programme"]["days"] == [{"ordinal": 1, "theme": "Luisteren", "topics": ["Stilte"]}]
    assert (data["price"], data["level"]) == ({"amount": "250.00", "currency": "EUR"}, "hbo")
    assert data["contact"] == {"email": "cursus@example.org"}
    assert result.report.status_of("provider") == "missing"


def test_tracked_changes_and_text_boxes() -> None:
    """Tracked insertions count and deletions do not; a text box's text follows its paragraph."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("Mijn cursus", style="Title")
    paragraph = document.add_paragraph("Een ")
    paragraph._p.append(
        parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="A"><w:r><w:t>nieuwe</w:t></w:r></w:ins>')
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="A"><w:r><w:delText>oude</w:delText></w:r></w:del>'
        )
    )
    paragraph.add_run(" cursus.")
    box = parse_xml(
        f"<w:r {nsdecls('w')}><w:pict><w:txbxContent><w:p><w:r><w:t>Tel: 077-3204567</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></w:r>"
    )
    paragraph._p.append(box)
    data = import_course(saved(document)).data
    assert data["description"] == ["Een nieuwe cursus."]
    assert data["contact"] == {"phone": "077-3204567"}
