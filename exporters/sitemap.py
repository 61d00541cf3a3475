"""``sitemap``: a sitemaps.org sitemap of the pages of a build, for search engines (``sitemap.xml``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from ncmw_course.errors import ExportError, NotReadyError
from ncmw_course.exporting import ExporterOption
from ncmw_course.readiness import Requirement

if TYPE_CHECKING:
    from datetime import date

    from ncmw_course.build_context import BuildContext
    from ncmw_course.model import Course
    from ncmw_course.readiness import RequirementLevel

__all__ = ["SITEMAP_NAMESPACE", "SitemapExporter"]

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
"""The namespace of sitemaps.org's protocol 0.9."""
MAX_LOCATION = 2048
"""The longest address a sitemap may list."""
SHOWN = 3
"""How many courses a message names before it counts the rest."""


class SitemapExporter:
    """Writes ``sitemap.xml``: the catalogue page and each course's page, with absolute addresses.

    A sitemap lists absolute addresses, so it needs to know where the build's folder is published:
    the option ``base_url`` (``--base-url https://www.ncmw.nl/cursussen/``), or else the courses'
    own ``url``, when each ends in ``<slug>.html`` and they all name one folder. Nothing else is
    guessed: without either, the format is not ready, and a build skips it and says why. Each course
    page's ``lastmod`` is its course's ``updated`` date; the catalogue page's is the latest of them.

    In a build, only the pages the build wrote are listed (``catalogue.html`` from
    ``catalogue-html``, ``<slug>.html`` from ``html``); as a library call, the catalogue page and
    every course's page. The output is UTF-8 XML in sitemaps.org's namespace, valid against its
    schema (sitemap 0.9), and the same courses give the same bytes.
    """

    name: ClassVar[str] = "sitemap"
    file_extension: ClassVar[str] = ".xml"
    media_type: ClassVar[str] = "application/xml"
    description: ClassVar[str] = "A sitemap of the build's pages, for search engines (sitemap.xml)"
    scope: ClassVar[str] = "catalogue"
    file_stem: ClassVar[str] = "sitemap"
    requirement_level: ClassVar[RequirementLevel] = "required"
    options: ClassVar[tuple[ExporterOption, ...]] = (
        ExporterOption(
            "base_url",
            "Where the build's folder is published, such as https://www.ncmw.nl/cursussen/",
            flag="--base-url",
            metavar="URL",
        ),
    )

    def __init__(self, base_url: str | None = None) -> None:
        """`base_url`: the absolute http(s) address of the folder the build is published in.

        Raises:
            ExportError: It is not such an address.
        """
        self.base_url = _folder(base_url) if base_url is not None else None

    def requirements(self, course: Course) -> list[Requirement]:
        """Where the course's page is published: its ``url``, ending in ``<slug>.html`` (or ``--base-url``)."""
        return [
            Requirement(
                "url",
                f"the address of the course's page, ending in /{course.slug}.html (or build with --base-url)",
                self.base_url is not None or _course_folder(course) is not None,
            )
        ]

    def render_catalogue(self, courses: Sequence[Course]) -> bytes:
        """The sitemap of the catalogue page and every course's page, ``<slug>.html``.

        Raises:
            NotReadyError: No base address, and the courses' own do not give one.
        """
        pages = [(f"{course.slug}.html", course.updated) for course in courses]
        return self._sitemap(courses, "catalogue.html", pages)

    def render_in_build(self, courses: Sequence[Course], context: BuildContext) -> bytes:
        """The sitemap of the pages `context` says the build wrote.

        Raises:
            NotReadyError: No base address, and the courses' own do not give one.
        """
        pages = [(context.file("html", course.slug), course.updated) for course in courses]
        written = [(name, updated) for name, updated in pages if name is not None]
        return self._sitemap(courses, context.file("catalogue-html"), written)

    def _sitemap(
        self, courses: Sequence[Course], catalogue: str | None, pages: list[tuple[str, date]]
    ) -> bytes:
        from exporters._markup import element, xml_document

        base = self.base_url or _base_of(courses)
        listed = (
            [(catalogue, max(course.updated for course in courses))] if catalogue and courses else []
        ) + pages
        urls = []
        for name, updated in listed:
            location = base + name
            if len(location) > MAX_LOCATION:
                msg = f"the address {location[:60]}… is over {MAX_LOCATION} characters, more than a sitemap can list"
                raise ExportError(msg)
            urls.append(
                element("url", {}, element("loc", {}, location), element("lastmod", {}, updated.isoformat()))
            )
        return xml_document(element("urlset", {"xmlns": SITEMAP_NAMESPACE}, *urls))


def _folder(address: str) -> str:
    """`address` as the folder it names, ending in ``/``.

    Raises:
        ExportError: It is not an absolute http(s) address of ASCII characters without white space,
            query or fragment.
    """
    from urllib.parse import urlsplit

    parts = urlsplit(address)
    plain = address.isascii() and address.isprintable() and " " not in address
    if (
        not plain
        or parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.query
        or parts.fragment
    ):
        msg = (
            "the base URL must be the absolute address of a folder, such as https://www.ncmw.nl/cursussen/ "
            f"(http or https, no ? or #), not {address!r}"
        )
        raise ExportError(msg)
    return address if address.endswith("/") else address + "/"


def _course_folder(course: Course) -> str | None:
    """The folder the course's ``url`` names, when it is ``<folder><slug>.html``."""
    if course.url is None:
        return None
    href = course.url.href
    name = f"/{course.slug}.html"
    return href[: -len(name) + 1] if href.endswith(name) else None


def _base_of(courses: Sequence[Course]) -> str:
    """The one folder the courses' own addresses name.

    Raises:
        NotReadyError: A course names none, or they name different folders.
    """
    folders = {course.slug: _course_folder(course) for course in courses}
    lacking = [slug for slug, folder in folders.items() if folder is None]
    named = sorted({folder for folder in folders.values() if folder is not None})
    if lacking or not named:
        missing = (
            "url: the address of each course's page, ending in /<slug>.html, or --base-url "
            f"(missing in {_some(lacking) or 'every course: there are none'})"
        )
        raise NotReadyError(SitemapExporter.name, [missing])
    if len(named) > 1:
        missing = f"url: the courses' pages are in different folders ({_some(named)}); give --base-url"
        raise NotReadyError(SitemapExporter.name, [missing])
    return named[0]


def _some(items: Sequence[str]) -> str:
    shown = ", ".join(items[:SHOWN])
    return f"{shown} and {len(items) - SHOWN} more" if len(items) > SHOWN else shown
