"""A PDF without usable tags read by its look: lines by position, headings by font size and weight.

The characters are put into lines where the text moves down, words where a gap is wider than a
quarter of the font size, and paragraphs where the space between lines is wider than usual. A line
in a larger font than the running text, or in bold and short, is marked as a heading (the largest
on the first page, at its top, as the title); the plain-text reader does the rest.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ncmw_course.importing._paras import Para
    from ncmw_course.importing._pdf import Glyph

__all__ = ["paras_by_look"]

_BOLD = ("bold", "black", "heavy", "semibold", "demi")


@dataclass
class _Line:
    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def text(self) -> str:
        text = ""
        for before, glyph in zip([None, *self.glyphs], self.glyphs, strict=False):
            if before is not None and glyph.x - before.end > glyph.size * 0.25 and not text.endswith(" "):
                text += " "
            text += glyph.text
        return text

    @property
    def size(self) -> float:
        return max((glyph.size for glyph in self.glyphs if glyph.text.strip()), default=0.0)

    @property
    def bold(self) -> bool:
        shown = [glyph for glyph in self.glyphs if glyph.text.strip()]
        return bool(shown) and all(any(word in glyph.font.lower() for word in _BOLD) for glyph in shown)

    @property
    def top(self) -> float:
        return min(glyph.top for glyph in self.glyphs)


def paras_by_look(pages: dict[int, list[Glyph]]) -> list[Para]:
    """The paragraphs of an untagged PDF, their kinds from the look of their lines."""
    from ncmw_course.importing._joining import Joiner
    from ncmw_course.importing._text import read_text

    lines: list[_Line | None] = []  # None: a gap between paragraphs
    for glyphs in pages.values():
        page_lines = _lines(glyphs)
        lines += _with_gaps(page_lines)
        lines.append(None)
    shown = [line for line in lines if line is not None and line.text.strip()]
    body = _body_size(shown)
    looks: dict[int, str] = {}
    text_lines: list[str] = []
    for line in lines:
        text_lines.append("" if line is None else line.text)
        if line is None or not line.text.strip():
            continue
        number = len(text_lines)
        short = len(line.text.split()) <= 12
        if line.size > body * 1.6 and not looks:
            looks[number] = "title"
        elif short and (line.size > body * 1.15 or line.bold):
            looks[number] = "heading" if line.size > body * 1.15 else "bold"
    return read_text("\n".join(text_lines), Joiner(), looks=looks)


def _lines(glyphs: list[Glyph]) -> list[_Line]:
    lines: list[_Line] = []
    for glyph in glyphs:
        last = lines[-1].glyphs[-1] if lines and lines[-1].glyphs else None
        if (
            last is None
            or abs(glyph.top - last.top) > max(glyph.size, last.size) * 0.5
            or glyph.x < last.x - last.size
        ):
            lines.append(_Line())
        lines[-1].glyphs.append(glyph)
    return lines


def _with_gaps(lines: list[_Line]) -> list[_Line | None]:
    """`lines` with None where the space to the next line is clearly wider than between lines."""
    steps = sorted(b.top - a.top for a, b in itertools.pairwise(lines) if b.top > a.top)
    usual = steps[len(steps) // 2] if steps else 0.0
    spaced: list[_Line | None] = []
    for before, line in zip([None, *lines], lines, strict=False):
        if before is not None and usual and line.top - before.top > usual * 1.4:
            spaced.append(None)
        spaced.append(line)
    return spaced


def _body_size(lines: list[_Line]) -> float:
    weights: dict[float, int] = {}
    for line in lines:
        size = round(line.size, 1)
        weights[size] = weights.get(size, 0) + len(line.text)
    return max(weights, key=lambda size: weights[size]) if weights else 0.0
