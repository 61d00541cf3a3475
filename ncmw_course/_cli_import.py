"""``ncmw-course import``: a flyer or brochure read into a course file (see :mod:`ncmw_course.importing`).

Imports only click at start-up; the readers (python-docx, pdfminer.six) are imported when a source
of their kind is read, so that ``--help`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ncmw_course._cli_common import STDIN, handle_user_errors, is_quiet, status
from ncmw_course._cli_params import paths

if TYPE_CHECKING:
    from pathlib import Path

    from ncmw_course.importing import ImportResult

__all__ = ["import_"]

_SUFFIXES = {".json": False, ".yaml": True, ".yml": True}
"""The names a course file may have, and whether each is YAML."""


@click.command(name="import")
@click.argument("source", type=click.Path(dir_okay=True, readable=False), callback=paths)
@click.option(
    "-o",
    "--output",
    metavar="COURSE",
    type=click.Path(allow_dash=True, dir_okay=False, readable=False, writable=False),
    callback=paths,
    help="The course file to write, .json or .yaml; '-' for stdout (JSON).  [default: <slug>.json]",
)
@click.option("--force", is_flag=True, help="Replace the course file when it exists.")
@click.option(
    "--into",
    metavar="COURSE",
    type=click.Path(dir_okay=False, readable=False),
    callback=paths,
    help="Update the prose of this course file from an edited brochure (.docx); shows the changes.",
)
@click.option("--write", is_flag=True, help="With --into: write the changes (without it, only show them).")
@handle_user_errors
def import_(source: Path, output: Path | None, force: bool, into: Path | None, write: bool) -> None:
    """Read a flyer or brochure into a course file, with a review report.

    SOURCE is plain text (as copied from a PDF flyer), a Word document
    (.docx) or a PDF. The report on stderr says, for each field, where it was
    found, why it was guessed, or that it is missing. A draft that is not
    yet a valid course is written too, followed by its problems, and the
    exit code is 1; fill in what is missing and run 'ncmw-course validate'.
    A brochure made by ncmw-course (export docx or pdf) comes back as its
    course.

    With --into COURSE, SOURCE is a brochure edited in Word: the prose of
    COURSE (texts, programme, trainers' biographies) is compared with it
    and the changes are shown; --write saves them. Dates, price, codes and
    other facts are never changed this way.

    \b
    Examples:
      ncmw-course import flyer.txt -o mijn-cursus.yaml
      ncmw-course import brochure.pdf -o cursus.json --force
      ncmw-course import bewerkt.docx --into cursus.json --write
    """
    if into is not None:
        from ncmw_course.importing._into import update_into

        update_into(source, into, write=write, output=output)
        return
    if write:
        msg = "--write goes with --into COURSE: it saves the changes to that course file"
        raise click.UsageError(msg)
    as_yaml = _yaml_by_name(output)
    from ncmw_course.importing import import_course

    result = import_course(source, name=str(source))
    target = output or _default_path(result)
    _write(result, target, as_yaml=as_yaml, force=force)


def _yaml_by_name(output: Path | None) -> bool:
    if output is None or str(output) == STDIN:
        return False
    by_name = _SUFFIXES.get(output.suffix.lower())
    if by_name is None:
        msg = f"a course file is named .json or .yaml; name it {output.stem}.json or {output.stem}.yaml"
        raise click.BadParameter(msg, param_hint="'-o' / '--output'")
    return by_name


def _default_path(result: ImportResult) -> Path:
    from pathlib import Path

    return Path(f"{result.data.get('slug') or 'cursus'}.json")


def _write(result: ImportResult, target: Path, *, as_yaml: bool, force: bool) -> None:
    """Write the draft to `target` (stdout for '-'), the report to stderr, and its problems after it."""
    from ncmw_course._files import write_atomically
    from ncmw_course.errors import OutputError
    from ncmw_course.importing._output import course_text

    text = course_text(result.data, as_yaml=as_yaml)
    to_stdout = str(target) == STDIN
    if not to_stdout and target.exists() and not force:
        msg = f"{target} already exists; choose another name with -o, or replace it with --force"
        raise OutputError(msg)
    if not is_quiet():
        click.echo(result.report.text(), err=True, nl=False)
    if to_stdout:
        click.echo(text, nl=False)
    else:
        write_atomically(target, text.encode("utf-8"))
        status(f"Wrote {target}")
    _verdict(result, target, to_stdout=to_stdout)


def _verdict(result: ImportResult, target: Path, *, to_stdout: bool) -> None:
    """Say whether the draft is a valid course; exit 1 with its problems when it is not."""
    import shlex

    from ncmw_course.errors import CourseDataError

    guessed = ", ".join(result.report.fields("guessed"))
    named = "the course" if to_stdout else shlex.quote(str(target))
    if result.valid:
        check = f"check what was guessed ({guessed}), then " if guessed else ""
        status(f"The draft is a valid course: {check}run ncmw-course validate {named}")
        return
    problems: CourseDataError
    if to_stdout:
        problems = CourseDataError("the draft", result.problems)
    else:
        from ncmw_course.loading import load_course

        try:
            load_course(target)
        except CourseDataError as error:
            problems = error
        else:  # pragma: no cover - the same data, read back, is the same course
            return
    click.echo(f"Error: {problems}", err=True)
    status(f"Fill in what is missing in {named}, then run: ncmw-course validate {named}")
    raise SystemExit(1)
