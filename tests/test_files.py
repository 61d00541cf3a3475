"""ncmw_course._files: writing never destroys what is at the path, whatever kind of thing it is."""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from ncmw_course._files import refuse_inputs, write_all, write_atomically
from ncmw_course.errors import OutputError


def leftovers(folder: Path) -> list[str]:
    """Temporary files left in `folder`."""
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_a_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    """A new file is 0666 less the umask, in folders that are created."""
    old = os.umask(0o022)
    try:
        written = write_atomically(tmp_path / "a" / "b" / "c.json", b"{}")
    finally:
        os.umask(old)
    assert written.read_bytes() == b"{}"
    assert stat.S_IMODE(written.stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_permissions_but_no_special_bits(tmp_path: Path) -> None:
    """Replacing keeps the old mode, without set-user-ID, set-group-ID, sticky or world-write bits."""
    path = tmp_path / "c.json"
    path.write_bytes(b"old")
    path.chmod(0o6777)
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o775
    assert leftovers(tmp_path) == []


def test_a_symlink_stays_a_link_and_its_target_is_replaced(tmp_path: Path) -> None:
    """Writing to a link replaces the file it points to; the link is still a link."""
    target = tmp_path / "real" / "c.json"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == leftovers(target.parent) == []


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    """A link to a file that does not exist yet: that file is created, and the link kept."""
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "later.json")
    write_atomically(link, b"data")
    assert link.is_symlink()
    assert (tmp_path / "later.json").read_bytes() == b"data"


def test_a_character_device_is_written_through() -> None:
    """/dev/null takes the data and stays a character device."""
    write_atomically(Path("/dev/null"), b"data")
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_a_full_device_is_an_error_and_stays_a_device() -> None:
    """/dev/full fails with the system's reason, and is still the device afterwards."""
    with pytest.raises(OutputError) as raised:
        write_atomically(Path("/dev/full"), b"data")
    assert (
        str(raised.value)
        == "cannot write /dev/full: No space left on device. The existing file is unchanged."
    )
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_a_fifo_is_written_through_to_its_reader(tmp_path: Path) -> None:
    """A named pipe stays a pipe, and its reader gets every byte."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomically(fifo, b"x" * 200_000)
    reader.join(timeout=10)
    assert received == [b"x" * 200_000]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    """A folder at the path is an error that says to give a file name."""
    with pytest.raises(OutputError, match=r"is a folder; give a file name to write to$"):
        write_atomically(tmp_path, b"data")


def test_a_socket_is_refused(tmp_path: Path) -> None:
    """A socket is neither replaced nor written to."""
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(OutputError) as raised:
            write_atomically(path, b"data")
    assert str(raised.value) == f"cannot write {path}: it is a socket; give the path of a file"


def test_a_file_where_a_folder_should_be_is_named(tmp_path: Path) -> None:
    """Writing below a file says which part of the path is a file, not "File exists"."""
    (tmp_path / "plain").write_bytes(b"")
    path = tmp_path / "plain" / "sub" / "c.json"
    with pytest.raises(OutputError) as raised:
        write_atomically(path, b"data")
    assert str(raised.value) == f"cannot write {path}: {tmp_path / 'plain'} is a file, not a folder."


def test_a_name_too_long_says_so(tmp_path: Path) -> None:
    """A 300-character file name is a clear error, not a traceback."""
    path = tmp_path / ("n" * 300 + ".json")
    with pytest.raises(OutputError) as raised:
        write_atomically(path, b"data")
    assert (
        str(raised.value)
        == f"cannot write {path}: the file name is too long (305 characters); choose a shorter one."
    )


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the disk fills up mid-write, the existing file is unchanged and nothing is left behind."""
    path = tmp_path / "c.json"
    path.write_bytes(b"old")

    def full(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match=r"No space left on device\. The existing file is unchanged\.$"):
        write_atomically(path, b"new")
    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_an_input_file_is_refused_as_output(tmp_path: Path) -> None:
    """The output may not be one of the command's inputs, also through another name for it."""
    course = tmp_path / "course.json"
    course.write_bytes(b"{}")
    alias = tmp_path / "alias.json"
    alias.symlink_to(course)
    with pytest.raises(OutputError) as raised:
        refuse_inputs(alias, [None, course])
    assert str(raised.value) == (
        f"{alias} is also an input of this command ({course}); write the output to another file"
    )
    refuse_inputs(tmp_path / "other.json", [course])


class TestWriteAll:
    """write_all: each document as write_atomically writes it, with one flush to disk for all."""

    def test_each_is_written_and_a_problem_is_its_own(self, tmp_path: Path) -> None:
        """A document that cannot be written (its path is a folder) is an error; the others are written."""
        (tmp_path / "folder.json").mkdir()
        old = tmp_path / "old.json"
        old.write_bytes(b"old")
        old.chmod(0o640)
        errors = write_all(
            [
                (tmp_path / "a.json", b"a"),
                (tmp_path / "folder.json", b"x"),
                (old, b"new"),
                (Path("/dev/null"), b"n"),
            ]
        )
        assert [str(error) if error else None for error in errors] == [
            None,
            f"{tmp_path / 'folder.json'} is a folder; give a file name to write to",
            None,
            None,
        ]
        assert ((tmp_path / "a.json").read_bytes(), old.read_bytes()) == (b"a", b"new")
        assert stat.S_IMODE(old.stat().st_mode) == 0o640
        assert leftovers(tmp_path) == []

    @pytest.mark.parametrize("syncfs", [True, False], ids=["syncfs", "fsync each"])
    def test_they_are_on_disk_before_they_are_renamed(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, syncfs: bool
    ) -> None:
        """No document takes its name before the flush to disk, with syncfs or without."""
        from ncmw_course import _files

        calls: list[str] = []
        real_fsync, real_replace, real_syncfs = os.fsync, Path.replace, _files._syncfs()
        assert real_syncfs is not None  # Linux

        def fsync(descriptor: int) -> None:
            calls.append("fsync")
            real_fsync(descriptor)

        def syncfs_call(descriptor: int) -> int:
            calls.append("syncfs")
            return real_syncfs(descriptor)

        def replace(self: Path, target: Path) -> Path:
            calls.append("rename")
            return real_replace(self, target)

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(_files, "_syncfs", lambda: syncfs_call if syncfs else None)
        monkeypatch.setattr(Path, "replace", replace)
        write_all([(tmp_path / "a.json", b"a"), (tmp_path / "b.json", b"b")])
        assert calls == (["syncfs"] if syncfs else ["fsync", "fsync"]) + ["rename", "rename"]

    def test_stopped_before_the_renames_it_leaves_nothing(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Stopped (SIGTERM raises) while flushing: no document is written and no temporary file left."""
        from ncmw_course import _files

        def stopped(_folders: object, _files: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(_files, "_sync", stopped)
        (tmp_path / "a.json").write_bytes(b"old")
        with pytest.raises(KeyboardInterrupt):
            write_all([(tmp_path / "a.json", b"new"), (tmp_path / "b.json", b"b")])
        assert (tmp_path / "a.json").read_bytes() == b"old"
        assert sorted(path.name for path in tmp_path.iterdir()) == ["a.json"]
