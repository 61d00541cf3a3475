"""What every reader makes of a source: paragraphs with a kind, in reading order.

A reader (plain text, Word, PDF) decides what each paragraph is by its look: a title, a heading, a
subheading, running text or a list item. The flyer reader (:mod:`ncmw_course.importing._flyer`)
then decides what each paragraph means for the course, the same way for every kind of source.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal, TypeAlias

__all__ = ["BULLET", "Kind", "Para", "clean", "is_capitals", "span"]

Kind: TypeAlias = Literal["title", "subtitle", "heading", "subheading", "text", "item"]


@dataclass(frozen=True)
class Para:
    """One paragraph of a source, as its look says.

    Attributes:
        kind: ``title``, ``subtitle``, ``heading`` (a section), ``subheading`` (a part of one, such
            as a day or a trainer), ``text`` or ``item`` (of a list).
        text: The paragraph's words, its lines joined, spaces and tabs as single spaces.
        unit: What `first` and `last` count: ``line``, ``paragraph`` or ``page``.
        first: Where it starts (1-based).
        last: Where it ends.
    """

    kind: Kind
    text: str
    unit: str = "paragraph"
    first: int = 0
    last: int = 0
    links: tuple[str, ...] = ()
    """The addresses the paragraph links to (Word), such as ``mailto:info@ncmw.nl``."""

    @property
    def where(self) -> str:
        """Where it is, for the report: ``line 12``, ``lines 12–14``, ``paragraph 3``."""
        return span(self, self)


def span(first: Para, last: Para) -> str:
    """Where the paragraphs from `first` to `last` are: ``lines 3–11``, ``paragraph 4``, ``pages 1–2``."""
    start, end = first.first, last.last
    if start == end:
        return f"{first.unit} {start}"
    return f"{first.unit}s {start}–{end}"


BULLET = re.compile(
    r"^(?:[•·▪‣◦○●■□►▸➢➤✓✔∙*\uf0b7\uf0a7\uf076\uf0d8]|[-–—](?=\s)|\d{1,2}[.)](?=\s)|[a-z][.)](?=\s))\s*"
)
"""A list item's marker at the start of a line: a bullet character typed or pasted (Word's Symbol
bullets too), a dash, or a number or letter with a full stop or bracket."""

_SPACES = re.compile(r"[ \t]+")
"""Spaces and tabs (PDF extractions put tabs between words); a no-break space stays what it is."""


def clean(text: str) -> str:
    """`text` with runs of spaces and tabs as one space, trimmed and NFC-normalised; soft hyphens
    (invisible, a place where a word may break) and byte-order marks are left out."""
    text = text.replace("\u00ad", "").replace("\ufeff", "")
    return unicodedata.normalize("NFC", _SPACES.sub(" ", text).strip(" "))


def is_capitals(text: str) -> bool:
    """Whether `text` is written in capitals: two letters or more, none of them lower-case."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 2 and not any(char.islower() for char in letters)
