"""What a YAML syntax error means, in the words of someone who writes a course, and where it is.

``ruamel.yaml`` names the parser's state ("expected <block end>, but found '<scalar>'"); these
messages name the mistake that causes it (a colon inside a text, a text that starts with a quote
but goes on after it, a tab, an indentation that does not line up) and what to write instead.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ncmw_course._jsonpos import SourceMap
from ncmw_course.errors import Problem

if TYPE_CHECKING:
    from ruamel.yaml.error import MarkedYAMLError

__all__ = ["syntax_problem"]

_QUOTE_HINT = 'put the whole text in quotes ("…")'
_INDENTATION = (
    "this line does not line up with the lines above it; indent the items of one list or mapping "
    "by the same number of spaces"
)
_OPENERS = {'"': '"', "'": "'", "]": "[", "}": "{"}


def syntax_problem(error: MarkedYAMLError, text: str) -> Problem:
    """The located problem of a YAML syntax error in `text`."""
    mark = error.problem_mark or error.context_mark
    offset = mark.index if mark is not None else 0
    problem = str(error.problem or "")
    context = str(error.context or "")
    opener = error.context_mark
    if opener is not None and _at_the_opener(problem, context, opener.line != getattr(mark, "line", None)):
        offset = opener.index  # the quote, bracket or line where what went wrong begins
    if "quoted scalar" in context and "end of stream" in problem:
        message = "a quoted text without its closing quote; add it"
    else:
        message = _message(problem, context, text, offset)
        if problem.startswith("found unknown escape character"):
            offset -= 1  # the backslash, not the letter after it
    spot = SourceMap(text).spot(offset)
    return Problem("", f"not valid YAML: {message}", spot.line, spot.column)


def _at_the_opener(problem: str, context: str, other_line: bool) -> bool:
    """Whether the error is best shown where its context began: an unclosed quote or bracket, a line without a colon."""
    if "quoted scalar" in context and "end of stream" in problem:
        return True
    if problem == "could not find expected ':'":
        return True
    return other_line and problem.startswith(("expected ',' or ']'", "expected ',' or '}'"))


def _message(problem: str, context: str, text: str, offset: int) -> str:
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[line_start:offset]
    if problem == "mapping values are not allowed here":
        if ": " in before or before.rstrip().endswith(":"):
            return f"a colon followed by a space inside a text; {_QUOTE_HINT}, or write it as a > block"
        return (
            "a key where none can start; indent it like the keys beside it, or, if the line above "
            "is a text that goes on here, put that text in quotes"
        )
    found = re.fullmatch(r"found character '(.+)' that cannot start any token", problem)
    if found and found.group(1) == "\\t":
        return "a tab; YAML indents with spaces only"
    if found or "while scanning an alias" in context or "while scanning an anchor" in context:
        character = found.group(1) if found else text[offset - 1 : offset]
        return f"a text cannot start with {character}; {_QUOTE_HINT}"
    if problem.startswith("found unknown escape character"):
        return (
            "a backslash \\ inside double quotes starts an escape such as \\n; write \\\\ for a "
            "backslash, or put the text in single quotes '…'"
        )
    if problem == "could not find expected ':'":
        return (
            "a line without a colon; write key: value, or indent the line if it goes on with the text above"
        )
    if problem.startswith("expected <block end>"):
        return _after_closer(text, line_start, before) or _INDENTATION
    if problem.startswith(("expected ',' or ']'", "expected ',' or '}'")):
        return "a [ … ] or { … } that is not closed, or that lacks a comma here"
    if "block scalar" in context:
        return "a | or > starts a block of lines below it; put a text that starts with | or > in quotes"
    return f"{problem}; check the indentation and the quotes here or just before"


def _after_closer(text: str, line_start: int, before: str) -> str | None:
    """The message for more text after a closing quote or bracket that opened the text, if that is it."""
    closer = before.rstrip()[-1:]
    if closer not in _OPENERS:
        return None
    line_end = text.find("\n", line_start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    start = re.search(rf"(?:^|[-:]\s|^\s+)\s*({re.escape(_OPENERS[closer])}.*)$", line)
    whole = start.group(1).rstrip() if start else ""
    if closer == "'" and len(whole) > 1 and whole.endswith("'"):
        return (
            "an apostrophe ' ends a text in single quotes; write it twice ('') or put the text in "
            f"double quotes, such as {_double_quoted(whole[1:-1])}"
        )
    example = f"'{whole}'" if "'" not in whole else _double_quoted(whole)
    return (
        f"more text after the closing {closer}; a text that starts with {_OPENERS[closer]} goes in quotes "
        f"as a whole, such as {example}"
    )


def _double_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
