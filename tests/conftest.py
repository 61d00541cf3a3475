"""Shared fixtures: the bundled, minimal and full courses, test data folders and golden files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ncmw_course import Course, load_course

TESTS = Path(__file__).resolve().parent
TESTDATA = TESTS / "testdata"
REPO = TESTS.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files under tests/testdata/ from the current output.",
    )


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
