"""Writing files so that a failure never leaves a partial file or damages what is at the path.

What :func:`write_atomically` does at each kind of path:

- nothing there: a new file, through a temporary file in the same folder and a rename; it gets the
  usual permissions (0666 less the umask);
- a regular file: replaced the same way, keeping its permission bits, except that set-user-ID,
  set-group-ID, sticky and world-write bits are never carried over;
- a symbolic link: the file it points to is replaced as above (created when it does not exist yet),
  and the link stays a link, as ``cp``, ``sed -i --follow-symlinks`` and editors do;
- a character device or a named pipe (``/dev/null``, ``/dev/stdout``, a FIFO): written through,
  as pandoc does; renaming over it would replace the device or pipe with a file;
- a folder, a block device or a socket: refused.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ncmw_course.errors import OutputError

__all__ = ["Inputs", "refuse_inputs", "remove_unfinished", "write_all", "write_atomically"]

_KEPT_MODE_BITS = 0o775
"""The permission bits a replaced file passes on: no set-ID, sticky or world-write bit."""


def write_atomically(path: Path, data: bytes) -> Path:
    """Write `data` to `path` so that a failure leaves nothing half-written (see the module's list).

    Missing folders are created.

    Raises:
        OutputError: The path cannot take a document, or the file cannot be written. Nothing is
            left behind, and whatever was at `path` is unchanged.
    """
    try:
        target = _target(path)
        if target is None:  # a device or a pipe: write through
            _write_through(path, data)
        else:
            _replace(target, data)
    except OSError as error:
        raise OutputError(_reason(path, error)) from None
    return path


class Inputs:
    """The files a command reads (course files, a template), to refuse writing over one of them.

    Each is looked up once, so that checking an output is one ``stat``. Why: a build compared each
    of its outputs with each course file, which for 1000 courses was seven million ``stat`` calls.
    """

    def __init__(self, paths: Iterable[Path | None]) -> None:
        self.files: dict[tuple[int, int], Path] = {}
        """The first input path of each file, by device and inode (what ``samefile`` compares)."""
        for given in paths:
            if given is None:
                continue
            with contextlib.suppress(OSError):
                found = given.stat()
                self.files.setdefault((found.st_dev, found.st_ino), given)

    def refuse(self, output: Path) -> None:
        """Refuse to write `output` when it is one of the inputs.

        Raises:
            OutputError: `output` and an input are the same file.
        """
        try:
            found = output.stat()
        except OSError:
            return
        given = self.files.get((found.st_dev, found.st_ino))
        if given is not None:
            msg = f"{output} is also an input of this command ({given}); write the output to another file"
            raise OutputError(msg)


def refuse_inputs(output: Path, inputs: Iterable[Path | None]) -> None:
    """Refuse to write `output` when it is one of the command's input files (the course, a template).

    Raises:
        OutputError: `output` and an input are the same file.
    """
    Inputs(inputs).refuse(output)


def remove_unfinished(folder: Path) -> list[Path]:
    """Remove the temporary files that writes into `folder` left when they were stopped midway.

    Only our own temporary names (``.ncmw-…tmp``) are removed; call it when no write is running.
    """
    removed = []
    for path in folder.glob(".ncmw-*.tmp"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _target(path: Path) -> Path | None:
    """The file to replace for `path`, or None for a device or pipe that is written through.

    Raises:
        OutputError: `path` is a folder, a block device or a socket.
    """
    try:
        found = path.stat()  # follows links: what is written is what the link points to
    except (FileNotFoundError, NotADirectoryError):  # nothing there yet, or a file above it (said later)
        return path.resolve() if path.is_symlink() else path
    kind = found.st_mode
    if stat.S_ISDIR(kind):
        msg = f"{path} is a folder; give a file name to write to"
        raise OutputError(msg)
    if stat.S_ISCHR(kind) or stat.S_ISFIFO(kind):
        return None
    if not stat.S_ISREG(kind):
        what = "a block device" if stat.S_ISBLK(kind) else "a socket" if stat.S_ISSOCK(kind) else "no file"
        msg = f"cannot write {path}: it is {what}; give the path of a file"
        raise OutputError(msg)
    return path.resolve()


def _write_through(path: Path, data: bytes) -> None:
    with path.open("wb", buffering=0) as handle:
        view = memoryview(data)
        while view:
            view = view[handle.write(view) or 0 :]


def _replace(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    temporary = _temporary(path, data, sync=True)
    try:
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _temporary(path: Path, data: bytes, *, sync: bool) -> Path:
    """A temporary file beside `path` that holds `data` (on disk when `sync`), with `path`'s permissions."""
    _make_folder(path.parent)
    # A short name of its own: a long file name plus a suffix could pass the file system's limit.
    # (os.urandom, as secrets.token_hex does: importing secrets imports random, a few ms of every command.)
    temporary = path.with_name(f".ncmw-{os.urandom(6).hex()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            temporary.chmod(stat.S_IMODE(path.stat().st_mode) & _KEPT_MODE_BITS)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def write_all(documents: Sequence[tuple[Path, bytes]]) -> list[OutputError | None]:
    """Write each document as :func:`write_atomically` does, with one flush to disk for them all.

    Each goes to a temporary file; then the file system is synced once (``syncfs``, where Linux
    has it; else each file is synced), and only then is each renamed over its path. Why: syncing
    each of a build's thousands of files took 0.4 to 3 ms a file on a shared machine, a quarter of
    the build; once for a chunk's documents it costs about as much as for one.

    Returns:
        For each document, None when it was written, or why it was not (the others are written).
    """
    errors: list[OutputError | None] = [None] * len(documents)
    pending: list[tuple[int, Path, Path]] = []  # (index, temporary, target)
    renamed = 0
    try:
        for index, (path, data) in enumerate(documents):
            try:
                target = _target(path)
                if target is None:
                    _write_through(path, data)
                else:
                    pending.append((index, _temporary(target, data, sync=False), target))
            except OutputError as error:
                errors[index] = error
            except OSError as error:
                errors[index] = OutputError(_reason(path, error))
        try:
            _sync(
                {temporary.parent for _, temporary, _ in pending}, [temporary for _, temporary, _ in pending]
            )
        except OSError as error:  # none is written: the temporary files go (below)
            for index, _, _ in pending:
                errors[index] = OutputError(_reason(documents[index][0], error))
            return errors
        for index, temporary, target in pending:
            try:
                temporary.replace(target)
            except OSError as error:
                errors[index] = OutputError(_reason(documents[index][0], error))
            renamed += 1
    finally:  # stopped midway, or a bug: no temporary file is left
        for _, temporary, _ in pending[renamed:]:
            temporary.unlink(missing_ok=True)
        for index, temporary, _ in pending[:renamed]:
            if errors[index] is not None:
                temporary.unlink(missing_ok=True)
    return errors


def _sync(folders: set[Path], files: Sequence[Path]) -> None:
    """Get `files` onto the disk: one ``syncfs`` per file system of `folders` where Linux has it, else
    an ``fsync`` of each file."""
    if not files:
        return
    syncfs = _syncfs()
    if syncfs is not None:
        done = True
        for folder in folders:
            descriptor = os.open(folder, os.O_RDONLY)
            try:
                done = syncfs(descriptor) == 0 and done
            finally:
                os.close(descriptor)
        if done:
            return
    for path in files:
        descriptor = os.open(path, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@functools.cache
def _syncfs() -> Callable[[int], int] | None:
    """Linux's ``syncfs`` (glibc), or None where there is none."""
    if sys.platform != "linux":
        return None
    import ctypes

    try:
        function: Callable[[int], int] = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    return function


def _make_folder(folder: Path) -> None:
    """Create `folder` and its parents; a file where a folder should be is named in the error."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocking = next((part for part in (folder, *folder.parents) if part.is_file()), folder)
        raise NotADirectoryError(errno.ENOTDIR, f"{blocking} is a file, not a folder") from None


def _reason(path: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    if error.errno == errno.ENAMETOOLONG:
        reason = f"the file name is too long ({len(path.name)} characters); choose a shorter one"
    kept = ""
    with contextlib.suppress(OSError):
        kept = " The existing file is unchanged." if path.exists() else ""
    return f"cannot write {path}: {reason}.{kept}"
