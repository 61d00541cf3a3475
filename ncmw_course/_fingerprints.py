"""The fingerprint of a format in a build: everything besides the course that its documents depend on.

A document made before is kept (:mod:`ncmw_course._manifest`) only while its format's fingerprint
is the same. It covers:

- the exporter: its entry point, its package and the package's version;
- ncmw-course itself: its version, and the size and time of every file of its two packages, so
  that a changed model, outline or built-in exporter (an editable install, a new release) makes
  everything again;
- the options the format was given, a file option (``--template``) by the digest of its bytes;
- the environment: ``SOURCE_DATE_EPOCH``, and what the exporter says its documents depend on
  (:class:`~ncmw_course.exporting.DependsOnEnvironment`: pdf names the LibreOffice that converts).

A format whose exporter cannot be made, or cannot say its environment, has no fingerprint
(``None``): its documents are always made again.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ncmw_course._manifest import digest
from ncmw_course.errors import NcmwCourseError

if TYPE_CHECKING:
    from ncmw_course.exporting import ExporterInfo

__all__ = ["code_stamp", "fingerprints"]

PACKAGES = ("ncmw_course", "exporters")
"""ncmw-course's own packages, whose files the fingerprint covers."""


def fingerprints(
    formats: Sequence[ExporterInfo],
    options: Mapping[str, Mapping[str, object]],
    exporters: Mapping[str, object | None],
) -> dict[str, str | None]:
    """Each format's fingerprint, by name; None for a format whose documents are always made again.

    Args:
        formats: The build's formats.
        options: By format, the options it was given.
        exporters: By format, its exporter as the build made it, or None when it cannot be made.
    """
    from ncmw_course._version import __version__

    code = code_stamp()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    found: dict[str, str | None] = {}
    for info in formats:
        exporter = exporters.get(info.name)
        environment = None if exporter is None else _environment(exporter, info.name)
        if environment is None:
            found[info.name] = None
            continue
        document = {
            "exporter": [info.target, info.distribution, _version(info.name)],
            "ncmw-course": [__version__, code],
            "options": {key: _option(info, key, value) for key, value in options[info.name].items()},
            "environment": {"SOURCE_DATE_EPOCH": epoch, **environment},
        }
        found[info.name] = digest(json.dumps(document, sort_keys=True).encode("utf-8"))
    return found


def _environment(exporter: object, name: str) -> dict[str, str] | None:
    """What the exporter says its documents depend on; None when it cannot say."""
    from ncmw_course.exporting import DependsOnEnvironment, plugin_errors

    if not isinstance(exporter, DependsOnEnvironment):
        return {}
    try:
        with plugin_errors(exporter, name):
            return {str(key): str(value) for key, value in exporter.environment().items()}
    except NcmwCourseError:
        return None


def _version(name: str) -> str:
    """The version of the package that registers the format `name`."""
    from ncmw_course._registry import entry_point

    try:
        point = entry_point(name)
    except NcmwCourseError:
        return "unknown"
    return point.dist.version if point.dist is not None else "unknown"


def _option(info: ExporterInfo, key: str, value: object) -> str:
    """An option's value as the fingerprint holds it: a file option by the digest of its bytes."""
    declared = {option.name: option.kind for option in info.options}
    if declared.get(key) != "path" or not isinstance(value, str | os.PathLike):
        return f"text {value}"
    try:
        return f"file {digest(Path(value).read_bytes())}"
    except OSError as error:
        return f"unreadable {error.errno}"


def code_stamp() -> str:
    """The digest of the name, size and modification time of every file of ncmw-course's packages."""
    entries: list[str] = []
    for package in PACKAGES:
        spec = importlib.util.find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec is not None else []:
            entries.extend(_files(Path(folder), package))
    return digest("\n".join(sorted(entries)).encode("utf-8"))


def _files(folder: Path, prefix: str) -> list[str]:
    """`name size mtime` of every file below `folder` but bytecode, each name under `prefix`."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = f"{prefix}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    found.extend(_files(Path(entry.path), name))
            elif entry.is_file():
                stat = entry.stat()
                found.append(f"{name} {stat.st_size} {stat.st_mtime_ns}")
    return found
