"""Facts written in words read back: dates, times, a price, hours, level and group size.

The same readers serve a flyer's fact lines ("Data: dinsdag 9, 16 en 23 maart 2027",
"Kosten: € 495,- (vrijgesteld van btw)") and the lines a brochure of this project writes (its
"Praktische informatie" table, and each day's line "dinsdag 9 maart 2027, 09:30 – 16:30 uur, …").
Dates are Dutch or English ("9 maart 2027", "9 March 2027"); a date without a year takes the year
written after it. What cannot be read exactly is left out and noted, never guessed into a value:
a place is kept only as the line it is, in the report.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from ncmw_course.importing._report import ImportReport
from ncmw_course.importing._structure import Block
from ncmw_course.labels import Labels

__all__ = [
    "dates_in",
    "is_fact_line",
    "price_in",
    "read_fact_line",
    "read_practical",
    "read_when",
    "times_in",
]

Json = dict[str, Any]

_MONTHS = {
    **dict.fromkeys(("januari", "jan", "january"), 1),
    **dict.fromkeys(("februari", "feb", "february"), 2),
    **dict.fromkeys(("maart", "mrt", "mar", "march"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("augustus", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "october", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATES = re.compile(
    rf"\b(?P<days>\d{{1,2}}(?:\s*(?:,|en|and|&)\s*(?:[a-z]+dag\s+)?\d{{1,2}})*)\s+(?P<month>{_MONTH})\.?"
    r"(?:\s+(?P<year>\d{4}))?\b",
    re.IGNORECASE,
)
_TIMES = re.compile(r"\b(\d{1,2})[.:](\d{2})\s*(?:uur\s*)?[–—-]\s*(\d{1,2})[.:](\d{2})\b")
_PRICE = re.compile(r"(?:€|EUR)\s*(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{2}|-{1,2}|–))?")


def dates_in(text: str) -> list[date]:
    """Every date `text` writes, in order; a date without a year takes the next year written."""
    found: list[tuple[int, int, int | None]] = []
    for match in _DATES.finditer(text):
        month = _MONTHS[match["month"].lower()]
        year = int(match["year"]) if match["year"] else None
        found += [(int(day), month, year) for day in re.findall(r"\d{1,2}", match["days"])]
    dates: list[date] = []
    for index, (day, month, year) in enumerate(found):
        year = year or next((later for _, _, later in found[index:] if later), None)
        if year is None:
            return []
        try:
            dates.append(date(year, month, day))
        except ValueError:
            return []
    return dates


def times_in(text: str) -> tuple[str, str] | None:
    """The first time range `text` writes ("9.30 – 16.30 uur"), as ("09:30", "16:30")."""
    match = _TIMES.search(text)
    if match is None:
        return None
    start, end = (int(match[1]), int(match[2])), (int(match[3]), int(match[4]))
    if not all(hour < 24 and minute < 60 for hour, minute in (start, end)) or end <= start:
        return None
    return f"{start[0]:02d}:{start[1]:02d}", f"{end[0]:02d}:{end[1]:02d}"


def price_in(text: str) -> Json | None:
    """The price `text` writes ("€ 495,- (vrijgesteld van btw)"), with its note in brackets."""
    match = _PRICE.search(text)
    if match is None:
        return None
    cents = match[2] if match[2] and match[2].isdigit() else "00"
    price: Json = {"amount": f"{Decimal(match[1].replace('.', ''))}.{cents}", "currency": "EUR"}
    note = re.search(r"\(([^()]+)\)", text[match.end() :])
    if note:  # a note about VAT is the price's; another ("inclusief lunch") is only reported
        price["vat_note" if re.search(r"\b(?:btw|vat|b\.t\.w\.)", note[1], re.IGNORECASE) else "_note"] = (
            note[1].strip()
        )
    return price


_LABELS = {
    "dates": ("data", "datum", "data en tijden", "data en tijd", "dates", "date"),
    "times": ("tijd", "tijden", "time", "times"),
    "price": ("kosten", "prijs", "investering", "price", "cost"),
    "level": ("niveau", "level"),
    "max_participants": (
        "maximaal aantal deelnemers",
        "aantal deelnemers",
        "groepsgrootte",
        "max. deelnemers",
    ),
    "certificate": ("certificaat", "certificate"),
    "evaluation": ("evaluatie", "evaluation"),
}
_LABEL_LINE = re.compile(r"^(?P<label>[^:]{2,40}):\s*(?P<value>.+)$")


def is_fact_line(text: str) -> bool:
    """Whether `text` is a fact line: a known label, a colon and a value ("Data: 9 maart 2027")."""
    match = _LABEL_LINE.match(text)
    return match is not None and any(match["label"].strip().lower() in labels for labels in _LABELS.values())


def read_fact_line(text: str, where: str, draft: Json, report: ImportReport) -> bool:
    """Read a flyer's fact line ("Kosten: € 495,-") into `draft`; False when it is no fact line."""
    match = _LABEL_LINE.match(text)
    label = match["label"].strip().lower() if match else ""
    key = next((key for key, labels in _LABELS.items() if label in labels), None)
    if match is None or key is None:
        return False
    value = match["value"].strip()
    if key in ("dates", "times"):
        return _dates_and_times(value, where, draft, report)
    if key == "price" and (price := price_in(value)):
        if "_note" in price:
            report.notes.append(f"{where}: left out '({price.pop('_note')})' after the price: not about VAT")
        draft["price"] = price
    elif key == "max_participants" and value.split()[0].isdigit():
        draft["max_participants"] = int(value.split()[0])
    elif key in ("level", "certificate"):
        draft[key] = value
    elif key == "evaluation":
        draft["evaluation"] = [value]
    else:
        return False
    report.found(key, where)
    return True


def _dates_and_times(value: str, where: str, draft: Json, report: ImportReport) -> bool:
    dates, times = dates_in(value), times_in(value)
    if dates:
        edition: Json = {"start_date": dates[0].isoformat()}
        if len(dates) > 1:
            edition["end_date"] = dates[-1].isoformat()
            edition["day_dates"] = [day.isoformat() for day in dates]
        draft["editions"] = [edition]
        report.found("editions", f"{where}: {len(dates)} date{'s' if len(dates) > 1 else ''}")
    if times:
        draft["_times"] = times
        report.found("programme.days[].start_time, end_time", where)
    return bool(dates or times)


def read_when(text: str, day: Json, labels: Labels, report: ImportReport) -> None:
    """Read a brochure day's line ("dinsdag 9 maart 2027, 09:30 – 16:30 uur, NCMW, zaal 2") into `day`.

    The date and times are read where the line starts with them exactly as the brochure writes
    them; a place after them is noted, not read (its parts cannot be told apart for certain).
    """
    parts: list[str] = []
    dates = dates_in(text)
    if dates and text.startswith(labels.format_date(dates[0])):
        day["date"] = dates[0].isoformat()
        parts.append(labels.format_date(dates[0]))
    times = _day_times(text, labels)
    if times is not None:
        shown, start, end = times
        day.update({key: value for key, value in (("start_time", start), ("end_time", end)) if value})
        parts.append(shown)
    said = ", ".join(parts)
    if text != said:
        place = text.removeprefix(f"{said}, ") if said else text
        report.notes.append(f"not read: the place of day {day['ordinal']}, '{place}'; add it as its location")


def _day_times(text: str, labels: Labels) -> tuple[str, str | None, str | None] | None:
    """The day's times as the line writes them, and as "HH:MM" (a start, an end or both)."""
    from datetime import time

    found = re.findall(r"\b(\d{1,2}):(\d{2})\b", text)
    values = [
        time(int(hour), int(minute)) for hour, minute in found[:2] if int(hour) < 24 and int(minute) < 60
    ]
    candidates: list[tuple[time | None, time | None]] = []
    if len(values) == 2:
        candidates.append((values[0], values[1]))
    candidates += [(value, None) for value in values[:1]] + [(None, value) for value in values[:1]]
    for start, end in candidates:
        shown = labels.format_time_range(start, end)
        if shown and shown in text:
            return shown, start.strftime("%H:%M") if start else None, end.strftime("%H:%M") if end else None
    return None


def read_practical(blocks: list[Block], draft: Json, labels: Labels, report: ImportReport) -> None:
    """Read the rows of a brochure's practical facts table into `draft`."""
    for block in blocks:
        if block.role != "row" or len(block.cells) != 2 or not block.cells[0] or not block.cells[1]:
            continue
        label, lines = block.cells[0][0], list(block.cells[1])
        field = _practical_row(label, lines, draft, labels)
        if field is None:
            report.notes.append(
                f"not read: the fact '{label}': {' / '.join(lines)}; add it to the course file"
            )
        elif report.status_of(field) is None:
            report.found(field, f"the row '{label}' of the table {labels.practical}")
    for number, edition in enumerate(draft.get("editions", []), start=1):
        if "_place" in edition:
            place = edition.pop("_place")
            report.notes.append(f"not read: the place of run {number}, '{place}'; add it as its location")


def _practical_row(label: str, lines: list[str], draft: Json, labels: Labels) -> str | None:
    """Read one row into `draft`; the field it gave, or None when it is not read."""
    if label == labels.price and (price := _brochure_price(lines[0], labels)):
        draft["price"] = price
        return "price"
    if label == labels.level:
        draft["level"] = lines[0]
        return "level"
    if label == labels.max_participants and lines[0].isdigit():
        draft["max_participants"] = int(lines[0])
        return "max_participants"
    if label == labels.evaluation:
        draft["evaluation"] = lines
        return "evaluation"
    if label == labels.hours and (hours := _hours(lines, labels)):
        draft["hours"] = hours
        return "hours"
    runs = [labels.editions, *(labels.run.format(number=number) for number in range(1, 101))]
    if label in runs and (edition := _edition(lines, labels)):
        draft.setdefault("editions", []).append(edition)
        return "editions"
    if label == labels.certificate:
        short = len(lines[0]) <= 80 and not lines[0].endswith(".")
        draft["certificate"], draft["certificate_conditions"] = (
            (lines[0], lines[1:]) if short else (None, lines)
        )
        return "certificate, certificate_conditions"
    return None


def _edition(lines: list[str], labels: Labels) -> Json | None:
    """One run: "dinsdag 9 maart 2027 t/m dinsdag 23 maart 2027 (op locatie)", then the days' dates."""
    dates = dates_in(lines[0])
    if not dates:
        return None
    edition: Json = {"start_date": dates[0].isoformat()}
    if len(dates) > 1:
        edition["end_date"] = dates[1].isoformat()
    mode = next((key for key, words in labels.modes.items() if lines[0].endswith(f"({words})")), None)
    if mode:
        edition["mode"] = mode
    day_dates: list[str] = []
    for line in lines[1:]:
        if line.startswith(f"{labels.day(len(day_dates) + 1)}: ") and (found := dates_in(line)):
            day_dates.append(found[0].isoformat())
        else:
            edition.setdefault("_place", line)
    if day_dates:
        edition["day_dates"] = day_dates
    return edition


def _brochure_price(line: str, labels: Labels) -> Json | None:
    """A price as the brochure writes it ("€ 495,00 (vrijgesteld van btw)"), read only when exact."""
    price = price_in(line)
    if price is None:
        return None
    shown = labels.format_amount(Decimal(price["amount"]), price["currency"])
    if line == shown:
        return {"amount": price["amount"], "currency": price["currency"]}
    if line.startswith(f"{shown} (") and line.endswith(")"):
        return {
            "amount": price["amount"],
            "currency": price["currency"],
            "vat_note": line[len(shown) + 2 : -1],
        }
    return None


def _hours(lines: list[str], labels: Labels) -> Json:
    from babel.numbers import NumberFormatError, parse_decimal

    hours: Json = {}
    for line in lines:
        for key, name in (("contact_hours", labels.contact_hours), ("study_load", labels.study_load)):
            prefix = f"{name}: "
            if line.startswith(prefix):
                try:
                    number = parse_decimal(line.removeprefix(prefix).split(" ")[0], locale=labels.locale)
                except NumberFormatError:
                    continue
                hours[key] = int(number) if number == number.to_integral_value() else float(number)
    return hours
