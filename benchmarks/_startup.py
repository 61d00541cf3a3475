"""(a) One command, beside pandoc: ``export docx`` and ``export epub``, their floors, ``--help``;
(b) rendering in-process."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _pandoc import course_markdown
from _report import Target, ms, ratio, spread
from _timing import Sample, pair_ratios, rounds, run_command

__all__ = ["CLI", "renders", "startup"]

CLI = Path(sys.executable).with_name("ncmw-course")
FLOOR = "import click, pydantic.main, pydantic.networks, phonenumbers, "
"""The floor of the design: Python importing the libraries a command is built on, and nothing else."""


def startup(work: Path, pandoc: str, count: int) -> tuple[list[str], list[Target]]:
    """(a): the sides in turns, `count` rounds; the section's lines and the targets."""
    from ncmw_course.loading import load_course

    markdown = work / "course.md"
    markdown.write_text(course_markdown(load_course(None)), encoding="utf-8")
    python = sys.executable

    def command(*arguments: str | Path) -> Callable[[], Sample]:
        return lambda: run_command(arguments, cwd=work)

    sides = {
        "pandoc docx": command(pandoc, markdown, "-o", "p.docx"),
        "export docx": command(CLI, "export", "docx", "-o", "c.docx"),
        "floor docx": command(python, "-c", FLOOR + "docx"),
        "pandoc epub": command(pandoc, markdown, "-o", "p.epub"),
        "export epub": command(CLI, "export", "epub", "-o", "c.epub"),
        "floor epub": command(python, "-c", FLOOR + "ebooklib.epub"),
        "--help": command(CLI, "--help"),
        "python -c pass": command(python, "-c", "pass"),
    }
    series = rounds(sides, count)
    lines = [
        f"## (a) One command: wall time, {count} rounds",
        "",
        "In each round every command runs once, in this order, so that the machine's load touches them",
        "alike; a ratio is taken within each round. The floor is Python importing the libraries the",
        "command is built on (click, pydantic, phonenumbers, and python-docx or ebooklib) and nothing",
        "else: what the design cannot go below. pandoc converts the same course, written as Markdown.",
        "",
        "| command | median | min–max | / pandoc, median | min–max |",
        "|---|---:|---:|---:|---:|",
    ]
    targets = []
    for name, limit in (("docx", 3.3), ("epub", 2.3)):
        theirs = series[f"pandoc {name}"]
        ours = pair_ratios(series[f"export {name}"], theirs)
        floor = pair_ratios(series[f"floor {name}"], theirs)
        for label, key, ratios in (
            (f"pandoc {name}", f"pandoc {name}", None),
            (f"`ncmw-course export {name}`", f"export {name}", ours),
            (
                f"floor: Python importing click, pydantic, phonenumbers, {name} library",
                f"floor {name}",
                floor,
            ),
        ):
            lines.append(_row(label, series[key].walls, ratios))
        median = statistics.median(ours)
        note = (
            f"{ms(series[f'export {name}'].median)} vs {ms(theirs.median)}; design floor "
            f"{ratio(statistics.median(floor))} ({spread(floor)})"
        )
        targets.append(
            Target(f"`export {name}` ≤ {limit}× pandoc", ratio(median), spread(ours), median <= limit, note)
        )
    for key in ("--help", "python -c pass"):
        lines.append(
            _row(f"`{key}`" if key == "--help" else f"Python alone: `{key}`", series[key].walls, None)
        )
    help_ = series["--help"]
    targets.append(
        Target(
            "`--help` ≤ 60 ms",
            ms(help_.median),
            spread(help_.walls, "ms"),
            help_.median <= 0.060,
            f"Python alone starts in {ms(series['python -c pass'].median)}",
        )
    )
    return [*lines, ""], targets


def _row(label: str, walls: list[float], ratios: list[float] | None) -> str:
    versus = f"{ratio(statistics.median(ratios))} | {spread(ratios)}" if ratios else " | "
    return f"| {label} | {ms(statistics.median(walls))} | {spread(walls, 'ms')} | {versus} |"


def renders(rounds_: int = 5, block: int = 21) -> list[str]:
    """(b): the median render time of each format on the bundled course, made once; in turns."""
    from ncmw_course.errors import NotReadyError
    from ncmw_course.exporting import CatalogueExporter, exporter_names, get_exporter
    from ncmw_course.loading import load_course

    course = load_course(None)
    calls: dict[str, Callable[[], object]] = {}
    notes: dict[str, str] = {}
    for name in exporter_names():
        exporter = get_exporter(name)
        call: Callable[[], object] = (
            (lambda exporter=exporter: exporter.render_catalogue([course]))  # type: ignore[misc]
            if isinstance(exporter, CatalogueExporter)
            else (lambda exporter=exporter: exporter.render(course))  # type: ignore[misc]
        )
        try:
            call()
        except NotReadyError:
            notes[name] = "not ready (the bundled course lacks its facts)"
            continue
        calls[name] = call
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds_):
        for name, call in calls.items():
            for _ in range(1 if name == "pdf" else block):
                start = time.perf_counter()
                call()
                samples[name].append(time.perf_counter() - start)
    lines = [
        "## (b) Rendering in-process, the bundled course",
        "",
        "The exporter's `render` (a catalogue format: `render_catalogue` of the one course), made once;",
        f"the formats take turns for {rounds_} rounds of {block} renders (pdf: one a round). Median.",
        "",
        "| format | ms |",
        "|---|---:|",
    ]
    for name in sorted({*calls, *notes}):
        shown = notes.get(name) or f"{statistics.median(samples[name]) * 1000:.2f}"
        lines.append(f"| {name} | {shown} |")
    return [*lines, ""]
