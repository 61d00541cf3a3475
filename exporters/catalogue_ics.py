"""``catalogue-ics``: every dated run of every course of a build in one calendar (``catalogue.ics``)."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = ["CatalogueIcsExporter"]


class CatalogueIcsExporter:
    """Writes ``catalogue.ics``: the course calendar of a whole catalogue, for a subscription.

    Its events are those the ``ics`` format writes for each course (an event per day per run, in
    Europe/Amsterdam time, with the same UIDs, so that a calendar subscribed to the catalogue and
    one that imported a course's own file agree), for every run whose days are all dated; a course
    without such a run is not in it, and a catalogue without any is not ready. Past runs stay in
    the calendar: a subscriber's history keeps them. The calendar is named after the catalogue and
    its providers (``Cursusaanbod – NCMW``) in the language of the first course, as the catalogue
    page is.
    """

    name: ClassVar[str] = "catalogue-ics"
    file_extension: ClassVar[str] = ".ics"
    media_type: ClassVar[str] = "text/calendar"
    description: ClassVar[str] = (
        "Every dated run of every course in one calendar, to subscribe to (catalogue.ics)"
    )
    scope: ClassVar[str] = "catalogue"

    def render_catalogue(self, courses: Sequence[Course]) -> bytes:
        """The calendar as the bytes of an .ics file (UTF-8, CRLF line ends, folded lines).

        Raises:
            NotReadyError: No course has a run whose days are all dated.
        """
        from exporters._ics import catalogue_calendar_bytes
        from ncmw_course.errors import NotReadyError
        from ncmw_course.listing import catalogue_title

        data = catalogue_calendar_bytes(courses, catalogue_title(courses))
        if data is None:
            missing = "editions: a run whose days are all dated, in at least one course"
            raise NotReadyError(self.name, [missing])
        return data

    def warm_up(self) -> None:
        """Import what `render_catalogue` imports, before a build starts its workers (see ``WarmsUp``)."""
        for module in ("exporters._ics", "ncmw_course.listing"):
            importlib.import_module(module)
