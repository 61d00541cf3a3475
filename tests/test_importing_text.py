"""Plain text as a PDF's text extraction gives it, read into paragraphs."""

from __future__ import annotations

from ncmw_course.importing._joining import Joiner
from ncmw_course.importing._text import read_text


def kinds(text: str) -> list[tuple[str, str]]:
    return [(para.kind, para.text) for para in read_text(text, Joiner())]


def test_tabs_between_words_and_lines_broken_mid_sentence() -> None:
    assert kinds("TITEL\t\nEen\tzin die\t\ndoorloopt.\t\n") == [
        ("title", "TITEL"),
        ("text", "Een zin die doorloopt."),
    ]


def test_headings_in_capitals_or_known_words_in_any_case() -> None:
    text = (
        "Titel\n\nVOOR WIE EN WAAROM\nTekst.\n\n WERKWIJZE\t\nTekst.\n\nInformatie\t \t\nTel: 077-3204567\n"
    )
    assert [kind for kind, _ in kinds(text)] == [
        "title",
        "heading",
        "text",
        "heading",
        "text",
        "heading",
        "text",
    ]


def test_a_day_whose_theme_runs_on_after_blank_lines() -> None:
    text = "Titel\n\nTWEEDE DAG:\t\tHoe help ik ouders met het conflict van\t\n\n\t\t\tde kinderen\t\n• Een\n"
    assert kinds(text)[1:] == [
        ("subheading", "TWEEDE DAG: Hoe help ik ouders met het conflict van de kinderen"),
        ("item", "Een"),
    ]


def test_bullets_that_wrap_and_numbered_items() -> None:
    text = "Titel\n\n• Kun je voorkomen dat kinderen partij trekken voor de bedrogen\t\n\nouder?\t\n1. Twee\n- Drie\n"
    assert kinds(text)[1:] == [
        ("item", "Kun je voorkomen dat kinderen partij trekken voor de bedrogen ouder?"),
        ("item", "Twee"),
        ("item", "Drie"),
    ]


def test_a_subtitle_under_the_title() -> None:
    assert kinds("Titel\nEen ondertitel\n\nTekst.\n")[:2] == [
        ("title", "Titel"),
        ("subtitle", "Een ondertitel"),
    ]


def test_without_blank_lines_a_short_line_that_ends_a_sentence_ends_a_paragraph() -> None:
    long = "Dit is een lange regel tekst die tot aan de rechterkant van de kolom doorloopt en"
    text = f"Titel\nKOP\n{long}\nhier eindigt.\nNieuwe alinea die ook\ndoorloopt.\n"
    assert kinds(text)[2:] == [
        ("text", f"{long} hier eindigt."),
        ("text", "Nieuwe alinea die ook doorloopt."),
    ]


def test_fact_and_contact_lines_stand_on_their_own() -> None:
    text = "Titel\n\nContactpersoon: Marieke Jansen\nTelefoon: 077-3204567\nKosten: € 495,-\n"
    assert [text for _, text in kinds(text)[1:]] == [
        "Contactpersoon: Marieke Jansen",
        "Telefoon: 077-3204567",
        "Kosten: € 495,-",
    ]


def test_where_each_paragraph_is() -> None:
    paras = read_text("Titel\n\nEen\nzin.\n", Joiner())
    assert [para.where for para in paras] == ["line 1", "lines 3–4"]
