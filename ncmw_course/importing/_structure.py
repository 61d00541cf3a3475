"""What a Word document or PDF is read into: its paragraphs for the flyer reader, and, when this
project made it, the brochure's structure for the brochure reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from ncmw_course.importing._paras import Para

__all__ = ["Block", "Brochure", "Role", "SourceDocument"]

Role: TypeAlias = Literal["title", "subtitle", "h1", "h2", "p", "li", "row"]


@dataclass(frozen=True)
class Block:
    """A block of a brochure, by the style or tag it has.

    Attributes:
        role: ``title``, ``subtitle``, ``h1`` (a section), ``h2`` (a day or a trainer), ``p``,
            ``li`` (a list item) or ``row`` (of the facts table: `cells` holds its two cells' lines).
        text: The text, exactly as the document holds it.
        italic: The whole paragraph is in italics (a day's date and place).
        links: The paragraph's links, as (text, address).
        cells: For a table row, the lines of each cell.
        bookmark: The bookmark that starts at the block (Word), such as ``programme``.
        rule: The paragraph has a line under it (Word): the house style's mark of the provider's name.
    """

    role: Role
    text: str
    italic: bool = False
    links: tuple[tuple[str, str], ...] = ()
    cells: tuple[tuple[str, ...], ...] = ()
    bookmark: str | None = None
    rule: bool = False


@dataclass
class Brochure:
    """A brochure made by ncmw-course: its blocks in order, and the document's properties."""

    blocks: list[Block]
    properties: dict[str, str] = field(default_factory=dict)
    """``identifier`` (the slug), ``created`` (ISO date), ``keywords``, ``language``, as stored."""
    kind: str = "Word"


@dataclass
class SourceDocument:
    """A Word document or PDF as read: its paragraphs, and its brochure when this project made it."""

    paras: list[Para]
    brochure: Brochure | None = None
