"""Build every format of many courses into a folder: the library behind ``ncmw-course build``.

::

    from ncmw_course.building import build

    events = []
    summary = build(["courses/"], "site", formats=["json", "catalogue-json"], on_event=events.append)
    [str(event) for event in events]   # ['Wrote site/….json', 'Wrote site/….json', 'Wrote site/catalogue.json']
    str(summary)                       # 'Built 3 files for 2 courses in site'
    summary.ok                         # True: nothing was reported as an error

:func:`build` plans and runs a build. It finds the course files (files as given, the ``*.json``
files of folders, or the bundled course), loads them all and refuses a second course with a slug
before anything is written, renders and writes every per-course format of the valid courses,
then each catalogue format once for all of them. What happens is reported as events, in the order
of the courses: :class:`Planned` once the courses are loaded, then :class:`Wrote`,
:class:`Skipped` and :class:`Failed`, and with ``ticks=True`` :class:`Progress` as documents are
rendered. :func:`output_name` names the files. A problem with a course or a file is an event and
the build goes on; only a mistake in the arguments (an unknown format or option) is raised.

How the work is spread: rendering is pure Python, so the courses are loaded and then rendered on
a pool of `jobs` processes (threads would share one core), in :func:`chunks`. Each task carries
all its worker needs (the plan, its courses, and where to send its progress), so a worker keeps no
state between tasks. An exporter that :class:`~ncmw_course.exporting.RendersMany` (pdf) gets a
whole chunk at once. The reports come back per chunk, and are passed on in the order of the courses.

Imports neither click nor a rendering library.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from ncmw_course.build_context import BuildContext, BuildFile
from ncmw_course.errors import ExportError, NcmwCourseError, NotReadyError, UnknownExporterError

if TYPE_CHECKING:
    from ncmw_course.exporting import ExporterInfo
    from ncmw_course.model import Course

__all__ = [
    "BUNDLED",
    "BuildEvent",
    "BuildSummary",
    "Failed",
    "Planned",
    "Progress",
    "Skipped",
    "Wrote",
    "build",
    "chunks",
    "output_name",
]

T = TypeVar("T")

BUNDLED = "the bundled course"
"""How reports name the bundled course, which has no file name of its own."""
STDIN = "-"
"""A course file named ``-`` is read from standard input (in this process, not by a worker)."""


@dataclass(frozen=True)
class Planned:
    """The courses are loaded, and the documents to render are known."""

    files: int
    """The course files found; the bundled course counts as one."""
    courses: int
    """The valid courses, each with a slug of its own, that are built."""
    documents: int
    """The per-course documents to render (the courses times the per-course formats)."""


@dataclass(frozen=True)
class Wrote:
    """A document was written."""

    path: Path
    format: str
    course: str | None
    """The course's slug; ``None`` for a catalogue of all courses."""

    def __str__(self) -> str:
        return f"Wrote {self.path}"


@dataclass(frozen=True)
class Skipped:
    """A format was not made for a course: the course is not ready for it, or a program it needs is missing.

    With ``strict=True`` these are :class:`Failed` instead.
    """

    format: str
    course: str | None
    """The course's slug; ``None`` for a catalogue of all courses."""
    reason: str
    """Why, and what to do, such as ``not ready; missing price (see 'ncmw-course check …')``."""

    def __str__(self) -> str:
        if self.course is None:
            return f"Skipped {self.format}: {self.reason}"
        return f"Skipped {self.format} for {self.course}: {self.reason}"


@dataclass(frozen=True)
class Failed:
    """A problem: a course file that is not a valid course, a second course with a slug, a document
    that could not be rendered or written."""

    message: str
    format: str | None = None
    """The format, when the problem is one document's."""
    course: str | None = None
    """The course's slug, when the problem is one course's document."""
    details: str | None = None
    """More for those who look into it: the traceback of a third-party exporter's bug."""

    def __str__(self) -> str:
        return f"Error: {self.message}"


@dataclass(frozen=True)
class Progress:
    """More documents were rendered (with ``ticks=True``): for a progress bar of :attr:`Planned.documents`."""

    documents: int


BuildEvent: TypeAlias = Planned | Wrote | Skipped | Failed | Progress
"""What :func:`build` reports as it goes."""


@dataclass(frozen=True)
class BuildSummary:
    """What a build did, counted."""

    output_dir: Path
    courses: int
    """The valid courses built."""
    written: int
    skipped: int
    failures: int
    """The problems reported as :class:`Failed`."""

    @property
    def ok(self) -> bool:
        """Whether nothing was reported as :class:`Failed` (``ncmw-course build`` then exits 0)."""
        return not self.failures

    def __str__(self) -> str:
        line = (
            f"Built {_count(self.written, 'file')} for {_count(self.courses, 'course')} in {self.output_dir}"
        )
        if self.skipped:
            line += f"; skipped {_count(self.skipped, 'file')}"
        if self.failures:
            line += f"; {_count(self.failures, 'problem')} reported above"
        return line


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def output_name(info: ExporterInfo, course: Course | None = None) -> str:
    """The file name of a format's document: ``<slug><extension>`` for a course, or
    ``catalogue<extension>`` for a catalogue format, which takes no `course` (``sitemap.xml`` for
    one whose ``file_stem`` is ``sitemap``).

    Raises:
        ValueError: A per-course format without a course.
    """
    if info.scope == "catalogue":
        return f"{info.file_stem}{info.file_extension}"
    if course is None:
        msg = f"the format {info.name!r} makes one file per course; name the course"
        raise ValueError(msg)
    return f"{course.slug}{info.file_extension}"


@dataclass(frozen=True)
class Plan:
    """What every worker needs: where to write, which formats, their options, and how strict."""

    output_dir: Path
    formats: tuple[ExporterInfo, ...]
    """Every format of the build, in order, per-course and catalogue."""
    options: Mapping[str, Mapping[str, object]]
    """By format: the options it declares and was given."""
    strict: bool
    inputs: tuple[Path, ...] = ()
    """The files the build reads (course files, a template): never written over."""
    broken: tuple[Failed, ...] = ()
    """The formats that cannot be loaded, each with why: skipped, and reported first."""

    @property
    def course_formats(self) -> tuple[ExporterInfo, ...]:
        return tuple(info for info in self.formats if info.scope == "course")

    @property
    def path_options(self) -> set[str]:
        """The options that name a file (a template), which the build reads; not a date or an address."""
        return {option.name for info in self.formats for option in info.options if option.kind == "path"}


Task: TypeAlias = "tuple[Path | None, Course]"
"""A course to build, with its file (``None`` for the bundled course)."""


class _Report:
    """Passes events on to the caller's `on_event`, and counts them for the summary."""

    def __init__(self, on_event: Callable[[BuildEvent], None] | None) -> None:
        self.on_event = on_event or (lambda _event: None)
        self.counts = {Wrote: 0, Skipped: 0, Failed: 0}
        self.written: list[BuildFile] = []
        """The files written so far, for the catalogue formats that link to them."""

    def __call__(self, event: BuildEvent) -> None:
        if type(event) in self.counts:
            self.counts[type(event)] += 1
        if isinstance(event, Wrote):
            self.written.append(BuildFile(event.format, event.course, event.path.name))
        self.on_event(event)

    def advance(self, documents: int) -> None:
        self(Progress(documents))

    def summary(self, output_dir: Path, courses: int) -> BuildSummary:
        return BuildSummary(
            output_dir, courses, self.counts[Wrote], self.counts[Skipped], self.counts[Failed]
        )


def build(
    courses: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] = (),
    output_dir: str | os.PathLike[str] = "dist",
    *,
    formats: Sequence[str] = (),
    options: Mapping[str, object] | None = None,
    strict: bool = False,
    jobs: int | None = None,
    on_event: Callable[[BuildEvent], None] | None = None,
    ticks: bool = False,
) -> BuildSummary:
    """Write every format (or those named) of every course into `output_dir`, reporting events.

    Args:
        courses: Course files and folders of them (their ``*.json`` files); none for the bundled
            course; ``-`` for a course read from standard input.
        output_dir: The folder to write into; made when missing.
        formats: The formats to build, in order; none for every registered format.
        options: Exporter options by name, such as ``template``; each goes to the formats that
            declare it.
        strict: Report a format a course is not ready for, or whose program is missing, as
            :class:`Failed` rather than :class:`Skipped`.
        jobs: How many processes render at once; by default one per CPU, never more than courses.
        on_event: Called with each event, in the order of the courses, as the build goes.
        ticks: Also report :class:`Progress` as documents are rendered (for a progress bar); in a
            build on several processes, this starts a small process that carries the counts.

    Returns:
        The counts, whose ``str`` is the build's last line, as ``ncmw-course build`` prints it.

    A format whose exporter cannot be loaded (a broken plugin) is reported as :class:`Failed`
    first, and the build goes on with the other formats.

    Raises:
        UnknownExporterError: A format is not registered.
        ExportError: No format of the build takes one of the `options`.
    """
    from ncmw_course._courses import course_files, inputs, load_all
    from ncmw_course._workers import Workers

    plan = _plan(output_dir, formats, options or {}, strict)
    report = _Report(on_event)
    for failure in plan.broken:
        report(failure)
    paths = [courses] if isinstance(courses, str | os.PathLike) else courses
    files = course_files([Path(path) for path in paths], report)
    paths_given = {key: value for key, value in (options or {}).items() if key in plan.path_options}
    plan = dataclasses.replace(plan, inputs=inputs(files, paths_given))
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(files)))
    try:
        with Workers(jobs, ticks=ticks) as workers:
            outcomes = load_all(files, workers)
            tasks = [outcome for outcome in outcomes if not isinstance(outcome, Failed)]
            report(Planned(len(files), len(tasks), len(tasks) * len(plan.course_formats)))
            reports = workers.build(plan, chunks(tasks, jobs), report.advance)
            for outcome in outcomes:  # in the order of the files
                for event in [outcome] if isinstance(outcome, Failed) else next(reports):
                    report(event)
        _catalogues(plan, [course for _, course in tasks], report)
    except BaseException:  # stopped (Ctrl-C, SIGTERM) or failed: the workers are stopped; no half files
        from ncmw_course._files import remove_unfinished

        if plan.output_dir.is_dir():
            remove_unfinished(plan.output_dir)
        raise
    return report.summary(plan.output_dir, len(tasks))


def _plan(
    output_dir: str | os.PathLike[str], formats: Sequence[str], options: Mapping[str, object], strict: bool
) -> Plan:
    from ncmw_course.exporting import exporter_info, exporter_names

    infos: list[ExporterInfo] = []
    broken: list[Failed] = []
    for name in dict.fromkeys(formats or exporter_names()):
        try:
            infos.append(exporter_info(name))
        except UnknownExporterError:
            raise
        except ExportError as error:  # a broken plugin: the other formats are built
            broken.append(Failed(f"skipped the format {name!r}: {error}", name))
    declared = {info.name: {option.name for option in info.options} for info in infos}
    for key in options:
        if not any(key in names for names in declared.values()):
            msg = f"no format of the build ({', '.join(declared)}) has an option {key!r}"
            raise ExportError(msg)
    chosen = {
        name: {key: value for key, value in options.items() if key in names}
        for name, names in declared.items()
    }
    _link_formats(infos, chosen)
    return Plan(Path(output_dir), tuple(infos), chosen, strict, broken=tuple(broken))


def _link_formats(infos: list[ExporterInfo], chosen: dict[str, dict[str, object]]) -> None:
    """Give each option that links to a catalogue format of the build (`ExporterOption.links_to`)
    that format's file name, unless the option was given: html's pages link back to the catalogue."""
    catalogues = {info.name: output_name(info) for info in infos if info.scope == "catalogue"}
    for info in infos:
        for option in info.options:
            if option.links_to in catalogues and option.name not in chosen[info.name]:
                chosen[info.name][option.name] = catalogues[option.links_to]


def _catalogues(plan: Plan, courses: list[Course], report: _Report) -> None:
    """Write each catalogue format once, for all the courses built.

    The formats that link to other files of the build (:class:`~ncmw_course.build_context.UsesBuildContext`)
    come last, pages first, each told of every file written before it; a format the courses are
    not ready for is skipped (an error with `strict`).
    """
    from ncmw_course._files import refuse_inputs, write_atomically
    from ncmw_course.exporting import render_catalogue_in_build

    if not courses:
        return
    catalogues = [info for info in plan.formats if info.scope == "catalogue"]
    for info in sorted(
        catalogues, key=lambda info: (info.uses_build_context, info.media_type != "text/html")
    ):
        target = plan.output_dir / output_name(info)
        context = BuildContext(tuple(report.written))
        try:
            refuse_inputs(target, plan.inputs)
            data = render_catalogue_in_build(courses, info.name, context, **plan.options[info.name])
            write_atomically(target, data)
        except NotReadyError as error:
            reason = f"not ready; {'; '.join(error.missing)}"
            report(
                Failed(f"{info.name}: {reason}", info.name)
                if plan.strict
                else Skipped(info.name, None, reason)
            )
        except NcmwCourseError as error:
            report(Failed(str(error), info.name, details=getattr(error, "details", None)))
        else:
            report(Wrote(target, info.name, None))


def chunks(tasks: list[T], jobs: int) -> list[list[T]]:
    """`tasks` in consecutive chunks for the workers: one per worker for up to 50 courses a worker,
    else two or more per worker, as many for each worker, and never over 200 courses.

    Why chunks: an exporter that renders many (pdf) starts its converter once per chunk rather
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
