"""The kinds of place a course field has in an output, the vocabulary of :mod:`ncmw_course.fieldmap`.

- :class:`Shown`: documents show it in their text, in the outline's place (``section › part``), in
  a written form (a date as ``dinsdag 9 maart 2027``, an amount as ``€ 495,00``);
- :class:`Linked`: documents link to it (the target of a link);
- :class:`Property`: a document carries it in its properties (metadata), not in its text;
- :class:`At`: a feed holds it at a JSON path, in a form (an ISO date, a duration …);
- :class:`Nowhere`: the output has no place for it, and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias, get_args

__all__ = [
    "DOCUMENTS",
    "FEEDS",
    "OUTPUTS",
    "At",
    "Form",
    "Linked",
    "Nowhere",
    "Output",
    "Placement",
    "Placements",
    "Property",
    "Shown",
]

Output = Literal["docx", "epub", "html", "pdf", "jsonld", "edudex", "json"]
OUTPUTS: tuple[Output, ...] = get_args(Output)
DOCUMENTS: tuple[Output, ...] = ("docx", "epub", "html", "pdf")
"""The outputs that render the brochure outline: what they show is the outline's text."""
FEEDS: tuple[Output, ...] = ("jsonld", "edudex", "json")

Form = Literal[
    "as written",  # the text word for word
    "web address",  # the display form of a web address (once per address: another with the same URL)
    "written date",  # as the course's language writes a date in full: "dinsdag 9 maart 2027"
    "written time",  # "09:30"
    "written hours",  # "18,5 uur"
    "written number",  # "18,5"
    "written amount",  # "€ 645,50"
    "written currency",  # the currency's symbol, in the written amount: "€"
    "written mode",  # "deels online, deels op locatie"
    "written country",  # the country's name in the course's language
    "written session kind",  # "pauze", "toets"; nothing for teaching
    "written status",  # an accreditation's status: "aangevraagd", "toegekend"
    "written final test",  # "Eindtoets: ja"
    "day name",  # "Eerste dag", …, "Dag 11"
    "tel URI",  # tel:+31495450667
    "ISO date",  # 2027-03-09 (also the date of a date-time)
    "ISO time",  # 09:30:00 (also the time of a date-time)
    "ISO duration",  # PT18H30M
    "two decimals",  # "645.50"
    "whole hours",  # 28
    "number",  # a JSON number: 18.5
    "code",  # the value itself: an enumeration member, a code, true or false
    "lower case",  # nl
    "primary language",  # nl of nl-BE
    "course mode",  # Onsite, Online, Blended
    "fully online",  # true for an online run, false for the others
    "blended learning",  # "blended learning" for a blended run; nothing for the others
    "ASCII e-mail",  # the address with its domain in ASCII (IDNA)
    "URL",  # the normalised address: https://www.ncmw.nl/
    "HTML URL",  # the address as an HTML attribute writes it (& as &amp;)
    "Word keywords",  # the keywords that fit Word's 255 characters
    "PDF date",  # D:20270630…
    "canonical",  # as the course's canonical JSON writes it
]
"""How a value is written in a place."""


@dataclass(frozen=True)
class _InADocument:
    where: str
    """The place: an outline section and its part (``practical › price``), or a property's name."""
    form: Form = "as written"


@dataclass(frozen=True)
class Shown(_InADocument):
    """In the text of a document, where the outline puts it: ``section › part``."""


@dataclass(frozen=True)
class Linked(_InADocument):
    """The target of a link in a document (the form is that of the target, such as a URL)."""


@dataclass(frozen=True)
class Property(_InADocument):
    """A document property (metadata), by its name in the format (``dc:language``)."""


@dataclass(frozen=True)
class At:
    """In a feed, at a JSON path (see the module's docstring), when the course states `needs`."""

    path: str
    form: Form = "as written"
    needs: str | None = None


@dataclass(frozen=True)
class Nowhere:
    """The output has no place for the field; `reason` says why."""

    reason: str


Placement: TypeAlias = Shown | Linked | Property | At | Nowhere
Placements: TypeAlias = tuple[Placement, ...]
"""The places of a field in one output: usually one."""
