"""What a JSON syntax error means, in the words of someone who pasted a course from Word.

Python's parser says where it stopped and what it expected there ("Expecting value"). These
messages name the mistake that usually causes it: a line break or curly quotes pasted into the
file, a comma too many, a comment, a missing quote or comma; and say what to write instead.
"""

from __future__ import annotations

import json
import re

from ncmw_course.errors import Problem

__all__ = ["CURLY_QUOTES", "syntax_problem"]

CURLY_QUOTES = frozenset("“”‘’„‚«»‹›")
"""The quotes that word processors type in place of the straight ``"``."""

_YAML = "or write the course in YAML"
_CURLY_CLOSE = re.compile(r"[“”‘’„‚«»‹›](?=[ \t]*[,:\]}])")
_BARE = re.compile(r"[^\W\d][^\s,:}\]\"]*(?: [^\s,:}\]\"]+)*")
_KEY_AHEAD = re.compile(r'[ \t]*(?:"[^"\n]*"[ \t]*:|[}\]])')
_PLAIN = {
    "Expecting value": (
        "a value is missing here; write text in double quotes, a number, true, false, null, "
        "a list [ … ] or an object { … }"
    ),
    "Expecting property name enclosed in double quotes": 'expected a key in double quotes here, such as "title"',
    "Expecting ':' delimiter": 'a colon is missing after the key; write "key": value',
    "Expecting ',' delimiter": (
        "a comma is missing before this point, between two items; add it, or check the quotes just before"
    ),
    "Extra data": "more after the end of the course's { … }; remove it, or look for a } too many above",
    "Invalid \\escape": 'a backslash \\ that starts no escape; write \\\\ for a backslash, as in "C:\\\\map"',
    "Invalid \\uXXXX escape": "\\u must be followed by four hexadecimal digits; write \\\\ for a backslash",
    "Unterminated string starting at": 'a text without its closing double quote "; add it',
}


def syntax_problem(error: json.JSONDecodeError, text: str) -> Problem:
    """The located problem of a JSON syntax error in `text`."""
    offset, message = _explain(error, text)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Problem("", f"not valid JSON: {message}", line, column)


def _explain(error: json.JSONDecodeError, text: str) -> tuple[int, str]:
    """Where the mistake is and what it is, as (offset, message)."""
    offset = error.pos
    if error.msg == "Invalid control character at":
        return _control_character(text, offset)
    if not text[offset:].strip():
        return (
            offset,
            "the file ends before the course does: a closing } or ] is missing, or a text is not closed",
        )
    explained = _quotes(error, text, offset) or _extra_comma(error, text, offset)
    if explained is not None:
        return explained
    here = text[offset : offset + 2]
    if here in ("//", "/*"):
        return offset, (
            "a comment; JSON allows no comments: remove it, or write the course in YAML, where # starts a comment"
        )
    bare = _BARE.match(text, offset)
    if bare and error.msg in _WHERE_AN_ITEM_STARTS:
        what = "a key" if error.msg.startswith("Expecting property") else "a text"
        return offset, f'{what} without quotes; write it between straight double quotes: "{bare.group()}"'
    plain = _PLAIN.get(error.msg)
    if plain is None:
        return offset, f"{error.msg}; check for a missing comma, quote or bracket here or just before"
    return offset, plain


_WHERE_AN_ITEM_STARTS = ("Expecting value", "Expecting property name enclosed in double quotes")


def _quotes(error: json.JSONDecodeError, text: str, offset: int) -> tuple[int, str] | None:
    """Curly quotes or single quotes where JSON needs straight double quotes."""
    here = text[offset : offset + 1]
    if here in CURLY_QUOTES:
        return offset, _curly(here)
    if error.msg in ("Expecting ',' delimiter", "Expecting ':' delimiter"):
        line_start = text.rfind("\n", 0, offset) + 1
        closing = _CURLY_CLOSE.search(text, line_start, offset)
        if closing:
            return closing.start(), _curly(closing.group())
    if here == "'":
        return offset, 'single quotes \' around a key or text; JSON needs straight double quotes "…"'
    return None


def _extra_comma(error: json.JSONDecodeError, text: str, offset: int) -> tuple[int, str] | None:
    """A comma before a closing bracket (a trailing comma), or where a key should be."""
    here = text[offset : offset + 1]
    if error.msg not in _WHERE_AN_ITEM_STARTS:
        return None
    if here in ("}", "]"):
        comma = len(text[:offset].rstrip()) - 1
        if comma >= 0 and text[comma] == ",":
            message = f"one comma too many: no item follows this comma before the closing {here}; remove it"
            return comma, message
    if here == ",":
        return (
            offset,
            "a comma where a key or value should be; remove it, or write the missing item before it",
        )
    return None


def _curly(quote: str) -> str:
    return (
        f"a curly quote {quote} where JSON needs a straight double quote; write keys and texts "
        f'between straight double quotes "…" (curly quotes inside a text are fine), {_YAML}'
    )


def _control_character(text: str, offset: int) -> tuple[int, str]:
    """A control character inside a text: most often a line break pasted into a paragraph."""
    character = text[offset]
    if character == "\t":
        return offset, "a tab inside a text; use spaces"
    if character not in "\r\n":
        return offset, f"a control character (U+{ord(character):04X}) inside a text; remove it"
    line_start = text.rfind("\n", 0, offset) + 1
    ending = text[line_start:offset].rstrip().removesuffix(",").rstrip()
    next_line = text.find("\n", offset) + 1
    if next_line and _KEY_AHEAD.match(text, next_line):  # the text should have ended on this line
        if ending[-1:] in CURLY_QUOTES:
            return line_start + len(ending) - 1, _curly(ending[-1])
        return offset, 'a text without its closing double quote " at the end of this line; add it'
    return offset, (
        "a line break inside a text; keep each paragraph on one line (one list item per paragraph), "
        f"{_YAML}, where a paragraph may span lines"
    )
