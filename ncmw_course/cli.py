"""The ``ncmw-course`` command line.

Exit codes: 0 when all went well; 1 for a problem with the data or the output (printed on stderr as
``Error: …``); 2 for a usage error. Documents and reports go to stdout, status messages to stderr.

Only click is imported at start-up; each command imports what it needs, so that ``--help`` is fast.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ParamSpec, Self, TypeVar

import click

from ncmw_course._cli_params import (
    GivenOptions,
    OptionsCommand,
    as_path,
    check_options,
    exporter_options,
    format_argument,
    format_options,
    paths,
    target_option,
)
from ncmw_course._version import __version__
from ncmw_course.errors import NcmwCourseError

if TYPE_CHECKING:
    from pathlib import Path

    from click._termui_impl import ProgressBar

    from ncmw_course.building import BuildEvent
    from ncmw_course.model import Course

P = ParamSpec("P")
R = TypeVar("R")

DEFAULT_OUTPUT_DIR = "dist"


def handle_user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn an :class:`NcmwCourseError` into ``Error: …`` and exit 1; bugs keep their traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except NcmwCourseError as error:
            raise click.ClickException(str(error)) from None

    return wrapper


def _load(path: Path | None) -> Course:
    from ncmw_course.loading import load_course

    return load_course(path)


def _or_bundled(courses: Sequence[Path]) -> Sequence[Path | None]:
    """The course paths given, or the bundled course (``None``) when there are none."""
    return courses or [None]


def _shown(path: Path | None) -> str:
    from ncmw_course.building import BUNDLED

    return BUNDLED if path is None else str(path)


courses_argument = click.argument(
    "courses", metavar="[COURSE]...", nargs=-1, type=click.Path(readable=False), callback=paths
)


@click.group(name="ncmw-course", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="ncmw-course")
def cli() -> None:
    """Publish NCMW course descriptions from one course file.

    A course file is JSON (see 'ncmw-course schema'). COURSE defaults to the
    bundled course, "Ontrouw binnen de relatie".

    \b
    Examples:
      ncmw-course validate my-course.json
      ncmw-course export json my-course.json -o catalogue/my-course.json
      ncmw-course build
    """


@cli.command()
@courses_argument
@handle_user_errors
def validate(courses: Sequence[Path]) -> None:
    """Check course files and print one summary line for each.

    Exits 1 and lists every problem when a file is not a valid course.

    \b
    Example:
      ncmw-course validate data/course.json other-course.json
    """
    failed = 0
    for path in _or_bundled(courses):
        try:
            course = _load(path)
        except NcmwCourseError as error:
            click.echo(f"Error: {error}", err=True)
            failed += 1
            continue
        topics = sum(len(day.topics) for day in course.days)
        facts = [
            _count(len(course.days), "day"),
            _count(topics, "topic"),
            _count(len(course.trainers), "trainer"),
        ]
        click.echo(f"{_shown(path)}: valid: “{course.title}” ({course.slug}), {', '.join(facts)}")
    if failed:
        raise SystemExit(1)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@cli.command()
@handle_user_errors
def formats() -> None:
    """List the output formats.

    Shows each format's name, file extension, media type and description,
    and the options it accepts.

    \b
    Example:
      ncmw-course formats
    """
    from ncmw_course.exporting import exporter_info, exporter_names

    infos = [exporter_info(name) for name in exporter_names()]
    name_width = max(len(info.name) for info in infos)
    extension_width = max(len(info.file_extension) for info in infos)
    indent = " " * (name_width + extension_width + 4)
    for info in infos:
        scope = " (one file for all courses)" if info.scope == "catalogue" else ""
        click.echo(
            f"{info.name.ljust(name_width)}  {info.file_extension.ljust(extension_width)}  {info.description}{scope}"
        )
        click.echo(f"{indent}{info.media_type}")
        for option in info.options:
            form = f"{option.flag} {option.metavar}" if option.flag else f"-O {option.name}={option.metavar}"
            click.echo(f"{indent}option {form}: {option.help}")


@cli.command(cls=OptionsCommand)
@click.argument("format_name", metavar="FORMAT", callback=format_argument)
@click.argument("course", metavar="[COURSE]", required=False, type=click.Path(readable=False), callback=paths)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    type=click.Path(allow_dash=True, readable=False, writable=False),
    callback=paths,
    help="Where to write the document; '-' for stdout.  [default: dist/<slug><extension>]",
)
@exporter_options
@handle_user_errors
def export(format_name: str, course: Path | None, output: Path | None, options: GivenOptions) -> None:
    """Write one course in one FORMAT (see 'ncmw-course formats').

    \b
    Examples:
      ncmw-course export json
      ncmw-course export json my-course.json -o site/my-course.json
      ncmw-course export json -o - | jq .title
    """
    from ncmw_course.exporting import exporter_info, render
    from ncmw_course.loading import load_course

    check_options([format_name], options, every=True)
    loaded = load_course(course)
    data = render(loaded, format_name, **options.values)
    if output is not None and str(output) == "-":
        write_stdout(data)
        return
    from ncmw_course._files import refuse_inputs, write_atomically
    from ncmw_course.building import output_name
    from ncmw_course.loading import bundled_course_path

    target = output or as_path(DEFAULT_OUTPUT_DIR) / output_name(exporter_info(format_name), loaded)
    refuse_inputs(target, [course or bundled_course_path(), *map(as_path, options.values.values())])
    write_atomically(target, data)
    click.echo(f"Wrote {target}", err=True)


def write_stdout(data: bytes) -> None:
    """Write a document to standard output; a reader that stops early (``head``) is no error.

    Raises:
        OutputError: Standard output is closed, or cannot take the document (a full device).
    """
    from ncmw_course.errors import OutputError

    try:
        stdout = sys.stdout.buffer
        stdout.write(data)
        stdout.flush()
    except BrokenPipeError:  # the reader stopped early, as `head` does
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
    except (OSError, ValueError, AttributeError) as error:
        reason = "it is closed"
        if isinstance(error, OSError) and error.errno != errno.EBADF and error.strerror:
            reason = error.strerror
        msg = f"cannot write to standard output: {reason}"
        raise OutputError(msg) from None


@cli.command(cls=OptionsCommand)
@courses_argument
@click.option(
    "-o",
    "--output-dir",
    metavar="DIR",
    type=click.Path(file_okay=False, readable=False, writable=False),
    callback=paths,
    default=DEFAULT_OUTPUT_DIR,
    show_default=True,
    help="The folder to write into.",
)
@click.option(
    "-f",
    "--format",
    "format_names",
    metavar="FORMAT",
    multiple=True,
    callback=format_options,
    help="A format to build; repeat for several.  [default: every format]",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Treat a format the course is not ready for as an error, instead of skipping it.",
)
@click.option(
    "-j",
    "--jobs",
    metavar="N",
    type=click.IntRange(min=1),
    help="How many courses to build at once, in separate processes.  [default: the number of CPUs]",
)
@exporter_options
@handle_user_errors
def build(
    courses: Sequence[Path],
    output_dir: Path,
    format_names: Sequence[str],
    strict: bool,
    jobs: int | None,
    options: GivenOptions,
) -> None:
    """Write every format of every course into a folder.

    COURSE may be a course file or a folder of them (its *.json files). Each
    course gets <slug><extension> in DIR for every format (or those chosen
    with -f); catalogue formats write one catalogue<extension> for all courses.

    A course that is not valid is reported, the others are still built, and
    the exit code is 1. A format a course is not ready for (such as edudex
    without its codes) is skipped and named, with the check command to run;
    with --strict that is an error too.

    Courses are built in parallel (--jobs); the report keeps their order. On
    a terminal, a build of several courses shows a progress bar.

    \b
    Examples:
      ncmw-course build
      ncmw-course build courses/ -o site/ -f json -f catalogue-json
      ncmw-course build --strict my-course.json
    """
    from ncmw_course.building import build as build_courses
    from ncmw_course.exporting import exporter_names

    check_options(list(format_names) or exporter_names(), options, every=False)
    with BuildReport(terminal=sys.stderr.isatty()) as report:
        summary = build_courses(
            courses,
            output_dir,
            formats=format_names,
            options=options.values,
            strict=strict,
            jobs=jobs,
            on_event=report,
            ticks=report.terminal,
        )
    click.echo(str(summary), err=True)
    if not summary.ok:
        raise SystemExit(1)


class BuildReport:
    """Prints a build's events on stderr, one line each; on a terminal, a build of several courses
    shows a progress bar of its documents below the lines."""

    def __init__(self, *, terminal: bool) -> None:
        self.terminal = terminal
        self.stack = contextlib.ExitStack()
        self.bar: ProgressBar[int] | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stack.close()

    def __call__(self, event: BuildEvent) -> None:
        from ncmw_course.building import Planned, Progress

        if isinstance(event, Planned):
            if self.terminal and event.files >= 2 and event.documents:
                self.bar = self.stack.enter_context(
                    click.progressbar(
                        length=event.documents, label="Building", file=sys.stderr, show_pos=True
                    )
                )
        elif isinstance(event, Progress):
            if self.bar is not None:
                self.bar.update(event.documents)
        elif self.bar is None:
            click.echo(str(event), err=True)
        else:
            click.echo(f"\r\x1b[K{event}", err=True)  # over the bar, which is then drawn again below
            self.bar._last_line = None  # click draws the bar only when it changed; the line wiped it
            self.bar.render_progress()


@cli.command()
@click.option(
    "--for",
    "target",
    metavar="TARGET",
    required=True,
    callback=target_option,
    help="What to check the course against: accreditation, or a format such as edudex or jsonld.",
)
@click.argument("course", metavar="[COURSE]", required=False, type=click.Path(readable=False), callback=paths)
@handle_user_errors
def check(target: str, course: Path | None) -> None:
    """Report whether a course has what a target needs.

    Lists each requirement as present or missing. Exits 0 when the course is
    ready and 1 when something is missing. TARGET is accreditation (what the
    registers' accreditation wizards ask for) or a format that declares what
    it needs: edudex (the EDU-DEX feed), jsonld (schema.org Course data that
    search engines show) or a plugin's format.

    \b
    Examples:
      ncmw-course check --for edudex
      ncmw-course check --for accreditation my-course.json
    """
    from ncmw_course.readiness import check_readiness

    loaded = _load(course)
    readiness = check_readiness(loaded, target)
    total, missing = len(readiness.requirements), len(readiness.missing)
    verdict = (
        f"is ready for {target}"
        if readiness.ready
        else f"is not ready for {target}: {missing} of {total} missing"
    )
    click.echo(f"{_shown(course)} (“{loaded.title}”) {verdict}")
    width = max(len(requirement.field) for requirement in readiness.requirements)
    for requirement in readiness.requirements:
        status = "present" if requirement.present else "MISSING"
        click.echo(f"  {status}  {requirement.field.ljust(width)}  {requirement.description}")
    if not readiness.ready:
        raise SystemExit(1)


@cli.command()
@click.option("--catalogue", is_flag=True, help="Print the schema of catalogue.json instead.")
def schema(catalogue: bool) -> None:
    """Print the JSON Schema of course files.

    Editors use it to check and complete course files: point "$schema" in a
    course file at a saved copy. With --catalogue, the schema of the
    catalogue JSON that build writes.

    \b
    Example:
      ncmw-course schema > course.schema.json
    """
    import json

    if catalogue:
        from ncmw_course.catalogue import catalogue_json_schema

        click.echo(json.dumps(catalogue_json_schema(), ensure_ascii=False, indent=2))
        return
    from ncmw_course.model import course_json_schema

    click.echo(json.dumps(course_json_schema(), ensure_ascii=False, indent=2))


class Stopped(BaseException):
    """The command was told to stop (SIGTERM, or Ctrl-C): raised where it is, so that cleanup runs."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number


def _stop(signal_number: int, _frame: object) -> None:
    raise Stopped(signal_number)


def main() -> None:
    """Run the command line (the ``ncmw-course`` script and ``python -m ncmw_course``).

    SIGTERM (what ``timeout`` and CI runners send) and Ctrl-C stop a command where it is: a build
    stops its workers, removes what they had half written and keeps the files finished so far.
    The exit status is 128 plus the signal's number (143, 130), after one ``Error:`` line.
    """
    import signal

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        cli(prog_name="ncmw-course")
    except Stopped as stopped:
        name = (
            "Ctrl-C" if stopped.signal_number == signal.SIGINT else signal.Signals(stopped.signal_number).name
        )
        click.echo(
            f"Error: stopped by {name}; the files written before are complete, none is half written", err=True
        )
        sys.exit(128 + stopped.signal_number)
