"""The written forms of a course's values: how each :data:`~ncmw_course.fieldmap.Form` writes a value.

Documents write dates, times, hours, numbers and amounts in the course's language with the label
table (``ncmw_course.labels``); feeds write ISO dates and times, durations and codes. The forms
here are written independently of the exporters where they can be, and with the label table and
``iso_duration`` (each tested on its own) where the exporters' wording is the point.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

from ncmw_course import Course
from ncmw_course.labels import labels_for
from ncmw_course.placements import Form

__all__ = ["FORMS", "written_forms"]

Written = list[Any] | None
"""The forms a value may take (any one will do), or None when the form writes nothing for it."""


def written_forms(course: Course, value: Any, form: Form) -> Written:
    """The ways `value` of `course` may be written in `form`; None when the form writes nothing."""
    return FORMS[form](course, value)


def _web_addresses(course: Course, display: str) -> Written:
    """A web address's display form, or that of another of the course's addresses with the same URL:
    documents show each address once."""
    addresses = [course.contact.website, course.provider.website, course.url]
    hrefs = {address.href for address in addresses if address and address.text == display}
    return [address.text for address in addresses if address and address.href in hrefs] or [display]


def _written_amount(course: Course, amount: Any) -> Written:
    assert course.price is not None
    return [labels_for(course).format_amount(amount, course.price.currency)]


def _written_currency(course: Course, currency: str) -> Written:
    from babel.numbers import get_currency_symbol

    return [get_currency_symbol(currency, locale=labels_for(course).locale)]


def _written_country(course: Course, country: str) -> Written:
    from babel import Locale

    return [Locale.parse(labels_for(course).locale).territories.get(country, country), country]


def _word_keyword(course: Course, keyword: str) -> Written:
    from exporters._docx import fit_keywords

    return [keyword] if keyword in fit_keywords(course.keywords).split(", ") else None


def _ascii_email(course: Course, address: str) -> Written:
    from email_validator import validate_email

    return [validate_email(address, check_deliverability=False).ascii_email]


def _iso_duration(course: Course, hours: float) -> Written:
    from exporters._jsonld import iso_duration

    return [iso_duration(hours)]


def _session_kind(course: Course, kind: str) -> Written:
    """A break or a test is said as such ("Lunch (pauze)", or "Pauze" alone); teaching is not named."""
    if kind == "teaching":
        return None
    word = labels_for(course).session_kinds[kind]
    return [word, word.capitalize()]


def _final_test(course: Course, final_test: bool) -> Written:
    labels = labels_for(course)
    return [labels.final_test.format(answer=labels.yes if final_test else labels.no)]


COURSE_MODES = {"onsite": "Onsite", "online": "Online", "blended": "Blended"}


FORMS: dict[Form, Callable[[Course, Any], Written]] = {
    "as written": lambda course, value: [value],
    "web address": _web_addresses,
    "written date": lambda course, value: [labels_for(course).format_date(value)],
    "written time": lambda course, value: [labels_for(course).format_time(value)],
    "written hours": lambda course, value: [labels_for(course).format_hours(value)],
    "written number": lambda course, value: [labels_for(course).format_number(value)],
    "written amount": _written_amount,
    "written currency": _written_currency,
    "written mode": lambda course, value: [labels_for(course).modes[value]],
    "written country": _written_country,
    "written session kind": _session_kind,
    "written status": lambda course, value: [labels_for(course).statuses[value]],
    "written final test": _final_test,
    "day name": lambda course, value: [labels_for(course).day(value)],
    "tel URI": lambda course, value: [f"tel:{value}"],
    "ISO date": lambda course, value: [value.isoformat()],
    "ISO time": lambda course, value: [value.isoformat()],
    "ISO duration": _iso_duration,
    "two decimals": lambda course, value: [f"{value:.2f}"],
    "whole hours": lambda course, value: [int(value)] if float(value).is_integer() else [value],
    "number": lambda course, value: [value],
    "code": lambda course, value: [value],
    "lower case": lambda course, value: [value.lower()],
    "primary language": lambda course, value: [value.split("-")[0].lower()],
    "course mode": lambda course, value: [COURSE_MODES[value]],
    "fully online": lambda course, value: [value == "online"],
    "blended learning": lambda course, value: ["blended learning"] if value == "blended" else None,
    "ASCII e-mail": _ascii_email,
    "URL": lambda course, value: [str(value)],
    "HTML URL": lambda course, value: [html.escape(str(value), quote=True)],
    "Word keywords": _word_keyword,
    "PDF date": lambda course, value: [f"D:{value:%Y%m%d}"] if isinstance(value, date) else None,
    "canonical": lambda course, value: [value],
}
"""How each form writes a value."""
