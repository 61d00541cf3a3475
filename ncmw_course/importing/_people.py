"""Trainers' names in a flyer's text: "De training wordt gegeven door José Bijker, …", "Anna de Vries is …".

A name is two or more words that start with a capital, possibly with the particles of Dutch
surnames between them (van, de, der, ten …): "José Bijker", "Anna van der Berg". A name is taken
from where flyers introduce trainers: after "door" ("gegeven door", "verzorgd door"), after a
"Trainer:" label, at the start of a paragraph, or as a paragraph of its own.
"""

from __future__ import annotations

import re

__all__ = ["introduced_names", "leading_name", "whole_name"]

_PARTICLES = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "het",
        "ten",
        "ter",
        "te",
        "'t",
        "’t",
        "in",
        "op",
        "von",
        "du",
        "da",
        "di",
        "le",
        "la",
        "el",
    }
)
_NOT_FIRST = frozenset(
    {
        "de", "het", "een", "dit", "deze", "die", "dat", "zij", "hij", "ze", "wij", "we", "je", "u", "ik",
        "in", "op", "bij", "met", "voor", "na", "van", "als", "ook", "tevens", "sinds", "daarnaast",
        "the", "a", "an", "she", "he", "they", "this", "at", "with", "for",
    }
)  # fmt: skip
_PUNCTUATION = ",.;:!?)”’\"'"
_INTRODUCERS = re.compile(r"\b(?:door|by|trainers?|docenten?|trainster)\s*:?\s+", re.IGNORECASE)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and (
        len(word) == 1 or any(char.islower() for char in word) or word.endswith(".")
    )


def _name_from(words: list[str]) -> tuple[str, int] | None:
    """The name that `words` start with, and how many words it takes; None when they start with none."""
    if not words or not _capitalised(words[0]) or words[0].lower().strip(_PUNCTUATION) in _NOT_FIRST:
        return None
    taken, last_capital = 0, 0
    for index, word in enumerate(words):
        bare = word.rstrip(_PUNCTUATION)
        if not bare or not (_capitalised(bare) or bare.lower() in _PARTICLES) or "@" in bare:
            break
        taken = index + 1
        if _capitalised(bare):
            last_capital = taken
        if bare != word:  # punctuation ends the name
            break
    if last_capital < 2:
        return None
    return " ".join(words[:last_capital]).rstrip(_PUNCTUATION), last_capital


def leading_name(text: str) -> str | None:
    """The name a paragraph starts with ("Anna de Vries is …"), or None."""
    found = _name_from(text.split(" "))
    return found[0] if found else None


def whole_name(text: str) -> str | None:
    """`text`, when all of it is a name (a trainer's name on a line of its own), else None."""
    words = text.split(" ")
    found = _name_from(words)
    return found[0] if found and found[1] == len(words) and len(words) <= 6 else None


def introduced_names(text: str) -> list[str]:
    """The names `text` introduces: after "door" or a "Trainers:" label, joined by commas or "en"."""
    names: list[str] = []
    for match in _INTRODUCERS.finditer(text):
        words = text[match.end() :].split(" ")
        while (found := _name_from(words)) is not None:
            names.append(found[0])
            rest = words[found[1] :]
            ended = words[found[1] - 1].endswith(",")
            if rest[:1] in (["en"], ["and"], ["&"]):
                words = rest[1:]
            elif ended:
                words = rest
            else:
                break
    return list(dict.fromkeys(names))
