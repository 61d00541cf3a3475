"""The exporter interface and the registry that finds exporters through entry points.

Built-in exporters (the top-level ``exporters`` package) register exactly like third-party ones, in
the entry-point group ``ncmw_course.exporters``::

    [project.entry-points."ncmw_course.exporters"]
    json = "exporters.json:JsonExporter"

An exporter module must stay cheap to import: it imports its rendering library (python-docx,
ebooklib, …) inside ``render``, so that listing formats loads no such library.

A catalogue exporter renders many courses into one document (a catalogue JSON, a schema.org
``ItemList``). It registers in the same group, says ``scope = "catalogue"`` and implements
``render_catalogue(courses)`` instead of ``render(course)``; see :class:`CatalogueExporter`.

An exporter may also have optional capabilities, each a typed protocol checked with ``isinstance``:
:class:`RendersMany` (several courses in one go, as pdf does),
:class:`~ncmw_course.readiness.DeclaresRequirements` (what a course must state for the format, which
``check --for`` lists and a build skips a course for), :class:`WarmsUp` (imports what it renders
with before a build starts its workers), :class:`DependsOnEnvironment` (what besides the course
and the options its documents depend on, for a build that keeps documents made before) and, for a
catalogue format, :class:`UsesBuildContext` (links only to the files its build wrote; see
:mod:`ncmw_course.build_context`).

A third-party exporter that raises an exception of its own (a bug in that package, anything that is
not an :class:`~ncmw_course.errors.NcmwCourseError`) is reported as a :class:`PluginError` that
names the exporter and its package, and a build goes on with the other formats. A bug in one of
ncmw-course's own exporters keeps its traceback, as every bug of ncmw-course does.

An exporter that takes settings declares them as ``options``, a tuple of :class:`ExporterOption`,
and accepts them as keyword arguments of its constructor. The library passes them through
``render(course, name, **options)``; the CLI through ``-O NAME=VALUE``, or the flag an option
declares (``--template FILE``). A third-party exporter declares its own options the same way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal, Protocol, runtime_checkable

from ncmw_course._files import write_atomically
from ncmw_course._registry import (
    ENTRY_POINT_GROUP,
    PluginError,
    distribution,
    exporter_class,
    exporter_names,
    plugin_errors,
)
from ncmw_course.build_context import BuildContext, BuildFile, UsesBuildContext
from ncmw_course.errors import ExportError, NcmwCourseError

if TYPE_CHECKING:
    from ncmw_course.model import Course
    from ncmw_course.readiness import RequirementLevel

__all__ = [
    "ENTRY_POINT_GROUP",
    "BuildContext",
    "BuildFile",
    "CatalogueExporter",
    "DependsOnEnvironment",
    "Exporter",
    "ExporterInfo",
    "ExporterOption",
    "PluginError",
    "RendersMany",
    "UsesBuildContext",
    "WarmsUp",
    "exporter_info",
    "exporter_names",
    "get_exporter",
    "plugin_errors",
    "render",
    "render_catalogue",
    "render_catalogue_in_build",
    "render_catalogue_with",
    "render_each",
    "render_with",
    "write",
]


@dataclass(frozen=True)
class ExporterOption:
    """A setting that an exporter accepts as a keyword argument of its constructor.

    On the command line it is ``-O name=VALUE``, and also ``FLAG METAVAR`` when it declares a
    `flag`, such as ``ExporterOption("template", …, flag="--template", metavar="FILE")``.
    """

    name: str
    """The keyword argument, and the option's name on the command line (``-O name=value``)."""
    help: str
    """One line that tells a user what the option does."""
    kind: Literal["text", "path"] = "text"
    """``path`` values are given to the exporter as :class:`~pathlib.Path`, ``text`` as ``str``."""
    flag: str | None = None
    """A long flag of its own on the command line, such as ``--template``; lower-case letters,
    digits and hyphens. Formats that declare one flag should mean one option by it."""
    metavar: str = "VALUE"
    """What the value is called in help and in ``ncmw-course formats``, such as ``FILE``."""
    links_to: str | None = None
    """A catalogue format whose document a build gives this option, as the file's name in the
    output folder, when that format is in the same build and the option is not given: ``html``'s
    ``catalogue`` option links each page back to ``catalogue.html`` this way."""


@runtime_checkable
class Exporter(Protocol):
    """**Protocol:** turns a validated course into one document.

    Implementations are small classes whose constructor takes no required arguments. The class
    attributes describe the format and can be read without making an instance. An exporter with
    settings also declares ``options: ClassVar[tuple[ExporterOption, ...]]`` and takes each as a
    keyword argument of its constructor.
    """

    name: ClassVar[str]
    """The format's name on the command line and in the entry point, such as ``json``."""
    file_extension: ClassVar[str]
    """The output file's extension, with its leading dot, such as ``.json``."""
    media_type: ClassVar[str]
    """The IANA media type of the output, such as ``application/json``."""
    description: ClassVar[str]
    """One line that tells a user what the format is for."""

    def render(self, course: Course) -> bytes:
        """Render `course` as the bytes of one document. Pure: no I/O, no clock, no randomness."""
        ...


@runtime_checkable
class CatalogueExporter(Protocol):
    """**Protocol:** turns several validated courses into one document, such as a catalogue.

    Like :class:`Exporter`, with ``scope: ClassVar[str] = "catalogue"`` and
    :meth:`render_catalogue` in place of ``render``. The build writes it once, as
    ``catalogue<file_extension>``, for all the courses it built; an optional
    ``file_stem: ClassVar[str] = "sitemap"`` names it ``sitemap<file_extension>`` instead.
    """

    name: ClassVar[str]
    file_extension: ClassVar[str]
    media_type: ClassVar[str]
    description: ClassVar[str]
    scope: ClassVar[str]
    """Always ``"catalogue"``; per-course exporters leave it out (or say ``"course"``)."""

    def render_catalogue(self, courses: Sequence[Course]) -> bytes:
        """Render `courses`, in the order given, as the bytes of one document. Pure, like ``render``."""
        ...


@runtime_checkable
class RendersMany(Protocol):
    """**Protocol, optional:** an :class:`Exporter` that renders several courses in one go.

    For an exporter whose set-up is costly on every call (pdf starts LibreOffice, over a second):
    :func:`render_each`, and so ``ncmw-course build``, hands it a chunk of courses at once. It is
    checked with ``isinstance(exporter, RendersMany)``; an exporter that only has ``render`` is
    rendered one course at a time.
    """

    def render_many(
        self, courses: Sequence[Course], done: Callable[[int], None]
    ) -> list[bytes | NcmwCourseError]:
        """Render `courses` and return, for each in order, its document or the error that stopped it.

        Calls ``done(n)`` as `n` more courses are finished (for a progress bar; ``len(courses)`` in
        all). An error that stops every course (a missing tool) may be raised instead.
        """
        ...


@runtime_checkable
class WarmsUp(Protocol):
    """**Protocol, optional:** an exporter that imports and prepares what it renders with, ahead of time.

    ``build`` calls it once, in its own process, before it starts its workers; on Linux they are
    forked and find it all done, rather than each importing the rendering libraries again.
    """

    def warm_up(self) -> None:
        """Import the modules `render` imports, and read what it reads once (a template)."""
        ...


@runtime_checkable
class DependsOnEnvironment(Protocol):
    """**Protocol, optional:** an exporter whose documents depend on more than the course, its
    options and its version, such as the version of a program it runs (pdf: LibreOffice).

    ``build`` keeps a document from the build before only while all of these are the same.
    """

    def environment(self) -> Mapping[str, str]:
        """What else the documents depend on, by name, such as ``{"libreoffice": "…"}``."""
        ...


@dataclass(frozen=True)
class ExporterInfo:
    """What the registry knows about one exporter, read without rendering anything."""

    name: str
    file_extension: str
    media_type: str
    description: str
    distribution: str
    """The installed package that registers the exporter."""
    target: str
    """The entry point's ``module:Class``."""
    options: tuple[ExporterOption, ...] = ()
    """The settings the exporter accepts."""
    scope: str = "course"
    """``course`` for one document per course, ``catalogue`` for one document of all courses."""
    requirement_level: RequirementLevel | None = None
    """For a format that :class:`~ncmw_course.readiness.DeclaresRequirements`, whether they are
    ``required`` to render or ``recommended``; ``None`` for a format that declares none."""
    file_stem: str = "catalogue"
    """A catalogue format's file name without its extension (``sitemap`` for ``sitemap.xml``)."""
    uses_build_context: bool = False
    """Whether the format is a catalogue format that :class:`UsesBuildContext`."""


def exporter_info(name: str) -> ExporterInfo:
    """Describe the exporter registered as `name`, without rendering anything.

    Raises:
        UnknownExporterError: No exporter has that name.
        ExportError: Several packages register the name, or the exporter is broken.
    """
    cls, point = exporter_class(name)
    return ExporterInfo(
        name=cls.name,
        file_extension=cls.file_extension,
        media_type=cls.media_type,
        description=cls.description,
        distribution=distribution(point),
        target=point.value,
        options=_options_of(cls),
        scope=getattr(cls, "scope", "course"),
        requirement_level=getattr(cls, "requirement_level", None),
        file_stem=getattr(cls, "file_stem", "catalogue"),
        uses_build_context=issubclass(cls, UsesBuildContext),
    )


def _options_of(cls: type[Exporter | CatalogueExporter]) -> tuple[ExporterOption, ...]:
    options: tuple[ExporterOption, ...] = getattr(cls, "options", ())
    return options


def _arguments(
    name: str, cls: type[Exporter | CatalogueExporter], options: Mapping[str, object]
) -> dict[str, object]:
    """Check `options` against what the exporter declares, and convert them to their kinds."""
    declared = {option.name: option for option in _options_of(cls)}
    arguments: dict[str, object] = {}
    for key, value in options.items():
        if key not in declared:
            accepted = ", ".join(declared) if declared else "none"
            msg = f"the format {name!r} has no option {key!r}; its options: {accepted}"
            raise ExportError(msg)
        is_path = declared[key].kind == "path" and isinstance(value, str | os.PathLike)
        arguments[key] = Path(value) if is_path else value  # type: ignore[arg-type]
    return arguments


def get_exporter(name: str, **options: object) -> Exporter | CatalogueExporter:
    """An instance of the exporter registered as `name`, with its `options`.

    Raises:
        UnknownExporterError: No exporter has that name.
        ExportError: Several packages register the name, the exporter is broken, or it does not
            accept one of the `options`.
    """
    cls, _ = exporter_class(name)
    arguments = _arguments(name, cls, options)
    with plugin_errors(cls, name):
        exporter: Exporter | CatalogueExporter = cls(**arguments)
    return exporter


def render(course: Course, name: str, **options: object) -> bytes:
    """Render `course` in the format `name` and return the document's bytes.

    Args:
        course: The course.
        name: The format, as ``ncmw-course formats`` lists it.
        options: Settings the exporter declares, such as ``template=Path("house.docx")`` for docx.

    Raises:
        UnknownExporterError: No exporter has that name.
        ExportError: The exporter is broken, does not accept an option, or cannot render this course.
    """
    return render_with(get_exporter(name, **options), course, name)


def render_with(exporter: Exporter | CatalogueExporter, course: Course, name: str) -> bytes:
    """Render `course` with an exporter made by :func:`get_exporter` (made once, used for many courses).

    Raises:
        ExportError: The exporter is a catalogue format, or cannot render this course.
    """
    course_exporter = _course_exporter(exporter, name)
    with plugin_errors(exporter, name):
        data = course_exporter.render(course)
    return _checked_bytes(name, data)


def _course_exporter(exporter: Exporter | CatalogueExporter, name: str) -> Exporter:
    """`exporter`, when it renders one course at a time; a catalogue format is an ExportError."""
    if not isinstance(exporter, Exporter) or getattr(exporter, "scope", "course") != "course":
        msg = f"{name!r} is a catalogue format: it renders several courses at once; use render_catalogue()"
        raise ExportError(msg)
    return exporter


def render_each(
    exporter: Exporter | CatalogueExporter,
    courses: Sequence[Course],
    name: str,
    done: Callable[[int], None] | None = None,
) -> list[bytes | NcmwCourseError]:
    """Render several courses with one exporter made by :func:`get_exporter`.

    Returns, for each course in order, its document or the error that stopped it (not ready, a
    missing tool, a failed conversion), so that one course's problem does not stop the others. An
    exporter that :class:`RendersMany` renders them all in one go (pdf: one LibreOffice run). `done` is
    called with the number of courses finished as they finish, for a progress bar.

    Raises:
        ExportError: The exporter is a catalogue format.
    """
    exporter = _course_exporter(exporter, name)
    finished = done or (lambda _count: None)
    if not isinstance(exporter, RendersMany) or len(courses) < 2:
        results: list[bytes | NcmwCourseError] = []
        for course in courses:
            try:
                results.append(render_with(exporter, course, name))
            except NcmwCourseError as error:
                results.append(error)
            finished(1)
        return results
    try:
        with plugin_errors(exporter, name):
            many = exporter.render_many(courses, finished)
    except NcmwCourseError as error:  # such as a missing tool: the same for every course
        finished(len(courses))
        return [error] * len(courses)
    if not isinstance(many, list) or len(many) != len(courses):
        msg = (
            f"the exporter {name!r} gave no list of {len(courses)} results from render_many; "
            "report this to its authors"
        )
        raise ExportError(msg)
    return [item if isinstance(item, NcmwCourseError) else _checked_bytes(name, item) for item in many]


def render_catalogue(courses: Sequence[Course], name: str, **options: object) -> bytes:
    """Render several courses in the catalogue format `name` and return the document's bytes.

    Raises:
        UnknownExporterError: No exporter has that name.
        ExportError: The exporter is broken, is not a catalogue format, or cannot render these courses.
    """
    return render_catalogue_with(get_exporter(name, **options), courses, name)


def render_catalogue_in_build(
    courses: Sequence[Course], name: str, context: BuildContext, **options: object
) -> bytes:
    """Like :func:`render_catalogue`, for a document of a build whose files `context` names.

    A format that :class:`UsesBuildContext` then links only to those files (``catalogue-html`` to
    the course pages written); any other renders as :func:`render_catalogue` does.

    Raises:
        UnknownExporterError: No exporter has that name.
        ExportError: The exporter is broken, is not a catalogue format, or cannot render these courses.
    """
    return render_catalogue_with(get_exporter(name, **options), courses, name, context)


def render_catalogue_with(
    exporter: Exporter | CatalogueExporter,
    courses: Sequence[Course],
    name: str,
    context: BuildContext | None = None,
) -> bytes:
    """Render several courses with a catalogue exporter made by :func:`get_exporter`; in a build
    whose files `context` names, as :func:`render_catalogue_in_build` does.

    Raises:
        ExportError: The exporter is not a catalogue format, or cannot render these courses.
    """
    if not isinstance(exporter, CatalogueExporter) or getattr(exporter, "scope", "course") != "catalogue":
        msg = f"{name!r} is not a catalogue format: it renders one course at a time; use render()"
        raise ExportError(msg)
    with plugin_errors(exporter, name):
        if context is not None and isinstance(exporter, UsesBuildContext):
            data = exporter.render_in_build(courses, context)
        else:
            data = exporter.render_catalogue(courses)
    return _checked_bytes(name, data)


def _checked_bytes(name: str, data: object) -> bytes:
    if not isinstance(data, bytes):
        msg = f"the exporter {name!r} returned {type(data).__name__}, not bytes; report this to its authors"
        raise ExportError(msg)
    return data


def write(course: Course, name: str, path: str | os.PathLike[str], **options: object) -> Path:
    """Render `course` in the format `name` (with its `options`) and write it to `path` atomically.

    The document is rendered completely before anything is written; it then goes to a temporary
    file in the same folder, which is renamed over `path`. On any error no partial file remains and
    an existing file at `path` is untouched. Missing folders are created.

    Returns:
        The path written.

    Raises:
        UnknownExporterError: No exporter has that name.
        ExportError: The exporter cannot render this course.
        OutputError: The file cannot be written.
    """
    return write_atomically(Path(path), render(course, name, **options))
