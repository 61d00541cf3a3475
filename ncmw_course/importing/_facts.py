"""The practical facts and a day's date and place, read back from the lines a brochure writes.

Placeholder: filled in below.
"""

from __future__ import annotations

from typing import Any

from ncmw_course.importing._report import ImportReport
from ncmw_course.importing._structure import Block
from ncmw_course.labels import Labels

__all__ = ["read_practical", "read_when"]

Json = dict[str, Any]


def read_when(text: str, day: Json, labels: Labels, report: ImportReport) -> None:
    """Read a day's date, times and place ("dinsdag 9 maart 2027, 09:30 – 16:30 uur, …") into `day`."""
    report.notes.append(f"not read: a day's date and place, '{text}'")


def read_practical(blocks: list[Block], draft: Json, labels: Labels, report: ImportReport) -> None:
    """Read the rows of the practical facts table into `draft`."""
    for block in blocks:
        if block.role == "row":
            report.notes.append(f"not read: the fact '{block.cells[0][0]}': {' / '.join(block.cells[1])}")
