"""The work of a build (:mod:`ncmw_course.building`) that runs in its workers: rendering and writing.

:func:`build_chunk` renders and writes the documents a chunk of courses needs and returns, for each
course and format, what became of the document (:data:`Outcome`); :func:`build_catalogue` does
the same for one catalogue. They run in a worker process (:mod:`ncmw_course._pool`), or in this
one. Everything a task needs goes with it, but the exporters: those the build made in its own
process (:func:`made_exporters`) are used as they are, by a forked worker too, so that a template
is read once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from ncmw_course._build_events import Failed, Skipped, Wrote, output_name
from ncmw_course._hints import check_command, not_ready_for_file
from ncmw_course.errors import MissingToolError, NcmwCourseError, NotReadyError
from ncmw_course.readiness import DeclaresRequirements, refusal

if TYPE_CHECKING:
    from pathlib import Path

    from ncmw_course._build_events import BuildEvent
    from ncmw_course._manifest import Record
    from ncmw_course.build_context import BuildContext
    from ncmw_course.building import Plan
    from ncmw_course.exporting import CatalogueExporter, Exporter, ExporterInfo
    from ncmw_course.model import Course

__all__ = ["Job", "Outcome", "Ticks", "build_catalogue", "build_chunk", "made_exporters", "refused"]

Outcome: TypeAlias = "tuple[BuildEvent, Record | None]"
"""What became of one document: the event, and for a document written, its record for the manifest."""

_MADE: dict[str, Exporter | CatalogueExporter] = {}
"""The exporters of the build that is running, by format (see :func:`made_exporters`)."""
_COURSES: list[Course] = []
"""The courses of the catalogues of the build that is running (see :func:`made_exporters`)."""


@dataclass(frozen=True)
class Job:
    """A course to build, with its file (None for the bundled course), and the formats to render."""

    path: Path | None
    course: Course
    source: str
    """The digest of what the course was read from, for the records of its documents."""
    formats: tuple[str, ...]


@contextmanager
def made_exporters(
    exporters: Mapping[str, Exporter | CatalogueExporter], courses: Sequence[Course]
) -> Iterator[None]:
    """Use `exporters` (made by the build, by format) for the build's documents, and `courses` for
    its catalogues, here and in the workers forked meanwhile. Why: a forked worker has them as they
    are, where sending them would copy them (the catalogues' courses are all the build's)."""
    _MADE.update(exporters)
    _COURSES.extend(courses)
    try:
        yield
    finally:
        _MADE.clear()
        _COURSES.clear()


def _exporter(plan: Plan, name: str) -> Exporter | CatalogueExporter:
    """The build's exporter of the format `name`: the one it made, or one made now.

    Raises:
        NcmwCourseError: It cannot be made.
    """
    from ncmw_course.exporting import get_exporter

    made = _MADE.get(name)
    return made if made is not None else get_exporter(name, **plan.options[name])


def build_chunk(plan: Plan, chunk: list[Job], send: Callable[[int], None] | None) -> list[dict[str, Outcome]]:
    """Render and write the documents of a chunk of courses; for each course, by format, the outcome.

    Runs in a worker (or in this process); `send` takes the counts of documents done.
    """
    ticks = Ticks(send)
    try:
        outcomes: list[dict[str, Outcome]] = [{} for _ in chunk]
        for info in plan.course_formats:
            wanted = [index for index, job in enumerate(chunk) if info.name in job.formats]
            if wanted:
                done = _format_outcomes(plan, info, [chunk[index] for index in wanted], ticks.tick)
                for index, outcome in zip(wanted, done, strict=True):
                    outcomes[index][info.name] = outcome
        return outcomes
    finally:
        ticks.flush()


def _format_outcomes(
    plan: Plan, info: ExporterInfo, jobs: list[Job], tick: Callable[[int], None]
) -> list[Outcome]:
    """One format for each of `jobs`: what became of its document.

    A course that lacks what the format declares as required is not rendered: its result is the
    format's refusal, as ``render`` would raise it.
    """
    from ncmw_course.exporting import render_each

    courses = [job.course for job in jobs]
    try:
        exporter = _exporter(plan, info.name)
        refusals = [_refusal(exporter, info.name, course) for course in courses]
        ready = [course for course, refused in zip(courses, refusals, strict=True) if refused is None]
        rendered = iter(render_each(exporter, ready, info.name, tick))
        tick(len(courses) - len(ready))
        results = [next(rendered) if refused is None else refused for refused in refusals]
    except NcmwCourseError as error:  # the exporter cannot be made: no course gets this format
        results = [error] * len(courses)
        tick(len(courses))
    documents = [
        (plan.output_dir / output_name(info, job.course), result, job.course.slug, job.source)
        for job, result in zip(jobs, results, strict=True)
        if isinstance(result, bytes)
    ]
    written = iter(_write(plan, info.name, documents))
    return [
        next(written) if isinstance(result, bytes) else _outcome(plan, info, job, result)
        for job, result in zip(jobs, results, strict=True)
    ]


def refused(plan: Plan, exporter: object, info: ExporterInfo, job: Job) -> Outcome | None:
    """The outcome of a format the course is not ready for, settled without rendering; None when
    the course is ready (or the format requires nothing)."""
    refusal = _refusal(exporter, info.name, job.course)
    return None if refusal is None else _outcome(plan, info, job, refusal)


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


def _outcome(plan: Plan, info: ExporterInfo, job: Job, result: NcmwCourseError) -> Outcome:
    """The format skipped for the course, or the problem."""
    course, path = job.course, job.path
    if isinstance(result, NotReadyError) and not plan.strict:
        return Skipped(info.name, course.slug, _not_ready(info, path, result)), None
    if isinstance(result, NotReadyError):
        result = not_ready_for_file(result, path, declares=info.requirement_level is not None)
    if isinstance(result, MissingToolError) and not plan.strict:
        return Skipped(info.name, course.slug, str(result)), None
    return Failed(str(result), info.name, course.slug, getattr(result, "details", None)), None


def _write(plan: Plan, name: str, documents: Sequence[tuple[Path, bytes, str | None, str]]) -> list[Outcome]:
    """Write documents of the format `name` together (:func:`~ncmw_course._files.write_all`): for each,
    its event, and its record when the format has a fingerprint.

    Args:
        documents: Each document's path, bytes, course slug (None for a catalogue) and source.
    """
    from ncmw_course._files import write_all
    from ncmw_course._manifest import record_of

    problems: dict[int, NcmwCourseError | None] = {}
    for index, (target, *_) in enumerate(documents):
        try:
            plan.inputs.refuse(target)
        except NcmwCourseError as refusal:
            problems[index] = refusal
    writable = [index for index in range(len(documents)) if index not in problems]
    problems.update(zip(writable, write_all([documents[index][:2] for index in writable]), strict=True))
    fingerprint = plan.fingerprints.get(name)
    outcomes: list[Outcome] = []
    for index, (target, data, slug, source) in enumerate(documents):
        problem = problems[index]
        if problem is not None:
            outcomes.append((Failed(str(problem), name, slug), None))
        else:
            record = None if fingerprint is None else record_of(target, data, source, fingerprint)
            outcomes.append((Wrote(target, name, slug), record))
    return outcomes


def _not_ready(info: ExporterInfo, path: Path | None, error: NotReadyError) -> str:
    """Why a format is skipped for a course: what it lacks, and the check that lists it for its file
    (for a format that declares its requirements: only those are targets of check)."""
    reason = f"not ready; missing {', '.join(error.fields)}"
    if info.requirement_level is None:
        return reason
    return f"{reason} (see '{check_command(info.name, path)}')"


def build_catalogue(
    plan: Plan,
    info: ExporterInfo,
    courses: Sequence[Course] | None,
    source: str,
    context: BuildContext | None = None,
) -> Outcome:
    """Render and write one catalogue of `courses`, or of those :func:`made_exporters` holds for
    None (`source`: the digest of the list); a format that uses it is told of the files of the
    build that `context` names. A catalogue the courses are not ready for is skipped (an error with
    ``strict``).
    """
    from ncmw_course.exporting import render_catalogue_with

    if courses is None:
        assert _COURSES, "a worker that was not forked by the build has none of its courses"
        courses = _COURSES
    try:
        data = render_catalogue_with(_exporter(plan, info.name), courses, info.name, context)
    except NotReadyError as error:
        reason = f"not ready; {'; '.join(error.missing)}"
        if plan.strict:
            return Failed(f"{info.name}: {reason}", info.name), None
        return Skipped(info.name, None, reason), None
    except NcmwCourseError as error:
        return Failed(str(error), info.name, details=getattr(error, "details", None)), None
    (outcome,) = _write(plan, info.name, [(plan.output_dir / output_name(info), data, None, source)])
    return outcome


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
