"""``html``: one self-contained, accessible web page per course, for catalogue sites and e-mail."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, ClassVar

from ncmw_course.exporting import ExporterOption

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = ["HtmlExporter"]


class HtmlExporter:
    """Writes the course as one HTML5 page with its stylesheet inline and no external resources.

    The page follows the brochure outline, as the EPUB does: a header with the title, then the
    description, practical facts, audience and goals, programme (a section per day), method,
    trainers and contact, each a ``<section>`` with the outline's id (``practical``, ``day-1``), with
    one ``h1`` and ``h2``/``h3`` below it, ``mailto:``, ``tel:`` (E.164) and web links, and the course's
    language on ``<html lang>``. The ``jsonld`` format's output is embedded as it is in a
    ``<script type="application/ld+json">``. The layout works from phone to desktop, prints on A4,
    and meets WCAG 2.1 AA (checked with axe-core in Chromium). The same course gives the same bytes.

    With the option ``catalogue`` the page links back to the catalogue page; a build that also
    makes ``catalogue-html`` gives it ``catalogue.html``.
    """

    name: ClassVar[str] = "html"
    file_extension: ClassVar[str] = ".html"
    media_type: ClassVar[str] = "text/html"
    description: ClassVar[str] = (
        "Self-contained web page (HTML5, schema.org JSON-LD inside), for catalogue sites"
    )
    options: ClassVar[tuple[ExporterOption, ...]] = (
        ExporterOption(
            "catalogue",
            "The catalogue page to link back to, such as catalogue.html (a build with catalogue-html sets it)",
            metavar="URL",
            links_to="catalogue-html",
        ),
    )

    def __init__(self, catalogue: str | None = None) -> None:
        """`catalogue`: the address of the catalogue page, relative to the page or absolute (http,
        https); the page then links back to it above its title.

        Raises:
            ExportError: `catalogue` is not such an address.
        """
        if catalogue is not None:
            check_link("catalogue", catalogue)
        self.catalogue = catalogue or None

    def render(self, course: Course) -> bytes:
        """The page as UTF-8 HTML."""
        from exporters._html import course_page
        from exporters._jsonld import course_jsonld, dump_jsonld
        from ncmw_course.outline import brochure_outline

        return course_page(brochure_outline(course), dump_jsonld(course_jsonld(course)), self.catalogue)

    def warm_up(self) -> None:
        """Import what `render` imports, before a build starts its workers (see ``WarmsUp``)."""
        for module in ("exporters._html", "exporters._jsonld", "ncmw_course.outline"):
            importlib.import_module(module)


def check_link(option: str, address: str) -> None:
    """Refuse an `address` that a page cannot link to safely: another scheme than http and https
    (``javascript:``), white space or control characters.

    Raises:
        ExportError: It is such an address.
    """
    from urllib.parse import urlsplit

    from ncmw_course.errors import ExportError

    printable = address.isprintable() and not any(char.isspace() for char in address)
    if not printable or urlsplit(address).scheme.lower() not in ("", "http", "https"):
        msg = (
            f"the option {option} must be a web address, relative (catalogue.html) or "
            f"http(s), not {address!r}"
        )
        raise ExportError(msg)
