"""Which documents a build makes again, keeps or removes, from the manifest of the build before.

A course's document is kept when the manifest's record of it was made from the same course file
(its digest) by the same format (its fingerprint, :mod:`ncmw_course._fingerprints`), under the same
name, and its file is still as written (:func:`~ncmw_course._manifest.current`). A catalogue is kept
on the same terms, its source being the courses of the build in their order: any course changed,
added, removed or moved makes every catalogue again. Documents of courses that are no longer built
are removed, when their files are still as written; a course whose file is in the build but not
valid now keeps its documents until it is fixed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ncmw_course._build_events import Failed, Kept, Removed, output_name
from ncmw_course._courses import recorded_path
from ncmw_course._manifest import CourseRecords, Manifest, Record, current, digest, removable
from ncmw_course.errors import NcmwCourseError

if TYPE_CHECKING:
    from pathlib import Path

    from ncmw_course._build_events import BuildEvent
    from ncmw_course._courses import Loaded
    from ncmw_course._workers import Outcome
    from ncmw_course.building import Plan
    from ncmw_course.exporting import ExporterInfo

__all__ = [
    "Decision",
    "catalogue_events",
    "catalogue_source",
    "course_events",
    "decide",
    "finish",
    "kept_catalogue",
    "next_manifest",
    "stale",
]


@dataclass
class Decision:
    """What becomes of one course's documents in this build."""

    loaded: Loaded
    kept: dict[str, Record] = field(default_factory=dict)
    """By format: the documents kept as the build before wrote them."""
    render: list[str] = field(default_factory=list)
    """The formats to render, in the build's order."""
    settled: dict[str, Outcome] = field(default_factory=dict)
    """By format: the outcomes known without rendering (a format the course is not ready for)."""
    written: dict[str, Record] = field(default_factory=dict)
    """By format: the documents written by this build (filled in as they are)."""


def decide(plan: Plan, previous: Manifest | None, loaded: Loaded) -> Decision:
    """Which of the course's formats to render, and which documents to keep (none without `previous`)."""
    decision = Decision(loaded)
    entry = previous.courses.get(loaded.course.slug) if previous is not None else None
    for info in plan.course_formats:
        record = entry.outputs.get(info.name) if entry is not None else None
        kept = _kept(plan, info, record, loaded.source, output_name(info, loaded.course))
        if kept is None:
            decision.render.append(info.name)
        else:
            decision.kept[info.name] = kept
    return decision


def _kept(plan: Plan, info: ExporterInfo, record: Record | None, source: str, name: str) -> Record | None:
    fingerprint = plan.fingerprints.get(info.name)
    if record is None or fingerprint is None:
        return None
    if (record.source, record.fingerprint, record.file) != (source, fingerprint, name):
        return None
    return current(plan.output_dir, record)


def catalogue_source(loaded: Iterable[Loaded]) -> str:
    """The source of the catalogues: the courses of the build, in their order."""
    return digest(*(f"{item.course.slug} {item.source}".encode() for item in loaded))


def kept_catalogue(plan: Plan, previous: Manifest | None, info: ExporterInfo, source: str) -> Record | None:
    """The catalogue's record, when the document the build before wrote can be kept."""
    record = previous.catalogues.get(info.name) if previous is not None else None
    return _kept(plan, info, record, source, output_name(info))


def stale(
    folder: Path, previous: Manifest | None, built: Iterable[str], failed: Iterable[Path | None]
) -> list[tuple[str, str, Record]]:
    """The documents of courses no longer built, as (slug, format, record), whose files are still as
    written. A course whose file failed to load in this build is not among them."""
    if previous is None:
        return []
    keep = set(built)
    failed_paths = {recorded_path(path) for path in failed}
    gone = []
    for slug, entry in previous.courses.items():
        if slug in keep or entry.path in failed_paths:
            continue
        records = {record.file: (name, record) for name, record in entry.outputs.items()}
        for record in removable(folder, [record for _, record in records.values()]):
            gone.append((slug, records[record.file][0], record))
    return gone


def next_manifest(
    plan: Plan,
    previous: Manifest | None,
    decisions: Sequence[Decision],
    failed: Iterable[Path | None],
    catalogues: Mapping[str, Record | None],
) -> Manifest:
    """The manifest after this build.

    A built course's documents are those kept and written now, and those of formats this build did
    not make, as the build before recorded them. A course whose file failed to load keeps its
    records; other courses' records go (their documents were removed, or were changed by hand).
    `catalogues`: by format, the record of each catalogue kept or written now (None: neither).
    """
    built_formats = {info.name for info in plan.formats}
    old_courses = previous.courses if previous is not None else {}
    courses: dict[str, CourseRecords] = {}
    failed_paths = {recorded_path(path) for path in failed}
    for slug, entry in old_courses.items():
        if entry.path in failed_paths:
            courses[slug] = entry
    for decision in decisions:
        slug = decision.loaded.course.slug
        old = old_courses.get(slug)
        outputs = {
            name: record
            for name, record in (old.outputs.items() if old is not None else ())
            if name not in built_formats
        }
        outputs.update(decision.kept)
        outputs.update(decision.written)
        courses[slug] = CourseRecords(recorded_path(decision.loaded.path), outputs)
    old_catalogues = previous.catalogues if previous is not None else {}
    kept = {name: record for name, record in old_catalogues.items() if name not in catalogues}
    kept.update({name: record for name, record in catalogues.items() if record is not None})
    return Manifest(courses, kept)


def course_events(
    plan: Plan, decision: Decision, rendered: Mapping[str, Outcome], report: Callable[[BuildEvent], None]
) -> None:
    """Report a course's documents, kept, settled or rendered, in the order of the formats."""
    outcomes = {**decision.settled, **rendered}
    for info in plan.course_formats:
        record = decision.kept.get(info.name)
        if record is not None:
            report(Kept(plan.output_dir / record.file, info.name, decision.loaded.course.slug))
        elif info.name in outcomes:
            event, written = outcomes[info.name]
            report(event)
            if written is not None:
                decision.written[info.name] = written


def catalogue_events(
    plan: Plan,
    catalogues: Sequence[ExporterInfo],
    kept: Mapping[str, Record | None],
    made: Mapping[str, Outcome],
    report: Callable[[BuildEvent], None],
) -> dict[str, Record | None]:
    """Report the catalogues, kept or made; the record of each, by format (None: neither)."""
    records: dict[str, Record | None] = {}
    for info in catalogues:
        record = kept[info.name]
        if record is not None:
            report(Kept(plan.output_dir / record.file, info.name, None))
        else:
            event, record = made[info.name]
            report(event)
        records[info.name] = record
    return records


def finish(
    plan: Plan,
    previous: Manifest | None,
    decisions: Sequence[Decision],
    failed: Sequence[Path | None],
    catalogues: Mapping[str, Record | None],
    report: Callable[[BuildEvent], None],
) -> None:
    """Remove the documents of courses no longer built, and write the manifest of this build."""
    from ncmw_course._manifest import write_manifest

    built = [decision.loaded.course.slug for decision in decisions]
    for slug, name, record in stale(plan.output_dir, previous, built, failed):
        path = plan.output_dir / record.file
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            report(Failed(f"cannot remove {path}: {error.strerror or error}", name, slug))
            continue
        report(Removed(path, name, slug))
    if plan.output_dir.is_dir():
        try:
            write_manifest(plan.output_dir, next_manifest(plan, previous, decisions, failed, catalogues))
        except NcmwCourseError as error:
            report(Failed(str(error)))
