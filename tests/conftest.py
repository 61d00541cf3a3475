"""Shared fixtures (the reference courses, test data folders, golden files) and the session's set-up.

The set-up chooses Hypothesis's profile (``ci`` when ``CI`` is set: derandomised, no example
database) and stops a run at its start when its tests need a program that is not installed
(``tests/system.py``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from ncmw_course import Course, load_course
from tests.system import SYSTEM_MARKERS, missing, missing_message

TESTS = Path(__file__).resolve().parent
TESTDATA = TESTS / "testdata"
REPO = TESTS.parent


settings.register_profile(
    "ci",
    derandomize=True,  # the same examples on every run: a red CI run is a real, repeatable failure
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files under tests/testdata/ from the current output.",
    )


def copy_courses(folder: Path, *names: str) -> Path:
    """`folder`, made, holding copies of the test courses `names` (by default the minimal and the full one)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or ("course_minimal.json", "course_full.json"):
        (folder / name).write_bytes((TESTDATA / name).read_bytes())
    return folder


@pytest.fixture
def bundled_course() -> Course:
    """The course of data/course.json."""
    return load_course()


@pytest.fixture
def minimal_course() -> Course:
    """A course with only the required fields."""
    return load_course(TESTDATA / "course_minimal.json")


@pytest.fixture
def full_course() -> Course:
    """A fictional course with every optional field filled in."""
    return load_course(TESTDATA / "course_full.json")


@pytest.fixture(params=["bundled", "minimal", "full"])
def any_course(request: pytest.FixtureRequest) -> Course:
    """Each of the three reference courses in turn."""
    course: Course = request.getfixturevalue(f"{request.param}_course")
    return course


@pytest.fixture
def testdata_dir(request: pytest.FixtureRequest) -> Path:
    """``tests/testdata/<test module name>/``, where a module keeps its golden files."""
    return TESTDATA / Path(request.path).stem


@pytest.fixture
def golden(request: pytest.FixtureRequest, testdata_dir: Path) -> Callable[[str, bytes], None]:
    """Compare bytes with a golden file, or rewrite the file under ``--update-golden``.

    The comparison is on text, so that pytest shows a diff when they differ.
    """

    def check(name: str, actual: bytes) -> None:
        path = testdata_dir / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(actual)
        assert path.exists(), f"{path} is missing; run pytest --update-golden to create it"
        assert actual.decode("utf-8") == path.read_text(encoding="utf-8")

    return check


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that starts LibreOffice, a browser or Java is ``slow`` too, before ``-m`` selects."""
    for item in items:
        if any(item.get_closest_marker(marker) for marker in SYSTEM_MARKERS):
            item.add_marker(pytest.mark.slow)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Stop before the first test when the selected tests need programs this machine lacks."""
    markers = {
        marker for item in session.items for marker in SYSTEM_MARKERS if item.get_closest_marker(marker)
    }
    needs = missing(markers)
    if needs:
        pytest.exit(missing_message(needs), returncode=pytest.ExitCode.USAGE_ERROR)
