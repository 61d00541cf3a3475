"""Lines broken by a layout joined into the text they were: a space, or a hyphen taken out or kept.

A line that ends in a hyphen is the hard case. The break is a layout break ("be-" + "handeld" is
"behandeld") unless the hyphen belongs to the word ("multi-" + "probleemgezinnen" stays
"multi-probleemgezinnen"). Dutch writes a hyphen in a compound where two vowels would otherwise
read as one sound (zee-eend, auto-ongeluk), before a capital or a digit (anti-Amerikaans, A4-formaat),
after an abbreviation in capitals (hbo-opleiding) and after a few prefixes (ex-partner,
multi-probleem, niet-roker). The text itself is asked first: a word written elsewhere in the same
source with or without its hyphen is written the same way here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Joiner"]

_HYPHENS = "-\u2010"
"""A hyphen-minus or a Unicode hyphen; a dash (– —) between spaces is punctuation, never a break."""

_PREFIXES = frozenset(
    {"ex", "multi", "niet", "oud", "anti", "pro", "non", "semi", "vice", "ultra", "pseudo", "co", "extra"}
)
"""Prefixes that Dutch writes with a hyphen; "multi-probleemgezinnen" keeps its hyphen."""

_ABBREVIATIONS = frozenset(
    {"hbo", "mbo", "wo", "ggz", "btw", "vmbo", "havo", "vwo", "ict", "pgb", "ggd", "ah", "cao", "wmo", "avg"}
)
"""Abbreviations Dutch writes in lower case, and joins to a word with a hyphen (hbo-opleiding)."""

_VOWEL_CLASH = re.compile(r"(?:[aeiouy][aeiouy]|[aeo]e|[aeo]i|[ao]u|ij)$")
_WORD_END = re.compile(r"(\w+)[" + _HYPHENS + r"]$")
_WORD_START = re.compile(r"^(\w+)")
_VOWELS = "aeiouyáéíóúàèëïöüâêîôû"


@dataclass
class Joiner:
    """Joins lines; `corpus` is the whole source's text, to look words up in; `notes` collects
    each hyphen decision, for the report."""

    corpus: str = ""
    notes: list[str] = field(default_factory=list)

    def join(self, text: str, line: str, where: str = "") -> str:
        """`text` and the next `line` of the same paragraph as one text."""
        if not text:
            return line
        if not line:
            return text
        if text.endswith("\u00ad"):  # a soft hyphen: where the word was broken, by definition
            return text[:-1] + line
        end, start = _WORD_END.search(text), _WORD_START.search(line)
        if end is None or start is None:
            return f"{text} {line}"
        keep, why = self.keeps_hyphen(end[1], start[1])
        place = f" ({where})" if where else ""
        broken = f"{end[1]}{text[-1]} + {start[1]}"
        if keep:
            self.notes.append(f"kept the hyphen of '{broken}'{place}: {why}")
            return text + line
        self.notes.append(f"joined '{broken}' as '{end[1]}{start[1]}'{place}: {why}")
        return text[:-1] + line

    def keeps_hyphen(self, before: str, after: str) -> tuple[bool, str]:
        """Whether the hyphen between `before` and `after` belongs to the word, and why."""
        joined, hyphenated = f"{before}{after}", f"{before}-{after}"
        if _occurs(self.corpus, hyphenated):
            return True, f"the text writes '{hyphenated}' elsewhere"
        if _occurs(self.corpus, joined):
            return False, f"the text writes '{joined}' elsewhere"
        if not after[0].isalpha() or after[0].isupper():
            return True, "a capital or a digit follows"
        abbreviation = (
            before.lower() in _ABBREVIATIONS or before.isupper() or any(c.isupper() for c in before[1:])
        )
        if abbreviation or any(char.isdigit() for char in before):
            return True, "an abbreviation or a number comes before it"
        if before.lower() in _PREFIXES:
            return True, f"'{before}-' is a prefix written with a hyphen"
        if before[-1].lower() in _VOWELS and after[0].lower() in _VOWELS:
            pair = (before[-1] + after[0]).lower()
            if _VOWEL_CLASH.search(pair):
                return True, "two vowels meet (Dutch writes a hyphen there)"
        return False, "a break at the end of a line"


def _occurs(corpus: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", corpus, flags=re.IGNORECASE) is not None
