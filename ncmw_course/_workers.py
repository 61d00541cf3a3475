"""The workers of a build (:mod:`ncmw_course.building`): processes that render and write courses.

:func:`build_chunk` renders and writes every per-course format of a chunk of courses and returns
each course's events; it runs in a worker process, or in this one for a build of one job.
:class:`Workers` runs it on a pool and collects the counts of documents done as they come, for a
progress bar. Everything a task needs goes with it, so a worker keeps nothing between tasks.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Self, TypeVar

from ncmw_course._hints import check_command, not_ready_for_file
from ncmw_course.building import Failed, Skipped, Wrote, output_name
from ncmw_course.errors import MissingToolError, NcmwCourseError, NotReadyError
from ncmw_course.readiness import DeclaresRequirements, refusal

if TYPE_CHECKING:
    import queue
    from concurrent.futures import ProcessPoolExecutor
    from pathlib import Path

    from ncmw_course.building import BuildEvent, Plan, Task
    from ncmw_course.exporting import ExporterInfo
    from ncmw_course.model import Course

__all__ = ["Workers", "build_chunk"]

T = TypeVar("T")
U = TypeVar("U")


def build_chunk(plan: Plan, chunk: list[Task], send: Callable[[int], None] | None) -> list[list[BuildEvent]]:
    """Render and write every per-course format of a chunk of courses; each course's events.

    Runs in a worker (or in this process, for one job); `send` takes the counts of documents done.
    """
    ticks = Ticks(send)
    try:
        reports: list[list[BuildEvent]] = [[] for _ in chunk]
        for info in plan.course_formats:
            for events, event in zip(reports, _format_events(plan, info, chunk, ticks.tick), strict=True):
                events.append(event)
        return reports
    finally:
        ticks.flush()


def _format_events(
    plan: Plan, info: ExporterInfo, chunk: list[Task], tick: Callable[[int], None]
) -> list[BuildEvent]:
    """One format for each course of a chunk: what became of its document.

    A course that lacks what the format declares as required is not rendered: its result is the
    format's refusal, as ``render`` would raise it.
    """
    from ncmw_course.exporting import get_exporter, render_each

    courses = [course for _, course in chunk]
    try:
        exporter = get_exporter(info.name, **plan.options[info.name])
        refusals = [_refusal(exporter, info.name, course) for course in courses]
        ready = [course for course, refused in zip(courses, refusals, strict=True) if refused is None]
        rendered = iter(render_each(exporter, ready, info.name, tick))
        tick(len(courses) - len(ready))
        results = [next(rendered) if refused is None else refused for refused in refusals]
    except NcmwCourseError as error:  # the exporter cannot be made: no course gets this format
        results = [error] * len(courses)
        tick(len(courses))
    return [
        _outcome(plan, info, path, course, result)
        for (path, course), result in zip(chunk, results, strict=True)
    ]


def _refusal(exporter: object, name: str, course: Course) -> NcmwCourseError | None:
    """Why `course` cannot be rendered by an exporter whose requirements are required, if it cannot
    (or the bug of a plugin that failed to say)."""
    from ncmw_course.exporting import plugin_errors

    if isinstance(exporter, DeclaresRequirements) and exporter.requirement_level == "required":
        try:
            with plugin_errors(exporter, name):
                return refusal(name, exporter.requirements(course))
        except NcmwCourseError as error:
            return error
    return None


def _outcome(
    plan: Plan, info: ExporterInfo, path: Path | None, course: Course, result: bytes | NcmwCourseError
) -> BuildEvent:
    """The document written, or the format skipped for the course, or the problem."""
    from ncmw_course._files import refuse_inputs, write_atomically

    if isinstance(result, bytes):
        target = plan.output_dir / output_name(info, course)
        try:
            refuse_inputs(target, plan.inputs)
            write_atomically(target, result)
        except NcmwCourseError as error:
            return Failed(str(error), info.name, course.slug)
        return Wrote(target, info.name, course.slug)
    if isinstance(result, NotReadyError) and not plan.strict:
        return Skipped(info.name, course.slug, _not_ready(info, path, result))
    if isinstance(result, NotReadyError):
        result = not_ready_for_file(result, path, declares=info.requirement_level is not None)
    if isinstance(result, MissingToolError) and not plan.strict:
        return Skipped(info.name, course.slug, str(result))
    return Failed(str(result), info.name, course.slug, getattr(result, "details", None))


def _not_ready(info: ExporterInfo, path: Path | None, error: NotReadyError) -> str:
    """Why a format is skipped for a course: what it lacks, and the check that lists it for its file
    (for a format that declares its requirements: only those are targets of check)."""
    reason = f"not ready; missing {', '.join(error.fields)}"
    if info.requirement_level is None:
        return reason
    return f"{reason} (see '{check_command(info.name, path)}')"


class Ticks:
    """Counts the documents a worker has rendered, and sends the counts on (`send`).

    Counts are sent at most every tenth of a second, so that a build of thousands of documents
    sends a few hundred messages rather than one per document.
    """

    def __init__(self, send: Callable[[int], None] | None) -> None:
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


class Workers:
    """Runs the build's steps in this process (one job) or on a pool of `jobs` processes.

    With `ticks`, the workers send the counts of documents done through a queue of a manager
    process: its proxy goes with each task, where a plain queue could only be handed to a worker
    when the pool starts, and kept by it in a global.
    """

    def __init__(self, jobs: int, *, ticks: bool) -> None:
        self.jobs = jobs
        self.ticks = ticks
        self.stack = contextlib.ExitStack()
        self.pool: ProcessPoolExecutor | None = None
        self.queue: queue.Queue[int] | None = None

    def __enter__(self) -> Self:
        if self.jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            if self.ticks:
                self.queue = self.stack.enter_context(multiprocessing.Manager()).Queue()
            self.pool = ProcessPoolExecutor(
                max_workers=self.jobs, initializer=_leave_interrupts_to_the_parent
            )
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc_info: object) -> None:
        try:
            if self.pool is not None:
                if kind is None:
                    self.pool.shutdown(wait=True)
                else:  # stopped or failed: the workers stop now, not after their chunks
                    _stop(self.pool)
        finally:
            self.stack.close()

    def map(self, function: Callable[[T], U], items: Sequence[T]) -> Iterator[U]:
        """``function`` over `items`, results in order."""
        if self.pool is None:
            return map(function, items)
        # a few chunks per worker: fewer round trips than one item each, still balanced
        return self.pool.map(function, items, chunksize=max(1, len(items) // (self.jobs * 8)))

    def build(
        self, plan: Plan, chunks: list[list[Task]], advance: Callable[[int], None]
    ) -> Iterator[list[BuildEvent]]:
        """Each course's events, in order; calls `advance` with the documents done meanwhile."""
        if self.pool is None:
            for chunk in chunks:
                yield from build_chunk(plan, chunk, advance if self.ticks else None)
            return
        send = self.queue.put if self.queue is not None else None
        futures = [self.pool.submit(build_chunk, plan, chunk, send) for chunk in chunks]
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


def _leave_interrupts_to_the_parent() -> None:
    """In a worker: Ctrl-C (sent to the whole process group) is the parent's to handle, and SIGTERM,
    which the parent sends to stop us, ends the worker (not the handler a forked worker inherits)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's workers at once: SIGTERM, then SIGKILL for any still running after a second.

    Why: ``shutdown`` waits for every started chunk to finish, so that a build told to stop went on
    writing for seconds, and kept the output pipes of whoever waited for it open.
    """
    processes = list(getattr(pool, "_processes", {}).values())  # CPython keeps its workers there
    for process in processes:
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=1)
        if process.is_alive():
            process.kill()
            process.join(timeout=1)
