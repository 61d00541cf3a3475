"""How ``ncmw-course build`` spreads its work over processes, and shows its progress.

The command (:func:`ncmw_course.cli.build`) loads every course first, then hands the valid ones to
:class:`Workers` in :func:`chunks`. A worker renders and writes every per-course format of its
chunk (:func:`build_courses`), each exporter made once per process; an exporter with
``render_many`` (pdf) gets the whole chunk at once. Workers count the documents they finish
(:class:`Ticks`) through a queue, so that a progress bar on a terminal moves within a chunk; the
reports come back per chunk and are printed in the order of the courses.

Imported by the build command only, so that other commands and ``--help`` do not load it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, Self, TypeVar

import click

from ncmw_course.errors import NcmwCourseError

if TYPE_CHECKING:
    import multiprocessing.queues
    from concurrent.futures import ProcessPoolExecutor
    from pathlib import Path

    from ncmw_course.exporting import CatalogueExporter, Exporter
    from ncmw_course.model import Course

__all__ = ["EXPORTERS", "BuildPlan", "Workers", "chunks", "load_course_file", "progress", "wants_bar"]

T = TypeVar("T")
U = TypeVar("U")


@dataclasses.dataclass(frozen=True)
class BuildPlan:
    """What a worker needs to build its courses: where, which per-course formats, their options."""

    output_dir: Path
    formats: tuple[tuple[str, str], ...]
    """(name, file extension) of each per-course format, in the order of the build."""
    options: dict[str, dict[str, object]]
    strict: bool


EXPORTERS: dict[str, Exporter | CatalogueExporter] = {}
"""The exporters of the current build, by name: created once per process, not once per course."""


def load_course_file(path: Path | None) -> Course | str:
    """The course in `path`, or the error message (a string pickles, every exception does not)."""
    try:
        from ncmw_course.loading import load_course

        return load_course(path)
    except NcmwCourseError as error:
        return str(error)


def chunks(tasks: list[T], jobs: int) -> list[list[T]]:
    """`tasks` in consecutive chunks for the workers: one per worker for up to 50 courses a worker,
    else two or more per worker, as many for each worker, and never over 200 courses.

    Why chunks: an exporter with ``render_many`` (pdf) starts its converter once per chunk rather
    than once per course (LibreOffice takes over a second to start, and about 60 ms a brochure
    after that), and a chunk is one round trip between processes. Why two per worker for larger
    builds: when one worker finishes early, it takes the next. Why at most 200: a chunk's documents
    are held in memory until they are written.
    """
    per_worker = 1 if len(tasks) <= 50 * jobs else 2
    count = max(jobs * per_worker, -(-len(tasks) // 200))
    count = -(-count // jobs) * jobs  # a multiple of the workers, so that they finish together
    size = max(1, -(-len(tasks) // count))
    return [tasks[start : start + size] for start in range(0, len(tasks), size)]


def build_courses(plan: BuildPlan, tasks: list[tuple[Path | None, Course]]) -> list[list[tuple[str, str]]]:
    """Render and write every per-course format of some courses, in a worker; return their reports.

    Each course's report lists, format by format, ``("wrote", path)``, ``("skipped", line)`` or
    ``("error", message)``.
    """
    from ncmw_course._files import write_atomically
    from ncmw_course.errors import MissingToolError, NotReadyError
    from ncmw_course.exporting import get_exporter, render_each

    events: list[list[tuple[str, str]]] = [[] for _ in tasks]
    courses = [course for _, course in tasks]
    for name, extension in plan.formats:
        try:
            exporter = EXPORTERS.get(name)
            if exporter is None:
                exporter = EXPORTERS[name] = get_exporter(name, **plan.options[name])
            results = render_each(exporter, courses, name, _TICKS.tick)
        except NcmwCourseError as error:  # the exporter cannot be made: no course gets this format
            results = [error] * len(courses)
            _TICKS.tick(len(courses))
        for (path, course), result, report in zip(tasks, results, events, strict=True):
            if isinstance(result, bytes):
                target = plan.output_dir / f"{course.slug}{extension}"
                try:
                    write_atomically(target, result)
                except NcmwCourseError as error:
                    report.append(("error", str(error)))
                else:
                    report.append(("wrote", str(target)))
            elif isinstance(result, NotReadyError) and not plan.strict:
                fields = ", ".join(item.split(":", 1)[0] for item in result.missing)
                command = f"ncmw-course check --for {name}" + (f" {path}" if path is not None else "")
                line = f"Skipped {name} for {course.slug}: not ready; missing {fields} (see '{command}')"
                report.append(("skipped", line))
            elif isinstance(result, MissingToolError) and not plan.strict:
                report.append(("skipped", f"Skipped {name} for {course.slug}: {result}"))
            else:
                report.append(("error", str(result)))
    return events


class Ticks:
    """Counts the documents a worker has rendered, for the progress bar of the process that started it.

    Counts are sent at most every tenth of a second (`send`), so that a build of thousands of
    documents sends a few hundred messages rather than one per document.
    """

    def __init__(self, send: Callable[[int], None] | None = None) -> None:
        self.send = send
        self.pending = 0
        self.last = 0.0

    def tick(self, documents: int = 1) -> None:
        if self.send is None:
            return
        self.pending += documents
        now = time.monotonic()
        if now - self.last >= 0.1:
            self.flush()
            self.last = now

    def flush(self) -> None:
        if self.send is not None and self.pending:
            self.send(self.pending)
            self.pending = 0


_TICKS = Ticks()
"""This process's document counter; a worker's sends to the pool's queue (see :class:`Workers`)."""


def _start_worker(counts: multiprocessing.queues.Queue[int] | None) -> None:
    global _TICKS  # set once, when a worker process starts
    _TICKS = Ticks(counts.put if counts is not None else None)


def _build_and_flush(plan: BuildPlan, tasks: list[tuple[Path | None, Course]]) -> list[list[tuple[str, str]]]:
    try:
        return build_courses(plan, tasks)
    finally:
        _TICKS.flush()


class Workers:
    """Runs the build's steps in this process (one job) or on a pool of `jobs` processes.

    Why processes: rendering is pure Python (lxml, zipfile), so threads would share one core. With
    `ticks`, workers report each document done, for the progress bar.
    """

    def __init__(self, jobs: int, *, ticks: bool) -> None:
        self.jobs = jobs
        self.ticks = ticks
        self.stack = contextlib.ExitStack()
        self.pool: ProcessPoolExecutor | None = None
        self.queue: multiprocessing.queues.Queue[int] | None = None

    def __enter__(self) -> Self:
        if self.jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context()
            self.queue = context.Queue() if self.ticks else None
            self.pool = self.stack.enter_context(
                ProcessPoolExecutor(
                    max_workers=self.jobs,
                    mp_context=context,
                    initializer=_start_worker,
                    initargs=(self.queue,),
                )
            )
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stack.close()

    def map(self, function: Callable[[T], U], items: Sequence[T]) -> Iterator[U]:
        """``function`` over `items`, results in order."""
        if self.pool is None:
            return map(function, items)
        # a few chunks per worker: fewer round trips than one item each, still balanced
        return self.pool.map(function, items, chunksize=max(1, len(items) // (self.jobs * 8)))

    def build(
        self, plan: BuildPlan, chunks: list[list[tuple[Path | None, Course]]], advance: Callable[[int], None]
    ) -> Iterator[list[tuple[str, str]]]:
        """Each course's report, in order; calls `advance` with the documents done meanwhile."""
        global _TICKS  # in this process, the bar is advanced directly
        if self.pool is None:
            _TICKS = Ticks(advance if self.ticks else None)
            for chunk in chunks:
                yield from _build_and_flush(plan, chunk)
            return
        futures = [self.pool.submit(_build_and_flush, plan, chunk) for chunk in chunks]
        for future in futures:
            while self.queue is not None and not future.done():
                self._drain(advance, wait=0.05)
            reports = future.result()
            if self.queue is not None:
                self._drain(advance, wait=0)
            yield from reports

    def _drain(self, advance: Callable[[int], None], wait: float) -> None:
        import queue

        assert self.queue is not None
        try:
            advance(self.queue.get(timeout=wait) if wait else self.queue.get_nowait())
            while True:
                advance(self.queue.get_nowait())
        except queue.Empty:
            pass


def wants_bar(courses: int) -> bool:
    """A progress bar only for several courses, and only on a terminal: quiet in pipes and CI."""
    return courses >= 2 and sys.stderr.isatty()


class Progress(Protocol):
    def show(self, lines: list[str]) -> None: ...
    def advance(self, documents: int) -> None: ...


@contextlib.contextmanager
def progress(total: int) -> Iterator[Progress]:
    """Prints report lines on stderr; with a `total` of documents, a progress bar stays below them."""
    stream = sys.stderr
    if not total:

        class Lines:
            def show(self, lines: list[str]) -> None:
                for line in lines:
                    click.echo(line, err=True)

            def advance(self, documents: int) -> None:
                pass

        yield Lines()
        return
    with click.progressbar(length=total, label="Building", file=stream, show_pos=True) as bar:

        class Bar:
            def show(self, lines: list[str]) -> None:
                if lines:
                    click.echo("\r\x1b[K" + "\n".join(lines), err=True)  # over the bar, which render redraws
                    bar.render_progress()

            def advance(self, documents: int) -> None:
                bar.update(documents)

        yield Bar()
