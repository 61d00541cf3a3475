"""What a build wrote into its folder, kept for the next build: ``.ncmw-course-build.json``.

For each document the build wrote, a :class:`Record`: its file name, what it was made from (the
digest of the course file, or of the list of courses for a catalogue), the fingerprint of its
format (:mod:`ncmw_course._fingerprints`), and the digest, size and modification time of the file
as written. The next build keeps a document whose record matches what it would make it from, and
whose file is still as written (:func:`current`); it makes every other one again.

The manifest is one small JSON file, written atomically at the end of a build. One that cannot be
read, is damaged, or was not written by this version of ncmw-course is no manifest
(:func:`read_manifest` gives ``None``): the build then makes everything, never keeps a document it
cannot vouch for. A file is only ever kept or removed when it is exactly as the build wrote it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ncmw_course._files import write_atomically

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "KIND",
    "MANIFEST",
    "CourseRecords",
    "Manifest",
    "Record",
    "current",
    "digest",
    "read_manifest",
    "record_of",
    "removable",
    "write_manifest",
]

MANIFEST = ".ncmw-course-build.json"
"""The manifest's name in the build's folder."""
KIND = "ncmw-course build manifest"
VERSION = 1
"""The manifest's layout; another one is read as no manifest."""


def digest(*parts: bytes) -> str:
    """A short digest (BLAKE2b, 128 bits, as hex) of `parts`, each kept apart from the next."""
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        hashed.update(len(part).to_bytes(8, "big"))
        hashed.update(part)
    return hashed.hexdigest()


@dataclass(frozen=True)
class Record:
    """A document as the build wrote it, and what it was made from."""

    file: str
    """Its name in the folder (never a path: a name with a folder in it is a damaged manifest)."""
    source: str
    """The digest of what it was made from: the course file (its kind and bytes), or for a
    catalogue, the courses in their order."""
    fingerprint: str
    """The format's fingerprint: exporter, version, options and environment."""
    digest: str
    """The digest of the file's bytes."""
    size: int
    mtime_ns: int

    def to_json(self) -> list[object]:
        return [self.file, self.source, self.fingerprint, self.digest, self.size, self.mtime_ns]

    @classmethod
    def from_json(cls, value: Any) -> Record:
        """Raises: ValueError: Not a record."""
        if not (isinstance(value, list) and len(value) == 6):
            raise _Damaged(value)
        file, source, fingerprint, content, size, mtime_ns = value
        texts = (file, source, fingerprint, content)
        if not all(isinstance(text, str) for text in texts) or not _plain_name(file):
            raise _Damaged(value)
        if not all(type(number) is int and number >= 0 for number in (size, mtime_ns)):
            raise _Damaged(value)
        return cls(file, source, fingerprint, content, size, mtime_ns)


def _plain_name(name: str) -> bool:
    """Whether `name` is a file name of the folder itself: no folder, no hidden file, no ``..``."""
    return (
        bool(name) and "/" not in name and "\\" not in name and not name.startswith(".") and "\0" not in name
    )


@dataclass(frozen=True)
class CourseRecords:
    """The documents of one course (by slug), and the course file they were made from."""

    path: str | None
    """The course file, as an absolute path; ``-`` for standard input, None for the bundled course."""
    outputs: Mapping[str, Record]
    """By format."""


@dataclass(frozen=True)
class Manifest:
    courses: Mapping[str, CourseRecords] = field(default_factory=dict)
    """By slug."""
    catalogues: Mapping[str, Record] = field(default_factory=dict)
    """By format."""

    def to_bytes(self) -> bytes:
        document = {
            "manifest": KIND,
            "version": VERSION,
            "courses": {
                slug: {
                    "path": entry.path,
                    "outputs": {name: record.to_json() for name, record in entry.outputs.items()},
                }
                for slug, entry in self.courses.items()
            },
            "catalogues": {name: record.to_json() for name, record in self.catalogues.items()},
        }
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        """Raises: ValueError: Not a manifest of this version (damaged, foreign, another layout)."""
        document = json.loads(data)
        if not isinstance(document, dict) or (document.get("manifest"), document.get("version")) != (
            KIND,
            VERSION,
        ):
            msg = "not a manifest of this version"
            raise _Damaged(msg)
        courses = {}
        for slug, entry in _object(document.get("courses")).items():
            path = _object(entry).get("path")
            if path is not None and not isinstance(path, str):
                raise _Damaged(path)
            courses[slug] = CourseRecords(path, _records(_object(entry).get("outputs")))
        return cls(courses, _records(document.get("catalogues")))


class _Damaged(ValueError):
    """The manifest does not hold what this version writes."""


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Damaged(value)
    return value


def _records(value: Any) -> dict[str, Record]:
    return {name: Record.from_json(record) for name, record in _object(value).items()}


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest in `folder`; None when there is none, or none that can be trusted."""
    try:
        return Manifest.from_bytes((folder / MANIFEST).read_bytes())
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return None


def write_manifest(folder: Path, manifest: Manifest) -> None:
    """Write the manifest into `folder` atomically, unless it holds that already.

    Raises:
        OutputError: It cannot be written.
    """
    data = manifest.to_bytes()
    path = folder / MANIFEST
    with contextlib.suppress(OSError):
        if path.read_bytes() == data:
            return
    write_atomically(path, data)


def current(folder: Path, record: Record) -> Record | None:
    """The record, when its file in `folder` is still as the build wrote it; else None.

    The size and modification time are compared first; a file that was touched but holds the same
    bytes is read and its digest compared, and its record then gets the new time.
    """
    try:
        found = (folder / record.file).stat()
    except OSError:
        return None
    if found.st_size != record.size:
        return None
    if found.st_mtime_ns == record.mtime_ns:
        return record
    try:
        data = (folder / record.file).read_bytes()
    except OSError:
        return None
    if digest(data) != record.digest:
        return None
    return Record(record.file, record.source, record.fingerprint, record.digest, len(data), found.st_mtime_ns)


def record_of(path: Path, data: bytes, source: str, fingerprint: str) -> Record | None:
    """The record of `data` just written to `path`; None when it cannot be looked at again."""
    try:
        found = path.stat()
    except OSError:
        return None
    return Record(path.name, source, fingerprint, digest(data), len(data), found.st_mtime_ns)


def removable(folder: Path, records: Iterable[Record]) -> list[Record]:
    """Those of `records` whose files are still as the build wrote them (a changed one is left)."""
    return [record for record in records if current(folder, record) is not None]
