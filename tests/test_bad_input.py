"""The bad-input catalogue: every way a course file can be wrong, through the CLI, as the README lists it.

Each case exits 1 with one ``Error:`` line that names the file, the place and what to do, shows no
traceback, and writes nothing. The README's troubleshooting table shows the same messages.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ncmw_course.cli import cli
from tests.conftest import REPO, TESTDATA

Json = dict[str, Any]


def minimal() -> Json:
    data: Json = json.loads((TESTDATA / "course_minimal.json").read_text(encoding="utf-8"))
    return data


def changed(change: Callable[[Json], None]) -> bytes:
    """The minimal course with one change, as the bytes of an indented JSON file."""
    data = minimal()
    change(data)
    return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")


def setting(*path: str | int, value: object) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def renaming(old: str, new: str) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        data[new] = data.pop(old)

    return change


def removing(key: str) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        del data[key]

    return change


def days(*ordinals: int) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        data["programme"]["days"] = [{"ordinal": number, "theme": f"Dag {number}"} for number in ordinals]

    return change


# (case, file content or None for a missing file or "folder", the one line after "Error: ")
CASES: list[tuple[str, bytes | str | None, str]] = [
    ("missing file", None, "c.json: no such file; check the path"),
    ("a folder", "folder", "c.json: is a folder, not a course file; give the path of a course .json file"),
    ("empty file", b"", "c.json: the file is empty; a course file holds one JSON object (see 'ncmw-course schema' for the format)"),
    ("not UTF-8", '{"title": "José"}'.encode("latin-1"), "c.json:1:15: is not UTF-8 text (byte 0xE9); save the file with UTF-8 encoding"),
    ("malformed JSON", b'{"title": "x",}', "c.json:1:15: not valid JSON: Expecting property name enclosed in double quotes; check for a missing comma, quote or bracket here or just before"),
    ("top level not an object", b"[]", "c.json:1:1: the top level must be a JSON object { … } holding the course, not a list (see 'ncmw-course schema' for the format)"),
    ("unknown key", changed(renaming("audience", "audiance")), "c.json:35:3: audiance: unknown key; did you mean 'audience'? That field is required and missing"),
    ("wrong type", changed(setting("max_participants", value="12")), "c.json:38:23: max_participants: expected a whole number such as 2, found text '12'"),
    ("missing required field", changed(removing("goals")), "c.json:1:1: goals: required, but missing; add it"),
    ("empty required text", changed(setting("title", value="  ")), "c.json:6:12: title: must not be empty; write the text, or leave out the key when it is optional"),
    ("control character", changed(setting("title", value="Minimale\u0007cursus")), "c.json:6:12: title: contains U+0007 at character 9: a character that Word and EPUB documents cannot carry; remove it"),
    ("invalid e-mail", changed(setting("contact", "email", value="cursus@@example.org")), "c.json:33:14: contact.email: value is not a valid email address: The part after the @-sign contains invalid characters: '@'."),
    ("invalid phone", changed(setting("contact", "phone", value="123")), "c.json:34:14: contact.phone: '123' is not a valid phone number; write a full number with its area code, such as '0495–450667' or '+31 495 450667'"),
    ("invalid web address", changed(setting("contact", "website", value="https://")), "c.json:34:16: contact.website: expected a web address such as \"www.ncmw.nl\" or \"https://www.ncmw.nl/\", found text 'https://'"),
    ("javascript: URL", changed(setting("contact", "website", value="javascript:alert(1)")), "c.json:34:16: contact.website: only http and https web addresses are allowed, found text 'javascript:alert(1)'"),
    ("duplicate day ordinals", changed(days(1, 1)), "c.json:23:20: programme.days[1].ordinal: is 1, but this is day 2 in the list; number the days 1, 2, 3 … in the order they are listed"),
    ("gapped day ordinals", changed(days(1, 3)), "c.json:23:20: programme.days[1].ordinal: is 3, but this is day 2 in the list; number the days 1, 2, 3 … in the order they are listed"),
    ("a 10 MB string", changed(setting("title", value="x" * 10_000_000)), "c.json: is 9.5 MB; a course file is at most 1 MB, so this is probably the wrong file"),
    ("10 000 topics", changed(setting("programme", "days", 0, "topics", value=["onderwerp"] * 10_000)), "c.json:21:19: programme.days[0].topics: has 10000 items; at most 100 are allowed, so this is probably a mistake"),
    ("a number of 5000 digits", changed(setting("max_participants", value=1)).replace(b'"max_participants": 1', b'"max_participants": 1' + b"0" * 5000), "c.json:38:23: max_participants: is a number of 5001 digits; no number in a course has more than 20, so this is probably a mistake"),
    ("a Windows device name as slug", changed(setting("slug", value="con")), "c.json:3:11: slug: 'con' is a name Windows keeps for a device, so files named after it cannot be opened there; choose another slug"),
    ("a time without its leading zero", changed(setting("programme", "days", 0, "start_time", value="9:30")), 'c.json:21:23: programme.days[0].start_time: write the hour with two digits, such as "09:30" (found text \'9:30\')'),
    ("a language without labels", changed(setting("language", value="de")), "c.json:4:15: language: 'de' has no labels for headings and dates yet; documents can be written in 'nl' (Nederlands) or 'en' (English): choose one of them"),
    ("study load below the contact hours", changed(setting("hours", value={"contact_hours": 12, "study_load": 6})), "c.json:40:19: hours.study_load: is 6 hours, less than the 12 contact hours; the study load counts every hour a participant spends, the contact hours included"),
    ("run dates that do not match the days", changed(setting("editions", value=[{"start_date": "2027-03-09", "end_date": "2027-03-16", "day_dates": ["2027-03-09", "2027-03-16"]}])), "c.json:42:20: editions[0].day_dates: has 2 dates for a programme of 1 day; give one date per day, in the days' order"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "content", "line"), CASES, ids=[case for case, _, _ in CASES])
@pytest.mark.parametrize("command", [["validate"], ["export", "json"], ["build"]], ids=" ".join)
def test_bad_input(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    case: str,
    content: bytes | str | None,
    line: str,
) -> None:
    """The CLI exits 1 with the exact located message, no traceback, and writes nothing."""
    monkeypatch.chdir(tmp_path)
    if content == "folder":
        (tmp_path / "c.json").mkdir()
    elif isinstance(content, bytes):
        (tmp_path / "c.json").write_bytes(content)
    if content == "folder" and command == ["build"]:
        line = "c.json: the folder has no course files (*.json)"  # build takes folders of courses
    result = CliRunner().invoke(cli, [*command, "c.json"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {line}\n")
    assert "Traceback" not in result.output
    assert not (tmp_path / "dist").exists()


def test_utf8_bom_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file saved with a UTF-8 byte-order mark is read like any other."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.json").write_bytes(b"\xef\xbb\xbf" + (TESTDATA / "course_minimal.json").read_bytes())
    result = CliRunner().invoke(cli, ["validate", "c.json"])
    assert (result.exit_code, result.stderr) == (0, "")


def test_readme_lists_every_case() -> None:
    """The README's troubleshooting table shows each case with its message."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for case, _, line in CASES:
        assert f"| {case} |" in readme, case
        message = line.split(": ", 2)[-1] if line.count(": ") >= 2 else line.split(": ", 1)[-1]
        assert message.replace("|", "\\|")[:60] in readme, case
