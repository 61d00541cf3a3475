"""The catalogue as a format-neutral listing: a card per course, the filters, and their order.

As :mod:`ncmw_course.outline` decides what a brochure says, :func:`catalogue_listing` decides what
a catalogue shows of each course: what someone choosing a course asks first. A :class:`Card` has
the runs to come (their dates, town and mode, or "no dates yet"), the price, the contact hours,
the accreditation points per register and the level, each only when the course states it, in the
words of the course's own language (:mod:`ncmw_course.labels`). Cards are in order of their next
start date, courses without a run to come last, each group in the order given.

"Today" decides which runs are to come: a run that starts before it is left out, even when it is
still going on (someone choosing a course can no longer join it). It is a parameter: the
``catalogue-html`` exporter says where it comes from (``--today``, ``SOURCE_DATE_EPOCH``, the clock).

The filters offer only what the cards hold: the months in which a run starts, the towns of the
runs, the registers, and the modes. Their values are language-neutral (``2027-03``, ``onsite``),
so that a filtered view's address means the same in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ncmw_course._facts import points_line, price_line, run_dates
from ncmw_course.hours import contact_hours
from ncmw_course.labels import Labels, labels_for
from ncmw_course.outline import Direction, Fact, Metadata, course_metadata, writing_direction

if TYPE_CHECKING:
    from datetime import date

    from ncmw_course.model import Accreditation, Course, Edition

__all__ = [
    "Card",
    "Choice",
    "Filter",
    "Listing",
    "Run",
    "catalogue_listing",
    "catalogue_title",
    "upcoming_runs",
]

FILTERS = ("month", "town", "register", "mode")
"""The catalogue's filters, in the order a page shows them; also their names in a page's address."""


@dataclass(frozen=True)
class Run:
    """A run to come, as a card shows it."""

    start: date
    text: str
    """Its dates, town and mode on one line: "9 maart 2027 t/m 23 maart 2027, Baarlo (op locatie)"."""
    month: str
    """The month it starts, ``YYYY-MM``."""
    town: str | None
    """The town of its location, when the course states one."""
    mode: str | None
    """``onsite``, ``online`` or ``blended``, when the course states it."""


@dataclass(frozen=True)
class Card:
    """What the catalogue shows of one course."""

    meta: Metadata
    """The course's slug, language, summary (``description``), keywords and own address (``url``),
    as its documents give them."""
    title: str
    subtitle: str | None
    page: str | None
    """The address of the course's page, relative to the catalogue; None when none was written."""
    runs: tuple[Run, ...]
    """The runs to come, by start date."""
    facts: tuple[Fact, ...]
    """The dates (``runs``), then ``price``, ``contact_hours``, ``accreditations`` and ``level``:
    each row only when the course states it, but the dates always ("no dates yet")."""
    registers: tuple[str, ...]
    """The registers that accredit the course."""

    def values(self, name: str) -> tuple[str, ...]:
        """The card's values for the filter `name` (one of :data:`FILTERS`), each once, in order."""
        found: dict[str, Callable[[], Sequence[str | None]]] = {
            "month": lambda: [run.month for run in self.runs],
            "town": lambda: [run.town for run in self.runs],
            "register": lambda: self.registers,
            "mode": lambda: [run.mode for run in self.runs],
        }
        return tuple(dict.fromkeys(value for value in found[name]() if value))


@dataclass(frozen=True)
class Choice:
    """One choice of a filter: its value in a page's address, and its text."""

    value: str
    text: str


@dataclass(frozen=True)
class Filter:
    """A filter of the catalogue, with the choices the cards hold."""

    name: str
    """``month``, ``town``, ``register`` or ``mode``."""
    label: str
    every: str
    """The choice that shows every course: "Alle plaatsen"."""
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class Listing:
    """The whole catalogue, ready for a writer."""

    language: str
    """The page's language: the first course's (Dutch when there are none)."""
    direction: Direction
    """The writing direction of the page's language."""
    labels: Labels
    """The page's labels: the first course's table."""
    providers: tuple[str, ...]
    cards: tuple[Card, ...]
    filters: tuple[Filter, ...]

    @property
    def title(self) -> str:
        """The catalogue's name with its providers, such as ``Cursusaanbod – NCMW``."""
        return _title(self.labels, self.providers)


def catalogue_title(courses: Sequence[Course]) -> str:
    """The name of the catalogue of `courses`, as its page and its calendar carry it
    (:attr:`Listing.title`), without making the cards."""
    return _title(labels_for(_language(courses)), _providers(courses))


def _title(labels: Labels, providers: tuple[str, ...]) -> str:
    return f"{labels.catalogue} – {', '.join(providers)}" if providers else labels.catalogue


def _language(courses: Sequence[Course]) -> str:
    """The catalogue's language: the first course's (Dutch when there are none)."""
    return courses[0].language if courses else "nl"


def _providers(courses: Sequence[Course]) -> tuple[str, ...]:
    """The courses' providers, each once, in the order of the courses."""
    return tuple(dict.fromkeys(course.provider.name for course in courses))


def catalogue_listing(
    courses: Sequence[Course], today: date, pages: Callable[[Course], str | None] | None = None
) -> Listing:
    """The catalogue of `courses` on the day `today`: their cards in order, and the filters.

    `pages` gives the address of a course's page, or None when it has none; by default
    ``<slug>.html``, the ``html`` format's file beside the catalogue's.
    """
    page_of = pages or (lambda course: f"{course.slug}.html")
    language = _language(courses)
    labels = labels_for(language)
    unordered = [_card(course, today, page_of(course)) for course in courses]
    cards = sorted(unordered, key=lambda card: (not card.runs, card.runs[0].start if card.runs else None))
    return Listing(
        language=language,
        direction=writing_direction(language),
        labels=labels,
        providers=_providers(courses),
        cards=tuple(cards),
        filters=tuple(_filter(name, cards, labels) for name in FILTERS),
    )


def upcoming_runs(course: Course, today: date) -> list[Edition]:
    """The runs of `course` that start on `today` or later, by start date."""
    return sorted(
        (edition for edition in course.editions if edition.start_date >= today),
        key=lambda edition: edition.start_date,
    )


def _card(course: Course, today: date, page: str | None) -> Card:
    labels = labels_for(course)
    runs = tuple(_run(edition, labels) for edition in upcoming_runs(course, today))
    return Card(
        meta=course_metadata(course, labels),
        title=course.title,
        subtitle=course.subtitle,
        page=page,
        runs=runs,
        facts=_facts(course, runs, labels),
        registers=tuple(dict.fromkeys(item.registry for item in course.accreditations)),
    )


def _run(edition: Edition, labels: Labels) -> Run:
    when = run_dates(edition, labels, labels.format_short_date)
    town = edition.location.locality if edition.location else None
    text = ", ".join(filter(None, (when, town)))
    if edition.mode:
        text += f" ({labels.modes[edition.mode]})"
    return Run(edition.start_date, text, f"{edition.start_date:%Y-%m}", town, edition.mode)


def _facts(course: Course, runs: tuple[Run, ...], labels: Labels) -> tuple[Fact, ...]:
    dates = tuple(run.text for run in runs) or (labels.no_dates,)
    facts = [Fact("runs", labels.editions, dates)]
    if course.price:
        facts.append(Fact("price", labels.price, (price_line(course.price, labels),)))
    hours = contact_hours(course)  # typed, or computed from the days' sessions
    if hours:
        facts.append(Fact("contact_hours", labels.contact_hours, (labels.format_hours(hours),)))
    if course.accreditations:
        points = tuple(_points(item, labels) for item in course.accreditations)
        facts.append(Fact("accreditations", labels.accreditation, points))
    if course.level:
        facts.append(Fact("level", labels.level, (course.level,)))
    return tuple(facts)


def _filter(name: str, cards: Sequence[Card], labels: Labels) -> Filter:
    values = sorted({value for card in cards for value in card.values(name)}, key=_sort_key(name))
    label, every = labels.filters[name]
    return Filter(
        name, label, every, tuple(Choice(value, _choice_text(name, value, labels)) for value in values)
    )


def _sort_key(name: str) -> Callable[[str], tuple[int, str, str]]:
    """Modes in a fixed order, months by date, towns and registers alphabetically."""
    modes = ("onsite", "blended", "online")
    return lambda value: (modes.index(value) if name == "mode" else 0, value.casefold(), value)


def _choice_text(name: str, value: str, labels: Labels) -> str:
    if name == "month":
        from datetime import date

        year, month = value.split("-")
        return labels.format_month(date(int(year), int(month), 1))
    if name == "mode":
        return labels.modes[value]
    return value


def _points(accreditation: Accreditation, labels: Labels) -> str:
    """The points and register, and "(aangevraagd)" while they are only asked for: not yet to count on."""
    line = points_line(accreditation, labels)
    return f"{line} ({labels.statuses['requested']})" if accreditation.status == "requested" else line
