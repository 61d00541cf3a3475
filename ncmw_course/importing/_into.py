"""``import BROCHURE --into COURSE``: the prose of an edited brochure written back into its course file.

The brochure owns its prose: the title, subtitle and summary, the description, audience and goals,
the programme's introduction and each day's theme and topics, the method and the trainers'
biographies (:data:`PROSE`). Those are compared with the course file and each change is shown; with
``--write`` they are saved. Everything else the brochure shows is a fact it does not own (dates,
times, places, price, hours, codes, accreditations, contact details, ``edudex``): it is never
changed this way, and where the brochure says something else than the course file, that is
reported, for the coordinator to change in the course file if it is right.

A JSON course file is written again in its own order of keys, two-space indented. A YAML course
file is updated in place with ruamel.yaml's round-trip mode: its comments, key order and the
style of every value that did not change are kept.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from pathlib import Path

    from ncmw_course.importing._structure import Brochure

__all__ = ["PROSE", "changes", "update_into"]

Json = dict[str, Any]

PROSE = (
    "title",
    "subtitle",
    "summary",
    "description",
    "audience",
    "goals",
    "programme.introduction",
    "programme.days[].theme",
    "programme.days[].topics",
    "method",
    "trainers[].biography",
)
"""The fields a brochure owns: what ``--into`` updates."""


def update_into(source: Path, target: Path, *, write: bool, output: Path | None) -> None:
    """Compare the brochure `source` with the course file `target`; show the changes, save them with `write`."""
    from ncmw_course.errors import OutputError
    from ncmw_course.loading import load_course

    if output is not None:
        msg = "--into writes to its own course file; leave out -o"
        raise click.UsageError(msg)
    course = load_course(target)
    brochure, edited = _edited(source)
    found = changes(course.model_dump(mode="json"), edited)
    from ncmw_course.importing._facts_check import contradictions

    for line in contradictions(course, brochure, str(target)):
        click.echo(line, err=True)
    if not found:
        click.echo(f"No changes: {source} says what {target} says.", err=True)
        return
    for change in found:
        click.echo(change.text())
    if not write:
        click.echo(f"{_count(len(found))} to {target}; run again with --write to save them.", err=True)
        return
    text = _updated_text(target, found)
    from ncmw_course.loading import parse_course

    parse_course(text, source=str(target))  # refuse to write what would not be a valid course
    from ncmw_course._files import write_atomically

    try:
        write_atomically(target, text.encode("utf-8"))
    except OSError as error:  # pragma: no cover - write_atomically words its own errors
        raise OutputError(str(error)) from None
    click.echo(f"Wrote {target}: {_count(len(found))}.", err=True)


def _count(number: int) -> str:
    return f"{number} change{'' if number == 1 else 's'}"


def _edited(source: Path) -> tuple[Brochure, Json]:
    """The brochure `source` and the course data it says."""
    from ncmw_course.importing import ImportSourceError, read_bytes, source_kind
    from ncmw_course.importing._brochure import read_brochure
    from ncmw_course.importing._report import ImportReport
    from ncmw_course.importing._sources import read_document

    name = str(source)
    data = read_bytes(source, name)
    kind = source_kind(name, data)
    document = read_document(data, kind, name) if kind != "text" else None
    if document is None or document.brochure is None:
        msg = (
            f"{name}: is not a brochure made by ncmw-course (its sections' headings or bookmarks are "
            "missing); --into reads a brochure made with 'ncmw-course export docx' and edited in Word"
        )
        raise ImportSourceError(msg)
    return document.brochure, read_brochure(document.brochure, ImportReport(name, "a brochure"))


class Change:
    """One field that differs: its place, the course file's value and the brochure's."""

    def __init__(self, path: tuple[str | int, ...], old: Any, new: Any) -> None:
        self.path, self.old, self.new = path, old, new

    @property
    def name(self) -> str:
        return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in self.path).lstrip(".")

    def text(self) -> str:
        """The change as people read it: the field, then - the old lines and + the new ones."""
        if isinstance(self.old, list) and isinstance(self.new, list):
            return "\n".join([f"{self.name}:", *_list_diff(self.old, self.new)])
        lines = [f"{self.name}:"]
        lines += [f"  - {self.old}"] if self.old not in (None, "") else []
        lines += [f"  + {self.new}"] if self.new not in (None, "") else []
        return "\n".join(lines)


def _list_diff(old: list[Any], new: list[Any]) -> list[str]:
    """Items removed (-), added (+) and, where one item was edited, its words that changed (~)."""
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "replace" and old_end - old_start == new_end - new_start:
            lines += [
                f"  ~ [{new_start + offset}] {_words_diff(old[old_start + offset], new[new_start + offset])}"
                for offset in range(old_end - old_start)
            ]
        elif tag != "equal":
            lines += [f"  - [{index}] {old[index]}" for index in range(old_start, old_end)]
            lines += [f"  + [{index}] {new[index]}" for index in range(new_start, new_end)]
    return lines


_CONTEXT = 4
"""Words of context around an edit within a paragraph."""


def _words_diff(old: str, new: str) -> str:
    """The words of `new` that differ from `old`: "… een [-regelmatig-]{+vaak+} voorkomend …"."""
    before, after = old.split(" "), new.split(" ")
    parts: list[str] = []
    opcodes = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    for index, (tag, old_start, old_end, new_start, new_end) in enumerate(opcodes):
        if tag == "equal":
            words = before[old_start:old_end]
            head = words[:_CONTEXT] if index else []
            tail = words[-_CONTEXT:] if index < len(opcodes) - 1 else []
            if len(words) > len(head) + len(tail):
                parts += [*head, "…", *tail] if head or tail else ["…"]
            else:
                parts += words
            continue
        if old_end > old_start:
            parts.append(f"[-{' '.join(before[old_start:old_end])}-]")
        if new_end > new_start:
            parts.append(f"{{+{' '.join(after[new_start:new_end])}+}}")
    return " ".join(parts)


def changes(old: Json, new: Json) -> list[Change]:
    """The prose fields (:data:`PROSE`) whose value in `new` differs from `old`, in the model's order."""
    found: list[Change] = []
    for key in ("title", "subtitle", "summary", "description", "audience", "goals"):
        _compare((key,), old.get(key), new.get(key), found)
    old_programme, new_programme = old["programme"], new["programme"]
    _compare(
        ("programme", "introduction"), old_programme["introduction"], new_programme["introduction"], found
    )
    for index, (before, after) in enumerate(zip(old_programme["days"], new_programme["days"], strict=False)):
        for key in ("theme", "topics"):
            _compare(("programme", "days", index, key), before[key], after.get(key, []), found)
    _compare(("method",), old.get("method"), new.get("method"), found)
    for index, (before, after) in enumerate(zip(old["trainers"], new["trainers"], strict=False)):
        _compare(("trainers", index, "biography"), before["biography"], after.get("biography", []), found)
    return found


def _compare(path: tuple[str | int, ...], old: Any, new: Any, found: list[Change]) -> None:
    empty: tuple[Any, ...] = (None, [], "")
    if (old in empty and new in empty) or old == new:
        return
    found.append(Change(path, old, new))


def _updated_text(target: Path, found: list[Change]) -> str:
    """The course file's text with the changes made: JSON written again, YAML edited in place."""
    text = target.read_text(encoding="utf-8-sig")
    if target.suffix.lower() in (".yaml", ".yml"):
        return _updated_yaml(text, found)
    import json

    data = json.loads(text)
    for change in found:
        _set(data, change.path, change.new)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _set(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    if value in (None, "") and isinstance(data, dict):
        data.pop(path[-1], None)
    else:
        data[path[-1]] = value


def _updated_yaml(text: str, found: list[Change]) -> str:
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long paragraph onto more lines than it had
    data = yaml.load(text)
    for change in found:
        _set(data, change.path, change.new)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()
