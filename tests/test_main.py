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
