"""Hypothesis strategies for valid courses: raw course-file dicts (`course_dicts`) and models (`courses`).

The dicts are what a course file could hold (JSON-able: dates, times and amounts as text), with every
optional field absent, ``null`` or filled in. Text is any Unicode that XML 1.0 allows, except control
characters (which the model rejects), plus hand-picked hard cases: typographic quotes, emoji,
right-to-left script, markup-like text, decomposed accents and padding that the model strips.
"""

from __future__ import annotations

import os
import unicodedata
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from ncmw_course.model import Course
from tests.strategies_registers import ASSESSMENTS, STATUSES, consistent_hours, sessions, timetabled

__all__ = ["EMAILS", "PHONES", "WEBSITES", "course_dicts", "courses", "prose", "texts"]

Json = dict[str, Any]

# Everything XML 1.0 allows, minus control characters (Cc) and what the model rejects besides.
_CHARACTERS = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\ufffe\uffff")

_SAMPLES = (
    "“Kiezen” tussen ouders",
    "‘enkel’, „Duits“ en «Frans»",
    "Ontrouw – een zaak van twee…",
    "relatie — gezinstherapeut",
    "Samen 👩‍👩‍👧‍👦 verder 🎉",
    "🇳🇱 Nederland 👍🏽",
    "שלום עולם",
    "مرحبا بالعالم",
    "Cursus مرحبا 2026 עברית mixed",
    "<script>alert('x')</script>",
    "Tom &amp; Jerry & co",
    "]]> einde van CDATA",
    "<![CDATA[niet echt]]>",
    "a < b && c > d \"quoted\" 'single'",
    "Cafe\u0301 en Zoe\u0308",  # decomposed: stored as "Café en Zoë"
    "Straße, İstanbul, ÆØÅ, Ødegaard",
    "10\u00a0uur\u202fper week",
    "zero\u200bwidth\u200djoiner",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎 astral",
    "C:\\pad\\naar\\bestand",
    '{"json": [1, 2]} $schema',
    "\u00a0 gestript aan beide kanten\u2003",
    "x",
)
_PADDING = st.sampled_from(("", " ", "  ", "\u00a0", "\u2003", "\u3000"))


def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def _has_content(value: str) -> bool:
    return bool(_clean(value))


_ARBITRARY = st.text(_CHARACTERS, min_size=1, max_size=40).filter(_has_content)
_SAMPLE = st.sampled_from(_SAMPLES)


_TEXTS = st.one_of(
    _ARBITRARY,
    _SAMPLE,
    st.builds(lambda sample, other: f"{sample} {other}", _SAMPLE, _ARBITRARY),
    st.builds(lambda before, text, after: before + text + after, _PADDING, _SAMPLE, _PADDING),
)
_PROSE = st.one_of(
    _TEXTS, st.builds(lambda text, times: " ".join([text] * times), _TEXTS, st.integers(20, 120))
)
_SUMMARIES = st.one_of(
    _TEXTS,
    st.sampled_from(("s" * 200, "e\u0301" * 200, " " + "ö" * 199 + " ")),  # 200 characters after cleaning
).filter(lambda text: len(_clean(text)) <= 200)


def texts() -> st.SearchStrategy[str]:
    """Short valid texts (before cleaning): arbitrary Unicode, hard samples, mixes and padded text."""
    return _TEXTS


def prose() -> st.SearchStrategy[str]:
    """Paragraph texts: the short `texts`, and long ones of up to a few thousand characters."""
    return _PROSE


PHONES = (
    ("0495–450667", "+31495450667"),
    ("+31 20 123 4567", "+31201234567"),
    ("020-1234567", "+31201234567"),
    ("06-12345678", "+31612345678"),
    ("+31 (0)6 12345678", "+31612345678"),
    ("0031 495 450667", "+31495450667"),
    ("(020) 123 45 67", "+31201234567"),
    ("088 – 123 45 67", "+31881234567"),
    ("+49 30 1234567", "+49301234567"),
    ("+44 20 7946 0958", "+442079460958"),
)
"""Valid phone numbers as written, with their E.164 form."""

EMAILS = (
    "info@ncmw.nl",
    "cursus@example.org",
    "j.bijker@ncmw.nl",
    "secretariaat+cursus@example.com",
    "o'brien@example.ie",
    "José@example.nl",
    "user@bücher.de",
)
"""Valid e-mail addresses."""

WEBSITES = (
    "www.ncmw.nl",
    "www.example.nl",
    "ncmw.nl/cursussen",
    "bücher.example",
    "https://www.ncmw.nl/",
    "http://ncmw.nl",
    "https://example.org/cursussen/ontrouw?jaar=2026#data",
    "https://ncmw.nl:8443/pad%20met%20spatie",
)
"""Valid web addresses in the plain-string form, with and without a scheme."""

_URLS = ("https://www.ncmw.nl/", "https://example.org/cursussen/", "http://ncmw.nl/a?b=c")

# Strategies are built once: Hypothesis validates each new strategy object, which is slow in a loop.
_OPTIONAL_TEXTS = st.one_of(st.none(), _TEXTS)
_SHORT_LISTS = st.lists(_TEXTS, max_size=4)
_DATES = st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31))
_DATE_TEXTS = _DATES.map(date.isoformat)
_TIMES = st.one_of(
    st.builds(time, st.integers(0, 23), st.sampled_from((0, 15, 30, 45))),
    st.times().map(lambda value: value.replace(microsecond=0)),  # seconds too: HH:MM:SS is read
)
_CHOICE = st.integers(0, 3)


@st.composite
def _phones(draw: st.DrawFn) -> Any:
    display, e164 = draw(st.sampled_from(PHONES))
    return draw(st.sampled_from((display, {"display": display}, {"display": display, "e164": e164})))


_PHONES = _phones()
_EMAILS = st.sampled_from(EMAILS)
_WEBSITES = st.one_of(
    st.sampled_from(WEBSITES),
    st.fixed_dictionaries({"url": st.sampled_from(_URLS)}, optional={"display": _OPTIONAL_TEXTS}),
)


def _put(draw: st.DrawFn, target: Json, key: str, values: st.SearchStrategy[Any], *, nullable: bool) -> None:
    """Leave `key` out, set it to null (when `nullable`), or set it to a drawn value."""
    choice = draw(_CHOICE)
    if choice == 0:
        return
    if choice == 1 and nullable:
        target[key] = None
    else:
        target[key] = draw(values)


def _optional(draw: st.DrawFn, target: Json, key: str, values: st.SearchStrategy[Any]) -> None:
    _put(draw, target, key, values, nullable=True)


def _tuple(draw: st.DrawFn, target: Json, key: str, values: st.SearchStrategy[Any]) -> None:
    _put(draw, target, key, values, nullable=False)


def _time_text(value: time) -> str:
    if value.second == 0 and value.microsecond == 0:
        return value.isoformat(timespec="minutes")
    return value.isoformat()


@st.composite
def _locations(draw: st.DrawFn) -> Json:
    location: Json = {"name": draw(_TEXTS)}
    _optional(draw, location, "street_address", _TEXTS)
    _optional(draw, location, "postal_code", st.sampled_from(("5991 AA", "1012 AB", "B-2000")))
    _optional(draw, location, "locality", _TEXTS)
    _optional(draw, location, "country", st.from_regex(r"[A-Z]{2}", fullmatch=True))
    return location


_LOCATIONS = _locations()
_TOPICS = st.lists(_TEXTS, max_size=30)
_ALL_TOPICS = st.lists(_TEXTS, min_size=30, max_size=30)  # the most a day has
_ONE_IN_EIGHT = st.integers(0, 7)
_DAY_TIMES = st.sampled_from(("none", "start", "end", "both"))
_TIME_PAIRS = st.lists(_TIMES, min_size=2, max_size=2, unique=True).map(sorted)


@st.composite
def _days(draw: st.DrawFn) -> Json:
    """A day without its ordinal, which depends on its place in the programme."""
    day: Json = {"theme": draw(_TEXTS)}
    _tuple(draw, day, "topics", _ALL_TOPICS if draw(_ONE_IN_EIGHT) == 7 else _TOPICS)
    _optional(draw, day, "date", _DATE_TEXTS)
    times = draw(_DAY_TIMES)
    if times == "both":
        start, end = draw(_TIME_PAIRS)
        day["start_time"], day["end_time"] = _time_text(start), _time_text(end)
    elif times != "none":
        day[f"{times}_time"] = _time_text(draw(_TIMES))
    _optional(draw, day, "location", _LOCATIONS)
    if draw(_CHOICE) > 1:
        day["sessions"] = sessions(draw, day, _TEXTS)
    return day


_DAYS = _days()
_MODES = st.sampled_from(("onsite", "online", "blended"))


@st.composite
def _editions(draw: st.DrawFn, day_count: int) -> Json:
    start = draw(_DATES)
    span = draw(st.integers(0, 90))
    edition: Json = {"start_date": start.isoformat()}
    end = start + timedelta(days=span)
    if span or draw(st.booleans()):
        edition["end_date"] = end.isoformat()
    # Either no day dates, or one per programme day, strictly increasing from the run's first day
    # to its last (a one-day programme: a one-day run).
    if draw(st.booleans()) and day_count <= span + 1 and (day_count > 1 or span == 0):
        middle = day_count - 2
        inner = (
            draw(st.lists(st.integers(1, span - 1), min_size=middle, max_size=middle, unique=True))
            if middle > 0
            else []
        )
        offsets = [0] if day_count == 1 else [0, *sorted(inner), span]
        edition["day_dates"] = [(start + timedelta(days=offset)).isoformat() for offset in offsets]
    _optional(draw, edition, "mode", _MODES)
    _optional(draw, edition, "location", _LOCATIONS)
    return edition


_POINTS = st.one_of(st.integers(0, 1000), st.floats(0, 1000, allow_nan=False))
_DATE_PAIRS = st.lists(_DATES, min_size=2, max_size=2).map(sorted)


@st.composite
def _accreditations(draw: st.DrawFn) -> Json:
    accreditation: Json = {"registry": draw(_TEXTS), "points": draw(_POINTS)}
    _optional(draw, accreditation, "identifier", _TEXTS)
    first, last = draw(_DATE_PAIRS)
    _optional(draw, accreditation, "valid_from", st.just(first.isoformat()))
    _optional(draw, accreditation, "valid_until", st.just(last.isoformat()))
    _optional(draw, accreditation, "status", STATUSES)
    return accreditation


_BIOGRAPHIES = st.lists(_PROSE, max_size=3)


@st.composite
def _trainers(draw: st.DrawFn) -> Json:
    trainer: Json = {"name": draw(_TEXTS)}
    _optional(draw, trainer, "role", _TEXTS)
    _optional(draw, trainer, "organisation", _TEXTS)
    for key in ("training", "qualifications", "experience"):
        _tuple(draw, trainer, key, _SHORT_LISTS)
    _tuple(draw, trainer, "biography", _BIOGRAPHIES)
    return trainer


_CHANNELS: dict[str, st.SearchStrategy[Any]] = {"phone": _PHONES, "email": _EMAILS, "website": _WEBSITES}
_GIVEN_CHANNELS = st.sets(st.sampled_from(sorted(_CHANNELS)), min_size=1)


@st.composite
def _contacts(draw: st.DrawFn) -> Json:
    """A contact with at least one of phone, e-mail and website; the others absent or null."""
    contact: Json = {}
    _optional(draw, contact, "name", _TEXTS)
    given = draw(_GIVEN_CHANNELS)
    for key, values in _CHANNELS.items():
        if key in given:
            contact[key] = draw(values)
        elif draw(st.booleans()):
            contact[key] = None
    return contact


_HOURS_VALUES = st.one_of(
    st.integers(1, 10_000),
    st.sampled_from((0.25, 0.5, 12.5, 24.75, 10_000.0)),
    st.floats(0, 10_000, exclude_min=True, allow_nan=False),
)
_HOURS = st.fixed_dictionaries({}, optional={"contact_hours": _HOURS_VALUES, "study_load": _HOURS_VALUES})
_AMOUNTS = st.one_of(
    st.integers(0, 9_999_999),
    st.decimals(min_value=0, max_value=Decimal("9999999.99"), places=2, allow_nan=False).map(str),
)
_PRICES = st.fixed_dictionaries(
    {"amount": _AMOUNTS, "currency": st.sampled_from(("EUR", "USD", "GBP", "CHF"))},
    optional={"vat_note": _OPTIONAL_TEXTS},
)
_SLUGS = (
    st.lists(st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True), min_size=1, max_size=8)
    .map("-".join)
    .filter(lambda slug: len(slug) <= 80)
)
_LANGUAGES = st.sampled_from(("nl", "nl-BE", "nl-NL", "en", "en-GB"))  # the languages with labels
_SCHEMA_REFERENCES = st.sampled_from(("../schema/course.schema.json", "urn:ncmw-course:schema:course:1"))
_LEVELS = st.one_of(st.sampled_from(("hbo", "mbo", "wo")), _TEXTS)
_TRAINERS = st.lists(_trainers(), min_size=1, max_size=3)
_ACCREDITATIONS = st.lists(_accreditations(), max_size=3)
_PARAGRAPHS = st.lists(_PROSE, max_size=3)
_ASSESSMENTS = ASSESSMENTS(_PARAGRAPHS)
_KEYWORDS = st.lists(
    st.one_of(st.sampled_from(("ontrouw", "nascholing", "hbo")), _TEXTS.filter(lambda text: len(text) <= 60)),
    max_size=8,
)


_EDUDEX = st.fixed_dictionaries(
    {},
    optional={
        "org_unit_id": st.from_regex(r"[a-z0-9][-a-z0-9_.]{0,20}", fullmatch=True),
        "program_id": st.from_regex(r"[A-Za-z0-9][-A-Za-z0-9_]{0,20}", fullmatch=True),
        "program_forms": st.lists(
            st.sampled_from(("part-time", "full-time", "e-learning")), max_size=2, unique=True
        ),
        "program_type": st.sampled_from(("training", "workshop", "master class")),
        "program_level": st.sampled_from(("hbo", "post-hbo", "mbo")),
        "degree": st.sampled_from(("certificate of participation", "certificate", "none")),
        "instruction_modes": st.lists(
            st.sampled_from(("case study", "roleplay", "lecture")), max_size=3, unique=True
        ),
        "application_type": st.sampled_from(("individual", "group")),
        "application_open": st.booleans(),
        "payment_due": st.sampled_from(("up-front", "afterwards", "installments")),
        "start_date_determination": st.sampled_from(("fixed starting date", "agreed starting date")),
    },
)


@st.composite
def course_dicts(draw: st.DrawFn) -> Json:
    """The JSON-able dict of a valid course file, with each optional field absent, null or set."""
    course: Json = {}
    if draw(st.booleans()):
        course["$schema"] = draw(_SCHEMA_REFERENCES)
    course["format_version"] = 1
    course["slug"] = draw(_SLUGS)
    course["language"] = draw(_LANGUAGES)
    course["updated"] = draw(_DATE_TEXTS)
    course["title"] = draw(_TEXTS)
    _optional(draw, course, "subtitle", _TEXTS)
    _optional(draw, course, "summary", _SUMMARIES)
    _tuple(draw, course, "keywords", _KEYWORDS)
    course["description"] = draw(st.lists(_PROSE, min_size=1, max_size=3))
    course["audience"] = draw(st.lists(_PROSE, min_size=1, max_size=2))
    course["goals"] = draw(st.lists(_TEXTS, min_size=1, max_size=5))
    day_count = draw(st.integers(1, 20))
    programme: Json = {}
    _tuple(draw, programme, "introduction", _PARAGRAPHS)
    programme["days"] = [{"ordinal": ordinal, **draw(_DAYS)} for ordinal in range(1, day_count + 1)]
    if draw(_CHOICE) == 0:  # every day's parts: net hours that documents and feeds state
        timetabled(draw, programme["days"], _TEXTS)
    course["programme"] = programme
    course["method"] = draw(st.lists(_PROSE, min_size=1, max_size=2))
    course["trainers"] = draw(_TRAINERS)
    course["contact"] = draw(_contacts())
    provider: Json = {"name": draw(_TEXTS)}
    _optional(draw, provider, "website", _WEBSITES)
    course["provider"] = provider
    _optional(draw, course, "level", _LEVELS)
    _optional(draw, course, "hours", _HOURS)
    _optional(draw, course, "price", _PRICES)
    _optional(draw, course, "max_participants", st.integers(1, 500))
    _tuple(draw, course, "editions", st.lists(_editions(day_count), max_size=3))
    _consistent_day_dates(programme["days"], course.get("editions") or [])
    _tuple(draw, course, "accreditations", _ACCREDITATIONS)
    _optional(draw, course, "accreditation_contact", _contacts())
    _tuple(draw, course, "evaluation", _PARAGRAPHS)
    _optional(draw, course, "certificate", _TEXTS)
    _tuple(draw, course, "certificate_conditions", _PARAGRAPHS)
    _optional(draw, course, "assessment", _ASSESSMENTS)
    _tuple(draw, course, "literature", _SHORT_LISTS)
    _optional(draw, course, "url", _WEBSITES)
    _optional(draw, course, "edudex", _EDUDEX)
    consistent_hours(course)  # last: it reads the course the rest makes
    return course


def _consistent_day_dates(days: list[Json], editions: list[Json]) -> None:
    """The days' own dates made to agree with the runs: in order, and those of the first run if any."""
    dates = (editions[0].get("day_dates") or [None] * len(days)) if editions else [None] * len(days)
    previous = ""
    for day, run_date in zip(days, dates, strict=True):
        if day.get("date") is None:
            continue
        if editions:  # the first run's date for the day, or none when the run lists no day dates
            if run_date is None:
                del day["date"]
            else:
                day["date"] = run_date
        elif day["date"] <= previous:
            del day["date"]
        else:
            previous = day["date"]


def courses() -> st.SearchStrategy[Course]:
    """Arbitrary valid courses: `course_dicts` validated by the model."""
    return course_dicts().map(Course.model_validate)


def examples(default: int) -> int:
    """How many examples a property test runs: `default` (modest, for CI), or ``HYPOTHESIS_EXAMPLES``."""
    return int(os.environ.get("HYPOTHESIS_EXAMPLES", str(default)))
