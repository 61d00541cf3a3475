"""Hints that name the course file they are about: the ``check`` command to run for it.

A hint without the file would send the user to the bundled course: ``export edudex my.json`` once
said "see 'ncmw-course check --for edudex'", which checks the bundled course instead.
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

from ncmw_course.errors import NotReadyError

if TYPE_CHECKING:
    import os

__all__ = ["check_command", "not_ready_for_file"]


def check_command(target: str, course: str | os.PathLike[str] | None) -> str:
    """The command that checks `course` (``None`` for the bundled course) for `target`, quoted for a shell."""
    command = f"ncmw-course check --for {target}"
    return command if course is None else f"{command} {shlex.quote(str(course))}"


def not_ready_for_file(
    error: NotReadyError, course: str | os.PathLike[str] | None, *, declares: bool
) -> NotReadyError:
    """`error` with its check command naming `course`; without one when the format `declares` no
    requirements (it is then no target of ``check``)."""
    if not declares:
        plain = NotReadyError(error.format_name, error.missing)
        message = str(plain).rsplit("\n(see '", 1)[0]
        return _with_message(plain, message)
    # NotReadyError words the message; the target it names is the whole check command's argument
    target = check_command(error.format_name, course).removeprefix("ncmw-course check --for ")
    return NotReadyError(error.format_name, error.missing, target=target)


def _with_message(error: NotReadyError, message: str) -> NotReadyError:
    error.args = (message,)
    return error
