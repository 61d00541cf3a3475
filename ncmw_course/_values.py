"""The message for one value that the model refuses: what is wrong, in the project's words, and an example.

Pydantic's own wording ("Input should be …") and the model's regular expressions never reach a
user: each kind of error that the course model raises has its message here, and anything else
falls back to a sentence of the project's. ``tests/test_messages.py`` feeds wrong values to every
field of the model and checks.
"""

from __future__ import annotations

import difflib
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

__all__ = ["describe_kind", "found", "value_message"]

_SCHEMA = "see 'ncmw-course schema' for what this field takes"
_AMOUNT = 'expected an amount such as 495 or "495.00" (a decimal point, no currency sign)'
_WEB_ADDRESS = 'expected a web address such as "www.ncmw.nl" or "https://www.ncmw.nl/"'

_FRIENDLY = {
    "string_type": "expected text in double quotes",
    "int_type": "expected a whole number such as 2",
    "int_parsing": "expected a whole number such as 2",
    "int_from_float": "expected a whole number such as 2",
    "float_type": "expected a number such as 12.5",
    "float_parsing": "expected a number such as 12.5",
    "decimal_type": _AMOUNT,
    "decimal_parsing": _AMOUNT,
    "finite_number": _AMOUNT,
    "bool_type": "expected true or false (without quotes)",
    "bool_parsing": "expected true or false (without quotes)",
    "tuple_type": "expected a list [ … ]",
    "list_type": "expected a list [ … ]",
    "model_type": "expected an object { … }",
    "model_attributes_type": "expected an object { … }",
    "dict_type": "expected an object { … }",
    "date_type": 'expected a date such as "2026-03-10"',
    "date_parsing": 'expected a date such as "2026-03-10" (year-month-day)',
    "date_from_datetime_parsing": 'expected a date such as "2026-03-10" (year-month-day)',
    "date_from_datetime_inexact": 'expected a date without a time, such as "2026-03-10"',
    "time_type": 'expected a time such as "09:30"',
    "time_parsing": 'expected a time such as "09:30" (24-hour clock)',
    "url_type": 'expected a web address as text, such as "https://www.ncmw.nl/"',
    "url_parsing": _WEB_ADDRESS,
    "url_syntax_violation": _WEB_ADDRESS,
    "url_scheme": "only http and https web addresses are allowed",
}

_BOUNDS = {
    "greater_than_equal": ("at least", "ge"),
    "greater_than": ("more than", "gt"),
    "less_than_equal": ("at most", "le"),
    "less_than": ("less than", "lt"),
}
"""A number's limits, in words: (words, the key of the limit in pydantic's error context)."""

_ORG_UNIT_ID = re.compile(r"[-+a-z0-9_.{}/&]+")
_PATTERN_HINTS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "use lower-case letters a-z, digits and single hyphens, such as 'ontrouw-binnen-de-relatie'",
    r"^[A-Z]{2}$": "use a two-letter country code in capitals, such as 'NL'",
    r"^[A-Z]{3}$": "use a three-letter currency code in capitals, such as 'EUR'",
    r"^[- #&'()+,./0-9:?A-Z_a-z|éëïü{}]+$": (
        "EDU-DEX allows letters a-z and A-Z, digits, spaces and - # & ' ( ) + , . / : ? _ | { } é ë ï ü"
    ),
    f"^{_ORG_UNIT_ID.pattern}$": (
        "EDU-DEX writes organisation IDs in lower case: letters a-z, digits and - + _ . / & { }, such as 'ncmw'"
    ),
}
"""What to write instead, for each pattern of the model; a test checks that every pattern has one."""

_YES = frozenset({"ja", "j", "yes", "y", "true", "waar", "on", "aan", "1"})
_NO = frozenset({"nee", "n", "no", "false", "onwaar", "off", "uit", "0"})
_CALENDAR = {
    "day value is outside expected range": "that month has no such day",
    "month value is outside expected range of 1-12": "there are 12 months",
}


def describe_kind(value: Any) -> str:
    """A JSON value's kind in words: an object, a list, text, a number, true, null."""
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    kinds: dict[type, str] = {
        dict: "an object",
        list: "a list",
        str: "text",
        int: "a number",
        float: "a number",
    }
    if value is None:
        return "null"
    return kinds.get(type(value), type(value).__name__)


def found(value: Any) -> str:
    """A value as a message shows what was found: text 'x', the number 5, true, a list."""
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text {shown!r}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"the number {value}"
    return describe_kind(value)


def value_message(detail: ErrorDetails) -> str:
    """What is wrong with the value of one of pydantic's errors, and what to write instead."""
    kind = detail["type"]
    context = detail.get("ctx") or {}
    value = detail["input"]
    if kind == "value_error":
        return str(context.get("error", detail["msg"]))
    special = _SPECIAL.get(kind)
    message = special(value, context) if special is not None else _sized(kind, value, context)
    if message is not None:
        return message
    if kind in _BOUNDS:
        words, key = _BOUNDS[kind]
        return f"must be {words} {context.get(key)}, found {found(value)}"
    if kind in _FRIENDLY:
        return f"{_FRIENDLY[kind]}, found {found(value)}"
    return f"{found(value)} is not allowed here; {_SCHEMA}"


def _sized(kind: str, value: Any, context: dict[str, Any]) -> str | None:
    """The messages of lengths: too many items, an empty or too long text, a too long address."""
    if kind == "too_long" and isinstance(value, list | tuple):
        limit = context.get("max_length")
        return f"has {len(value)} items; at most {limit} are allowed, so this is probably a mistake"
    if kind == "too_short" and isinstance(value, list | tuple):
        return f"must list at least {context.get('min_length', 1)} item(s); add them"
    if kind == "string_too_short":
        return "must not be empty; write the text, or leave out the key when it is optional"
    if kind in ("string_too_long", "url_too_long") or (kind == "too_long" and isinstance(value, str)):
        return f"is {len(str(value))} characters long; shorten it to at most {context.get('max_length')}"
    if kind == "string_unicode":
        return "contains a lone surrogate (a \\uD800–\\uDFFF escape without its pair); remove it"
    return None


def _pattern(value: Any, context: dict[str, Any]) -> str:
    pattern = context.get("pattern")
    if (
        pattern == f"^{_ORG_UNIT_ID.pattern}$"
        and isinstance(value, str)
        and _ORG_UNIT_ID.fullmatch(value.lower())
    ):
        return f"{found(value)} is not allowed here; EDU-DEX writes organisation IDs in lower case: write {value.lower()!r}"
    hint = _PATTERN_HINTS.get(str(pattern), _SCHEMA)
    return f"{found(value)} is not allowed here; {hint}"


def _choice(value: Any, context: dict[str, Any]) -> str:
    """One of a fixed list of values; the closest one suggested when the value is text."""
    expected = str(context.get("expected"))
    message = f"must be {expected}, not {found(value)}"
    choices = re.findall(r"'([^']*)'", expected)
    if isinstance(value, str) and choices:
        by_lower = {choice.lower(): choice for choice in choices}
        close = difflib.get_close_matches(value.strip().lower(), list(by_lower), n=1, cutoff=0.6)
        if close:
            message += f"; did you mean {by_lower[close[0]]!r}?"
    return message


def _yes_or_no(value: Any, _context: dict[str, Any]) -> str:
    words = str(value).strip().lower() if isinstance(value, str | int) else None
    if words in _YES:
        return f"expected true or false, found {found(value)}; write true (without quotes) for yes"
    if words in _NO:
        return f"expected true or false, found {found(value)}; write false (without quotes) for no"
    return f"expected true or false (without quotes), found {found(value)}"


def _amount(value: Any, _context: dict[str, Any]) -> str:
    """An amount that is not a number: a Dutch "495,00" or "€ 1.495,-" gets the form to write."""
    message = f"{_AMOUNT}, found {found(value)}"
    if not isinstance(value, str):
        return message
    cleaned = re.sub(r"^(€|EUR)\s*|\s*(€|EUR)$|,[-–]$", "", value.strip(), flags=re.IGNORECASE).strip()
    if re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+(,[0-9]{1,2})?|[0-9]+,[0-9]{1,2}", cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    if re.fullmatch(r"[0-9]+(\.[0-9]{1,2})?", cleaned):
        return f'{message}; write "{Decimal(cleaned):.2f}"'
    return message


def _decimals(value: Any, _context: dict[str, Any]) -> str:
    """An amount with more than two decimals: a thousands separator, or cents to round."""
    text = str(value).strip()
    if re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+", text):
        return f"{found(value)} has more than two decimals; if the point separates thousands, leave it out: {text.replace('.', '')}"
    try:
        rounded = Decimal(text).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except ArithmeticError:
        return f'{found(value)} has more than two decimals; round it to cents, such as "495.50"'
    return f'{found(value)} has more than two decimals; round it to cents: "{rounded}"'


def _too_large(value: Any, _context: dict[str, Any]) -> str:
    return f'{found(value)} is too large for an amount; an amount is at most "9999999.99"'


def _date(value: Any, context: dict[str, Any]) -> str:
    reason = _CALENDAR.get(str(context.get("error")))
    if reason is None:
        return f"{_FRIENDLY['date_parsing']}, found {found(value)}"
    return f"{found(value)} is not a date in the calendar: {reason}; check the date"


_SPECIAL = {
    "string_pattern_mismatch": _pattern,
    "literal_error": _choice,
    "bool_type": _yes_or_no,
    "bool_parsing": _yes_or_no,
    "decimal_parsing": _amount,
    "finite_number": _amount,
    "decimal_max_places": _decimals,
    "decimal_max_digits": _too_large,
    "decimal_whole_digits": _too_large,
    "date_parsing": _date,
    "date_from_datetime_parsing": _date,
}
