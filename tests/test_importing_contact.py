"""The ways to get in touch, from a flyer's contact line."""

from __future__ import annotations

import pytest

from ncmw_course.importing._contact import contact_parts, is_contact_line


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        (
            "Tel: 0495–450667 | info@ncmw.nl |www.ncmw.nl",
            {"phone": "0495–450667", "email": "info@ncmw.nl", "website": "www.ncmw.nl"},
        ),
        ("Telefoon: 077 – 320 45 67", {"phone": "077 – 320 45 67"}),
        ("E-mail: cursus@example.org", {"email": "cursus@example.org"}),
        ("Website: https://www.ncmw.nl/cursussen", {"website": "https://www.ncmw.nl/cursussen"}),
        ("Contactpersoon: Marieke Jansen", {"name": "Marieke Jansen"}),
        ("T: 077-3204567 · E: cursus@ncmw.nl", {"phone": "077-3204567", "email": "cursus@ncmw.nl"}),
    ],
)
def test_contact_lines(line: str, parts: dict[str, str]) -> None:
    assert contact_parts(line) == parts
    assert is_contact_line(line)


def test_a_sentence_that_mentions_a_website_is_no_contact_line() -> None:
    assert not is_contact_line("Kijk voor meer cursussen op www.ncmw.nl of bel ons gerust.")
