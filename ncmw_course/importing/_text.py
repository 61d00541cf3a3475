"""Plain text as a PDF's text extraction gives it, read into paragraphs (:class:`Para`).

What such text looks like, and how each thing is recognised:

- words separated by tabs, and lines broken wherever the flyer's column ended: the lines of a
  paragraph are joined (:class:`Joiner` decides about a hyphen at a line's end);
- a paragraph ends at a blank line, or where a heading, a day or a list item starts; in a text
  without blank lines, also at a short line that ends a sentence; a line that starts in lower case goes on with the line before, even
  after blank lines (extractions put them in at random);
- the first line is the title, and a short line right under it, followed by a blank line, its
  subtitle;
- a heading is a line in capitals ("VOOR WIE EN WAAROM") or a known heading on a line of its own in
  any case ("Informatie");
- a day is a line such as "EERSTE DAG: Hoe kan ik …" (:data:`DAY_LINE`), whose theme may run on;
- a list item starts with a bullet (• ▪ – * …) or a number ("1." "2)"), and may wrap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ncmw_course.importing._joining import Joiner
from ncmw_course.importing._paras import BULLET, Para, clean, is_capitals
from ncmw_course.importing._vocab import DAY_LINE, section_of

__all__ = ["read_text"]

LineKind = Literal["blank", "heading", "day", "item", "text", "sub", "title"]

_SENTENCE_END = re.compile(r"[.!?…][”’\"')]*$")
_HEADING_WORDS = 8
_PAGE_NUMBER = re.compile(
    r"(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?|(?:pagina|page|blz\.?)\s*\d{1,3}(?:\s*(?:van|of|/)\s*\d{1,3})?",
    re.IGNORECASE,
)
_SUBTITLE_LENGTH = 90


@dataclass(frozen=True)
class _Line:
    number: int
    kind: LineKind
    text: str
    soft: bool
    """The line ended in a soft hyphen: a word broken by the layout."""


def read_text(text: str, joiner: Joiner, looks: dict[int, str] | None = None) -> list[Para]:
    """The paragraphs of a flyer's plain text, in order.

    `looks` marks lines by their look, where the source shows it (a PDF): ``title``, ``heading``
    (a larger font) or ``bold``, by line number.
    """
    looks = looks or {}
    lines = [_line(number, raw, looks.get(number)) for number, raw in enumerate(_raw_lines(text), start=1)]
    joiner.corpus = "\n".join(line.text for line in lines)
    width = _full_width(lines)
    paras: list[Para] = []
    index = _title(lines, paras)
    while index < len(lines):
        line = lines[index]
        if line.kind == "blank":
            index += 1
            continue
        index, para = _paragraph(lines, index, width, joiner)
        paras.append(para)
    return paras


def _raw_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").split("\n")


def _line(number: int, raw: str, look: str | None = None) -> _Line:
    soft = raw.rstrip(" \t").endswith("\u00ad")
    text = clean(raw)
    if not text or _PAGE_NUMBER.fullmatch(text):  # a page's number, where an extraction put it
        return _Line(number, "blank", "", soft=False)
    if BULLET.match(text) and BULLET.sub("", text, count=1):
        return _Line(number, "item", BULLET.sub("", text, count=1), soft)
    if DAY_LINE.match(text):
        return _Line(number, "day", text, soft)
    if look == "title":
        return _Line(number, "title", text, soft)
    if look == "heading" or (look == "bold" and (section_of(text) or is_capitals(text))):
        return _Line(number, "heading", text, soft)
    if look == "bold":
        return _Line(number, "sub", text, soft)
    if section_of(text) is not None or (
        is_capitals(text) and len(text.split()) <= _HEADING_WORDS and not text.endswith((".", ","))
    ):
        return _Line(number, "heading", text, soft)
    return _Line(number, "text", text, soft)


def _full_width(lines: list[_Line]) -> int:
    """The length of a full line of running text: the longest lines, leaving out a few outliers.

    0 when the text has blank lines between its paragraphs: then only they end a paragraph, and a
    short line that ends a sentence (a lead sentence on a line of its own) does not.
    """
    inner = [line for line in lines if line.kind != "blank"]
    if inner and any(line.kind == "blank" for line in lines[lines.index(inner[0]) : lines.index(inner[-1])]):
        return 0
    lengths = sorted(len(line.text) for line in lines if line.kind == "text")
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _title(lines: list[_Line], paras: list[Para]) -> int:
    """Read the title (and a subtitle) at the top; the index of the first line after them."""
    index = _skip_blank(lines, 0)
    if index >= len(lines) or section_of(lines[index].text) is not None:
        return index
    first = index
    title = lines[index].text
    index += 1
    while index < len(lines) and lines[first].kind == "title" and lines[index].kind == "title":
        title += " " + lines[index].text
        index += 1
    while index < len(lines) and is_capitals(title) and lines[index].kind == "heading":
        if section_of(lines[index].text) is not None:
            break
        title += " " + lines[index].text
        index += 1
    paras.append(Para("title", title, "line", lines[first].number, lines[index - 1].number))
    candidate = lines[index] if index < len(lines) else None
    if (
        candidate is not None
        and candidate.kind == "text"
        and len(candidate.text) <= _SUBTITLE_LENGTH
        and not _SENTENCE_END.search(candidate.text)
        and (index + 1 >= len(lines) or lines[index + 1].kind == "blank")
    ):
        paras.append(Para("subtitle", candidate.text, "line", candidate.number, candidate.number))
        index += 1
    return index


def _paragraph(lines: list[_Line], index: int, width: int, joiner: Joiner) -> tuple[int, Para]:
    """The paragraph that starts at `index`, and the index after it."""
    first = lines[index]
    kind = {"heading": "heading", "day": "subheading", "sub": "subheading", "item": "item"}.get(
        first.kind, "text"
    )
    text = first.text + ("\u00ad" if first.soft else "")
    last = first
    index += 1
    while index < len(lines):
        following = _skip_blank(lines, index)
        if following >= len(lines):
            break
        line = lines[following]
        if not _goes_on(last, line, following > index, text, width, first.kind):
            break
        text = joiner.join(text, line.text + ("\u00ad" if line.soft else ""), f"line {line.number}")
        last = line
        index = following + 1
    para_kind: Literal["heading", "subheading", "item", "text"] = kind  # type: ignore[assignment]
    return index, Para(para_kind, text.replace("\u00ad", ""), "line", first.number, last.number)


def _goes_on(last: _Line, line: _Line, after_blank: bool, text: str, width: int, kind: LineKind) -> bool:
    """Whether `line` continues the paragraph whose last line so far is `last`."""
    starts_low = line.text[0].islower() or line.text[0] in "([“‘\"'"
    if line.kind == "sub":  # a bold line: goes on with a bold day line or subheading, as it wraps
        return kind in ("day", "sub") and starts_low and not _SENTENCE_END.search(text)
    if line.kind not in ("text", "heading") or (line.kind == "heading" and section_of(line.text)):
        return False
    if kind in ("heading", "sub", "title") or _own_line(last.text) or _own_line(line.text):
        return False
    if starts_low or text.endswith(("-", "\u00ad", ",")):
        return not (kind == "day" and _SENTENCE_END.search(text))
    if after_blank or kind in ("day", "item") or line.kind == "heading":
        return False
    return not (_SENTENCE_END.search(last.text) and len(last.text) < 0.75 * width)


def _own_line(text: str) -> bool:
    """A line that stands on its own: a fact ("Kosten: € 495,-") or contact details."""
    from ncmw_course.importing._contact import is_contact_line
    from ncmw_course.importing._facts import is_fact_line

    return is_fact_line(text) or is_contact_line(text)


def _skip_blank(lines: list[_Line], index: int) -> int:
    while index < len(lines) and lines[index].kind == "blank":
        index += 1
    return index
