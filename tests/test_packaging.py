"""The package as users install it: a wheel that carries the bundled course and the exporters."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("ncmw_course-*.whl")
    return built


def test_wheel_contents(wheel: Path) -> None:
    """The wheel holds both packages, the typing marker, the bundled course, the house template and
    the entry points."""
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "ncmw_course/py.typed",
        "ncmw_course/data/course.json",
        "exporters/json.py",
        "exporters/house.docx",
    } <= names
    entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "\njson = exporters.json:JsonExporter\n" in text.split("[ncmw_course.exporters]", 1)[1]
    assert "[console_scripts]\nncmw-course = ncmw_course.cli:main" in text
    assert (
        zipfile.ZipFile(wheel).read("ncmw_course/data/course.json")
        == (REPO / "data" / "course.json").read_bytes()
    )


def test_installed_wheel_loads_the_bundled_course_anywhere(wheel: Path, tmp_path: Path) -> None:
    """Installed from the wheel and run from another folder, load_course() finds the bundled course."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import json, ncmw_course\n"
        "from ncmw_course import bundled_course_path, load_course, render\n"
        "course = load_course()\n"
        "print(json.dumps([ncmw_course.__file__, str(bundled_course_path()), course.slug,"
        " json.loads(render(course, 'json'))['title']]))\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=environment,
        check=True,
    )
    module_file, bundled, slug, title = json.loads(result.stdout)
    assert Path(module_file).is_relative_to(target)
    assert Path(bundled) == target / "ncmw_course" / "data" / "course.json"
    assert (slug, title) == ("ontrouw-binnen-de-relatie", "Ontrouw binnen de relatie")


def test_wheel_metadata_has_the_one_version_and_the_licence(wheel: Path) -> None:
    """The wheel's version is ncmw_course/_version.py's, and it carries the AGPL text as its licence file."""
    from ncmw_course import __version__

    assert wheel.name.startswith(f"ncmw_course-{__version__}-")
    archive = zipfile.ZipFile(wheel)
    metadata = archive.read(f"ncmw_course-{__version__}.dist-info/METADATA").decode("utf-8")
    assert f"\nVersion: {__version__}\n" in metadata
    assert "\nLicense-Expression: AGPL-3.0-or-later\n" in metadata
    assert (
        archive.read(f"ncmw_course-{__version__}.dist-info/licenses/LICENSE")
        == (REPO / "LICENSE").read_bytes()
    )


def test_licence_is_the_agpl() -> None:
    """LICENSE is the GNU AGPL version 3, as the FSF publishes it (EbookLib ships the same text)."""
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith(
        "GNU AFFERO GENERAL PUBLIC LICENSE\n                       Version 3, 19 November 2007"
    )
    assert hashlib.md5(text.encode("utf-8")).hexdigest() == "73f1eb20517c55bf9493b7dd6e480788"


def test_changelog_starts_with_this_version() -> None:
    """CHANGELOG.md's first released version is the package's version."""
    from ncmw_course import __version__

    versions = re.findall(
        r"^## \[(\d[^\]]*)\]", (REPO / "CHANGELOG.md").read_text(encoding="utf-8"), re.MULTILINE
    )
    assert versions[0] == __version__
