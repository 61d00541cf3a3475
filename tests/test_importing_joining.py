"""Lines joined: a layout break's hyphen goes, a real one stays."""

from __future__ import annotations

import pytest

from ncmw_course.importing._joining import Joiner


@pytest.mark.parametrize(
    ("text", "line", "joined"),
    [
        ("de hulp", "verlening", "de hulp verlening"),
        ("wordt be-", "handeld.", "wordt behandeld."),
        ("met multi-", "probleemgezinnen", "met multi-probleemgezinnen"),
        ("de hbo-", "opleiding", "de hbo-opleiding"),
        ("een zee-", "egel", "een zee-egel"),
        ("een auto-", "ongeluk", "een auto-ongeluk"),
        ("anti-", "Amerikaans", "anti-Amerikaans"),
        ("A4-", "formaat", "A4-formaat"),
        ("NCMW-", "trainers", "NCMW-trainers"),
        ("ex-", "partner", "ex-partner"),
        ("relatie –", "gezinstherapeut", "relatie – gezinstherapeut"),
        ("zacht\u00ad", "ste", "zachtste"),
    ],
)
def test_a_hyphen_at_the_end_of_a_line(text: str, line: str, joined: str) -> None:
    assert Joiner().join(text, line) == joined


def test_the_text_itself_decides_first() -> None:
    """A word the source writes elsewhere is written the same way at a line's end."""
    assert Joiner(corpus="een e-mail sturen").join("een e-", "mail", "line 3") == "een e-mail"
    assert Joiner(corpus="de nascholing duurt").join("de nascho-", "ling") == "de nascholing"
    joiner = Joiner(corpus="multiprobleemgezinnen")
    assert joiner.join("met multi-", "probleemgezinnen", "line 7") == "met multiprobleemgezinnen"
    assert joiner.notes == [
        (
            "joined 'multi- + probleemgezinnen' as 'multiprobleemgezinnen' (line 7): the text writes "
            "'multiprobleemgezinnen' elsewhere"
        )
    ]
