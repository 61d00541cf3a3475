"""A broken plugin harms nobody else: one that cannot be imported, and ones that raise a bug of their own.

The fake distribution in tests/fake_plugin_faulty registers 'unimportable' (its module imports a
library that is not installed), 'crashing' (render raises KeyError), 'crashing-catalogue'
(render_catalogue raises TypeError) and 'crashing-needs' (requirements raises AttributeError).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ncmw_course import load_course, render
from ncmw_course.building import BuildEvent, Failed, build
from ncmw_course.cli import cli
from ncmw_course.exporting import PluginError, render_each

from .conftest import REPO, TESTDATA

SLUG = "ontrouw-binnen-de-relatie"
UNIMPORTABLE = (
    "the exporter 'unimportable' (faulty_unimportable:Exporter, from faulty-exporters) could not be loaded: "
    "ModuleNotFoundError: No module named 'a_library_this_plugin_forgot_to_require'"
)


def crashed(name: str, target: str, error: str) -> str:
    """The message of a faulty exporter's bug."""
    return (
        f"the exporter '{name}' (faulty_exporters:{target}, from faulty-exporters) failed: {error}; "
        "this is a bug in faulty-exporters, not in the course: report it to the authors of faulty-exporters"
    )


CRASHING = crashed("crashing", "CrashingExporter", "KeyError: 'titel'")
CRASHING_NEEDS = crashed(
    "crashing-needs", "CrashingNeedsExporter", "AttributeError: 'NoneType' object has no attribute 'amount'"
)
CRASHING_CATALOGUE = crashed(
    "crashing-catalogue",
    "CrashingCatalogueExporter",
    "TypeError: sequence item 0: expected a bytes-like object, str found",
)


@pytest.fixture(autouse=True)
def faulty(monkeypatch: pytest.MonkeyPatch) -> None:
    """Install the faulty distribution."""
    monkeypatch.syspath_prepend(str(REPO / "tests" / "fake_plugin_faulty"))


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A runner in an empty folder."""
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_formats_lists_the_broken_one_with_its_error(runner: CliRunner) -> None:
    """formats lists every format; the one that cannot be imported as BROKEN, with why; exit 1."""
    result = runner.invoke(cli, ["formats"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        f"{'unimportable'.ljust(18)}  {'BROKEN'.ljust(19)}  {UNIMPORTABLE}" in lines
    )  # accreditation-json, .accreditation.docx
    assert [line.split()[0] for line in lines if not line.startswith(" ")] == sorted(
        ["unimportable", "crashing", "crashing-catalogue", "crashing-needs", *_built_in()]
    )
    assert result.stderr == (
        "Error: 1 format cannot be loaded (unimportable); the others work (listed as BROKEN, with why)\n"
    )


def _built_in() -> list[str]:
    from importlib.metadata import entry_points

    return [
        point.name
        for point in entry_points(group="ncmw_course.exporters")
        if point.dist and point.dist.name == "ncmw-course"
    ]


def test_build_skips_it_and_builds_the_others(runner: CliRunner, tmp_path: Path) -> None:
    """build reports the format that cannot be loaded and the bugs, and writes the other formats; exit 1."""
    arguments = ["-f", "json", "-f", "unimportable", "-f", "crashing", "-f", "crashing-needs", "-f", "html"]
    result = runner.invoke(cli, ["build", "-f", "catalogue-json", "-f", "crashing-catalogue", *arguments])
    assert (result.exit_code, result.stderr) == (
        1,
        (
            f"Error: skipped the format 'unimportable': {UNIMPORTABLE}\n"
            f"Wrote dist/{SLUG}.json\n"
            f"Error: {CRASHING}\n"
            f"Error: {CRASHING_NEEDS}\n"
            f"Wrote dist/{SLUG}.html\n"
            "Wrote dist/catalogue.json\n"
            f"Error: {CRASHING_CATALOGUE}\n"
            "Built 3 files for 1 course in dist; 4 problems reported above\n"
        ),
    )
    assert sorted(path.name for path in (tmp_path / "dist").iterdir()) == [
        ".ncmw-course-build.json",
        "catalogue.json",
        f"{SLUG}.html",
        f"{SLUG}.json",
    ]
    assert "Traceback" not in result.output


def test_build_of_every_format(runner: CliRunner) -> None:
    """build with no -f skips the broken format too, and the options of the others are checked as before."""
    result = runner.invoke(cli, ["build", "-f", "json", "-f", "unimportable", "-O", "template=x.docx"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "json or unimportable has no option 'template'; see 'ncmw-course formats'\n"
    )


def test_export_of_it_is_one_error_line(runner: CliRunner) -> None:
    """export of the format that cannot be loaded: one Error: line, exit 1, nothing written."""
    result = runner.invoke(cli, ["export", "unimportable"])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {UNIMPORTABLE}\n")
    assert not Path("dist").exists()


def test_export_of_a_crashing_format(runner: CliRunner) -> None:
    """export of a format whose render raises: one Error: line naming the exporter and its package, no traceback."""
    result = runner.invoke(cli, ["export", "crashing"])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {CRASHING}\n")


def test_verbose_shows_the_plugin_s_traceback(runner: CliRunner) -> None:
    """With -v, the plugin's traceback comes before its Error line, for its authors."""
    result = runner.invoke(cli, ["-v", "export", "crashing", "-o", "-"])
    assert result.exit_code == 1
    assert "Traceback (most recent call last):" in result.stderr
    assert 'return {"title": course.title}["titel"]' in result.stderr
    assert result.stderr.endswith(f"KeyError: 'titel'\nError: {CRASHING}\n")


def test_with_workers_too(tmp_path: Path) -> None:
    """A plugin's bug in a worker process is a Failed event with its traceback as details."""
    events: list[BuildEvent] = []
    courses = [TESTDATA / "course_minimal.json", TESTDATA / "course_full.json"]
    summary = build(courses, tmp_path, formats=["crashing", "json"], jobs=2, on_event=events.append)
    failures = [event for event in events if isinstance(event, Failed)]
    assert [(event.message, event.format) for event in failures] == [(CRASHING, "crashing")] * 2
    assert all(event.details and "KeyError: 'titel'" in event.details for event in failures)
    assert (summary.written, summary.ok) == (2, False)


def test_the_library_raises_a_plugin_error() -> None:
    """render raises a PluginError (an NcmwCourseError) with the traceback; render_each gives it per course."""
    course = load_course()
    with pytest.raises(PluginError) as raised:
        render(course, "crashing")
    assert str(raised.value) == CRASHING
    assert isinstance(raised.value.__cause__, KeyError)
    from ncmw_course.exporting import get_exporter

    results = render_each(get_exporter("crashing"), [course, course], "crashing")
    assert [str(result) for result in results] == [CRASHING, CRASHING]


def test_a_bug_in_a_built_in_exporter_keeps_its_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """ncmw-course's own exporters are not plugins of others: their bugs propagate as they are."""
    from exporters.json import JsonExporter

    def broken(self: object, course: object) -> bytes:
        raise ZeroDivisionError

    monkeypatch.setattr(JsonExporter, "render", broken)
    with pytest.raises(ZeroDivisionError):
        render(load_course(), "json")


def test_check_for_a_crashing_plugin_is_one_error_line(runner: CliRunner) -> None:
    """check --for a plugin whose requirements() raises: one Error: line naming it, no traceback, exit 1."""
    result = runner.invoke(cli, ["check", "--for", "crashing-needs"])
    assert (result.exit_code, result.stderr) == (1, f"Error: {CRASHING_NEEDS}\n")
