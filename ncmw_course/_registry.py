"""Finding exporters: the entry points of the group ``ncmw_course.exporters``, loading one, and
checking that it keeps the exporter contract (:func:`exporter_class`).

The built-in exporters live in the top-level package ``exporters`` and register like any plugin.
That name is not ours alone: another installed distribution may provide a top-level ``exporters``
too (one does on PyPI), and ``python -c``, or a script, run in a folder that holds an
``exporters`` folder imports that folder first. Either would break every built-in format with an
import error that names neither cause. So ``exporters/__init__.py`` carries the marker
``__ncmw_course__ = True``, and before a built-in entry point is loaded, :func:`load` checks that
the package Python imports is the one with the marker; when it is not, the error names the file
that was found and what to do. (``python -m ncmw_course`` drops the current folder from the path
before it imports anything, see ``ncmw_course/__main__.py``.)

A call into a third-party exporter goes through :func:`plugin_errors`: an exception of its own (a
bug in that package) becomes a :class:`PluginError` that names the exporter and its package, so
that ``build`` reports it and goes on. ncmw-course's own exporters keep their tracebacks.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import re
import sys
from collections.abc import Iterator
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING

from ncmw_course.errors import ExportError, NcmwCourseError, UnknownExporterError

if TYPE_CHECKING:
    from ncmw_course.exporting import CatalogueExporter, Exporter

__all__ = [
    "BUILT_IN_PACKAGE",
    "ENTRY_POINT_GROUP",
    "PluginError",
    "describe",
    "distribution",
    "entry_point",
    "exporter_class",
    "exporter_names",
    "load",
    "plugin_errors",
]

ENTRY_POINT_GROUP = "ncmw_course.exporters"
BUILT_IN_PACKAGE = "exporters"
"""The top-level package of the built-in exporters."""


def _registered(name: str | None = None) -> list[EntryPoint]:
    return [point for point in _scan(tuple(sys.path)) if name is None or point.name == name]


@functools.lru_cache(maxsize=8)
def _scan(path: tuple[str, ...]) -> tuple[EntryPoint, ...]:
    """The entry points of the group on `path` (``sys.path``): found once per process and path.

    Why: ``importlib.metadata`` reads every installed package's metadata on each call, and one
    command asks several times (the format's name, its description, the exporter itself). A change
    of ``sys.path`` (a plugin added to it) is a scan of its own.
    """
    return tuple(entry_points(group=ENTRY_POINT_GROUP))


def distribution(point: EntryPoint) -> str:
    """The name of the installed package that registers `point`."""
    return point.dist.name if point.dist is not None else "an unknown package"


def exporter_names() -> list[str]:
    """The names of all registered exporters, sorted. Imports no exporter."""
    return sorted({point.name for point in _registered()})


def entry_point(name: str) -> EntryPoint:
    """The one entry point registered as `name`.

    Raises:
        UnknownExporterError: None is.
        ExportError: Several packages register the name.
    """
    found = _registered(name)
    if not found:
        raise UnknownExporterError(name, exporter_names())
    if len(found) > 1:
        packages = " and ".join(sorted(distribution(point) for point in found))
        msg = (
            f"the format {name!r} is registered by more than one package ({packages}); uninstall one of them"
        )
        raise ExportError(msg)
    return found[0]


def exporter_class(name: str) -> tuple[type[Exporter | CatalogueExporter], EntryPoint]:
    """The exporter class registered as `name`, checked against the contract, and its entry point.

    Raises:
        UnknownExporterError: No exporter has that name.
        ExportError: Several packages register the name, it cannot be loaded, or it breaks the contract.
    """
    point = entry_point(name)
    loaded = load(point)
    problems = _problems(loaded, name)
    if problems:
        msg = f"{describe(point)} is not a valid exporter: {'; '.join(problems)}"
        raise ExportError(msg)
    assert isinstance(loaded, type)
    return loaded, point


def _problems(loaded: object, name: str) -> list[str]:
    """How the class `loaded`, registered as `name`, breaks the exporter contract."""
    problems = []
    if not isinstance(loaded, type):
        problems.append("it is not a class")
    else:
        if getattr(loaded, "name", None) != name:
            problems.append(f"its name is {getattr(loaded, 'name', None)!r}, not {name!r}")
        if not str(getattr(loaded, "file_extension", "")).startswith("."):
            problems.append("its file_extension does not start with '.'")
        if "/" not in str(getattr(loaded, "media_type", "")):
            problems.append("its media_type is not a media type")
        if not isinstance(getattr(loaded, "description", None), str):
            problems.append("it has no description")
        scope = getattr(loaded, "scope", "course")
        method = {"course": "render", "catalogue": "render_catalogue"}.get(scope)
        if method is None:
            problems.append(f"its scope is {scope!r}, not 'course' or 'catalogue'")
        elif not callable(getattr(loaded, method, None)):
            problems.append(f"it has no {method} method")
        if not callable(getattr(loaded, "render_many", callable)):
            problems.append("its render_many is not a method")
        stem = getattr(loaded, "file_stem", "catalogue")
        if not (isinstance(stem, str) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", stem)):
            problems.append(f"its file_stem is {stem!r}, not lower-case words and hyphens")
        problems.extend(_requirement_problems(loaded))
        problems.extend(_option_problems(getattr(loaded, "options", ())))
    return problems


def _option_problems(declared: object) -> list[str]:
    """What is wrong with the options an exporter declares."""
    from ncmw_course.exporting import ExporterOption

    if not (isinstance(declared, tuple) and all(isinstance(option, ExporterOption) for option in declared)):
        return ["its options are not a tuple of ExporterOption"]
    return [
        f"its option {option.name!r} has the flag {option.flag!r}, not one such as '--{option.name}'"
        for option in declared
        if option.flag is not None and not re.fullmatch(r"--[a-z0-9]+(-[a-z0-9]+)*", option.flag)
    ]


def _requirement_problems(cls: type) -> list[str]:
    """What is wrong with the way `cls` declares requirements, if it declares any."""
    level = getattr(cls, "requirement_level", None)
    has_method = callable(getattr(cls, "requirements", None))
    if level is None and not has_method:
        return []
    if not has_method:
        return ["it has a requirement_level but no requirements method"]
    if level not in ("required", "recommended"):
        return [f"its requirement_level is {level!r}, not 'required' or 'recommended'"]
    return []


def load(point: EntryPoint) -> object:
    """What `point` names (an exporter class, if all is well).

    Raises:
        ExportError: It cannot be imported, or the package ``exporters`` that Python finds is not
            the one of ncmw-course.
    """
    if point.module.split(".", 1)[0] == BUILT_IN_PACKAGE:
        _check_built_in_package(point.name)
    try:
        return point.load()
    except Exception as error:  # a broken plugin is the user's environment, not our bug
        msg = f"{describe(point)} could not be loaded: {type(error).__name__}: {error}"
        raise ExportError(msg) from error


def describe(point: EntryPoint) -> str:
    """The exporter of `point`, its target and its package, for error messages."""
    return f"the exporter {point.name!r} ({point.value}, from {distribution(point)})"


def _check_built_in_package(name: str) -> None:
    """Make sure the package ``exporters`` that Python imports is ncmw-course's (it has the marker)."""
    spec = importlib.util.find_spec(BUILT_IN_PACKAGE)
    try:
        package = importlib.import_module(BUILT_IN_PACKAGE)
    except Exception:  # noqa: BLE001 (another package's __init__ may fail in any way: it is not ours either)
        package = None
    if getattr(package, "__ncmw_course__", False) is True:
        return
    found = spec.origin if spec is not None and spec.origin else "nowhere"
    if spec is not None and not spec.origin and spec.submodule_search_locations:
        found = ", ".join(spec.submodule_search_locations)
    msg = (
        f"the format {name!r} cannot be loaded: Python imports the package {BUILT_IN_PACKAGE!r} from "
        f"{found}, which is not ncmw-course's built-in exporters (another installed package, or a folder "
        f"named {BUILT_IN_PACKAGE!r} in the current directory, provides it too); uninstall that package "
        "or rename that folder, or install ncmw-course in a separate virtual environment"
    )
    raise ExportError(msg)


class PluginError(ExportError):
    """A third-party exporter raised an exception of its own: a bug in its package, not the user's.

    Attributes:
        details: The exporter's traceback, for its authors (``ncmw-course -v`` prints it).
    """

    def __init__(self, message: str, details: str) -> None:
        super().__init__(message)
        self.details = details


def _is_built_in(exporter: object) -> bool:
    """Whether `exporter` (a class or an instance) is one of ncmw-course's own exporters."""
    cls = exporter if isinstance(exporter, type) else type(exporter)
    return cls.__module__.partition(".")[0] == BUILT_IN_PACKAGE


def _described(exporter: object, name: str) -> tuple[str, str]:
    """The exporter registered as `name` in words, and its package, for a :class:`PluginError`."""
    try:
        point = entry_point(name)
    except NcmwCourseError:  # made without the registry, as a test or a script may do
        cls = exporter if isinstance(exporter, type) else type(exporter)
        return f"the exporter {name!r} ({cls.__module__}:{cls.__qualname__})", "its package"
    return describe(point), distribution(point)


@contextlib.contextmanager
def plugin_errors(exporter: object, name: str) -> Iterator[None]:
    """Run a call into `exporter` (a class or an instance), registered as `name`: an exception of a
    third-party exporter's own becomes a :class:`PluginError`; ncmw-course's own bugs pass unchanged.

    Raises:
        PluginError: A third-party exporter raised something that is not an NcmwCourseError.
    """
    try:
        yield
    except NcmwCourseError:
        raise
    except Exception as error:
        if _is_built_in(exporter):
            raise
        import traceback

        described, package = _described(exporter, name)
        msg = (
            f"{described} failed: {type(error).__name__}: {error}; this is a bug in {package}, "
            f"not in the course: report it to the authors of {package}"
        )
        raise PluginError(msg, "".join(traceback.format_exception(error))) from error
