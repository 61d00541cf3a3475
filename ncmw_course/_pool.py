"""The processes of a build (:mod:`ncmw_course.building`): this one, or a pool of forked workers.

:class:`Workers` runs the build's tasks (:mod:`ncmw_course._workers`) in this process, for one
job, or on a pool of `jobs` processes. Before it starts the pool it warms up: every exporter of
the build that :class:`~ncmw_course.exporting.WarmsUp` imports its rendering libraries and reads
its template here, and the objects made so far are frozen out of the cycle collector's way
(:func:`gc.freeze`). On Linux the workers are forked, and so start with all of that done (and
shared with this process, page for page) rather than importing everything again, which made
``--jobs 2`` slower than ``--jobs 1`` for ten courses.

With ticks, the workers send the counts of documents done through a queue of a manager process:
its proxy goes with each task, where a plain queue could only be handed to a worker when the pool
starts, and kept by it in a global.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Self, TypeVar

from ncmw_course._workers import Job, Outcome, build_catalogue, build_chunk, made_exporters
from ncmw_course.errors import NcmwCourseError

if TYPE_CHECKING:
    import queue
    from concurrent.futures import Future, ProcessPoolExecutor

    from ncmw_course.building import Plan
    from ncmw_course.exporting import CatalogueExporter, Exporter, ExporterInfo
    from ncmw_course.model import Course

__all__ = ["Catalogue", "Workers"]

T = TypeVar("T")

Catalogue = tuple["ExporterInfo", str]
"""A catalogue to build: its format, and the digest of its courses."""


class Workers:
    """Runs a build's tasks in this process (one job) or on a pool of `jobs` forked processes."""

    def __init__(
        self,
        jobs: int,
        *,
        ticks: bool,
        exporters: Mapping[str, Exporter | CatalogueExporter],
        courses: Sequence[Course],
    ) -> None:
        self.jobs = jobs
        self.ticks = ticks
        self.exporters = exporters
        self.courses = courses
        """Every course of the build, for its catalogues."""
        self.stack = contextlib.ExitStack()
        self.pool: ProcessPoolExecutor | None = None
        self.forked = False
        self.queue: queue.Queue[int] | None = None

    def __enter__(self) -> Self:
        self.stack.enter_context(made_exporters(self.exporters, self.courses))
        if self.jobs > 1:
            import gc
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            _warm_up(self.exporters)
            if self.ticks:
                self.queue = self.stack.enter_context(multiprocessing.Manager()).Queue()
            gc.freeze()  # the workers' collections leave what they inherit alone: its pages stay shared
            self.stack.callback(gc.unfreeze)
            self.forked = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork") if self.forked else None
            self.pool = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=context, initializer=_leave_interrupts_to_the_parent
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

    def run(
        self,
        plan: Plan,
        slow: list[list[Job]],
        catalogues: list[Catalogue],
        fast: list[list[Job]],
        advance: Callable[[int], None],
    ) -> tuple[list[Callable[[], list[dict[str, Outcome]]]], Callable[[], list[Outcome]]]:
        """Build the chunks and the catalogues. For each chunk, slow ones first, a call that gives
        its outcomes once they are done (here: that builds it, once); and a call that gives the
        catalogues' outcomes. Calls `advance` with the counts of documents done meanwhile.

        On the pool the longest tasks start first: the slow chunks (LibreOffice), the catalogues,
        then the other chunks.
        """
        chunks = [*slow, *fast]
        if self.pool is None:
            send = advance if self.ticks else None
            built: list[Callable[[], list[dict[str, Outcome]]]] = [
                functools.cache(functools.partial(build_chunk, plan, chunk, send)) for chunk in chunks
            ]
            return built, lambda: [build_catalogue(plan, info, None, source) for info, source in catalogues]
        send = self.queue.put if self.queue is not None else None
        first = [self.pool.submit(build_chunk, plan, chunk, send) for chunk in slow]
        courses = None if self.forked else self.courses
        made = [self.pool.submit(build_catalogue, plan, info, courses, source) for info, source in catalogues]
        then = [self.pool.submit(build_chunk, plan, chunk, send) for chunk in fast]
        waits: list[Callable[[], list[dict[str, Outcome]]]] = [
            functools.partial(self._wait, future, advance) for future in (*first, *then)
        ]
        return waits, lambda: [self._wait(future, advance) for future in made]

    def _wait(self, future: Future[T], advance: Callable[[int], None]) -> T:
        """The result of `future`, passing on the counts of documents done while it is awaited."""
        while self.queue is not None and not future.done():
            self._drain(advance, wait=0.05)
        result = future.result()
        if self.queue is not None:
            self._drain(advance, wait=0)
        return result

    def _drain(self, advance: Callable[[int], None], wait: float) -> None:
        import queue

        assert self.queue is not None
        try:
            advance(self.queue.get(timeout=wait) if wait else self.queue.get_nowait())
            while True:
                advance(self.queue.get_nowait())
        except queue.Empty:
            pass


def _warm_up(exporters: Mapping[str, object]) -> None:
    """Have each exporter that can import and read what it renders with, here, before the fork."""
    from ncmw_course.exporting import WarmsUp, plugin_errors

    for name, exporter in exporters.items():
        if isinstance(exporter, WarmsUp):
            with contextlib.suppress(NcmwCourseError), plugin_errors(exporter, name):
                exporter.warm_up()  # one that fails says why when it renders


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
