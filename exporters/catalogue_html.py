"""``catalogue-html``: the catalogue page of a build: a card per course, search and filters."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from ncmw_course.exporting import ExporterOption

if TYPE_CHECKING:
    from ncmw_course.build_context import BuildContext
    from ncmw_course.model import Course

__all__ = ["CatalogueHtmlExporter", "build_date"]

TIME_ZONE = "Europe/Amsterdam"
"""Where "today" is reckoned: NCMW's runs are dated in Dutch days."""


class CatalogueHtmlExporter:
    """Writes ``catalogue.html``: a card per course, with search and filters, linking to each course's page.

    A card answers what someone choosing a course asks first: the runs to come (dates, town and
    mode, or "no dates yet"), the price, the contact hours, the accreditation points per register
    and the level, each only when the course states it (:mod:`ncmw_course.listing`). The cards are
    in order of their next start date; runs that start before "today" are left out. Today is the
    option ``today`` (``--today YYYY-MM-DD``), else the date of ``SOURCE_DATE_EPOCH``, else the
    date when the exporter is made, each in the Netherlands: the same courses on the same day give
    the same bytes.

    A schema.org ``ItemList`` of the cards is embedded, each ``ListItem`` with the course's name
    and, when the course states it, its ``url`` (the address its page names as canonical), as
    search engines ask of a list page whose items have pages of their own. The full ``Course`` of
    each is on its page, and all of them in ``catalogue-jsonld``: 200 of them inline made the page
    1.6 MB and slow to open on a phone.
    Same stylesheet and accessibility as ``html``; the search and filters need JavaScript, the list does not. In a
    build, the page links only to the course pages the build wrote, and to the calendar of every
    run (``catalogue-ics``) when the build wrote one.
    """

    name: ClassVar[str] = "catalogue-html"
    file_extension: ClassVar[str] = ".html"
    media_type: ClassVar[str] = "text/html"
    description: ClassVar[str] = (
        "The catalogue page of a build: a card per course, with search and filters (catalogue.html)"
    )
    scope: ClassVar[str] = "catalogue"
    options: ClassVar[tuple[ExporterOption, ...]] = (
        ExporterOption(
            "today",
            "The day from which runs are shown (default: SOURCE_DATE_EPOCH's date, else today)",
            flag="--today",
            metavar="YYYY-MM-DD",
        ),
    )

    def __init__(self, today: str | date | None = None) -> None:
        """`today`: a date, or its text ``YYYY-MM-DD``; by default :func:`build_date`.

        Raises:
            ExportError: `today` is not such a date, or ``SOURCE_DATE_EPOCH`` is not a number.
        """
        self.today = _given_date(today) if today is not None else build_date()

    def render_catalogue(self, courses: Sequence[Course]) -> bytes:
        """The page as UTF-8 HTML, linking to each course's ``<slug>.html`` beside it."""
        return self._page(courses, None)

    def render_in_build(self, courses: Sequence[Course], context: BuildContext) -> bytes:
        """The page as UTF-8 HTML, linking only to the course pages and the calendar the build wrote."""
        return self._page(courses, context)

    def _page(self, courses: Sequence[Course], context: BuildContext | None) -> bytes:
        from exporters._catalogue_page import catalogue_page, item_list
        from exporters._jsonld import dump_jsonld
        from ncmw_course.listing import catalogue_listing

        pages = (lambda course: context.file("html", course.slug)) if context is not None else None
        listing = catalogue_listing(courses, self.today, pages)
        calendar = context.file("catalogue-ics") if context is not None else None
        return catalogue_page(listing, dump_jsonld(item_list(listing)), calendar)

    def warm_up(self) -> None:
        """Import what `render_catalogue` imports, before a build starts its workers (see ``WarmsUp``)."""
        for module in (
            "exporters._catalogue_page",
            "exporters._jsonld",
            "ncmw_course.listing",
            "ncmw_course.outline",
        ):
            importlib.import_module(module)

    def environment(self) -> dict[str, str]:
        """The day from which runs are shown, which changes from day to day (see ``DependsOnEnvironment``)."""
        return {"today": self.today.isoformat()}


def build_date() -> date:
    """The build's date: that of ``SOURCE_DATE_EPOCH`` when it is set, else today's, in the Netherlands.

    Raises:
        ExportError: ``SOURCE_DATE_EPOCH`` is set but is not a whole number of seconds.
    """
    from datetime import UTC, datetime, tzinfo
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from exporters._reproducible import source_date_epoch

    try:
        zone: tzinfo = ZoneInfo(TIME_ZONE)
    except ZoneInfoNotFoundError:  # a system without time zone data: the day in UTC
        zone = UTC
    moment = source_date_epoch() or datetime.now(UTC)
    return moment.astimezone(zone).date()


def _given_date(value: str | date) -> date:
    import re

    from ncmw_course.errors import ExportError

    if isinstance(value, date):
        return value
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    msg = f"the option today must be a date written YYYY-MM-DD, such as 2026-03-10, not {value!r}"
    raise ExportError(msg)
