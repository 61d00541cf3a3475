"""The parameters of the commands: paths, formats, check targets, and the exporter options.

Each is checked when its command runs, never for ``--help``, which must stay fast: it imports
nothing of weight beyond click, and loads no exporter (no entry point).

An exporter option is ``-O NAME=VALUE`` on the command line. An
:class:`~ncmw_course.exporting.ExporterOption` may also declare a long flag of its own, as docx and
pdf do for ``--template FILE``; ``-O template=FILE`` says the same. The exporters, a plugin's too,
are known only through their entry points, and ``--help`` must not load those (it stays fast). So
the commands that pass options on (``export``, ``build``) are :class:`OptionsCommand`'s, which
learn the declared flags only when they are needed: when the command line holds a long option that
the command does not define itself. Then the exporters' declarations are loaded and each declared
flag becomes an option of this one run; a flag that no exporter declares is still click's "No such
option". ``--help`` and a command line without such a flag load no exporter.

The help of ``-O`` names the built-in flags in words (:data:`BUILT_IN_FLAGS`); a test keeps them in
step with the built-in exporters' declarations.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import click

from ncmw_course.errors import NcmwCourseError

if TYPE_CHECKING:
    from pathlib import Path

    from ncmw_course.exporting import ExporterOption

__all__ = [
    "BUILT_IN_FLAGS",
    "GivenOptions",
    "OptionsCommand",
    "as_path",
    "check_options",
    "complete_formats",
    "complete_targets",
    "exporter_options",
    "format_argument",
    "format_options",
    "paths",
    "target_option",
]

R = TypeVar("R")

BUILT_IN_FLAGS = "--template FILE (accreditation, accreditation-pdf, docx, pdf); --today YYYY-MM-DD (catalogue-html); --base-url URL (sitemap)"
"""The flags the built-in exporters declare, for the help of ``-O``, which may not load them."""

_FLAGS = "ncmw_course.flags"
"""``Context.meta`` key: the options made for the declared flags in this run."""
_GIVEN = "ncmw_course.given"
"""``Context.meta`` key: what the declared flags gave, by option name: (value, flag)."""


def as_path(value: str) -> Path:
    from pathlib import Path  # imported when a command runs: --help needs no pathlib

    return Path(value)


def paths(_context: click.Context, _parameter: click.Parameter, value: object) -> object:
    """A click callback: the text of a path parameter (or of each, for several) as a Path."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(as_path(item) for item in value)
    assert isinstance(value, str)
    return as_path(value)


def _check_format(name: str) -> str:
    from ncmw_course.exporting import exporter_names

    names = exporter_names()
    if name not in names:
        choices = ", ".join(names) or "none (is ncmw-course installed?)"
        msg = f"unknown format {name!r}; choose one of: {choices}"
        raise click.BadParameter(msg, param_hint="FORMAT")
    return name


def format_argument(_context: click.Context, _parameter: click.Parameter, value: str) -> str:
    return _check_format(value)


def format_options(
    _context: click.Context, _parameter: click.Parameter, values: Sequence[str]
) -> tuple[str, ...]:
    return tuple(_check_format(value) for value in values)


def complete_formats(
    _context: click.Context, _parameter: click.Parameter, incomplete: str
) -> list[click.shell_completion.CompletionItem]:
    """Shell completion of a format name (``export FORMAT``, ``build -f``): no exporter is loaded."""
    from click.shell_completion import CompletionItem

    from ncmw_course.exporting import exporter_names

    return [CompletionItem(name) for name in exporter_names() if name.startswith(incomplete)]


def complete_targets(
    _context: click.Context, _parameter: click.Parameter, incomplete: str
) -> list[click.shell_completion.CompletionItem]:
    """Shell completion of a target of ``check --for``: the checklists and the formats that declare
    requirements (which loads the exporters, not their rendering libraries)."""
    from click.shell_completion import CompletionItem

    from ncmw_course.readiness import target_names

    return [CompletionItem(name) for name in target_names() if name.startswith(incomplete)]


def target_option(_context: click.Context, _parameter: click.Parameter, value: str) -> str:
    """A click callback: `value` must be a target of ``check``, which is known only when the command
    runs (a plugin's format may be one), so that ``--help`` loads no exporter."""
    from ncmw_course.errors import UnknownTargetError
    from ncmw_course.readiness import check_target

    try:
        check_target(value)
    except UnknownTargetError as error:
        raise click.BadParameter(str(error)) from None
    except NcmwCourseError as error:  # the format's exporter cannot be loaded
        raise click.ClickException(str(error)) from None
    return value


@dataclass(frozen=True)
class GivenOptions:
    """The exporter options of a command line, by name, and how each was given."""

    values: dict[str, str]
    """By option name, its value."""
    given_as: dict[str, str]
    """By option name, how it was given, for error messages: ``'-O'`` or its flag, ``--template``."""


class OptionsCommand(click.Command):
    """A command that also takes the flags exporters declare for their options (see the module)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        known = {name for param in super().get_params(ctx) for name in (*param.opts, *param.secondary_opts)}
        options = args[: args.index("--")] if "--" in args else args
        if any(arg.startswith("--") and arg.split("=", 1)[0] not in known for arg in options):
            ctx.meta[_FLAGS] = _declared_flags(known)
        return super().parse_args(ctx, args)

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        return [*super().get_params(ctx), *ctx.meta.get(_FLAGS, ())]


def _declared_flags(known: set[str]) -> list[click.Option]:
    """An option for each flag that a registered exporter declares and the command does not have."""
    from ncmw_course.exporting import exporter_info, exporter_names

    declared: dict[str, list[tuple[str, ExporterOption]]] = {}
    for name in exporter_names():
        try:
            options = exporter_info(name).options
        except NcmwCourseError:  # a broken exporter says so when it is used
            continue
        for option in options:
            if option.flag is not None and option.flag not in known:
                declared.setdefault(option.flag, []).append((name, option))
    return [_flag_option(flag, by) for flag, by in sorted(declared.items())]


def _flag_option(flag: str, declared: list[tuple[str, ExporterOption]]) -> click.Option:
    """The option of one declared flag, which gives its value to the exporter option of its name."""
    formats = ", ".join(name for name, _ in declared)
    names = sorted({option.name for _, option in declared})
    first = declared[0][1]

    def given(ctx: click.Context, _parameter: click.Parameter, value: str | None) -> None:
        if value is None:
            return
        if len(names) > 1:
            msg = f"{formats} declare it for different options ({', '.join(names)}); use -O NAME=VALUE"
            raise click.BadParameter(msg)
        ctx.meta.setdefault(_GIVEN, {})[first.name] = (value, flag)

    return click.Option(
        [flag], metavar=first.metavar, expose_value=False, callback=given, help=f"{first.help} ({formats})."
    )


def _option_pairs(
    _context: click.Context, _parameter: click.Parameter, values: Sequence[str]
) -> dict[str, str]:
    pairs = {}
    for value in values:
        key, equals, setting = value.partition("=")
        if not equals or not key.strip():
            msg = f"{value!r} is not NAME=VALUE, such as -O template=house.docx"
            raise click.BadParameter(msg, param_hint="'-O'")
        pairs[key.strip()] = setting
    return pairs


def exporter_options(command: Callable[..., R]) -> Callable[..., R]:
    """Adds ``-O NAME=VALUE`` to a command of :class:`OptionsCommand`, and passes the command
    ``options``: a :class:`GivenOptions` of what ``-O`` and the declared flags gave (a flag wins)."""

    @functools.wraps(command)
    def with_options(*args: object, extra_options: dict[str, str], **kwargs: object) -> R:
        flags: dict[str, tuple[str, str]] = click.get_current_context().meta.get(_GIVEN, {})
        values = {**extra_options, **{name: value for name, (value, _) in flags.items()}}
        given_as = {
            **dict.fromkeys(extra_options, "'-O'"),
            **{name: flag for name, (_, flag) in flags.items()},
        }
        return command(*args, options=GivenOptions(values, given_as), **kwargs)

    return click.option(
        "-O",
        "--option",
        "extra_options",
        metavar="NAME=VALUE",
        multiple=True,
        callback=_option_pairs,
        help=(
            "An option for the format; repeat for several. Some have a flag of their own: "
            f"{BUILT_IN_FLAGS}. 'ncmw-course formats' lists them all."
        ),
    )(with_options)


def check_options(format_names: Sequence[str], options: GivenOptions, *, every: bool) -> None:
    """Each option must be accepted by the format (`every`) or by at least one of the formats.

    Raises:
        ExportError: With `every`, a format cannot be loaded. (Without, such a format takes no
            option: a build reports it, and builds the others.)
    """
    from ncmw_course.exporting import exporter_info

    accepted: dict[str, set[str]] = {}
    for name in format_names:
        try:
            accepted[name] = {option.name for option in exporter_info(name).options}
        except NcmwCourseError:
            if every:
                raise
            accepted[name] = set()
    for key in options.values:
        takers = [name for name in format_names if key in accepted[name]]
        if (every and len(takers) < len(format_names)) or not takers:
            formats = " or ".join(format_names)
            msg = f"{formats} has no option {key!r}; see 'ncmw-course formats'"
            raise click.BadParameter(msg, param_hint=options.given_as[key])
