"""Trainers' names where flyers introduce them."""

from __future__ import annotations

from ncmw_course.importing._people import introduced_names, leading_name, whole_name


def test_names_after_door() -> None:
    assert introduced_names("De training wordt gegeven door José Bijker, staflid en trainer van het NMW") == [
        "José Bijker"
    ]
    assert introduced_names("verzorgd door Anna van der Berg, Kees Bos en Peter Jansen.") == [
        "Anna van der Berg",
        "Kees Bos",
        "Peter Jansen",
    ]
    assert introduced_names("Trainers: Anna de Vries en Sjoerd Ødegaard") == [
        "Anna de Vries",
        "Sjoerd Ødegaard",
    ]


def test_a_name_at_the_start_of_a_paragraph() -> None:
    assert leading_name("Anna de Vries is maatschappelijk werker.") == "Anna de Vries"
    assert leading_name("De training wordt gegeven door iemand.") is None
    assert leading_name("In Amsterdam werkt zij.") is None


def test_a_name_on_a_line_of_its_own() -> None:
    assert whole_name("Sjoerd Ødegaard") == "Sjoerd Ødegaard"
    assert whole_name("Zij werkt hard") is None
