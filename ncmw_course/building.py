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
of the courses: :class:`Planned` once the courses are loaded, then :class:`Wrote`, :class:`Kept`,
:class:`Skipped` and :class:`Failed`, then the catalogues' and :class:`Removed`; and with
``ticks=True`` :class:`Progress` as documents are rendered. :func:`output_name` names the files. A
problem with a course or a file is an event and the build goes on; only a mistake in the arguments
(an unknown format or option) is raised.

A build into a folder it built before makes only what changed. The folder's manifest
(``.ncmw-course-build.json``, :mod:`ncmw_course._manifest`) records each document written, and a
document whose course file, exporter and its version, options and environment are the same, and
whose file is as written, is :class:`Kept`; the catalogues are made again only when a course
changed. Documents of courses no longer built are :class:`Removed`. ``force=True`` makes
everything again. See :mod:`ncmw_course._incremental`.

How the work is spread: the courses are loaded in this process (a tenth of a millisecond each),
then rendered, and the catalogues made, on a pool of `jobs` processes forked once the exporters
have imported what they render with (:mod:`ncmw_course._pool`); a small build stays in this
process. Per-course documents go in :func:`chunks`; an exporter that
:class:`~ncmw_course.exporting.RendersMany` (pdf) gets a whole chunk at once. The reports come back
per chunk, and are passed on in the order of the courses.

Imports neither click nor a rendering library.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ncmw_course._build_events import (
    BUNDLED,
    STDIN,
    BuildEvent,
    BuildSummary,
    Failed,
    Kept,
    Planned,
    Progress,
    Removed,
    Skipped,
    Wrote,
    output_name,
)
from ncmw_course._schedule import chunks
from ncmw_course.build_context import BuildContext, BuildFile
from ncmw_course.errors import ExportError, NcmwCourseError, UnknownExporterError

if TYPE_CHECKING:
    from ncmw_course._files import Inputs
    from ncmw_course._incremental import Decision
    from ncmw_course._manifest import Manifest, Record
    from ncmw_course._workers import Job
    from ncmw_course.exporting import CatalogueExporter, Exporter, ExporterInfo
    from ncmw_course.model import Course

__all__ = [
    "BUNDLED",
    "STDIN",
    "BuildEvent",
    "BuildSummary",
    "Failed",
    "Kept",
    "Planned",
    "Progress",
    "Removed",
    "Skipped",
    "Wrote",
    "build",
    "chunks",
    "output_name",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Plan:
    """What every worker needs: where to write, which formats, their options, and how strict."""

    output_dir: Path
    formats: tuple[ExporterInfo, ...]
    """Every format of the build, in order, per-course and catalogue."""
    options: Mapping[str, Mapping[str, object]]
    """By format: the options it declares and was given."""
    strict: bool
    inputs: Inputs = dataclasses.field(default_factory=lambda: _no_inputs())
    """The files the build reads (course files, a template): never written over."""
    broken: tuple[Failed, ...] = ()
    """The formats that cannot be loaded, each with why: skipped, and reported first."""
    fingerprints: Mapping[str, str | None] = dataclasses.field(default_factory=dict)
    """By format, its fingerprint (:mod:`ncmw_course._fingerprints`); None: never kept."""

    @property
    def course_formats(self) -> tuple[ExporterInfo, ...]:
        return tuple(info for info in self.formats if info.scope == "course")

    @property
    def path_options(self) -> set[str]:
        """The options that name a file (a template), which the build reads; not a date or an address."""
        return {option.name for info in self.formats for option in info.options if option.kind == "path"}


def _no_inputs() -> Inputs:
    from ncmw_course._files import Inputs

    return Inputs(())


class _Report:
    """Passes events on to the caller's `on_event`, and counts them for the summary."""

    def __init__(self, on_event: Callable[[BuildEvent], None] | None) -> None:
        self.on_event = on_event or (lambda _event: None)
        self.counts = dict.fromkeys((Wrote, Kept, Removed, Skipped, Failed), 0)
        self.files: list[BuildFile] = []
        """The files written or kept so far, for the catalogue formats that link to them."""

    def __call__(self, event: BuildEvent) -> None:
        if type(event) in self.counts:
            self.counts[type(event)] += 1
        if isinstance(event, Wrote | Kept):
            self.files.append(BuildFile(event.format, event.course, event.path.name))
        self.on_event(event)

    def advance(self, documents: int) -> None:
        self(Progress(documents))

    def summary(self, output_dir: Path, courses: int) -> BuildSummary:
        counts = self.counts
        return BuildSummary(
            output_dir, courses, counts[Wrote], counts[Skipped], counts[Failed], counts[Kept], counts[Removed]
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
    force: bool = False,
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
        jobs: How many processes render at once; by default one per CPU, never more than there is
            work for. A small build stays in this process.
        on_event: Called with each event, in the order of the courses, as the build goes.
        ticks: Also report :class:`Progress` as documents are rendered (for a progress bar); in a
            build on several processes, this starts a small process that carries the counts.
        force: Make every document again, even those that the build before made from the same
            course file, exporter, options and environment.

    Returns:
        The counts, whose ``str`` is the build's last line, as ``ncmw-course build`` prints it.

    A format whose exporter cannot be loaded (a broken plugin) is reported as :class:`Failed`
    first, and the build goes on with the other formats.

    Raises:
        UnknownExporterError: A format is not registered.
        ExportError: No format of the build takes one of the `options`.
    """
    from ncmw_course._courses import course_files, inputs
    from ncmw_course._files import Inputs
    from ncmw_course._fingerprints import fingerprints

    plan = _plan(output_dir, formats, options or {}, strict)
    report = _Report(on_event)
    for failure in plan.broken:
        report(failure)
    paths = [courses] if isinstance(courses, str | os.PathLike) else courses
    files = course_files([Path(path) for path in paths], report)
    exporters = _exporters(plan)
    paths_given = {key: value for key, value in (options or {}).items() if key in plan.path_options}
    plan = dataclasses.replace(
        plan,
        inputs=Inputs(inputs(files, paths_given)),
        fingerprints=fingerprints(plan.formats, plan.options, exporters),
    )
    try:
        built = _run(plan, files, exporters, report, jobs=jobs, ticks=ticks, force=force)
    except BaseException:  # stopped (Ctrl-C, SIGTERM) or failed: the workers are stopped; no half files
        from ncmw_course._files import remove_unfinished

        if plan.output_dir.is_dir():
            remove_unfinished(plan.output_dir)
        raise
    return report.summary(plan.output_dir, built)


def _exporters(plan: Plan) -> dict[str, Exporter | CatalogueExporter]:
    """The exporter of each format that can be made; one that cannot says why when it is used."""
    from ncmw_course.exporting import get_exporter

    made = {}
    for info in plan.formats:
        try:
            made[info.name] = get_exporter(info.name, **plan.options[info.name])
        except NcmwCourseError:
            continue
    return made


def _run(
    plan: Plan,
    files: list[Path | None],
    exporters: Mapping[str, Exporter | CatalogueExporter],
    report: _Report,
    *,
    jobs: int | None,
    ticks: bool,
    force: bool,
) -> int:
    """Load, plan, render and write, remove what is stale, and record it all; the courses built."""
    from ncmw_course._courses import Loaded, load_all
    from ncmw_course._incremental import (
        catalogue_events,
        catalogue_source,
        course_events,
        decide,
        finish,
        kept_catalogue,
    )
    from ncmw_course._manifest import read_manifest
    from ncmw_course._pool import Workers
    from ncmw_course._schedule import Schedule, processes
    from ncmw_course.exporting import RendersMany

    outcomes = load_all(files)
    loaded = [outcome for outcome in outcomes if isinstance(outcome, Loaded)]
    previous = read_manifest(plan.output_dir)
    usable = None if force else previous
    decisions = [decide(plan, usable, item) for item in loaded]
    _settle_refusals(plan, exporters, decisions)
    source = catalogue_source(loaded)
    every_catalogue = [info for info in plan.formats if info.scope == "catalogue"] if loaded else []
    catalogues = [info for info in every_catalogue if not info.uses_build_context]
    linked = sorted(
        (info for info in every_catalogue if info.uses_build_context),
        key=lambda info: info.media_type != "text/html",
    )
    kept = {info.name: kept_catalogue(plan, usable, info, source) for info in catalogues}
    report(Planned(len(files), len(loaded), sum(len(decision.render) for decision in decisions)))
    todo = {place: _job(decision) for place, decision in enumerate(decisions) if decision.render}
    to_make = [(info, source) for info in catalogues if kept[info.name] is None]
    many = {name for name, exporter in exporters.items() if isinstance(exporter, RendersMany)}
    count = processes(jobs, many, list(todo.values()), len(to_make) * len(loaded))
    schedule = Schedule.of(todo, many, count)
    courses = [item.course for item in loaded]
    with Workers(count, ticks=ticks, exporters=exporters, courses=courses) as workers:
        results, made = workers.run(plan, schedule.slow, to_make, schedule.fast, report.advance)
        places = iter(enumerate(decisions))
        for outcome in outcomes:  # in the order of the files
            if isinstance(outcome, Failed):
                report(outcome)
            else:
                place, decision = next(places)
                course_events(plan, decision, schedule.outcomes(place, results), report)
        outcomes_made = dict(zip((info.name for info, _ in to_make), made(), strict=True))
        records = catalogue_events(plan, catalogues, kept, outcomes_made, report)
    records.update(_linked_catalogues(plan, usable, linked, source, courses, report))
    failed = [file for file, outcome in zip(files, outcomes, strict=True) if isinstance(outcome, Failed)]
    finish(plan, previous, decisions, failed, records, report)
    return len(loaded)


def _linked_catalogues(
    plan: Plan,
    previous: Manifest | None,
    linked: Sequence[ExporterInfo],
    source: str,
    courses: Sequence[Course],
    report: _Report,
) -> dict[str, Record | None]:
    """Make the catalogue formats that link to the other files of the build
    (:class:`~ncmw_course.build_context.UsesBuildContext`), here and last, pages first, each told of
    every file written or kept before it; the record of each, by format (None: neither).

    Such a catalogue is kept when the courses and the files it could link to are as they were.
    """
    from ncmw_course._incremental import kept_catalogue
    from ncmw_course._manifest import digest
    from ncmw_course._workers import build_catalogue

    records: dict[str, Record | None] = {}
    for info in linked:
        context = BuildContext(tuple(report.files))
        files = (f"{file.format} {file.course or ''} {file.name}".encode() for file in context.files)
        linked_source = digest(source.encode(), *files)
        record = kept_catalogue(plan, previous, info, linked_source)
        if record is not None:
            report(Kept(plan.output_dir / record.file, info.name, None))
        else:
            event, record = build_catalogue(plan, info, courses, linked_source, context)
            report(event)
        records[info.name] = record
    return records


def _settle_refusals(
    plan: Plan, exporters: Mapping[str, Exporter | CatalogueExporter], decisions: Sequence[Decision]
) -> None:
    """Settle here the formats a course is not ready for (a quick check), rather than send the
    course to a worker to be refused: a build of 1000 courses without EDU-DEX codes sent all."""
    from ncmw_course._workers import refused

    for info in plan.course_formats:
        exporter = exporters.get(info.name)
        if info.requirement_level != "required" or exporter is None:
            continue
        for decision in decisions:
            if info.name in decision.render:
                outcome = refused(plan, exporter, info, _job(decision))
                if outcome is not None:
                    decision.settled[info.name] = outcome
                    decision.render.remove(info.name)


def _job(decision: Decision) -> Job:
    from ncmw_course._workers import Job

    item = decision.loaded
    return Job(item.path, item.course, item.source, tuple(decision.render))


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
