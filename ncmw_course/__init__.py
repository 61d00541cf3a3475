"""ncmw-course: one typed model of an NCMW course, rendered as Word, EPUB, JSON and more.

Typical use::

    from ncmw_course import load_course, render, write

    course = load_course()                      # the bundled course; or load_course("my.json")
    data = render(course, "json")               # bytes
    write(course, "json", "dist/course.json")   # atomic
    draft = import_course("flyer.txt")          # a flyer or brochure read into a draft course

Names are imported on first use, so that ``import ncmw_course`` (and the CLI's ``--help``) stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ncmw_course._version import __version__

if TYPE_CHECKING:
    from ncmw_course.errors import (
        CourseDataError,
        ExportError,
        NcmwCourseError,
        NotReadyError,
        OutputError,
        Problem,
        UnknownExporterError,
    )
    from ncmw_course.exporting import (
        CatalogueExporter,
        Exporter,
        ExporterInfo,
        exporter_info,
        exporter_names,
        get_exporter,
        render,
        render_catalogue,
        write,
    )
    from ncmw_course.importing import ImportResult, import_course
    from ncmw_course.loading import bundled_course_path, load_course, parse_course
    from ncmw_course.model import Course, course_json_schema

__all__ = [
    "CatalogueExporter",
    "Course",
    "CourseDataError",
    "ExportError",
    "Exporter",
    "ExporterInfo",
    "ImportResult",
    "NcmwCourseError",
    "NotReadyError",
    "OutputError",
    "Problem",
    "UnknownExporterError",
    "__version__",
    "bundled_course_path",
    "course_json_schema",
    "exporter_info",
    "exporter_names",
    "get_exporter",
    "import_course",
    "load_course",
    "parse_course",
    "render",
    "render_catalogue",
    "write",
]

_HOMES = {
    "ncmw_course.errors": (
        "CourseDataError",
        "ExportError",
        "NcmwCourseError",
        "NotReadyError",
        "OutputError",
        "Problem",
        "UnknownExporterError",
    ),
    "ncmw_course.exporting": (
        "CatalogueExporter",
        "Exporter",
        "ExporterInfo",
        "exporter_info",
        "exporter_names",
        "get_exporter",
        "render",
        "render_catalogue",
        "write",
    ),
    "ncmw_course.importing": ("ImportResult", "import_course"),
    "ncmw_course.loading": ("bundled_course_path", "load_course", "parse_course"),
    "ncmw_course.model": ("Course", "course_json_schema"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        msg = f"module 'ncmw_course' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
