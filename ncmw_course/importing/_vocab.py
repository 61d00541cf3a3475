"""The words flyers use: section headings, day names, goal sentences and the labels of facts.

Dutch and English, in the ways NCMW's flyers and brochures write them; the brochure's own headings
(the label table, :mod:`ncmw_course.labels`) are among them. Compared case-insensitively, without
a colon or other punctuation at the end.
"""

from __future__ import annotations

import re

from ncmw_course.labels import LABELS

__all__ = [
    "DAY_LINE",
    "GOAL_START",
    "SECTIONS",
    "day_number",
    "heading_key",
    "section_of",
]

SECTIONS: dict[str, tuple[str, ...]] = {
    "introduction": ("inleiding", "introductie", "over de cursus", "over deze training", "introduction"),
    "audience": (
        "voor wie en waarom",
        "voor wie",
        "doelgroep",
        "voor wie is deze training",
        "voor wie is deze cursus",
        "voor wie is deze nascholing",
        "who it is for, and why",
        "who it is for",
        "audience",
    ),
    "goals": (
        "doel",
        "doelen",
        "leerdoelen",
        "doelstelling",
        "doelstellingen",
        "waarom",
        "wat leer je",
        "resultaat",
        "goal",
        "goals",
        "learning goals",
    ),
    "programme": ("programma", "inhoud", "opzet", "programme", "program"),
    "method": ("werkwijze", "werkvormen", "methode", "aanpak", "method", "working method"),
    "trainers": (
        "trainer",
        "trainers",
        "trainer(s)",
        "docent",
        "docenten",
        "over de trainer",
        "over de trainers",
        "trainster",
        "begeleiding",
    ),
    "contact": (
        "informatie",
        "contact",
        "meer informatie",
        "informatie en aanmelden",
        "informatie en aanmelding",
        "aanmelden",
        "aanmelding",
        "inlichtingen",
        "information",
    ),
    "practical": ("praktische informatie", "praktisch", "practical information", "data en kosten"),
}
"""Headings by the section they open; the label table's headings are added below."""

for _labels in LABELS.values():
    for _key, _heading in (
        ("introduction", _labels.introduction),
        ("audience", _labels.audience),
        ("programme", _labels.programme),
        ("method", _labels.method),
        ("trainers", _labels.trainer),
        ("trainers", _labels.trainers),
        ("contact", _labels.contact),
        ("practical", _labels.practical),
    ):
        if _heading.lower() not in SECTIONS[_key]:
            SECTIONS[_key] = (*SECTIONS[_key], _heading.lower())

_BY_HEADING = {heading: key for key, headings in SECTIONS.items() for heading in headings}


def heading_key(text: str) -> str:
    """`text` as headings are compared: lower case, single spaces, no colon or full stop at the end."""
    return re.sub(r"\s+", " ", text).strip().rstrip(":.").strip().lower()


def section_of(text: str) -> str | None:
    """The section a heading opens (``audience``, ``programme`` …), or None for an unknown one."""
    return _BY_HEADING.get(heading_key(text))


_ORDINALS = {
    **{
        name.split()[0].lower(): number
        for labels in LABELS.values()
        for number, name in enumerate(labels.day_ordinals, 1)
    },
    "1e": 1,
    "2e": 2,
    "3e": 3,
    "4e": 4,
    "5e": 5,
}
_NUMBERS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8}

_DAYS = r"(?:dag|day|bijeenkomst|module|sessie|trainingsdag|session|meeting)"
DAY_LINE = re.compile(
    r"^(?P<day>(?:(?P<ordinal>" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + rf")\s+{_DAYS})"
    rf"|(?:{_DAYS}\s+(?P<number>\d{{1,2}}|" + "|".join(_NUMBERS) + r")))"
    r"\s*(?:[:.–—-]\s*|\s+|$)(?P<theme>.*)$",
    re.IGNORECASE,
)
"""A day's line: "EERSTE DAG: Hoe kan ik …", "Dag 2 – Kinderen en loyaliteit", "Second day: …";
a meeting or module is a day too ("Bijeenkomst 3: …", "Module 2 – …")."""


def day_number(match: re.Match[str]) -> int:
    """The day's number in a :data:`DAY_LINE` match."""
    if match["ordinal"]:
        return _ORDINALS[match["ordinal"].lower()]
    number = match["number"].lower()
    return int(number) if number.isdigit() else _NUMBERS[number]


GOAL_START = re.compile(
    r"^(?:het doel|doel van|de doelen|doelen van|het leerdoel|de leerdoelen|na afloop|na deze|"
    r"na het volgen|aan het eind|aan het einde|deelnemers leren|je leert|u leert|the goal|the aim|"
    r"after the course|participants learn)\b",
    re.IGNORECASE,
)
"""The start of a sentence that states the course's goal, in a "Voor wie en waarom" section."""
