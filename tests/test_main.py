"""``python -m ncmw_course``: the command, wherever it is run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ncmw_course import load_course, render
from ncmw_course.__main__ import drop_current_directory


def test_runs_the_command(tmp_path: Path) -> None:
    """python -m ncmw_course is the ncmw-course command."""
    result = subprocess.run(
        [sys.executable, "-m", "ncmw_course", "validate"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert (result.returncode, result.stdout.split(":", 1)[0]) == (0, "the bundled course")


def test_an_exporters_folder_in_the_current_directory_is_not_imported(tmp_path: Path) -> None:
    """A folder named exporters where the command runs is not taken for the built-in exporters."""
    (tmp_path / "exporters").mkdir()
    (tmp_path / "exporters" / "__init__.py").write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "ncmw_course", "export", "json", "-o", "-"],
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == render(load_course(), "json")


@pytest.mark.parametrize(
    ("path", "left"),
    [
        (["{cwd}", "/lib"], ["/lib"]),
        (["", "/lib"], ["/lib"]),
        (["/lib", "{cwd}"], ["/lib", "{cwd}"]),
        ([], []),
    ],
)
def test_only_the_current_directory_in_front_is_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: list[str], left: list[str]
) -> None:
    """The entry python -m puts first is dropped when it is the current directory; nothing else is."""
    monkeypatch.chdir(tmp_path)
    path = [entry.format(cwd=tmp_path) for entry in path]
    drop_current_directory(path)
    assert path == [entry.format(cwd=tmp_path) for entry in left]


def _main(arguments: list[str], before: str = "") -> subprocess.CompletedProcess[str]:
    """Run ``main()`` with `arguments` in a new Python, after the code `before`."""
    code = f"{before}\nimport sys\nsys.argv = ['ncmw-course', *{arguments!r}]\nfrom ncmw_course.cli import main\nmain()"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_the_end_runs_the_exit_handlers_after_the_output_and_keeps_the_status(tmp_path: Path) -> None:
    """main() ends the process at once, but only after what the usual exit does that matters: the
    atexit handlers run, all output is written, and the exit status is the command's."""
    handler = "import atexit, sys\natexit.register(lambda: print('handler ran', flush=True))"
    done = _main(["export", "json", "-o", "-"], handler)
    assert (done.returncode, done.stdout) == (0, render(load_course(), "json").decode() + "handler ran\n")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    failed = _main(["validate", str(broken)], handler)
    assert (failed.returncode, failed.stdout) == (1, "handler ran\n")
    assert failed.stderr.startswith(f"Error: {broken}")


def test_a_thread_still_running_is_waited_for_as_before() -> None:
    """With a thread of its own still running (a plugin's), main() leaves the exit to Python, which
    waits for the thread as it always did."""
    thread = (
        "import threading, time\n"
        "threading.Thread(target=lambda: (time.sleep(0.2), print('thread done', flush=True))).start()"
    )
    done = _main(["formats"], thread)
    assert done.returncode == 0
    assert done.stdout.endswith("thread done\n")
