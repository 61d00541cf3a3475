"""``catalogue-json``: every course of a build in one JSON document, with an index."""

from __future__ import annotations

import importlib
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from ncmw_course.model import Course

__all__ = ["CatalogueJsonExporter"]


class CatalogueJsonExporter:
    """Writes ``catalogue.json``: an index for listing pages and each course's canonical JSON.

    The courses are serialised exactly as the ``json`` format writes them (without their own
    ``"$schema"``); the document names ``urn:ncmw-course:schema:catalogue:1``, published as
    ``schema/catalogue.schema.json``.
    """

    name: ClassVar[str] = "catalogue-json"
    file_extension: ClassVar[str] = ".json"
    media_type: ClassVar[str] = "application/json"
    description: ClassVar[str] = "All courses of a build in one JSON file, with an index (catalogue.json)"
    scope: ClassVar[str] = "catalogue"

    def render_catalogue(self, courses: Sequence[Course]) -> bytes:
        """Serialise the catalogue of `courses`."""
        from ncmw_course.catalogue import CATALOGUE_SCHEMA_ID, make_catalogue

        document = {"$schema": CATALOGUE_SCHEMA_ID, **make_catalogue(courses).model_dump(mode="json")}
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def warm_up(self) -> None:
        """Import what `render_catalogue` imports, before a build starts its workers (see ``WarmsUp``)."""
        for module in ("ncmw_course.catalogue",):
            importlib.import_module(module)
