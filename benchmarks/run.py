"""Benchmark ncmw-course beside pandoc, and write benchmarks/RESULTS.md (issue 19).

Run from the repository's root, after ``.venv/bin/pip install -e '.[bench]'``::

    .venv/bin/python benchmarks/run.py            # the full run (about 45 minutes on 2 cores)
    .venv/bin/python benchmarks/run.py --quick    # a short one, to try a change (about 5 minutes)

It measures (a) one command beside pandoc and the design's floor, and ``--help``; (b) rendering
in-process; (c) builds of 10, 100 and 1000 courses beside pandoc doing the same work with the same
resources, ``--jobs 2`` beside ``--jobs 1``, and the memory of the whole process tree; (d) the
rebuild of a 1000-course catalogue after one course changed. Every comparison runs its sides in
turns (A B A B …); medians and ranges are over the rounds. A summary at the top gives each target
of issue 19 with what was measured, its range, and whether it is met. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from _builds import incremental, scale
from _pandoc import pandoc_path
from _report import Target
from _startup import CLI, renders, startup
from _timing import load_average, machine

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
REPO = RESULTS.parent.parent


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--quick", action="store_true", help="10 and 100 courses, 3 rounds: minutes, not the targets"
    )
    parser.add_argument(
        "--rounds", type=int, help="rounds of each comparison (default 21 for one command, 11 for builds)"
    )
    parser.add_argument("--sizes", help="course counts of the builds (default 10,100,1000)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    quick = args.quick
    command_rounds = args.rounds or (5 if quick else 21)
    build_rounds = args.rounds or (3 if quick else 11)
    sizes = [int(size) for size in (args.sizes or ("10,100" if quick else "10,100,1000")).split(",")]
    pandoc = pandoc_path()
    _compile_bytecode()
    started = time.perf_counter()
    loads = [f"start {load_average()}"]
    sections: list[str] = []
    targets: list[Target] = []
    with tempfile.TemporaryDirectory(prefix="ncmw-bench-") as scratch:
        work = Path(scratch)
        runs: list[tuple[str, Callable[[], tuple[list[str], list[Target]]]]] = [
            ("(a)", lambda: startup(work, pandoc, command_rounds)),
            ("(b)", lambda: (renders(), [])),
            ("(c)", lambda: scale(work, pandoc, sizes, build_rounds)),
            ("(d)", lambda: incremental(work, max(sizes), build_rounds)),
        ]
        for name, run in runs:
            lines, found = run()
            sections += lines
            targets += found
            loads.append(f"after {name} {load_average()}")
            sys.stderr.write(f"{name} done after {(time.perf_counter() - started) / 60:.1f} min\n")
    minutes = (time.perf_counter() - started) / 60
    text = "\n".join(_head(pandoc, quick, minutes, loads, targets) + sections) + "\n"
    args.output.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


def _head(pandoc: str, quick: bool, minutes: float, loads: list[str], targets: list[Target]) -> list[str]:
    kind = "`--quick` run (not the targets' sizes and rounds)" if quick else "full run"
    return [
        "# Benchmark results",
        "",
        (
            f"Made by `.venv/bin/python benchmarks/run.py{' --quick' if quick else ''}` on "
            f"{time.strftime('%Y-%m-%d %H:%M')}: a {kind}, which took {minutes:.0f} minutes."
        ),
        "",
        machine(pandoc),
        "",
        "The machine is shared: other engineers' test runs load it. Load average (1, 5, 15 minutes): "
        + "; ".join(loads)
        + ".",
        "",
        "## Targets (issue 19)",
        "",
        "| target | measured (median) | min–max | | note |",
        "|---|---:|---:|---|---|",
        *(target.row() for target in targets),
        "",
    ]


def _compile_bytecode() -> None:
    """Compile the project's modules, as pip does when it installs a wheel (and as the README's
    install now does): an editable install where ``PYTHONDONTWRITEBYTECODE`` is set would compile
    every module each command imports, every time."""
    import compileall

    for package in ("ncmw_course", "exporters"):
        compileall.compile_dir(REPO / package, quiet=1)


if __name__ == "__main__":
    if shutil.which(str(CLI)) is None:
        sys.exit(f"{CLI} not found: run this with the project's venv, .venv/bin/python benchmarks/run.py")
    main()
