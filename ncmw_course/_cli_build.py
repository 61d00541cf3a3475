"""``ncmw-course build``: every format of every course into a folder, reported line by line."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Self

import click

from ncmw_course._cli_common import (
    collect_garbage,
    courses_argument,
    detail,
    handle_user_errors,
    is_quiet,
    is_verbose,
    status,
)
from ncmw_course._cli_export import DEFAULT_OUTPUT_DIR
from ncmw_course._cli_params import (
    GivenOptions,
    OptionsCommand,
    check_options,
    complete_formats,
    exporter_options,
    format_options,
    paths,
)

if TYPE_CHECKING:
    from pathlib import Path

    from click._termui_impl import ProgressBar

    from ncmw_course.building import BuildEvent

__all__ = ["BuildReport", "build"]


@click.command(cls=OptionsCommand)
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
    shell_complete=complete_formats,
    help="A format to build; repeat for several.  [default: every format]",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Treat a format the course is not ready for as an error, instead of skipping it.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Make every document again, also those the build before made from the same course file.",
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
    force: bool,
    jobs: int | None,
    options: GivenOptions,
) -> None:
    """Write every format of every course into a folder.

    COURSE may be a course file, '-' for standard input, or a folder of them
    (its *.json files). Each course gets <slug><extension> in DIR for every
    format (or those chosen with -f); catalogue formats write one
    catalogue<extension> for all courses.

    A course that is not valid is reported, the others are still built, and
    the exit code is 1. A format a course is not ready for (such as edudex
    without its codes) is skipped and named, with the check command to run;
    with --strict that is an error too. A format that cannot be loaded (a
    broken plugin) is reported and skipped; the others are built (exit 1).

    A build into a folder it built before makes only what changed: a course
    whose file, formats, options and environment are the same keeps its
    documents, and the catalogues are made again only when a course changed
    (the folder's .ncmw-course-build.json records what was made; --force
    makes everything). The documents of courses no longer built are removed.

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

    collect_garbage()
    chosen = list(format_names) or exporter_names()
    check_options(chosen, options, every=False)
    detail(f"Formats: {', '.join(chosen)}")
    if options.values:
        detail("Options: " + ", ".join(f"{key}={value}" for key, value in options.values.items()))
    started = time.perf_counter()
    with BuildReport(terminal=sys.stderr.isatty() and not is_quiet()) as report:
        summary = build_courses(
            courses,
            output_dir,
            formats=format_names,
            options=options.values,
            strict=strict,
            jobs=jobs,
            on_event=report,
            ticks=report.terminal,
            force=force,
        )
    detail(f"Took {time.perf_counter() - started:.2f} s")
    status(str(summary))
    if not summary.ok:
        raise SystemExit(1)


class BuildReport:
    """Prints a build's events on stderr, one line each; on a terminal, a build of several courses
    shows a progress bar of its documents below the lines. ``-q`` leaves out all but the errors;
    ``-v`` adds the documents kept unchanged and the traceback of a plugin's bug."""

    def __init__(self, *, terminal: bool) -> None:
        self.terminal = terminal
        self.stack = contextlib.ExitStack()
        self.bar: ProgressBar[int] | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stack.close()

    def __call__(self, event: BuildEvent) -> None:
        from ncmw_course.building import Failed, Kept, Planned, Progress

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
        elif isinstance(event, Kept):
            if is_verbose():  # thousands of lines for a large build: the bar is not drawn again for none
                self._line(str(event), shown=detail)
        elif isinstance(event, Failed):
            if event.details:
                self._line(event.details.rstrip("\n"), shown=detail)
            self._line(str(event), shown=lambda line: click.echo(line, err=True))
        else:
            self._line(str(event), shown=status)

    def _line(self, line: str, shown: Callable[[str], None]) -> None:
        if self.bar is None:
            shown(line)
        else:
            shown(f"\r\x1b[K{line}")  # over the bar, which is then drawn again below
            self.bar._last_line = None  # click draws the bar only when it changed; the line wiped it
            self.bar.render_progress()
