"""What a build tells its catalogue formats: the files it wrote, so that a page links only to those.

A per-course exporter renders one course and knows nothing of the build around it; a catalogue
format renders all the courses of a build at once, after their own documents. A catalogue format
that links to other files of the build (``catalogue-html`` links to each course's page,
``sitemap`` lists the pages) implements :class:`UsesBuildContext`: the build then calls
:meth:`~UsesBuildContext.render_in_build` with a :class:`BuildContext` that names every file
written before it, instead of ``render_catalogue(courses)``
(:func:`~ncmw_course.exporting.render_catalogue_in_build`). Without a build
(:func:`~ncmw_course.exporting.render_catalogue`), such a format assumes that each course's page
lies beside it.

::

    from ncmw_course.build_context import BuildContext, BuildFile
    from ncmw_course.exporting import render_catalogue_in_build

    context = BuildContext((BuildFile("html", "ontrouw-binnen-de-relatie", "ontrouw-binnen-de-relatie.html"),))
    render_catalogue_in_build(courses, "catalogue-html", context)   # links only to that page
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = ["BuildContext", "BuildFile", "UsesBuildContext"]


@dataclass(frozen=True)
class BuildFile:
    """A file a build wrote into its output folder."""

    format: str
    """The format that made it, such as ``html``."""
    course: str | None
    """The course's slug; ``None`` for a catalogue format's document."""
    name: str
    """Its name in the output folder, such as ``ontrouw-binnen-de-relatie.html``: a relative link."""


@dataclass(frozen=True)
class BuildContext:
    """The files of a build that a catalogue format may link to: those written before it."""

    files: tuple[BuildFile, ...] = ()

    @cached_property
    def _names(self) -> dict[tuple[str, str | None], str]:
        return {(file.format, file.course): file.name for file in self.files}

    def file(self, format_name: str, course: str | None = None) -> str | None:
        """The name of the file `format_name` wrote for the course `course` (its slug), or of its
        catalogue document when `course` is ``None``; ``None`` when the build wrote no such file."""
        return self._names.get((format_name, course))


@runtime_checkable
class UsesBuildContext(Protocol):
    """**Protocol, optional:** a catalogue exporter that links to the other files of its build.

    Checked with ``isinstance``. A build calls :meth:`render_in_build` in place of
    ``render_catalogue``, after every per-course document and after the catalogue formats that do
    not use the context, so that the context names them all. Among the formats that use it, pages
    (``text/html``) come first, then the rest (a sitemap lists the pages).
    """

    def render_in_build(self, courses: Sequence[Course], context: BuildContext) -> bytes:
        """Render `courses` linking only to the files `context` names. Pure, like ``render_catalogue``."""
        ...
