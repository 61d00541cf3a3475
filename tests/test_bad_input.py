"""The bad-input catalogue: every way a course file can be wrong, through the CLI, as the README lists it.

Each case exits 1 with one ``Error:`` line that names the file, the place and what to do, shows no
traceback, and writes nothing. The README's troubleshooting table shows the same messages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ncmw_course.cli import cli
from tests.conftest import REPO, TESTDATA
from tests.yaml_files import yaml_text

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


def as_yaml(data: Json) -> bytes:
    """`data` as the bytes of a YAML file in block style, keys in their order, as a person writes it."""
    # A person writes dates without quotes; YAML 1.2 reads them as text, as the course needs.
    text = re.sub(r"'([0-9]{4}-[0-9]{2}-[0-9]{2})'", r"\1", yaml_text(data, width=4096))
    return text.encode("utf-8")


def changed_yaml(change: Callable[[Json], None]) -> bytes:
    """The minimal course with one change, as the bytes of a YAML file."""
    data = minimal()
    change(data)
    return as_yaml(data)


def edited_yaml(old: str, new: str, change: Callable[[Json], None] | None = None) -> bytes:
    """The minimal course (with `change`) as a YAML file, with the text `old` replaced by `new`."""
    content = changed_yaml(change or (lambda _: None))
    assert old.encode() in content, (old, content)
    return content.replace(old.encode(), new.encode(), 1)


def renaming(old: str, new: str) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        data[new] = data.pop(old)

    return change


def removing(key: str) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        del data[key]

    return change


def edited(old: str, new: str, change: Callable[[Json], None] | None = None) -> bytes:
    """The minimal course (with `change`) as a JSON file, with the text `old` replaced by `new`, as a paste would."""
    content = changed(change or (lambda _: None))
    assert old.encode() in content, old
    return content.replace(old.encode(), new.encode(), 1)


def days(*ordinals: int) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        data["programme"]["days"] = [{"ordinal": number, "theme": f"Dag {number}"} for number in ordinals]

    return change


def sessions_of_six_hours_typed_as(hours: float) -> Callable[[Json], None]:
    """The day's sessions give 6 net hours (3 + 3, lunch between); the course types `hours`."""

    def change(data: Json) -> None:
        data["programme"]["days"][0]["sessions"] = [
            {"start_time": "09:30", "end_time": "12:30"},
            {"start_time": "12:30", "end_time": "13:00", "title": "Lunch", "kind": "break"},
            {"start_time": "13:00", "end_time": "16:00"},
        ]
        data["hours"] = {"contact_hours": hours}

    return change


# (case, file content or None for a missing file or "folder", the one line after "Error: ")
CASES: list[tuple[str, bytes | str | None, str]] = [
    ("missing file", None, "c.json: no such file; check the path"),
    ("a folder", "folder", "c.json: is a folder, not a course file; give the path of a course file (.json, .yaml or .yml)"),
    ("empty file", b"", "c.json: the file is empty; a course file holds one JSON object (see 'ncmw-course schema' for the format)"),
    ("not UTF-8", '{"title": "José"}'.encode("latin-1"), "c.json:1:15: is not UTF-8 text (byte 0xE9); save the file with UTF-8 encoding"),
    ("malformed JSON", b'{"title": "x" "slug": "y"}', "c.json:1:15: not valid JSON: a comma is missing before this point, between two items; add it, or check the quotes just before"),
    ("a line break pasted into a text", edited("Een cursus met alleen", "Een cursus\nmet alleen"), "c.json:8:16: not valid JSON: a line break inside a text; keep each paragraph on one line (one list item per paragraph), or write the course in YAML, where a paragraph may span lines"),
    ("curly quotes around a text", edited('"Minimale cursus"', "“Minimale cursus”"), "c.json:6:12: not valid JSON: a curly quote “ where JSON needs a straight double quote; write keys and texts between straight double quotes \"…\" (curly quotes inside a text are fine), or write the course in YAML"),
    ("curly quotes around a key", edited('"title"', "“title”"), "c.json:6:3: not valid JSON: a curly quote “ where JSON needs a straight double quote; write keys and texts between straight double quotes \"…\" (curly quotes inside a text are fine), or write the course in YAML"),
    ("a trailing comma", edited('"Weten wat minimaal nodig is."', '"Weten wat minimaal nodig is.",'), "c.json:14:35: not valid JSON: one comma too many: no item follows this comma before the closing ]; remove it"),
    ("a // comment", edited('  "title"', '  // de titel\n  "title"'), "c.json:6:3: not valid JSON: a comment; JSON allows no comments: remove it, or write the course in YAML, where # starts a comment"),
    ("an amount with a decimal comma", changed(setting("price", value={"amount": "495,00", "currency": "EUR"})), 'c.json:39:15: price.amount: expected an amount such as 495 or "495.00" (a decimal point, no currency sign), found text \'495,00\'; write "495.00"'),
    ("ja for yes", changed(setting("edudex", value={"application_open": "ja"})), "c.json:39:25: edudex.application_open: expected true or false, found text 'ja'; write true (without quotes) for yes"),
    ("an EDU-DEX organisation ID in capitals", changed(setting("edudex", value={"org_unit_id": "NCMW"})), "c.json:39:20: edudex.org_unit_id: text 'NCMW' is not allowed here; EDU-DEX writes organisation IDs in lower case: write 'ncmw'"),
    ("top level not an object", b"[]", "c.json:1:1: the top level must be a JSON object { … } holding the course, not a list (see 'ncmw-course schema' for the format)"),
    ("unknown key", changed(renaming("audience", "audiance")), "c.json:35:3: audiance: unknown key; did you mean 'audience'? That field is required and missing"),
    ("wrong type", changed(setting("max_participants", value="12")), "c.json:38:23: max_participants: expected a whole number such as 2, found text '12'"),
    ("missing required field", changed(removing("goals")), "c.json:1:1: goals: required, but missing; add it"),
    ("empty required text", changed(setting("title", value="  ")), "c.json:6:12: title: must not be empty; write the text, or leave out the key when it is optional"),
    ("control character", changed(setting("title", value="Minimale\u0007cursus")), "c.json:6:12: title: contains U+0007 at character 9: a character that Word and EPUB documents cannot carry; remove it"),
    ("invalid e-mail", changed(setting("contact", "email", value="cursus@@example.org")), "c.json:33:14: contact.email: 'cursus@@example.org' is not a valid e-mail address: the part after the @-sign contains invalid characters: '@'; write one such as 'info@ncmw.nl'"),
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
    ("contact hours that differ from the sessions", changed(sessions_of_six_hours_typed_as(7)), "c.json:55:22: hours.contact_hours: is 7 hours, but the days' sessions add up to 6 net hours (see programme.days[0].sessions at line 21); make the two agree, or leave out contact_hours: the sessions give them"),
    ("run dates that do not match the days", changed(setting("editions", value=[{"start_date": "2027-03-09", "end_date": "2027-03-16", "day_dates": ["2027-03-09", "2027-03-16"]}])), "c.json:42:20: editions[0].day_dates: has 2 dates for a programme of 1 day; give one date per day, in the days' order"),
]  # fmt: skip

# The YAML twins of the cases above, and the mistakes only YAML allows: (case, content of c.yaml, line)
YAML_CASES: list[tuple[str, bytes | str | None, str]] = [
    ("YAML: missing file", None, "c.yaml: no such file; check the path"),
    ("YAML: a folder", "folder", "c.yaml: is a folder, not a course file; give the path of a course file (.json, .yaml or .yml)"),
    ("YAML: empty file", b"", "c.yaml: the file is empty; a course file holds the course's fields, one key: value per line (see 'ncmw-course schema' for the format)"),
    ("YAML: only comments", b"# een cursus\n", "c.yaml: the file holds only comments; a course file holds the course's fields, one key: value per line (see 'ncmw-course schema' for the format)"),
    ("YAML: not UTF-8", 'title: José\n'.encode("latin-1"), 'c.yaml:1:11: is not UTF-8 text (byte 0xE9); save the file with UTF-8 encoding'),
    ("YAML: malformed YAML", edited_yaml("title: Minimale cursus", "title: Minimale cursus\n  slug: x"), 'c.yaml:6:7: not valid YAML: a key where none can start; indent it like the keys beside it, or, if the line above is a text that goes on here, put that text in quotes'),
    ("YAML: top level not a mapping", b"- titel\n", "c.yaml:1:1: the top level must be the course's fields, one key: value per line, not a list (see 'ncmw-course schema' for the format)"),
    ("YAML: unknown key", changed_yaml(renaming("audience", "audiance")), "c.yaml:22:1: audiance: unknown key; did you mean 'audience'? That field is required and missing"),
    ("YAML: wrong type", changed_yaml(setting("max_participants", value="12")), "c.yaml:24:19: max_participants: expected a whole number such as 2, found text '12'"),
    ("YAML: missing required field", changed_yaml(removing("goals")), 'c.yaml:1:1: goals: required, but missing; add it'),
    ("YAML: empty required text", changed_yaml(setting("title", value="  ")), 'c.yaml:5:8: title: must not be empty; write the text, or leave out the key when it is optional'),
    ("YAML: control character", changed_yaml(setting("title", value="Minimale\u0007cursus")), 'c.yaml:5:8: title: contains U+0007 at character 9: a character that Word and EPUB documents cannot carry; remove it'),
    ("YAML: invalid e-mail", changed_yaml(setting("contact", "email", value="cursus@@example.org")), "c.yaml:21:10: contact.email: 'cursus@@example.org' is not a valid e-mail address: the part after the @-sign contains invalid characters: '@'; write one such as 'info@ncmw.nl'"),
    ("YAML: invalid phone", changed_yaml(setting("contact", "phone", value="123")), "c.yaml:22:10: contact.phone: '123' is not a valid phone number; write a full number with its area code, such as '0495–450667' or '+31 495 450667'"),
    ("YAML: invalid web address", changed_yaml(setting("contact", "website", value="https://")), 'c.yaml:22:12: contact.website: expected a web address such as "www.ncmw.nl" or "https://www.ncmw.nl/", found text \'https://\''),
    ("YAML: javascript: URL", changed_yaml(setting("contact", "website", value="javascript:alert(1)")), "c.yaml:22:12: contact.website: only http and https web addresses are allowed, found text 'javascript:alert(1)'"),
    ("YAML: duplicate day ordinals", changed_yaml(days(1, 1)), 'c.yaml:16:14: programme.days[1].ordinal: is 1, but this is day 2 in the list; number the days 1, 2, 3 … in the order they are listed'),
    ("YAML: gapped day ordinals", changed_yaml(days(1, 3)), 'c.yaml:16:14: programme.days[1].ordinal: is 3, but this is day 2 in the list; number the days 1, 2, 3 … in the order they are listed'),
    ("YAML: a 10 MB string", changed_yaml(setting("title", value="x" * 10_000_000)), 'c.yaml: is 9.5 MB; a course file is at most 1 MB, so this is probably the wrong file'),
    ("YAML: 10 000 topics", changed_yaml(setting("programme", "days", 0, "topics", value=["onderwerp"] * 10_000)), 'c.yaml:17:5: programme.days[0].topics: has 10000 items; at most 100 are allowed, so this is probably a mistake'),
    ("YAML: a number of 5000 digits", changed_yaml(setting("max_participants", value=1)).replace(b"max_participants: 1", b"max_participants: 1" + b"0" * 5000), 'c.yaml:24:19: max_participants: is a number of 5001 digits; no number in a course has more than 20, so this is probably a mistake'),
    ("YAML: a Windows device name as slug", changed_yaml(setting("slug", value="con")), "c.yaml:2:7: slug: 'con' is a name Windows keeps for a device, so files named after it cannot be opened there; choose another slug"),
    ("YAML: a time without its leading zero", changed_yaml(setting("programme", "days", 0, "start_time", value="9:30")), 'c.yaml:16:17: programme.days[0].start_time: write the hour with two digits, such as "09:30" (found text \'9:30\')'),
    ("YAML: a language without labels", changed_yaml(setting("language", value="de")), "c.yaml:3:11: language: 'de' has no labels for headings and dates yet; documents can be written in 'nl' (Nederlands) or 'en' (English): choose one of them"),
    ("YAML: study load below the contact hours", changed_yaml(setting("hours", value={"contact_hours": 12, "study_load": 6})), 'c.yaml:26:15: hours.study_load: is 6 hours, less than the 12 contact hours; the study load counts every hour a participant spends, the contact hours included'),
    ("YAML: contact hours that differ from the sessions", changed_yaml(sessions_of_six_hours_typed_as(7)), "c.yaml:34:18: hours.contact_hours: is 7 hours, but the days' sessions add up to 6 net hours (see programme.days[0].sessions at line 17); make the two agree, or leave out contact_hours: the sessions give them"),
    ("YAML: run dates that do not match the days", changed_yaml(setting("editions", value=[{"start_date": "2027-03-09", "end_date": "2027-03-16", "day_dates": ["2027-03-09", "2027-03-16"]}])), "c.yaml:28:3: editions[0].day_dates: has 2 dates for a programme of 1 day; give one date per day, in the days' order"),
    ("YAML: a line break in a literal block", edited_yaml("- Een cursus met alleen de verplichte gegevens.", "- |\n  Een cursus met alleen\n  de verplichte gegevens."), 'c.yaml:8:24: description[0]: a line break inside a "|" block, which keeps every line break; a paragraph is one list item: write ">" instead of "|" to join the lines, or give each paragraph its own item (- …)'),
    ("YAML: a blank line inside a text", edited_yaml("- Een cursus met alleen de verplichte gegevens.", "- Een cursus met alleen\n\n  de verplichte gegevens."), 'c.yaml:8:1: description[0]: a blank line inside a text starts a new paragraph; a paragraph is one list item: give each paragraph its own item (- …)'),
    ("YAML: an amount with a decimal comma", edited_yaml("max_participants: 1", "price:\n  amount: 495,00\n  currency: EUR", setting("max_participants", value=1)), 'c.yaml:25:11: price.amount: expected an amount such as 495 or "495.00" (a decimal point, no currency sign), found text \'495,00\'; write "495.00"'),
    ("YAML: ja for yes", changed_yaml(setting("edudex", value={"application_open": "ja"})), "c.yaml:25:21: edudex.application_open: expected true or false, found text 'ja'; write true (without quotes) for yes"),
    ("YAML: an EDU-DEX organisation ID in capitals", changed_yaml(setting("edudex", value={"org_unit_id": "NCMW"})), "c.yaml:25:16: edudex.org_unit_id: text 'NCMW' is not allowed here; EDU-DEX writes organisation IDs in lower case: write 'ncmw'"),
    ("YAML: a key twice", edited_yaml("title: Minimale cursus", "title: Minimale cursus\ntitle: Nog een titel"), "c.yaml:6:1: title: the key 'title' appears more than once here; keep one"),
    ("YAML: a tag", edited_yaml("title: Minimale cursus", "title: !!str Minimale cursus"), 'c.yaml:5:8: title: !!str is a YAML tag, which course files do not use: remove it (a text that starts with ! goes in quotes)'),
    ("YAML: a tab for indentation", edited_yaml("  days:", "\tdays:"), 'c.yaml:13:1: not valid YAML: a tab; YAML indents with spaces only'),
    ("YAML: a colon inside a text", edited_yaml("title: Minimale cursus", "title: Ontrouw: een zaak van twee"), 'c.yaml:5:15: not valid YAML: a colon followed by a space inside a text; put the whole text in quotes ("…"), or write it as a > block'),
    ("YAML: a text that starts with a quote", edited_yaml("- Oefenen.", '- "Oefenen" in groepjes.'), 'c.yaml:17:13: not valid YAML: more text after the closing "; a text that starts with " goes in quotes as a whole, such as \'"Oefenen" in groepjes.\''),
    ("YAML: a phone number without quotes", edited_yaml("  email: cursus@example.org", "  email: cursus@example.org\n  phone: 0495450667"), 'c.yaml:22:10: contact.phone: expected text, found 0495450667, which YAML reads as the number 495450667; put it in quotes: "0495450667"'),
    ("YAML: a title that YAML reads as a number", edited_yaml("title: Minimale cursus", "title: 2026"), 'c.yaml:5:8: title: expected text, found 2026, which YAML reads as the number 2026; put it in quotes: "2026"'),
    ("YAML: an empty required value", edited_yaml("title: Minimale cursus", "title:"), 'c.yaml:5:1: title: has no value; write the text after the colon'),
    ("YAML: nested far too deeply", edited_yaml("title: Minimale cursus", "title: " + "[" * 150 + "]" * 150), 'c.yaml:5:107: not a course: the YAML is nested far too deeply (more than 100 levels)'),

    ("YAML: an anchor", edited_yaml("- name: A. Trainer", "- &trainer\n  name: A. Trainer"), "c.yaml:19:3: trainers[0]: &trainer is a YAML anchor, which course files do not use: write each value out in full (a text that starts with & goes in quotes)"),
    ("YAML: an alias", edited_yaml("- name: A. Trainer", "- name: A. Trainer\n- *trainer"), "c.yaml:20:3: trainers[1]: *trainer is a YAML alias, which course files do not use: write the value out in full (a text that starts with * goes in quotes)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "content", "line"), CASES + YAML_CASES, ids=[case for case, _, _ in CASES + YAML_CASES]
)
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
    name = "c.yaml" if case.startswith("YAML: ") else "c.json"
    if content == "folder":
        (tmp_path / name).mkdir()
    elif isinstance(content, bytes):
        (tmp_path / name).write_bytes(content)
    if content == "folder" and command == ["build"]:
        line = f"{name}: the folder has no course files (*.json)"  # build takes folders of courses
    result = CliRunner().invoke(cli, [*command, name])
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


def readme_table(cases: list[tuple[str, bytes | str | None, str]]) -> str:
    """The README's troubleshooting table of `cases`: each case and its message (a | escaped)."""
    rows = [f"| {case} | `{line.replace('|', chr(92) + '|')}` |\n" for case, _, line in cases]
    return "| problem | what `ncmw-course` says (after `Error: `) |\n|---|---|\n" + "".join(rows)


def test_readme_rows(golden: Callable[[str, bytes], None]) -> None:
    """readme_rows.md holds the README's two troubleshooting tables, JSON and YAML, made from the cases."""
    tables = f"{readme_table(CASES)}\n{readme_table(YAML_CASES)}"
    golden("readme_rows.md", tables.encode("utf-8"))


def test_readme_lists_every_case() -> None:
    """The README's troubleshooting table shows each case with its message."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for case, _, line in CASES + YAML_CASES:
        assert f"| {case} |" in readme, case
        message = line.split(": ", 2)[-1] if line.count(": ") >= 2 else line.split(": ", 1)[-1]
        assert message.replace("|", "\\|")[:60] in readme, case
