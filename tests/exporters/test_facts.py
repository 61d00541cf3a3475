"""Practical facts as lines of text, shared by the document exporters."""

from __future__ import annotations

from exporters._facts import day_facts, format_location, practical_facts, trainer_details
from ncmw_course import Course
from ncmw_course.labels import labels_for


def test_no_facts_when_the_course_states_none(bundled_course: Course) -> None:
    """The bundled brochure states no dates, price or hours, so there are no practical facts."""
    assert practical_facts(bundled_course, labels_for(bundled_course)) == []
    assert [day_facts(day, labels_for(bundled_course)) for day in bundled_course.days] == ["", ""]


def test_all_facts_of_the_full_course(full_course: Course) -> None:
    """Every practical fact appears, in Dutch, in a fixed order."""
    assert practical_facts(full_course, labels_for(full_course)) == [
        (
            "Data en locaties",
            [
                "dinsdag 9 maart 2027 t/m dinsdag 23 maart 2027 (op locatie)",
                "NCMW, zaal 2, Baarlo",
                "Eerste dag: dinsdag 9 maart 2027",
                "Tweede dag: dinsdag 16 maart 2027",
                "Derde dag: dinsdag 23 maart 2027",
            ],
        ),
        ("Prijs", ["€\xa0495,00 (vrijgesteld van btw)"]),
        ("Studie-uren", ["Contacturen: 18 uur", "Studiebelasting: 24,5 uur"]),
        ("Niveau", ["hbo"]),
        ("Maximaal aantal deelnemers", ["14"]),
        (
            "Accreditatie",
            [
                "18 punten bij Registerplein (RP-0000-TEST; geldig van vrijdag 1 januari 2027 t/m zondag 31 december 2028)"
            ],
        ),
        (
            "Certificaat",
            [
                "certificaat van deelname",
                "Je ontvangt het certificaat als je alle drie de dagen aanwezig bent geweest en je casus hebt ingebracht.",
            ],
        ),
        (
            "Evaluatie",
            [
                (
                    "Aan het eind van elke dag evalueren we mondeling; na de laatste dag vul je een digitaal "
                    "evaluatieformulier in."
                )
            ],
        ),
    ]


def test_day_facts(full_course: Course) -> None:
    """A day's date, times and place read as one line."""
    labels = labels_for(full_course)
    assert day_facts(full_course.days[0], labels) == (
        "dinsdag 9 maart 2027, 09:30 – 16:30 uur, NCMW, zaal 2, Voorbeeldstraat 12, 5991 AA Baarlo"
    )
    assert day_facts(full_course.days[2], labels) == "dinsdag 23 maart 2027, 09:30 – 16:00 uur"


def test_location_leaves_out_what_is_unknown(full_course: Course) -> None:
    """A location without street or postal code is still one clean line."""
    (edition,) = full_course.editions
    assert edition.location is not None
    assert format_location(edition.location) == "NCMW, zaal 2, Baarlo"


def test_trainer_details_only_what_the_biography_does_not_say(
    bundled_course: Course, full_course: Course
) -> None:
    """Structured trainer facts are printed only when the biography does not already say them."""
    assert trainer_details(bundled_course.trainers[0], labels_for(bundled_course)) == []
    assert trainer_details(full_course.trainers[0], labels_for(full_course)) == [
        "trainer en supervisor, NCMW",
        "Opgeleid tot: maatschappelijk werker",
        "Opleidingen: Opleiding Systeemtherapie",
        "Ervaring: scheidingsbemiddeling",
    ]
