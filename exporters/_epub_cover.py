"""The EPUB's cover: an SVG drawn from the outline's title, so that a reader's library shows the
course without any image file from outside. Text in the picture is real text, with the title as its
accessible name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exporters._markup import Element, Node, element, xml_document

if TYPE_CHECKING:
    from ncmw_course.outline import Outline

__all__ = ["cover_svg"]

SVG_NAMESPACE = "http://www.w3.org/2000/svg"

_COVER_WIDTH, _COVER_HEIGHT = 1200, 1800
_COVER_MARGIN = 110
_COVER_BACKGROUND = "#1d4f5c"  # dark teal; white text on it has a contrast ratio above 8:1
_COVER_TEXT = "#ffffff"
_AVERAGE_GLYPH_WIDTH = 0.55  # of the font size, for a serif face; lines are wrapped by estimate
_MAX_TITLE_LINES = 7


def _wrap(text: str, max_chars: int) -> list[str]:
    """Break `text` into lines of at most `max_chars` characters at spaces (longer words stay whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= max_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _fit(text: str, sizes: tuple[int, ...], max_lines: int) -> tuple[int, list[str]]:
    """The largest font size of `sizes` at which `text` wraps into `max_lines`, and its lines.

    At the smallest size, lines past `max_lines` are dropped and the last one ends in "…": this is
    a picture on a library shelf, and the full title is in the book.
    """
    width = _COVER_WIDTH - 2 * _COVER_MARGIN
    for size in sizes:
        lines = _wrap(text, max(1, int(width / (size * _AVERAGE_GLYPH_WIDTH))))
        if len(lines) <= max_lines and all(
            len(line) * size * _AVERAGE_GLYPH_WIDTH <= width for line in lines
        ):
            return size, lines
    size = sizes[-1]
    max_chars = int(width / (size * _AVERAGE_GLYPH_WIDTH))
    lines = [line[:max_chars] for line in _wrap(text, max_chars)]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1][: max_chars - 1] + "…"]
    return size, lines


def _text_block(lines: list[str], size: int, top: float, **style: str) -> tuple[list[Element], float]:
    """Centred lines of SVG text from `top` down; returns them and the height used."""
    line_height = size * 1.2
    elements = [
        element(
            "text",
            {
                "x": str(_COVER_WIDTH // 2),
                "y": f"{top + size + index * line_height:.0f}",
                "font-size": str(size),
                **style,
            },
            line,
        )
        for index, line in enumerate(lines)
    ]
    return elements, len(lines) * line_height


_BACKGROUND = (
    element("rect", {"width": "100%", "height": "100%", "fill": _COVER_BACKGROUND}),
    element(
        "rect",
        {
            "x": str(_COVER_MARGIN),
            "y": "300",
            "width": str(_COVER_WIDTH - 2 * _COVER_MARGIN),
            "height": "8",
            "fill": _COVER_TEXT,
        },
    ),
)
"""The plain background and the rule above the title."""


def cover_svg(outline: Outline) -> bytes:
    """The cover image: the title, subtitle and provider on a plain background."""
    size, title_lines = _fit(outline.title, (110, 96, 84, 72, 62, 54, 46), _MAX_TITLE_LINES)
    shared = {"text-anchor": "middle", "direction": outline.meta.direction, "fill": _COVER_TEXT}
    title, height = _text_block(
        title_lines, size, 380, **shared, **{"font-family": "serif", "font-weight": "bold"}
    )
    parts: list[Node] = [element("title", {}, outline.title), *_BACKGROUND, *title]
    if outline.subtitle:
        sub_size, sub_lines = _fit(outline.subtitle, (56, 48, 40, 34), 4)
        subtitle, _ = _text_block(
            sub_lines,
            sub_size,
            380 + height + 60,
            **shared,
            **{"font-family": "serif", "font-style": "italic"},
        )
        parts += subtitle
    provider_size, provider_lines = _fit(outline.provider, (52, 44, 36), 2)
    provider, _ = _text_block(
        provider_lines, provider_size, _COVER_HEIGHT - 260, **shared, **{"font-family": "sans-serif"}
    )
    parts += provider
    svg = element(
        "svg",
        {
            "xmlns": SVG_NAMESPACE,
            "version": "1.1",
            "viewBox": f"0 0 {_COVER_WIDTH} {_COVER_HEIGHT}",
            "width": str(_COVER_WIDTH),
            "height": str(_COVER_HEIGHT),
            "role": "img",
            "aria-label": outline.title,
            "xml:lang": outline.meta.language,
        },
        *parts,
    )
    return xml_document(svg)
