"""(c) Whole builds beside pandoc, ``--jobs 2`` against ``--jobs 1``, and their memory;
(d) rebuilding a catalogue after one course changed."""

from __future__ import annotations

import json
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from _pandoc import PandocSide, write_markdown
from _report import Target, ratio, seconds, spread
from _startup import CLI
from _timing import Sample, Series, pair_ratios, rounds, run_command

__all__ = ["incremental", "scale", "write_courses"]

REPO = Path(__file__).resolve().parent.parent
LANES = 2
"""Both sides use both cores: ``build --jobs 2``, and pandoc two at a time."""
MEMORY_MIB = {"all but pdf": 200, "all": 600}


def write_courses(folder: Path, count: int) -> list[Path]:
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


def _formats(pdf: bool) -> list[str]:
    from ncmw_course.exporting import exporter_names

    chosen = [name for name in exporter_names() if pdf or name != "pdf"]
    return [argument for name in chosen for argument in ("-f", name)]


def _ours(work: Path, courses: Path, pdf: bool, jobs: int) -> Callable[[], Sample]:
    """A full build (into an empty folder) of every format, or every format but pdf."""
    out = work / f"site-{courses.name}-{'all' if pdf else 'nopdf'}-{jobs}"

    def side() -> Sample:
        shutil.rmtree(out, ignore_errors=True)
        command: list[str | Path] = [
            CLI,
            "-q",
            "build",
            courses,
            "-o",
            out,
            "--jobs",
            str(jobs),
            *_formats(pdf),
        ]
        return run_command(command, cwd=work, memory=True)

    return side


def scale(work: Path, pandoc: str, sizes: list[int], count: int) -> tuple[list[str], list[Target]]:
    """(c): per size, with and without pdf: ours (jobs 2), pandoc (2 at a time), and ours (jobs 1)."""
    lines = [
        "## (c) Builds side by side: every format, and every format but pdf",
        "",
        "ncmw-course: `build --jobs 2` into an empty folder (every format `ncmw-course formats` lists;",
        "edudex is skipped: the generated courses lack its codes). pandoc: per course a docx, an epub",
        "and a standalone html page, two at a time, in the batches `build --jobs 2` makes; with pdf,",
        "each batch's docx files converted by one LibreOffice run. At 1000 courses pandoc runs one",
        "batch per lane and its time is scaled to 1000 courses (est.). `--jobs 1` runs in the same",
        "rounds (with pdf, up to 100 courses). Memory: the peak PSS of the build's whole process tree",
        "(workers and LibreOffice included), sampled every 0.1 s. Median [min–max] of the rounds.",
        "",
        "| courses | formats | ours, --jobs 2 | pandoc | pandoc / ours | --jobs 1 | jobs 2 / jobs 1 | peak PSS |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    measured: dict[tuple[int, str], dict[str, Series]] = {}
    for size in sizes:
        courses = write_courses(work / f"courses-{size}", size)
        markdown = write_markdown(courses, work / f"markdown-{size}")
        for label, pdf in (("all but pdf", False), ("all", True)):
            sides: dict[str, Callable[[], Sample]] = {
                "ours": _ours(work, courses[0].parent, pdf, LANES),
                "pandoc": PandocSide(pandoc, markdown, LANES, pdf, sample=LANES if size >= 1000 else None),
            }
            if not pdf or size <= 100:
                sides["jobs 1"] = _ours(work, courses[0].parent, pdf, 1)
            series = rounds(sides, count)
            measured[size, label] = series
            estimated = " (est.)" if size >= 1000 else ""
            lines.append(_scale_row(size, label, series, estimated))
    return [*lines, ""], _scale_targets(sizes, measured)


def _scale_row(size: int, label: str, series: dict[str, Series], estimated: str) -> str:
    ours, theirs = series["ours"], series["pandoc"]
    faster = pair_ratios(theirs, ours)
    cells = [
        str(size),
        label,
        f"{seconds(ours.median)} [{spread(ours.walls, 's')}]",
        f"{seconds(theirs.median)}{estimated} [{spread(theirs.walls, 's')}]",
        f"{ratio(statistics.median(faster))} [{spread(faster)}]",
    ]
    if "jobs 1" in series:
        jobs = pair_ratios(ours, series["jobs 1"])
        one = series["jobs 1"]
        cells += [
            f"{seconds(one.median)} [{spread(one.walls, 's')}]",
            f"{ratio(statistics.median(jobs))} [{spread(jobs)}]",
        ]
    else:
        cells += ["", ""]
    peaks = ours.peak_mib
    cells.append(f"{statistics.median(peaks):.0f} MiB [{spread(peaks, 'MiB')}]")
    return "| " + " | ".join(cells) + " |"


def _scale_targets(sizes: list[int], measured: dict[tuple[int, str], dict[str, Series]]) -> list[Target]:
    targets = []
    largest, smallest = max(sizes), min(sizes)
    for label, limit in (("all", 4), ("all but pdf", 15)):
        series = measured[largest, label]
        faster = pair_ratios(series["pandoc"], series["ours"])
        median = statistics.median(faster)
        note = f"{seconds(series['ours'].median)} vs {seconds(series['pandoc'].median)}"
        what = "every format" if label == "all" else "every format but pdf"
        targets.append(
            Target(
                f"{largest}-course build, {what}, both sides on 2 cores: ≥ {limit}× pandoc",
                ratio(median),
                spread(faster),
                median >= limit if largest >= 1000 else None,
                note + ("" if largest >= 1000 else "; the target is for 1000 courses"),
            )
        )
    for (size, label), series in sorted(measured.items()):
        if "jobs 1" in series:
            jobs = pair_ratios(series["ours"], series["jobs 1"])
            median = statistics.median(jobs)
            targets.append(
                Target(
                    f"`--jobs 2` not slower than `--jobs 1`: {size} courses, {label}",
                    f"{ratio(median)} the time",
                    spread(jobs),
                    median <= 1.0,
                    f"{seconds(series['ours'].median)} vs {seconds(series['jobs 1'].median)}; judged by the median",
                )
            )
    for label, limit in MEMORY_MIB.items():
        peaks = measured[largest, label]["ours"].peak_mib
        small = statistics.median(measured[smallest, label]["ours"].peak_mib)
        median = statistics.median(peaks)
        flat = median <= 1.25 * small
        targets.append(
            Target(
                f"whole-tree memory of a {largest}-course build, {label}: ≤ {limit} MiB, flat",
                f"{median:.0f} MiB",
                spread(peaks, "MiB"),
                (median <= limit and flat) if largest >= 1000 else None,
                f"{small:.0f} MiB for {smallest} courses ({'flat' if flat else 'not flat'}: within 25 %)",
            )
        )
    return targets


def incremental(work: Path, size: int, count: int) -> tuple[list[str], list[Target]]:
    """(d): after a full build, one course changed, then `build` again: with and without pdf, in turns."""
    sides = {}
    for label, pdf in (("all but pdf", False), ("all", True)):
        folder = work / f"incremental-{label.replace(' ', '-')}"
        write_courses(folder, size)
        out = work / f"site-{folder.name}"
        run_command([CLI, "-q", "build", folder, "-o", out, *_formats(pdf)], cwd=work)  # the build before
        sides[label] = _Rebuild(folder, out, pdf)
    series = rounds(sides, count, warm_up=0)  # type: ignore[arg-type]
    lines = [
        f"## (d) Rebuilding a {size}-course catalogue after one course changed",
        "",
        "After a full build, one course file changes (another course each round), and `build --jobs 2`",
        "runs again into the same folder. Checked each round: the files written are exactly that",
        "course's and the catalogue files, by their modification times and by the report's `Wrote` lines.",
        "",
        "| formats | median | min–max | exactly those files |",
        "|---|---:|---:|---|",
    ]
    targets = []
    for label, limit in (("all but pdf", 1.5), ("all", 3.0)):
        walls = series[label].walls
        exact = sides[label].exact
        lines.append(
            f"| {label} | {seconds(statistics.median(walls))} | {spread(walls, 's')} | {exact}/{count} rounds |"
        )
        met = statistics.median(walls) <= limit and exact == count
        targets.append(
            Target(
                f"rebuild of {size} courses after one changed, {'with' if label == 'all' else 'without'} pdf: ≤ {limit:g} s",
                seconds(statistics.median(walls)),
                spread(walls, "s"),
                met if size >= 1000 else None,
                f"exactly that course's and the catalogue files rewritten in {exact}/{count} rounds"
                + ("" if size >= 1000 else "; the target is for 1000 courses"),
            )
        )
    return [*lines, ""], targets


class _Rebuild:
    """One round of (d): change a course, build again, and check what was written."""

    def __init__(self, folder: Path, out: Path, pdf: bool) -> None:
        self.folder, self.out, self.pdf = folder, out, pdf
        self.round = 0
        self.exact = 0

    def __call__(self) -> Sample:
        self.round += 1
        path = sorted(self.folder.glob("*.json"))[self.round * 7 % len(list(self.folder.glob("*.json")))]
        document = json.loads(path.read_bytes())
        document["title"] = f"{document['title'].split(' — ')[0]} — round {self.round}"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        before = time.time_ns()
        sample = run_command(
            [CLI, "build", self.folder, "-o", self.out, *_formats(self.pdf)], cwd=self.folder.parent
        )
        slug = document["slug"]
        expected = {name for name in self._names() if name.startswith((f"{slug}.", "catalogue."))}
        reported = {
            Path(line[len("Wrote ") :]).name
            for line in sample.stderr.splitlines()
            if line.startswith("Wrote ")
        }
        touched = {
            p.name
            for p in self.out.iterdir()
            if p.stat().st_mtime_ns >= before and not p.name.startswith(".")
        }
        self.exact += expected == reported == touched
        return sample

    def _names(self) -> set[str]:
        return {path.name for path in self.out.iterdir() if not path.name.startswith(".")}
