"""Finding and loading exporters: another package named exporters is named, not a confusing import error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import exporters
from ncmw_course._registry import BUILT_IN_PACKAGE, exporter_names

ADVICE = (
    "which is not ncmw-course's built-in exporters (another installed package, or a folder named "
    "'exporters' in the current directory, provides it too); uninstall that package or rename that "
    "folder, or install ncmw-course in a separate virtual environment"
)


def other_exporters(site: Path, init: str) -> Path:
    """Another distribution that installs a top-level package exporters into `site`; its __init__.py."""
    (site / "exporters").mkdir(parents=True)
    (site / "exporters-1.0.dist-info").mkdir()
    (site / "exporters-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: exporters\nVersion: 1.0\n", encoding="utf-8"
    )
    init_file = site / "exporters" / "__init__.py"
    init_file.write_text(init, encoding="utf-8")
    return init_file


def ncmw_course(
    arguments: list[str], cwd: Path, pythonpath: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The command run as `python -c`, whose path starts with `cwd`, and `pythonpath` before site-packages."""
    environment = dict(os.environ)
    if pythonpath is not None:
        environment["PYTHONPATH"] = str(pythonpath)
    code = f"import sys; sys.argv = ['ncmw-course', *{arguments!r}]; from ncmw_course.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, env=environment, check=False
    )


def test_the_built_in_package_is_marked() -> None:
    """exporters/__init__.py carries the marker that loading a built-in format checks."""
    assert exporters.__name__ == BUILT_IN_PACKAGE
    assert exporters.__ncmw_course__ is True


@pytest.mark.parametrize(
    "init",
    ['"""Exporters for another project."""\n', "import a_dependency_that_is_not_installed\n"],
    ids=["importable", "broken"],
)
def test_another_installed_package_named_exporters(tmp_path: Path, init: str) -> None:
    """Another distribution's top-level exporters is named in one Error line with what to do; exit 1."""
    init_file = other_exporters(tmp_path / "site", init)
    (tmp_path / "work").mkdir()
    result = ncmw_course(["export", "json", "-o", "-"], tmp_path / "work", pythonpath=tmp_path / "site")
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        (
            f"Error: the format 'json' cannot be loaded: Python imports the package 'exporters' from "
            f"{init_file}, {ADVICE}\n"
        ),
    )


def test_a_folder_named_exporters_where_python_runs(tmp_path: Path) -> None:
    """Run with the current directory on the path (python -c), a folder named exporters there is named
    for each built-in format that formats lists as broken."""
    init_file = other_exporters(tmp_path, "")
    result = ncmw_course(["formats"], tmp_path)
    names = ", ".join(exporter_names())
    assert (result.returncode, result.stderr) == (
        1,
        f"Error: {len(exporter_names())} formats cannot be loaded ({names}); the others work (listed as BROKEN, with why)\n",
    )
    assert result.stdout.splitlines()[0] == (
        "accreditation       BROKEN  the format 'accreditation' cannot be loaded: Python imports the package "
        f"'exporters' from {init_file}, {ADVICE}"
    )
