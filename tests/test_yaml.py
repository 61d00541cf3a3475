"""YAML course files: the same course as JSON, YAML 1.2 values, and located refusals of what a course does not use."""

from __future__ import annotations

import json
import math
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from ncmw_course import CourseDataError, Problem, load_course, parse_course, render
from ncmw_course._yaml import resolve_plain
from ncmw_course.loading import MAX_FILE_BYTES, course_kind
from tests.conftest import TESTDATA
from tests.strategies import course_dicts, examples
from tests.yaml_files import yaml_text

Json = dict[str, Any]


def minimal() -> Json:
    data: Json = json.loads((TESTDATA / "course_minimal.json").read_text(encoding="utf-8"))
    return data


MINIMAL_YAML = yaml_text(minimal())


def problems(text: str) -> list[str]:
    """The one-line problems that reading `text` as c.yaml gives."""
    with pytest.raises(CourseDataError) as caught:
        parse_course(text, source="c.yaml")
    return [problem.describe("c.yaml") for problem in caught.value.problems]


def with_line(old: str, new: str) -> str:
    """The minimal course's YAML with the text `old` replaced by `new`."""
    assert old in MINIMAL_YAML, old
    return MINIMAL_YAML.replace(old, new, 1)


# The same course as JSON


@settings(max_examples=examples(50), deadline=None)
@given(course_dicts())
def test_yaml_and_json_of_a_course_give_the_same_course_and_documents(document: Json) -> None:
    """A generated course written as YAML and as JSON is the same course, and its json and docx are the same bytes."""
    from_json = parse_course(json.dumps(document, ensure_ascii=False, indent=2), source="c.json")
    from_yaml = parse_course(yaml_text(document), source="c.yaml")
    assert from_yaml == from_json
    assert render(from_yaml, "json") == render(from_json, "json")
    assert render(from_yaml, "docx") == render(from_json, "docx")


@pytest.mark.parametrize("name", ["course_minimal.json", "course_full.json", "course_maximal.json"])
def test_the_reference_courses_read_the_same_from_yaml(tmp_path: Path, name: str) -> None:
    """Each reference course, saved as .yaml and as .yml, loads as the course its JSON file holds."""
    data = json.loads((TESTDATA / name).read_text(encoding="utf-8"))
    for suffix in (".yaml", ".yml", ".YAML"):
        path = tmp_path / f"course{suffix}"
        path.write_text(yaml_text(data), encoding="utf-8")
        assert load_course(path) == load_course(TESTDATA / name)


def test_kind_by_file_name() -> None:
    """A name ending in .yaml or .yml, in any case, is YAML; every other name is JSON."""
    assert [course_kind(name) for name in ("a.yaml", "a.YML", "a.json", "a.txt", "yaml")] == [
        "yaml",
        "yaml",
        "json",
        "json",
        "json",
    ]


def test_parse_course_takes_the_kind_from_the_source_or_the_argument() -> None:
    """parse_course reads YAML for a .yaml source, or with kind='yaml' whatever the source."""
    assert parse_course(MINIMAL_YAML, source="c.yaml") == parse_course(MINIMAL_YAML, kind="yaml")
    with pytest.raises(CourseDataError, match="not valid JSON"):
        parse_course(MINIMAL_YAML)


# YAML 1.2 values


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("", None),
        ("~", None),
        ("null", None),
        ("true", True),
        ("False", False),
        ("12", 12),
        ("-3", -3),
        ("0o17", 15),
        ("0x1F", 31),
        ("12.5", 12.5),
        (".5", 0.5),
        ("-.inf", float("-inf")),
        ("1e3", 1000.0),
        ("no", "no"),
        ("yes", "yes"),
        ("ja", "ja"),
        ("on", "on"),
        ("09:30", "09:30"),
        ("9:30", "9:30"),
        ("1:30:00", "1:30:00"),
        ("2026-03-10", "2026-03-10"),
        ("2026-03-10T09:30:00", "2026-03-10T09:30:00"),
        ("1_000", "1_000"),
        ("0495–450667", "0495–450667"),
        ("<<", "<<"),
        ("=", "="),
    ],
)
def test_plain_scalars_are_read_by_the_core_schema(written: str, value: object) -> None:
    """Only null, true/false and numbers are not text: no stays text, 09:30 no number, a date stays text."""
    assert resolve_plain(written) == value
    assert type(resolve_plain(written)) is type(value)
    assert math.isnan(resolve_plain(".NaN"))


def test_dates_and_times_without_quotes_are_read_as_the_model_reads_text() -> None:
    """updated: 2026-01-15 and start_time: 09:30 without quotes are the date and time they say."""
    text = with_line("theme: De enige dag", "theme: De enige dag\n    start_time: 09:30\n    end_time: 17:00")
    course = parse_course(text.replace("'2026-01-15'", "2026-01-15"), source="c.yaml")
    assert course.updated == date(2026, 1, 15)
    assert (course.days[0].start_time, course.days[0].end_time) == (time(9, 30), time(17, 0))


def test_pasted_curly_quotes_and_comments_are_fine() -> None:
    """A text may start with a curly quote, and # starts a comment."""
    text = with_line(
        "title: Minimale cursus", "# de titel, zoals in de folder\ntitle: “Kiezen” tussen ouders"
    )
    assert parse_course(text, source="c.yaml").title == "“Kiezen” tussen ouders"


def test_a_folded_block_is_one_paragraph() -> None:
    """A > block joins its lines into one paragraph; a | block's single line is one paragraph too."""
    text = with_line(
        "- Een cursus met alleen de verplichte gegevens.",
        "- >\n  Een cursus met alleen\n  de verplichte gegevens.\n- |\n  Nog een alinea.",
    )
    assert parse_course(text, source="c.yaml").description == (
        "Een cursus met alleen de verplichte gegevens.",
        "Nog een alinea.",
    )


# Line breaks in texts


@pytest.mark.parametrize(
    ("block", "line"),
    [
        (
            "- |\n  Een cursus met alleen\n  de verplichte gegevens.",
            (
                'c.yaml:8:24: description[0]: a line break inside a "|" block, which keeps every line break; a '
                'paragraph is one list item: write ">" instead of "|" to join the lines, or give each paragraph '
                "its own item (- …)"
            ),
        ),
        (
            "- |+\n\n  Een cursus met alleen\n\n  de verplichte gegevens.\n\n",
            (
                'c.yaml:9:24: description[0]: a line break inside a "|" block, which keeps every line break; a '
                'paragraph is one list item: write ">" instead of "|" to join the lines, or give each paragraph '
                "its own item (- …)"
            ),
        ),
        (
            "- >\n  Een cursus met alleen\n\n  de verplichte gegevens.",
            (
                "c.yaml:9:1: description[0]: a blank line inside a text starts a new paragraph; a paragraph is one "
                "list item: give each paragraph its own item (- …)"
            ),
        ),
        (
            "- 'Een cursus met alleen\n\n  de verplichte gegevens.'",
            (
                "c.yaml:8:1: description[0]: a blank line inside a text starts a new paragraph; a paragraph is one "
                "list item: give each paragraph its own item (- …)"
            ),
        ),
        (
            '- "Een cursus met alleen\\nde verplichte gegevens."',
            (
                "c.yaml:7:3: description[0]: a blank line inside a text starts a new paragraph; a paragraph is one "
                "list item: give each paragraph its own item (- …)"
            ),
        ),
    ],
)
def test_a_line_break_in_a_paragraph_is_named_where_it_is(block: str, line: str) -> None:
    """A paragraph is one list item: a kept line break is refused at its line, with what to write instead."""
    assert problems(with_line("- Een cursus met alleen de verplichte gegevens.", block)) == [line]


def test_a_line_break_in_a_single_text() -> None:
    """A title in a | block of two lines is told to join them with >."""
    assert problems(with_line("title: Minimale cursus", "title: |\n  Minimale\n  cursus")) == [
        (
            'c.yaml:6:11: title: a line break inside a "|" block, which keeps every line break; this text is one '
            'line: write ">" instead of "|" to join its lines'
        )
    ]
    assert problems(with_line("title: Minimale cursus", "title: Minimale\n\n  cursus")) == [
        (
            "c.yaml:6:1: title: a blank line inside a text starts a new paragraph; this text is one paragraph: "
            "remove the blank line"
        )
    ]


# What a course file does not use


def test_anchors_aliases_and_tags_are_refused_where_they_stand() -> None:
    """Each anchor, alias and tag is one located problem; nothing is expanded."""
    text = with_line(
        "- name: A. Trainer", "- &trainer\n  name: A. Trainer\n- *trainer\n- !persoon\n  name: B. Trainer"
    )
    assert problems(text) == [
        (
            "c.yaml:19:3: trainers[0]: &trainer is a YAML anchor, which course files do not use: write each value "
            "out in full (a text that starts with & goes in quotes)"
        ),
        (
            "c.yaml:21:3: trainers[1]: *trainer is a YAML alias, which course files do not use: write the value "
            "out in full (a text that starts with * goes in quotes)"
        ),
        (
            "c.yaml:22:3: trainers[2]: !persoon is a YAML tag, which course files do not use: remove it (a text "
            "that starts with ! goes in quotes)"
        ),
    ]


def test_a_billion_laughs_is_refused_without_expanding() -> None:
    """Aliases of aliases would expand to a billion values; each is refused instead, at once."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    found = problems("\n".join(lines) + "\n")
    assert len(found) == 10 + 81
    assert found[0] == (
        "c.yaml:1:5: a0: &a0 is a YAML anchor, which course files do not use: write each value out in full "
        "(a text that starts with & goes in quotes)"
    )


def test_a_key_given_twice_is_refused_at_the_repeat() -> None:
    """A key given twice in one mapping is located at the second, as in JSON."""
    text = with_line("- name: A. Trainer", "- name: A. Trainer\n  name: B. Trainer")
    assert problems(text) == [
        "c.yaml:20:3: trainers[0].name: the key 'name' appears more than once here; keep one"
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "%YAML 1.1\n---\ntitle: x\n",
            (
                "c.yaml:1:1: %YAML 1.1 asks for YAML 1.1, where no means false and 09:30 is a number; course files "
                "are YAML 1.2: remove that line"
            ),
        ),
        (
            "%TAG !n! tag:ncmw.nl,2026:\n---\ntitle: x\n",
            "c.yaml:1:1: a %TAG line; course files use no tags: remove it",
        ),
        (
            "title: x\n---\ntitle: y\n",
            (
                "c.yaml:2:1: a second YAML document (after ---); a course file holds one course: remove it, or put it "
                "in a file of its own"
            ),
        ),
        ("? [a, b]\n: x\n", "c.yaml:1:3: a key must be a name such as title, not a list or a mapping"),
        (
            "max_participants: .inf\n",
            "c.yaml:1:19: max_participants: .inf is not a number a course can use; write a number such as 12.5",
        ),
        (
            "max_participants: 0x" + "F" * 30 + "\n",
            (
                "c.yaml:1:19: max_participants: is a number of 30 digits; no number in a course has more than 20, so "
                "this is probably a mistake"
            ),
        ),
    ],
)
def test_what_a_course_file_does_not_use(text: str, line: str) -> None:
    """Other YAML versions, %TAG lines, a second document, complex keys, infinity and endless numbers."""
    assert problems(text) == [line]


@pytest.mark.parametrize(
    "text", ["[" * 100_000, "{a: " * 100_000, "a:\n" + "".join(" " * n + "- \n" for n in range(1, 2000))]
)
def test_deep_nesting_is_refused_before_it_is_built(text: str) -> None:
    """However deep a document nests, reading it stops at 100 levels with a message, not a RecursionError."""
    (line,) = problems(text)
    assert line.endswith(": not a course: the YAML is nested far too deeply (more than 100 levels)")


def test_reading_stops_past_the_most_values_a_course_can_hold() -> None:
    """A megabyte of tiny values is refused once 20 000 are read, not after ten seconds of reading."""
    (line,) = problems("topics:\n" + "- x\n" * 250_000)
    assert line == (
        "c.yaml:20000:3: holds more than 20000 values; a course holds a few hundred, so this is probably the "
        "wrong file"
    )


def test_the_size_limit_is_that_of_json(tmp_path: Path) -> None:
    """A YAML file over 1 MB is refused before it is read."""
    path = tmp_path / "c.yaml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(CourseDataError, match="a course file is at most 1 MB"):
        load_course(path)


# Syntax errors in words


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            "title: Minimale cursus",
            "title: Ontrouw: een zaak van twee",
            (
                'c.yaml:5:15: not valid YAML: a colon followed by a space inside a text; put the whole text in quotes ("…"), '
                "or write it as a > block"
            ),
        ),
        (
            "title: Minimale cursus",
            "title: Minimale cursus\n  slug: x",
            (
                "c.yaml:6:7: not valid YAML: a key where none can start; indent it like the keys beside it, or, if the "
                "line above is a text that goes on here, put that text in quotes"
            ),
        ),
        ("  days:", "\tdays:", "c.yaml:13:1: not valid YAML: a tab; YAML indents with spaces only"),
        (
            "- Oefenen.",
            '- "Oefenen" in groepjes.',
            (
                'c.yaml:17:13: not valid YAML: more text after the closing "; a text that starts with " goes in quotes as '
                "a whole, such as '\"Oefenen\" in groepjes.'"
            ),
        ),
        (
            "- Oefenen.",
            "- 'Jan's oefening'",
            (
                "c.yaml:17:8: not valid YAML: an apostrophe ' ends a text in single quotes; write it twice ('') or put "
                'the text in double quotes, such as "Jan\'s oefening"'
            ),
        ),
        (
            "- Oefenen.",
            "- [Oefenen] in groepjes",
            (
                "c.yaml:17:13: not valid YAML: more text after the closing ]; a text that starts with [ goes in quotes as "
                "a whole, such as '[Oefenen] in groepjes'"
            ),
        ),
        (
            "- Oefenen.",
            "- @home oefenen",
            'c.yaml:17:3: not valid YAML: a text cannot start with @; put the whole text in quotes ("…")',
        ),
        (
            "- Oefenen.",
            "- * oefenen",
            'c.yaml:17:4: not valid YAML: a text cannot start with *; put the whole text in quotes ("…")',
        ),
        (
            "- Oefenen.",
            "- | oefenen",
            (
                "c.yaml:17:5: not valid YAML: a | or > starts a block of lines below it; put a text that starts with | "
                "or > in quotes"
            ),
        ),
        (
            "- Oefenen.",
            '- "Oefenen',
            "c.yaml:17:3: not valid YAML: a quoted text without its closing quote; add it",
        ),
        (
            "- Oefenen.",
            '- "C:\\pad"',
            (
                "c.yaml:17:6: not valid YAML: a backslash \\ inside double quotes starts an escape such as \\n; write \\\\ "
                "for a backslash, or put the text in single quotes '…'"
            ),
        ),
        (
            "provider:",
            "Dit is een losse regel\nprovider:",
            (
                "c.yaml:22:1: not valid YAML: a line without a colon; write key: value, or indent the line if it goes on "
                "with the text above"
            ),
        ),
        (
            "- Oefenen.",
            "- [Oefenen, in groepjes",
            "c.yaml:17:3: not valid YAML: a [ … ] or { … } that is not closed, or that lacks a comma here",
        ),
        (
            "  - ordinal: 1",
            " - ordinal: 1",
            (
                "c.yaml:14:2: not valid YAML: this line does not line up with the lines above it; indent the items of one "
                "list or mapping by the same number of spaces"
            ),
        ),
        (
            "title: Minimale cursus",
            "title: Minimale\x07cursus",
            (
                "c.yaml:5:16: not valid YAML: a control character (U+0007), which YAML does not allow in a file; "
                "remove it"
            ),
        ),
    ],
)
def test_syntax_errors_name_the_mistake(old: str, new: str, line: str) -> None:
    """Each YAML syntax error says what the mistake is, where, and what to write."""
    assert problems(with_line(old, new)) == [line]


def test_empty_and_comment_only_files() -> None:
    """An empty file, or one of only comments, says so."""
    hint = "a course file holds the course's fields, one key: value per line (see 'ncmw-course schema' for the format)"
    assert problems("\n  \n") == [f"c.yaml: the file is empty; {hint}"]
    assert problems("# titel\n# slug\n") == [f"c.yaml: the file holds only comments; {hint}"]


@pytest.mark.parametrize(("text", "found"), [("- a\n", "a list"), ("cursus\n", "text"), ("12\n", "a number")])
def test_the_top_level_must_be_the_fields(text: str, found: str) -> None:
    """A list or a single value at the top is not a course."""
    assert problems(text) == [
        (
            f"c.yaml:1:1: the top level must be the course's fields, one key: value per line, not {found} "
            "(see 'ncmw-course schema' for the format)"
        )
    ]


# Values that YAML reads as something else than text


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2026", 'expected text, found 2026, which YAML reads as the number 2026; put it in quotes: "2026"'),
        ("true", 'expected text, found true, which YAML reads as true; put it in quotes: "true"'),
        ("null", 'expected text, found null, which YAML reads as null; put it in quotes: "null"'),
        ("", "has no value; write the text after the colon"),
    ],
)
def test_a_title_without_quotes_that_is_no_text(written: str, message: str) -> None:
    """A title YAML reads as a number, true or null says to put it in quotes."""
    (problem,) = _problems(with_line("title: Minimale cursus", f"title: {written}".rstrip()))
    assert (problem.location, problem.message) == ("title", message)


def test_a_phone_number_without_quotes_keeps_its_leading_zero_in_the_message() -> None:
    """0495450667 is the number 495450667 to YAML; the message shows both, and the quotes to add."""
    text = with_line("  email: cursus@example.org", "  email: cursus@example.org\n  phone: 0495450667")
    assert problems(text) == [
        (
            "c.yaml:22:10: contact.phone: expected text, found 0495450667, which YAML reads as the number 495450667; "
            'put it in quotes: "0495450667"'
        )
    ]


def test_yes_and_no_are_text_for_a_yes_no_field() -> None:
    """application_open: yes is the text 'yes' in YAML 1.2: the message says to write true."""
    text = MINIMAL_YAML + "edudex:\n  application_open: yes\n"
    assert problems(text) == [
        (
            "c.yaml:25:21: edudex.application_open: expected true or false, found text 'yes'; write true (without "
            "quotes) for yes"
        )
    ]


def _problems(text: str) -> list[Problem]:
    with pytest.raises(CourseDataError) as caught:
        parse_course(text, source="c.yaml")
    return list(caught.value.problems)
