"""Reading course files: every way a file can be wrong gives a located, actionable error."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from ncmw_course import CourseDataError, Problem, load_course, parse_course
from ncmw_course.loading import MAX_FILE_BYTES, bundled_course_path, format_location

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
                "ordinal, theme, topics, date, start_time, end_time, location"
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
