"""LibreOffice run apart: no network, no linked files or macros, and nothing left when it stops.

The Word file LibreOffice converts is already sanitised (:mod:`exporters._template`); this is
the second line of defence, for whatever sanitising might miss:

* :func:`network_prefix` runs LibreOffice in a network namespace of its own, where not even
  localhost answers: ``unshare --net`` where the build may create one (root, or ``CAP_SYS_ADMIN``),
  else ``unshare --map-root-user --net`` where unprivileged user namespaces are allowed. Where
  neither works (no ``unshare``, macOS, a container that forbids namespaces), LibreOffice runs with
  the network of the build, and only its own settings keep it off; setting
  ``NCMW_COURSE_PDF_ISOLATION=require`` makes that an error instead.
* :func:`write_profile` gives each run a fresh profile whose settings block every link a document
  makes to a file or URL (``BlockUntrustedRefererLinks``: no linked image is fetched, no local file
  embedded) and disable macros.
* :func:`start` puts LibreOffice in a process group of its own and :func:`stop` kills the whole
  group: ``soffice`` is a launcher whose ``soffice.bin`` child would outlive it.
* :func:`sigterm_raises` turns SIGTERM into an exception while converting, so that LibreOffice
  and its temporary folder are removed before the process ends as SIGTERM asked.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import subprocess
import threading
import time
from typing import IO, TYPE_CHECKING

from ncmw_course.errors import ExportError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path
    from types import FrameType

__all__ = [
    "ISOLATION_VARIABLE",
    "Terminated",
    "group_alive",
    "network_prefix",
    "sigterm_raises",
    "start",
    "stop",
    "write_profile",
]

ISOLATION_VARIABLE = "NCMW_COURSE_PDF_ISOLATION"
"""``require``: refuse to convert where LibreOffice cannot be cut off from the network."""


def network_prefix() -> list[str]:
    """The command that runs a program without network (``unshare … --``), or [] where none works.

    Raises:
        ExportError: :data:`ISOLATION_VARIABLE` is ``require`` and no network namespace can be made,
            or it has a value other than ``require`` or ``auto``.
    """
    wanted = os.environ.get(ISOLATION_VARIABLE, "").strip() or "auto"
    if wanted not in ("auto", "require"):
        msg = f"{ISOLATION_VARIABLE} must be 'auto' or 'require', not {wanted!r}"
        raise ExportError(msg)
    unshare = shutil.which("unshare")
    prefix = list(_working_unshare(unshare)) if unshare else []
    if not prefix and wanted == "require":
        msg = (
            f"{ISOLATION_VARIABLE}=require, but LibreOffice cannot be run without network here: "
            "'unshare --net' needs root or unprivileged user namespaces (util-linux, Linux)"
        )
        raise ExportError(msg)
    return prefix


@functools.cache
def _working_unshare(unshare: str) -> tuple[str, ...]:
    """The first of ``unshare --net`` and ``unshare --map-root-user --net`` that works here, or ()."""
    for prefix in ((unshare, "--net", "--"), (unshare, "--map-root-user", "--net", "--")):
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            if (
                subprocess.run([*prefix, "true"], capture_output=True, timeout=10, check=False).returncode
                == 0
            ):
                return prefix
    return ()


_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
</oor:items>
"""
"""LibreOffice's settings for a conversion: no linked file or URL is loaded, no macro runs."""


def write_profile(folder: Path) -> str:
    """Make a fresh LibreOffice profile in `folder` with :data:`_REGISTRY`; its URI for ``-env:UserInstallation``."""
    user = folder / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
    return folder.as_uri()


def start(command: list[str], stderr: IO[bytes], temporary: Path) -> subprocess.Popen[bytes]:
    """Start `command` in a new session (its own process group), its stdout piped, its temporary
    files in `temporary` (LibreOffice writes some outside its profile)."""
    environment = {**os.environ, "TMPDIR": str(temporary), "TMP": str(temporary), "TEMP": str(temporary)}
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=stderr, env=environment, start_new_session=True
    )


def stop(process: subprocess.Popen[bytes], *, wait: float = 2.0) -> None:
    """Kill `process` and every process of its group, and wait up to `wait` seconds for the group to go."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    process.wait()
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:  # the launcher is gone; its children may take a moment
        if not group_alive(process.pid):
            return
        time.sleep(0.02)


def group_alive(group: int) -> bool:
    """Whether a process of the process group `group` still runs.

    A zombie does not count: it has ended, and only waits for its parent to collect its exit status.
    Why it matters: LibreOffice starts gpg helpers that end as zombies of the init process once
    LibreOffice is gone, and an init that collects them only now and then (as a container's may)
    kept the group in existence for about a second after every conversion. Without ``/proc``
    (macOS), the group counts while any member, zombie or not, is in it.
    """
    try:
        os.killpg(group, 0)
    except (ProcessLookupError, PermissionError):
        return False
    try:
        entries = os.listdir("/proc")  # noqa: PTH208 (polled every 20 ms: names, not Path objects)
    except OSError:
        return True
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as file:  # noqa: PTH123 (a hot loop: no Path objects)
                stat = file.read()
        except OSError:
            continue
        fields = stat.rpartition(b")")[2].split()  # after the name, which may hold spaces and ')'
        if len(fields) > 2 and fields[2] == str(group).encode() and fields[0] not in (b"Z", b"X"):
            return True
    return False


class Terminated(BaseException):
    """SIGTERM arrived while converting: unwinds like KeyboardInterrupt, so that clean-up runs."""


@contextlib.contextmanager
def sigterm_raises() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Terminated`; after clean-up it is delivered again.

    Only in the main thread (where Python runs signal handlers), and not where SIGTERM is ignored
    or handled outside Python. A second SIGTERM during clean-up is ignored. If the handler in place
    before lets the process live on, the conversion ends in an :class:`ExportError`.
    """
    previous = signal.getsignal(signal.SIGTERM)
    if threading.current_thread() is not threading.main_thread() or previous in (signal.SIG_IGN, None):
        yield
        return
    received: list[int] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        if not received:
            received.append(signum)
            raise Terminated

    signal.signal(signal.SIGTERM, handler)
    try:
        yield
    except Terminated:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    if received:
        os.kill(os.getpid(), signal.SIGTERM)  # the default action ends the process here
        msg = "the conversion to PDF was stopped by SIGTERM"
        raise ExportError(msg)
