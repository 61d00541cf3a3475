"""Reading course files: every way a file can be wrong gives a located, actionable error."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ncmw_course import CourseDataError, Problem, load_course, parse_course
from ncmw_course.loading import (
    MAX_FILE_BYTES,
    bundled_course_path,
    format_location,
    load_course_stream,
    sniff_kind,
)

from .conftest import REPO, TESTDATA


def course_dict() -> dict[str, Any]:
    """The minimal course as a dict, to break in one place."""
    data: dict[str, Any] = json.loads((TESTDATA / "course_minimal.json").read_text(encoding="utf-8"))
    return data


def problems(text: str) -> list[Problem]:
    """The problems parse_course() reports for `text`."""
    with pytest.raises(CourseDataError) as caught:
        parse_course(text, source="c.json")
    assert caught.value.source == "c.json"
    return list(caught.value.problems)


def lines(data: dict[str, Any]) -> list[str]:
    """The one-line descriptions of the problems in `data`, written as an indented JSON file."""
    return [
        problem.describe("c.json") for problem in problems(json.dumps(data, indent=2, ensure_ascii=False))
    ]


class TestBundledCourse:
    def test_loads_without_a_path(self) -> None:
        """load_course() with no path reads data/course.json."""
        assert load_course() == load_course(REPO / "data" / "course.json")

    def test_path_in_a_checkout(self) -> None:
        """In a source checkout the bundled course is the repository's data/course.json."""
        assert bundled_course_path() == REPO / "data" / "course.json"


class TestFileProblems:
    def test_missing_file(self, tmp_path: Path) -> None:
        """A path that does not exist is named."""
        with pytest.raises(CourseDataError) as caught:
            load_course(tmp_path / "nope.json")
        assert str(caught.value) == f"{tmp_path / 'nope.json'}: no such file; check the path"

    def test_directory(self, tmp_path: Path) -> None:
        """A folder is not a course file."""
        with pytest.raises(CourseDataError) as caught:
            load_course(tmp_path)
        assert str(caught.value) == (
            f"{tmp_path}: is a folder, not a course file; give the path of a course file (.json, .yaml or .yml)"
        )

    @pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
    def test_empty_file(self, tmp_path: Path, content: bytes) -> None:
        """An empty or blank file says it is empty."""
        path = tmp_path / "empty.json"
        path.write_bytes(content)
        with pytest.raises(CourseDataError) as caught:
            load_course(path)
        assert str(caught.value) == (
            f"{path}: the file is empty; a course file holds one JSON object "
            "(see 'ncmw-course schema' for the format)"
        )

    def test_too_large(self, tmp_path: Path) -> None:
        """A file over the size limit is refused before it is read."""
        path = tmp_path / "huge.json"
        path.write_bytes(b" " * (MAX_FILE_BYTES + 1))
        with pytest.raises(CourseDataError) as caught:
            load_course(path)
        assert (
            str(caught.value)
            == f"{path}: is 1.0 MB; a course file is at most 1 MB, so this is probably the wrong file"
        )

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A Latin-1 file gives the line and column of the first bad byte."""
        path = tmp_path / "latin1.json"
        path.write_bytes('{\n  "title": "José"\n}'.encode("latin-1"))
        with pytest.raises(CourseDataError) as caught:
            load_course(path)
        assert (
            str(caught.value)
            == f"{path}:2:16: is not UTF-8 text (byte 0xE9); save the file with UTF-8 encoding"
        )

    def test_utf8_bom_is_accepted(self, tmp_path: Path, minimal_course: object) -> None:
        """A UTF-8 byte-order mark, as Windows editors write it, is accepted."""
        path = tmp_path / "bom.json"
        path.write_bytes(b"\xef\xbb\xbf" + (TESTDATA / "course_minimal.json").read_bytes())
        assert load_course(path) == minimal_course


class TestJsonProblems:
    def test_malformed_json(self) -> None:
        """A syntax error gives its line and column."""
        assert [p.describe("c.json") for p in problems('{\n  "title": "x",\n  "slug" "y"\n}')] == [
            'c.json:3:10: not valid JSON: a colon is missing after the key; write "key": value'
        ]

    @pytest.mark.parametrize(
        ("text", "line"),
        [
            (
                '{\n  "description": ["Eerste zin.\nTweede zin."]\n}',
                "c.json:2:31: not valid JSON: a line break inside a text; keep each paragraph on one line (one list item per paragraph), or write the course in YAML, where a paragraph may span lines",
            ),
            (
                '{\n  "title": “Ontrouw”\n}',
                'c.json:2:12: not valid JSON: a curly quote “ where JSON needs a straight double quote; write keys and texts between straight double quotes "…" (curly quotes inside a text are fine), or write the course in YAML',
            ),
            (
                '{\n  “title”: "Ontrouw"\n}',
                'c.json:2:3: not valid JSON: a curly quote “ where JSON needs a straight double quote; write keys and texts between straight double quotes "…" (curly quotes inside a text are fine), or write the course in YAML',
            ),
            (
                '{\n  "title": "Ontrouw”,\n  "slug": "x"\n}',
                'c.json:2:20: not valid JSON: a curly quote ” where JSON needs a straight double quote; write keys and texts between straight double quotes "…" (curly quotes inside a text are fine), or write the course in YAML',
            ),
            (
                '{"title": "Ontrouw”, "slug": "x"}',
                'c.json:1:19: not valid JSON: a curly quote ” where JSON needs a straight double quote; write keys and texts between straight double quotes "…" (curly quotes inside a text are fine), or write the course in YAML',
            ),
            (
                '{"title”: "x"}',
                'c.json:1:8: not valid JSON: a curly quote ” where JSON needs a straight double quote; write keys and texts between straight double quotes "…" (curly quotes inside a text are fine), or write the course in YAML',
            ),
            (
                '{\n  "title": "x",\n}',
                "c.json:2:15: not valid JSON: one comma too many: no item follows this comma before the closing }; remove it",
            ),
            (
                '{\n  "goals": ["a", "b",]\n}',
                "c.json:2:21: not valid JSON: one comma too many: no item follows this comma before the closing ]; remove it",
            ),
            (
                '{\n  // opmerking\n  "title": "x"\n}',
                "c.json:2:3: not valid JSON: a comment; JSON allows no comments: remove it, or write the course in YAML, where # starts a comment",
            ),
            (
                '{\n  "title": "x" // opmerking\n}',
                "c.json:2:16: not valid JSON: a comment; JSON allows no comments: remove it, or write the course in YAML, where # starts a comment",
            ),
            (
                '{\n  "title": "x", /* c */\n}',
                "c.json:2:17: not valid JSON: a comment; JSON allows no comments: remove it, or write the course in YAML, where # starts a comment",
            ),
            (
                "{'title': 'x'}",
                'c.json:1:2: not valid JSON: single quotes \' around a key or text; JSON needs straight double quotes "…"',
            ),
            (
                '{"title": "x"\n "slug": "y"}',
                "c.json:2:2: not valid JSON: a comma is missing before this point, between two items; add it, or check the quotes just before",
            ),
            (
                '{"title" "x"}',
                'c.json:1:10: not valid JSON: a colon is missing after the key; write "key": value',
            ),
            (
                '{"title": "C:\\pad"}',
                'c.json:1:14: not valid JSON: a backslash \\ that starts no escape; write \\\\ for a backslash, as in "C:\\\\map"',
            ),
            (
                '{"title": "x"}}',
                "c.json:1:15: not valid JSON: more after the end of the course's { … }; remove it, or look for a } too many above",
            ),
            (
                '{"title": "x',
                'c.json:1:11: not valid JSON: a text without its closing double quote "; add it',
            ),
            (
                "{",
                "c.json:1:2: not valid JSON: the file ends before the course does: a closing } or ] is missing, or a text is not closed",
            ),
            (
                "{,}",
                "c.json:1:2: not valid JSON: a comma where a key or value should be; remove it, or write the missing item before it",
            ),
            (
                '{title: "x"}',
                'c.json:1:2: not valid JSON: a key without quotes; write it between straight double quotes: "title"',
            ),
            (
                '{"title": Ontrouw}',
                'c.json:1:11: not valid JSON: a text without quotes; write it between straight double quotes: "Ontrouw"',
            ),
            ('{"title": "a\tb"}', "c.json:1:13: not valid JSON: a tab inside a text; use spaces"),
            (
                '{"title": "abc,\n  "slug": "x"}',
                'c.json:1:16: not valid JSON: a text without its closing double quote " at the end of this line; add it',
            ),
        ],
    )
    def test_syntax_errors_name_the_mistake(self, text: str, line: str) -> None:
        """A pasted line break or curly quote, a comma too many, a comment, a missing quote: each named, where it is."""
        assert [p.describe("c.json") for p in problems(text)] == [line]

    @pytest.mark.parametrize(
        ("text", "found"), [("[1, 2]", "a list"), ('"course"', "text"), ("null", "null")]
    )
    def test_top_level_not_an_object(self, text: str, found: str) -> None:
        """The top level must be an object."""
        assert [p.describe("c.json") for p in problems(text)] == [
            (
                f"c.json:1:1: the top level must be a JSON object {{ … }} holding the course, not {found} "
                "(see 'ncmw-course schema' for the format)"
            )
        ]

    def test_nan_is_not_json(self) -> None:
        """NaN, which Python's parser would accept, is refused."""
        assert [p.message for p in problems('{"title": NaN}')] == [
            "not valid JSON: NaN is not a JSON number; write a number or null"
        ]

    def test_duplicate_key(self) -> None:
        """A key given twice in one object is reported where it repeats."""
        assert [p.describe("c.json") for p in problems('{"trainers": [{"name": "a",\n "name": "b"}]}')] == [
            "c.json:2:2: trainers[0].name: the key 'name' appears more than once here; keep one"
        ]

    def test_deep_nesting(self) -> None:
        """Absurdly deep nesting is an error, not a crash."""
        assert [p.message for p in problems("[" * 100_000 + "]" * 100_000)] == [
            "not a course: the JSON is nested far too deeply (more than 100 levels)"
        ]


class TestModelProblems:
    def test_misspelt_required_key_is_one_problem(self) -> None:
        """A misspelt required key is reported once, at the key, naming the key it probably means."""
        data = course_dict()
        data["audiance"] = data.pop("audience")
        assert lines(data) == [
            "c.json:35:3: audiance: unknown key; did you mean 'audience'? That field is required and missing"
        ]

    def test_unknown_key_suggests_the_closest(self) -> None:
        """A misspelt optional key names the key it probably means."""
        data = course_dict()
        data["subtitel"] = "Een ondertitel"
        assert lines(data) == ["c.json:38:3: subtitel: unknown key; did you mean 'subtitle'?"]

    def test_unknown_nested_key_without_a_close_match(self) -> None:
        """An unknown key with no close match lists the keys allowed there."""
        data = course_dict()
        data["programme"]["days"][0]["colour"] = "blue"
        assert lines(data) == [
            (
                "c.json:21:9: programme.days[0].colour: unknown key; remove it, or use one of: "
                "ordinal, theme, topics, date, start_time, end_time, location, sessions"
            )
        ]

    def test_wrong_type(self) -> None:
        """A number where text belongs names the place and what was found."""
        data = course_dict()
        data["programme"]["days"][0]["topics"] = ["Eerst", 5]
        assert lines(data) == [
            "c.json:23:11: programme.days[0].topics[1]: expected text in double quotes, found the number 5"
        ]

    def test_missing_required_field(self) -> None:
        """A missing field points at the object that should hold it."""
        data = course_dict()
        del data["programme"]["days"][0]["theme"]
        assert lines(data) == ["c.json:18:7: programme.days[0].theme: required, but missing; add it"]

    def test_control_character(self) -> None:
        """A control character is named by its code point and position."""
        data = course_dict()
        data["title"] = "Minimale\u0007cursus"
        assert lines(data) == [
            (
                "c.json:6:12: title: contains U+0007 at character 9: "
                "a character that Word and EPUB documents cannot carry; remove it"
            )
        ]

    def test_bad_email(self) -> None:
        """An invalid e-mail address says why."""
        data = course_dict()
        data["contact"]["email"] = "info@@ncmw.nl"
        assert lines(data) == [
            (
                "c.json:33:14: contact.email: 'info@@ncmw.nl' is not a valid e-mail address: "
                "the part after the @-sign contains invalid characters: '@'; write one such as 'info@ncmw.nl'"
            )
        ]

    def test_bad_phone_and_website(self) -> None:
        """A plain-string phone or website is reported at the string, not at a field inside it."""
        data = course_dict()
        data["contact"]["phone"] = "12"
        data["contact"]["website"] = "javascript:alert(1)"
        assert lines(data) == [
            (
                "c.json:34:14: contact.phone: '12' is not a valid phone number; write a full number with its "
                "area code, such as '0495–450667' or '+31 495 450667'"
            ),
            (
                "c.json:35:16: contact.website: only http and https web addresses are allowed, "
                "found text 'javascript:alert(1)'"
            ),
        ]

    def test_several_problems_in_file_order(self) -> None:
        """All problems are reported at once, sorted by their place in the file."""
        data = course_dict()
        data["updated"] = "15-01-2026"
        data["slug"] = "Minimale Cursus"
        data["programme"]["days"].append({"ordinal": 3, "theme": "Te veel"})
        with pytest.raises(CourseDataError) as caught:
            parse_course(json.dumps(data, indent=2), source="c.json")
        assert str(caught.value) == (
            "c.json is not a valid course (3 problems):\n"
            "  c.json:3:11: slug: text 'Minimale Cursus' is not allowed here; use lower-case letters a-z, "
            "digits and single hyphens, such as 'ontrouw-binnen-de-relatie'\n"
            '  c.json:5:14: updated: expected a date such as "2026-03-10" (year-month-day), '
            "found text '15-01-2026'\n"
            "  c.json:23:20: programme.days[1].ordinal: is 3, but this is day 2 in the list; "
            "number the days 1, 2, 3 … in the order they are listed"
        )

    def test_absurd_sizes(self) -> None:
        """10 000 topics, or a text of 20 000 characters, are refused as mistakes."""
        data = course_dict()
        data["programme"]["days"][0]["topics"] = ["onderwerp"] * 10_000
        data["description"] = ["x" * 20_000]
        assert [(p.location, p.message) for p in problems(json.dumps(data))] == [
            ("description[0]", "is 20000 characters long; shorten it to at most 10000"),
            (
                "programme.days[0].topics",
                "has 10000 items; at most 100 are allowed, so this is probably a mistake",
            ),
        ]

    def test_thousands_of_problems_are_counted_after_the_first_hundred(self) -> None:
        """A file of thousands of unknown keys gives the first 100 problems, located, and the count of the rest."""
        data = course_dict() | {f"veld{number}": number for number in range(5000)}
        found = problems(json.dumps(data, indent=2))
        assert len(found) == 101
        assert found[0].describe("c.json") == "c.json:38:3: veld0: unknown key; did you mean 'level'?"
        assert found[-1] == Problem("", "and 4900 more problems; fix these first, then check again")

    def test_problems_without_positions_for_text_input(self) -> None:
        """Problems in data that is not a file still name the place."""
        with pytest.raises(CourseDataError) as caught:
            parse_course(json.dumps({**course_dict(), "format_version": 2}))
        assert [p.describe(caught.value.source) for p in caught.value.problems] == [
            "<course data>:1:20: format_version: must be 1, not the number 2"
        ]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ((), ""),
        (("title",), "title"),
        (("programme", "days", 1, "topics", 0), "programme.days[1].topics[0]"),
        ((0, "a"), "[0].a"),
    ],
)
def test_format_location(path: tuple[str | int, ...], text: str) -> None:
    """Locations read like the JSON they point into."""
    assert format_location(path) == text


class TestNotRegularFiles:
    def test_a_named_pipe_is_refused_without_waiting(self, tmp_path: Path) -> None:
        """A FIFO as course file is refused at once; reading it would wait for a writer for ever."""
        fifo = tmp_path / "c.json"
        os.mkfifo(fifo)
        with pytest.raises(CourseDataError) as caught:
            load_course(fifo)
        assert str(caught.value) == (
            f"{fifo}: is a named pipe, not a course file; give the path of a course file (.json, .yaml or .yml)"
        )

    def test_a_device_is_refused(self) -> None:
        """/dev/zero would be read for ever; it is refused as a device."""
        with pytest.raises(CourseDataError) as caught:
            load_course("/dev/zero")
        assert (
            str(caught.value)
            == "/dev/zero: is a device, not a course file; give the path of a course file (.json, .yaml or .yml)"
        )


class TestParseCourse:
    def test_a_mapping_is_a_course(self) -> None:
        """parse_course() takes the parsed data as well as JSON text: the same course either way."""
        text = (TESTDATA / "course_minimal.json").read_text(encoding="utf-8")
        assert parse_course(json.loads(text)) == parse_course(text)

    def test_an_invalid_mapping_names_the_place(self) -> None:
        """Problems in a mapping are located by path; there are no lines to give."""
        data = course_dict() | {"slug": "Bad Slug"}
        with pytest.raises(CourseDataError) as caught:
            parse_course(data, source="from a tool")
        assert [(p.location, p.line) for p in caught.value.problems] == [("slug", None)]

    def test_anything_else_is_a_course_data_error(self) -> None:
        """A number is neither JSON text nor a mapping: a CourseDataError, not an AttributeError."""
        with pytest.raises(CourseDataError) as caught:
            parse_course(42)  # type: ignore[arg-type]
        assert (
            str(caught.value) == "<course data>: a course is JSON or YAML text, bytes or a mapping, not int"
        )

    def test_a_number_of_thousands_of_digits_is_located(self) -> None:
        """Python's limit on long integers becomes a located problem, not a ValueError."""
        text = json.dumps(course_dict() | {"max_participants": 1}, indent=2)
        text = text.replace('"max_participants": 1', '"max_participants": 1' + "0" * 5000)
        (problem,) = problems(text)
        line = next(n for n, row in enumerate(text.splitlines(), start=1) if '"max_participants"' in row)
        assert (problem.location, problem.line) == ("max_participants", line)
        assert problem.message == (
            "is a number of 5001 digits; no number in a course has more than 20, so this is probably a mistake"
        )


class TestStandardInput:
    @pytest.fixture
    def stdin(self, monkeypatch: pytest.MonkeyPatch) -> Callable[[bytes], None]:
        """Make standard input hold the given bytes."""

        def give(data: bytes) -> None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

        return give

    @pytest.mark.parametrize("dash", ["-", Path("-")])
    def test_dash_reads_json_from_standard_input(
        self, stdin: Callable[[bytes], None], dash: str | Path, minimal_course: object
    ) -> None:
        """load_course('-'), as the CLI passes COURSE, reads the course from standard input."""
        stdin((TESTDATA / "course_minimal.json").read_bytes())
        assert load_course(dash) == minimal_course

    def test_yaml_on_standard_input(self, stdin: Callable[[bytes], None], minimal_course: object) -> None:
        """Standard input that does not start with { is read as YAML."""
        stdin(
            b"# a course\n"
            + "\n".join(f"{key}: {json.dumps(value)}" for key, value in course_dict().items()).encode()
        )
        assert load_course("-") == minimal_course

    def refused(self, stdin: Callable[[bytes], None], data: bytes) -> str:
        """The message of load_course('-') with `data` on standard input."""
        stdin(data)
        with pytest.raises(CourseDataError) as caught:
            load_course("-")
        return str(caught.value)

    def test_problems_name_standard_input(self, stdin: Callable[[bytes], None]) -> None:
        """Messages name standard input <stdin>, with line and column."""
        assert self.refused(stdin, b'{\n  "title": "x",\n}') == (
            "<stdin>:2:15: not valid JSON: one comma too many: no item follows this comma before the closing }; "
            "remove it"
        )

    def test_the_size_limit_holds(self, stdin: Callable[[bytes], None]) -> None:
        """No more than one byte past the limit is read, and the course is refused."""
        assert self.refused(stdin, b"{" + b" " * (2 * MAX_FILE_BYTES)) == (
            "<stdin>: is larger than 1 MB; a course file is a few kilobytes"
        )

    def test_empty_standard_input(self, stdin: Callable[[bytes], None]) -> None:
        """Nothing on standard input says so."""
        assert self.refused(stdin, b"") == (
            "<stdin>: standard input is empty; a course file holds the course's fields, one key: value per line "
            "(see 'ncmw-course schema' for the format)"
        )

    def test_no_standard_input(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A process without standard input gets a message, not an AttributeError."""
        monkeypatch.setattr(sys, "stdin", None)
        with pytest.raises(CourseDataError) as caught:
            load_course("-")
        assert str(caught.value) == "<stdin>: cannot be read: it is closed or missing"

    def test_a_stream_of_a_given_kind_and_name(self) -> None:
        """load_course_stream reads any binary stream, named and of the kind the caller says."""
        data = json.dumps(course_dict() | {"slug": "Bad Slug"}).encode()
        with pytest.raises(CourseDataError) as caught:
            load_course_stream(io.BytesIO(data), source="upload", kind="json")
        assert [p.describe(caught.value.source) for p in caught.value.problems] == [
            (
                "upload:1:31: slug: text 'Bad Slug' is not allowed here; use lower-case letters a-z, digits and "
                "single hyphens, such as 'ontrouw-binnen-de-relatie'"
            )
        ]

    @pytest.mark.parametrize(
        ("data", "kind"),
        [
            (b'{"a": 1}', "json"),
            (b"\xef\xbb\xbf \n {", "json"),
            (b"a: 1", "yaml"),
            (b"---\n{}", "yaml"),
            (b"", "yaml"),
        ],
    )
    def test_sniff_kind(self, data: bytes, kind: str) -> None:
        """JSON starts with {, after a byte-order mark and white space; anything else is YAML."""
        assert sniff_kind(data) == kind


@pytest.mark.parametrize(
    ("code", "imported"),
    [
        ("from ncmw_course import load_course; load_course()", False),
        ("from ncmw_course.cli import cli; cli(['--help'])", False),
        ("from ncmw_course import parse_course; parse_course('{}')", False),
        ("from ncmw_course import parse_course; parse_course('title: x', kind='yaml')", True),
    ],
)
def test_ruamel_yaml_is_imported_only_to_read_yaml(code: str, imported: bool) -> None:
    """--help and reading a JSON course do not import ruamel.yaml (about 35 ms); reading YAML does."""
    program = f"import sys\ntry:\n    {code}\nexcept (SystemExit, Exception):\n    pass\nprint('ruamel.yaml' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip().splitlines()[-1] == str(imported)
