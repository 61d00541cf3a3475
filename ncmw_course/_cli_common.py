"""What the commands share: turning user errors into ``Error: …``, how much they say (``-q``,
``-v``), and course files named on the command line (``-`` for standard input).

Imports only click, so that ``--help`` stays fast.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import click

from ncmw_course._cli_params import paths
from ncmw_course.errors import NcmwCourseError

if TYPE_CHECKING:
    from pathlib import Path

    from ncmw_course.model import Course

__all__ = [
    "STDIN",
    "Stopped",
    "collect_garbage",
    "course_argument",
    "courses_argument",
    "detail",
    "handle_user_errors",
    "is_quiet",
    "is_verbose",
    "load",
    "or_bundled",
    "set_verbosity",
    "shown",
    "source",
    "status",
]

P = ParamSpec("P")
R = TypeVar("R")

STDIN = "-"
"""A course file named ``-`` is read from standard input."""

_VERBOSITY = "ncmw_course.verbosity"
"""``Context.meta`` key: -1 with ``--quiet``, 1 with ``--verbose``, else 0."""


def set_verbosity(context: click.Context, *, quiet: bool, verbose: bool) -> None:
    """Remember ``-q`` or ``-v`` for the commands of this run."""
    if quiet and verbose:
        msg = "-q/--quiet and -v/--verbose cannot be used together; choose one"
        raise click.UsageError(msg, context)
    context.meta[_VERBOSITY] = -1 if quiet else 1 if verbose else 0


def _verbosity() -> int:
    context = click.get_current_context(silent=True)
    return 0 if context is None else int(context.meta.get(_VERBOSITY, 0))


def is_quiet() -> bool:
    """Whether ``-q`` asked for errors only."""
    return _verbosity() < 0


def is_verbose() -> bool:
    """Whether ``-v`` asked for details too."""
    return _verbosity() > 0


def status(message: str) -> None:
    """A status message on stderr, such as ``Wrote …``; ``-q`` leaves it out."""
    if _verbosity() >= 0:
        click.echo(message, err=True)


def detail(message: str) -> None:
    """A detail on stderr that only ``-v`` shows: the files and options used, timings, tracebacks."""
    if _verbosity() > 0:
        click.echo(message, err=True)


def collect_garbage() -> None:
    """Turn Python's cycle collector back on, for a command whose work grows with its input.

    Why: :func:`ncmw_course.cli.main` turns it off, since its passes over every object of the
    libraries as they are imported took about 9 ms of an ``export``, which makes one document and
    ends. ``build``, ``preview`` and ``validate`` of several files make garbage in proportion to their
    input (python-docx's documents are cycles), so they collect it.
    """
    import gc

    gc.enable()


def handle_user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn an :class:`NcmwCourseError` into ``Error: …`` and exit 1; bugs keep their traceback.

    With ``-v``, the traceback of a third-party exporter's bug (a ``PluginError``) comes first.
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except NcmwCourseError as error:
            details = getattr(error, "details", None)
            if details:
                detail(details.rstrip("\n"))
            raise click.ClickException(str(error)) from None

    return wrapper


def source(path: Path | None) -> Path | str | None:
    """What to give ``load_course`` for a course argument: the text ``-`` for standard input."""
    return STDIN if path is not None and str(path) == STDIN else path


def load(path: Path | None) -> Course:
    """The course of a course argument (``None`` for the bundled course, ``-`` for standard input)."""
    from ncmw_course.loading import load_course

    return load_course(source(path))


def or_bundled(courses: Sequence[Path]) -> Sequence[Path | None]:
    """The course paths given, or the bundled course (``None``) when there are none."""
    return courses or [None]


def shown(path: Path | None) -> str:
    """How reports name a course argument."""
    from ncmw_course._build_events import BUNDLED

    if path is None:
        return BUNDLED
    return "standard input" if str(path) == STDIN else str(path)


courses_argument = click.argument(
    "courses",
    metavar="[COURSE]...",
    nargs=-1,
    type=click.Path(readable=False, allow_dash=True),
    callback=paths,
)
course_argument = click.argument(
    "course",
    metavar="[COURSE]",
    required=False,
    type=click.Path(readable=False, allow_dash=True),
    callback=paths,
)


class Stopped(BaseException):
    """The command was told to stop (SIGTERM, or Ctrl-C): raised where it is, so that cleanup runs."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number
