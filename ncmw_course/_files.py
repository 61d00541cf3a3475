"""Writing files so that a failure never leaves a partial file or damages an existing one."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from ncmw_course.errors import OutputError

__all__ = ["write_atomically"]


def write_atomically(path: Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    The folder is created when missing. A new file gets the usual permissions (0666 less the umask);
    a replaced file keeps its own.

    Raises:
        OutputError: `path` is a folder, or the file cannot be written. Nothing is left behind, and
            an existing file at `path` is unchanged.
    """
    if path.is_dir():
        msg = f"{path} is a folder; give a file name to write to"
        raise OutputError(msg)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            with contextlib.suppress(FileNotFoundError):
                temporary.chmod(stat.S_IMODE(path.stat().st_mode))
            temporary.replace(path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except OSError as error:
        reason = error.strerror or str(error)
        kept = " The existing file is unchanged." if path.exists() else ""
        msg = f"cannot write {path}: {reason}.{kept}"
        raise OutputError(msg) from None
    return path
