"""Benchmark ncmw-course against pandoc, and write benchmarks/RESULTS.md (issue 7).

Run from the repository's root, after ``.venv/bin/pip install -e '.[bench]'``::

    .venv/bin/python benchmarks/run.py

It measures (a) the wall time of CLI commands beside pandoc making the same docx and epub from the
course as Markdown, (b) the in-process render time of each format, (c) ``build`` of 1 to 1000
generated courses in every format beside pandoc once per document, and (d) the docx floor: re-zipping
a produced docx in memory. Not part of the test suite: it asserts nothing, it reports.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).with_name("ncmw-course")
RESULTS = REPO / "benchmarks" / "RESULTS.md"
SLOW_RENDER_S = 0.25
"""A format slower than this per course (pdf, through a browser) is left out of builds above --slow-limit."""


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=10, help="CLI runs per command (median)")
    parser.add_argument("--sizes", default="1,10,100,1000", help="course counts for the build scale")
    parser.add_argument(
        "--pandoc-sample", type=int, default=20, help="at most this many documents per format through pandoc"
    )
    parser.add_argument(
        "--slow-limit", type=int, default=100, help="build slow formats (pdf) for at most this many courses"
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    pandoc = _pandoc()
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="ncmw-bench-") as scratch:
        work = Path(scratch)
        lines = [
            "# Benchmark results",
            "",
            f"Made by `.venv/bin/python benchmarks/run.py` on {time.strftime('%Y-%m-%d %H:%M')}.",
            "",
            _machine(pandoc),
            "",
        ]
        lines += _section_cli(work, pandoc, args.runs)
        renders = _render_times()
        lines += _section_render(renders)
        lines += _section_scale(work, pandoc, sizes, args.pandoc_sample, args.slow_limit, renders)
        lines += _section_floor()
    text = "\n".join(lines) + "\n"
    args.output.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


# the machine


def _machine(pandoc: str) -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=True).stdout
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"Machine: {model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {version.splitlines()[0]} (pypandoc-binary); "
        f"load average at the start {load}."
    )


def _pandoc() -> str:
    try:
        import pypandoc  # type: ignore[import-untyped]
    except ImportError:
        sys.exit("pandoc is missing: install the bench extra, .venv/bin/pip install -e '.[bench]'")
    path: str = pypandoc.get_pandoc_path()
    return path


# (a) the command line


def _median_wall(command: Sequence[str | Path], runs: int, cwd: Path) -> float:
    """The median wall time in seconds of `runs` runs of `command` (after one warm-up run)."""
    subprocess.run(command, cwd=cwd, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _section_cli(work: Path, pandoc: str, runs: int) -> list[str]:
    from ncmw_course.loading import load_course

    markdown = work / "course.md"
    markdown.write_text(course_markdown(load_course(None)), encoding="utf-8")
    pandoc_docx = _median_wall([pandoc, str(markdown), "-o", str(work / "p.docx")], runs, work)
    pandoc_epub = _median_wall([pandoc, str(markdown), "-o", str(work / "p.epub")], runs, work)
    rows: list[tuple[str, list[str | Path], float | None, str]] = [
        ("`ncmw-course --help`", [CLI, "--help"], None, "≤ 80 ms"),
        ("`ncmw-course validate`", [CLI, "validate"], None, ""),
        ("`ncmw-course export json`", [CLI, "export", "json", "-o", "c.json"], None, ""),
        ("`ncmw-course export docx`", [CLI, "export", "docx", "-o", "c.docx"], pandoc_docx, "≤ 2.5× pandoc"),
        ("`ncmw-course export epub`", [CLI, "export", "epub", "-o", "c.epub"], pandoc_epub, "≤ 2.5× pandoc"),
    ]
    lines = [
        f"## (a) Command line: wall time, median of {runs} runs",
        "",
        "pandoc converts the same course, written as Markdown by the benchmark, to docx and to epub.",
        "",
        "| command | ours (ms) | pandoc (ms) | ours / pandoc | target |",
        "|---|---:|---:|---:|---|",
    ]
    for label, command, theirs, target in rows:
        ours = _median_wall(command, runs, work)
        versus = f"{theirs * 1000:.0f}" if theirs else ""
        ratio = f"{ours / theirs:.2f}" if theirs else ""
        lines.append(f"| {label} | {ours * 1000:.0f} | {versus} | {ratio} | {target} |")
    return [*lines, ""]


def course_markdown(course: object) -> str:
    """The course's brochure content as pandoc Markdown: what the docx and epub show."""
    from ncmw_course.model import Course

    assert isinstance(course, Course)
    out = [f"---\ntitle: {json.dumps(course.title, ensure_ascii=False)}\nlang: {course.language}\n---", ""]
    if course.subtitle:
        out += [f"*{course.subtitle}*", ""]
    if course.summary:
        out += [course.summary, ""]
    out += [text + "\n" for text in course.description]
    out += ["# Voor wie", "", *(text + "\n" for text in course.audience)]
    out += [f"- {goal}" for goal in course.goals] + [""]
    out += ["# Programma", "", *(text + "\n" for text in course.programme.introduction)]
    for day in course.days:
        out += [f"## Dag {day.ordinal}: {day.theme}", "", *(f"- {topic}" for topic in day.topics), ""]
    out += ["# Werkwijze", "", *(text + "\n" for text in course.method)]
    out += ["# Trainer", ""]
    for trainer in course.trainers:
        out += [f"## {trainer.name}", "", *(text + "\n" for text in trainer.biography)]
    contact = course.contact
    out += ["# Informatie", ""]
    if contact.phone:
        out += [f"Tel. [{contact.phone.display}]({contact.phone.tel_uri})", ""]
    if contact.email:
        out += [f"E-mail <{contact.email}>", ""]
    if contact.website:
        out += [f"[{contact.website.text}]({contact.website.href})", ""]
    return "\n".join(out)


# (b) rendering in-process


def _median_ms(function: Callable[[], object], runs: int) -> float:
    function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _render_times() -> dict[str, float | str]:
    """The median render time in ms of each format on the bundled course, or why there is none."""
    from ncmw_course.errors import NotReadyError
    from ncmw_course.exporting import exporter_names, get_exporter
    from ncmw_course.loading import load_course

    course = load_course(None)
    times: dict[str, float | str] = {}
    for name in exporter_names():
        render = _renderer(get_exporter(name), course)
        try:
            start = time.perf_counter()
            render()
        except NotReadyError:
            times[name] = "not ready (the bundled course lacks its facts)"
            continue
        runs = 5 if time.perf_counter() - start > SLOW_RENDER_S else 101
        times[name] = _median_ms(render, runs)
    return times


def _renderer(exporter: object, course: object) -> Callable[[], object]:
    """A call that renders `course` once: `render`, or `render_catalogue` of the one course."""
    from ncmw_course.exporting import CatalogueExporter, Exporter

    if isinstance(exporter, CatalogueExporter):
        return lambda: exporter.render_catalogue([course])  # type: ignore[list-item]
    assert isinstance(exporter, Exporter)
    return lambda: exporter.render(course)  # type: ignore[arg-type]


def _section_render(times: dict[str, float | str]) -> list[str]:
    targets = {"docx": "≤ 10 ms", "epub": "≤ 5 ms", "json": "≤ 0.5 ms"}
    lines = [
        "## (b) Rendering in-process, the bundled course: median",
        "",
        "The exporter's `render` (catalogue formats: `render_catalogue` of the one course), created once.",
        "",
        "| format | ms | target |",
        "|---|---:|---|",
    ]
    for name, value in times.items():
        shown = f"{value:.2f}" if isinstance(value, float) else value
        lines.append(f"| {name} | {shown} | {targets.get(name, '')} |")
    return [*lines, ""]


# (c) catalogue scale


def _write_courses(folder: Path, count: int) -> list[Path]:
    """`count` distinct valid course files: the bundled course with its own slug and title each."""
    source = json.loads((REPO / "data" / "course.json").read_text(encoding="utf-8"))
    source.pop("$schema", None)
    folder.mkdir(parents=True)
    paths = []
    for index in range(count):
        data = dict(source, slug=f"{source['slug']}-{index:04d}", title=f"{source['title']} ({index + 1})")
        path = folder / f"course-{index:04d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def _timed_build(arguments: Sequence[str | Path], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB (the largest process: the command or a worker) of a build."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [CLI, "build", *arguments], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        msg = f"build {arguments} failed with exit code {process.returncode}"
        raise RuntimeError(msg)
    return elapsed, usage.ru_maxrss / 1024  # kB on Linux


def _pandoc_seconds_per_document(pandoc: str, paths: Sequence[Path], work: Path) -> tuple[float, int]:
    """Mean seconds pandoc takes per document (docx and epub of each course), and how many it ran."""
    from ncmw_course.loading import load_course

    total = 0.0
    runs = 0
    for path in paths:
        markdown = work / f"{path.stem}.md"
        markdown.write_text(course_markdown(load_course(path)), encoding="utf-8")
        for extension in (".docx", ".epub"):
            start = time.perf_counter()
            subprocess.run(
                [pandoc, str(markdown), "-o", str(work / f"{path.stem}{extension}")],
                capture_output=True,
                check=True,
            )
            total += time.perf_counter() - start
            runs += 1
    return total / runs, runs


def _section_scale(
    work: Path,
    pandoc: str,
    sizes: Sequence[int],
    sample: int,
    slow_limit: int,
    renders: dict[str, float | str],
) -> list[str]:
    from ncmw_course.exporting import exporter_names

    names = exporter_names()
    slow = [
        name for name, value in renders.items() if isinstance(value, float) and value > SLOW_RENDER_S * 1000
    ]
    lines = [
        f"## (c) Catalogue scale: `build` of generated courses, `--jobs {os.cpu_count()}` (the default)",
        "",
        (
            f"Every format `ncmw-course formats` lists: {', '.join(f'`{name}`' for name in names)}"
            " (edudex is skipped: the generated courses, copies of the bundled one, lack its codes)."
        ),
        (
            "pandoc makes only the docx and the epub of each course, one process per document, one after"
            " the other, as a script would."
        ),
        "",
        "| courses | formats | wall (s) | per course (ms) | peak RSS (MB) | pandoc, docx + epub (s) | pandoc / ours |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    notes = []
    for count in sizes:
        folder = work / f"courses-{count}"
        paths = _write_courses(folder, count)
        left_out = slow if count > slow_limit else []
        chosen = [name for name in names if name not in left_out]
        arguments: list[str | Path] = [folder, "-o", work / f"site-{count}"]
        if left_out:
            for name in chosen:
                arguments += ["-f", name]
        elapsed, rss = _timed_build(arguments, work)
        measured = paths[: min(sample, count)]
        per_document, runs = _pandoc_seconds_per_document(pandoc, measured, work / f"site-{count}")
        theirs = per_document * 2 * count
        estimated = "" if runs == 2 * count else " (est.)"
        if estimated:
            notes.append(
                f"- {count} courses: pandoc ran {runs} documents ({len(measured)} courses); its time for"
                f" all {2 * count} documents is the measured mean ({per_document * 1000:.0f} ms) × {2 * count}."
            )
        if left_out:
            notes.append(
                f"- {count} courses: {', '.join(left_out)} left out (over {SLOW_RENDER_S * 1000:.0f} ms a course;"
                f" built up to {slow_limit} courses). Run with --slow-limit {count} to include it."
            )
        formats = "all" if not left_out else f"all but {', '.join(left_out)}"
        lines.append(
            f"| {count} | {formats} | {elapsed:.2f} | {elapsed / count * 1000:.1f} | {rss:.0f} |"
            f" {theirs:.1f}{estimated} | {theirs / elapsed:.1f}× |"
        )
    return [*lines, "", *notes, ""]


# (d) the docx floor


def _section_floor() -> list[str]:
    from exporters._reproducible import document_datetime, repack_zip
    from ncmw_course.exporting import get_exporter
    from ncmw_course.loading import load_course

    course = load_course(None)
    exporter = get_exporter("docx")
    data = exporter.render(course)  # type: ignore[union-attr]
    moment = document_datetime(course.updated)
    floor = _median_ms(lambda: repack_zip(data, moment, first=["[Content_Types].xml"]), 101)
    render = _median_ms(lambda: exporter.render(course), 101)  # type: ignore[union-attr]
    return [
        "## (d) The docx floor",
        "",
        (
            "Re-zipping the produced docx's parts in memory (read them, deflate them at level 9 with fixed"
            " timestamps: what every render ends with)."
        ),
        "",
        "| step | ms |",
        "|---|---:|",
        f"| re-zip the docx ({len(data) / 1024:.0f} kB) | {floor:.2f} |",
        f"| whole render | {render:.2f} |",
        f"| render above the floor | {render - floor:.2f} |",
        "",
    ]


if __name__ == "__main__":
    if shutil.which(str(CLI)) is None:
        sys.exit(f"{CLI} not found: run this with the project's venv, .venv/bin/python benchmarks/run.py")
    main()
