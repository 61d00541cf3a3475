"""The ``ncmw-course`` command line.

Exit codes: 0 when all went well; 1 for a problem with the data or the output (printed on stderr as
``Error: …``); 2 for a usage error. Documents and reports go to stdout, status messages to stderr;
``-q`` leaves out all but the errors, ``-v`` adds the files and options used and timings.

Only click is imported at start-up; each command imports what it needs, so that ``--help`` is fast.
``export`` and ``build`` live in modules of their own (``_cli_export``, ``_cli_build``), as does
``new`` (``_cli_new``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from ncmw_course._cli_build import BuildReport, build
from ncmw_course._cli_common import (
    Stopped,
    collect_garbage,
    course_argument,
    courses_argument,
    handle_user_errors,
    is_quiet,
    load,
    or_bundled,
    set_verbosity,
    shown,
)
from ncmw_course._cli_export import export, write_stdout
from ncmw_course._cli_import import import_
from ncmw_course._cli_new import new
from ncmw_course._cli_params import complete_targets, target_option
from ncmw_course._cli_preview import preview
from ncmw_course._version import __version__
from ncmw_course.errors import NcmwCourseError

if TYPE_CHECKING:
    from pathlib import Path

REGISTER_NAMES = ("registerplein", "skj", "generic")
"""The choices of ``check --register``: the keys of ``ncmw_course.registers.REGISTERS`` (a test checks),
written out so that ``--help`` imports no more than click."""

__all__ = ["BuildReport", "cli", "main", "write_stdout"]


@click.group(name="ncmw-course", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="ncmw-course")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also print the files and options used, timings, and plugin tracebacks.",
)
@click.pass_context
def cli(context: click.Context, quiet: bool, verbose: bool) -> None:
    """Publish NCMW course descriptions from one course file.

    A course file is YAML or JSON; 'ncmw-course new' starts one, and
    'ncmw-course schema --fields' describes every field. COURSE defaults to
    the bundled course, "Ontrouw binnen de relatie"; '-' reads it from
    standard input.

    \b
    Examples:
      ncmw-course new mijn-cursus
      ncmw-course validate my-course.json
      ncmw-course export docx my-course.json -o brochure.docx
      ncmw-course build

    \b
    Shell completion of commands, formats and check targets (bash; for zsh
    or fish, say zsh_source or fish_source), in ~/.bashrc:
      eval "$(_NCMW_COURSE_COMPLETE=bash_source ncmw-course)"
    """
    set_verbosity(context, quiet=quiet, verbose=verbose)


cli.add_command(new)
cli.add_command(export)
cli.add_command(build)
cli.add_command(preview)
cli.add_command(import_)


@cli.command()
@courses_argument
@handle_user_errors
def validate(courses: Sequence[Path]) -> None:
    """Check course files and print one summary line for each.

    Exits 1 and lists every problem when a file is not a valid course. COURSE
    '-' reads a course from standard input.

    \b
    Example:
      ncmw-course validate data/course.json other-course.json
    """
    if len(courses) > 1:
        collect_garbage()
    failed = 0
    for path in or_bundled(courses):
        try:
            course = load(path)
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
        if not is_quiet():
            click.echo(f"{shown(path)}: valid: “{course.title}” ({course.slug}), {', '.join(facts)}")
    if failed:
        raise SystemExit(1)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@cli.command()
@handle_user_errors
def formats() -> None:
    """List the output formats.

    Shows each format's name, file extension, media type and description,
    and the options it accepts. A format that cannot be loaded (a broken
    plugin) is listed as BROKEN, with why; the exit code is then 1.

    \b
    Example:
      ncmw-course formats
    """
    from ncmw_course.exporting import ExporterInfo, exporter_info, exporter_names

    listed: list[tuple[str, ExporterInfo | NcmwCourseError]] = []
    for name in exporter_names():
        try:
            listed.append((name, exporter_info(name)))
        except NcmwCourseError as error:  # a broken plugin harms no other format
            listed.append((name, error))
    infos = [info for _, info in listed if isinstance(info, ExporterInfo)]
    name_width = max(len(name) for name, _ in listed)
    extension_width = max([len("BROKEN"), *(len(info.file_extension) for info in infos)])
    indent = " " * (name_width + extension_width + 4)
    for name, info in listed:
        if not isinstance(info, ExporterInfo):
            click.echo(f"{name.ljust(name_width)}  {'BROKEN'.ljust(extension_width)}  {info}")
            continue
        scope = " (one file for all courses)" if info.scope == "catalogue" else ""
        click.echo(
            f"{info.name.ljust(name_width)}  {info.file_extension.ljust(extension_width)}  {info.description}{scope}"
        )
        click.echo(f"{indent}{info.media_type}")
        for option in info.options:
            form = f"{option.flag} {option.metavar}" if option.flag else f"-O {option.name}={option.metavar}"
            click.echo(f"{indent}option {form}: {option.help}")
    broken = [name for name, info in listed if not isinstance(info, ExporterInfo)]
    if broken:
        formats = _count(len(broken), "format")
        msg = (
            f"{formats} cannot be loaded ({', '.join(broken)}); the others work (listed as BROKEN, with why)"
        )
        raise click.ClickException(msg)


@cli.command()
@click.option(
    "--for",
    "target",
    metavar="TARGET",
    required=True,
    callback=target_option,
    shell_complete=complete_targets,
    help="What to check the course against: accreditation, or a format such as edudex or jsonld.",
)
@click.option(
    "--register",
    type=click.Choice(REGISTER_NAMES),
    help="With --for accreditation: also the rules and questions of this register.",
)
@course_argument
@handle_user_errors
def check(target: str, register: str | None, course: Path | None) -> None:
    """Report whether a course has what a target needs.

    Lists each requirement as present or missing. Exits 0 when the course is
    ready and 1 when something is missing. TARGET is accreditation (what the
    registers' accreditation wizards ask for) or a format that declares what
    it needs: edudex (the EDU-DEX feed), jsonld (schema.org Course data that
    search engines show) or a plugin's format. --register adds a register's
    own rules and questions to accreditation: registerplein (1 point per net
    hour), skj (a final test from 18 hours) or generic (PE-online's questions).

    \b
    Examples:
      ncmw-course check --for edudex my-course.json
      ncmw-course check --for accreditation --register skj my-course.json
    """
    from ncmw_course.readiness import check_readiness
    from ncmw_course.registers import check_register

    if register is not None and target != "accreditation":
        msg = f"--register applies to --for accreditation, not to --for {target}"
        raise click.UsageError(msg)
    loaded = load(course)
    readiness = check_readiness(loaded, target) if register is None else check_register(loaded, register)
    total, missing, name = len(readiness.requirements), len(readiness.missing), readiness.target
    verdict = (
        f"is ready for {name}"
        if readiness.ready
        else f"is not ready for {name}: {missing} of {total} missing"
    )
    click.echo(f"{shown(course)} (“{loaded.title}”) {verdict}")
    width = max(len(requirement.field) for requirement in readiness.requirements)
    for requirement in readiness.requirements:
        status = "present" if requirement.present else "MISSING"
        click.echo(f"  {status}  {requirement.field.ljust(width)}  {requirement.description}")
    if not readiness.ready:
        raise SystemExit(1)


@cli.command()
@click.option("--catalogue", is_flag=True, help="Print the schema of catalogue.json instead.")
@click.option(
    "--fields", is_flag=True, help="Print the field reference (Markdown, as docs/fields.md) instead."
)
def schema(catalogue: bool, fields: bool) -> None:
    """Print the JSON Schema of course files.

    Editors use it to check and complete course files: point "$schema" in a
    course file at a saved copy ('ncmw-course new' does). With --catalogue,
    the schema of the catalogue JSON that build writes; with --fields, every
    field of a course file in words: its type, allowed values and an example.

    \b
    Examples:
      ncmw-course schema > course.schema.json
      ncmw-course schema --fields > docs/fields.md
    """
    import json

    if catalogue and fields:
        msg = "--catalogue and --fields print different documents; choose one"
        raise click.UsageError(msg)
    if fields:
        from ncmw_course.fieldref import field_reference

        click.echo(field_reference(), nl=False)
        return
    if catalogue:
        from ncmw_course.catalogue import catalogue_json_schema

        click.echo(json.dumps(catalogue_json_schema(), ensure_ascii=False, indent=2))
        return
    from ncmw_course.model import course_json_schema

    click.echo(json.dumps(course_json_schema(), ensure_ascii=False, indent=2))


def _stop(signal_number: int, _frame: object) -> None:
    raise Stopped(signal_number)


def main() -> None:
    """Run the command line (the ``ncmw-course`` script and ``python -m ncmw_course``).

    SIGTERM (what ``timeout`` and CI runners send) and Ctrl-C stop a command where it is: a build
    stops its workers, removes what they had half written and keeps the files finished so far.
    The exit status is 128 plus the signal's number (143, 130), after one ``Error:`` line.

    Python's cycle collector is off while a command runs, except in those whose work grows with
    their input (:func:`~ncmw_course._cli_common.collect_garbage`). Once the command is done and
    its output flushed, the process ends at once (:func:`_exit_now`).
    """
    import gc
    import signal

    gc.disable()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        try:
            cli(prog_name="ncmw-course")
        except Stopped as stopped:
            name = (
                "Ctrl-C"
                if stopped.signal_number == signal.SIGINT
                else signal.Signals(stopped.signal_number).name
            )
            click.echo(
                f"Error: stopped by {name}; the files written before are complete, none is half written",
                err=True,
            )
            sys.exit(128 + stopped.signal_number)
    except SystemExit as exiting:
        _exit_now(exiting.code)
        raise


def _exit_now(code: object) -> None:
    """End the process with `code` now, skipping the interpreter's tear-down; or return, when that is
    not safe, for the usual exit.

    Why: tearing down every object of pydantic, python-docx and lxml took about 45 ms of each
    command, a sixth of an ``export docx``. What the usual exit does that matters is done first:
    the ``atexit`` handlers run (multiprocessing's, logging's) and standard output and error are
    flushed. It returns, and Python exits as it always did, when a thread other than the main one
    still runs, a standard stream cannot be flushed (a closed pipe: Python's exit reports it), or
    the code is not a number (Python prints it). Only here, at the end of the command line: library
    code and the tests' ``CliRunner`` never end the process.
    """
    import atexit

    if code is not None and not isinstance(code, int):
        return
    threading = sys.modules.get("threading")  # not imported: no thread was started from Python
    if threading is not None and any(
        thread.is_alive() and not thread.daemon
        for thread in threading.enumerate()
        if thread is not threading.main_thread()
    ):
        return
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return
    os._exit(code or 0)
