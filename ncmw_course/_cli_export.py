"""``ncmw-course export``: one course in one format, to a file or to standard output."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from typing import TYPE_CHECKING

import click

from ncmw_course._cli_common import STDIN, course_argument, detail, handle_user_errors, load, shown, status
from ncmw_course._cli_params import (
    GivenOptions,
    OptionsCommand,
    as_path,
    check_options,
    complete_formats,
    exporter_options,
    format_argument,
    paths,
)

if TYPE_CHECKING:
    from pathlib import Path

    from ncmw_course.exporting import ExporterInfo
    from ncmw_course.model import Course

__all__ = ["DEFAULT_OUTPUT_DIR", "export", "is_binary", "write_stdout"]

DEFAULT_OUTPUT_DIR = "dist"


@click.command(cls=OptionsCommand)
@click.argument("format_name", metavar="FORMAT", callback=format_argument, shell_complete=complete_formats)
@course_argument
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

    COURSE is a course file, '-' for standard input; without it, the bundled
    course. The output's name must end in the format's extension.

    \b
    Examples:
      ncmw-course export docx my-course.json -o brochure.docx
      ncmw-course export json my-course.json -o site/my-course.json
      ncmw-course export json -o - | jq .title
    """
    from ncmw_course._hints import not_ready_for_file
    from ncmw_course.errors import NotReadyError
    from ncmw_course.exporting import exporter_info, render

    check_options([format_name], options, every=True)
    info = exporter_info(format_name)
    to_stdout = output is not None and str(output) == STDIN
    if output is not None and not to_stdout:
        _check_extension(info, output)
    loaded = load(course)
    detail(f"Course: {shown(course)} (“{loaded.title}”, {loaded.slug})")
    detail(f"Format: {info.name} ({info.target}, from {info.distribution})")
    if options.values:
        detail("Options: " + ", ".join(f"{key}={value}" for key, value in options.values.items()))
    if to_stdout and is_binary(info) and _stdout_is_terminal():
        name = _default_name(info, loaded)
        msg = (
            f"{info.name} is a binary format, which would garble the terminal; write it to a file "
            f"with '-o {name}', or redirect standard output: '> {name}'"
        )
        raise click.ClickException(msg)
    started = time.perf_counter()
    try:
        data = render(loaded, format_name, **options.values)
    except NotReadyError as error:
        raise not_ready_for_file(error, course, declares=info.requirement_level is not None) from None
    detail(f"Rendered {len(data)} bytes in {time.perf_counter() - started:.2f} s")
    if to_stdout:
        write_stdout(data)
        return
    _write_file(info, loaded, course, output, options, data)


def _write_file(
    info: ExporterInfo,
    loaded: Course,
    course: Path | None,
    output: Path | None,
    options: GivenOptions,
    data: bytes,
) -> None:
    from ncmw_course._files import refuse_inputs, write_atomically
    from ncmw_course.loading import bundled_course_path

    target = output or as_path(DEFAULT_OUTPUT_DIR) / _default_name(info, loaded)
    course_file = None if course is not None and str(course) == STDIN else course or bundled_course_path()
    refuse_inputs(target, [course_file, *map(as_path, options.values.values())])
    write_atomically(target, data)
    status(f"Wrote {target}")


def _default_name(info: ExporterInfo, course: Course) -> str:
    from ncmw_course._build_events import output_name

    return output_name(info, course)


def is_binary(info: ExporterInfo) -> bool:
    """Whether a format's documents are binary (docx, epub, pdf), not text a terminal can show."""
    media_type = info.media_type.split(";", 1)[0].strip().lower()
    textual = media_type.startswith("text/") or media_type.endswith(("/json", "+json", "/xml", "+xml"))
    return not textual


def _stdout_is_terminal() -> bool:
    try:
        return os.isatty(sys.stdout.fileno())
    except (AttributeError, ValueError, OSError):  # replaced or closed: not a terminal
        return False


def _check_extension(info: ExporterInfo, output: Path) -> None:
    """Refuse an output name whose extension is not the format's (``brochure.pdf`` for docx).

    A name without an extension (``/dev/null``, a pipe) is fine; so is the last part of a
    compound extension (``feed.json`` for edudex's ``.edudex.json``).
    """
    suffix = output.suffix.lower()
    if not suffix or suffix == "." + info.file_extension.lower().rsplit(".", 1)[-1]:
        return
    from ncmw_course.exporting import exporter_info, exporter_names

    others = []
    for name in exporter_names():
        with contextlib.suppress(Exception):  # a broken plugin suggests nothing
            other = exporter_info(name)
            if other.scope == "course" and other.file_extension.lower().endswith(suffix):
                others.append(f"'export {name}'")
    msg = (
        f"{info.name} writes {info.file_extension} files; name the output {output.stem}{info.file_extension}"
    )
    if others:
        msg += f", or use {' or '.join(others)}"
    raise click.BadParameter(msg, param_hint="'-o' / '--output'")


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
