"""The build service, used from Python: events in course order, the files, the summary, the chunks.

The command that prints these events is tested in tests/test_cli.py (report texts, --jobs, the
progress bar on a terminal); tests/exporters/test_pdf.py checks one LibreOffice run per chunk.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ncmw_course import ExportError, UnknownExporterError, load_course, render
from ncmw_course.building import (
    BuildEvent,
    BuildSummary,
    Failed,
    Planned,
    Progress,
    Skipped,
    Wrote,
    build,
    chunks,
    output_name,
)
from ncmw_course.exporting import exporter_info
from tests.conftest import REPO, TESTDATA

MINIMAL, FULL = TESTDATA / "course_minimal.json", TESTDATA / "course_full.json"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with the minimal and the full course."""
    courses = tmp_path / "courses"
    courses.mkdir()
    for path in (MINIMAL, FULL):
        (courses / path.name).write_bytes(path.read_bytes())
    return courses


def test_builds_a_folder_from_python(tmp_path: Path, folder: Path) -> None:
    """A build without click writes each course's files and the catalogue, and reports each in order."""
    events: list[BuildEvent] = []
    out = tmp_path / "site"
    summary = build([folder], out, formats=["json", "catalogue-json"], on_event=events.append)
    assert events == [
        Planned(files=2, courses=2, documents=2),
        Wrote(out / "gespreksvoering-bij-scheiding.json", "json", "gespreksvoering-bij-scheiding"),
        Wrote(out / "minimale-cursus.json", "json", "minimale-cursus"),
        Wrote(out / "catalogue.json", "catalogue-json", None),
    ]
    assert summary == BuildSummary(out, courses=2, written=3, skipped=0, failures=0)
    assert (summary.ok, str(summary)) == (True, f"Built 3 files for 2 courses in {out}")
    assert sorted(path.name for path in out.iterdir()) == [
        ".ncmw-course-build.json",  # what the build made, for the next one
        "catalogue.json",
        "gespreksvoering-bij-scheiding.json",
        "minimale-cursus.json",
    ]
    assert (out / "minimale-cursus.json").read_bytes() == render(load_course(MINIMAL), "json")


def test_problems_are_events_in_course_order(tmp_path: Path) -> None:
    """An invalid course and a second use of a slug are Failed events where they come; the rest is built."""
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    events: list[BuildEvent] = []
    summary = build([MINIMAL, broken, MINIMAL], tmp_path / "out", formats=["json"], on_event=events.append)
    assert [str(event) for event in events] == [
        "Planned(files=3, courses=1, documents=1)",
        f"Wrote {tmp_path / 'out' / 'minimale-cursus.json'}",
        (
            f"Error: {broken}:1:2: not valid JSON: the file ends before the course does: a closing }} or ] "
            "is missing, or a text is not closed"
        ),
        f"Error: {MINIMAL}: has the slug 'minimale-cursus', like {MINIMAL}; give each course its own slug",
    ]
    assert (summary.ok, summary.failures, summary.courses) == (False, 2, 1)


@pytest.mark.usefixtures("fake_plugin")
class TestNotReady:
    @pytest.fixture
    def fake_plugin(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Install the test plugin whose 'needy' format needs a price."""
        monkeypatch.syspath_prepend(str(REPO / "tests" / "fake_plugin"))

    def test_skipped_names_the_check_with_the_course_file(self, tmp_path: Path) -> None:
        """A format the course is not ready for is Skipped, with the check command for its file."""
        events: list[BuildEvent] = []
        summary = build(MINIMAL, tmp_path, formats=["needy"], on_event=events.append)
        assert events[1:] == [
            Skipped(
                "needy",
                "minimale-cursus",
                f"not ready; missing price (see 'ncmw-course check --for needy {MINIMAL}')",
            )
        ]
        assert (summary.ok, summary.skipped, str(summary)) == (
            True,
            1,
            f"Built 0 files for 1 course in {tmp_path}; skipped 1 file",
        )

    def test_strict_makes_it_a_failure(self, tmp_path: Path) -> None:
        """With strict, the same course is a Failed event with the whole list and the check of its file."""
        events: list[BuildEvent] = []
        build(MINIMAL, tmp_path, formats=["needy"], strict=True, on_event=events.append)
        assert events[1:] == [
            Failed(
                "the course is not ready for needy; add to the course file:\n  - price: the cost\n"
                f"(see 'ncmw-course check --for needy {MINIMAL}')",
                "needy",
                "minimale-cursus",
            )
        ]


@pytest.mark.parametrize("jobs", [1, 2])
def test_ticks_count_every_document(tmp_path: Path, folder: Path, jobs: int) -> None:
    """With ticks, the Progress events add up to the planned documents, in one process or in several."""
    events: list[BuildEvent] = []
    build(folder, tmp_path / "out", formats=["json", "html"], jobs=jobs, on_event=events.append, ticks=True)
    planned = next(event for event in events if isinstance(event, Planned))
    assert sum(event.documents for event in events if isinstance(event, Progress)) == planned.documents == 4


def test_no_ticks_unless_asked(tmp_path: Path, folder: Path) -> None:
    """Without ticks, a build reports no Progress."""
    events: list[BuildEvent] = []
    build(folder, tmp_path, formats=["json"], on_event=events.append)
    assert not any(isinstance(event, Progress) for event in events)


def test_the_bundled_course_by_default(tmp_path: Path) -> None:
    """With no course, the bundled course is built."""
    summary = build(output_dir=tmp_path, formats=["json"])
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".ncmw-course-build.json",
        "ontrouw-binnen-de-relatie.json",
    ]
    assert str(summary) == f"Built 1 file for 1 course in {tmp_path}"


def test_arguments_are_checked_before_anything_is_built(tmp_path: Path) -> None:
    """An unknown format or an option no format takes is raised, and nothing is written."""
    with pytest.raises(UnknownExporterError):
        build(MINIMAL, tmp_path / "out", formats=["nope"])
    with pytest.raises(ExportError) as caught:
        build(MINIMAL, tmp_path / "out", formats=["json", "html"], options={"template": "x.docx"})
    assert str(caught.value) == "no format of the build (json, html) has an option 'template'"
    assert not (tmp_path / "out").exists()


def test_output_name() -> None:
    """A course's document is named by its slug, a catalogue by the word catalogue."""
    course = load_course(MINIMAL)
    assert output_name(exporter_info("edudex"), course) == "minimale-cursus.edudex.json"
    assert output_name(exporter_info("catalogue-json")) == "catalogue.json"
    with pytest.raises(ValueError, match="makes one file per course"):
        output_name(exporter_info("json"))


def test_importing_the_service_imports_no_click() -> None:
    """ncmw_course.building is usable without the command line: importing it loads no click."""
    code = "import sys, ncmw_course.building\nprint(json.dumps('click' in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", f"import json\n{code}"], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) is False


@pytest.mark.parametrize(
    ("tasks", "jobs", "sizes"),
    [
        (0, 2, []),
        (1, 2, [1]),
        (10, 2, [5, 5]),  # one chunk a worker: each starts LibreOffice once
        (100, 2, [50, 50]),
        (101, 2, [26, 26, 26, 23]),  # two a worker: one that finishes early takes the next
        (1000, 2, [167] * 5 + [165]),  # never over 200 at once, and as many chunks for each worker
        (1000, 3, [167] * 5 + [165]),
        (7, 1, [7]),
    ],
)
def test_chunks(tasks: int, jobs: int, sizes: list[int]) -> None:
    """Consecutive chunks, in order, sized for the workers."""
    made = chunks(list(range(tasks)), jobs)
    assert [len(chunk) for chunk in made] == sizes
    assert [task for chunk in made for task in chunk] == list(range(tasks))


@pytest.mark.parametrize(
    ("tasks", "jobs", "sizes"),
    [
        (1, 2, [1]),
        (10, 2, [10]),  # one LibreOffice run for ten brochures, not two runs of five
        (49, 2, [49]),
        (50, 2, [25, 25]),
        (100, 2, [50, 50]),
        (1000, 2, [167] * 5 + [165]),  # never over 200 at once
    ],
)
def test_many_chunks(tasks: int, jobs: int, sizes: list[int]) -> None:
    """The chunks of a format that renders many: each pays for LibreOffice's start."""
    from ncmw_course._schedule import many_chunks

    made = many_chunks(list(range(tasks)), jobs)
    assert [len(chunk) for chunk in made] == sizes
    assert [task for chunk in made for task in chunk] == list(range(tasks))


@pytest.mark.parametrize(
    ("requested", "documents", "catalogue_courses", "pdf", "expected"),
    [
        (None, 5, 0, False, 1),  # a few documents: a pool would cost more than it gives
        (2, 5, 0, False, 1),
        (2, 100, 0, False, 2),
        (1, 100, 0, False, 1),
        (2, 1, 3000, False, 2),  # one course changed in a catalogue of 1000: the catalogues take a worker
        (2, 1, 0, True, 2),  # a PDF: LibreOffice on one worker, the rest on the other
    ],
)
def test_processes(
    requested: int | None, documents: int, catalogue_courses: int, pdf: bool, expected: int
) -> None:
    from ncmw_course._schedule import processes
    from ncmw_course._workers import Job

    formats = ("docx", "pdf") if pdf else ("docx",)
    course = load_course(MINIMAL)
    todo = [Job(None, course, "", formats)] * documents
    found = processes(requested, {"pdf"}, todo, catalogue_courses)
    assert found == (min(expected, os.cpu_count() or 1) if requested is None else expected)


def test_the_schedule_puts_each_course_in_its_chunks() -> None:
    """The PDFs go in chunks of their own, first; each course's outcomes come from all its chunks."""
    from ncmw_course._schedule import Schedule
    from ncmw_course._workers import Job, Outcome

    course = load_course(MINIMAL)
    todo = {place: Job(None, course, str(place), ("json", "pdf")) for place in range(4)}
    todo[4] = Job(None, course, "4", ("json",))
    schedule = Schedule.of(todo, {"pdf"}, 2)
    assert [[job.formats for job in chunk] for chunk in schedule.slow] == [[("pdf",)] * 4]
    assert [[job.source for job in chunk] for chunk in schedule.fast] == [["0", "1", "2"], ["3", "4"]]
    results: list[Callable[[], list[dict[str, Outcome]]]] = [
        lambda: [{"pdf": (Failed("pdf", "pdf", str(place)), None)} for place in range(4)],
        lambda: [{"json": (Failed("json", "json", str(place)), None)} for place in range(3)],
        lambda: [{"json": (Failed("json", "json", str(place)), None)} for place in (3, 4)],
    ]
    assert sorted(schedule.outcomes(3, results)) == ["json", "pdf"]
    assert schedule.outcomes(3, results)["pdf"][0] == Failed("pdf", "pdf", "3")
    assert list(schedule.outcomes(4, results)) == ["json"]
