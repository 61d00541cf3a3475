"""A generated catalogue: 200 courses from a seeded generator, the same on every run and machine.

Each course is the full reference course with what a catalogue card shows drawn anew: its title,
summary and keywords, its runs (none to three, some before :data:`TODAY`, with their towns and
modes), price, contact hours, accreditations and level; each of those is sometimes left out, so
that cards without them are tested too. Some courses are in English. The courses are valid (the
model checks them) and their slugs are unique.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from functools import cache
from typing import Any

from ncmw_course import Course, parse_course
from tests.conftest import TESTDATA

TODAY = date(2027, 1, 15)
"""The day the generated catalogue is rendered on (``--today``): runs start on both sides of it."""

SEED = 20
COUNT = 200

TOWNS = ("Baarlo", "Roermond", "Utrecht", "Den Haag", "Zwolle", "’s-Hertogenbosch", "Groningen", "Eindhoven")
REGISTERS = ("Registerplein", "SKJ", "Kwaliteitsregister V&V", "NIP")
MODES = ("onsite", "online", "blended")
SUBJECTS = (
    "scheiding",
    "rouw",
    "schulden",
    "huiselijk geweld",
    "mantelzorg",
    "eenzaamheid",
    "jongeren",
    "dementie",
    "verslaving",
    "armoede",
    "trauma",
    "ouderschap",
    "zorgmijders",
    "loyaliteit",
    "café-gesprekken",
)
FORMS = (
    "Gespreksvoering bij",
    "Werken met",
    "Signaleren van",
    "Begeleiden bij",
    "Basistraining",
    "Verdieping",
)
Json = dict[str, Any]


def _template() -> Json:
    data: Json = json.loads((TESTDATA / "course_full.json").read_text(encoding="utf-8"))
    for day in data["programme"]["days"]:
        day.pop("date", None)
    return data


def _runs(rng: random.Random, days: int) -> list[Json]:
    runs = []
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        start = TODAY + timedelta(days=rng.randrange(-120, 420))
        dates = [start + timedelta(weeks=week) for week in range(days)]
        run: Json = {
            "start_date": str(start),
            "end_date": str(dates[-1]),
            "day_dates": [str(d) for d in dates],
        }
        mode = rng.choice((*MODES, None))
        if mode:
            run["mode"] = mode
        if mode != "online" and rng.random() < 0.9:
            run["location"] = {"name": "Cursuslocatie", "locality": rng.choice(TOWNS), "country": "NL"}
        runs.append(run)
    return runs


def _course(rng: random.Random, number: int) -> Json:
    data = _template()
    subject = rng.choice(SUBJECTS)
    english = rng.random() < 0.1
    data["slug"] = f"cursus-{number:03d}"
    data["language"] = "en" if english else "nl"
    data["title"] = f"{rng.choice(FORMS)} {subject} ({number})"
    data["summary"] = (
        f"Nascholing over {subject} voor sociaal werkers, met oefeningen uit de praktijk ({number})."
    )
    data["keywords"] = rng.sample(SUBJECTS, 2)
    data["updated"] = str(TODAY - timedelta(days=rng.randrange(0, 400)))
    data["editions"] = _runs(rng, len(data["programme"]["days"]))
    data["url"] = None
    if rng.random() < 0.2:
        del data["price"]
    else:
        data["price"]["amount"] = f"{rng.randrange(150, 1500)}.{rng.choice(('00', '50'))}"
    if rng.random() < 0.2:
        del data["hours"]
    if rng.random() < 0.3:
        data["accreditations"] = []
    else:
        registers = rng.sample(REGISTERS, rng.randrange(1, 3))
        data["accreditations"] = [{"registry": name, "points": rng.randrange(4, 24)} for name in registers]
    if rng.random() < 0.25:
        del data["level"]
    return data


@cache
def generated_catalogue() -> tuple[Course, ...]:
    """The 200 generated courses, in their build order."""
    rng = random.Random(SEED)
    return tuple(parse_course(_course(rng, number)) for number in range(1, COUNT + 1))
