"""Writes the two Word flyers the import tests read, as people make them in Word (python-docx).

- ``flyer-word-styles.docx``: Word's own styles: Title, Heading 1 for the sections, Heading 2 for the
  days, List Bullet for the topics, and links for the e-mail address and website.
- ``flyer-word-bold.docx``: only the look: the title in a large bold font, headings as bold lines in
  capitals, days as bold lines, topics with bullets typed by hand ("• " and "- ").

Both hold the text of the seed flyer (``tests/testdata/seed/``), typed in Word: one paragraph per
paragraph, no line breaks. Run from the repository's root to write them again:

    .venv/bin/python tests/testdata/import_flyers.py
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent / "import"

TITLE = "Ontrouw binnen de relatie"
DESCRIPTION = (
    "Ontrouw binnen de relatie is een regelmatig voorkomend fenomeen. In mijn visie maak ik onderscheid tussen "
    "incidentele ontrouw en structurele ontrouw en stel ik mij de vraag of het één schadelijker is voor de relatie "
    "dan het andere. Ik ga ervan uit dat ontrouw meestal staat voor een gemis in de relatie. Dit heeft voor de "
    "hulpverlening tot gevolg dat ontrouw niet als een individueel probleem, maar als een relatieprobleem behandeld "
    "dient te worden. Het houdt ook in, dat tijdens de gesprekken, de nadruk ligt op de relatie tussen de partners en "
    "op wat de ontrouw daar heeft losgemaakt en niet op de relatie met “die ander”. Over het algemeen is het ook zo "
    "dat, wanneer partners willen uitzoeken of en hoe zij samen verder kunnen, deze relatie met de ander, in ieder "
    "geval tijdelijk, verbroken zal (moeten) worden."
)
AUDIENCE = (
    "Dit is een nascholing voor hulpverleners werkzaam binnen alle sectoren die te maken hebben met (echt)paren die "
    "hulp zoeken bij hun relatieproblemen en waar ontrouw zou kunnen spelen. Het doel van de nascholing is "
    "maatschappelijk werkers te leren hoe ze op een effectieve manier ontrouw relationeel en onpartijdig kunnen "
    "behandelen en hoe ze ouders kunnen helpen om te gaan met het loyaliteitsconflict bij hun kinderen."
)
INTRODUCTION = (
    "De nascholing bestaat uit twee dagen elk met een eigen thema. Op de eerste dag wordt begonnen met een "
    "inleiding waarbij aan de hand van casussen zowel de diagnostische kant (wat speelt er allemaal) als de "
    "praktische kant (hoe pak je dat aan) zal worden belicht."
)
DAYS = (
    (
        "Hoe kan ik een eigen positie bepalen zonder partij te trekken.",
        (
            "Wat is ontrouw en welke factoren zijn van invloed",
            "Verschillende benaderingen binnen de verschillende sociale klassen",
            "Is ontrouw een epidemie van “recht hebben op geluk?”",
            "Wat maakt dat ontrouw zoveel emoties oproept",
            "Hoe sta ik zelf tegenover ontrouw",
            "Hoe voorkom ik dat ik partijdig word",
        ),
    ),
    (
        "Hoe help ik ouders om te gaan met het loyaliteitsconflict van de kinderen",
        (
            "Kun je voorkomen dat kinderen partij trekken voor de bedrogen ouder?",
            "Hoe voorkom je dat ouders loyaliteit afdwingen",
            "Hoe houdt je kinderen buiten dit relatieprobleem",
        ),
    ),
)
METHOD = (
    "De cursisten worden uitgenodigd om hun casussen waarin dit onderwerp speelt naar voren te brengen en uit te "
    "spelen zodat een levendige discussie ontstaat toegespitst op hun ervaringen en vragen."
)
TRAINER = (
    "De training wordt gegeven door José Bijker, staflid en trainer van het NMW, opgeleid tot maatschappelijk werker "
    "en systeemgericht werker. Zij heeft de VO Psychosociale Therapie gedaan en de Opleiding Ervaringsgericht "
    "Supervisor bij het KIN. Zij heeft in haar praktijk als relatie – gezinstherapeut een zeer ruime ervaring "
    "opgedaan met echtparen waarbij relatieproblemen tot ontrouw leidden, tevens heeft zij een zeer grote ervaring "
    "in het outreachende werken, in het werken met multi-probleemgezinnen en in het opzetten en begeleiden van "
    "netwerken en geeft op al deze vlakken al een aantal jaren trainingen en workshops."
)
ORDINALS = ("Eerste dag", "Tweede dag")


def add_link(paragraph: Paragraph, text: str, address: str) -> None:
    """A hyperlink, as Word makes one: a w:hyperlink around a run, to an external relationship."""
    relation = paragraph.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    element = OxmlElement("w:t")
    element.text = text
    run.append(element)
    link.append(run)
    paragraph._p.append(link)


def contact(document: docx.document.Document) -> None:
    paragraph = document.add_paragraph("Tel: 0495–450667 | ")
    add_link(paragraph, "info@ncmw.nl", "mailto:info@ncmw.nl")
    paragraph.add_run(" | ")
    add_link(paragraph, "www.ncmw.nl", "https://www.ncmw.nl/")


def with_styles() -> docx.document.Document:
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph(DESCRIPTION)
    document.add_heading("Voor wie en waarom", level=1)
    document.add_paragraph(AUDIENCE)
    document.add_heading("Programma", level=1)
    document.add_paragraph(INTRODUCTION)
    for ordinal, (theme, topics) in zip(ORDINALS, DAYS, strict=True):
        document.add_heading(f"{ordinal}: {theme}", level=2)
        for topic in topics:
            document.add_paragraph(topic, style="List Bullet")
    document.add_heading("Werkwijze", level=1)
    document.add_paragraph(METHOD)
    document.add_heading("Trainer", level=1)
    document.add_paragraph(TRAINER)
    document.add_heading("Informatie", level=1)
    contact(document)
    return document


def bold(document: docx.document.Document, text: str, size: float | None = None) -> None:
    run = document.add_paragraph().add_run(text)
    run.bold = True
    if size:
        run.font.size = Pt(size)


def by_look() -> docx.document.Document:
    document = docx.Document()
    bold(document, TITLE.upper(), 20)
    document.add_paragraph(DESCRIPTION)
    bold(document, "VOOR WIE EN WAAROM")
    document.add_paragraph(AUDIENCE)
    bold(document, "PROGRAMMA")
    document.add_paragraph(INTRODUCTION)
    for ordinal, (theme, topics), bullet in zip(ORDINALS, DAYS, ("•\t", "- "), strict=True):
        bold(document, f"{ordinal.upper()}: {theme}")
        for topic in topics:
            document.add_paragraph(f"{bullet}{topic}")
    for heading, text in (("WERKWIJZE", METHOD), ("TRAINER", TRAINER)):
        bold(document, heading)
        document.add_paragraph(text)
    bold(document, "Informatie")
    document.add_paragraph("Tel: 0495–450667 | info@ncmw.nl | www.ncmw.nl")
    return document


def main() -> None:
    for name, document in (("flyer-word-styles.docx", with_styles()), ("flyer-word-bold.docx", by_look())):
        document.core_properties.author = "Coördinator"
        document.save(str(HERE / name))


if __name__ == "__main__":
    main()
