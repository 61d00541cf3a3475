"""The brochure outline: the one place that decides what the documents say and in which order.

The rules of the brochure (section order, headings, the trainer heading, goals as a list or a
paragraph, the practical facts, each address once, the final link URIs) are tested here, once; the
writers' tests test how each format renders the outline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from babel import Locale, UnknownLocaleError
from hypothesis import given, settings

from ncmw_course import Course, load_course
from ncmw_course.labels import labels_for
from ncmw_course.model import Provider
from ncmw_course.outline import (
    LEFT_TO_RIGHT,
    Block,
    BulletList,
    Fact,
    Facts,
    Link,
    Outline,
    Paragraph,
    Subsection,
    brochure_outline,
    day_facts,
    format_location,
    mailto_uri,
    outline_text,
    practical_facts,
    trainer_details,
    writing_direction,
)
from tests.conftest import TESTDATA
from tests.strategies import courses, examples
from tests.texts import course_texts

REFERENCE = {
    "bundled": None,
    "minimal": TESTDATA / "course_minimal.json",
    "full": TESTDATA / "course_full.json",
    "maximal": TESTDATA / "course_maximal.json",
}


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block, subsections' blocks included, in reading order."""
    for block in blocks:
        yield block
        if isinstance(block, Subsection):
            yield from walk(block.blocks)


def texts_of(outline: Outline) -> list[str]:
    """Every text in the outline: titles, paragraphs, items, fact labels and values, link texts."""
    found = [outline.title, outline.subtitle or "", outline.summary or "", outline.provider]
    for section in outline.sections:
        found.append(section.title)
        for block in walk(section.blocks):
            if isinstance(block, Paragraph):
                found.append(block.text)
            elif isinstance(block, BulletList):
                found += block.items
            elif isinstance(block, Facts):
                for row in block.rows:
                    found.append(row.label)
                    found += [value if isinstance(value, str) else value.text for value in row.values]
            else:
                found.append(block.title)
    return found


def links_of(outline: Outline) -> list[Link]:
    return [
        value
        for section in outline.sections
        for block in walk(section.blocks)
        if isinstance(block, Facts)
        for row in block.rows
        for value in row.values
        if isinstance(value, Link)
    ]


@pytest.mark.parametrize("name", list(REFERENCE))
def test_golden_text(name: str, golden: Callable[[str, bytes], None]) -> None:
    """The outline of each reference course, as indented text, is its golden file."""
    golden(f"{name}.txt", outline_text(brochure_outline(load_course(REFERENCE[name]))).encode("utf-8"))


def test_section_order(full_course: Course, bundled_course: Course) -> None:
    """Lead text, practical facts (when stated), audience, programme, method, assessment and literature
    (when stated), trainers, contact."""
    assert [section.id for section in brochure_outline(full_course).sections] == [
        "introduction", "practical", "audience", "programme", "method", "assessment", "literature", "trainers",
        "contact",
    ]  # fmt: skip
    assert [section.id for section in brochure_outline(bundled_course).sections] == [
        "introduction", "audience", "programme", "method", "trainers", "contact",
    ]  # fmt: skip
    assert [section.lead for section in brochure_outline(bundled_course).sections] == [True] + [False] * 5


def test_headings_come_from_the_label_table(full_course: Course) -> None:
    """Section titles are the label table's, in the course's language."""
    labels = labels_for(full_course)
    titles = [section.title for section in brochure_outline(full_course).sections]
    assert titles == [
        labels.introduction, labels.practical, labels.audience, labels.programme, labels.method,
        labels.assessment, labels.literature, labels.trainers, labels.contact,
    ]  # fmt: skip


def test_days_are_subsections_with_stable_ids(full_course: Course) -> None:
    """Each day is a subsection ``day-N`` titled with its ordinal and theme, its facts first, then topics."""
    programme = brochure_outline(full_course).section("programme")
    assert programme is not None
    days = [block for block in programme.blocks if isinstance(block, Subsection)]
    assert [(day.id, day.title) for day in days] == [
        ("day-1", "Eerste dag: De positie van de hulpverlener"),
        ("day-2", "Tweede dag: Kinderen en loyaliteit"),
        ("day-3", "Derde dag: Afspraken die werken"),
    ]
    assert days[0].blocks[0] == Paragraph(day_facts(full_course.days[0], labels_for(full_course)), "when")
    assert days[0].blocks[1] == BulletList(full_course.days[0].topics)


def test_the_only_trainer_named_in_the_biography_gets_no_heading(bundled_course: Course) -> None:
    """One trainer whose biography names them: their paragraphs stand under "Trainer", without a subsection."""
    trainers = brochure_outline(bundled_course).section("trainers")
    assert trainers is not None
    assert trainers.title == "Trainer"
    assert [type(block) for block in trainers.blocks] == [Paragraph]


def test_several_trainers_each_get_a_heading(full_course: Course) -> None:
    """With several trainers, each is a subsection under their name, under "Trainers"."""
    trainers = brochure_outline(full_course).section("trainers")
    assert trainers is not None
    assert trainers.title == "Trainers"
    assert [(block.id, block.title) for block in trainers.blocks if isinstance(block, Subsection)] == [
        ("trainer-1", "Marieke de Vries"),
        ("trainer-2", "Sjoerd Ødegaard"),
    ]


def test_an_unnamed_single_trainer_gets_a_heading(bundled_course: Course) -> None:
    """One trainer whose biography does not name them gets their name as a heading."""
    trainer = bundled_course.trainers[0].model_copy(update={"biography": ("Ervaren trainer.",)})
    course = bundled_course.model_copy(update={"trainers": (trainer,)})
    trainers = brochure_outline(course).section("trainers")
    assert trainers is not None
    assert [block.title for block in trainers.blocks if isinstance(block, Subsection)] == ["José Bijker"]


def test_one_goal_is_a_paragraph_several_are_a_list(bundled_course: Course, full_course: Course) -> None:
    """The goals close the audience section: one as a paragraph, several as a list."""
    one = brochure_outline(bundled_course).section("audience")
    several = brochure_outline(full_course).section("audience")
    assert one is not None
    assert several is not None
    assert one.blocks[-1] == Paragraph(bundled_course.goals[0], "goal")
    assert several.blocks[-1] == BulletList(full_course.goals, "goals")


def test_contact_links_each_address_once(full_course: Course) -> None:
    """Phone, e-mail and every web address appear once, with their final URIs; the provider's site
    is the contact's, so it is not repeated."""
    contact = brochure_outline(full_course).section("contact")
    assert contact is not None
    assert contact.blocks[0] == Paragraph("Secretariaat NCMW", "name")
    facts = contact.blocks[1]
    assert isinstance(facts, Facts)
    assert facts.kind == "contact"
    assert [(row.key, row.values) for row in facts.rows] == [
        ("phone", (Link("0495–450667", "tel:+31495450667"),)),
        ("email", (Link("info@ncmw.nl", "mailto:info@ncmw.nl"),)),
        ("website", (Link("www.ncmw.nl", "https://www.ncmw.nl/"),)),
        ("provider", ("NCMW",)),
        (
            "course_page",
            (
                Link(
                    "https://www.ncmw.nl/cursussen/gespreksvoering-bij-scheiding",
                    "https://www.ncmw.nl/cursussen/gespreksvoering-bij-scheiding",
                ),
            ),
        ),
    ]


def test_a_provider_site_of_its_own_is_linked(bundled_course: Course) -> None:
    """A provider website that differs from the contact's is linked after the provider's name."""
    other = Provider.model_validate({"name": "NCMW", "website": "https://ncmw.org/cursussen"})
    course = bundled_course.model_copy(update={"provider": other})
    contact = brochure_outline(course).section("contact")
    assert contact is not None
    facts = contact.blocks[-1]
    assert isinstance(facts, Facts)
    assert facts.rows[-1] == Fact(
        "provider", "Aanbieder", ("NCMW", Link("https://ncmw.org/cursussen", "https://ncmw.org/cursussen"))
    )


@pytest.mark.parametrize("name", list(REFERENCE))
def test_every_address_is_linked_once(name: str) -> None:
    """No URI is linked twice in one outline."""
    uris = [link.uri for link in links_of(brochure_outline(load_course(REFERENCE[name])))]
    assert len(uris) == len(set(uris))


@given(course=courses())
@settings(max_examples=examples(50))
def test_every_text_of_the_course_is_in_the_outline(course: Course) -> None:
    """Every text the course states is in the outline, word for word, so that writers can keep it.

    A space may have become a no-break space (inside a postal code): the same words, kept together.
    """
    found = "\n".join(texts_of(brochure_outline(course))).replace("\u00a0", " ")
    assert [
        text for text in course_texts(course, keywords=False) if text.replace("\u00a0", " ") not in found
    ] == []


def test_footer_names_the_provider_and_the_ways_to_reach_it(bundled_course: Course) -> None:
    """The footer lines: provider, phone with its label, e-mail, website, as they are shown."""
    assert brochure_outline(bundled_course).footer == (
        "NCMW",
        "Tel. 0495–450667",
        "info@ncmw.nl",
        "www.ncmw.nl",
    )


def test_metadata(full_course: Course) -> None:
    """The document properties come from the course."""
    meta = brochure_outline(full_course).meta
    assert (meta.slug, meta.language, meta.direction, meta.labels_language) == (
        "gespreksvoering-bij-scheiding", "nl", "ltr", "nl",
    )  # fmt: skip
    assert meta.description == full_course.listing_summary
    assert meta.contributors == ("Marieke de Vries", "Sjoerd Ødegaard")
    assert meta.url == "https://www.ncmw.nl/cursussen/gespreksvoering-bij-scheiding"


# Practical facts, day facts and trainer details


def test_no_facts_when_the_course_states_none(bundled_course: Course) -> None:
    """The bundled brochure states no dates, price or hours, so there are no practical facts."""
    assert practical_facts(bundled_course, labels_for(bundled_course)) == ()
    assert [day_facts(day, labels_for(bundled_course)) for day in bundled_course.days] == ["", ""]


def test_all_facts_of_the_full_course(full_course: Course) -> None:
    """Every practical fact appears, in Dutch, in a fixed order, under a language-neutral key."""
    assert [
        (fact.key, fact.label, fact.values) for fact in practical_facts(full_course, labels_for(full_course))
    ] == [
        (
            "editions",
            "Uitvoering 1",
            (
                "dinsdag 9 maart 2027 t/m dinsdag 23 maart 2027 (op locatie)",
                "NCMW, zaal 2, Baarlo, Nederland",
                "Eerste dag: dinsdag 9 maart 2027",
                "Tweede dag: dinsdag 16 maart 2027",
                "Derde dag: dinsdag 23 maart 2027",
            ),
        ),
        (
            "editions",
            "Uitvoering 2",
            (
                "dinsdag 19 oktober 2027 t/m dinsdag 2 november 2027 (op locatie)",
                "NCMW, zaal 2, Baarlo, Nederland",
                "Eerste dag: dinsdag 19 oktober 2027",
                "Tweede dag: dinsdag 26 oktober 2027",
                "Derde dag: dinsdag 2 november 2027",
            ),
        ),
        ("price", "Prijs", ("€\xa0495,00 (vrijgesteld van btw)",)),
        ("hours", "Studie-uren", ("Contacturen: 18 uur", "Studiebelasting: 24 uur")),
        ("level", "Niveau", ("hbo",)),
        ("max_participants", "Maximaal aantal deelnemers", ("14",)),
        (
            "accreditations",
            "Accreditatie",
            (
                "18 punten bij Registerplein (RP-0000-TEST; toegekend; geldig van vrijdag 1 januari 2027 t/m zondag 31 december 2028)",
                "18 punten bij SKJ (aangevraagd)",
            ),
        ),
        (
            "certificate",
            "Certificaat",
            (
                "certificaat van deelname",
                "Je ontvangt het certificaat als je alle drie de dagen aanwezig bent geweest en je casus hebt ingebracht.",
            ),
        ),
        (
            "evaluation",
            "Evaluatie",
            (
                (
                    "Aan het eind van elke dag evalueren we mondeling; na de laatste dag vul je een digitaal "
                    "evaluatieformulier in."
                ),
            ),
        ),
    ]


def test_day_facts(full_course: Course) -> None:
    """A day's date, times and place read as one line."""
    labels = labels_for(full_course)
    assert day_facts(full_course.days[0], labels) == (
        "dinsdag 9 maart 2027, 09:30 – 16:30 uur, NCMW, zaal 2, Voorbeeldstraat 12, 5991\u00a0AA Baarlo, Nederland"
    )
    assert day_facts(full_course.days[2], labels) == "dinsdag 23 maart 2027, 09:30 – 16:00 uur"


def test_a_fact_is_said_only_as_whole_words(bundled_course: Course) -> None:
    """A training inside a longer word of the biography is not said, so it is printed, with its label."""
    trainer = bundled_course.trainers[0]
    plural = trainer.model_copy(update={"biography": ("Zij leidt maatschappelijk werkers op.",)})
    labels = labels_for(bundled_course)
    assert trainer_details(plural, labels)[:1] == ["Functie: staflid en trainer"]
    assert "Opgeleid tot: maatschappelijk werker, systeemgericht werker" in trainer_details(plural, labels)
    assert trainer_details(trainer, labels) == []


def test_validity_with_one_end(full_course: Course) -> None:
    """An accreditation valid until a date says "geldig t/m", one valid from a date "geldig vanaf"."""
    labels = labels_for(full_course)
    accreditation = full_course.accreditations[0].model_copy(update={"status": None})
    until = accreditation.model_copy(update={"valid_from": None})
    since = accreditation.model_copy(update={"valid_until": None})
    course = full_course.model_copy(update={"accreditations": (until, since)})
    (row,) = [fact for fact in practical_facts(course, labels) if fact.key == "accreditations"]
    assert row.values == (
        "18 punten bij Registerplein (RP-0000-TEST; geldig t/m zondag 31 december 2028)",
        "18 punten bij Registerplein (RP-0000-TEST; geldig vanaf vrijdag 1 januari 2027)",
    )


def test_several_runs_are_rows_of_their_own(full_course: Course) -> None:
    """With several runs, each is its own row, "Uitvoering 1", "Uitvoering 2", so they stay apart."""
    edition = full_course.editions[0]
    later = edition.model_copy(
        update={
            "start_date": date(2027, 9, 7),
            "end_date": date(2027, 9, 21),
            "day_dates": (date(2027, 9, 7), date(2027, 9, 14), date(2027, 9, 21)),
        }
    )
    days = tuple(day.model_copy(update={"date": None}) for day in full_course.days)
    programme = full_course.programme.model_copy(update={"days": days})
    course = full_course.model_copy(update={"editions": (edition, later), "programme": programme})
    rows = [fact for fact in practical_facts(course, labels_for(course)) if fact.key == "editions"]
    assert [(row.label, row.values[0]) for row in rows] == [
        ("Uitvoering 1", "dinsdag 9 maart 2027 t/m dinsdag 23 maart 2027 (op locatie)"),
        ("Uitvoering 2", "dinsdag 7 september 2027 t/m dinsdag 21 september 2027 (op locatie)"),
    ]


def test_location_leaves_out_what_is_unknown(full_course: Course) -> None:
    """A location without street or postal code is still one clean line."""
    edition = full_course.editions[0]
    assert edition.location is not None
    assert format_location(edition.location) == "NCMW, zaal 2, Baarlo, NL"
    assert format_location(edition.location, labels_for(full_course)) == "NCMW, zaal 2, Baarlo, Nederland"
    english = labels_for("en")
    assert format_location(edition.location.model_copy(update={"country": "BE"}), english).endswith("Belgium")


def test_trainer_details_only_what_the_biography_does_not_say(
    bundled_course: Course, full_course: Course
) -> None:
    """Structured trainer facts are printed only when the biography does not already say them."""
    assert trainer_details(bundled_course.trainers[0], labels_for(bundled_course)) == []
    assert trainer_details(full_course.trainers[0], labels_for(full_course)) == [
        "Functie: trainer en supervisor",
        "Organisatie: NCMW",
        "Opgeleid tot: maatschappelijk werker",
        "Opleidingen: Opleiding Systeemtherapie",
        "Ervaring: scheidingsbemiddeling",
    ]


# Links and writing direction


def test_mailto_uri_encodes_what_rfc_6068_asks() -> None:
    """Characters that mean something in a URI are percent-encoded; a plain address stays as it is."""
    assert mailto_uri("info@ncmw.nl") == "mailto:info@ncmw.nl"
    assert mailto_uri("a&b=c@example.org") == "mailto:a%26b%3Dc@example.org"
    assert mailto_uri("José@bücher.de") == "mailto:Jos%C3%A9@b%C3%BCcher.de"


@pytest.mark.parametrize(
    "language",
    [*sorted(LEFT_TO_RIGHT), "nl-NL", "nl-BE", "en-GB", "fy-NL", "ar", "he", "fa", "ur", "nl-Arab", "xx"],
)
def test_writing_direction_is_babel_s(language: str) -> None:
    """The languages known to be left to right without Babel are what Babel says; the rest asks it."""
    try:
        locale = Locale.parse(language, sep="-")
    except (UnknownLocaleError, ValueError):
        expected = "ltr"
    else:
        expected = "rtl" if locale.character_order == "right-to-left" else "ltr"
    assert writing_direction(language) == expected
    assert (writing_direction("ar"), writing_direction("nl")) == ("rtl", "ltr")
