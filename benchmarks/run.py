"""Benchmark ncmw-course against pandoc, and write benchmarks/RESULTS.md (issue 7).

Run from the repository's root, after ``.venv/bin/pip install -e '.[bench]'``::

    .venv/bin/python benchmarks/run.py

It measures (a) the wall time of CLI commands beside pandoc making the same docx and epub from the
course as Markdown, and the start-up floor of the libraries the project is built on, (b) the
in-process render time of each format, (c) ``build`` of 1 to 1000 generated courses in every format
beside pandoc making the same documents once per document, and (d) the docx floor: re-zipping a
produced docx in memory. Not part of the test suite: it asserts nothing, it reports.
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
"""A format slower than this per course (pdf, through LibreOffice) is rendered fewer times in (b)."""


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=20, help="CLI runs per command (median)")
    parser.add_argument("--sizes", default="1,10,100,1000", help="course counts for the build scale")
    parser.add_argument(
        "--pandoc-sample", type=int, default=20, help="at most this many documents per format through pandoc"
    )
    parser.add_argument(
        "--pdf-sample", type=int, default=5, help="at most this many pdfs through pandoc and LibreOffice"
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    pandoc = _pandoc()
    sizes = [int(size) for size in args.sizes.split(",")]
    _compile_bytecode()
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
        lines += _section_scale(work, pandoc, sizes, args.pandoc_sample, args.pdf_sample)
        lines += _section_floor()
    summary = [
        "## Targets (issue 7)",
        "",
        "| target | measured | |",
        "|---|---|---|",
        *(f"| {target} | {measured} | {verdict} |" for target, measured, verdict in SUMMARY),
        "",
    ]
    lines[6:6] = summary  # after the title, the date and the machine
    text = "\n".join(lines) + "\n"
    args.output.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


def _compile_bytecode() -> None:
    """Compile the project's modules, as pip does when it installs a wheel.

    Why: an editable install compiles a module when it is first imported, and not at all where
    ``PYTHONDONTWRITEBYTECODE`` is set; every command would then pay for compiling what it imports.
    """
    import compileall

    for package in ("ncmw_course", "exporters"):
        compileall.compile_dir(REPO / package, quiet=1)


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


def _median_walls(
    commands: Sequence[Sequence[str | Path]], runs: int, cwd: Path
) -> list[tuple[float, float]]:
    """The median and the fastest wall time in seconds of each command over `runs` rounds (after one
    warm-up round); the fastest shows how far the machine's load spread the runs.

    The commands take turns, round after round, so that a change in the machine's load touches all
    of them alike rather than whichever ran at the time.
    """
    times: list[list[float]] = [[] for _ in commands]
    for round_ in range(runs + 1):
        for command, measured in zip(commands, times, strict=True):
            start = time.perf_counter()
            subprocess.run(command, cwd=cwd, capture_output=True, check=True)
            if round_:
                measured.append(time.perf_counter() - start)
    return [(statistics.median(measured), min(measured)) for measured in times]


SUMMARY: list[tuple[str, str, str]] = []
"""(target, measured, met or why not) for the summary at the top of RESULTS.md, filled by the sections."""


def _section_cli(work: Path, pandoc: str, runs: int) -> list[str]:
    from ncmw_course.loading import load_course

    markdown = work / "course.md"
    markdown.write_text(course_markdown(load_course(None)), encoding="utf-8")
    python = sys.executable
    pandoc_docx_command = [pandoc, str(markdown), "-o", str(work / "p.docx")]
    pandoc_epub_command = [pandoc, str(markdown), "-o", str(work / "p.epub")]
    rows: list[tuple[str, list[str | Path], str | None, str]] = [
        ("`ncmw-course --help`", [CLI, "--help"], None, "≤ 80 ms"),
        ("`ncmw-course validate`", [CLI, "validate"], None, ""),
        ("`ncmw-course export json`", [CLI, "export", "json", "-o", "c.json"], None, ""),
        ("`ncmw-course export docx`", [CLI, "export", "docx", "-o", "c.docx"], "docx", "≤ 2.5× pandoc"),
        ("`ncmw-course export epub`", [CLI, "export", "epub", "-o", "c.epub"], "epub", "≤ 2.5× pandoc"),
        ("Python's start-up alone: `python -c pass`", [python, "-c", "pass"], None, ""),
        (
            "the floor of `export docx`: Python importing click, pydantic and python-docx, and nothing else",
            [python, "-c", FIXED_IMPORTS + ", docx"],
            "docx",
            "",
        ),
        (
            "the floor of `export epub`: Python importing click, pydantic and ebooklib, and nothing else",
            [python, "-c", FIXED_IMPORTS + ", ebooklib.epub"],
            "epub",
            "",
        ),
    ]
    walls = _median_walls([pandoc_docx_command, pandoc_epub_command, *(row[1] for row in rows)], runs, work)
    pandoc_times = {"docx": walls[0][0], "epub": walls[1][0]}
    ours = {row[0]: median for row, (median, _) in zip(rows, walls[2:], strict=True)}
    fastest = {row[0]: quickest for row, (_, quickest) in zip(rows, walls[2:], strict=True)}
    lines = [
        f"## (a) Command line: wall time, median of {runs} runs",
        "",
        "pandoc converts the same course, written as Markdown by the benchmark, to docx and to epub.",
        "The last rows are floors: what Python needs to start and import the libraries the project is",
        "built on (fixed by the customer), before reading a course or writing a byte. All commands take",
        "turns, run after run, so that the machine's load touches them alike.",
        "",
        "| command | ours (ms) | ours, fastest run (ms) | pandoc (ms) | ours / pandoc | target |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for label, _, against, target in rows:
        theirs = pandoc_times[against] if against else None
        versus = f"{theirs * 1000:.0f}" if theirs else ""
        ratio = f"{ours[label] / theirs:.2f}" if theirs else ""
        lines.append(
            f"| {label} | {ours[label] * 1000:.0f} | {fastest[label] * 1000:.0f} | {versus} | {ratio} | {target} |"
        )
    help_ms = ours["`ncmw-course --help`"] * 1000
    SUMMARY.append(("`--help` ≤ 80 ms", f"{help_ms:.0f} ms", "met" if help_ms <= 80 else "**not met**"))
    for name in ("docx", "epub"):
        ratio = ours[f"`ncmw-course export {name}`"] / pandoc_times[name]
        floor_label = next(label for label in ours if label.startswith(f"the floor of `export {name}`"))
        floor = ours[floor_label]
        verdict = (
            "met"
            if ratio <= 2.5
            else (
                f"**not met**: Python importing click, pydantic and {'python-docx' if name == 'docx' else 'ebooklib'}"
                f" alone takes {floor * 1000:.0f} ms, {floor / pandoc_times[name]:.2f}× pandoc; all the"
                " rest (the command line, reading and validating the course with its e-mail, phone and"
                " language checks, rendering, writing) takes the other"
                f" {(ours[f'`ncmw-course export {name}`'] - floor) * 1000:.0f} ms"
            )
        )
        export_ms = ours[f"`ncmw-course export {name}`"] * 1000
        measured = f"{export_ms:.0f} ms vs {pandoc_times[name] * 1000:.0f} ms, {ratio:.2f}×"
        SUMMARY.append((f"`export {name}` ≤ 2.5× pandoc", measured, verdict))
    return [*lines, ""]


FIXED_IMPORTS = "import click, pydantic.main, pydantic.networks"
"""The libraries every command that reads a course imports: the CLI, and the model's base and URL types."""


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


def _render_times(rounds: int = 5, block: int = 21) -> dict[str, float | str]:
    """The median render time in ms of each format on the bundled course, or why there is none.

    Each format renders `block` times in a row (warm, as in a build), and the formats take turns for
    `rounds` rounds (a slow one, pdf, renders once a round), so that a burst of load from elsewhere
    on the machine touches every format alike.
    """
    from ncmw_course.errors import NotReadyError
    from ncmw_course.exporting import exporter_names, get_exporter
    from ncmw_course.loading import load_course

    course = load_course(None)
    times: dict[str, float | str] = {}
    renders: dict[str, Callable[[], object]] = {}
    slow: set[str] = set()
    for name in exporter_names():
        render = _renderer(get_exporter(name), course)
        try:
            start = time.perf_counter()
            render()  # and a warm-up
        except NotReadyError:
            times[name] = "not ready (the bundled course lacks its facts)"
            continue
        renders[name] = render
        if time.perf_counter() - start > SLOW_RENDER_S:
            slow.add(name)
    samples: dict[str, list[float]] = {name: [] for name in renders}
    for _ in range(rounds):
        for name, render in renders.items():
            for _ in range(1 if name in slow else block):
                start = time.perf_counter()
                render()
                samples[name].append(time.perf_counter() - start)
    for name in renders:
        times[name] = statistics.median(samples[name]) * 1000
    return dict(sorted(times.items()))


def _renderer(exporter: object, course: object) -> Callable[[], object]:
    """A call that renders `course` once: `render`, or `render_catalogue` of the one course."""
    from ncmw_course.exporting import CatalogueExporter, Exporter

    if isinstance(exporter, CatalogueExporter):
        return lambda: exporter.render_catalogue([course])  # type: ignore[list-item]
    assert isinstance(exporter, Exporter)
    return lambda: exporter.render(course)  # type: ignore[arg-type]


def _pdf_batch_ms(count: int = 50) -> float | str:
    """Milliseconds per brochure when `count` brochures go through one LibreOffice run (as `build` does)."""
    from ncmw_course.errors import MissingToolError
    from ncmw_course.exporting import RendersMany, get_exporter
    from ncmw_course.loading import load_course

    course = load_course(None)
    exporter = get_exporter("pdf")
    assert isinstance(exporter, RendersMany)
    start = time.perf_counter()
    try:
        exporter.render_many([course] * count, lambda _done: None)
    except MissingToolError:
        return "LibreOffice is not installed"
    return (time.perf_counter() - start) * 1000 / count


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
    limits = {"docx": 10.0, "epub": 5.0, "json": 0.5}
    for name, value in times.items():
        shown = f"{value:.2f}" if isinstance(value, float) else value
        lines.append(f"| {name} | {shown} | {targets.get(name, '')} |")
        if name in limits and isinstance(value, float):
            met = "met" if value <= limits[name] else "**not met**"
            SUMMARY.append((f"{name} render {targets[name]}", f"{value:.2f} ms", met))
    if "pdf" in times:
        batch = _pdf_batch_ms()
        shown = f"{batch:.2f}" if isinstance(batch, float) else batch
        lines.append(
            f"| pdf, per brochure of 50 in one LibreOffice run (`render_many`, as `build` does) | {shown} |  |"
        )
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


PANDOC_FORMATS = (".docx", ".epub", ".html")
"""The documents pandoc writes itself; for a PDF a script would hand pandoc's docx to LibreOffice."""


def _pandoc_means(
    pandoc: str, paths: Sequence[Path], pdf_sample: int, work: Path
) -> dict[str, tuple[float, int]]:
    """Mean seconds pandoc takes per document, by extension, and how many documents it ran.

    docx, epub and html are pandoc once per document. pdf is what a script without LaTeX would do:
    pandoc's docx converted by LibreOffice, once per document (with one LibreOffice profile for all,
    which spares LibreOffice creating it each time).
    """
    from ncmw_course.loading import load_course

    work.mkdir(parents=True, exist_ok=True)
    times: dict[str, list[float]] = {extension: [] for extension in (*PANDOC_FORMATS, ".pdf")}
    profile = (work / "lo-profile").as_uri()
    for index, path in enumerate(paths):
        markdown = work / f"{path.stem}.md"
        markdown.write_text(course_markdown(load_course(path)), encoding="utf-8")
        for extension in PANDOC_FORMATS:
            target = work / f"{path.stem}{extension}"
            start = time.perf_counter()
            subprocess.run([pandoc, str(markdown), "-s", "-o", str(target)], capture_output=True, check=True)
            times[extension].append(time.perf_counter() - start)
        if index < pdf_sample:
            start = time.perf_counter()
            subprocess.run(
                [pandoc, str(markdown), "-o", str(work / f"{path.stem}.docx")],
                capture_output=True,
                check=True,
            )
            subprocess.run(
                [
                    shutil.which("soffice") or "soffice",
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work),
                    str(work / f"{path.stem}.docx"),
                ],
                capture_output=True,
                check=True,
            )
            times[".pdf"].append(time.perf_counter() - start)
    return {extension: (statistics.mean(values), len(values)) for extension, values in times.items()}


def _section_scale(work: Path, pandoc: str, sizes: Sequence[int], sample: int, pdf_sample: int) -> list[str]:
    from ncmw_course.exporting import exporter_names

    names = exporter_names()
    without_pdf = [name for name in names if name != "pdf"]
    lines = [
        f"## (c) Catalogue scale: `build` of generated courses, `--jobs {os.cpu_count()}` (the default)",
        "",
        (
            f"`build` writes every format `ncmw-course formats` lists: {', '.join(f'`{name}`' for name in names)}"
            " (edudex is skipped: the generated courses, copies of the bundled one, lack its codes)."
        ),
        (
            "pandoc makes the same documents once per document, one after the other, as a script would:"
            " docx, epub and a standalone html page; the pdf is pandoc's docx converted by LibreOffice"
            " (`soffice --convert-to pdf`), since pandoc writes no PDF without a PDF engine. Formats pandoc"
            " has no equivalent for (the feeds, the catalogues) are not counted on its side."
        ),
        "",
        "| courses | formats | wall (s) | per course (ms) | peak RSS (MB) | pandoc, same documents (s) | pandoc / ours |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    notes = []
    peak = 0.0
    for count in sizes:
        folder = work / f"courses-{count}"
        paths = _write_courses(folder, count)
        means = _pandoc_means(pandoc, paths[: min(sample, count)], pdf_sample, work / f"pandoc-{count}")
        for label, chosen in (("all", names), ("all but pdf", without_pdf)):
            arguments: list[str | Path] = [folder, "-o", work / f"site-{count}-{len(chosen)}"]
            if chosen != names:
                for name in chosen:
                    arguments += ["-f", name]
            elapsed, rss = _timed_build(arguments, work)
            extensions = [*PANDOC_FORMATS, ".pdf"] if chosen == names else list(PANDOC_FORMATS)
            theirs = sum(means[extension][0] for extension in extensions) * count
            estimated = any(means[extension][1] < count for extension in extensions)
            mark = " (est.)" if estimated else ""
            lines.append(
                f"| {count} | {label} | {elapsed:.2f} | {elapsed / count * 1000:.1f} | {rss:.0f} |"
                f" {theirs:.1f}{mark} | {theirs / elapsed:.1f}× |"
            )
            peak = max(peak, rss)
            if count == max(sizes):
                SUMMARY.append(
                    (
                        f"`build` of {count} courses, {label} formats, ≥ 10× faster than pandoc",
                        f"{elapsed:.1f} s vs {theirs:.0f} s{mark}, {theirs / elapsed:.1f}×",
                        "met" if theirs / elapsed >= 10 else "**not met**",
                    )
                )
        measured = ", ".join(
            f"{extension[1:]} {means[extension][0] * 1000:.0f} ms ({means[extension][1]} runs)"
            for extension in (*PANDOC_FORMATS, ".pdf")
        )
        notes.append(f"- {count} courses: pandoc's mean time per document: {measured}.")
    notes.append(
        "- (est.): pandoc ran a sample of the documents; its total is the sample's mean × the count."
    )
    SUMMARY.append(
        ("peak RSS of `build` ≤ 250 MB", f"{peak:.0f} MB", "met" if peak <= 250 else "**not met**")
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
