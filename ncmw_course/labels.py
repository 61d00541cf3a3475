"""The words that documents add around a course: headings, labels, ordinal days, dates and amounts.

One table per language, shared by every exporter, so that the Word brochure, the EPUB and the web
page say the same thing. The table is chosen by the course's language (its primary subtag);
dates, times and amounts are written by Babel in the way that language writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = ["LABELS", "Labels", "labels_for"]


@dataclass(frozen=True)
class Labels:
    """The fixed texts of documents in one language."""

    locale: str
    """The Babel locale used for dates, times and amounts, such as ``nl_NL``."""
    introduction: str
    audience: str
    goals: str
    programme: str
    method: str
    trainer: str
    trainers: str
    contact: str
    practical: str
    contents: str
    title_page: str
    day_ordinals: tuple[str, ...]
    """"First day", "Second day" … as day headings say them; beyond these, `day_fallback`."""
    day_fallback: str
    """A heading for a day past the ordinals, with ``{number}``."""
    day_heading: str
    """A day's heading, with ``{day}`` and ``{theme}``."""
    phone: str
    email: str
    website: str
    dates: str
    times: str
    time_range: str
    """A start and end time, with ``{start}`` and ``{end}``."""
    location: str
    price: str
    hours: str
    contact_hours: str
    study_load: str
    hours_unit: str
    """An amount of hours, with ``{hours}``."""
    level: str
    max_participants: str
    accreditation: str
    points: str
    """An amount of accreditation points, with ``{points}`` and ``{registry}``."""
    editions: str
    date_range: str
    """A period, with ``{start}`` and ``{end}``."""
    validity: str
    """A validity period, with ``{start}`` and ``{end}``."""
    valid_from: str
    """The start of a validity period without an end, with ``{start}``."""
    valid_until: str
    """The end of a validity period without a start, with ``{end}``."""
    run: str
    """One of several runs, with ``{number}``."""
    role: str
    organisation: str
    modes: dict[str, str]
    """How a run is given: ``onsite``, ``online`` and ``blended`` in words."""
    training: str
    qualifications: str
    experience: str
    evaluation: str
    certificate: str
    assessment: str
    final_test: str
    """The line that says whether there is a final test, with ``{answer}`` (`yes` or `no`)."""
    yes: str
    no: str
    literature: str
    session_kinds: dict[str, str]
    """A day's part in words: ``teaching``, ``test`` and ``break``."""
    statuses: dict[str, str]
    """An accreditation's status in words: ``requested`` and ``granted``."""
    course_page: str
    catalogue: str
    """The heading of a page that lists several courses."""
    page_of: str
    """The footer's page number, with ``{page}`` and ``{pages}`` (fields in Word)."""
    provider: str
    catalogue_link: str
    """A course page's link back to the catalogue page."""
    no_dates: str
    """A catalogue card's dates when the course has no run to come."""
    search: str
    """The catalogue's search box."""
    find: str
    """The name of the catalogue's search and filters, for screen readers."""
    filters: dict[str, tuple[str, str]]
    """Each filter of the catalogue (``month``, ``town``, ``register``, ``mode``): its label and
    the choice that shows every course."""
    clear: str
    """The button that clears the search and filters."""
    course_count: tuple[str, str]
    """A number of courses, with ``{count}``: one, and more than one (or none)."""
    shown_of: str
    """How many courses of all are shown, with ``{shown}`` and ``{courses}`` (a course count)."""
    calendar: str
    """The catalogue's link to the calendar file of every run."""

    def day(self, ordinal: int) -> str:
        """The name of day `ordinal` (1-based): "Eerste dag", …, "Tiende dag", then "Dag 11"."""
        if 1 <= ordinal <= len(self.day_ordinals):
            return self.day_ordinals[ordinal - 1]
        return self.day_fallback.format(number=ordinal)

    def day_title(self, ordinal: int, theme: str) -> str:
        """A day's heading: "Eerste dag: <thema>"."""
        return self.day_heading.format(day=self.day(ordinal), theme=theme)

    def format_date(self, value: date) -> str:
        """A date as the language writes it in full: "dinsdag 10 maart 2026"."""
        from babel.dates import format_date

        text: str = format_date(value, format="full", locale=self.locale)
        return text

    def format_time(self, value: time) -> str:
        """A time of day on the 24-hour clock where the language uses it: "09:30"."""
        from babel.dates import format_time

        text: str = format_time(value, format="short", locale=self.locale)
        return text

    def format_time_range(self, start: time | None, end: time | None) -> str | None:
        """ "09:30 – 16:30", or one of the two, or None."""
        if start and end:
            return self.time_range.format(start=self.format_time(start), end=self.format_time(end))
        if start or end:
            return self.format_time(start or end)  # type: ignore[arg-type]  # one of them is set
        return None

    def format_amount(self, amount: Decimal, currency: str) -> str:
        """An amount of money as the language writes it: "€ 495,00"."""
        from babel.numbers import format_currency

        text: str = format_currency(amount, currency, locale=self.locale)
        return text

    def format_number(self, value: float) -> str:
        """A number as the language writes it: "24,5"."""
        from babel.numbers import format_decimal

        text: str = format_decimal(value, locale=self.locale)
        return text

    def format_hours(self, value: float) -> str:
        """An amount of hours: "24,5 uur"."""
        return self.hours_unit.format(hours=self.format_number(value))

    def format_short_date(self, value: date) -> str:
        """A date without its weekday, for lists: "10 maart 2026"."""
        from babel.dates import format_date

        text: str = format_date(value, format="long", locale=self.locale)
        return text

    def format_month(self, value: date) -> str:
        """The month of `value` and its year: "maart 2026"."""
        from babel.dates import format_date

        text: str = format_date(value, format="LLLL y", locale=self.locale)
        return text

    def count_courses(self, count: int) -> str:
        """ "1 cursus", "12 cursussen"."""
        return self.course_count[0 if count == 1 else 1].format(count=count)


DUTCH = Labels(
    locale="nl_NL",
    introduction="Inleiding",
    audience="Voor wie en waarom",
    goals="Doel",
    programme="Programma",
    method="Werkwijze",
    trainer="Trainer",
    trainers="Trainers",
    contact="Informatie",
    practical="Praktische informatie",
    contents="Inhoud",
    title_page="Titelpagina",
    day_ordinals=(
        "Eerste dag",
        "Tweede dag",
        "Derde dag",
        "Vierde dag",
        "Vijfde dag",
        "Zesde dag",
        "Zevende dag",
        "Achtste dag",
        "Negende dag",
        "Tiende dag",
    ),
    day_fallback="Dag {number}",
    day_heading="{day}: {theme}",
    phone="Tel.",
    email="E-mail",
    website="Website",
    dates="Data",
    times="Tijden",
    time_range="{start} – {end} uur",
    location="Locatie",
    price="Prijs",
    hours="Studie-uren",
    contact_hours="Contacturen",
    study_load="Studiebelasting",
    hours_unit="{hours} uur",
    level="Niveau",
    max_participants="Maximaal aantal deelnemers",
    accreditation="Accreditatie",
    points="{points} punten bij {registry}",
    editions="Data en locaties",
    date_range="{start} t/m {end}",
    validity="geldig van {start} t/m {end}",
    valid_from="geldig vanaf {start}",
    valid_until="geldig t/m {end}",
    run="Uitvoering {number}",
    role="Functie",
    organisation="Organisatie",
    modes={"onsite": "op locatie", "online": "online", "blended": "deels online, deels op locatie"},
    training="Opgeleid tot",
    qualifications="Opleidingen",
    experience="Ervaring",
    evaluation="Evaluatie",
    certificate="Certificaat",
    assessment="Toetsing",
    final_test="Eindtoets: {answer}",
    yes="ja",
    no="nee",
    literature="Literatuur",
    session_kinds={"teaching": "scholing", "test": "toets", "break": "pauze"},
    statuses={"requested": "aangevraagd", "granted": "toegekend"},
    course_page="Cursuspagina",
    catalogue="Cursusaanbod",
    page_of="pagina {page} van {pages}",
    provider="Aanbieder",
    catalogue_link="Alle cursussen",
    no_dates="Nog geen datum gepland",
    search="Zoek op titel of onderwerp",
    find="Cursus zoeken",
    filters={
        "month": ("Maand", "Alle maanden"),
        "town": ("Plaats", "Alle plaatsen"),
        "register": ("Register", "Alle registers"),
        "mode": ("Lesvorm", "Alle lesvormen"),
    },
    clear="Wis de keuzes",
    course_count=("{count} cursus", "{count} cursussen"),
    shown_of="{shown} van {courses}",
    calendar="Alle data in uw agenda (iCalendar)",
)

ENGLISH = Labels(
    locale="en_GB",
    introduction="Introduction",
    audience="Who it is for, and why",
    goals="Goal",
    programme="Programme",
    method="Method",
    trainer="Trainer",
    trainers="Trainers",
    contact="Information",
    practical="Practical information",
    contents="Contents",
    title_page="Title page",
    day_ordinals=(
        "First day",
        "Second day",
        "Third day",
        "Fourth day",
        "Fifth day",
        "Sixth day",
        "Seventh day",
        "Eighth day",
        "Ninth day",
        "Tenth day",
    ),
    day_fallback="Day {number}",
    day_heading="{day}: {theme}",
    phone="Tel.",
    email="Email",
    website="Website",
    dates="Dates",
    times="Times",
    time_range="{start} – {end}",
    location="Location",
    price="Price",
    hours="Study hours",
    contact_hours="Contact hours",
    study_load="Study load",
    hours_unit="{hours} hours",
    level="Level",
    max_participants="Maximum number of participants",
    accreditation="Accreditation",
    points="{points} points with {registry}",
    editions="Dates and locations",
    date_range="{start} to {end}",
    validity="valid from {start} to {end}",
    valid_from="valid from {start}",
    valid_until="valid until {end}",
    run="Run {number}",
    role="Role",
    organisation="Organisation",
    modes={"onsite": "on site", "online": "online", "blended": "partly online, partly on site"},
    training="Trained as",
    qualifications="Qualifications",
    experience="Experience",
    evaluation="Evaluation",
    certificate="Certificate",
    assessment="Assessment",
    final_test="Final test: {answer}",
    yes="yes",
    no="no",
    literature="Literature",
    session_kinds={"teaching": "training", "test": "test", "break": "break"},
    statuses={"requested": "requested", "granted": "granted"},
    course_page="Course page",
    catalogue="Courses",
    page_of="page {page} of {pages}",
    provider="Provider",
    catalogue_link="All courses",
    no_dates="No dates yet",
    search="Search by title or subject",
    find="Find a course",
    filters={
        "month": ("Month", "Any month"),
        "town": ("Town", "Any town"),
        "register": ("Register", "Any register"),
        "mode": ("Format", "Any format"),
    },
    clear="Clear choices",
    course_count=("{count} course", "{count} courses"),
    shown_of="{shown} of {courses}",
    calendar="Every date in your calendar (iCalendar)",
)

LABELS: dict[str, Labels] = {"nl": DUTCH, "en": ENGLISH}
"""The label tables by primary language subtag."""

FALLBACK = "en"


def labels_for(course: Course | str) -> Labels:
    """The label table for a course (or a BCP 47 tag): its primary language, else English."""
    tag = course if isinstance(course, str) else course.language
    return LABELS.get(tag.split("-")[0].lower(), LABELS[FALLBACK])
