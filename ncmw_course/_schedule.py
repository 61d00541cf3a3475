"""How a build's rendering is cut into tasks, and on how many processes they run.

The documents of an exporter that renders many at once (pdf: one LibreOffice run converts a whole
chunk) go in chunks of their own, big enough to pay for LibreOffice's start: at least
:data:`LEAST_MANY` documents, one chunk per process up to 200. The other documents go in the
:func:`chunks` the build always used. So that a worker can convert a chunk's PDFs while the other
makes the rest, rather than each starting LibreOffice for five brochures.

A build whose work is small stays in this process (:func:`processes`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from ncmw_course._workers import Job, Outcome

__all__ = ["LEAST_MANY", "POOL_WORK_MS", "Schedule", "chunks", "many_chunks", "processes"]

T = TypeVar("T")

POOL_WORK_MS = 300
"""A build whose rendering is estimated at less than this many milliseconds stays in this process:
starting a pool and sending it the work would cost more than a second core gives back. Measured on
two shared cores, every format but pdf: 10 courses (~200 ms estimated) took 347 ms in one process
and 373 ms on two; 20 courses (~390 ms) 473 and 436 ms."""
LEAST_MANY = 25
"""The fewest documents of a format that renders many in one chunk (when there are that many):
LibreOffice takes over a second to start, and about 70 ms a brochure after that."""


def chunks(tasks: list[T], jobs: int) -> list[list[T]]:
    """`tasks` in consecutive chunks for the workers: one per worker for up to 50 courses a worker,
    else two or more per worker, as many for each worker, and never over 200 courses.

    Why chunks: a chunk is one round trip between processes. Why two per worker for larger builds:
    when one worker finishes early, it takes the next. Why at most 200: a chunk's documents are
    held in memory until they are written.
    """
    per_worker = 1 if len(tasks) <= 50 * jobs else 2
    count = max(jobs * per_worker, -(-len(tasks) // 200))
    count = -(-count // jobs) * jobs  # a multiple of the workers, so that they finish together
    size = max(1, -(-len(tasks) // count))
    return [tasks[start : start + size] for start in range(0, len(tasks), size)]


def many_chunks(tasks: list[T], jobs: int) -> list[list[T]]:
    """`tasks` of a format that renders many, in consecutive chunks: one per worker, but none under
    :data:`LEAST_MANY` tasks (unless there are fewer) and none over 200."""
    count = max(1, min(jobs, len(tasks) // LEAST_MANY))
    count = max(count, -(-len(tasks) // 200))
    if count > jobs:
        count = -(-count // jobs) * jobs
    size = max(1, -(-len(tasks) // count))
    return [tasks[start : start + size] for start in range(0, len(tasks), size)]


def processes(requested: int | None, many: set[str], todo: Sequence[Job], catalogue_courses: int) -> int:
    """How many processes to build on: `requested` (one per CPU), never more than there are tasks
    for, and one when the work is too small for a pool to pay (:data:`POOL_WORK_MS`).

    The work is estimated per document: ~3 ms, and a second for LibreOffice's start when a format
    in `many` has work; and ~0.5 ms per course of each catalogue made (`catalogue_courses`).
    """
    wanted = requested or os.cpu_count() or 1
    documents = sum(len(job.formats) for job in todo)
    slow = any(many.intersection(job.formats) for job in todo)
    work = 3 * documents + 1000 * slow + catalogue_courses // 2
    tasks = len(todo) + slow + bool(catalogue_courses)
    if wanted == 1 or work < POOL_WORK_MS or tasks < 2:
        return 1
    return min(wanted, tasks)


@dataclass
class Schedule:
    """The chunks of a build: first those of the formats that render many, then the others."""

    slow: list[list[Job]] = field(default_factory=list)
    fast: list[list[Job]] = field(default_factory=list)
    places: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    """By course (its place among the jobs given), its (chunk, place in the chunk) in slow + fast."""

    @classmethod
    def of(cls, todo: Mapping[int, Job], many: set[str], jobs: int) -> Schedule:
        """The chunks of `todo` (the jobs, by course), split by whether their formats are in `many`."""
        schedule = cls()
        for slow in (True, False):
            kept = [(place, _only(job, many, slow=slow)) for place, job in todo.items()]
            cut = many_chunks if slow else chunks
            for chunk in cut([(place, job) for place, job in kept if job.formats], jobs):
                number = len(schedule.slow) + len(schedule.fast)
                for offset, (place, _) in enumerate(chunk):
                    schedule.places.setdefault(place, []).append((number, offset))
                (schedule.slow if slow else schedule.fast).append([job for _, job in chunk])
        return schedule

    def outcomes(
        self, place: int, results: Sequence[Callable[[], list[dict[str, Outcome]]]]
    ) -> dict[str, Outcome]:
        """The outcomes of the course at `place`, by format, from every chunk it is in (waiting for them)."""
        merged: dict[str, Outcome] = {}
        for number, offset in self.places.get(place, []):
            merged.update(results[number]()[offset])
        return merged


def _only(job: Job, many: set[str], *, slow: bool) -> Job:
    """`job` with only its formats that render many (`slow`), or only the others."""
    from dataclasses import replace

    return replace(job, formats=tuple(name for name in job.formats if (name in many) == slow))
