"""Measuring on a shared machine: commands in interleaved rounds, medians and ranges, whole-tree memory.

Every comparison runs its sides in turns, A B A B …, so that load from elsewhere on the machine
touches both alike; a ratio is taken within each round (a pair), and its median and range are
reported. Memory is the proportional set size (PSS) of the whole process tree of a command, its
workers and LibreOffice included, sampled every tenth of a second from ``/proc``.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Sample",
    "Series",
    "load_average",
    "machine",
    "pair_ratios",
    "rounds",
    "run_command",
    "tree_pss_kib",
]


@dataclass
class Sample:
    """One run: its wall time in seconds, and the peak PSS of its process tree (KiB), when sampled."""

    wall: float
    peak_kib: int = 0
    stderr: str = ""


@dataclass
class Series:
    """The runs of one side of a comparison, in round order."""

    samples: list[Sample] = field(default_factory=list)

    @property
    def walls(self) -> list[float]:
        return [sample.wall for sample in self.samples]

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def low(self) -> float:
        return min(self.walls)

    @property
    def high(self) -> float:
        return max(self.walls)

    @property
    def peak_mib(self) -> list[float]:
        return [sample.peak_kib / 1024 for sample in self.samples]


def rounds(sides: dict[str, Callable[[], Sample]], count: int, warm_up: int = 1) -> dict[str, Series]:
    """Run each side once per round, in turn, for `count` rounds after `warm_up` unrecorded ones."""
    series = {name: Series() for name in sides}
    for round_ in range(warm_up + count):
        for name, side in sides.items():
            sample = side()
            if round_ >= warm_up:
                series[name].samples.append(sample)
    return series


def pair_ratios(numerator: Series, denominator: Series) -> list[float]:
    """The ratio of the two sides in each round: numerator / denominator."""
    return [a / b for a, b in zip(numerator.walls, denominator.walls, strict=True)]


def run_command(
    command: Sequence[str | Path], *, cwd: Path, memory: bool = False, env: dict[str, str] | None = None
) -> Sample:
    """Run `command` to its end (its output discarded); its wall time, and with `memory` its tree's peak PSS.

    Raises:
        RuntimeError: It failed.
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    sampler = _Sampler(process.pid) if memory else None
    _, stderr = process.communicate()
    wall = time.perf_counter() - start
    peak = sampler.stop() if sampler is not None else 0
    if process.returncode != 0:
        msg = f"{' '.join(map(str, command))} failed ({process.returncode}): {stderr.decode(errors='replace')[-2000:]}"
        raise RuntimeError(msg)
    return Sample(wall, peak, stderr.decode(errors="replace"))


class _Sampler:
    """Samples the PSS of a process tree every tenth of a second, in a thread, until stopped."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, tree_pss_kib(self.pid))
            self.done.wait(0.1)

    def stop(self) -> int:
        self.done.set()
        self.thread.join()
        return self.peak


def tree_pss_kib(root: int) -> int:
    """The PSS, in KiB, of process `root` and all its descendants (``/proc/PID/smaps_rollup``)."""
    total = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        total += _pss(pid)
        todo.extend(_children(pid))
    return total


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found.extend(int(child) for child in (task / "children").read_text(encoding="ascii").split())
    except OSError:  # it ended meanwhile
        pass
    return found


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:  # noqa: PTH123
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def machine(pandoc: str) -> str:
    """The machine, the programs measured, and the load: for the top of RESULTS.md."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    pandoc_version = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=True)
    soffice = shutil.which("soffice")
    libreoffice = (
        subprocess.run([soffice, "--version"], capture_output=True, text=True, check=False).stdout.strip()
        if soffice
        else "not installed"
    )
    return (
        f"Machine: {model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {pandoc_version.stdout.splitlines()[0]} (pypandoc-binary); "
        f"{libreoffice or 'LibreOffice (version unknown)'}."
    )
